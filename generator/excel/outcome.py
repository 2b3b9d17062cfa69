"""One press of the button without Excel: the workbook's path in, an :class:`Outcome` out.

:func:`run_for` runs exactly the pipeline the command line runs
(:func:`generator.pipeline.build`) on every workbook in the pressed workbook's folder;
:func:`log_rows` turns the outcome into the rows of the «Logg» sheet, with links to the
cells that need fixing, and :meth:`Outcome.summary` into the message box.

Documents go to the folder named by ``Utmappe`` in the ``xlwings.conf`` sheet,
relative to the workbooks' folder (default: ``dokumenter``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl

from .. import pipeline
from ..documents.kind import folders
from ..input.reader import normalise
from ..output.signatures import summary_lines
from ..paths import out_folder_name
from ..problems import Level, Problem, Problems
from .cells import Link, LogCell, LogRow, shorten
from .xlsm import CONF_SHEET, LOG_SHEET, OUT_KEY

MAX_PROBLEMS_LOGGED = 300
OPEN_IN_EXCEL = "filen ser ut til å være åpen i Excel"
_CELL = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")
_ROW = re.compile(r"^rad ([0-9]{1,7})$")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


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
        lines = "\n".join(f"• {shorten(str(p), 200)}" for p in errors[:5])
        more = f"\n… og {len(errors) - 5} til." if len(errors) > 5 else ""
        return (f"Ingen dokumenter er laget: fant {len(errors)} feil.\n\n{lines}{more}\n\n"
                f"Alle feilene står i arket «{LOG_SHEET}», med lenke til cellen som må "
                "rettes. Rett dem og trykk «Lag dokumenter» igjen.")


def output_dir(workbook: Path) -> Path:
    """Where the documents go: ``Utmappe`` in the xlwings.conf sheet, else where
    ``styring build`` puts them (:func:`generator.paths.out_folder_name`); a relative folder
    is taken from the workbook's folder."""
    value = _conf_value(workbook, OUT_KEY) or out_folder_name(workbook.parent)
    path = Path(os.path.expandvars(value.strip()))
    return path if path.is_absolute() else workbook.parent / path


def _conf_value(workbook: Path, key: str) -> str | None:
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
        return Outcome(workbook, out_dir or workbook.parent / out_folder_name(workbook.parent),
                       started, report)
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
        where = {d.kind: d.folder for d in report.documents}  # the kind's folder (målform)
        for kind, count in outcome.counts().items():
            kind_dir = folder / (where.get(kind) or next(  # a no-change build plans nothing
                (f for f in reversed(folders(kind)) if (folder / f).is_dir()), kind))
            name = getattr(report, "names", {}).get(kind) or kind_dir.name  # in the målform
            rows.append(("", "laget", Link(str(kind_dir), name), f"{name}: {_documents(count)}"))
        titles = {d.filename: d.title for d in report.documents}
        for heading, text in summary_lines(getattr(report.outcome, "signatures", {}), titles):
            rows.append(("", heading, "", text))
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
