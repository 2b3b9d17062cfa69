"""A template in the active language: its fixed texts translated, like the profiled template
(:func:`generator.rendering.profile.profiled`). The catalogues and the translation of the
template's XML are in :mod:`generator.texts`."""

from __future__ import annotations

import copy
import hashlib
from typing import Any

from ..texts import Language, active, translate_docx


def translated(template: Any, lang: Language | None = None) -> Any:
    """A :class:`~generator.rendering.template.Template` with its fixed texts in the
    active language (the same object for bokmål), like the profiled template."""
    lang = lang or active()
    if lang.is_bokmål:
        return template
    out = copy.copy(template)
    out.data = translate_docx(template.data, lang)
    out.parts = None  # unpacked from the new bytes when needed
    out.sha256 = hashlib.sha256(out.data).hexdigest()
    return out
