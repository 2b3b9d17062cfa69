"""The console entry point: answers a no-change ``build`` before the CLI library loads.

Typer and its dependencies take longer to import than the whole no-change check, so a
plain ``styring build [WORKBOOKS…] [--out DIR] [--only KIND …] [--tertial N]
[--templates DIR] [--pdf/--no-pdf]`` is first read here; when
:func:`generator.output.fastpath.unchanged` finds nothing to do, it says so and exits 0.
A plain ``build`` (also with ``--force``) that has something to do is run here as well,
by :func:`generator.build_command.run`, which the full CLI's ``build`` calls too: Typer,
pydantic and rich's progress bar are not loaded for it. Anything else (another command,
--help, a typo) goes to :mod:`generator.cli`; ``--version`` is answered here too.

Ctrl-C is taken from the first instruction of the package on (:func:`generator.take_ctrl_c`):
until :func:`main` runs it prints «Avbrutt.» and exits 130 at once (nothing is written yet),
and from there on a KeyboardInterrupt anywhere ends the same way.
"""

from __future__ import annotations

import signal
import sys

from . import INTERRUPTED, on_ctrl_c, quiet_dropped_ctrl_c, take_ctrl_c

take_ctrl_c()  # (again) for ``python -m generator``, which is known only from here on

import contextlib  # noqa: E402 - after the Ctrl-C handler, on purpose
import os  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from . import paths  # noqa: E402
from .errors import StyringError  # noqa: E402


def parse_build(argv: list[str]) -> dict[str, Any] | None:
    """The options of a plain ``build`` command line that can be answered from the manifest
    (not ``--force``), or None to let the full CLI handle it."""
    opts = parse_plain_build(argv)
    if opts is None or opts.pop("force"):
        return None
    return opts


def parse_plain_build(argv: list[str]) -> dict[str, Any] | None:
    """The options of a plain ``build`` command line (``--force`` too), or None to let the
    full CLI handle it (``--help``, anything it does not know, a value it would refuse)."""
    if not argv or argv[0] != "build":
        return None
    opts: dict[str, Any] = {"workbooks": [], "out": None, "only": [],
                            "tertial": None, "templates": None, "pdf": None, "force": False}
    args = iter(argv[1:])
    for arg in args:
        name, eq, value = arg.partition("=")
        if name in ("--out", "--only", "--tertial", "--templates"):
            given = value if eq else next(args, None)
            if given is None:
                return None
            value = given
            if name == "--only":  # an unknown kind matches no earlier build: the full CLI
                opts["only"].append(value)
            elif name == "--tertial":
                if value not in ("1", "2", "3"):
                    return None
                opts["tertial"] = int(value)
            else:
                opts[name[2:]] = Path(value)
        elif arg in ("--pdf", "--no-pdf"):
            opts["pdf"] = arg == "--pdf"
        elif arg == "--force":
            opts["force"] = True
        elif arg.startswith("-"):
            return None  # --help and anything unknown: the full CLI
        else:
            opts["workbooks"].append(Path(arg))
    return opts


def try_unchanged(argv: list[str]) -> bool:
    """Print the no-change answer and return True, or return False (a real build is due)."""
    opts = parse_build(argv)
    if opts is None:
        return False
    from .output.fastpath import unchanged  # deferred: not for `--version` or another command

    inputs = paths.default_inputs(opts["workbooks"])
    out = opts["out"] if opts["out"] is not None else paths.default_out(inputs)
    quick = unchanged(inputs, out, opts["templates"], opts["only"] or None, opts["tertial"],
                      opts["pdf"])
    if quick is None:
        return False
    quick.say()
    return True


def main() -> None:
    """Entry point of ``styring`` and ``python -m generator``. Ctrl-C anywhere gives
    «Avbrutt.» and exit code 130 (a build in progress says how the folder stands)."""
    try:
        signal.signal(signal.SIGINT, on_ctrl_c)  # a KeyboardInterrupt now, remembered
        sys.unraisablehook = quiet_dropped_ctrl_c
        _main()
    except KeyboardInterrupt:
        with contextlib.suppress(OSError):
            print("Avbrutt.", file=sys.stderr, flush=True)
        raise SystemExit(INTERRUPTED) from None
    except Exception:  # a fault in the program itself: never a traceback on the screen
        if os.environ.get("STYRING_FEILSOK"):
            raise
        told = crash_report()
        with contextlib.suppress(OSError):
            print(f"FEIL En uventet feil i styring stoppet kommandoen. Det er en feil i "
                  f"programmet, ikke i arbeidsbøkene dine. {told}", file=sys.stderr,
                  flush=True)
        raise SystemExit(CRASHED) from None


CRASHED = 70  # EX_SOFTWARE: a fault in the program, not in the input


def crash_report() -> str:
    """Write the traceback of the exception being handled to a file in the temporary folder
    and say where (for the one who runs the program: IT or the product's developers)."""
    import tempfile
    import time
    import traceback

    try:
        with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", delete=False, prefix="styring-feil-",
                suffix=time.strftime("-%Y%m%d-%H%M%S.txt")) as fh:
            fh.write(f"styring {' '.join(sys.argv[1:])}\n\n{traceback.format_exc()}")
        return (f"Detaljene er lagret i {fh.name}; send filen til den som drifter styring "
                "(STYRING_FEILSOK=1 viser dem her).")
    except OSError:
        return "Kjør kommandoen igjen med STYRING_FEILSOK=1 for å se detaljene."


def _main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from . import __version__  # deferred: reads pyproject.toml or the metadata

        print(f"styring {__version__}")
        return
    argv = sys.argv[1:]
    plain = parse_plain_build(argv)
    try:
        if plain is not None and not plain["force"] and try_unchanged(argv):
            return
    except (OSError, StyringError):
        plain = None  # the full CLI reports them properly (one FEIL line: generator.cli.refuse)
    if plain is not None:  # a real build, without Typer: the same words and exit codes
        from .dataclass_cache import install

        install()  # the data classes' methods compiled once, not at every start
        from .build_command import consoles, run
        from .problems import quiet_third_party

        quiet_third_party()
        console, err = consoles()
        code = run(console, err, **plain)
        if code:
            raise SystemExit(code)
        return
    from .cli import main as full  # deferred: Typer costs more than the no-change answer

    full()
