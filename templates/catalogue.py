"""Update the message catalogues from the code and the bundled templates.

Run: ``.venv/bin/python templates/catalogue.py`` (after ``templates/build.py`` when a
template's wording changed, or after wrapping a new text in ``_()``/``N_()``/``tr()``).

- collects every msgid: the texts the code marks (``_("…")``, ``N_("…")``, ``tr("…")`` in
  ``generator/``, extracted with Babel) and the fixed texts of the four bundled templates
  (what :func:`generator.texts.template_texts` finds between their Jinja tags);
- writes ``generator/locale/styring.pot`` (the list a translator starts a new language
  from: copy it to ``språk/<kode>.po`` and fill in ``msgstr``);
- merges it into ``generator/locale/nn/LC_MESSAGES/styring.po``: new texts are added with
  an empty ``msgstr`` (shown as bokmål until translated), gone ones are dropped.

``--check`` changes nothing and exits 1 when a text is missing from the nynorsk catalogue
or lacks its translation (the test suite runs the same check).
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.extract import extract_from_dir  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from generator import texts  # noqa: E402

KEYWORDS = {"_": None, "N_": None, "tr": None}
POT = texts.LOCALE_DIR / f"{texts.DOMAIN}.pot"


def template_msgids() -> dict[str, list[tuple[str, int]]]:
    """msgid → where it occurs (template file, 0) in the bundled templates."""
    out: dict[str, list[tuple[str, int]]] = {}
    for path in sorted(HERE.glob("*.docx")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if texts._PARTS.fullmatch(name):
                    for text in texts.template_texts(z.read(name).decode("utf-8")):
                        out.setdefault(text, []).append((f"templates/{path.name}", 0))
    return out


def code_msgids() -> dict[str, list[tuple[str, int]]]:
    out: dict[str, list[tuple[str, int]]] = {}
    for file, line, message, _comments, _ctx in extract_from_dir(
            str(ROOT / "generator"), method_map=[("**.py", "python")], keywords=KEYWORDS):
        if isinstance(message, str) and message:
            out.setdefault(message, []).append((f"generator/{file}", line))
    return out


def constant_msgids() -> dict[str, list[tuple[str, int]]]:
    """Texts kept in a tuple the code translates where it uses them (e.g. CSV headers)."""
    from generator.input.rules import RULES
    from generator.input.schema import SHEETS
    from generator.model.column import Kind
    from generator.output.archive.listing import LISTING_COLUMNS

    out = {c: [("generator/output/archive/listing.py", 0)] for c in LISTING_COLUMNS}
    # the workbooks' words: sheet names, headers and the values of choice columns
    for sheet in SHEETS:
        out.setdefault(sheet.name, []).append(("generator/input/schema.py", 0))
        out.setdefault(sheet.description, []).append(("generator/input/schema.py", 0))
        if sheet.when_empty:  # what an empty sheet leaves out (the sheet guide, the notice)
            out.setdefault(sheet.when_empty, []).append(("generator/input/schema.py", 0))
        for c in sheet.columns:
            for text in (c.header, *c.choices, c.col.help, c.col.pattern_help):
                if text:
                    out.setdefault(text, []).append(("generator/model/domain.py", 0))
    for pair in RULES:  # the sheet guide's rules and the column kinds
        for text in pair:
            out.setdefault(text, []).append(("generator/input/rules.py", 0))
    for kind in Kind:
        out.setdefault(kind.value, []).append(("generator/model/column.py", 0))
    return out


def template_catalogue() -> Catalog:
    cat = Catalog(project="styringsdokumenter", domain=texts.DOMAIN, charset="utf-8",
                  fuzzy=False)
    for source in (code_msgids(), constant_msgids(), template_msgids()):
        for msgid, where in source.items():
            if msgid in cat:
                cat[msgid].locations = list(dict.fromkeys([*cat[msgid].locations, *where]))
            else:
                cat.add(msgid, locations=where)
    return cat


def main(check: bool = False) -> int:
    pot = template_catalogue()
    nn_path = texts.LOCALE_DIR / texts.NYNORSK / "LC_MESSAGES" / f"{texts.DOMAIN}.po"
    if nn_path.is_file():
        with nn_path.open("rb") as f:
            nn = read_po(f, locale="nn_NO", domain=texts.DOMAIN)
    else:
        nn = Catalog(locale="nn_NO", domain=texts.DOMAIN, project="styringsdokumenter",
                     charset="utf-8")
    missing = [m.id for m in pot if m.id and (m.id not in nn or not nn[m.id].string)]
    if check:
        for m in missing:
            print(f"mangler på nynorsk: {m!r}")
        return 1 if missing else 0
    nn.update(pot, no_fuzzy_matching=True)
    nn.obsolete.clear()
    POT.parent.mkdir(parents=True, exist_ok=True)
    with POT.open("wb") as f:
        write_po(f, pot, width=0, omit_header=False, sort_output=False)
    nn_path.parent.mkdir(parents=True, exist_ok=True)
    with nn_path.open("wb") as f:
        write_po(f, nn, width=0, sort_output=False)
    print(f"{len(pot)} tekster; {len(missing)} uten nynorsk oversettelse")
    return 0


if __name__ == "__main__":
    raise SystemExit(main("--check" in sys.argv[1:]))
