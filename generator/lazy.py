"""A heavy library imported on first use instead of at start-up.

``pikepdf`` takes about 40 ms to import; a build without PDF (or with nothing to convert)
never touches it, yet five modules name it. :func:`module` gives the module object at
once and loads it the first time one of its names is looked up (the standard library's
:class:`importlib.util.LazyLoader`). Type checkers see the real import::

    if TYPE_CHECKING:
        import pikepdf
    else:
        pikepdf = lazy.module("pikepdf")
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def module(name: str) -> ModuleType:
    """``name``, loaded when first used (the loaded module itself when it already is)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    found = importlib.util.module_from_spec(spec)
    sys.modules[name] = found
    loader.exec_module(found)
    return found
