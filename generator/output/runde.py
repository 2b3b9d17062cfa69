"""The reporting round's files: one workbook and one e-mail draft per leader (``runde ut``),
reminders for the leaders who have not answered, and the answers written into the central
workbooks when the adviser asks (``runde inn --skriv``).

Folder of a round, beside the workbooks: ``runde/<år>-t<n>/`` with ``ut/`` (the leaders'
workbooks and drafts), ``inn/`` (what comes back, any file name), ``purring/`` (reminder
drafts) and ``sikkerhetskopi/`` (the central workbooks as they were before ``--skriv``).
"""

from __future__ import annotations

import io
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from email.headerregistry import Address
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from .. import texts
from ..documents.common import slug
from ..errors import OutputError
from ..files import umask, write_atomic
from ..input.reader import normalise
from ..input.runde import inn_mappe, les
from ..input.schema import sheet_for
from ..input.validate import load
from ..model.domain import Leder
from ..model.runde import (
    ARK,
    Runde,
    Svarene,
    frist_standard,
    id_del,
    med_svar,
    samlet,
    samlet_tekst,
    uendrede,
)
from ..norsk import dato, tertial
from ..paths import workbook_folder
from ..problems import Problems
from . import svarbok as x
from .delivery.epost import message
from .ownership import BACKUP_DIR

if TYPE_CHECKING:
    from ..input.validate import LoadResult

FOLDER = "runde"
HIDDEN = "_runde"  # the very hidden sheet: the round, the leader, the locked cells' values
ORIGINAL_ROW = 8  # where the locked cells' values start in the hidden sheet
VERSION = 2  # 2: the answer cells' sent-out values are in the hidden sheet too


def mappe(workbooks: Path, runde: Runde) -> Path:
    """``runde/<år>-t<n>`` in the folder of the workbooks."""
    return workbooks / FOLDER / runde.navn


def filnavn(runde: Runde, leder: Leder) -> str:
    """The leader's workbook: ``rapportering-2026-t2-kari-nordmann-l07.xlsx``."""
    return f"rapportering-{runde.navn}-{slug(leder.navn, 40)}-{id_del(leder.id)}.xlsx"


def arbeidsbok(runde: Runde, leder: Leder, frist: date) -> bytes:
    """The leader's reporting workbook: a cover sheet, one sheet per kind of row with only
    the answer cells open, and a very hidden sheet with the keys and the locked values."""
    rows = runde.linjer(leder)
    k = runde.data.kommune
    forside = x.Sheet("Forside", widths=[100], protect=True)
    for text, style in (
        (f"Rapportering {tertial(runde.tertial, runde.år)} – {leder.navn}", x.TITLE),
        (f"{k.navn} · {leder.stilling}", x.NORMAL),
        ("", x.NORMAL),
        (f"Frist for å sende svaret tilbake: {dato(frist)}", x.BOLD),
        ("", x.NORMAL),
        ("Slik gjør du det:", x.BOLD),
        ("1. Fyll ut de gule cellene i arkene " + ", ".join(
            a.navn for a in ARK if any(r.slag == a.slag for r in rows)) + ".", x.NORMAL),
        ("2. Status velger du fra listen i cellen. Prognose er et beløp i kroner.", x.NORMAL),
        ("3. Resten av arket er låst. Ikke legg til eller flytt rader eller ark.", x.NORMAL),
        ("4. Lagre filen (gjerne med nytt navn) og send den tilbake som vedlegg til "
         "rådgiveren.", x.NORMAL),
        ("", x.NORMAL),
        ("Det som står utfylt fra før, er det som står i kommunens arbeidsbok nå. Sender du "
         "flere versjoner, brukes den siste.", x.NORMAL),
    ):
        forside.append((text, style))
    hidden = x.Sheet(HIDDEN, very_hidden=True, protect=True)
    meta: tuple[tuple[str, Any], ...] = (("runde", runde.navn), ("leder", leder.id),
                        ("fingeravtrykk", runde.fingeravtrykk(leder)), ("versjon", VERSION),
                        ("frist", frist.isoformat()))
    for name, value in meta:
        hidden.append((name, 0), (value, 0))
    while len(hidden.rows) < ORIGINAL_ROW - 2:
        hidden.append()
    hidden.append(("ark", 0), ("celle", 0), ("verdi", 0))
    sheets = [forside]
    for ark in ARK:
        mine = [r for r in rows if r.slag == ark.slag]
        if not mine:
            continue
        ws = x.Sheet(ark.navn, widths=[k.bredde for k in ark.kolonner], hidden_columns={1},
                     freeze="C2", protect=True)
        ws.append(*((kol.overskrift, x.HEADER) for kol in ark.kolonner))
        for col, kol in enumerate(ark.kolonner, start=1):
            hidden.append((ark.navn, 0), (f"{get_column_letter(col)}1", 0), (kol.overskrift, 0))
        for r, linje in enumerate(mine, start=2):
            cells = []
            for col, kol in enumerate(ark.kolonner, start=1):
                value = linje.verdier.get(kol.felt)
                if kol.åpen:
                    style = (x.OPEN_NUMBER if kol.tall else x.OPEN_WRAP
                             if kol.felt in ("kommentar", "tiltak") else x.OPEN)
                    # what it was sent out with: a change of the adviser's since goes first
                    hidden.append((ark.navn, 0), (f"{get_column_letter(col)}{r}", 0),
                                  (value, x.NUMBER if kol.tall else x.NORMAL))
                else:
                    style = x.NUMBER if kol.tall else x.NORMAL
                    hidden.append((ark.navn, 0), (f"{get_column_letter(col)}{r}", 0),
                                  (value, style))
                cells.append((value, style))
            ws.append(*cells)
        last = len(mine) + 1
        for col, kol in enumerate(ark.kolonner, start=1):
            if not kol.åpen:
                continue
            letter = get_column_letter(col)
            sqref = f"{letter}2:{letter}{last}"
            if kol.valg:
                ws.validations.append(x.Validation(
                    sqref, "list", '"' + ",".join(kol.valg) + '"', title=kol.overskrift,
                    prompt=kol.hjelp, error="Velg en verdi fra listen: " + ", ".join(kol.valg)))
            elif kol.tall:
                ws.validations.append(x.Validation(
                    sqref, "decimal", "-1E+15", "1E+15", title=kol.overskrift,
                    prompt=kol.hjelp, error="Skriv et beløp i kroner."))
            elif kol.hjelp:
                ws.validations.append(x.Validation(sqref, title=kol.overskrift,
                                                   prompt=kol.hjelp))
        sheets.append(ws)
    sheets.append(hidden)
    return x.workbook(sheets, f"Rapportering {tertial(runde.tertial, runde.år)} – {leder.navn}")


EMNE = "Rapportering {tertial} – {navn}"
TEKST = ("Hei {navn}!\n\nVedlagt er arbeidsboken for rapporteringen for {tertial}. Fyll ut de "
         "gule cellene (status, kommentar, resultat, prognose og tiltak) og send filen tilbake "
         "innen {frist}.\n\nFilen har bare dine egne oppdrag, mål, risikoer og budsjettlinjer. "
         "Resten er låst.\n\nVennlig hilsen\n{kommunedirektør}\n{kommune}\n")
PURRING_EMNE = "Påminnelse: rapportering {tertial} – {navn}"
PURRING_TEKST = ("Hei {navn}!\n\nVi har ikke fått svaret ditt på rapporteringen for {tertial} "
                 "ennå. Fristen er {frist}. Arbeidsboken er vedlagt på nytt: fyll ut de gule "
                 "cellene og send den tilbake.\n\nVennlig hilsen\n{kommunedirektør}\n{kommune}\n")


def _address(leder: Leder) -> list[Address]:
    if not leder.epost:
        return []
    return [Address(display_name=" ".join(leder.navn.split()), addr_spec=leder.epost)]


def utkast(runde: Runde, leder: Leder, frist: date, vedlegg: tuple[str, bytes],
           purring: bool = False) -> bytes:
    """The e-mail draft to the leader with the workbook attached (or a reminder)."""
    k = runde.data.kommune
    values = {"navn": leder.navn, "tertial": tertial(runde.tertial, runde.år),
              "frist": dato(frist), "kommunedirektør": k.kommunedirektør, "kommune": k.navn}
    emne, tekst = (PURRING_EMNE, PURRING_TEKST) if purring else (EMNE, TEKST)
    return message(_address(leder), [], emne.format_map(values), tekst.format_map(values),
                   vedlegg)


@dataclass
class Utsendt:
    """What ``runde ut`` wrote."""

    folder: Path
    workbooks: list[Path] = field(default_factory=list)
    drafts: list[Path] = field(default_factory=list)
    uten_epost: list[Leder] = field(default_factory=list)


def skriv_ut(runde: Runde, folder: Path, frist: date) -> Utsendt:
    """Write every leader's workbook and draft into ``folder/ut``: all of them into a new
    folder first, which then takes the place of ``ut`` (an interrupted run leaves the old
    ``ut`` as it was)."""
    ut = folder / "ut"
    (folder / "inn").mkdir(parents=True, exist_ok=True)  # where the adviser drops the answers
    staging = Path(tempfile.mkdtemp(prefix=".ut-", dir=folder))
    done = Utsendt(ut)
    try:
        leaders = runde.deltakere()
        for leder, (name, data, draft) in zip(leaders, _made(runde, leaders, frist),
                                              strict=True):
            (staging / name).write_bytes(data)
            (staging / (name.removesuffix(".xlsx") + ".eml")).write_bytes(draft)
            done.workbooks.append(ut / name)
            done.drafts.append(ut / (name.removesuffix(".xlsx") + ".eml"))
            if not leder.epost:
                done.uten_epost.append(leder)
        staging.chmod(0o777 & ~umask())
        old = folder / f".ut-gammel-{staging.name}"
        if ut.exists():
            ut.rename(old)
        staging.rename(ut)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return done


_FORKED: tuple[Runde, list[Leder], date] | None = None  # what forked workers inherit
PARALLEL_FROM = 400  # leaders; below this a pool costs more than it saves


def _one(i: int) -> tuple[str, bytes, bytes]:
    assert _FORKED is not None
    runde, leaders, frist = _FORKED
    leder = leaders[i]
    name = filnavn(runde, leder)
    data = arbeidsbok(runde, leder, frist)
    return name, data, utkast(runde, leder, frist, (name, data))


def _made(runde: Runde, leaders: list[Leder], frist: date) -> list[tuple[str, bytes, bytes]]:
    """Each leader's file name, workbook and draft: in forked worker processes (one per
    core) for a large round on Linux, else here."""
    global _FORKED
    _FORKED = (runde, leaders, frist)
    try:
        workers = min(os.cpu_count() or 1, 4)
        if (len(leaders) < PARALLEL_FROM or workers < 2 or not sys.platform.startswith("linux")
                or threading.active_count() > 1
                or "fork" not in multiprocessing.get_all_start_methods()):
            return [_one(i) for i in range(len(leaders))]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")
                                 ) as pool:
            return list(pool.map(_one, range(len(leaders)), chunksize=50))
    finally:
        _FORKED = None


def purringer(runde: Runde, folder: Path, mangler: Sequence[Leder]) -> list[Path]:
    """A reminder draft for each leader who has not answered, with the workbook again (as
    it was sent, from ``ut/``; made anew when it is gone). ``purring/`` holds only these."""
    out = []
    frist = runde_frist(folder, runde)
    for old in (folder / "purring").glob("*.eml"):  # a leader who has answered since
        old.unlink()
    for leder in mangler:
        name = filnavn(runde, leder)
        sent = folder / "ut" / name
        data = sent.read_bytes() if sent.is_file() else arbeidsbok(runde, leder, frist)
        out.append(write_atomic(folder / "purring" / (name.removesuffix(".xlsx") + ".eml"),
                                utkast(runde, leder, frist, (name, data), purring=True),
                                durable=False))
    return out


def runde_frist(folder: Path, runde: Runde) -> date:
    """The deadline the round was sent out with (read back from a workbook in ``ut/``)."""
    for path in sorted((folder / "ut").glob("*.xlsx"))[:1]:
        try:
            wb = load_workbook(path, read_only=True)
            value = wb[HIDDEN]["B5"].value
            wb.close()
            return date.fromisoformat(str(value))
        except (OSError, KeyError, ValueError):
            break
    return frist_standard(runde.år, runde.tertial)


# --- runde inn --skriv ---------------------------------------------------------------------


@dataclass
class Skrevet:
    """What ``--skriv`` changed: cells per workbook, and where the backup is."""

    backup: Path | None = None
    cells: dict[str, list[str]] = field(default_factory=dict)  # file → «Ark!B4» …

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.cells.values())


def skriv_inn(result: LoadResult, svarene: Svarene, folder: Path) -> Skrevet:
    """Write the answers into the central workbooks: only the answer cells (status,
    kommentar, resultat, prognose, risk status and measures) of the tertial's rows, a new
    row where the tertial has none yet; after a backup of each workbook it changes.
    Formatting, validation, other sheets and macros stay as they are."""
    data = result.data
    assert data is not None
    n = svarene.runde.tertial
    changes: dict[str, list[tuple[str, int | None, str, Any, dict[str, Any]]]] = {}
    # file → [(sheet, row number or None for a new row, field, value, key fields of a new row)]

    def put(obj: object | None, sheet: str, felt: str, value: Any,
            new: dict[str, Any] | None = None) -> None:
        row = result.source(obj) if obj is not None else None
        if row is not None:
            changes.setdefault(row.file, []).append((row.sheet, row.number, felt, value, {}))
        elif new is not None:
            file = _file_of(result, sheet)
            if file is not None:
                changes.setdefault(file, []).append((sheet, None, felt, value, new))

    status_o = {s.nr: s for s in data.oppdragsstatus if s.tertial == n}
    for o in data.oppdrag:
        svar = svarene.svar.get(f"oppdrag:{o.nr}", [])
        status = samlet(svar, "status")
        if not svar or status is None:
            continue
        own = status_o.get(o.nr)
        new = {"nr": o.nr, "tertial": n}
        put(own, "Oppdragsstatus", "status", str(status).lower(), new)
        if not uendrede(svar, "kommentar"):  # a comment returned as sent stays as it is
            put(own, "Oppdragsstatus", "kommentar", samlet_tekst(svar, "kommentar"), new)
    result_m = {r.mål_id.casefold(): r for r in data.målresultater if r.tertial == n}
    for g in data.mål:
        svar = svarene.svar.get(f"mål:{g.id}", [])
        status = samlet(svar, "status")
        if not svar or status is None:
            continue
        own_r = result_m.get(g.id.casefold())
        new_m: dict[str, Any] = {"mål_id": g.id, "tertial": n}
        put(own_r, "Målresultater", "status", str(status).lower(), new_m)
        if not uendrede(svar, "resultat"):
            put(own_r, "Målresultater", "resultat", samlet(svar, "resultat") or "–", new_m)
        if not uendrede(svar, "kommentar"):
            put(own_r, "Målresultater", "kommentar", samlet_tekst(svar, "kommentar"), new_m)
    for risk in data.risikoer:
        svar = svarene.svar.get(f"risiko:{risk.id}", [])
        if (status := samlet(svar, "status")) is not None:
            put(risk, "Risiko", "status", str(status).lower())
        if (tiltak := samlet(svar, "tiltak")) is not None:
            put(risk, "Risiko", "mottiltak", str(tiltak))
    for ln in data.økonomi:
        if ln.tertial != n:
            continue
        svar = svarene.svar.get(f"økonomi:{ln.type.value}:{ln.rammeområde}", [])
        if (prognose := samlet(svar, "prognose")) is not None:
            put(ln, "Økonomi", "prognose", float(prognose))
    done = Skrevet()
    if not changes:
        return done
    stamp = datetime.now().strftime("%Y-%m-%d-%H%M%S")
    done.backup = folder / texts.gettext(BACKUP_DIR) / stamp
    paths = {p.name: p for p in result.files}
    for file, edits in changes.items():
        path = paths[file]
        done.backup.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, done.backup / path.name)
        done.cells[file] = _write(path, edits)
    return done


def _file_of(result: LoadResult, sheet: str) -> str | None:
    """The workbook that holds a sheet (the one a row of it came from, else by reading)."""
    for row in result.sources.values():
        if row.sheet == sheet:
            return row.file
    for path in result.files:
        try:
            wb = load_workbook(path, read_only=True)
            found = sheet in wb.sheetnames
            wb.close()
        except OSError:
            continue
        if found:
            return path.name
    return None


def _write(path: Path, edits: list[tuple[str, int | None, str, Any, dict[str, Any]]]
           ) -> list[str]:
    """Set the cells in one workbook and save it (atomically); returns the cells set."""
    keep_vba = path.suffix.lower() == ".xlsm"
    wb = load_workbook(path, keep_vba=keep_vba)
    done: list[str] = []
    new_rows: dict[tuple[str, tuple], int] = {}
    for sheet_name, number, felt, value, new in edits:
        ws = wb[sheet_name]
        schema = sheet_for(sheet_name)
        assert schema is not None
        header_row, columns = _header(ws, schema)
        if felt not in columns:
            continue
        if number is None:
            key = (sheet_name, tuple(sorted(new.items())))
            if key not in new_rows:
                number = _last_row(ws, header_row, columns) + 1
                for f, v in new.items():
                    if f in columns:
                        key_cell = ws.cell(row=number, column=columns[f], value=v)
                        done.append(f"{sheet_name}!{key_cell.coordinate}")
                _copy_style(ws, number, copy)
                _grow_table(ws, number)
                new_rows[key] = number
            number = new_rows[key]
        cell = ws.cell(row=number, column=columns[felt])
        cell.value = value
        done.append(f"{sheet_name}!{cell.coordinate}")
    buf = io.BytesIO()
    wb.save(buf)
    write_atomic(path, buf.getvalue())
    return done


def _header(ws: Any, schema: Any) -> tuple[int, dict[str, int]]:
    """The header row of a table sheet and field → column number."""
    names: dict[str, str] = {}
    for col in schema.columns:
        for text in (col.header, *col.col.aliases):
            names[normalise(text)] = col.field
    for r in range(1, 21):
        found = {names[normalise(c.value)]: c.column for c in ws[r]
                 if c.value is not None and normalise(c.value) in names}
        if len(found) >= 2:
            return r, found
    return 1, {}


def _last_row(ws: Any, header_row: int, columns: dict[str, int]) -> int:
    last = header_row
    for r in range(header_row + 1, ws.max_row + 1):
        if any(ws.cell(row=r, column=c).value not in (None, "") for c in columns.values()):
            last = r
    return last


def _copy_style(ws: Any, number: int, copy: Any) -> None:
    """A new row looks like the row above it."""
    if number <= 2:
        return
    for c in ws[number - 1]:
        if c.has_style:
            target = ws.cell(row=number, column=c.column)
            target._style = copy(c._style)


def _grow_table(ws: Any, number: int) -> None:
    """An Excel table the new row is right below takes the row in."""
    for table in ws.tables.values():
        min_col, min_row, max_col, max_row = range_boundaries(table.ref)
        if max_row == number - 1:
            table.ref = (f"{get_column_letter(min_col)}{min_row}:"
                         f"{get_column_letter(max_col)}{number}")
            if table.autoFilter is not None:
                table.autoFilter.ref = table.ref


# --- the two commands ----------------------------------------------------------------------


class RundeError(OutputError):
    """The round cannot start: the message says why (bokmål)."""


@dataclass
class Inn:
    """What ``runde inn`` found (and wrote)."""

    runde: Runde
    folder: Path
    innlest: Any  # generator.input.runde.Innlest
    problems: Any  # generator.problems.Problems: the returns' and the answers' problems
    purringer: list[Path] = field(default_factory=list)
    skrevet: Skrevet | None = None


def _loaded(inputs: Sequence[Path]) -> LoadResult:
    result = load(list(inputs))
    if result.data is None:
        raise RundeError("arbeidsbøkene har feil (se over); rett dem før runden.")
    return result


def _tertial(result: LoadResult, tertial_nr: int | None) -> int:
    assert result.data is not None
    return tertial_nr or max((ln.tertial for ln in result.data.økonomi), default=1)


def ut(inputs: Sequence[Path], tertial_nr: int | None, frist: date | None
       ) -> tuple[LoadResult, Runde, Utsendt]:
    """``styring runde ut``: every leader's workbook and draft in ``runde/<år>-t<n>/ut``."""
    result = _loaded(inputs)
    assert result.data is not None
    runde = Runde(result.data, _tertial(result, tertial_nr))
    if not runde.deltakere():
        raise RundeError("ingen ledere har oppdrag, mål, risikoer eller budsjettlinjer i "
                         f"{tertial(runde.tertial, runde.år)}; det er ingenting å sende ut.")
    when = frist or frist_standard(runde.år, runde.tertial)
    return result, runde, skriv_ut(runde, mappe(workbook_folder(inputs), runde), when)


def inn(inputs: Sequence[Path], tertial_nr: int | None, skriv: bool = False) -> Inn:
    """``styring runde inn``: read the returns, say who is missing (with a reminder draft
    each) and, with ``skriv``, write the answers into the central workbooks."""
    result = _loaded(inputs)
    assert result.data is not None
    runde = Runde(result.data, _tertial(result, tertial_nr))
    folder = mappe(workbook_folder(inputs), runde)
    innlest = les(inn_mappe(workbook_folder(inputs), runde), runde)
    problems = Problems(list(innlest.problems))
    _, notes = med_svar(result.data, innlest.svarene)
    for note in notes:
        problems.notice(f"{FOLDER}/{runde.navn}", None, None, note.melding)
    done = Inn(runde, folder, innlest, problems)
    done.purringer = purringer(runde, folder, innlest.svarene.mangler())
    if skriv:
        done.skrevet = skriv_inn(result, innlest.svarene, folder)
        if done.skrevet.backup is not None:
            again = load(list(inputs))
            if again.data is None:  # never leave the adviser a workbook that does not load
                for file in done.skrevet.cells:
                    shutil.copy2(done.skrevet.backup / file,
                                 next(p for p in result.files if p.name == file))
                problems.extend(again.problems.errors)
                problems.error(f"{FOLDER}/{runde.navn}", None, None, "svarene ga feil i "
                               "arbeidsbøkene (se over), så de er lagt tilbake som de var.")
                done.skrevet = Skrevet(done.skrevet.backup)
    return done
