"""Press the button the way Excel does it, in a separate Python process.

xlwings' VBA (``RunPython`` → ``ExecuteWindows``, unchanged in every workbook) starts::

    python -B -c "import xlwings.utils;xlwings.utils.prepare_sys_path(\\"<P>\\"); <COMMAND>"
        --wb="<workbook name>" --from_xl=1 --app="…" --hwnd="…"

where ``<P>`` is ``true;<full name>;<full name>;<OneDrive/SharePoint settings>;<PYTHONPATH
from xlwings.conf>`` and ``<COMMAND>`` is the string the button's macro passes to RunPython.
Here COMMAND is read from the workbook's own button, PYTHONPATH from its own xlwings.conf
sheet, and Excel is replaced by tests/excel_standin.py (loaded through a sitecustomize).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from generator.excel.xlsm import CONF_SHEET

HERE = Path(__file__).resolve().parent


@dataclass
class Press:
    returncode: int
    stdout: str
    stderr: str

    @property
    def alerts(self) -> list[dict]:
        return [json.loads(line[6:]) for line in self.stdout.splitlines()
                if line.startswith("ALERT ")]


def button_command(workbook: Path) -> str:
    """The Python command the workbook's button hands to RunPython (from its VML drawing)."""
    with zipfile.ZipFile(workbook) as zf:
        vml = "".join(zf.read(n).decode("utf-8") for n in zf.namelist()
                      if n.startswith("xl/drawings/vmlDrawing"))
    macro = re.search(r"<x:FmlaMacro>\[0\]!(.*?)</x:FmlaMacro>", vml)
    assert macro, "the button has no macro"
    text = macro[1].replace("&quot;", '"').replace("&amp;", "&")
    call = re.fullmatch(r"'RunPython \"((?:[^\"]|\"\")*)\"'", text)
    assert call, f"the button does not call RunPython with one argument: {text}"
    return call[1].replace('""', '"')  # a VBA string literal


def conf_pythonpath(workbook: Path) -> str:
    """GetConfig("PYTHONPATH") of xlwings' VBA: the value in the xlwings.conf sheet, or ""."""
    wb = openpyxl.load_workbook(workbook, read_only=True)
    try:
        for key, value, *_ in wb[CONF_SHEET].iter_rows(max_col=2, values_only=True):
            if key is None:
                break
            if str(key).strip().upper() == "PYTHONPATH":
                return str(value or "")
        return ""
    finally:
        wb.close()


def standin_site(folder: Path) -> Path:
    """A folder with the Excel stand-in and a sitecustomize that installs it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(HERE / "excel_standin.py", folder / "excel_standin.py")
    (folder / "sitecustomize.py").write_text("import excel_standin\nexcel_standin.install()\n",
                                             encoding="utf-8")
    return folder


def press(python: str | Path, workbook: Path, site: Path, pythonpath: list[Path] | None = None,
          no_pdf: bool = True, timeout: int = 600) -> Press:
    """Run the button's command for ``workbook`` as xlwings' VBA does."""
    full = str(workbook)
    sys_path = f"true;{full};{full};;;;{conf_pythonpath(workbook)}"
    code = (f'import xlwings.utils;xlwings.utils.prepare_sys_path("{sys_path}"); '
            + button_command(workbook))
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in [site, *(pythonpath or [])])
    env["MPLCONFIGDIR"] = str(site / "mpl")
    if no_pdf:
        env["STANDIN_NO_PDF"] = "1"
    argv = [str(python), "-B", "-c", code, f"--wb={workbook.name}", "--from_xl=1",
            "--app=C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE", "--hwnd=1"]
    done = subprocess.run(argv, cwd=site, env=env, capture_output=True, text=True,
                          timeout=timeout)
    return Press(done.returncode, done.stdout, done.stderr)
