"""A fault in the program itself (not in the workbooks) never shows a traceback: one FEIL
line in bokmål, exit code 70, and the traceback in a file the line names, for IT or the
developers; STYRING_FEILSOK=1 shows it instead. The fault is a real exception raised inside
the entry point's command dispatch, in a real process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

FAULT = """
import sys
import generator.quick as quick
sys.argv = ["styring", "build", "arbeidsbøker"]
def fault():
    raise ValueError("invalid literal for int() with base 10: 'x'")
quick._main = fault
quick.main()
"""


def _run(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", FAULT], capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, "TMPDIR": str(tmp_path), **env})


def test_a_fault_in_the_program_is_one_norwegian_line_and_a_file(tmp_path: Path) -> None:
    done = _run(tmp_path)
    assert done.returncode == 70
    assert done.stdout == ""
    assert "Traceback" not in done.stderr and "invalid literal" not in done.stderr
    line = done.stderr.strip()
    assert line.startswith("FEIL En uventet feil i styring stoppet kommandoen.")
    assert len(line.splitlines()) == 1
    named = re.search(r"lagret i (\S+\.txt);", line)
    assert named, line
    saved = Path(named[1])
    assert saved.parent == tmp_path
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("styring build arbeidsbøker\n")
    assert "Traceback" in text and "invalid literal for int()" in text


def test_styring_feilsok_shows_the_traceback(tmp_path: Path) -> None:
    done = _run(tmp_path, STYRING_FEILSOK="1")
    assert done.returncode == 1
    assert "Traceback" in done.stderr and "invalid literal for int()" in done.stderr
    assert not list(tmp_path.glob("styring-feil-*"))
