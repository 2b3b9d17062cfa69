"""The door from Excel: what the button «Lag dokumenter» runs, and the same without Excel.

The button runs xlwings' ``RunPython "import generator.excel; generator.excel.main()"``
(see :mod:`.xlsm`), whatever the workbook is called; older workbooks reach :func:`main`
through a shim named after the workbook. Only :func:`main` and
:func:`.cells.write_log_book` touch xlwings: main gets the calling workbook, saves it,
and hands its path to :func:`.outcome.run_for`, which runs the pipeline on the
workbook's folder. The result goes back into the workbook as rows on top of the «Logg»
sheet and as a message box. :func:`run_file` (``python -m generator.excel``) does the
same on a file on disk, without Excel.

Nothing reaches the adviser as a Python traceback: every error is caught,
written to the log and told in bokmål.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import pipeline
from ..errors import StyringError
from ..problems import Problems
from .cells import write_log_book, write_log_file
from .outcome import Outcome, log_rows, run_for
from .xlsm import DEFAULT_OUT, LOG_SHEET

TITLE = "Lag dokumenter"

# Extra keyword arguments for pipeline.build (none: the same defaults as `styring build`).
BUILD_OPTIONS: dict[str, Any] = {}


def main() -> None:
    """What the button runs (``RunPython "import generator.excel; generator.excel.main()"``)."""
    book, app = calling_book(TITLE, "ingen dokumenter er laget")
    status(app, "Lager dokumenter …")
    outcome = press(book)
    tell(book, app, log_rows(outcome), outcome.ok, outcome.summary(), TITLE, False)


def calling_book(title: str, nothing: str) -> tuple[Any, Any]:
    """The workbook whose button «``title``» was pressed, and its Excel; outside Excel one
    line saying so (``nothing``: what was therefore not done) and exit code 1."""
    try:
        import xlwings as xw  # deferred: only in Excel (Windows/macOS), ½ s, optional

        book = xw.Book.caller()
        return book, book.app
    except Exception:
        sys.stderr.write(f"Knappen «{title}» må trykkes i en arbeidsbok som er åpen i "
                         f"Excel. Fant ikke arbeidsboken; {nothing}.\n")
        raise SystemExit(1) from None


def tell(book: Any, app: Any, rows: Sequence[Any], ok: bool, message: str, title: str,
         status_text: str | bool) -> None:
    """A button's outcome: ``rows`` in the Logg sheet (shown when it failed), the workbook
    saved, ``status_text`` in the status bar and ``message`` in a message box; without a
    message box the message goes to stderr and the exit code says how it went."""
    try:
        write_log_book(book, rows)
        if not ok:
            book.sheets[LOG_SHEET].activate()
        book.save()
    except Exception as e:
        message += (f"\n\nLoggen kunne ikke skrives i arbeidsboken ({type(e).__name__}). "
                    "Er arbeidsboken skrivebeskyttet?")
    status(app, status_text)
    try:
        app.alert(message, title=title, mode="info" if ok else "critical")
    except Exception:
        sys.stderr.write(message + "\n")
        raise SystemExit(0 if ok else 1) from None


def press(book: Any) -> Outcome:
    """Save the calling workbook and run the pipeline on its folder; never raises."""
    started = datetime.now()
    path = Path(".")
    try:
        path = Path(book.fullname)
        try:
            book.save()
        except Exception as e:
            report = pipeline.BuildReport(Problems())
            report.problems.error(path.name, None, None,
                                  f"arbeidsboken kunne ikke lagres ({type(e).__name__}). Er den "
                                  "skrivebeskyttet, eller har en annen den åpen? Lagre den selv "
                                  "(Ctrl+S) og prøv igjen.")
            return Outcome(path, path.parent / DEFAULT_OUT, started, report)
        return run_for(path, **BUILD_OPTIONS)
    except StyringError as e:
        return refused(path, e, started)
    except Exception:
        return Outcome(path, path.parent / DEFAULT_OUT, started, crash=traceback.format_exc())


def refused(path: Path, e: StyringError, started: datetime | None = None) -> Outcome:
    """The product's own error as the outcome: one bokmål line in the log, no traceback."""
    report = pipeline.BuildReport(Problems())
    report.problems.error(path.name, None, None, str(e))
    return Outcome(path, path.parent / DEFAULT_OUT, started or datetime.now(), report)


def status(app: Any, text: str | bool) -> None:
    with contextlib.suppress(Exception):  # the status bar is a nicety
        app.status_bar = text


def run_file(path: Path) -> Outcome:
    """The button without Excel: run the pipeline and write the log into the file."""
    try:
        outcome = run_for(path, **BUILD_OPTIONS)
    except StyringError as e:
        outcome = refused(path, e)
    except Exception:
        outcome = Outcome(path, path.parent / DEFAULT_OUT, crash=traceback.format_exc())
    write_log_file(path, log_rows(outcome))
    return outcome


def _cli(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator.excel",
        description="Gjør det samme som knappen «Lag dokumenter», uten Excel: lager dokumentene "
                    "fra arbeidsbøkene i mappen og skriver loggen i arket «Logg».")
    parser.add_argument("workbook", type=Path, help="Arbeidsboken (.xlsm) med knappen.")
    args = parser.parse_args(argv)
    try:
        outcome = run_file(args.workbook)
    except OSError as e:
        print(f"FEIL {e}", file=sys.stderr)
        return 1
    print(outcome.summary())
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    raise SystemExit(_cli())
