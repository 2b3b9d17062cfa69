"""The lean PDF finishing (issue 30, item 5): each PDF is finished in one pikepdf open and
one save, a lederavtale's two empty signature fields included, so a build imports no pyHanko;
the fields are what pyHanko itself would write, tagged for PDF/UA, signable with
``styring sign`` and valid PDF/A-2b and PDF/UA-1 by the independent validator afterwards;
the check after the finishing still refuses a broken or field-less file.

Real files: the session's demo build with PDF (tests/conftest.py), LibreOffice for one
agreement in a fresh process, pyHanko signatures with a self-signed certificate."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from generator.output import pdf, pdfua
from generator.output.signatures import FIELD_HEIGHT, FIELDS, signature_lines

from .test_pdf import _certificate, _sign
from .test_universal_design import validator_failures

ROOT = Path(__file__).resolve().parent.parent


def _agreement(year: Path) -> Path:
    return next(p for p in sorted(year.glob("lederavtale/*.pdf"))
                if not p.stem.endswith("-offentlig"))


def test_a_pdf_build_imports_no_pyhanko(tmp_path: Path) -> None:
    """A build with PDF in a fresh process (the workbooks of one lederavtale, so LibreOffice
    makes two PDFs): no pyHanko module is ever imported, and the agreement and its public
    variant have their fields."""
    subprocess.run([sys.executable, "benchmarks/make_leaders.py", "1", str(tmp_path / "wb")],
                   cwd=ROOT, capture_output=True, check=True, timeout=120)
    script = f"""
import json, sys
from pathlib import Path
from generator import pipeline
report = pipeline.build([Path({str(tmp_path / "wb")!r})], Path({str(tmp_path / "ut")!r}),
                        kinds=["lederavtale"], pdf=True)
print(json.dumps({{"ok": report.ok, "problems": [str(p) for p in report.problems],
                  "pyhanko": sorted(m for m in sys.modules if m.split(".")[0] == "pyhanko")}}))
"""
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, timeout=600, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["ok"], result["problems"]
    assert result["pyhanko"] == []
    year = tmp_path / "ut" / "2026"
    agreement = _agreement(year)
    assert pdf.verify(agreement, signature_fields=True).ok
    with pikepdf.open(agreement) as doc:
        assert [str(f.T) for f in doc.Root.AcroForm.Fields] == [n for n, _label in FIELDS]
    public = next(year.glob("lederavtale/*-offentlig.pdf"))  # signed as the agreement is
    assert pdf.verify(public, signature_fields=True).ok


def test_the_fields_are_what_pyhanko_writes_over_the_lines_and_tagged(
        demo_pdf_build: Path) -> None:
    path = _agreement(demo_pdf_build)
    lines = signature_lines(path)
    assert len(lines) == 2
    with pikepdf.open(path) as doc:
        form = doc.Root.AcroForm
        assert form.is_indirect and int(form.SigFlags) == 1
        fields = list(form.Fields)
        assert [str(f.T) for f in fields] == [n for n, _label in FIELDS]
        forms = {e.K.Obj.objgen: e for e in pdfua._elements(doc.Root.StructTreeRoot)
                 if e.S == "/Form"}
        nums = doc.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for f, (_name, label), line in zip(fields, FIELDS, lines, strict=True):
            assert f.FT == "/Sig" and f.Type == "/Annot" and f.Subtype == "/Widget"
            assert int(f.F) == 132 and "/V" not in f  # print + locked, empty
            assert [float(v) for v in f.Rect] == pytest.approx(
                [line.x1, line.y, line.x2, line.y + FIELD_HEIGHT], abs=1e-3)
            page = doc.pages[line.page].obj
            assert f.P.objgen == page.objgen
            assert f.objgen in {a.objgen for a in page.Annots}
            assert page.Tabs == "/S"
            appearance = f.AP.N
            assert appearance.read_raw_bytes() == b"" and "/Filter" not in appearance
            assert appearance.Subtype == "/Form"
            assert str(f.TU) == f"Signatur: {label}"
            element = forms[f.objgen]
            assert str(element.Alt) == str(f.TU)
            assert parents[int(f.StructParent)].objgen == element.objgen
        assert int(doc.Root.StructTreeRoot.ParentTreeNextKey) > max(
            int(f.StructParent) for f in fields)
        # one full save: no incremental update after LibreOffice's file
    assert path.read_bytes().count(b"startxref") == 1


def test_the_fields_are_signable_in_turn_and_stay_pdfa_and_pdfua(
        demo_pdf_build: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "avtale.pdf"
    shutil.copy(_agreement(demo_pdf_build), source)
    p12, _cert = _certificate(tmp_path)
    monkeypatch.setenv("TEST_PASSORD", "hemmelig")
    first = _sign(source, "NaermesteOverordnedeLeder", p12, tmp_path / "en.pdf")
    assert first.exit_code == 0, first.output
    second = _sign(tmp_path / "en.pdf", "Leder", p12, tmp_path / "to.pdf")
    assert second.exit_code == 0, second.output
    signed = tmp_path / "to.pdf"
    assert signed.read_bytes().startswith(source.read_bytes())  # signing only appends
    assert pdf.verify(signed).problems == ()
    for profile in ("ua1", "2b"):
        assert validator_failures(signed, profile) == []
    from generator.output.signatures import read_state

    state = read_state(signed)
    assert state.complete and [f.field for f in state.fields] == [n for n, _l in FIELDS]


def test_an_agreement_without_its_lines_is_refused(demo_pdf_build: Path,
                                                   tmp_path: Path) -> None:
    """A PDF that should get fields but has no two signature lines keeps none, and the
    check refuses it, naming each missing field."""
    letter = tmp_path / "rapport.pdf"  # a tertialrapport: no signature lines
    shutil.copy(next(demo_pdf_build.glob("tertialrapport/*.pdf")), letter)
    assert pdf.finish(letter, signature_fields=True) == ()
    assert pdf.verify(letter).ok  # a finished letter, finished again: still fine
    problems = pdf.verify(letter, signature_fields=True).problems
    assert [p.split("«")[1].split("»")[0] for p in problems] == [label for _n, label in FIELDS]


def test_a_broken_or_scripted_pdf_is_refused(demo_pdf_build: Path, tmp_path: Path) -> None:
    data = _agreement(demo_pdf_build).read_bytes()
    broken = tmp_path / "avkortet.pdf"
    broken.write_bytes(data[: len(data) // 3])
    assert not pdf.verify(broken).ok
    # JavaScript written with #-escapes (/S /Java#53cript) is found although the bytes hold
    # no plain «/JS» or «/JavaScript»
    scripted = tmp_path / "skript.pdf"
    with pikepdf.open(_agreement(demo_pdf_build)) as doc:
        action = doc.make_indirect(pikepdf.Dictionary(
            S=pikepdf.Name("/JavaScript"), JS=pikepdf.String("app.alert(1)")))
        doc.Root.OpenAction = action
        doc.save(scripted)
    raw = scripted.read_bytes()
    escaped = re.sub(rb"/JS(?=[\s(<])", b"/J#53", raw.replace(b"/JavaScript", b"/Java#53cript"))
    assert b"/JS" not in escaped and b"/JavaScript" not in escaped
    scripted.write_bytes(escaped)
    assert "inneholder JavaScript" in pdf.verify(scripted).problems


# --- the artifacts, read from the bytes ------------------------------------------------------

TRICKY = [
    # a path, tagged text whose strings hold «EMC» and «BDC», shared state between two fills,
    # nested marked content, a name that ends in BDC, a comment, text outside marked content
    b"0 0 m 10 10 l S\n/P <</MCID 0>> BDC BT /F1 12 Tf (EMC \\) BDC) Tj [<01>2(BMC)]TJ ET EMC\n"
    b"q 1 0 0 1 5 5 cm 0 g 0 0 5 5 re f 1 g 5 5 5 5 re f Q\n"
    b"/Span <</ActualText (x)>> BDC /Artifact BMC 0 0 1 1 re f EMC EMC\n"
    b"/Name#20BDC gs % a comment: BDC EMC\nBT (a) Tj ET /Im1 Do 0 0 5 5 re W n\n",
    b"/P<</MCID 3>>BDC 0 0 m 1 1 l S EMC 0 0 m 1 1 l",  # an unterminated path at the end
    b"   \n% nothing but a comment\n",
    b"q 0.5 w 1 0 0 RG 0 0 m 100 0 l S Q",
]
SLOW = [  # what the byte reading leaves to pikepdf
    b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI 0 0 1 1 re f",  # an inline image
    b"BT (a(b)c) Tj ET",  # a string with parentheses inside
    b"/P <</MCID 0>> BDC 0 0 1 1 re f",  # marked content never closed
    b"0 0 1 1 re f 1 2 foo",  # an unknown operator
    b"/P <</MCID 0>> BDC BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI EMC",
]


def _page(content: bytes) -> tuple[pikepdf.Pdf, pikepdf.Page]:
    doc = pikepdf.new()
    doc.add_blank_page()
    doc.pages[0].obj.Contents = doc.make_stream(content)
    return doc, doc.pages[0]


def _instructions(doc: pikepdf.Pdf, data: bytes) -> bytes:
    return pikepdf.unparse_content_stream(pikepdf.parse_content_stream(doc.make_stream(data)))


@pytest.mark.parametrize("content", TRICKY)
def test_the_byte_reading_makes_the_same_artifacts_as_pikepdfs_parser(content: bytes) -> None:
    marked = pdfua._mark_bytes(content)
    assert marked is not None
    data, added = marked
    doc, page = _page(content)
    assert pdfua._mark_parsed(doc, page) == added
    parsed = page.obj.Contents.read_bytes() if added else content
    assert _instructions(doc, data) == _instructions(doc, parsed)
    if added:  # and once marked, nothing is left to mark
        assert pdfua._mark_bytes(data) == (data, 0)


def test_the_tricky_page_gets_its_artifacts_where_they_belong() -> None:
    doc, page = _page(TRICKY[0])
    assert pdfua.mark_untagged_as_artifact(doc, page) == 4  # the clip joins the image
    assert pdfua.untagged_painting(page) == 0
    ops = [str(i.operator) for i in pikepdf.parse_content_stream(page)]
    # the two fills separated only by a colour share one artifact; q, cm, the first colour
    # (before anything is painted) and Q stay outside
    assert ops[ops.index("cm") + 1:ops.index("Q")] == ["g", "BMC", "re", "f", "g", "re", "f",
                                                       "EMC"]


@pytest.mark.parametrize("content", SLOW)
def test_what_the_byte_reading_does_not_know_is_left_to_pikepdf(content: bytes) -> None:
    assert pdfua._mark_bytes(content) is None
    doc, page = _page(content)
    twin, twin_page = _page(content)
    assert pdfua.mark_untagged_as_artifact(doc, page) == pdfua._mark_parsed(twin, twin_page)
    assert page.obj.Contents.read_bytes() == twin_page.obj.Contents.read_bytes()
