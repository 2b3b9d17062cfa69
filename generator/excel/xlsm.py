"""Macro-enabled workbooks (.xlsm) with the button «Lag dokumenter».

The sheets are the same as in the .xlsx workbooks (written by :mod:`.blank`).
On top come a «Start» sheet with the button, a «Logg» sheet the button writes
to, and the ``xlwings.conf`` sheet that tells the macro which Python to start.

The VBA project is not kept in this repository: every build copies
``xl/vbaProject.bin`` unchanged from the standalone quickstart template of the
installed, pinned xlwings package (what ``xlwings quickstart NAME --standalone``
copies). That project holds the ``xlwings`` module (``RunPython``) and
``Module1.SampleCall``, which imports a module named after the workbook file
(and so breaks on names like «Styring 2027.xlsm» or «styring (1).xlsm»).

The button therefore does not call SampleCall. Its macro is xlwings' public
``RunPython`` with a fixed argument (Excel runs a macro with arguments when the
assigned macro is written ``'Macro "argument"'``)::

    'RunPython "import generator.excel; generator.excel.main()"'

so the workbook may have any name, no helper file lies beside it, and the
installed package is found by the interpreter in ``xlwings.conf`` without any
PYTHONPATH. :func:`generator.excel.main` finds the workbook with
``xlwings.Book.caller()``. The VBA project stays byte for byte xlwings' own.
Workbooks made by older versions (button → SampleCall → ``<name>.py``) keep
working through their shims (``styring excel-shim``).

The project's document modules are ThisWorkbook, Sheet1 and Sheet2. The
workbook gets the code name ThisWorkbook and the sheets Sheet1 … SheetN by
position (Start is Sheet1). Sheets beyond Sheet2 have no module in the
project; Excel is expected to add empty ones when it opens the file, as it does
for any new sheet (not verified in Excel here; see docs/excel-knappen.md).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import keyword
import os
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .. import texts
from ..demo.data import demo_data
from ..demo.logo import with_profile
from ..demo.logo import write as write_logo
from ..demo.nynorsk import nynorsk_demo_data
from ..errors import OutputError
from ..files import write_atomic
from ..input.blank import write_workbook
from ..input.schema import SHEETS, WORKBOOKS, workbook_file
from ..paths import OUT_FOLDER, OUT_FOLDER_NYNORSK
from ..pipeline import UserError, blank_kommune, free_for_workbooks, målform_name
from ..texts import N_, _

TEMPLATE_NAME = "quickstart_standalone.xlsm"
VBA_PART = "xl/vbaProject.bin"
MACRO = "SampleCall"  # Module1.SampleCall in the xlwings standalone template (old buttons)
BUTTON_COMMAND = "import generator.excel; generator.excel.main()"  # what RunPython runs
BUTTON_MACRO = f"'RunPython \"{BUTTON_COMMAND}\"'"  # the button's macro, with its argument
DOCUMENT_MODULES = ("ThisWorkbook", "Sheet1", "Sheet2")  # checked against olevba in the tests
BUTTON_CAPTION = N_("Lag dokumenter")  # shown in the workbook's målform (_())
# The reporting round's buttons beside it (generator/excel/runde.py): caption → command
ROUND_BUTTONS = (
    (N_("Send rapporteringsrunde"), "import generator.excel; generator.excel.send_runde()"),
    (N_("Les inn svar"), "import generator.excel; generator.excel.les_svar()"),
)


def run_python(command: str) -> str:
    """A button's macro: xlwings' ``RunPython`` with ``command`` as its argument."""
    return f"'RunPython \"{command}\"'"


START_SHEET = "Start"
LOG_SHEET = "Logg"
CONF_SHEET = "xlwings.conf"  # the name xlwings' VBA looks for (PROJECT_NAME & ".conf")
LOG_HEADERS = ("Tid", "Resultat", "Hvor", "Melding")
OUT_KEY = "Utmappe"
DEFAULT_OUT = OUT_FOLDER  # the same convention as «styring build»
DEFAULT_INTERPRETER = r"C:\styring\.venv\Scripts\python.exe"
DEFAULT_PYTHONPATH = ""  # the wheel is installed in the interpreter's venv: nothing to add
RESERVED_MODULES = {"generator", "xlwings", "templates", "tests"}


class XlsmError(OutputError):
    """The .xlsm files cannot be made; the message is bokmål."""


@dataclass(frozen=True)
class ButtonSettings:
    """What goes into the ``xlwings.conf`` sheet.

    ``interpreter`` is the python.exe of the venv IT installed the wheel into
    (docs/excel-knappen.md); ``pythonpath`` is extra folders for sys.path (empty:
    not needed, then the row is left out); ``out`` is where documents go,
    relative to the workbooks' folder. %VARIABLES% are expanded by xlwings.
    """

    interpreter: str = DEFAULT_INTERPRETER
    pythonpath: str = DEFAULT_PYTHONPATH
    out: str = DEFAULT_OUT

    @classmethod
    def from_env(cls) -> ButtonSettings:
        """Defaults, overridden by STYRING_PYTHON_WIN / STYRING_PYTHONPATH if set."""
        return cls(os.environ.get("STYRING_PYTHON_WIN") or DEFAULT_INTERPRETER,
                   os.environ.get("STYRING_PYTHONPATH") or DEFAULT_PYTHONPATH)


# --- the VBA project, taken from the installed xlwings ------------------------------------

def xlwings_template() -> Path:
    """The standalone quickstart workbook inside the installed xlwings package."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise XlsmError("pakken xlwings er ikke installert; den trengs for å lage .xlsm-filer "
                        "(pip install xlwings).")
    for folder in spec.submodule_search_locations:
        path = Path(folder) / TEMPLATE_NAME
        if path.is_file():
            return path
    raise XlsmError(f"fant ikke {TEMPLATE_NAME} i xlwings {xlwings_version()}.")


def xlwings_version() -> str:
    return version("xlwings")


def vba_project_bytes() -> bytes:
    """``xl/vbaProject.bin`` from the xlwings template, byte for byte (XlsxWriter's vba_extract)."""
    template = xlwings_template()
    try:
        with zipfile.ZipFile(template) as zf:
            return zf.read(VBA_PART)
    except (zipfile.BadZipFile, KeyError) as e:
        raise XlsmError(f"{template} har ikke noe VBA-prosjekt ({e}).") from None


# --- shims: only for workbooks from before 0.2, whose button calls SampleCall ----------------

SHIM = '''"""Hjelpefil for knappen «{caption}» i {workbook}.

Knappen kjører «import {stem}; {stem}.main()»: modulen heter det samme som
arbeidsboken og må ligge i samme mappe. Får arbeidsboken nytt navn, lag en ny
hjelpefil med:  styring excel-shim NYTT-NAVN.xlsm
"""

import sys


def main() -> None:
    try:
        from generator.excel import main as lag_dokumenter
    except ImportError:
        sys.stderr.write("Programmet «styring» er ikke installert for Python-tolken som er "
                         "satt i arket xlwings.conf. Kontakt IT (se docs/excel-knappen.md).\\n")
        raise SystemExit(1) from None
    lag_dokumenter()
'''


def check_module_name(stem: str) -> None:
    """The file stem must work as ``import <stem>`` without shadowing anything."""
    if not stem.isidentifier() or not stem.isascii() or keyword.iskeyword(stem):
        raise XlsmError(
            f"filnavnet «{stem}» kan ikke brukes for en arbeidsbok med knapp: navnet må være et "
            "gyldig Python-modulnavn (bare a–z, A–Z, 0–9 og _, ikke tall først, ikke æ/ø/å, "
            "ikke bindestrek eller mellomrom). Eksempel: styring_2027.xlsm.")
    if stem in sys.stdlib_module_names or stem in RESERVED_MODULES:
        raise XlsmError(f"filnavnet «{stem}» er navnet på en Python-modul og kan ikke brukes for "
                        "en arbeidsbok med knapp. Velg et annet navn.")


def shim_path(workbook: Path) -> Path:
    return workbook.with_suffix(".py")


def write_shim(workbook: Path) -> Path:
    """Write the module the button imports, next to ``workbook`` (``X.xlsm`` → ``X.py``)."""
    check_module_name(workbook.stem)
    target = shim_path(workbook)
    text = SHIM.format(caption=BUTTON_CAPTION, workbook=workbook.name, stem=workbook.stem)
    return write_atomic(target, text.encode("utf-8"))


# --- workbooks -----------------------------------------------------------------------------

def write_xlsm_workbooks(folder: Path, data: Any | None = None,
                         workbooks: Sequence[str] = WORKBOOKS,
                         settings: ButtonSettings | None = None) -> list[Path]:
    """Write ``<name>.xlsm`` for each workbook into ``folder`` (no helper files: the button
    calls the installed package, whatever the workbook is called)."""
    settings = settings or ButtonSettings.from_env()
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="styring-vba-") as tmp:
        vba = Path(tmp) / "vbaProject.bin"
        vba.write_bytes(vba_project_bytes())
        for name in workbooks:
            path = folder / f"{workbook_file(name)}.xlsm"  # in the målform
            sheets = [s for s in SHEETS if s.workbook == name]
            write_workbook(path, sheets, data, vba_project=vba,
                           before_close=_button_sheets(path, settings))
            written.append(path)
    return written


def new_xlsm_workbooks(folder: Path, år: int | None = None, kommune: str | None = None,
                       overwrite: bool = False, målform: str | None = None) -> list[Path]:
    """Blank macro-enabled workbooks with the button «Lag dokumenter» (no helper files; the
    button calls the installed package); a problem is a :class:`UserError`. ``målform``:
    sheet names and headers in that language (generator/texts.py)."""
    name = målform_name(målform)
    free_for_workbooks(folder, ".xlsm", overwrite)
    previous = texts.activate(texts.language(name))
    try:
        settings = ButtonSettings.from_env()
        if texts.active().fallback == "nn":  # documents beside a nynorsk set go to «dokument»
            settings = dataclasses.replace(settings, out=OUT_FOLDER_NYNORSK)
        return write_xlsm_workbooks(folder, {"kommune": blank_kommune(år, kommune, name)},
                                    settings=settings)
    except XlsmError as e:
        raise UserError(str(e)) from None
    finally:
        texts.activate(previous)


def write_demo_xlsm(folder: Path, målform: str | None = None) -> list[Path]:
    """The demo data as .xlsm workbooks with the button: Fjellvik kommune, or with
    ``målform`` nynorsk Fjordvik kommune, typed in nynorsk (as :func:`pipeline.write_demo`)."""
    folder.mkdir(parents=True, exist_ok=True)
    name = målform_name(målform)
    if texts.code(name) != texts.NYNORSK:
        data = with_profile(demo_data())
        logo = write_logo(folder, data)
        return [*write_xlsm_workbooks(folder, data), logo]
    previous = texts.activate(texts.language(name))
    try:
        settings = dataclasses.replace(ButtonSettings.from_env(), out=OUT_FOLDER_NYNORSK)
        data = with_profile(nynorsk_demo_data())
        logo = write_logo(folder, data)
        return [*write_xlsm_workbooks(folder, data, settings=settings), logo]
    finally:
        texts.activate(previous)


def _button_sheets(path: Path, settings: ButtonSettings) -> Any:
    def add(wb: Any, fmt: dict[str, Any]) -> None:
        start = wb.add_worksheet(START_SHEET)
        _start_sheet(start, path, fmt, settings.out)
        _log_sheet(wb.add_worksheet(LOG_SHEET), fmt)
        _conf_sheet(wb.add_worksheet(CONF_SHEET), settings, fmt)
        _move_to_front(wb, start)
        wb.set_vba_name(DOCUMENT_MODULES[0])
        for i, ws in enumerate(wb.worksheets(), start=1):
            ws.set_vba_name(f"Sheet{i}")

    return add


def _move_to_front(wb: Any, ws: Any) -> None:
    """Make ``ws`` the first sheet. XlsxWriter has no API for this; its sheet order is
    the ``worksheets_objs`` list and each sheet's ``index`` (used for the active sheet)."""
    wb.worksheets_objs.remove(ws)
    wb.worksheets_objs.insert(0, ws)
    for i, sheet in enumerate(wb.worksheets_objs):
        sheet.index = i
    ws.activate()


def _start_sheet(ws: Any, path: Path, fmt: dict[str, Any], out: str = DEFAULT_OUT) -> None:
    ws.hide_gridlines(2)
    ws.set_column(0, 0, 3)
    ws.set_column(1, 1, 95, fmt["muted"])
    ws.write_string(0, 1, f"Styringsdokumenter – {path.name}", fmt["title"])
    lag, send, les = _(BUTTON_CAPTION), _(ROUND_BUTTONS[0][0]), _(ROUND_BUTTONS[1][0])
    ws.insert_button(2, 1, {"macro": BUTTON_MACRO, "caption": lag, "width": 190,
                            "height": 42, "description": _("Lager dokumentene fra "
                                                           "arbeidsbøkene i denne mappen")})
    for i, (caption, command) in enumerate(ROUND_BUTTONS, start=1):  # beside it, same row
        ws.insert_button(2, 1, {"macro": run_python(command), "caption": _(caption),
                                "width": 190, "height": 42, "x_offset": 210 * i,
                                "description": _(caption)})
    lines = [
        _("Slik gjør du:"),
        _("1. Fyll ut arkene. Hvert ark har forklaring i arket «{ark}».").format(
            ark=_("Veiledning")),
        _("2. Trykk på knappen «{knapp}». Arbeidsboken lagres først, og så kontrolleres "
          "alle arbeidsbøkene i samme mappe.").format(knapp=lag),
        _("3. Dokumentene legges i mappen «{mappe}» i samme mappe som arbeidsbøkene "
          "(kan endres i arket «{ark}»).").format(mappe=out, ark=CONF_SHEET),
        _("4. Finnes det feil, lages ingen dokumenter. Feilene står i arket «{ark}», med "
          "lenke til cellen som må rettes. Rett feilene og trykk på knappen igjen.").format(
            ark=LOG_SHEET),
        "",
        _("Knappen virker bare når makroer er slått på (trykk «Aktiver innhold» i den gule "
          "linjen øverst) og Python er installert av IT."),
        _("Filen kan gjerne få nytt navn, og kopier kan ligge i andre mapper: knappen virker "
          "like fullt."),
        "",
        _("Rapporteringsrunden: «{send}» lager én arbeidsbok og ett e-postutkast per leder i "
          "mappen runde/<år>-t<n>/ut for det siste tertialet med økonomitall.").format(
            send=send),
        _("Legg svarene fra lederne i runde/<år>-t<n>/inn og trykk «{les}»: loggen viser "
          "hvem som mangler, og påminnelsene legges i mappen purring. Arbeidsbøkene endres "
          "ikke; svarene kommer med i tertialrapporten når du trykker «{lag}».").format(
            les=les, lag=lag),
    ]
    for i, text in enumerate(lines, start=6):
        ws.write_string(i, 1, text, fmt["key"] if i == 6 else fmt["muted"])


def _log_sheet(ws: Any, fmt: dict[str, Any]) -> None:
    for j, (h, width) in enumerate(zip(LOG_HEADERS, (17, 12, 42, 100), strict=True)):
        ws.write_string(0, j, h, fmt["header"])
        ws.set_column(j, j, width)
    ws.freeze_panes(1, 0)


def _conf_sheet(ws: Any, settings: ButtonSettings, fmt: dict[str, Any]) -> None:
    """Key in column A, value in column B, from A1 without gaps (xlwings reads A1 down to
    the first empty cell). Column C explains; xlwings ignores it."""
    rows = [
        ("Interpreter_Win", settings.interpreter,
         _("Python-tolken knappen starter på Windows: python.exe i miljøet IT installerte "
           "styringsdokumenter i (se docs/excel-knappen.md).")),
        ("PYTHONPATH", settings.pythonpath,
         _("Ekstra mapper for Python (trengs ikke når programmet er installert).")),
        (OUT_KEY, settings.out,
         _("Mappen dokumentene legges i. En relativ sti regnes fra mappen arbeidsbøkene "
           "ligger i.")),
    ]
    rows = [r for r in rows if r[0] != "PYTHONPATH" or r[1]]
    ws.set_column(0, 0, 18, fmt["key"])
    ws.set_column(1, 1, 48, fmt["text"])
    ws.set_column(2, 2, 80, fmt["muted"])
    for i, (key, value, help_text) in enumerate(rows):
        ws.write_string(i, 0, key, fmt["key"])
        ws.write_string(i, 1, value, fmt["text"])
        ws.write_string(i, 2, help_text, fmt["muted"])
    ws.write_string(len(rows) + 1, 0, _("Innstillinger for knappen «{knapp}». Arket må hete "
                                        "«{ark}», og innstillingene må stå fra A1 uten tomme "
                                        "rader.").format(knapp=_(BUTTON_CAPTION), ark=CONF_SHEET),
                    fmt["muted"])
    ws.set_tab_color("#808080")
