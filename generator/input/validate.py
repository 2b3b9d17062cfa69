"""Rows → validated model, collecting every problem with its file, sheet and cell.

Cell-level checks (types, ranges, choices) come from the schema; the cross-sheet
checks below are the rules that tie the sheets together (HA/DA name known units,
a lederavtale points at existing oppdrag, ids are unique, …).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import model as m
from ..model.column import Column
from ..model.domain import (
    BUILT_IN_LEVEL_WORDS,
    Budsjettype,
    Investeringsprosjekt,
    Milepælstatus,
    Perspektiv,
    Risikostatus,
    Status,
    Vedtak,
    Vedtaksstatus,
    eget_ledernivå,
)
from ..model.eposttekster import check as check_epost_texts
from ..model.kapitler import check as check_kapitler
from ..norsk import tall
from ..problems import Level, Problems
from ..texts import in_nynorsk
from .blank import is_placeholder
from .convert import OWN_WORDS, ConversionError, convert, shown
from .domain_checks import check_kompass, check_levels, check_scales, check_årshjul
from .openpyxl_import import get_column_letter, range_boundaries
from .package import FOREIGN
from .profile_reader import check_loaded
from .reader import (
    KEY_HEADER,
    MERGED_ACROSS,
    VALUE_HEADER,
    Cell,
    Row,
    SheetRows,
    find_workbooks,
    normalise,
    read,
)
from .schema import SHEETS, SHEETS_BY_NAME, WORKBOOKS, Sheet
from .workbook_cache import WorkbookCache

OPTIONAL_SHEETS = {"Kompass-spørsmål", "Forkortelser", "Bidrag", "Grupper", "Kapitler",
                   "Vedtaksoppfølging", "Investeringsprosjekter"}
# A sheet whose rows all go into one document (a table in the tertialrapport, the
# oppdragsbrev …) may hold at most this many rows and characters, so a workbook that passes
# «check» also fits the sandbox's output limit at «build» (64 million characters per part).
# The leaders' sheets are exempt: each lederavtale holds only its own leader's rows.
MAX_SHEET_ROWS = 10_000
MAX_SHEET_TEXT = 4_000_000
PER_LEADER_SHEETS = {"Ledere", "Lederavtaler", "Bidrag"}
#: A sheet whose rows hang under another sheet's rows (by number): with the other sheet empty,
#: one message for them all, instead of one per row and the empty sheet's notice.
CONTENT_OF = {"Delstrategier": "Delstrategi-innhold"}
# Characters XML 1.0 (and so Word) cannot hold: controls, lone surrogates, U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SUBSTITUTE = "\ufffd"


def xml_safe(value: Any) -> tuple[Any, int]:
    """The value with characters Word cannot store replaced by a visible «�»; and how many."""
    if type(value) is str:  # not a StrEnum choice, which is already clean
        return _NOT_XML.subn(SUBSTITUTE, value)
    if isinstance(value, list):
        pairs = [xml_safe(v) for v in value]
        return [v for v, _ in pairs], sum(n for _, n in pairs)
    return value, 0


@dataclass
class LoadResult:
    """What reading and validating the workbooks gave."""

    data: m.Styringsdata | None
    problems: Problems
    files: list[Path] = field(default_factory=list)
    sources: dict[int, Row] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # schema name → title in the file

    def source(self, obj: object) -> Row | None:
        """The workbook row a model object came from."""
        return self.sources.get(id(obj))

    def folder(self, obj: object) -> Path | None:
        """The folder of the workbook a model object came from (a logo is found there)."""
        row = self.source(obj)
        return next((f.parent for f in self.files if f.name == row.file), None) if row else None

    @property
    def ok(self) -> bool:
        return self.data is not None and not self.problems.errors


def load(paths: Sequence[Path], cache: WorkbookCache | None = None) -> LoadResult:
    """Read, convert and cross-check the workbooks; never raises on bad input. ``cache``:
    the unchanged workbooks as the last build read them (see :mod:`.workbook_cache`)."""
    problems = Problems()
    files = find_workbooks(paths)
    if not files:
        problems.error(", ".join(str(p) for p in paths) or "(ingen)", None, None,
                       "fant ingen arbeidsbøker (.xlsx eller .xlsm).")
        return LoadResult(None, problems, files)
    others: dict[str, list[tuple[str, set[str]]]] = {}
    sheets = read(files, problems, cache, others)
    if not sheets and problems.errors:  # nothing could be read: that is the one message
        return LoadResult(None, problems, files)
    for found in sheets.values():
        _check_size(found, problems)
    own_words = OWN_WORDS.set({})
    try:
        result = _load(files, sheets, problems, others)
    finally:
        OWN_WORDS.reset(own_words)
    result.titles = _titles(sheets, files)
    as_titled(problems, result.titles)
    _one_per_merge(problems)
    return result


def _one_per_merge(problems: Problems) -> None:
    """An error in a cell that a merge across columns left empty («HA» mangler verdi) has
    the merge as its cause: it is said in the merge's message, which becomes an error."""
    merges = [p for p in problems.items if p.message.startswith(MERGED_ACROSS) and p.cell]
    if not merges:
        return
    covered: dict[tuple[str, str | None, str], int] = {}  # right-hand cell → its merge
    for i, p in enumerate(merges):
        min_col, min_row, max_col, max_row = range_boundaries(p.cell or "")
        for r in range(min_row or 0, (max_row or 0) + 1):
            for c in range((min_col or 0) + 1, (max_col or 0) + 1):
                covered[(p.file, p.sheet, f"{get_column_letter(c)}{r}")] = i
    caused: dict[int, list[str]] = {}
    kept = []
    for p in problems.items:
        at = covered.get((p.file, p.sheet, p.cell or ""))
        if at is not None and p.level is Level.ERROR:
            caused.setdefault(at, []).append(f"{p.cell}: {p.message.rstrip('.')}")
        else:
            kept.append(p)
    for i, said in caused.items():
        p = merges[i]
        n = kept.index(p)
        kept[n] = replace(p, level=Level.ERROR,
                          message=f"{p.message} Det gir feil ({'; '.join(said)}).")
    problems.items = kept


def _titles(sheets: dict[str, SheetRows], files: Sequence[Path]) -> dict[str, str]:
    """Schema sheet name → the sheet's title in the user's file; in nynorsk workbooks (a
    sheet found under its nynorsk name) a missing sheet by its nynorsk name, and a workbook
    file that is not there (``lederavtaler.xlsx``) by its nynorsk file name."""
    titles = {name: rows.sheet_name for name, rows in sheets.items()}
    nynorsk = any(title != name and title.casefold() == (in_nynorsk(name) or "").casefold()
                  for name, title in titles.items())
    if not nynorsk:
        return titles
    titles |= {s.name: nn for s in SHEETS if s.name not in titles
               and (nn := in_nynorsk(s.name))}
    there = {f.name.casefold() for f in files}
    titles |= {f"{wb}.xlsx": f"{nn}.xlsx" for wb in WORKBOOKS
               if (nn := in_nynorsk(wb)) and f"{wb}.xlsx" not in there}
    titles |= {f"«{c.header}»": f"«{nn}»" for s in SHEETS for c in s.columns
               if (nn := in_nynorsk(c.header))}  # the columns and fields too
    return titles


def as_titled(problems: Problems, titles: dict[str, str]) -> None:
    """Every message names a sheet as it is titled in the user's file («Leiarar», not the
    schema's «Ledere», in a nynorsk workbook): the messages are written with the schema's
    names, so a sheet named with another title is renamed in them here, in the message and
    in its place (see :func:`_titles`, which also gives nynorsk workbook file names)."""
    renamed = {name: title for name, title in titles.items() if title != name}
    if not renamed:
        return
    names = "|".join(re.escape(n) for n in sorted(renamed, key=len, reverse=True)
                     if not n.endswith(".xlsx") and not n.startswith("«"))
    files = "|".join(re.escape(n) for n in renamed if n.endswith(".xlsx"))
    heads = {n[1:-1]: t[1:-1] for n, t in renamed.items() if n.startswith("«")}
    patterns = [re.compile(rf"(\barket «?)({names})(?![\w-])")] if names else []
    if files:
        patterns.append(re.compile(rf"((?<![\w-]))({files})\b"))
    words = {**{n: t for n, t in renamed.items() if not n.startswith("«")}, **heads}
    if heads:  # «Hovedinnhold» mangler verdi; Leder-ID «L01» finnes allerede
        alternatives = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
        patterns.append(re.compile(rf"((?:^|(?<=[\s(]))«?)({alternatives})(?=» |»[.,;:)]|»$| «)"))

    def titled(message: str) -> str:
        for pattern in patterns:
            message = pattern.sub(lambda mt: mt.group(1) + words[mt.group(2)], message)
        return message

    problems.items = [replace(p, message=titled(p.message),
                              file=renamed.get(p.file, p.file) if p.file.endswith(".xlsx")
                              else p.file,
                              sheet=renamed.get(p.sheet, p.sheet) if p.sheet else p.sheet)
                      for p in problems.items]


def _load(files: list[Path], sheets: dict[str, SheetRows], problems: Problems,
          others: dict[str, list[tuple[str, set[str]]]] | None = None) -> LoadResult:
    sources: dict[int, Row] = {}
    values: dict[str, Any] = {}
    partial: dict[str, dict[str, Any]] = {}  # fields of key–value sheets that failed elsewhere
    refused: dict[str, set[Any]] = {}  # sheet → keys of its rows refused for a bad cell
    spellings = _Spellings(problems)
    broken = {p.file for p in problems.errors if p.sheet is None}  # files not read at all
    failed = _failed_sheets(sheets, problems, broken)
    for sheet in SHEETS:
        rows = sheets.get(sheet.name)
        if rows is None:
            renamed = _renamed(sheet, others or {})
            if renamed:  # optional or not: its data would be passed over in silence
                problems.error(*renamed)
                failed.add(sheet.name)
            elif (sheet.name not in OPTIONAL_SHEETS and sheet.when_empty is None
                    and f"{sheet.workbook}.xlsx".casefold() not in
                    {b.casefold().replace(".xlsm", ".xlsx") for b in broken}):
                problems.error(*_missing_sheet(sheet, files))
            values[sheet.attr] = None if not sheet.is_table else []
            continue
        objs = _build(rows, problems, sources, partial, refused, spellings)
        values[sheet.attr] = objs if sheet.is_table else (objs[0] if objs else None)
        if sheet.name == "Kommune" and objs:  # its own level names are read in Ledere
            OWN_WORDS.set({m.Ledernivå: dict(objs[0].ledernivåord)})
    _left_out(sheets, values, problems, failed)
    located = _Located(sources, refused, failed)
    if not sheets.get("Rammeområder") and not sheets.get("Økonomi"):
        located.unused.add("Rammeområder")  # no tertialrapport: its areas are not needed
    complete = all(values[s.attr] is not None for s in SHEETS if not s.is_table)
    # Cross-check what was read even when a key–value sheet failed: all problems at once.
    data = m.Styringsdata(**values, skrivemåter=spellings.words())
    _cross_check(data, located, problems, partial)
    located.report_unchecked(problems)

    check_loaded(sheets.get("Kommune"), files, problems)  # also when Kommune failed
    ok = complete and not problems.errors
    return LoadResult(data if ok else None, problems, files, sources)


def _failed_sheets(sheets: dict[str, SheetRows], problems: Problems, broken: set[str]
                   ) -> set[str]:
    """The schema sheets that are missing or refused as a whole, for a cause already
    reported (a workbook that cannot be read, a sheet not found or without its header row):
    rows elsewhere that refer to them are not reported one by one."""
    failed = set()
    for sheet in SHEETS:
        rows = sheets.get(sheet.name)
        if rows is None:
            if broken or (sheet.name not in OPTIONAL_SHEETS and sheet.when_empty is None):
                failed.add(sheet.name)
        elif not rows.rows and any(p.file == rows.file and p.sheet == rows.sheet_name
                                   for p in problems.errors):
            failed.add(sheet.name)
    return failed


def _missing_sheet(sheet: Sheet, files: list[Path]) -> tuple[str, str, None, str]:
    """The error for a required sheet not found."""
    return _names(files), sheet.name, None, (
        f"fant ikke arket «{sheet.name}» i noen av arbeidsbøkene. Det hører til i "
        f"{sheet.workbook}.xlsx (se «styring new-workbook»).")


def _looks_like(sheet: Sheet, wanted: str, title: str, heads: set[str]) -> bool:
    """Whether a sheet looks like a schema sheet given another name: a name alike
    («Oppdrag 2026», «Enhetene», «Rammer») and at least one of its column headers."""
    a, b = _refkey(wanted), _refkey(title)
    if len(b) < 3:
        return False
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                  min(len(a), len(b)))
    if not (a in b or b in a or common >= min(5, len(a))):
        return False
    headers = ({normalise(KEY_HEADER), normalise(VALUE_HEADER)} if not sheet.is_table else
               {normalise(t) for c in sheet.columns for t in (c.header, in_nynorsk(c.header))
                if t})
    return bool(headers & heads)


def _renamed(sheet: Sheet, others: dict[str, list[tuple[str, set[str]]]]
             ) -> tuple[str, str, None, str] | None:
    """The error for a sheet not found while a workbook has one that looks renamed."""
    for file, found in others.items():
        for title, heads in found:
            for name in dict.fromkeys(filter(None, (sheet.name, in_nynorsk(sheet.name)))):
                if _looks_like(sheet, name, title, heads):
                    return (file, name, None,
                            f"fant ikke arket «{name}», men {file} har arket «{title}». Har "
                            f"det fått nytt navn? Gi det navnet «{name}» igjen (dokumentene "
                            "finner arkene på navnet).")
    return None


def _check_size(rows: SheetRows, problems: Problems) -> None:
    """A sheet too large for the one document its rows go into, named with its row count
    (the same limit for «check» and «build»)."""
    if rows.sheet.name in PER_LEADER_SHEETS or not rows.sheet.is_table:
        return
    count = len(rows.rows)
    if count > MAX_SHEET_ROWS:
        problems.error(rows.file, rows.sheet_name, None,
                       f"arket har {tall(count)} rader, mer enn grensen på "
                       f"{tall(MAX_SHEET_ROWS)}: alle radene kommer i samme dokument, og det "
                       "ville blitt for stort. Del opp eller fjern rader.")
        return
    text = sum(len(c.value) for r in rows.rows for c in r.cells.values()
               if isinstance(c.value, str))
    if text > MAX_SHEET_TEXT:
        problems.error(rows.file, rows.sheet_name, None,
                       f"arket har {tall(text)} tegn tekst i {tall(count)} rader, mer enn "
                       f"grensen på {tall(MAX_SHEET_TEXT)} tegn: alle radene kommer i samme "
                       "dokument, og det ville blitt for stort. Kort ned tekstene.")


def _left_out(sheets: dict[str, SheetRows], values: dict[str, Any], problems: Problems,
              failed: set[str] | frozenset[str] = frozenset()) -> None:
    """One MERKNAD per empty or absent sheet the documents can do without, saying what they
    leave out; none for a sheet whose document is left out already (one cause, one message)."""
    empty = {s.name for s in SHEETS if s.is_table and not values[s.attr]}

    def covered(sheet: Sheet) -> bool:  # a sheet it needs is empty: that notice says it
        return sheet.needs is not None and (sheet.needs in empty
                                            or covered(SHEETS_BY_NAME[sheet.needs]))

    for sheet in SHEETS:
        if not sheet.when_empty or sheet.name not in empty or covered(sheet):
            continue
        if sheet.name in failed and sheet.name not in sheets:
            continue  # in a workbook that could not be read: that error says it
        rows = sheets.get(sheet.name)
        if rows is not None and rows.rows:
            continue  # rows that failed: their own errors say what to fix
        state = "er tomt" if rows is not None else "finnes ikke"
        content = sheets.get(CONTENT_OF.get(sheet.name, ""))
        if content is not None and content.rows:  # its rows would hang under nothing
            problems.error(rows.file if rows is not None else content.file, sheet.name, None,
                           _no_parent(sheet, state, content))
            continue
        problems.notice(rows.file if rows is not None else f"{sheet.workbook}.xlsx",
                        sheet.name, None, f"arket «{sheet.name}» {state}: {sheet.when_empty}")


def _no_parent(sheet: Sheet, state: str, content: SheetRows) -> str:
    """The one message for rows whose parent sheet is empty (not one per row)."""
    n = len(content.rows)
    field = next(c for c in content.sheet.columns if c.field.endswith("_nr"))
    numbers = sorted({str(c.value).removesuffix(".0") for r in content.rows
                      if (c := r.cells.get(field.field)) is not None},
                     key=lambda x: (not x.isdigit(), int(x) if x.isdigit() else 0, x))
    which = (" til " + sheet.name.lower().removesuffix("er") + " nr. "
             + " og ".join(filter(None, (", ".join(numbers[:-1]), numbers[-1])))
             if numbers else "")
    return (f"arket «{sheet.name}» {state}, men arket «{content.sheet_name}» har "
            f"{tall(n)} {'rader' if n > 1 else 'rad'}{which}; de har ingen "
            f"{sheet.name.lower()} å stå under. "
            + ("Fyll ut arket" if state == "er tomt" else "Legg til arket")
            + f" «{sheet.name}» (" + ", ".join(c.header for c in sheet.columns if c.required)
            + f"), eller tøm «{content.sheet_name}».")


def _names(files: Sequence[Path]) -> str:
    """The workbooks searched (a foreign format, named on its own line, left out)."""
    return ", ".join(f.name for f in files if f.suffix.lower() not in FOREIGN)


class _Numbering:
    """Ids for the empty cells of a column with ``auto_id`` («R1», «R2» … by row), skipping
    the ids typed in the sheet, so a typed R2 and a numbered one never clash."""

    def __init__(self, rows: SheetRows) -> None:
        self.rows = rows
        self.counts: dict[str, int] = {}
        self.taken: dict[str, set[str]] = {}

    def next(self, col: Column) -> str:
        if col.field not in self.taken:
            self.taken[col.field] = {
                str(c.value).strip().casefold() for r in self.rows.rows
                if (c := r.cells.get(col.field)) is not None and str(c.value or "").strip()}
        taken = self.taken[col.field]
        n = self.counts.get(col.field, 0)
        while True:
            n += 1
            candidate = f"{col.col.auto_id}{n}"
            if candidate.casefold() not in taken:
                self.counts[col.field] = n
                return candidate


def _build(rows: SheetRows, problems: Problems, sources: dict[int, Row],
           partial: dict[str, dict[str, Any]] | None = None,
           refused: dict[str, set[Any]] | None = None,
           spellings: _Spellings | None = None) -> list[Any]:
    sheet = rows.sheet
    out = []
    numbered = _Numbering(rows)
    for row in rows.rows:
        kwargs: dict[str, Any] = {}
        ok = True
        typed: list[tuple[Column, Any, Cell]] = []  # choices as written (kept if the row is)
        for col in sheet.columns:
            cell = row.cells.get(col.field)
            if col.col.auto_id and (cell is None or not str(cell.value or "").strip()):
                kwargs[col.field] = numbered.next(col)
                continue
            if ((cell is None or cell.value is None) and col.col.complement_of
                    and (other := row.cells.get(col.col.complement_of)) is not None
                    and other.value is not None):
                try:  # «Nærvær (%)» typed instead of «Sykefravær (%)»
                    kwargs[col.field] = 100 - convert(sheet.column(col.col.complement_of), other)
                    continue
                except ConversionError:  # reported when that column is read: one message
                    ok = False
                    continue
            if (cell is None and col.required and row.columns and col.field not in row.columns
                    and col.col.complement_of not in row.columns):
                ok = False  # the whole column is missing: that error is the one message
                continue
            if cell is None or cell.value is None:
                if col.required:
                    where = cell.coord if cell else row.place(col.field)
                    problems.error(row.file, row.sheet, where,
                                   f"«{col.header}» mangler verdi (påkrevd).")
                    ok = False
                continue
            if type(cell.value) is str:
                safe, replaced = xml_safe(cell.value)  # before any stripping or splitting
                if replaced:
                    cell = Cell(safe, cell.coord, cell.percent_format, cell.excel_error)
                    problems.notice(row.file, row.sheet, cell.coord,
                                    f"{replaced} tegn som Word ikke kan lagre (kontrolltegn) er "
                                    f"byttet ut med «{SUBSTITUTE}».")
            try:
                value = convert(col, cell)
            except ConversionError as e:
                problems.error(row.file, row.sheet, cell.coord, f"{col.header.lower()} {e}"
                               if not str(e).startswith("cellen") else str(e))
                ok = False
                continue
            if col.col.pattern and not re.fullmatch(col.col.pattern, str(value)):
                problems.error(row.file, row.sheet, cell.coord,
                               f"{col.header.lower()} må være {col.col.pattern_help}, fant "
                               f"«{shown(value)}»")
                ok = False
                continue
            if value in ("", []) and col.required:
                problems.error(row.file, row.sheet, cell.coord,
                               f"«{col.header}» mangler verdi (påkrevd).")
                ok = False
                continue
            if is_placeholder(value):
                problems.notice(row.file, row.sheet, cell.coord,
                                f"«{col.header}» er ikke fylt ut ennå (står som plassholder).")
            kwargs[col.field] = value
            if type(value) in SHOWN_CHOICES and isinstance(cell.value, str):
                typed.append((col, value, cell))
        if ok:
            for col, value, cell in typed:
                if spellings is not None:
                    spellings.add(row, col, value, cell)
            obj = sheet.model(**kwargs)
            sources[id(obj)] = row
            out.append(obj)
        elif partial is not None and not sheet.is_table:
            partial[sheet.attr] = {**kwargs, "_failed": {c.field for c in sheet.columns
                                                         if c.field not in kwargs}}
        elif refused is not None and len(sheet.key) == 1:
            # Rows that refer to this one are not reported again: its error is the cause.
            cell = row.cells.get(sheet.key[0])
            key = kwargs.get(sheet.key[0], cell.value if cell is not None else None)
            if key is not None:
                refused.setdefault(sheet.name, set()).add(_refkey(key))
            for name, c in row.cells.items():  # «Ledere›enhet»: the unit it would have led
                if c.value is not None:
                    refused.setdefault(f"{sheet.name}›{name}", set()).add(_refkey(c.value))
        elif refused is not None:  # a row of a sheet keyed by several columns (Økonomi)
            refused.setdefault(sheet.name, set())
    return out


#: The choices the documents show as words (a heading, a status cell): as the workbook wrote them.
SHOWN_CHOICES = (Perspektiv, Status, Risikostatus, Milepælstatus)


class _Spellings:
    """The first word the workbook wrote for each choice value («Medarbeiderne»), which the
    documents show; a later row that spells the same value otherwise gets one MERKNAD."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.first: dict[tuple[type, str], tuple[str, str]] = {}  # → (word, sheet › cell)
        self.told: set[tuple[type, str, str]] = set()

    def add(self, row: Row, col: Column, value: enum.Enum, cell: Cell) -> None:
        word = " ".join(str(cell.value).split())
        key = (type(value), str(value.value))
        first = self.first.setdefault(key, (word, f"{row.sheet} › {cell.coord}"))
        other = word.casefold()
        if other == first[0].casefold() or (*key, other) in self.told:
            return
        self.told.add((*key, other))
        self.problems.notice(
            row.file, row.sheet, cell.coord,
            f"«{word}» er samme {col.header.lower()} som «{first[0]}» ({first[1]}); "
            f"dokumentene bruker den første skrivemåten, «{first[0]}». Skriv likt i alle "
            "radene, så forsvinner merknaden.")

    def words(self) -> dict[tuple[type, str], str]:
        return {key: word for key, (word, _) in self.first.items() if word != key[1]}


def _refkey(value: Any) -> Any:
    """A key as references compare it: text ignoring case and spaces, 3.0 as 3."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return " ".join(value.split()).casefold() if isinstance(value, str) else value


class _Located:
    """Finds the file/sheet/cell of a model object for cross-sheet messages, and knows the
    rows refused for a bad cell, so that a row referring to one is not reported again."""

    def __init__(self, sources: dict[int, Row], refused: dict[str, set[Any]] | None = None,
                 failed: set[str] | None = None):
        self.sources = sources
        self.refused = refused or {}
        self.failed = failed or set()  # whole sheets missing or refused (see _failed_sheets)
        self.unused: set[str] = set()  # sheets absent with the document that needs them
        self.unchecked: dict[tuple[str, str], set[int]] = {}  # (file, sheet) → rows not judged
        # (file, sheet, missing sheet) → rows referring to a sheet that could not be read
        self.orphans: dict[tuple[str, str, str], set[int]] = {}
        self.duplicated: dict[str, set[Any]] = {}  # sheet → keys written in more than one row
        # (file, sheet, sheet with a duplicate key) → rows naming a key missing from it
        self.waiting: dict[tuple[str, str, str], set[int]] = {}

    def follows(self, obj: object, sheet: str | tuple[str, ...], value: Any) -> bool:
        """Whether ``value`` names a row of ``sheet`` that was refused, or ``sheet`` could
        not be read at all (then counted once)."""
        sheets = (sheet,) if isinstance(sheet, str) else sheet
        row = self.sources[id(obj)]
        if all(s in self.unused for s in sheets):
            return True
        if any(s in self.failed for s in sheets):
            missing = next(s for s in sheets if s in self.failed)
            self.orphans.setdefault((row.file, row.sheet, missing), set()).add(row.number)
            return True
        if any(s in self.duplicated for s in sheets):
            # the row written twice was likely meant to be this one: its error («finnes
            # allerede») is the one error; the rows are counted in a notice and judged once
            # it is fixed (a real typo among them is not hidden for good)
            twice = next(s for s in sheets if s in self.duplicated)
            self.waiting.setdefault((row.file, row.sheet, twice), set()).add(row.number)
            return True
        if not any(_refkey(value) in self.refused.get(s, ()) for s in sheets):
            return False
        self.unchecked.setdefault((row.file, row.sheet), set()).add(row.number)
        return True

    def report_unchecked(self, problems: Problems) -> None:
        def rows_notice(file: str, sheet: str, rows: set[int], text: str, it: str = "det"
                        ) -> None:
            n = len(rows)
            problems.notice(file, sheet, None,
                            (f"{n} rader" if n > 1 else "én rad") + f" viser til {text}, og er "
                            f"ikke kontrollert mot {it}; rett feilen først.")

        for (file, sheet), rows in self.unchecked.items():
            rows_notice(file, sheet, rows, "en rad som er avvist for en feil over", "den")
        for (file, sheet, missing), rows in self.orphans.items():
            rows_notice(file, sheet, rows, f"arket «{missing}», som mangler eller ikke kunne "
                        "leses (se feilen over)")
        for (file, sheet, twice), rows in self.waiting.items():
            rows_notice(file, sheet, rows, f"en verdi som mangler i arket «{twice}», der en "
                        "nøkkel står to ganger (se feilen over)")

    def at(self, obj: object, field_name: str | None = None) -> tuple[str, str, str | None]:
        row = self.sources[id(obj)]
        return row.file, row.sheet, row.place(field_name)


def _cross_check(d: m.Styringsdata, loc: _Located, problems: Problems,
                 partial: dict[str, dict[str, Any]] | None = None) -> None:
    def err(obj: object, field_name: str | None, message: str) -> None:
        problems.error(*loc.at(obj, field_name), message)

    # Unique keys.
    for sheet in SHEETS:
        if not sheet.is_table or not sheet.key:
            continue
        seen: dict[tuple, object] = {}
        for obj in getattr(d, sheet.attr):
            key = tuple(_key(getattr(obj, k)) for k in sheet.key)
            if key in seen:
                first = loc.at(seen[key], sheet.key[-1])
                label = " / ".join(sheet.column(k).header for k in sheet.key)
                typed = " / ".join(shown(getattr(obj, k)) for k in sheet.key)  # as written
                err(obj, sheet.key[-1], f"{label} «{typed}» finnes allerede "
                    f"({first[2]}). Hver rad må ha sin egen.")
                loc.duplicated.setdefault(sheet.name, set()).add(key[-1])
            else:
                seen[key] = obj

    units = {e.kode.casefold() for e in d.enheter}
    leaders = {ld.id.casefold(): ld for ld in d.ledere}

    def known_unit(obj: object, field_name: str, codes: list[str], what: str) -> None:
        for code in codes:
            if (code.casefold() not in units and code.casefold() not in leaders
                    and not loc.follows(obj, ("Enheter", "Ledere"), code)):
                err(obj, field_name, f"{what} «{code}» er verken en enhetskode i arket Enheter "
                    "eller en Leder-ID.")

    unresolved = _check_ansvar(d, loc, problems)
    owned: list[m.Mål | m.Risiko | m.Rammeområde | Vedtak] = [
        *d.mål, *d.risikoer, *d.rammeområder, *d.vedtak]
    for x in owned:
        if x.ansvarlig:  # a unit, a leader, a group or a role, read as HA is
            for t in d.ansvar.treff([x.ansvarlig]):
                if t.feil and not loc.follows(x, ("Enheter", "Ledere", "Grupper"), t.tekst):
                    err(x, "ansvarlig", f"ansvarlig «{t.tekst}» peker ikke på noen leder: "
                        f"{t.feil}.")
    for n in d.nøkkeltall:
        known_unit(n, "enhet", [n.enhet], "enheten")
    for ld in d.ledere:
        known_unit(ld, "enhet", [ld.enhet], "enheten")
        if (ld.overordnet and ld.overordnet.casefold() not in leaders
                and not loc.follows(ld, "Ledere", ld.overordnet)):
            err(ld, "overordnet", f"overordnet «{ld.overordnet}» finnes ikke i arket Ledere.")

    areas = {ra.navn.casefold() for ra in d.rammeområder}
    for line in d.økonomi:
        if (line.rammeområde.casefold() not in areas
                and not loc.follows(line, "Rammeområder", line.rammeområde)):
            err(line, "rammeområde", f"rammeområdet «{line.rammeområde}» finnes ikke i arket "
                "Rammeområder.")
    for pr in d.investeringsprosjekter:
        if (pr.rammeområde.casefold() not in areas
                and not loc.follows(pr, "Rammeområder", pr.rammeområde)):
            err(pr, "rammeområde", f"rammeområdet «{pr.rammeområde}» finnes ikke i arket "
                "Rammeområder.")
    _check_investeringer(d, loc, problems)
    for v in d.vedtak:
        if v.fullført and v.status is not Vedtaksstatus.FULLFØRT:
            err(v, "fullført", f"vedtaket har «Fullført dato», men status «{v.status}»; sett "
                "status «fullført» eller tøm datoen.")
        elif v.fullført and v.fullført < v.dato:
            err(v, "fullført", "fullført dato er før vedtaksdatoen.")
    for e in d.enheter:
        if (e.rammeområde and e.rammeområde.casefold() not in areas
                and not loc.follows(e, "Rammeområder", e.rammeområde)):
            err(e, "rammeområde", f"rammeområdet «{e.rammeområde}» finnes ikke i arket "
                "Rammeområder.")

    goal_ids = {x.id.casefold() for x in d.mål}
    for res in d.målresultater:
        if res.mål_id.casefold() not in goal_ids and not loc.follows(res, "Mål", res.mål_id):
            err(res, "mål_id", f"målet «{res.mål_id}» finnes ikke i arket Mål.")
    oppdrag = {o.nr: o for o in d.oppdrag}
    for st in d.oppdragsstatus:
        if st.nr not in oppdrag and not loc.follows(st, "Oppdrag", st.nr):
            err(st, "nr", f"oppdrag nr. {st.nr} finnes ikke i arket Oppdrag.")

    for mp in d.milepæler:  # a number names an oppdrag; any other text is a project
        mp_nr = mp.oppdrag_nr
        if mp_nr is not None and mp_nr not in oppdrag and not loc.follows(mp, "Oppdrag", mp_nr):
            err(mp, "oppdrag", f"oppdrag nr. {mp_nr} finnes ikke i arket Oppdrag (et prosjekt "
                "skrives med navn).")
    for avtale in d.lederavtaler:
        leder = leaders.get(avtale.leder_id.casefold())
        if leder is None and loc.follows(avtale, "Ledere", avtale.leder_id):
            pass
        elif leder is None:
            err(avtale, "leder_id", f"lederen «{avtale.leder_id}» finnes ikke i arket Ledere.")
        elif not leder.overordnet:
            err(avtale, "leder_id", f"{leder.navn} har ingen overordnet i arket Ledere; en "
                "lederavtale inngås med nærmeste overordnede.")
    for b in d.bidrag:
        leder = leaders.get(b.leder_id.casefold())
        if leder is None and loc.follows(b, "Ledere", b.leder_id):
            continue
        if leder is None:
            err(b, "leder_id", f"lederen «{b.leder_id}» finnes ikke i arket Ledere.")
        o = oppdrag.get(b.oppdrag_nr)
        if o is None and loc.follows(b, "Oppdrag", b.oppdrag_nr):
            continue
        if o is None:
            err(b, "oppdrag_nr", f"oppdrag nr. {b.oppdrag_nr} finnes ikke i arket Oppdrag.")
        elif (leder is not None and id(o) not in unresolved and d.lederavtaler
              and b.oppdrag_nr not in loc.duplicated.get("Oppdrag", ())
              and leder.id.casefold() not in loc.duplicated.get("Ledere", ())
              and leder.id.casefold() not in d.ansvar.roller(o)):
            err(b, "oppdrag_nr", f"{leder.navn} ({leder.enhet}) har verken HA eller DA for "
                f"oppdrag nr. {b.oppdrag_nr}; bidraget ville ikke blitt vist.")

    if d.kompass:
        numbers = sorted(k.nr for k in d.kompass)
        if numbers != list(range(1, 9)):
            problems.error(*loc.at(d.kompass[0], None)[:2], None,
                           "Kommunekompasset skal ha nøyaktig 8 områder med nr. 1–8, fant "
                           + (", ".join(map(str, numbers)) or "ingen") + ".")
    for q in d.kompass_spørsmål:
        if q.poeng > q.maks_poeng:
            err(q, "poeng", f"poeng ({q.poeng:g}) er større enn maks poeng ({q.maks_poeng:g}).")
    strategies = {s.nr for s in d.delstrategier}
    for row in d.delstrategi_innhold:
        if not strategies and "Delstrategier" not in loc.refused:
            break  # an empty Delstrategier: one message for all rows (_left_out)
        if (row.delstrategi_nr not in strategies
                and not loc.follows(row, "Delstrategier", row.delstrategi_nr)):
            err(row, "delstrategi_nr", f"delstrategi nr. {row.delstrategi_nr} finnes ikke i "
                "arket Delstrategier.")
    check_kapitler(d.kapitler, err)
    if d.kommune is not None:
        for own in d.kommune.egne_ledernivåer:
            word, level = eget_ledernivå(own)
            if level is not None:
                continue
            if word in BUILT_IN_LEVEL_WORDS:
                why = (f"«{own.partition('=')[0].strip()}» er alt et innebygd ledernivå og kan "
                       "stå i Ledere og HA/DA som det er; et eget nivå trenger et annet navn.")
            else:
                why = ("skriv navnet alene for et eget nivå («Virksomhetsleder»), eller "
                       "«Navn = nivå» for et annet navn på et innebygd nivå, der nivået er "
                       "kommunedirektør, kommunalsjef, stabsleder, enhetsleder eller "
                       "avdelingsleder.")
            err(d.kommune, "egne_ledernivåer", f"egne ledernivåer: «{own}» er ikke et "
                f"ledernivå: {why}")
    inn = d.innstillinger
    if inn is not None:
        check_scales(d, err)
    else:  # Innstillinger failed elsewhere: still check S and K if its scale was read
        read = (partial or {}).get("innstillinger", {})
        if "risikoskala" in read or "risikoskala" not in read.get("_failed", {"risikoskala"}):
            check_levels(d, read.get("risikoskala", m.Risikoskala.FEM), err)
    check_kompass(d, err)
    check_årshjul(d, err)
    from .plausibility import check_plausible

    check_plausible(d, lambda obj, field_name, message: problems.notice(
        *loc.at(obj, field_name), message))

    check_epost_texts(d.tekster, err)


def _check_investeringer(d: m.Styringsdata, loc: _Located, problems: Problems) -> None:
    """The projects of a rammeområde and tertial add up to its investering line in Økonomi
    (budget, regnskap and prognose); a difference is a MERKNAD, since the report shows both."""
    if not d.investeringsprosjekter or "Økonomi" in loc.failed or "Økonomi" in loc.refused:
        return  # lines refused for an error already said: the sums would follow from it
    lines = {(ln.tertial, ln.rammeområde.casefold()): ln for ln in d.økonomi
             if ln.type is Budsjettype.INVESTERING}
    groups: dict[tuple[int, str], list[Investeringsprosjekt]] = {}
    for pr in d.investeringsprosjekter:
        groups.setdefault((pr.tertial, pr.rammeområde.casefold()), []).append(pr)
    for (nr, area), projects in groups.items():
        line = lines.get((nr, area))
        first = projects[0]
        file, sheet, where = loc.at(first, "rammeområde")
        if line is None:
            problems.notice(file, sheet, where, (
                f"prosjektene i «{first.rammeområde}» for {nr}. tertial har ingen "
                "investeringslinje i arket Økonomi; summene kan ikke avstemmes."))
            continue
        diffs = []
        for label, mine, theirs in (("budsjett", sum(p.budsjett for p in projects),
                                     line.gjeldende_budsjett),
                                    ("regnskap", sum(p.regnskap for p in projects),
                                     line.regnskap),
                                    ("prognose", sum(p.prognose for p in projects),
                                     line.prognose)):
            if abs(mine - theirs) >= 0.5:
                diffs.append(f"{label} {tall(mine)} kr mot {tall(theirs)} kr")
        if diffs:
            problems.notice(file, sheet, where, (
                f"prosjektene i «{first.rammeområde}» for {nr}. tertial stemmer ikke med "
                f"investeringslinjen i arket Økonomi: {'; '.join(diffs)}."))


def _check_ansvar(d: m.Styringsdata, loc: _Located, problems: Problems) -> set[int]:
    """HA/DA and the sheet «Grupper» through the one resolver (:mod:`generator.model.ansvar`).

    Returns the ids of the oppdrag with an entry that means nobody (their Bidrag are not
    judged: the error already says what to fix).
    """
    ansvar = d.ansvar
    unresolved: set[int] = set()
    if loc.failed & {"Ledere", "Enheter"}:  # nobody to resolve against: one notice per sheet
        for x in (*d.grupper, *d.oppdrag):
            loc.follows(x, ("Ledere", "Enheter"), None)
        return {id(o) for o in d.oppdrag}
    for gf in ansvar.gruppefeil():
        report = problems.error if gf.feil else problems.notice
        report(*loc.at(gf.gruppe, "medlemmer"), f"gruppen «{gf.gruppe.navn}»: {gf.melding}")
    with_avtale = {a.leder_id.casefold() for a in d.lederavtaler}
    for o in d.oppdrag:
        for field_name, label in (("ha", "HA"), ("da", "DA")):
            for t in ansvar.treff(getattr(o, field_name)):
                if t.feil and loc.follows(o, ("Enheter", "Ledere", "Grupper"), t.tekst):
                    unresolved.add(id(o))
                elif t.feil:
                    unresolved.add(id(o))
                    problems.error(*loc.at(o, field_name), f"{label} «{t.tekst}» peker ikke på "
                                   f"noen leder: {t.feil}.")
                elif t.merknad and not loc.follows(o, "Ledere›enhet", t.tekst):
                    problems.notice(*loc.at(o, field_name), f"{label} «{t.tekst}»: {t.merknad}; "
                                    "den delen av ansvaret kommer ikke med i noen lederavtale.")
        if with_avtale and not with_avtale & set(ansvar.roller(o)):  # none: one notice
            problems.notice(*loc.at(o, "ha"), f"oppdrag nr. {o.nr} «{o.tittel}» kommer ikke "
                            "med i noen lederavtale: ingen av lederne som HA og DA peker på, "
                            "har en rad i arket Lederavtaler.")
    return unresolved


def _key(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value
