"""Issue 16, item 3: the build overview ``<år>/oversikt.html``, opened in a real headless
Chromium (Debian's package): the page loads, its table has a row per document with the
right status, every link leads to an existing file, user data is escaped, and a
screenshot shows the table. The states come from real files: a Word edit made with
python-docx, pyHanko signatures (in place and as a ``-signert.pdf`` copy).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlparse

import docx
import pytest
from lxml import html as lxml_html
from PIL import Image

from generator import pipeline
from generator.demo.data import demo_data
from generator.input.blank import write_workbooks

from .conftest import set_cell
from .test_pdf import _certificate

YEAR = "2026"
HOSTILE = '<img src=x onerror="alert(1)"> Åse & «Ánne» </td><script>x()</script>'
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]
NY, UENDRET = "ny", "uendret"
BEHOLDT, SIGNERT = "beholdt fordi en person har endret den", "signert"
DELVIS = "delvis signert"



def _documents(year: Path) -> dict:
    """The manifest's documents, without the e-mail drafts and calendars (not listed)."""
    from generator.documents import KINDS

    return {n: e for n, e in _manifest(year)["documents"].items() if e["kind"] in KINDS}

def _chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("Chromium finnes ikke på maskinen (Debian-pakken chromium; ./setup.sh "
                    "installerer den som root), så oversiktssiden kan ikke åpnes i en nettleser.")
    return exe


def _browser(tmp: Path, page: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp / f"profil-{len(list(tmp.glob('profil-*')))}"  # a fresh, empty profile
    done = subprocess.run([_chromium(), *FLAGS, f"--user-data-dir={profile}", *args,
                           page.as_uri()], capture_output=True, text=True, timeout=180,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def _dom(tmp: Path, page: Path) -> lxml_html.HtmlElement:
    """The page as Chromium built it (``--dump-dom``), parsed again."""
    return lxml_html.fromstring(_browser(tmp, page, "--dump-dom").stdout)


def _manifest(year: Path) -> dict:
    return json.loads((year / "manifest.json").read_text(encoding="utf-8"))


def _rows(dom: lxml_html.HtmlElement) -> dict[str, dict]:
    """Table rows by title: kind, status and the links of each."""
    out = {}
    for tr in dom.xpath("//table/tbody/tr[@class='dokument']"):
        cells = tr.xpath("./td")
        title = cells[1].xpath("string(./text())").strip()
        out[title] = {"kind": cells[0].text_content().strip(),
                      "status": cells[4].xpath("string(.//span[contains(@class,'status')])"),
                      "word": cells[2].xpath(".//a/@href"), "pdf": cells[3].xpath(".//a/@href"),
                      "sources": [li.text_content() for li in cells[5].xpath(".//li")]}
    return out


def _agreement_pdfs(year: Path) -> list[Path]:
    return sorted(p for p in (year / "lederavtale").glob("lederavtale-*.pdf")
                  if not p.stem.endswith(("-offentlig", "-ny", "-signert")))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Two builds with PDF: the first makes everything; between them a person edits the
    oppdragsbrev in Word, signs one agreement in place and the other into a copy."""
    from generator.output import signing

    tmp = tmp_path_factory.mktemp("oversikt")
    data = demo_data()
    avtaler = data.lederavtaler[:2]
    first = avtaler[0].leder_id
    ledere = [replace(ld, navn=HOSTILE) if ld.id == first else ld for ld in data.ledere]
    wb = tmp / "wb"
    ids = {a.leder_id for a in avtaler}
    write_workbooks(wb, replace(data, lederavtaler=avtaler, ledere=ledere,
                                bidrag=[b for b in data.bidrag if b.leder_id in ids]))
    out = tmp / "ut"
    kinds = ["oppdragsbrev", "lederavtale"]
    one = pipeline.build([wb], out, kinds=kinds, pdf=True)
    assert one.ok, [str(p) for p in one.problems]
    year = out / YEAR
    first_page = (year / "oversikt.html").read_text(encoding="utf-8")
    brev = year / "oppdragsbrev" / "oppdragsbrev-2026.docx"
    document = docx.Document(str(brev))
    document.add_paragraph("Kommentar fra rådgiveren.")
    document.save(str(brev))
    p12, _ = _certificate(tmp)
    in_place, copied = _agreement_pdfs(year)
    signing.sign(in_place, "Leder", p12, b"hemmelig", in_place, other_signer=True)
    signing.sign(copied, "Leder", p12, b"hemmelig", copied.with_name(copied.stem + "-signert.pdf"),
                 other_signer=True)
    two = pipeline.build([wb], out, kinds=kinds, pdf=True)
    assert two.ok, [str(p) for p in two.problems]
    return {"tmp": tmp, "wb": wb, "year": year, "first": first_page, "report": two,
            "in_place": in_place, "copied": copied}


def test_the_first_build_lists_every_document_as_new(site: dict) -> None:
    dom = lxml_html.fromstring(site["first"])
    rows = _rows(dom)
    assert len(rows) == len(_documents(site["year"])) > 2
    assert {r["status"] for r in rows.values()} == {NY}


def test_the_page_loads_in_chromium_with_a_row_and_status_per_document(site: dict) -> None:
    year = site["year"]
    dom = _dom(site["tmp"], year / "oversikt.html")
    assert dom.get("lang") == "nb"
    rows = _rows(dom)
    documents = _documents(year)
    assert {e["title"] for e in documents.values()} == set(rows)
    for entry in documents.values():
        row = rows[entry["title"]]
        assert row["kind"] == entry["kind"].capitalize()
        assert row["sources"] == entry["sources"]  # the workbook rows it came from
    by_file = {e["outputs"]["docx"]["file"]: rows[e["title"]] for e in documents.values()}
    assert by_file["oppdragsbrev/oppdragsbrev-2026.docx"]["status"] == BEHOLDT
    in_place = site["in_place"].relative_to(year).with_suffix(".docx").as_posix()
    copied = site["copied"].relative_to(year).with_suffix(".docx").as_posix()
    assert by_file[in_place]["status"] == DELVIS  # one of the two fields is signed
    assert by_file[copied]["status"] == DELVIS
    assert any(h.endswith("-signert.pdf") for h in by_file[copied]["pdf"])
    public = [r for f, r in by_file.items() if f.endswith("-offentlig.docx")]
    assert public and all(r["status"] == UENDRET for r in public)
    notices = " ".join(li.text_content() for li in dom.xpath("//ol[@class='merknader']/li"))
    assert "oppdragsbrev-2026.docx" in notices and "er endret etter at den ble laget" in notices
    assert notices.count("er signert") >= 1


def test_every_link_is_relative_and_leads_to_a_file_of_the_build(site: dict) -> None:
    year = site["year"]
    dom = _dom(site["tmp"], year / "oversikt.html")
    hrefs = dom.xpath("//a/@href")
    assert hrefs
    targets = set()
    for href in hrefs:
        if href.startswith("#"):  # issue 31: a link within the page leads to its target
            assert dom.xpath(f"//*[@id='{href[1:]}']"), href
            continue
        parsed = urlparse(href)
        assert not parsed.scheme and not parsed.netloc and not href.startswith("/"), href
        path = (year / unquote(parsed.path)).resolve()
        assert path.is_file() and path.is_relative_to(year.resolve()), href
        targets.add(path.relative_to(year.resolve()).as_posix())
    made = {o["file"] for e in _documents(year).values()
            for o in e["outputs"].values()}
    assert made <= targets  # every Word and PDF file the build made is linked
    assert {f for f in made if f.endswith(".pdf")}


def test_user_data_is_escaped_and_the_page_needs_nothing_outside(site: dict) -> None:
    year = site["year"]
    raw = (year / "oversikt.html").read_text(encoding="utf-8")
    dom = _dom(site["tmp"], year / "oversikt.html")
    assert not dom.xpath("//img | //link | //iframe | //object")
    # Issue 31: one script, the page's own filter (allowed by its hash; see
    # tests/test_oversikt_workplace.py), and nothing from the workbook runs.
    from generator.output.delivery.oversikt import SCRIPT

    assert [s.text for s in dom.xpath("//script")] == [SCRIPT]
    assert any(HOSTILE in title for title in _rows(dom))  # shown as text, exactly
    assert "<img" not in raw and raw.count("<script") == 1 and "http" not in raw.replace(
        "http-equiv", "")
    assert dom.xpath("//style") and 'charset="utf-8"' in raw


def test_a_screenshot_shows_the_table(site: dict) -> None:
    year = site["year"]
    shot = site["tmp"] / "oversikt.png"
    _browser(site["tmp"], year / "oversikt.html", "--window-size=1280,900",
             f"--screenshot={shot}")
    img = Image.open(io.BytesIO(shot.read_bytes())).convert("RGB")
    assert img.size == (1280, 900)
    colours = img.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text, badges, stripes: not blank
    header = sum(n for n, rgb in colours if rgb == (0x1F, 0x4E, 0x79))
    assert header > 5000  # the table's dark blue header row is drawn
    keep = os.environ.get("STYRING_SKJERMBILDE")
    if keep:  # for a person to look at: STYRING_SKJERMBILDE=/tmp/oversikt.png pytest …
        shutil.copy(shot, keep)


def test_the_manifest_records_the_page_and_a_no_change_build_leaves_it(site: dict) -> None:
    year = site["year"]
    page = year / "oversikt.html"
    rec = _manifest(year)["overview"]
    assert rec["file"] == "oversikt.html"
    assert rec["sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()
    before = (page.read_bytes(), os.stat(page).st_mtime_ns)
    again = pipeline.build([site["wb"]], year.parent, kinds=["oppdragsbrev", "lederavtale"],
                           pdf=True)
    assert again.ok and again.unchanged
    assert (page.read_bytes(), os.stat(page).st_mtime_ns) == before


def test_a_page_a_person_edited_is_kept_and_the_new_one_goes_beside(demo: Path,
                                                                    tmp_path: Path) -> None:
    out = tmp_path / "ut"
    kinds = ["oppdragsbrev"]
    assert pipeline.build([demo], out, kinds=kinds, pdf=False).ok
    page = out / YEAR / "oversikt.html"
    edited = page.read_text(encoding="utf-8").replace("<h2>Merknader</h2>",
                                                      "<p>Sjekket av Kari.</p><h2>Merknader</h2>")
    page.write_text(edited, encoding="utf-8")
    set_cell(demo / "styring.xlsx", "Oppdrag", "Oppdrag", "Nytt oppdrag", 1)
    report = pipeline.build([demo], out, kinds=kinds, pdf=False)
    assert report.ok
    assert page.read_text(encoding="utf-8") == edited
    beside = out / YEAR / "oversikt-ny.html"
    assert beside.is_file() and report.outcome.overview == beside
    assert any(p.file.endswith("oversikt.html") and "oversikt-ny.html" in p.message
               for p in report.problems.notices)
    assert "Sjekket av Kari" not in beside.read_text(encoding="utf-8")
    # The person removes their copy: the next build writes the page again and drops -ny.
    page.unlink()
    set_cell(demo / "styring.xlsx", "Oppdrag", "Oppdrag", "Enda et nytt oppdrag", 1)
    report = pipeline.build([demo], out, kinds=kinds, pdf=False)
    assert report.ok and page.is_file() and not beside.exists()
    assert _manifest(out / YEAR)["overview"]["file"] == "oversikt.html"
