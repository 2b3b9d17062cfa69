"""The Python side of the Excel button «Lag dokumenter».

The button runs xlwings' ``RunPython "import generator.excel; generator.excel.main()"``
(see :mod:`.xlsm`), whatever the workbook is called; older workbooks reach :func:`main`
through a shim named after the workbook. Only :func:`main` and :func:`write_log_book` touch
xlwings: main gets the calling workbook, saves it, and hands its path to
:func:`run_for`, which runs exactly the pipeline the command line runs
(:func:`generator.pipeline.build`) on every workbook in the workbook's folder.
The result goes back into the workbook as rows on top of the «Logg» sheet (with
links to the cells that need fixing) and as a message box.

Nothing reaches the adviser as a Python traceback: every error is caught,
written to the log and told in bokmål.

Documents go to the folder named by ``Utmappe`` in the ``xlwings.conf`` sheet,
relative to the workbooks' folder (default: ``dokumenter``).

Every text that comes from the workbooks (file, sheet and values in messages) is
written as text, never as a formula: through Excel with Excel's apostrophe
prefix, through openpyxl as a string cell with the quote prefix.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import pipeline
from ..files import write_atomic
from ..formulas import looks_like_formula
from ..input.reader import normalise
from ..problems import Level, Problem, Problems
from .xlsm import CONF_SHEET, DEFAULT_OUT, LOG_HEADERS, LOG_SHEET, OUT_KEY

MAX_PROBLEMS_LOGGED = 300
MAX_LOG_ROWS = 5000
MAX_CELL_TEXT = 8000
MAX_FORMULA_ARG = 255  # Excel's limit for a string argument of HYPERLINK
OPEN_IN_EXCEL = "filen ser ut til å være åpen i Excel"
TITLE = "Lag dokumenter"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")
_ROW = re.compile(r"^rad ([0-9]{1,7})$")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")

# Extra keyword arguments for pipeline.build (none: the same defaults as `styring build`).
BUILD_OPTIONS: dict[str, Any] = {}


@dataclass(frozen=True)
class Link:
    """A cell that links somewhere: ``#'Risiko'!E7`` (this workbook),
    ``C:\\…\\risiko.xlsx#'Risiko'!E7`` (another workbook) or a folder."""

    target: str
    text: str


LogCell = str | Link
LogRow = tuple[LogCell, ...]


@dataclass
class Outcome:
    """What one press of the button gave."""

    workbook: Path
    out_dir: Path
    started: datetime = field(default_factory=datetime.now)
    report: pipeline.BuildReport | None = None
    crash: str | None = None  # the traceback of an unexpected error

    @property
    def ok(self) -> bool:
        return self.crash is None and self.report is not None and self.report.ok

    @property
    def problems(self) -> list[Problem]:
        return self.report.problems.items if self.report else []

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level is Level.ERROR]

    @property
    def files(self) -> list[Path]:
        return list(self.report.files) if self.ok and self.report else []

    def counts(self) -> dict[str, int]:
        return dict(self.report.counts) if self.ok and self.report else {}

    def summary(self) -> str:
        """The text of the message box, in bokmål."""
        if self.crash is not None:
            return ("Det oppstod en uventet feil, og ingen dokumenter er laget.\n\n"
                    f"Detaljene står i arket «{LOG_SHEET}». Prøv igjen; kommer feilen tilbake, "
                    "send arbeidsboken eller en skjermdump av loggen til IT.")
        assert self.report is not None
        if self.ok:
            n = sum(self.counts().values())
            notes = len(self.problems)
            text = (f"Ferdig! {_documents(n)} ligger i\n{self.report.out_dir}\n\n"
                    f"Se arket «{LOG_SHEET}» for hva som ble laget.")
            if notes:
                text += f" Loggen har {notes} merknader (ikke feil)."
            return text
        errors = self.errors
        lines = "\n".join(f"• {_short(str(p), 200)}" for p in errors[:5])
        more = f"\n… og {len(errors) - 5} til." if len(errors) > 5 else ""
        return (f"Ingen dokumenter er laget: fant {len(errors)} feil.\n\n{lines}{more}\n\n"
                f"Alle feilene står i arket «{LOG_SHEET}», med lenke til cellen som må "
                "rettes. Rett dem og trykk «Lag dokumenter» igjen.")


# --- the pure part: paths in, outcome out -----------------------------------------------------

def output_dir(workbook: Path) -> Path:
    """Where the documents go: ``Utmappe`` in the xlwings.conf sheet, else ``dokumenter``;
    a relative folder is taken from the workbook's folder."""
    value = _conf_value(workbook, OUT_KEY) or DEFAULT_OUT
    path = Path(os.path.expandvars(value.strip()))
    return path if path.is_absolute() else workbook.parent / path


def _conf_value(workbook: Path, key: str) -> str | None:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(workbook, read_only=True, data_only=True, keep_links=False)
    except Exception:  # a broken file is reported by the pipeline; here: use the default
        return None
    try:
        if CONF_SHEET not in wb.sheetnames:
            return None
        for row in wb[CONF_SHEET].iter_rows(min_row=1, max_row=200, max_col=2,
                                            values_only=True):
            if row and normalise(row[0]) == normalise(key):
                value = row[1] if len(row) > 1 else None
                return str(value) if value not in (None, "") else None
        return None
    finally:
        wb.close()


def run_for(workbook: Path, out_dir: Path | None = None, **options: Any) -> Outcome:
    """Build every document from the workbooks in ``workbook``'s folder, like ``styring build``.

    ``workbook`` is the file whose button was pressed. Never raises on bad input:
    the outcome holds the problems (a Python error still propagates; :func:`main`
    catches it).
    """
    started = datetime.now()
    if not workbook.is_file():
        report = pipeline.BuildReport(Problems())
        report.problems.error(workbook.name, None, None,
                              "arbeidsboken finnes ikke som en vanlig fil på disken (ligger den "
                              "i nettleseren, på SharePoint uten synkronisering eller i et "
                              "e-postvedlegg?). Lagre den i en mappe sammen med de andre "
                              "arbeidsbøkene og prøv igjen.")
        return Outcome(workbook, out_dir or workbook.parent / DEFAULT_OUT, started, report)
    out = out_dir or output_dir(workbook)
    report = pipeline.build([workbook.parent], out, **options)
    # The workbook whose button was pressed is open in Excel, of course; no need to say so.
    report.problems.items = [p for p in report.problems.items
                             if not (p.file == workbook.name and p.level is Level.NOTICE
                                     and p.message.startswith(OPEN_IN_EXCEL))]
    return Outcome(workbook, out, started, report)


def problem_link(problem: Problem, workbook: Path) -> str | None:
    """Where a problem's cell is: ``#'Risiko'!E7`` in this workbook, or the other
    workbook's path followed by ``#'Sheet'!Cell``; None when it is not in a workbook."""
    if Path(problem.file).suffix.lower() not in WORKBOOK_SUFFIXES or "/" in problem.file \
            or "\\" in problem.file:
        return None
    path = workbook.parent / problem.file
    if problem.file != workbook.name and not path.is_file():
        return None
    place = None
    if problem.sheet:
        sheet = problem.sheet.replace("'", "''")
        place = f"'{sheet}'!{_cell(problem.cell)}"
    if problem.file == workbook.name:
        return f"#{place}" if place else None
    return f"{path}#{place}" if place else str(path)


def _cell(cell: str | None) -> str:
    """A problem's cell as a cell reference: «E7» as is, «rad 7» → A7, none → A1."""
    text = (cell or "").strip()
    if m := _CELL.match(text):
        return f"{m[1].upper()}{m[2]}"
    if m := _ROW.match(text):
        return f"A{m[1]}"
    return "A1"


def log_rows(outcome: Outcome) -> list[LogRow]:
    """The rows one run adds on top of the «Logg» sheet (newest first), ending with a
    blank row. Columns: Tid, Resultat, Hvor, Melding."""
    when = outcome.started.strftime("%d.%m.%Y %H:%M:%S")
    rows: list[LogRow] = []
    if outcome.crash is not None:
        last = outcome.crash.strip().splitlines()[-1] if outcome.crash.strip() else "ukjent"
        rows.append((when, "STOPP", outcome.workbook.name,
                     f"Uventet feil; ingen dokumenter er laget. Send gjerne denne loggen til IT. "
                     f"({last})"))
        rows.append(("", "detaljer", "", outcome.crash))
        return [*rows, ("", "", "", "")]
    report = outcome.report
    assert report is not None
    if outcome.ok:
        n = sum(outcome.counts().values())
        folder = report.out_dir or outcome.out_dir
        if report.unchanged:
            rows.append((when, "OK", Link(str(folder), str(folder)),
                         f"Ingen endringer: {_documents(n)} er som de skal være; ingenting å "
                         "gjøre."))
        else:
            rows.append((when, "OK", Link(str(folder), str(folder)),
                         f"Laget {_documents(n)} på {_seconds(report.seconds)} fra "
                         f"{_names(report.inputs)}."))
        for kind, count in outcome.counts().items():
            kind_dir = folder / kind
            rows.append(("", "laget", Link(str(kind_dir), kind), f"{kind}: {_documents(count)}"))
        page = getattr(report.outcome, "overview", None) or folder / "oversikt.html"
        if page.is_file():
            rows.append(("", "oversikt", Link(str(page), page.name), "Oversikt over dokumentene "
                         "med status, lenker og merknader (åpnes i nettleseren)."))
        note = getattr(report, "pdf_note", None)
        if note:
            rows.append(("", "merknad", "", f"Bare Word-filer ble laget. {note}"))
    else:
        errors = outcome.errors
        rows.append((when, "FEIL", outcome.workbook.name,
                     f"Fant {len(errors)} feil; ingen dokumenter er laget. Rett feilene under "
                     "(klikk på stedet for å gå til cellen) og trykk «Lag dokumenter» igjen."))
    ordered = sorted(outcome.problems, key=lambda p: p.level is not Level.ERROR)
    for p in ordered[:MAX_PROBLEMS_LOGGED]:
        target = problem_link(p, outcome.workbook)
        place: LogCell = Link(target, p.place) if target else p.place
        rows.append(("", p.level.value, place, p.message))
    if len(ordered) > MAX_PROBLEMS_LOGGED:
        rows.append(("", "", "", f"… og {len(ordered) - MAX_PROBLEMS_LOGGED} til. Kjør "
                     "«styring check» på mappen for hele listen."))
    return [*rows, ("", "", "", "")]


def _documents(n: int) -> str:
    return "1 dokument" if n == 1 else f"{n} dokumenter"


def _names(paths: Sequence[Path]) -> str:
    return ", ".join(p.name for p in paths) or "(ingen)"


def _seconds(s: float) -> str:
    return f"{s:.1f} s".replace(".", ",")


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --- cells: text stays text --------------------------------------------------------------------

def clean(text: str) -> str:
    """Text a cell can hold: no control characters, at most MAX_CELL_TEXT characters."""
    return _short(_ILLEGAL.sub("", text), MAX_CELL_TEXT)


def hyperlink_formula(link: Link) -> str | None:
    """``=HYPERLINK("target","text")`` with both as string literals (quotes doubled),
    or None when Excel's 255-character limit would break it."""
    target, text = clean(link.target), clean(link.text)
    if len(target) > MAX_FORMULA_ARG or len(text) > MAX_FORMULA_ARG:
        return None
    q = lambda s: s.replace('"', '""').replace("\n", " ")  # noqa: E731
    return f'=HYPERLINK("{q(target)}","{q(text)}")'


def excel_value(cell: LogCell) -> str | None:
    """The value to give Excel (through xlwings) for one log cell.

    Excel reads a value as the user's typing: «=…» becomes a formula, «1-2» a date.
    Every text therefore gets Excel's apostrophe prefix, which Excel hides and which
    makes the rest literal text. Links become a HYPERLINK formula built here.
    """
    if isinstance(cell, Link):
        formula = hyperlink_formula(cell)
        return formula if formula else "'" + clean(cell.text)
    text = clean(cell)
    return "'" + text if text else None


def write_log_book(book: Any, rows: Sequence[LogRow]) -> None:
    """Put ``rows`` on top of the workbook's «Logg» sheet through xlwings (Excel is open)."""
    names = [s.name for s in book.sheets]
    if LOG_SHEET in names:
        sheet = book.sheets[LOG_SHEET]
    else:
        sheet = book.sheets.add(LOG_SHEET, after=book.sheets[len(names) - 1])
    if not sheet.range("A1").value:
        sheet.range("A1").value = [["'" + h for h in LOG_HEADERS]]
    n = len(rows)
    sheet.range(f"2:{n + 1}").insert("down", "format_from_right_or_below")
    sheet.range("A2").value = [[excel_value(c) for c in row] for row in rows]
    last = sheet.used_range.last_cell.row
    if last > MAX_LOG_ROWS:
        sheet.range(f"{MAX_LOG_ROWS + 1}:{last}").delete()


def write_log_file(path: Path, rows: Sequence[LogRow]) -> None:
    """Put ``rows`` on top of the «Logg» sheet of a workbook on disk, without Excel.

    openpyxl keeps the VBA project and the button (``keep_vba``) and only the «Logg»
    sheet changes. Refuses while Excel has the file open (it would overwrite the save).
    """
    import openpyxl
    from openpyxl.styles import Font

    if path.with_name("~$" + path.name).exists():
        raise OSError(f"{path.name} er åpen i Excel; loggen skrives ikke. Lukk filen og prøv "
                      "igjen.")
    wb = openpyxl.load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm", keep_links=True)
    ws = wb[LOG_SHEET] if LOG_SHEET in wb.sheetnames else wb.create_sheet(LOG_SHEET)
    if not ws["A1"].value:
        for j, h in enumerate(LOG_HEADERS, start=1):
            _text_cell(ws.cell(row=1, column=j), h).font = Font(bold=True)
    ws.insert_rows(2, len(rows))
    for i, row in enumerate(rows, start=2):
        for j, value in enumerate(row, start=1):
            cell = ws.cell(row=i, column=j)
            if isinstance(value, Link):
                formula = hyperlink_formula(value)
                if formula:
                    cell.value = formula
                    cell.font = Font(color="0563C1", underline="single")
                else:
                    _text_cell(cell, value.text)
            elif value:
                _text_cell(cell, value)
    if ws.max_row > MAX_LOG_ROWS:
        ws.delete_rows(MAX_LOG_ROWS + 1, ws.max_row - MAX_LOG_ROWS)
    buf = io.BytesIO()
    wb.save(buf)
    write_atomic(path, buf.getvalue())


def _text_cell(cell: Any, text: str) -> Any:
    """A string cell, never a formula; formula-looking text also gets Excel's quote prefix."""
    value = clean(text)
    cell.value = value
    cell.data_type = "s"  # openpyxl makes «=…» a formula otherwise
    if looks_like_formula(value):
        cell.quotePrefix = True
    return cell


# --- the door from Excel -----------------------------------------------------------------------

def main() -> None:
    """What the button runs (``RunPython "import generator.excel; generator.excel.main()"``)."""
    try:
        import xlwings as xw

        book = xw.Book.caller()
        app = book.app
    except Exception:
        sys.stderr.write("Knappen «Lag dokumenter» må trykkes i en arbeidsbok som er åpen i "
                         "Excel. Fant ikke arbeidsboken; ingen dokumenter er laget.\n")
        raise SystemExit(1) from None
    _status(app, "Lager dokumenter …")
    outcome = press(book)
    message = outcome.summary()
    try:
        write_log_book(book, log_rows(outcome))
        if not outcome.ok:
            book.sheets[LOG_SHEET].activate()
        book.save()
    except Exception as e:
        message += (f"\n\nLoggen kunne ikke skrives i arbeidsboken ({type(e).__name__}). "
                    "Er arbeidsboken skrivebeskyttet?")
    _status(app, False)
    try:
        app.alert(message, title=TITLE, mode="info" if outcome.ok else "critical")
    except Exception:
        sys.stderr.write(message + "\n")
        raise SystemExit(0 if outcome.ok else 1) from None


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
    except Exception:
        return Outcome(path, path.parent / DEFAULT_OUT, started, crash=traceback.format_exc())


def _status(app: Any, text: str | bool) -> None:
    with contextlib.suppress(Exception):  # the status bar is a nicety
        app.status_bar = text


def run_file(path: Path) -> Outcome:
    """The button without Excel: run the pipeline and write the log into the file."""
    try:
        outcome = run_for(path, **BUILD_OPTIONS)
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
