"""Kommunens styringsdokumenter fra Excel-arbeidsbøker til Word, PDF/A og arkiv."""

# _signal is the C module behind «signal»: built in and loaded at start-up, as os and sys
# are, so importing it cannot be interrupted half-way the way loading a module file can.
import _signal  # type: ignore[import-not-found]
import os
import sys

INTERRUPTED = 130  # the exit code of a program stopped by Ctrl-C (128 + SIGINT)


def stop_at_start(signum: int, frame: object) -> None:
    """Ctrl-C while the ``styring`` command is still loading: nothing has been written yet,
    so say so and leave at once, without a traceback (see :mod:`generator.quick`)."""
    try:  # noqa: SIM105 - contextlib is one import more before Ctrl-C is taken
        os.write(2, b"Avbrutt.\n")
    except OSError:
        pass
    os._exit(INTERRUPTED)


def started_as_program() -> bool:
    """Whether the package is being loaded by the ``styring`` command or ``python -m
    generator`` (not imported by other code, such as tests, whose Ctrl-C stays theirs)."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if spec is not None and spec.name == "generator.__main__":
        return True
    name = os.path.basename(sys.argv[0] if sys.argv else "").lower()
    return name.removesuffix(".exe").removesuffix("-script.py") == "styring"


def take_ctrl_c() -> None:
    """From here on, until :func:`generator.quick.main` runs, Ctrl-C is :func:`stop_at_start`."""
    if started_as_program() and _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
        _signal.signal(_signal.SIGINT, stop_at_start)


take_ctrl_c()  # the first thing the program does

_ctrl_c_seen = False


def on_ctrl_c(signum: int, frame: object) -> None:
    """Ctrl-C once the program runs (set by :func:`generator.quick.main`): a
    KeyboardInterrupt, remembered, because Python drops one that is raised inside a
    finaliser (``__del__``) and the build would then go on as if nothing happened."""
    global _ctrl_c_seen
    _ctrl_c_seen = True
    raise KeyboardInterrupt


def quiet_dropped_ctrl_c(unraisable: "sys.UnraisableHookArgs") -> None:
    """``sys.unraisablehook``: a Ctrl-C dropped in a finaliser prints no English traceback
    (it is remembered by :func:`on_ctrl_c`); anything else as Python prints it."""
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        sys.__unraisablehook__(unraisable)


def ctrl_c_seen() -> bool:
    """Whether Ctrl-C has been pressed (see :func:`on_ctrl_c`); the build checks it before
    it puts anything in place."""
    return _ctrl_c_seen

DISTRIBUTION = "styringsdokumenter"


def _version() -> str:
    """The version of the package that is running.

    Installed (wheel, pipx): its metadata. A source checkout (pyproject.toml beside the
    package, also an editable install) reads its own pyproject.toml, since the metadata
    found on sys.path may belong to another checkout installed in the same venv.
    """
    import tomllib  # deferred: only `--version` and `doctor` ask, not the no-change answer
    from pathlib import Path

    try:
        with (Path(__file__).resolve().parent.parent / "pyproject.toml").open("rb") as fh:
            project = tomllib.load(fh).get("project", {})
        if project.get("name") == DISTRIBUTION:
            return str(project["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        pass
    own = _installed_version(Path(__file__).resolve().parent.parent)
    if own is not None:
        return own
    from importlib.metadata import PackageNotFoundError, version  # 20-50 ms: installed only

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+ukjent"


def _installed_version(site: "os.PathLike[str]") -> str | None:
    """The version in the metadata installed beside the package (``site-packages``), read
    directly: :func:`importlib.metadata.version` searches every distribution on sys.path
    (30-40 ms at every build of an installed product). None unless exactly one
    ``styringsdokumenter-*.dist-info`` there names this distribution."""
    import re
    from pathlib import Path

    found = list(Path(site).glob(f"{DISTRIBUTION}-*.dist-info"))
    if len(found) != 1:
        return None
    try:
        head = (found[0] / "METADATA").read_text(encoding="utf-8").split("\n\n", 1)[0]
    except (OSError, UnicodeDecodeError):
        return None
    name = re.search(r"(?m)^Name: *(\S+) *$", head)
    version = re.search(r"(?m)^Version: *(\S+) *$", head)
    if name is None or version is None or \
            re.sub(r"[-_.]+", "-", name[1]).lower() != DISTRIBUTION:
        return None
    return version[1]


def __getattr__(name: str) -> str:
    """``__version__``, worked out on first use: importing the package does nothing else, so
    the console entry (:mod:`generator.quick`) is reached at once and can take Ctrl-C."""
    if name == "__version__":
        value = globals()["__version__"] = _version()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
