"""Reading the reporting round's returns: the leaders' workbooks dropped into
``runde/<år>-t<n>/inn/`` (any file name, any order, several versions per leader).

A return is matched by the hidden keys it carries, not by its name or the order of its
rows. It is refused, with the reason, when it cannot be read (password, .xls, .ods, not
a workbook of the round), when it is for an unknown leader or another round, when it is a
copy of another leader's workbook, or when a locked cell was changed (the cell is named).
A wrong answer (a status not in the list, a forecast that is not an amount) drops that
row's answer. Of several versions from one leader the newest is used; the others are
named. Identical files count once.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel

from ..errors import InputError
from ..model.domain import Leder
from ..model.runde import ARK, Runde, Svar, Svarene, id_del, med_svar, nye_svar
from ..norsk import prosent, tall
from ..paths import workbook_folder
from ..problems import Problems

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .validate import LoadResult

FOLDER = "runde"
HIDDEN = "_runde"  # as written by generator.output.runde
ORIGINAL_ROW = 8
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and an encrypted (password) .xlsx
SKIP = ("~$", ".~lock", ".")


def inn_mappe(workbooks: Path, runde: Runde) -> Path:
    return workbooks / FOLDER / runde.navn / "inn"


@dataclass
class Retur:
    """One returned file that could be read."""

    path: Path
    leder: Leder
    lagret: tuple[datetime, float]  # when the leader saved it (core property), file time
    digest: str
    svar: list[Svar] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)


@dataclass
class Innlest:
    """What reading the returns gave: the answers and every problem, with the files used
    and those set aside (older versions, duplicates, refused)."""

    svarene: Svarene
    problems: Problems
    brukt: dict[str, Path] = field(default_factory=dict)  # leader id → the file used
    filer: int = 0


class Refused(InputError):
    """A return that cannot be used; the message says why (bokmål)."""

    def __init__(self, message: str, sheet: str | None = None, cell: str | None = None,
                 extra: list[tuple[str, str, str]] | None = None):
        super().__init__(message)
        self.sheet, self.cell = sheet, cell
        self.extra = extra or []  # (sheet, cell, message): each cell that was wrong


def les(folder: Path, runde: Runde) -> Innlest:
    """Read every return in ``folder`` (the round's ``inn/``)."""
    problems = Problems()
    svarene = Svarene(runde)
    done = Innlest(svarene, problems)
    if not folder.is_dir():
        return done
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(SKIP))
    done.filer = len(files)
    by_digest: dict[str, Path] = {}
    names = _Names(runde)
    by_leader: dict[str, list[Retur]] = {}
    for path in files:
        try:
            retur = _read(path, runde, names)
        except Refused as e:
            for sheet, cell, message in e.extra:
                problems.error(_label(path), sheet, cell, message)
            problems.error(_label(path), e.sheet, e.cell, f"{e} Filen er ikke brukt.")
            continue
        if (first := by_digest.get(retur.digest)) is not None:
            problems.notice(_label(path), None, None, f"er den samme filen som {first.name}; "
                            "den telles bare én gang.")
            continue
        by_digest[retur.digest] = path
        by_leader.setdefault(retur.leder.id.casefold(), []).append(retur)
    for versions in by_leader.values():
        versions.sort(key=lambda r: r.lagret, reverse=True)
        newest = versions[0]
        for old in versions[1:]:
            problems.notice(_label(old.path), None, None, f"er en eldre versjon fra "
                            f"{newest.leder.navn} (lagret {_when(old)}); den nyeste, "
                            f"{newest.path.name} (lagret {_when(newest)}), er brukt.")
        problems.extend(newest.problems)
        svarene.besvart.add(newest.leder.id.casefold())
        done.brukt[newest.leder.id.casefold()] = newest.path
        for s in newest.svar:
            svarene.legg_til(s)
    return done


def _label(path: Path) -> str:
    """A return as messages name it: ``runde/2026-t2/inn/svar.xlsx``."""
    return "/".join(path.parts[-4:])


def _when(r: Retur) -> str:
    return r.lagret[0].strftime("%d.%m.%Y kl. %H.%M.%S")


def _read(path: Path, runde: Runde, names: _Names) -> Retur:
    suffix = path.suffix.lower()
    head = path.read_bytes()[:8]
    if suffix == ".ods":
        raise Refused("er lagret som OpenDocument-regneark (.ods). Åpne den og lagre som "
                      "Excel-arbeidsbok (.xlsx).")
    if head == OLE_MAGIC:
        if suffix == ".xls":
            raise Refused("er lagret i det gamle Excel-formatet (.xls). Åpne den og lagre som "
                          "Excel-arbeidsbok (.xlsx).")
        raise Refused("er beskyttet med passord (kryptert), så den kan ikke leses. Be lederen "
                      "fjerne passordet (Fil › Info › Beskytt arbeidsbok) og sende den på nytt.")
    if suffix == ".xls":
        raise Refused("er ikke en Excel-arbeidsbok som kan leses (.xls). Lagre den som .xlsx.")
    if not zipfile.is_zipfile(path):
        raise Refused("er ikke en Excel-arbeidsbok (.xlsx).")
    data = path.read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = set(z.namelist())
            if "content.xml" in members and "xl/workbook.xml" not in members:
                raise Refused("er lagret som OpenDocument-regneark (.ods). Åpne den og lagre "
                              "som Excel-arbeidsbok (.xlsx).")
            if "xl/workbook.xml" not in members:
                raise Refused("er ikke en Excel-arbeidsbok (.xlsx).")
            if "EncryptionInfo" in members:
                raise Refused("er beskyttet med passord (kryptert), så den kan ikke leses.")
            book = _book(z)
    except Refused:
        raise
    except Exception:  # any unreadable file is named, never a traceback
        raise Refused("kan ikke leses som Excel-arbeidsbok; filen er skadet.") from None
    return _returned(path, book, runde, data, names)


def _returned(path: Path, book: _Book, runde: Runde, data: bytes, names: _Names) -> Retur:
    if HIDDEN not in book.sheets:
        raise Refused("er ikke en arbeidsbok fra rapporteringsrunden (den mangler de skjulte "
                      "nøklene). Send lederen arbeidsboken fra mappen ut/ på nytt.")
    meta_rows = book.sheets[HIDDEN]
    meta = {str(r[0]): r[1] for r in meta_rows[:ORIGINAL_ROW - 2] if r and r[0] is not None}
    if str(meta.get("runde")) != runde.navn:
        raise Refused(f"er fra rapporteringsrunden {meta.get('runde')}, ikke {runde.navn}.")
    lid = str(meta.get("leder") or "")
    leder = runde.data.leder(lid)
    if leder is None:
        raise Refused(f"er for en ukjent leder («{lid}» finnes ikke i arket Ledere).")
    if str(meta.get("fingeravtrykk")) != runde.fingeravtrykk(leder):
        raise Refused(f"passer ikke med radene {leder.navn} har i runden nå (de skjulte "
                      "nøklene er endret, eller oppdragene og ansvaret er endret siden "
                      "arbeidsboken ble sendt ut). Send en ny arbeidsbok med «styring runde "
                      "ut».")
    other = _copy_of(path, book.saved_by, leder, names)
    if other is not None:
        raise Refused(f"ser ut til å være en kopi av arbeidsboken til {leder.navn} ({leder.id}) "
                      f"som {other.navn} ({other.id}) har fylt ut. Be {other.navn} fylle ut sin "
                      "egen arbeidsbok.")
    original: dict[tuple[str, str], Any] = {}
    for r in meta_rows[ORIGINAL_ROW - 1:]:
        if r and r[0] is not None and len(r) >= 3:
            original[(str(r[0]), str(r[1]))] = r[2]
    saved = book.modified or datetime.min
    retur = Retur(path, leder, (saved, path.stat().st_mtime),
                  hashlib.sha256(data).hexdigest())
    changed: list[tuple[str, str, Any, Any]] = []
    seen_sheets = {s for s, _ in original}
    for ark in ARK:
        if ark.navn not in seen_sheets:
            continue
        if ark.navn not in book.sheets:
            raise Refused(f"mangler arket «{ark.navn}».", ark.navn)
        rows = book.sheets[ark.navn]
        open_cols = {i for i, k in enumerate(ark.kolonner) if k.åpen}
        for r_i, row in enumerate(rows, start=1):
            for c_i in range(len(ark.kolonner)):
                if c_i in open_cols and r_i > 1:
                    continue
                coord = f"{get_column_letter(c_i + 1)}{r_i}"
                value = row[c_i] if c_i < len(row) else None
                want = original.get((ark.navn, coord))
                if _norm(value) != _norm(want):
                    changed.append((ark.navn, coord, want, value))
            for c_i in range(len(ark.kolonner), len(row)):  # beside the table
                if row[c_i] not in (None, ""):
                    changed.append((ark.navn, f"{get_column_letter(c_i + 1)}{r_i}", None,
                                    row[c_i]))
        if not changed:
            _answers(retur, ark, rows, runde, original if _version(meta) >= 2 else None)
    if changed:
        extra = [(sheet, coord, "cellen er låst og skal ikke endres (sendt ut med "
                  f"«{_shown(want)}», kom tilbake med «{_shown(got)}»).")
                 for sheet, coord, want, got in changed[:20]]
        more = " (de 20 første er vist)" if len(changed) > 20 else ""
        cells = "1 låst celle" if len(changed) == 1 else f"{len(changed)} låste celler"
        raise Refused(f"har endringer i {cells}{more}; bare de gule "
                      "svarcellene kan fylles ut. Send lederen arbeidsboken fra ut/ på nytt.",
                      extra=extra)
    return retur


class _Names:
    """Every leader of the round by the Leder-ID part of their workbook's file name and by
    name (built once: a look-up per return, not a search through the leaders)."""

    def __init__(self, runde: Runde):
        self.prefix = f"rapportering-{runde.navn}-"
        self.by_id = {id_del(ld.id): ld for ld in runde.deltakere()}
        self.by_name = {" ".join(ld.navn.split()).casefold(): ld for ld in runde.deltakere()}

    def in_file_name(self, stem: str) -> Leder | None:
        """The leader whose sent-out file name the stem holds (``…-kopi``, ``… (2)`` too):
        the name part ends with the Leder-ID part."""
        at = stem.find(self.prefix)
        if at < 0:
            return None
        parts = re.split(r"[^a-z0-9-]", stem[at + len(self.prefix):], maxsplit=1)[0].split("-")
        for end in range(len(parts), 0, -1):
            for start in range(end - 1, -1, -1):
                if (found := self.by_id.get("-".join(parts[start:end]))) is not None:
                    return found
        return None


def _copy_of(path: Path, saved_by: str, leder: Leder, names: _Names) -> Leder | None:
    """Another leader who seems to have filled in this leader's workbook: named in the file
    name (as in the file sent out) or as the one who last saved it."""
    same = leder.id.casefold()
    named = names.in_file_name(path.stem.casefold())
    if named is not None and named.id.casefold() != same:
        return named
    by = names.by_name.get(" ".join(saved_by.split()).casefold()) if saved_by else None
    return by if by is not None and by.id.casefold() != same else None


_NUMBER = re.compile(r"^[-−+]?\d[\d\s\u00a0.]*(,\d+)?$")


def _amount(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().removesuffix("kr").strip()
    if not _NUMBER.match(text):
        return None
    text = text.replace("−", "-").replace("\u00a0", "").replace(" ", "").replace(".", "")
    return float(text.replace(",", "."))


def _version(meta: dict[str, Any]) -> int:
    try:
        return int(meta.get("versjon") or 1)
    except (TypeError, ValueError):
        return 1


def _answers(retur: Retur, ark: Any, rows: list[tuple[Any, ...]], runde: Runde,
             sent: dict[tuple[str, str], Any] | None) -> None:
    """The row answers of one sheet, each checked; a wrong value drops that row. ``sent``:
    the answer cells' values as sent out (None: a workbook from before they were kept); a
    cell that holds what it was sent with is no answer (the row is confirmed unchanged)."""
    key_col = next(i for i, k in enumerate(ark.kolonner) if k.felt == "nøkkel")
    for r_i, row in enumerate(rows[1:], start=2):
        key = row[key_col] if key_col < len(row) else None
        if key is None:
            continue
        rolle = runde.rolle(str(key), retur.leder)
        if rolle is None:
            retur.problems.error(_label(retur.path), ark.navn, f"rad {r_i}", f"raden «{key}» "
                                 f"hører ikke til {retur.leder.navn} i runden; svaret er ikke "
                                 "brukt.")
            continue
        felt: dict[str, Any] = {}
        sendt: dict[str, Any] | None = None if sent is None else {}
        bad = False
        for c_i, kol in enumerate(ark.kolonner):
            if not kol.åpen:
                continue
            if sendt is not None and sent is not None:
                sendt[kol.felt] = sent.get((ark.navn, f"{get_column_letter(c_i + 1)}{r_i}"))
            value = row[c_i] if c_i < len(row) else None
            if isinstance(value, str):
                value = value.strip() or None
            if value is None:
                continue
            coord = f"{get_column_letter(c_i + 1)}{r_i}"
            if kol.valg:
                match = next((v for v in kol.valg if v.casefold() == str(value).casefold()),
                             None)
                if match is None:
                    retur.problems.error(_label(retur.path), ark.navn, coord, f"{kol.overskrift} "
                                         f"må være en av {', '.join(kol.valg)}, fant "
                                         f"«{_shown(value)}»; svaret på raden er ikke brukt.")
                    bad = True
                    continue
                value = match
            elif kol.tall:
                amount = _amount(value)
                if amount is None:
                    retur.problems.error(_label(retur.path), ark.navn, coord, f"{kol.overskrift} "
                                         f"må være et beløp i kroner, fant «{_shown(value)}»; "
                                         "svaret på raden er ikke brukt.")
                    bad = True
                    continue
                value = amount
            elif not isinstance(value, str):  # a text typed as a number or a date
                value = _shown(value)
            felt[kol.felt] = value
        felt, bekreftet = nye_svar(felt, sendt)  # a cell left as it was sent: no answer
        if (felt or bekreftet) and not bad:
            retur.svar.append(Svar(str(key), retur.leder, rolle, felt,
                                   f"{retur.path.name} › {ark.navn} › rad {r_i}", sendt,
                                   bekreftet))


def _norm(value: Any) -> str:
    """A cell value as compared with what was sent: 3 and 3.0 alike, dates as dates."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else \
            value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n").strip()


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return tall(value, 0 if value.is_integer() else 2)
    if isinstance(value, (datetime, date)):
        return value.strftime("%d.%m.%Y")
    return str(value)


def med_runden(result: LoadResult, inputs: Sequence[Path], tertial: int) -> Innlest | None:
    """For ``check`` and ``build``: read the round's returns for the tertial (when its
    folder ``runde/<år>-t<n>/inn`` is there) and put the answers into the loaded data;
    every problem with a return, the leaders who are missing and where the adviser's own
    entry goes first are notices (a return never stops the documents)."""
    data = result.data
    if data is None:
        return None
    folder = workbook_folder(inputs) / FOLDER / f"{data.kommune.år}-t{tertial}" / "inn"
    if not folder.is_dir():  # no round for the tertial: nothing to work out
        return None
    runde = Runde(data, tertial)
    innlest = les(folder, runde)
    for p in innlest.problems:
        result.problems.notice(p.file, p.sheet, p.cell, p.message)
    result.data, notes = med_svar(data, innlest.svarene)
    place = f"{FOLDER}/{runde.navn}"
    for note in notes:
        result.problems.notice(place, None, None, note.melding)
    if (missing := innlest.svarene.mangler()):
        result.problems.notice(place, None, None, mangler_tekst(runde, missing))
    from .validate import as_titled

    as_titled(result.problems, result.titles)  # «i arket Oppdragsstatus» as the file titles it
    return innlest


def mangler_tekst(runde: Runde, missing: Sequence[Leder]) -> str:
    names = ", ".join(f"{ld.navn} ({ld.id})" for ld in missing[:30])
    more = f" og {len(missing) - 30} til" if len(missing) > 30 else ""
    return (f"{len(missing)} av {len(runde.deltakere())} ledere har ikke svart i "
            f"rapporteringsrunden: {names}{more}. «styring runde inn» lager en påminnelse "
            "(e-postutkast) til hver av dem.")


# --- reading a return: the parts of the package, without openpyxl's object model ----------

_M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL = re.compile(r"([A-Z]+)(\d+)")


def _percent(number: float) -> str:
    """A number shown as a percentage, as the leader typed it: 0.91 → «91 %»."""
    pct = round(number * 100, 6)
    return prosent(pct, 0 if float(pct).is_integer() else 1)


@dataclass
class _Book:
    """The values of a workbook's sheets (rows of values from A1) and who saved it when."""

    sheets: dict[str, list[tuple[Any, ...]]]
    modified: datetime | None
    saved_by: str


def _book(z: zipfile.ZipFile) -> _Book:
    """Read the sheets' values as openpyxl's read-only mode would give them (numbers with a
    date format as datetimes), ten times faster for these small files."""
    names = set(z.namelist())

    def xml(name: str) -> Any:
        return etree.fromstring(z.read(name), parser=etree.XMLParser(resolve_entities=False,
                                                                     huge_tree=False))

    wb = xml("xl/workbook.xml")
    rels = {r.get("Id"): r.get("Target") for r in xml("xl/_rels/workbook.xml.rels")
            .iter(f"{_PR}Relationship")}
    shared: list[str] = []
    if "xl/sharedStrings.xml" in names:
        for si in xml("xl/sharedStrings.xml").iter(f"{_M}si"):
            shared.append("".join(t.text or "" for t in si.iter(f"{_M}t")
                                  if t.getparent().tag != f"{_M}rPh"))
    dates: set[int] = set()
    percents: set[int] = set()  # «91 %» typed in a cell is 0.91 with a percent format
    if "xl/styles.xml" in names:
        st = xml("xl/styles.xml")
        custom = {int(f.get("numFmtId")): f.get("formatCode") or ""
                  for f in st.iter(f"{_M}numFmt")}
        xfs = st.find(f"{_M}cellXfs")
        for i, xf in enumerate(xfs if xfs is not None else []):
            fid = int(xf.get("numFmtId") or 0)
            code = custom.get(fid, BUILTIN_FORMATS.get(fid, "General"))
            if is_date_format(code):
                dates.add(i)
            elif "%" in code:
                percents.add(i)
    sheets: dict[str, list[tuple[Any, ...]]] = {}
    for sh in wb.iter(f"{_M}sheet"):
        target = rels.get(sh.get(f"{_R}id")) or ""
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if part not in names:
            continue
        grid: dict[int, dict[int, Any]] = {}
        for c in xml(part).iter(f"{_M}c"):
            m = _CELL.fullmatch(c.get("r") or "")
            if m is None:
                continue
            kind = c.get("t", "n")
            v = c.find(f"{_M}v")
            value: Any = None
            if kind == "inlineStr":
                value = "".join(t.text or "" for t in c.iter(f"{_M}t"))
            elif v is not None and v.text is not None:
                text = v.text
                if kind == "s":
                    value = shared[int(text)]
                elif kind in ("str", "e"):
                    value = text
                elif kind == "b":
                    value = text == "1"
                else:
                    number = float(text)
                    value = int(number) if number.is_integer() and "." not in text and "E" not \
                        in text.upper() else number
                    if int(c.get("s") or 0) in dates:
                        value = from_excel(number)
                    elif int(c.get("s") or 0) in percents:
                        value = _percent(number)
            if value is not None:
                grid.setdefault(int(m[2]), {})[column_index_from_string(m[1])] = value
        width = max((max(r) for r in grid.values()), default=0)
        sheets[sh.get("name") or ""] = [
            tuple(grid.get(r, {}).get(col) for col in range(1, width + 1))
            for r in range(1, max(grid, default=0) + 1)]
    modified, saved_by = None, ""
    if "docProps/core.xml" in names:
        core = xml("docProps/core.xml")
        for el in core:
            tag = etree.QName(el).localname
            if tag == "modified" and el.text:
                try:
                    modified = datetime.fromisoformat(el.text.strip().replace("Z", "+00:00")
                                                      ).replace(tzinfo=None)
                except ValueError:
                    modified = None
            elif tag == "lastModifiedBy":
                saved_by = el.text or ""
    return _Book(sheets, modified, saved_by)
