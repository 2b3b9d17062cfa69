"""Compiled templates kept on disk, so a build whose templates did not change neither
preprocesses nor compiles them again (and so never imports docxtpl and python-docx).

:class:`~generator.rendering.fast.FastTemplate` turns each template part into Jinja source
with docxtpl's ``patch_xml`` (≈ 25 ms of imports for python-docx alone) and compiles it
with Jinja (≈ 20 ms per template). Both are pure functions of the part's text and of the
code doing them, so their results are kept in one file per template: the preprocessed
texts by the SHA-256 of their input, the compiled Jinja code (as Python's ``marshal``
writes it, like Jinja's own bytecode cache) by the SHA-256 of its source. The file's name
is the SHA-256 of the template bytes and of everything the results depend on: the text of
the modules that check, preprocess and compile (:data:`_OWN_MODULES`; the product's
version where they cannot be read), the Python, Jinja and docxtpl versions. A different template,
product, Python or library gives a different name, so a stale result is never read.

The templates with the municipality's profile and the language applied are kept there too
(:mod:`.prepared`), by what they are made from, and used only when their SHA-256 is the one
the last build recorded.

The files are code Python runs, so they live in the user's own cache folder (never in the
output folder, which is often on a shared drive): ``%LOCALAPPDATA%\\styringsdokumenter``
on Windows, ``$XDG_CACHE_HOME/styringsdokumenter`` or ``~/.cache/styringsdokumenter``
elsewhere; ``STYRING_CACHE`` names another folder, ``STYRING_CACHE=av`` turns it off. A
missing, damaged or unwritable cache only costs the time it would have saved.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2

from ..files import write_atomic
from ..paths import cache_folder

FORMAT = 1  # the layout of a cache file; raise it when that changes
KEEP = 64  # cache files kept (the oldest beyond this are removed when one is written)
_HERE = Path(__file__).resolve().parent
# The modules whose code decides the preprocessed text or the compiled Jinja code.
# (and package_check.py, docx_package.py: a cache file also says that this code found the
# template's bytes sound)
_OWN_MODULES = ("compiled.py", "fast.py", "template.py", "strict.py", "sandbox.py",
                "package_check.py", "docx_package.py", "../norsk.py")


def folder() -> Path | None:
    """The cache folder (not made yet), or None when the cache is turned off."""
    return cache_folder()


@functools.cache
def code_key() -> bytes:
    """Everything but the template that the cached results depend on, as one digest."""
    h = hashlib.sha256(f"{FORMAT}\n{sys.version}\n{importlib.util.MAGIC_NUMBER.hex()}\n"
                       f"{jinja2.__version__}\n".encode())
    for name in _OWN_MODULES:
        try:
            h.update((_HERE / name).read_bytes())
        except OSError:  # a frozen install: the product version stands for its code
            from .. import __version__

            h.update(f"{name}:{__version__}\n".encode())
    spec = importlib.util.find_spec("docxtpl")  # found, not imported
    where = Path(spec.origin).parent if spec and spec.origin else None
    for name in ("__init__.py", "template.py"):
        try:
            st = (where / name).stat() if where else None
            h.update(f"{where}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode() if st else b"-")
        except OSError:
            h.update(b"-")
    return h.digest()


class Memo:
    """The cached results for one template's bytes (empty when there are none yet)."""

    def __init__(self, data: bytes, where: Path | None):
        self.path = (where / f"{hashlib.sha256(code_key() + data).hexdigest()}.bin"
                     if where is not None else None)
        self._texts: dict[str, str] = {}
        self._codes: dict[str, CodeType] = {}
        self._dirty = False
        self.found = False  # read from the cache: these bytes were compiled before
        if self.path is not None:
            self._read(self.path)

    def _read(self, path: Path) -> None:
        try:
            raw = path.read_bytes()
        except OSError:
            return
        try:
            fmt, texts, codes = marshal.loads(raw)
        except (EOFError, ValueError, TypeError):
            return  # damaged or from another layout: made again
        if fmt == FORMAT and isinstance(texts, dict) and isinstance(codes, dict) and all(
                isinstance(c, CodeType) for c in codes.values()):
            self._texts, self._codes = texts, codes
            self.found = True

    def text(self, kind: str, xml: str, make: Callable[[str], str]) -> str:
        """``make(xml)``, from the cache when it was made before (``kind`` names the step)."""
        key = kind + hashlib.sha256(xml.encode("utf-8", "surrogatepass")).hexdigest()
        out = self._texts.get(key)
        if out is None:
            out = self._texts[key] = make(xml)
            self._dirty = True
        return out

    def template(self, env: jinja2.Environment, source: str) -> jinja2.Template:
        """``env.from_string(source)``, its compiled code from the cache when there."""
        key = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
        code = self._codes.get(key)
        if code is None:
            code = self._codes[key] = env.compile(source)  # raises as from_string does
            self._dirty = True
        tpl: Any = env.template_class.from_code(env, code, env.make_globals(None), None)
        return tpl

    def save(self) -> None:
        """Write what was added (nothing when everything came from the cache)."""
        if not self._dirty or self.path is None:
            return
        self._dirty = False
        try:
            write_atomic(self.path, marshal.dumps((FORMAT, self._texts, self._codes)),
                         durable=False)
            prune(self.path.parent, "*.bin")
        except OSError:
            pass  # a read-only or full disk: the next build compiles again


def prune(where: Path, pattern: str) -> None:
    """Remove the oldest files matching ``pattern`` beyond :data:`KEEP`."""
    try:
        files = sorted(where.glob(pattern), key=lambda p: p.stat().st_mtime_ns)
    except OSError:
        return
    for old in files[:-KEEP]:
        old.unlink(missing_ok=True)
