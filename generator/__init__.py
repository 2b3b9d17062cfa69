"""Kommunens styringsdokumenter fra Excel-arbeidsbøker til Word, PDF/A og arkiv."""

DISTRIBUTION = "styringsdokumenter"


def _version() -> str:
    """The version of the package that is running.

    Installed (wheel, pipx): its metadata. A source checkout (pyproject.toml beside the
    package, also an editable install) reads its own pyproject.toml, since the metadata
    found on sys.path may belong to another checkout installed in the same venv.
    """
    import tomllib
    from importlib.metadata import PackageNotFoundError, version
    from pathlib import Path

    try:
        with (Path(__file__).resolve().parent.parent / "pyproject.toml").open("rb") as fh:
            project = tomllib.load(fh).get("project", {})
        if project.get("name") == DISTRIBUTION:
            return str(project["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        pass
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+ukjent"


def __getattr__(name: str) -> str:
    """``__version__``, worked out on first use: importing the package does nothing else, so
    the console entry (:mod:`generator.quick`) is reached at once and can take Ctrl-C."""
    if name == "__version__":
        value = globals()["__version__"] = _version()
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
