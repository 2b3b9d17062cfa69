"""The bundled Word templates have one source: ``templates/build.py``.

The committed ``templates/*.docx`` must be exactly what the script writes, part for part, so
an edit made in Word to a bundled template (which the next run of the script would wipe) or a
script change without rebuilt templates fails here. A municipality's own templates live in
its own folder (``--templates``), never among these.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import REPO

TEMPLATES = REPO / "templates"


def test_committed_templates_are_what_the_script_writes(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(TEMPLATES / "build.py"), str(tmp_path)],
                            capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    made = sorted(p.name for p in tmp_path.glob("*.docx"))
    assert made == sorted(p.name for p in TEMPLATES.glob("*.docx"))
    assert len(made) == 4
    for name in made:
        with zipfile.ZipFile(tmp_path / name) as new, zipfile.ZipFile(TEMPLATES / name) as old:
            assert sorted(new.namelist()) == sorted(old.namelist()), name
            stale = [part for part in new.namelist() if new.read(part) != old.read(part)]
            assert not stale, (f"{name}: {', '.join(stale)} differ from templates/build.py; "
                               "run «python templates/build.py» and commit the result")
