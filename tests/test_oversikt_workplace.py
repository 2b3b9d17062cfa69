"""Issue 31, item 3 and issue 26, item 6: the overview ``oversikt.html`` as the adviser's
workplace, checked in the real headless Chromium (Debian's package) the other overview
tests use: documents grouped by kind with counts, the filter box (typed into, with the
page's own script under its hash-only Content-Security-Policy), links to the e-mail
drafts, calendars and ``arkiv/arkivliste.csv``, the signature state per agreement from
real pyHanko signatures, what needs attention at the top, and zero axe-core violations
(npm ``axe-core``, pinned in package.json) with visible focus.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import html as lxml_html

from generator import pipeline
from generator.demo.data import demo_data
from generator.documents import KINDS as KIND_NAMES
from generator.input.blank import write_workbooks
from generator.output.delivery import oversikt
from generator.paths import ROOT

from .test_oversikt import _browser, _manifest
from .test_pdf import _certificate

YEAR = "2026"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _with_scripts(page: Path, target: Path, *scripts: str) -> Path:
    """A copy of the page with test scripts after its own, each allowed by its hash added
    to the page's policy (the page's own hash and everything else stay as they are)."""
    raw = page.read_text(encoding="utf-8")
    found = re.search(r"script-src ('sha256-[^']+')", raw)
    assert found, "the page allows its script by hash"
    raw = raw.replace(found.group(0), " ".join([found.group(0), *map(_csp_hash, scripts)]))
    raw = raw.replace("</body>", "".join(f"<script>{s}</script>" for s in scripts) + "</body>")
    target.write_text(raw, encoding="utf-8")
    return target


def _dump(tmp: Path, page: Path) -> lxml_html.HtmlElement:
    """The DOM after the scripts ran (virtual time lets axe's promises settle)."""
    return lxml_html.fromstring(_browser(tmp, page, "--virtual-time-budget=30000",
                                         "--dump-dom").stdout)


def _dump_uri(tmp: Path, uri: str) -> lxml_html.HtmlElement:
    import subprocess

    from .test_oversikt import FLAGS, _chromium

    profile = tmp / f"profil-{len(list(tmp.glob('profil-*')))}"
    done = subprocess.run([_chromium(), *FLAGS, f"--user-data-dir={profile}",
                           "--virtual-time-budget=10000", "--dump-dom", uri],
                          capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    return lxml_html.fromstring(done.stdout)


def _shown(dom: lxml_html.HtmlElement) -> list[str]:
    return [tr.get("id") for tr in dom.xpath("//tr[@class='dokument']") if tr.get("hidden") is None]


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The whole demo set without PDF (47 documents, drafts, calendars, archive list)."""
    tmp = tmp_path_factory.mktemp("arbeidsflate")
    wb = tmp / "wb"
    write_workbooks(wb, demo_data())
    report = pipeline.build([wb], tmp / "ut", pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    year = tmp / "ut" / YEAR
    return {"tmp": tmp, "year": year, "page": year / "oversikt.html"}


def test_the_documents_are_grouped_by_kind_with_counts(plain: dict) -> None:
    year = plain["year"]
    dom = _dump(plain["tmp"], plain["page"])
    documents = {n: e for n, e in _manifest(year)["documents"].items() if e["kind"] in KIND_NAMES}
    expected: dict[str, int] = {}
    for e in documents.values():
        expected[e["kind"]] = expected.get(e["kind"], 0) + 1
    sections = dom.xpath("//main//section[@class='gruppe']")
    seen = {}
    for sec in sections:
        heading = sec.xpath("string(./h3)")
        kind, count = re.fullmatch(r"(\w+) \((\d+)\)", heading.strip()).groups()
        rows = sec.xpath(".//tbody/tr[@class='dokument']")
        assert int(count) == len(rows)
        assert {r.xpath("string(./td[1])").strip() for r in rows} == {kind}  # one kind each
        seen[kind.lower()] = int(count)
    assert seen == expected and list(seen) == [k for k in KIND_NAMES if k in expected]
    assert expected["lederavtale"] > 20
    nav = [a.text_content() for a in dom.xpath("//header//nav//a")]
    assert nav == [f"{k.capitalize()} ({n})" for k, n in seen.items()]


def test_the_filter_box_narrows_the_rows_in_chromium(plain: dict) -> None:
    """Typed into the box (an input event, as a keyboard gives it): only rows containing
    every word stay, a kind with none left is hidden, the counts say so."""
    tmp = plain["tmp"]
    data = demo_data()
    avtale = data.lederavtaler[3]
    leder = data.leder(avtale.leder_id)
    last = leder.navn.split()[-1]
    typed = f"  {last.upper()}  lederavtale "
    script = ("var b = document.getElementById('filter'); b.value = " + json.dumps(typed)
              + "; b.dispatchEvent(new Event('input'));")
    dom = _dump(tmp, _with_scripts(plain["page"], tmp / "filter.html", script))
    shown = _shown(dom)
    rows = dom.xpath("//tr[@class='dokument']")
    assert 1 <= len(shown) < len(rows)
    for tr in rows:
        text = tr.text_content().casefold()
        assert (tr.get("hidden") is None) == (last.casefold() in text
                                               and "lederavtale" in text), tr.get("id")
    hidden_groups = [s.xpath("string(./h3)") for s in dom.xpath("//section[@class='gruppe']")
                     if s.get("hidden") is not None]
    assert any(h.startswith("Oppdragsbrev") for h in hidden_groups)
    answer = dom.xpath("string(//*[@id='filter-svar'])")
    assert answer == f"Viser {len(shown)} av {len(rows)}."
    kept = dom.xpath("//section[@class='gruppe'][not(@hidden)]")
    assert [k.xpath("string(.//h3)") for k in kept] == [
        f"Lederavtale ({len(shown)} av {kept[0].get('data-antall')})"]
    # Emptied again: everything is back.
    script += " b.value = ''; b.dispatchEvent(new Event('input'));"
    dom = _dump(tmp, _with_scripts(plain["page"], tmp / "filter2.html", script))
    assert len(_shown(dom)) == len(rows)


def test_the_page_script_runs_under_its_own_policy_and_nothing_else_does(plain: dict) -> None:
    """The unmodified page: «#filter=…» in the address is applied by the page's script (so
    its hash is right), while a script the policy does not name is blocked."""
    tmp, page = plain["tmp"], plain["page"]
    raw = page.read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', raw).group(1)
    assert "unsafe-inline" not in policy and "default-src 'none'" in policy
    assert _csp_hash(oversikt.SCRIPT) in policy and _csp_hash(oversikt.CSS) in policy
    dom = _dump_uri(tmp, page.as_uri() + "#filter=tertialrapport")
    shown = _shown(dom)
    assert len(shown) == 1 and shown[0].startswith("dok-tertialrapport")
    foreign = tmp / "fremmed.html"
    foreign.write_text(raw.replace("</body>", "<script>document.title = 'kjørt';</script></body>"),
                       encoding="utf-8")
    assert "kjørt" not in _dump(tmp, foreign).xpath("string(//title)")


def test_drafts_calendars_and_the_archive_list_are_linked(plain: dict) -> None:
    year = plain["year"]
    dom = _dump(plain["tmp"], plain["page"])
    links = {unquote(h) for h in dom.xpath("//section[@aria-labelledby='levering']//a/@href")}
    on_disk = {p.relative_to(year).as_posix() for p in year.rglob("*")
               if p.suffix in (".eml", ".ics")}
    assert on_disk and {p for p in on_disk if p.endswith(".ics")}
    assert links == on_disk | {"arkiv/arkivliste.csv"}
    assert all((year / link).is_file() for link in links)
    # Each agreement (not its public variant) links its own draft in its row.
    for tr in dom.xpath("//section[@class='gruppe'][h3[starts-with(., 'Lederavtale')]]"
                        "//tr[@class='dokument']"):
        word = unquote(tr.xpath("./td[3]//a/@href")[0])
        draft = tr.xpath("./td[last()]//a/@href")
        if word.endswith("-offentlig.docx"):
            assert not draft
        else:
            stem = Path(word).stem
            assert [unquote(d) for d in draft] == [f"epost/{stem}.eml"]
            assert (year / "epost" / f"{stem}.eml").is_file()


def test_axe_core_finds_no_violations_and_would_find_one(plain: dict) -> None:
    """axe-core (npm, pinned) in Chromium: zero violations on the page. The same run on a
    copy without the page language reports it, so the check is really running."""
    if not AXE.is_file():
        pytest.skip("axe-core mangler (npm install; ./setup.sh gjør det).")
    tmp = plain["tmp"]
    axe = AXE.read_text(encoding="utf-8")
    report = ("axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
              " var pre = document.createElement('pre'); pre.id = 'axe-resultat';"
              " pre.textContent = JSON.stringify(r.violations.map(function (v) {"
              " return [v.id, v.nodes.map(function (n) { return n.target.join(' '); })]; }));"
              " document.body.appendChild(pre); });")

    def violations(page: Path, name: str) -> list:
        dom = _dump(tmp, _with_scripts(page, tmp / name, axe, report))
        found = dom.xpath("//pre[@id='axe-resultat']")
        assert found, "axe-core did not finish"
        return json.loads(html.unescape(found[0].text_content()))

    assert violations(plain["page"], "axe.html") == []
    broken = tmp / "uten-sprak.html"
    broken.write_text(plain["page"].read_text(encoding="utf-8").replace(
        '<html lang="nb">', "<html>"), encoding="utf-8")
    assert [v[0] for v in violations(broken, "axe-brutt.html")] == ["html-has-lang"]


def test_landmarks_headers_and_visible_focus(plain: dict) -> None:
    """The box and the links take keyboard focus, and the page's own style rules draw a
    clear outline for them (headless Chromium has no focused window, so the rules are
    read from the page's style sheet as Chromium parsed it, not from :focus)."""
    tmp = plain["tmp"]
    script = ("var out = {focus: [], rules: {}};"
              " [document.getElementById('filter'), document.querySelector('section.gruppe a')]"
              ".forEach(function (el) { el.focus(); out.focus.push("
              "document.activeElement === el ? el.tagName : null); });"
              " Array.prototype.forEach.call(document.styleSheets[0].cssRules, function (r) {"
              " (r.selectorText || '').split(',').forEach(function (sel) {"
              " sel = sel.trim(); if (/:focus/.test(sel) && r.style.outlineStyle) {"
              " out.rules[sel] = [r.style.outlineStyle, r.style.outlineWidth,"
              " r.style.outlineColor]; } }); });"
              " var pre = document.createElement('pre'); pre.id = 'fokus';"
              " pre.textContent = JSON.stringify(out); document.body.appendChild(pre);")
    dom = _dump(tmp, _with_scripts(plain["page"], tmp / "fokus.html", script))
    found = json.loads(dom.xpath("string(//pre[@id='fokus'])"))
    assert found["focus"] == ["INPUT", "A"]
    for sel in ("a:focus-visible", "input:focus-visible", "summary:focus-visible", "a:focus"):
        style, width, colour = found["rules"][sel]
        assert style == "solid" and float(width.removesuffix("px")) >= 2, sel
        assert colour == "rgb(179, 92, 0)", sel  # dark orange: 3:1 against white and blue
    assert dom.get("lang") == "nb"
    assert len(dom.xpath("/html/body/header")) == len(dom.xpath("/html/body/main")) == 1
    assert dom.xpath("/html/body/footer") and dom.xpath("//header//nav[@aria-label]")
    heads = dom.xpath("//table/thead/tr/th")
    assert heads and all(th.get("scope") == "col" for th in heads)
    assert dom.xpath("//label[@for='filter']") and dom.xpath("//input[@id='filter']")


# --- the signature state, from real PDFs and pyHanko signatures (LibreOffice) -------------


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Three agreements with PDF: one signed by the leader only (in place), one signed by
    both into a ``-signert.pdf`` copy, one not signed. Then the data behind the fully
    signed one changes and the build runs again."""
    from generator.output import signing

    tmp = tmp_path_factory.mktemp("signatur")
    data = demo_data()
    avtaler = data.lederavtaler[:3]
    ids = {a.leder_id for a in avtaler}
    small = replace(data, lederavtaler=avtaler, bidrag=[b for b in data.bidrag
                                                        if b.leder_id in ids])
    wb = tmp / "wb"
    write_workbooks(wb, small)
    out = tmp / "ut"
    kinds = ["lederavtale"]
    assert pipeline.build([wb], out, kinds=kinds, pdf=True).ok
    year = out / YEAR
    pdfs = {a.leder_id: next(p for p in (year / "lederavtale").glob("*.pdf")
                             if not p.stem.endswith(("-offentlig", "-signert"))
                             and _leader_of(year, p) == a.leder_id) for a in avtaler}
    half, full, none = (a.leder_id for a in avtaler)
    p12, _ = _certificate(tmp)
    signing.sign(pdfs[half], "Leder", p12, b"hemmelig", pdfs[half], other_signer=True)
    copy = pdfs[full].with_name(pdfs[full].stem + "-signert.pdf")
    signing.sign(pdfs[full], "Leder", p12, b"hemmelig", copy, other_signer=True)
    signing.sign(copy, "NaermesteOverordnedeLeder", p12, b"hemmelig", copy,
                 other_signer=True)
    assert pipeline.build([wb], out, kinds=kinds, pdf=True).ok
    before = (year / "oversikt.html").read_text(encoding="utf-8")
    leder = data.leder(full)
    changed = replace(small, ledere=[replace(ld, stilling=ld.stilling + " (konstituert)")
                                     if ld.id == full else ld for ld in small.ledere])
    write_workbooks(wb, changed)
    assert pipeline.build([wb], out, kinds=kinds, pdf=True).ok
    return {"tmp": tmp, "year": year, "before": before, "half": pdfs[half], "full": pdfs[full],
            "none": pdfs[none], "full_name": leder.navn}


def _leader_of(year: Path, pdf: Path) -> str:
    entry = _manifest(year)["documents"][pdf.with_suffix(".docx").name]
    names = {ld.navn: ld.id for ld in demo_data().ledere}
    return names[entry["title"].split(" – ", 1)[1]]


def _signature_cells(dom: lxml_html.HtmlElement) -> dict[str, str]:
    heads = [th.text_content() for th in dom.xpath("//section[@class='gruppe']//thead//th")]
    col = heads.index("Signatur") + 1
    return {tr.get("id"): " | ".join(span.text_content() for span in tr.xpath(f"./td[{col}]/span"))
            for tr in dom.xpath("//tr[@class='dokument']")}


def _anchor(pdf: Path) -> str:
    return "dok-" + pdf.stem


@pytest.mark.slow
def test_each_agreement_shows_its_signature_state(signed: dict) -> None:
    dom = lxml_html.fromstring(signed["before"])
    cells = _signature_cells(dom)
    # Signed in place: read as a signed copy is (signatures.inspect_copy), so the page names
    # who signed and who is on the empty line.
    half = cells[_anchor(signed["half"])]
    assert re.fullmatch(r"delvis signert \| signert av Testleder Fjellvik \(Leder\) \| "
                        r"mangler \w[\w .-]+ \(Nærmeste overordnede leder\)", half), half
    assert cells[_anchor(signed["full"])] == "signert"
    assert cells[_anchor(signed["none"])] == (
        "ikke signert | mangler Nærmeste overordnede leder, Leder")
    public = [v for k, v in cells.items() if k.endswith("-offentlig")]
    assert public and set(public) == {"–"}  # a public variant is not signed
    missing = dom.xpath("//section[@aria-labelledby='oppfolging']//ul[contains(@class,"
                        "'mangler')]/li/a/@href")
    assert sorted(missing) == sorted(f"#{_anchor(p)}" for p in (signed["half"], signed["none"]))
    assert not dom.xpath("//ul[contains(@class,'eldre')]")


@pytest.mark.slow
def test_a_signed_agreement_whose_data_changed_needs_attention_at_the_top(signed: dict) -> None:
    page = signed["year"] / "oversikt.html"
    dom = _dump(signed["tmp"], page)
    stale = dom.xpath("//section[@aria-labelledby='oppfolging']//ul[contains(@class,'eldre')]"
                      "/li")
    assert len(stale) == 1
    assert stale[0].xpath("./a/@href") == [f"#{_anchor(signed['full'])}"]
    assert signed["full_name"] in stale[0].text_content()
    # The attention section comes before the notices and the documents.
    order = [h.text_content() for h in dom.xpath("//main//h2")]
    assert order[:2] == ["Trenger oppfølging", "Merknader"] and "Dokumenter" in order


def test_the_page_names_the_signature_fields_as_signing_does() -> None:
    from generator.output import signing

    assert oversikt.SIGNATURE_FIELDS == signing.FIELDS
