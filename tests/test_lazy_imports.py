"""What an incremental build without PDF leaves unloaded (issue 30, «small changes are
fast»): pikepdf (imported on first use, :mod:`generator.lazy`), and the standard library's
network modules that xml.sax.saxutils would pull in (urllib.request, http.client, ssl)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.pipeline import ROOT

CODE = """
import sys
from pathlib import Path
from generator import pipeline
wb, out = Path(sys.argv[1]), Path(sys.argv[2])
assert pipeline.build([wb], out, pdf=False).ok
print(sorted(m for m in ("pikepdf._core", "ssl", "http.client", "urllib.request")
             if m in sys.modules))
import pikepdf
print(pikepdf.Pdf.new().pdf_version)
"""


def test_a_build_without_pdf_leaves_pikepdf_and_ssl_unloaded(demo: Path, tmp_path: Path) -> None:
    p = subprocess.run([sys.executable, "-c", CODE, str(demo), str(tmp_path / "ut")],
                       cwd=ROOT, capture_output=True, text=True, check=True)
    unloaded, version = p.stdout.splitlines()[-2:]
    assert unloaded == "[]"
    assert version == "1.3"  # and pikepdf loads and works when it is first used
