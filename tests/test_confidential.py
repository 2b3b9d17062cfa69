"""Confidentiality: distinctive personal development goals appear only in the full
lederavtale of their own leader — never in another document kind, the public variant,
PDF text or metadata, the manifest or the archive records and listings."""

from __future__ import annotations

import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest

from generator import pipeline
from generator.demo.data import demo_data
from generator.input.blank import write_workbooks
from generator.output.pdf import soffice

from .docx_tools import text

MARK = "HEMMELIG-Ŋ-{}-MÅL"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[str]]]:
    assert soffice(), "LibreOffice mangler"
    data = demo_data()
    avtaler = []
    secrets: dict[str, list[str]] = {}
    for i, a in enumerate(data.lederavtaler[:3]):
        goals = [MARK.format(f"{i}-A"), MARK.format(f"{i}-B")]
        extra = dict(forsterke_1=MARK.format(f"{i}-F1"), forsterke_2=MARK.format(f"{i}-F2"),
                     forbedre=MARK.format(f"{i}-FB"), tiltak=[MARK.format(f"{i}-T")])
        avtaler.append(replace(a, utviklingsmål=goals, skjermet=i != 2, **extra))
        secrets[a.leder_id] = [*goals, *extra.values()][:5] + extra["tiltak"]
    ids = {a.leder_id for a in avtaler}
    small = replace(data, lederavtaler=avtaler,
                    bidrag=[b for b in data.bidrag if b.leder_id in ids])
    folder = tmp_path_factory.mktemp("konf")
    write_workbooks(folder / "wb", small)
    report = pipeline.build([folder / "wb"], folder / "ut", pdf=True)
    assert report.ok, [str(p) for p in report.problems]
    return folder / "ut", secrets


def _content(path: Path) -> str:
    """Everything a reader could see in a file: text, metadata and raw bytes."""
    parts = []
    if path.suffix == ".docx":
        parts.append(text(path))
        with zipfile.ZipFile(path) as zf:
            parts += [zf.read(n).decode("utf-8", "replace") for n in zf.namelist()
                      if n.endswith(".xml")]
    elif path.suffix == ".pdf":
        parts.append(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                    text=True, check=True).stdout)
        with pikepdf.open(path) as pdf:
            parts.append(str(dict(pdf.docinfo)))
            parts.append(str(pdf.open_metadata()))
    else:
        parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def test_personal_goals_appear_only_in_their_own_full_lederavtale(built) -> None:
    out, secrets = built
    files = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert any(p.suffix == ".pdf" for p in files) and any(p.suffix == ".json" for p in files)
    owners = {}
    for path in files:
        body = _content(path)
        for leader, marks in secrets.items():
            if any(m in body for m in marks):
                owners.setdefault(path, set()).add(leader)
    for path, leaders in owners.items():
        assert path.parent.name == "lederavtale", path  # no other kind, no archive file
        assert len(leaders) == 1, path
        assert "offentlig" not in path.name, path  # the public variant has none
    own_docs = [p for p in owners if p.suffix == ".docx"]
    assert len(own_docs) == 3  # each leader's own full agreement does have them
    assert "HEMMELIG" not in (out / "2026" / "manifest.json").read_text(encoding="utf-8")
