"""Parallel headings (issue 27, item 5): the Kommune sheet's «Parallelt språk» names a second
language catalogue (``språk/se.po``); the document title and the templates' headings then
show that language first and the målform after a slash, as Karasjok writes «Boahttevaš
Kárášjohka / Fremtidens Karasjok», but only where the catalogue has the text; the body
text stays in the målform."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from generator import pipeline, texts
from generator.paths import DEMO_DIR

from .test_malform import set_målform

SAMI = {  # a translator's catalogue with three texts (two headings and a body sentence)
    "Sammendrag": "Čoahkkáigeassu",
    "Virksomhetsstyring": "Doaibmastivren",
    "Lederen har ansvar for:": "Jođiheaddjis lea ovddasvástádus:",
}


def _workbooks(folder: Path, parallel: str | None, målform: str | None = None) -> Path:
    folder.mkdir(parents=True)
    for f in [*DEMO_DIR.glob("*.xlsx"), *DEMO_DIR.glob("*.png")]:
        shutil.copy(f, folder / f.name)
    (folder / "språk").mkdir()
    (folder / "språk" / "se.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        + "".join(f'msgid "{k}"\nmsgstr "{v}"\n\n' for k, v in SAMI.items()),
        encoding="utf-8")
    if målform:
        set_målform(folder / "styring.xlsx", målform)
    if parallel is not None:
        wb = openpyxl.load_workbook(folder / "styring.xlsx")
        wb["Kommune"].append(["Parallelt språk", parallel])
        wb.save(folder / "styring.xlsx")
    return folder


def _paragraphs(docx: Path) -> tuple[list[str], list[str]]:
    """(title and headings, other paragraphs) as text."""
    with zipfile.ZipFile(docx) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    heads, body = [], []
    for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.DOTALL):
        text = "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", p))
        heading = re.search(r'w:pStyle w:val="(?:Title|Heading\d)"', p)
        (heads if heading else body).append(text)
    return heads, body


def _build(wb: Path, out: Path) -> pipeline.BuildReport:
    return pipeline.build([wb], out, kinds=["oppdragsbrev"], pdf=False)


def test_headings_in_the_parallel_language_first_where_it_has_them(tmp_path: Path) -> None:
    report = _build(_workbooks(tmp_path / "wb", "nordsamisk"), tmp_path / "ut")
    assert report.ok, [str(p) for p in report.problems]
    heads, body = _paragraphs(tmp_path / "ut" / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx")
    assert "Čoahkkáigeassu / Sammendrag" in heads
    assert any(re.fullmatch(r"\d+\. Doaibmastivren / Virksomhetsstyring", h) for h in heads)
    assert "Kommunedirektørens forord" in heads  # not in the catalogue: the målform alone
    assert sum(" / " in h for h in heads) == 2
    assert "Lederen har ansvar for:" in body  # body text stays in the målform
    assert not any("Jođiheaddjis" in t for t in heads + body)


def test_nynorsk_with_parallel_sami_headings(tmp_path: Path) -> None:
    report = _build(_workbooks(tmp_path / "wb", "se", målform="nynorsk"), tmp_path / "ut")
    assert report.ok, [str(p) for p in report.problems]
    heads, body = _paragraphs(tmp_path / "ut" / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx")
    assert "Čoahkkáigeassu / Samandrag" in heads
    assert any(h.endswith("Doaibmastivren / Verksemdsstyring") for h in heads)
    assert "Leiaren har ansvar for:" in body  # the body in nynorsk, without the Sámi


def test_without_the_setting_the_headings_are_in_the_malform_only(tmp_path: Path) -> None:
    report = _build(_workbooks(tmp_path / "wb", None), tmp_path / "ut")
    assert report.ok
    heads, _ = _paragraphs(tmp_path / "ut" / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx")
    assert "Sammendrag" in heads and not any(" / " in h for h in heads)


def test_a_parallel_language_without_a_catalogue_is_a_located_error(tmp_path: Path) -> None:
    report = _build(_workbooks(tmp_path / "wb", "klingon"), tmp_path / "ut")
    assert not report.ok
    (error,) = report.problems.errors
    assert (error.sheet, error.cell) == ("Kommune", "Parallelt språk")
    assert "språk/klingon.po" in error.message and error.file.endswith("styring.xlsx")
    assert not (tmp_path / "ut" / "2026" / "oppdragsbrev").exists()


@pytest.mark.parametrize("value", ["", None])
def test_with_parallel_leaves_the_language_alone_when_empty(value: str | None) -> None:
    lang = texts.language("nynorsk")
    assert texts.with_parallel(lang, value) is lang
