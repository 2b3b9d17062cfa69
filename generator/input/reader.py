"""Read the workbooks into rows of raw cell values, each with its file, sheet and cell.

Sheets are found by name in whichever workbook holds them; columns by their
header text (any order, case and surrounding spaces ignored). Excel tables and
plain ranges both work. Nothing is converted here: that is the validator's job.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model.column import Column
from ..norsk import tall
from ..problems import Problems
from ..texts import in_nynorsk
from . import package
from .openpyxl_import import get_column_letter, openpyxl, range_boundaries
from .schema import KEY_HEADER_TEXTS, Sheet, sheet_for
from .workbook_cache import WorkbookCache

HEADER_SCAN_ROWS = 20
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NOTHING = ("-", "–", "—", "−")  # a dash alone means an empty cell
MAX_ROWS = 200_000
# .xls, .ods and .numbers are found only to say they are not read (package.FOREIGN)
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", *package.FOREIGN_IN_FOLDER)
KEY_HEADER, VALUE_HEADER = KEY_HEADER_TEXTS[:2]


class FormulaWithoutValue:
    """Marks a formula cell saved without its calculated value."""

    def __repr__(self) -> str:
        return "FormulaWithoutValue"


FORMULA_WITHOUT_VALUE = FormulaWithoutValue()


@dataclass(frozen=True, slots=True)
class Cell:
    value: Any
    coord: str
    percent_format: bool = False
    excel_error: bool = False  # an error cell (#REF! …), not text that looks like one


@dataclass
class Row:
    """One data row (or, for a key–value sheet, the whole sheet)."""

    file: str
    sheet: str
    number: int
    cells: dict[str, Cell]
    columns: dict[str, int] = field(default_factory=dict)

    def place(self, field_name: str | None = None) -> str:
        """The cell of a field (also when empty), or the row as «rad N»."""
        if field_name and field_name in self.cells:
            return self.cells[field_name].coord
        if field_name and field_name in self.columns:
            return f"{get_column_letter(self.columns[field_name])}{self.number}"
        return f"rad {self.number}"


@dataclass
class SheetRows:
    sheet: Sheet
    file: str
    sheet_name: str
    rows: list[Row] = field(default_factory=list)


def normalise(text: object) -> str:
    """Header text as compared: case, surrounding and repeated spaces ignored."""
    return " ".join(str(text).split()).casefold() if text is not None else ""


def find_workbooks(paths: Sequence[Path]) -> list[Path]:
    """Expand folders into the workbooks they hold (Excel's lock files skipped)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.iterdir()
                              if q.suffix.lower() in WORKBOOK_SUFFIXES
                              and not q.name.startswith(("~$", ".~lock"))))
        else:
            out.append(p)
    return out


def read(paths: Sequence[Path], problems: Problems,
         cache: WorkbookCache | None = None,
         others: dict[str, list[tuple[str, set[str]]]] | None = None) -> dict[str, SheetRows]:
    """Read every known sheet from the given workbooks, keyed by schema sheet name; the
    sheets no schema sheet has go into ``others`` (file → their titles and the texts of
    their first rows, to name a sheet that looks renamed); ``cache``: an unchanged
    workbook's rows (and unknown sheets) as the last build read them."""
    found: dict[str, SheetRows] = {}
    doubles: dict[tuple[str, str], list[SheetRows]] = {}  # (file, first file) → its sheets
    for path in find_workbooks(paths):
        for rows in _read_cached(path, problems, cache, others):
            name = rows.sheet.name
            if name in found:
                doubles.setdefault((rows.file, found[name].file), []).append(rows)
                continue
            found[name] = rows
    for (file, first), twice in doubles.items():  # one message per copied workbook
        if len(twice) == 1:
            problems.error(file, twice[0].sheet_name, None,
                           f"arket «{twice[0].sheet.name}» finnes også i {first}. Hvert ark "
                           "skal bare finnes i én arbeidsbok; slett eller gi nytt navn til "
                           "det ene.")
            continue
        names = [f"«{r.sheet.name}»" for r in twice]
        problems.error(file, None, None,
                       f"arkene {', '.join(names[:-1])} og {names[-1]} finnes også i {first}. "
                       "Hvert ark skal bare finnes i én arbeidsbok; er den ene en kopi av den "
                       "andre? Flytt kopien ut av mappen, eller slett arkene i den ene.")
    return found


def _read_cached(path: Path, problems: Problems, cache: WorkbookCache | None,
                 others: dict[str, list[tuple[str, set[str]]]] | None = None
                 ) -> list[SheetRows]:
    """:func:`_read_workbook`, or what it gave for the same bytes last time (see
    :mod:`generator.input.workbook_cache`); the open-in-Excel notice is never remembered."""
    sha = cache.digest(path) if cache is not None else None
    if cache is None or sha is None:
        return _read_workbook(path, problems, None, others)
    hit = cache.get(path, sha)
    if hit is not None:
        _lock_notice(path, problems)
        sheets, found, unknown = hit
        problems.extend(found)
        if others is not None and unknown:
            others.setdefault(path.name, []).extend(unknown)
        return sheets
    own = Problems()
    unopened = len(problems.errors)
    mine: dict[str, list[tuple[str, set[str]]]] = {}
    sheets = _read_workbook(path, problems, own, mine)
    opened = len(problems.errors) == unopened  # not a file that cannot be opened at all
    problems.extend(own)
    if others is not None:
        for file, found_sheets in mine.items():
            others.setdefault(file, []).extend(found_sheets)
    if opened and cache.digest(path) == sha:  # and not saved over while it was read
        cache.put(path, sha, sheets, own.items, mine.get(path.name, []))
    return sheets


def _lock_notice(path: Path, problems: Problems) -> None:
    lock = path.with_name("~$" + path.name)
    if lock.exists():
        problems.notice(path.name, None, None, "filen ser ut til å være åpen i Excel; det som "
                        "er lagret på disk blir lest.")


def _read_workbook(path: Path, problems: Problems, own: Problems | None = None,
                   others: dict[str, list[tuple[str, set[str]]]] | None = None
                   ) -> list[SheetRows]:
    """The known sheets of one workbook; ``own``: where the problems found in its content
    go (``problems`` when None), apart from a file that cannot be opened at all; the sheets
    no schema sheet has go into ``others``."""
    name = path.name
    try:
        pkg = package.inspect(path)
    except package.WorkbookFileError as e:
        problems.error(name, None, None, str(e))
        return []
    _lock_notice(path, problems)
    problems = problems if own is None else own
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception:  # openpyxl raises many kinds on broken files
        problems.error(name, None, None, "arbeidsboken er skadet og kan ikke leses. Åpne "
                       "og lagre den på nytt i Excel.")
        return []
    if wb.worksheets and pkg.shared_strings is not None:
        strings = getattr(wb.worksheets[0], "_shared_strings", None)
        if isinstance(strings, list) and len(strings) == len(pkg.shared_strings):
            strings[:] = pkg.shared_strings  # openpyxl's own decoding drops «x005F_»
    out = []
    try:
        for ws in wb.worksheets:
            sheet = sheet_for(ws.title)
            if sheet is None:
                if others is not None:
                    ws.reset_dimensions()
                    heads = {normalise(v) for row in ws.iter_rows(
                        max_row=HEADER_SCAN_ROWS, max_col=60, values_only=True)
                        for v in row if isinstance(v, str)}
                    others.setdefault(name, []).append((ws.title, heads))
                continue
            part = pkg.sheets.get(ws.title)
            ws.reset_dimensions()  # never trust a declared (possibly absurd) dimension
            reader = _table_rows if sheet.is_table else _keyvalue_rows
            try:
                out.append(reader(ws, sheet, name, part, problems))
            except (ValueError, TypeError, KeyError):
                out.append(SheetRows(sheet, name, ws.title))  # found, but unreadable
                bad = part.bad_numbers if part else {}
                for coord, text in bad.items():
                    problems.error(name, ws.title, coord, f"cellen er lagret som tall, men "
                                   f"inneholder «{text}». Skriv inn verdien på nytt i Excel.")
                if not bad:
                    problems.error(name, ws.title, None, "arket er skadet og kan ikke "
                                   "leses. Åpne og lagre arbeidsboken på nytt i Excel.")
    finally:
        wb.close()
    return out


def _grid(ws, part: package.SheetPart | None, name: str, problems: Problems
          ) -> list[tuple[int, list[Cell]]]:
    """Non-empty rows as (row number, cells); formulas without value are marked.

    Only the used range is read: up to the last row holding a value (rows that carry
    only formatting are not data), and never a table's Total Row."""
    missing = part.formulas_without_value if part else set()
    totals = part.totals_rows if part else set()
    last = part.last_value_row if part else None
    if last is not None and last > MAX_ROWS:
        problems.error(name, ws.title, f"rad {last}", f"arket har data i rad {tall(last)}, "
                       f"mer enn {tall(MAX_ROWS)} rader; resten er ikke lest.")
    rows = ws.iter_rows() if last is None else ws.iter_rows(max_row=max(1, min(last, MAX_ROWS)))
    below = _merged_below(part.merged if part else [])
    tops: dict[str, Cell] = {}  # the top cell of a vertical merge, as read
    grid = []
    for r, row in enumerate(rows, start=1):
        if r > MAX_ROWS:
            problems.error(name, ws.title, f"rad {r}", f"arket har mer enn {tall(MAX_ROWS)} "
                           "rader; resten er ikke lest.")
            break
        if r in totals:
            continue
        cells = []
        for cell in row:
            col = getattr(cell, "column", None)
            if col is None:
                continue
            coord = f"{get_column_letter(col)}{r}"
            value = cell.value
            if value is None and coord in missing:
                value = FORMULA_WITHOUT_VALUE
            if isinstance(value, str) and not value.strip() and not _CONTROL.search(value):
                value = None  # blank; a cell of only control characters is reported later
            elif isinstance(value, str) and value.strip() in _NOTHING:
                value = None  # «–» typed for nothing, as in printed tables
            if value is None:
                continue
            fmt = getattr(cell, "number_format", "") or ""
            cells.append(Cell(value, coord, "%" in fmt, getattr(cell, "data_type", "") == "e"))
            tops[coord] = cells[-1]
        # A cell merged down over several rows holds its value in every row, as the adviser
        # sees it (the rows of a group: «Perspektiv» or «Leder-ID» written once).
        filled = [Cell(top.value, coord, top.percent_format, top.excel_error)
                  for coord, top_coord in below.get(r, ()) if (top := tops.get(top_coord))
                  and all(c.coord != coord for c in cells)]
        if filled:
            cells = sorted(cells + filled, key=lambda c: _col_index(c.coord))
        if cells:
            grid.append((r, cells))
    return grid


def _merged_below(ranges: list[str]) -> dict[int, list[tuple[str, str]]]:
    """Row → (cell, the top cell it shows) for the cells below the top of a merged range,
    in the range's first column (a merge across columns stays in its first cell)."""
    out: dict[int, list[tuple[str, str]]] = {}
    for ref in ranges:
        try:
            min_col, min_row, _, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if min_col is None or min_row is None or max_row is None or max_row <= min_row:
            continue
        letter = get_column_letter(min_col)
        for r in range(min_row + 1, min(max_row, MAX_ROWS) + 1):
            out.setdefault(r, []).append((f"{letter}{r}", f"{letter}{min_row}"))
    return out


def _col_index(coord: str) -> int:
    found = re.match(r"[A-Z]+", coord)
    if found is None:
        raise ValueError(f"ikke en cellereferanse: {coord!r}")
    letters = found.group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _match_headers(sheet: Sheet, header_cells: list[Cell]
                   ) -> tuple[dict[int, Column], list[Cell]]:
    by_text: dict[str, Column] = {}
    for c in sheet.columns:
        for text in (c.header, *c.col.aliases, in_nynorsk(c.header)):
            if text:
                by_text[normalise(text)] = c
    matched: dict[int, Column] = {}
    unknown = []
    for cell in header_cells:
        col = by_text.get(normalise(cell.value))
        if col is not None and col not in matched.values():
            matched[_col_index(cell.coord)] = col
        else:
            unknown.append(cell)
    return matched, unknown


def _table_rows(ws, sheet: Sheet, file: str, part: package.SheetPart | None,
                problems: Problems) -> SheetRows:
    out = SheetRows(sheet, file, ws.title)
    grid = _grid(ws, part, file, problems)
    bounds = None
    if part and part.tables:
        # The table gives the header row. Rows and columns typed next to it (which
        # Excel would have added to the table) are read too.
        bounds = range_boundaries(part.tables[0])  # min_col, min_row, max_col, max_row
        grid = [(r, cells) for r, cells in grid if bounds[1] <= r]
    best: tuple[int, int, dict[int, Column], list[Cell]] | None = None
    for r, cells in grid[:HEADER_SCAN_ROWS]:
        matched, unknown = _match_headers(sheet, cells)
        if matched and (best is None or len(matched) > len(best[2])):
            best = (r, len(matched), matched, unknown)
        if bounds:
            break  # a table's header is its first row
    if best is None:
        problems.error(file, ws.title, "rad 1", "fant ingen overskriftsrad. Første rad skal ha "
                       "kolonneoverskriftene: " + ", ".join(c.header for c in sheet.columns) + ".")
        return out
    header_row, _, matched, unknown = best
    computed = {normalise(k): v for k, v in getattr(sheet.model, "COMPUTED", {}).items()}
    present = set(matched.values())
    renamed: dict[str, Cell] = {}  # a missing column → the unknown header that looks like it
    for c in sheet.columns:
        if c.required and c not in present:
            similar = [u for u in unknown if any(normalise(h) in normalise(str(u.value))
                                                 for h in (c.header, in_nynorsk(c.header)) if h)]
            if len(similar) == 1 and similar[0] not in renamed.values():
                renamed[c.field] = similar[0]
    unknown = [u for u in unknown if u not in renamed.values()]
    for cell in unknown:
        why = computed.get(normalise(str(cell.value)))
        problems.notice(file, ws.title, cell.coord, f"kolonnen «{cell.value}» leses ikke: {why}."
                        if why else f"ukjent kolonne «{cell.value}» blir ikke brukt.")
    columns = {c.field: index for index, c in matched.items()}
    for c in sheet.columns:
        if (c.required and c not in present
                and not (c.col.complement_of and sheet.column(c.col.complement_of) in present)):
            if (like := renamed.get(c.field)) is not None:
                problems.error(file, ws.title, like.coord,
                               f"mangler kolonnen «{c.header}»; overskriften «{like.value}» "
                               f"leses ikke som den. Skriv overskriften «{c.header}» (året og "
                               "andre tillegg står best i arknavnet eller en merknad).")
                continue
            problems.error(file, ws.title, f"rad {header_row}",
                           f"mangler kolonnen «{c.header}».")
    _merged_across(part, header_row, matched, grid, file, ws.title, problems)
    for r, cells in grid:
        if r <= header_row:
            continue
        values = {matched[_col_index(c.coord)].field: c for c in cells
                  if _col_index(c.coord) in matched}
        if values:
            out.rows.append(Row(file, ws.title, r, values, columns))
    hidden = sorted(row.number for row in out.rows if part and row.number in part.hidden_rows)
    if hidden:  # used as the others are: said, since the adviser may believe them left out
        which = [str(n) for n in hidden[:10]] + (["flere"] if len(hidden) > 10 else [])
        problems.notice(file, ws.title, None,
                        f"rad {' og '.join(filter(None, (', '.join(which[:-1]), which[-1])))} "
                        f"er skjult i Excel, men tas med i dokumentene. Slett radene som ikke "
                        "skal med.")
    return out


MERGED_ACROSS = "cellene er slått sammen over "  # a merge's message (see validate: FEIL
# when a cell it leaves empty would have been an error)


def _merged_across(part: package.SheetPart | None, header_row: int, matched: dict[int, Column],
                   grid: list[tuple[int, list[Cell]]], file: str, title: str,
                   problems: Problems) -> None:
    """One message per range merged across columns, which leaves every cell but the first
    empty: a header merged over a column with values under it (those values are not read),
    or a data cell merged over columns that are read (its value is read in the first)."""
    if part is None:
        return
    filled: dict[int, int] = {}  # column → its last row with a value
    for r, cells in grid:
        for c in cells:
            filled[_col_index(c.coord)] = r
    heads = {_col_index(c.coord): c.value for r, cells in grid if r == header_row
             for c in cells}  # as the user wrote them
    for ref in part.merged:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if None in (min_col, min_row, max_col, max_row) or max_col <= min_col:
            continue
        if max_row < header_row:
            continue  # a title above the table
        right = range(min_col + 1, max_col + 1)
        letters = " og ".join(get_column_letter(c) for c in right)
        if min_row <= header_row:
            lost = [c for c in right if c not in matched and filled.get(c, 0) > max_row]
            if lost:
                which = " og ".join(get_column_letter(c) for c in lost)
                head = next((c.value for r, cells in grid if r == min_row for c in cells
                             if _col_index(c.coord) == min_col), None)
                what = f"overskriften «{head}»" if head is not None else "overskriftscellen"
                problems.error(file, title, ref, f"{what} er slått sammen over {ref}, så "
                               f"kolonne {which} har ingen egen overskrift, og verdiene i den "
                               "er ikke lest. Del opp cellene og skriv overskriften i hver "
                               "kolonne.")
            continue
        read = [c for c in right if c in matched]
        if not read:
            continue
        names = " og ".join(f"«{heads.get(c)}» ({get_column_letter(c)})" for c in read)
        if min_col not in matched:
            problems.error(file, title, ref, f"{MERGED_ACROSS}kolonne "
                           f"{get_column_letter(min_col)}–{get_column_letter(max_col)}; "
                           f"verdien står i kolonne {get_column_letter(min_col)}, som ikke "
                           f"leses, og {names} er lest som tom. Del opp cellene og fyll inn "
                           "hver kolonne.")
            continue
        problems.notice(file, title, ref, f"{MERGED_ACROSS}kolonne {get_column_letter(min_col)}"
                        f"–{get_column_letter(max_col)}; verdien er lest i kolonnen "
                        f"«{heads.get(min_col)}» ({get_column_letter(min_col)}), og "
                        f"{names} er lest som tom. Del opp cellene og fyll inn hver kolonne "
                        f"hvis {letters} skal ha en verdi.")


def _merged_over_value(part: package.SheetPart | None, header_row: int, key_col: int,
                       value_col: int, grid: list[tuple[int, list[Cell]]], file: str,
                       title: str, problems: Problems) -> None:
    """One message per field whose name is merged over its value cell (the value is then
    read as empty; see :func:`_merged_across`)."""
    labels = {(r, _col_index(c.coord)): c.value for r, cells in grid for c in cells}
    for ref in part.merged if part else []:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if (None in (min_col, min_row, max_col, max_row) or (min_row or 0) <= header_row
                or not (min_col or 0) <= key_col < value_col <= (max_col or 0)):
            continue
        key, value = get_column_letter(key_col), get_column_letter(value_col)
        label = labels.get((min_row or 0, key_col))
        problems.notice(file, title, ref, f"{MERGED_ACROSS}kolonne {key}–{value}; feltet "
                        f"«{label}» står i {key}, og verdien ({value}) er lest som tom. Del "
                        f"opp cellene og skriv verdien i {value}.")


def _keyvalue_rows(ws, sheet: Sheet, file: str, part: package.SheetPart | None,
                   problems: Problems) -> SheetRows:
    out = SheetRows(sheet, file, ws.title)
    grid = _grid(ws, part, file, problems)
    key_col = value_col = None
    header_row = 0
    for r, cells in grid[:HEADER_SCAN_ROWS]:
        texts = {normalise(c.value): _col_index(c.coord) for c in cells}
        if normalise(KEY_HEADER) in texts and normalise(VALUE_HEADER) in texts:
            key_col, value_col = texts[normalise(KEY_HEADER)], texts[normalise(VALUE_HEADER)]
            header_row = r
            break
    if key_col is None:
        problems.error(file, ws.title, "rad 1", f"fant ikke overskriftene «{KEY_HEADER}» og "
                       f"«{VALUE_HEADER}».")
        return out
    by_text = {normalise(t): c for c in sheet.columns
               for t in (c.header, *c.col.aliases, in_nynorsk(c.header)) if t}
    if value_col is not None:
        _merged_over_value(part, header_row, key_col, value_col, grid, file, ws.title,
                           problems)
    values: dict[str, Cell] = {}
    for r, cells in grid:
        if r <= header_row:
            continue
        key = next((c for c in cells if _col_index(c.coord) == key_col), None)
        if key is None:
            continue
        col = by_text.get(normalise(key.value))
        if col is None:
            problems.notice(file, ws.title, key.coord, f"ukjent felt «{key.value}» blir ikke "
                            "brukt.")
            continue
        value = next((c for c in cells if _col_index(c.coord) == value_col), None)
        values[col.field] = value or Cell(None, f"{get_column_letter(value_col)}{r}")
    for c in sheet.columns:
        if c.field not in values and c.required:
            problems.error(file, ws.title, f"kolonne {get_column_letter(key_col)}",
                           f"mangler feltet «{c.header}».")
    # Empty values keep their cell so the validator can point at it.
    out.rows.append(Row(file, ws.title, header_row,
                        {k: v for k, v in values.items()}))
    return out
