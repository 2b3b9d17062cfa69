"""The reporting round's two buttons on the Start sheet (beside «Lag dokumenter»).

«Send rapporteringsrunde» runs ``RunPython "import generator.excel;
generator.excel.send_runde()"``: ``styring runde ut`` for the current tertial (the newest
with economy figures) on the workbooks in the pressed workbook's folder. «Les inn svar»
runs ``generator.excel.les_svar()``: ``styring runde inn`` without ``--skriv`` (the
central workbooks are not changed; the answers reach the tertialrapport when «Lag
dokumenter» is pressed). Each writes its result on top of the «Logg» sheet, in the status
bar and in a message box, in bokmål; an unexpected error is logged for IT, never shown as
a traceback. :func:`run_file` does the same on a file on disk, without Excel (as
:func:`generator.excel.button.run_file`).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import StyringError
from ..input.validate import load
from ..output import runde
from ..problems import Level, Problems
from .button import calling_book, status, tell
from .cells import Link, LogRow, shorten, write_log_file
from .xlsm import LOG_SHEET

SEND = "Send rapporteringsrunde"
LES = "Les inn svar"


@dataclass
class RundeOutcome:
    """What one press of a round button gave: the result in words and every problem."""

    workbook: Path
    title: str
    started: datetime = field(default_factory=datetime.now)
    lines: list[LogRow] = field(default_factory=list)  # the result, after the first row
    headline: str = ""  # the status line
    problems: Problems = field(default_factory=Problems)
    failed: bool = False
    crash: str | None = None

    @property
    def ok(self) -> bool:
        return self.crash is None and not self.failed

    def summary(self) -> str:
        """The message box's text."""
        if self.crash is not None:
            return (f"Det oppstod en uventet feil under «{self.title}».\n\nDetaljene står i "
                    f"arket «{LOG_SHEET}». Prøv igjen; kommer feilen tilbake, send arbeidsboken "
                    "eller en skjermdump av loggen til IT.")
        errors = [p for p in self.problems if p.level is Level.ERROR]
        text = self.headline
        if errors:
            text += "\n\n" + "\n".join(f"• {shorten(str(p), 200)}" for p in errors[:5])
            if len(errors) > 5:
                text += f"\n… og {len(errors) - 5} til."
        return text + f"\n\nSe arket «{LOG_SHEET}» for alt."

    def rows(self) -> list[LogRow]:
        """The rows on top of the «Logg» sheet (newest first), ending with a blank row."""
        when = self.started.strftime("%d.%m.%Y %H:%M:%S")
        if self.crash is not None:
            last = self.crash.strip().splitlines()[-1] if self.crash.strip() else "ukjent"
            return [(when, "STOPP", self.workbook.name, f"«{self.title}»: uventet feil. Send "
                     f"gjerne denne loggen til IT. ({last})"),
                    ("", "detaljer", "", self.crash), ("", "", "", "")]
        rows: list[LogRow] = [(when, "FEIL" if self.failed else "OK", self.workbook.name,
                               f"«{self.title}»: {self.headline}")]
        rows += self.lines
        ordered = sorted(self.problems, key=lambda p: p.level is not Level.ERROR)
        rows += [("", p.level.value, p.place, p.message) for p in ordered]
        return [*rows, ("", "", "", "")]


def send_for(workbook: Path) -> RundeOutcome:
    """``runde ut`` for the workbooks in ``workbook``'s folder (the current tertial)."""
    done = RundeOutcome(workbook, SEND)
    inputs = [workbook.parent]
    try:
        result, round_, sent = runde.ut(inputs, None, None)
    except runde.RundeError as e:
        done.problems.extend(load(inputs).problems.errors)
        done.failed = True
        done.headline = f"Runden er ikke sendt ut: {e}"
        return done
    done.problems.extend(result.problems.notices)
    inn = sent.folder.parent / "inn"
    done.headline = (f"{len(sent.workbooks)} arbeidsbøker og {len(sent.drafts)} e-postutkast "
                     f"for runden {round_.navn} ligger i {sent.folder}. Send utkastene, legg "
                     f"svarene i {inn} og trykk «{LES}».")
    done.lines.append(("", "ut", Link(str(sent.folder), str(sent.folder)),
                       "Arbeidsbøkene og e-postutkastene til lederne."))
    done.lines.append(("", "inn", Link(str(inn), str(inn)), "Legg svarene fra lederne her."))
    for leder in sent.uten_epost:
        done.lines.append(("", "merknad", "", f"{leder.navn} ({leder.id}) har ingen "
                           "e-postadresse i arket Ledere; utkastet har ingen mottaker."))
    return done


def les_for(workbook: Path) -> RundeOutcome:
    """``runde inn`` (without ``--skriv``) for the workbooks in ``workbook``'s folder."""
    done = RundeOutcome(workbook, LES)
    inputs = [workbook.parent]
    try:
        inn = runde.inn(inputs, None, skriv=False)
    except runde.RundeError as e:
        done.problems.extend(load(inputs).problems.errors)
        done.failed = True
        done.headline = f"Svarene er ikke lest inn: {e}"
        return done
    done.problems.extend(inn.problems.items)
    svarene = inn.innlest.svarene
    missing = svarene.mangler()
    total = len(inn.runde.deltakere())
    errors = len(inn.problems.errors)
    done.failed = bool(errors)
    done.headline = (f"Runden {inn.runde.navn}: {total - len(missing)} av {total} ledere har "
                     f"svart ({inn.innlest.filer} filer i inn/, {svarene.rader()[0]} rader "
                     f"med svar, {svarene.rader()[1]} bekreftet uendret).")
    if missing:
        done.headline += f" {len(missing)} mangler; påminnelsene ligger i mappen purring."
    if errors:
        done.headline += (f" {errors} feil i svarene: filene og radene med feil er ikke "
                          "brukt.")
    done.headline += (" Svarene kommer med i tertialrapporten når du trykker «Lag "
                      "dokumenter»; arbeidsbøkene er ikke endret.")
    if not inn.innlest.filer:
        done.lines.append(("", "inn", Link(str(inn.folder / "inn"), str(inn.folder / "inn")),
                           "Ingen svar ennå: legg filene lederne sender tilbake her."))
    purring = inn.folder / "purring"
    for leder in missing:
        done.lines.append(("", "mangler", Link(str(purring), "purring"),
                           f"{leder.navn} ({leder.id}), {leder.stilling}"
                           + ("" if leder.epost else " – ingen e-postadresse")))
    return done


# --- the doors: Excel (xlwings) and a file on disk -------------------------------------------


def _guarded(work: Callable[[Path], RundeOutcome], path: Path, title: str) -> RundeOutcome:
    """Run one button's work; never raises (the product's errors in bokmål, any other
    error as a crash for the log)."""
    try:
        return work(path)
    except StyringError as e:
        done = RundeOutcome(path, title, failed=True, headline=str(e))
        return done
    except Exception:
        return RundeOutcome(path, title, crash=traceback.format_exc())


def _press(title: str, busy: str, work: Callable[[Path], RundeOutcome]) -> None:
    """What a round button runs in Excel: the calling workbook saved, the work done on its
    folder, the result in the Logg sheet, the status bar and a message box."""
    book, app = calling_book(title, "ingenting er gjort")
    status(app, busy)
    path = Path(str(book.fullname))
    try:
        book.save()
    except Exception as e:
        done = RundeOutcome(path, title, failed=True, headline=(
            f"arbeidsboken kunne ikke lagres ({type(e).__name__}). Er den skrivebeskyttet, "
            "eller har en annen den åpen? Lagre den selv (Ctrl+S) og prøv igjen."))
    else:
        done = _guarded(work, path, title)
    tell(book, app, done.rows(), done.ok, done.summary(), title,
         shorten(done.headline, 250) if done.crash is None else False)


def send() -> None:
    """The button «Send rapporteringsrunde»."""
    _press(SEND, "Lager arbeidsbøkene til lederne …", send_for)


def les() -> None:
    """The button «Les inn svar»."""
    _press(LES, "Leser svarene fra lederne …", les_for)


def run_file(path: Path, what: str) -> RundeOutcome:
    """A round button without Excel (``what``: ``ut`` or ``inn``): the work, and the log
    written into the file."""
    work, title = (send_for, SEND) if what == "ut" else (les_for, LES)
    done = _guarded(work, path, title)
    write_log_file(path, done.rows())
    return done
