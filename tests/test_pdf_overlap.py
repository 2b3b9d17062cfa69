"""The PDF step works on each PDF while LibreOffice converts the others (issue 30, «PDF at
the two-core limit»): a PDF is finished and handed on as soon as it is whole, not after
the last one; what is handed on is finished (passes the archive checks) and complete."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.output import pdf

from .test_pdf_worker_stops import _documents as documents

pytestmark = pytest.mark.skipif(pdf.soffice() is None, reason="LibreOffice mangler")


def _documents(folder: Path, n: int) -> list[Path]:
    return documents(folder, n, repeat=40)


def test_each_pdf_is_handed_on_finished_while_the_others_are_converted(tmp_path: Path
                                                                        ) -> None:
    src, out = tmp_path / "docx", tmp_path / "pdf"
    src.mkdir()
    files = _documents(src, 10)
    n = pdf.workers(len(files))
    shares = [files[i::n] for i in range(n)]
    seen: list[tuple[str, bool, bool]] = []

    def done(source: Path, path: Path) -> None:
        share = next(s for s in shares if source in s)
        last = out / (share[-1].stem + ".pdf")
        report = pdf.verify(path, f"Dokument {int(source.stem.removeprefix('dok-'))}")
        seen.append((source.name, last.exists(), report.ok))

    made = pdf.convert(files, out, done)
    assert [p.name for p in made] == [f.stem + ".pdf" for f in files]
    assert sorted(name for name, _, _ in seen) == sorted(f.name for f in files)  # once each
    assert all(ok for _, _, ok in seen), seen  # finished (PDF/A, PDF/UA) when handed on
    # the first file of each share was handed on before its LibreOffice wrote its last PDF
    firsts = [entry for entry in seen if entry[0] in {s[0].name for s in shares}]
    assert firsts and not any(last_there for _, last_there, _ in firsts), seen
