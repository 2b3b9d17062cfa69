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
version. The applied bytes are kept under that key in the user's cache folder (see
:mod:`.compiled`) and used when their SHA-256 is the one the last build recorded, so the
template a one-cell rebuild renders is not re-zipped either.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..files import write_atomic
from ..texts import Language
from . import compiled
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
        self._known = sha if isinstance(sha, str) else None
        self.sha256 = self._known if self._known is not None else self._ready().sha256

    def _ready(self) -> Template:
        if self._applied is None:
            where = compiled.folder()
            path = where / f"anvendt-{self.key}.docx" if where is not None else None
            self._applied = self._kept(path)
            if self._applied is None:
                self._applied = translated(profiled(self.raw, self._profil), self._lang)
                if path is not None and self._applied is not self.raw:
                    try:
                        write_atomic(path, self._applied.data, durable=False)
                        compiled.prune(path.parent, "anvendt-*.docx")
                    except OSError:
                        pass  # a read-only or full disk: applied again next time
        return self._applied

    def _kept(self, path: Path | None) -> Template | None:
        """The applied template from the cache folder, when its bytes are those the last
        build recorded (``known``)."""
        if path is None or self._known is None:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != self._known:
            return None
        out = copy.copy(self.raw)
        out.data, out.parts, out.sha256 = data, None, self._known
        return out

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
