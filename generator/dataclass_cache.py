"""The methods Python's ``dataclasses`` writes for each class, compiled once and kept.

``@dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``
… for every class and compiles it (``exec`` of the text) when the module defining the
class is imported: the product's ≈ 145 data classes cost a build ≈ 50 ms of compiling
(542 small functions) at every start, a tenth of a one-cell rebuild. After
:func:`install`, the ``exec`` that ``dataclasses`` calls takes the compiled code of a text
it compiled before from a file in the user's cache folder (:func:`generator.paths.cache_folder`,
as :mod:`generator.rendering.compiled`), by the SHA-256 of the text. The code is what Python
compiles from the same text with the same flags, so the classes are the same; ``exec``
then runs it as before. The file's name covers the Python version and its ``dataclasses``
module; new texts are added when the process ends. With the cache turned off nothing
changes.
"""

from __future__ import annotations

import atexit
import builtins
import contextlib
import dataclasses
import hashlib
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

MAX_KEPT = 5000  # texts kept (a product version uses ≈ 550); beyond, only the last process's
_installed: list[Path] = []


def install() -> bool:
    """Compile the data classes defined from now on from the kept code (True when on)."""
    if _installed:
        return True
    if "exec" in vars(dataclasses):  # someone else's stand-in: left alone
        return False
    from .paths import cache_folder

    where = cache_folder()
    if where is None:
        return False
    source = Path(dataclasses.__file__)
    try:
        st = source.stat()
    except OSError:
        return False
    key = hashlib.sha256(f"{sys.version}\n{source}:{st.st_size}:{st.st_mtime_ns}".encode())
    path = where / f"dataklasser-{key.hexdigest()[:32]}.bin"
    codes = _read(path)
    added: dict[str, CodeType] = {}
    used: set[str] = set()

    def exec_kept(source: Any, globals: Any = None, locals: Any = None) -> None:
        if not isinstance(source, str):
            builtins.exec(source, globals, locals)  # as dataclasses asked
            return
        digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
        code = codes.get(digest)
        used.add(digest)
        if code is None:
            # as exec compiles a text called from dataclasses (no __future__ flags there)
            code = added[digest] = compile(source, "<string>", "exec", dont_inherit=True)
        builtins.exec(code, globals, locals)  # what dataclasses itself does with it

    def save() -> None:
        if not added:
            return
        from .files import write_atomic

        kept = {**codes, **added} if len(codes) + len(added) <= MAX_KEPT else {
            k: c for k, c in {**codes, **added}.items() if k in used}  # the old ones go
        with contextlib.suppress(OSError, ValueError):  # a read-only or full disk
            write_atomic(path, marshal.dumps((1, kept)), durable=False)

    _added.append(added)
    dataclasses.exec = exec_kept  # type: ignore[attr-defined]  # found before the builtin
    atexit.register(save)
    _installed.append(path)
    return True


_added: list[dict[str, CodeType]] = []


def compiled_now() -> int | None:
    """How many texts this process compiled afresh since :func:`install` (None: not on)."""
    return len(_added[0]) if _added else None


def _read(path: Path) -> dict[str, CodeType]:
    try:
        fmt, codes = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if fmt != 1 or not isinstance(codes, dict) or not all(
            isinstance(k, str) and isinstance(c, CodeType) for k, c in codes.items()):
        return {}
    return codes
