"""A template with the municipality's profile and the build's language applied only when a
document is rendered from it.

Every build needs each template's SHA-256 after the profile and the language are applied
(it is part of every document's data hash, see :func:`generator.output.manifest.data_hash`),
but only the templates of the documents that are rendered again need the applied bytes.
Applying a profile re-zips the template (≈ 40 ms each), so a build that renders one
lederavtale should not do it for all four templates: :func:`prepare` takes the SHA-256
from what the last build recorded for the same inputs (``known``: :func:`key` → SHA-256),
and applies the profile when the bytes are first asked for.

The key covers every input of :func:`~.profile.profiled` and :func:`~.language.translated`:
the template's bytes, the whole profile, the language with its catalogue, and the product
version.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..texts import Language
from .language import translated
from .profile import profiled
from .template import Template

if TYPE_CHECKING:
    from ..input.profile_reader import Profil


def key(template: Template, profil: Profil, lang: Language) -> str:
    """What the applied template is made from, as one SHA-256."""
    h = hashlib.sha256(f"{__version__}\n{template.sha256}\n{profil.sha256}\n"
                       f"{profil.logo_px}\n".encode())
    if not lang.is_bokmål:
        h.update(json.dumps([lang.code, lang.fallback, lang.tag, sorted(lang.messages.items())],
                            ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


class Prepared(Template):
    """A :class:`Template` whose ``data`` (and ``parts``) are the profiled, translated
    template, made on first use; ``sha256`` is theirs, known beforehand or made at once."""

    def __init__(self, raw: Template, profil: Profil, lang: Language,
                 known: Mapping[str, Any]) -> None:
        self.path, self.name = raw.path, raw.name
        self.raw, self._profil, self._lang = raw, profil, lang
        self.trusted = raw.trusted  # made by this product from bytes found sound
        self.key = key(raw, profil, lang)  # what the applied bytes are made from
        self._applied: Template | None = None
        sha = known.get(self.key)
        self.sha256 = sha if isinstance(sha, str) else self._ready().sha256

    def _ready(self) -> Template:
        if self._applied is None:
            self._applied = translated(profiled(self.raw, self._profil), self._lang)
        return self._applied

    @property
    def data(self) -> bytes:  # type: ignore[override]
        return self._ready().data

    @property  # type: ignore[misc]
    def parts(self) -> Any:
        return self._ready().parts


def prepare(raw: Template, profil: Profil, lang: Language, known: Mapping[str, Any]
            ) -> Prepared:
    """``raw`` with the profile and language applied when needed (see the module text)."""
    return Prepared(raw, profil, lang, known)
