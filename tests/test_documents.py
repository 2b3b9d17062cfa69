"""The four documents built from the demo, re-read by independent readers and checked
against values computed here straight from the workbooks with openpyxl."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from generator import pipeline
from generator.documents.common import slug

from .conftest import run
from .docx_tools import images, table_with_header, tables, text, validate


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    report = pipeline.build([pipeline.DEMO_DIR], out)
    assert report.ok, [str(p) for p in report.problems]
    return out / "2026"


def _sheet(name: str, book: str) -> list[dict]:
    """A demo sheet read with plain openpyxl, header row → dicts (independent of our reader)."""
    ws = openpyxl.load_workbook(pipeline.DEMO_DIR / book, data_only=True)[name]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def _norm(s: str) -> str:
    return " ".join(str(s).split())


def test_every_kind_is_built(built: Path) -> None:
    assert (built / "oppdragsbrev" / "oppdragsbrev-2026.docx").exists()
    assert (built / "tertialrapport" / "tertialrapport-2026-t2.docx").exists()
    assert (built / "utviklingsstrategi" / "utviklingsstrategi-2026-2028.docx").exists()
    avtaler = _sheet("Lederavtaler", "lederavtaler.xlsx")
    screened = sum(1 for a in avtaler if a["Skjermet"] == "ja")
    assert len(list((built / "lederavtale").glob("*.docx"))) == len(avtaler) + screened


def test_every_document_passes_open_xml_validation(built: Path) -> None:
    results = validate(sorted(built.rglob("*.docx")))
    bad = {p.name: r["errors"][:2] for p, r in results.items() if not r["ok"]}
    assert not bad, bad


def test_oppdragsbrev_lists_every_oppdrag_with_ha_and_da(built: Path) -> None:
    rows = table_with_header(built / "oppdragsbrev" / "oppdragsbrev-2026.docx", "Nr")
    by_nr = {r[0]: r for r in rows[1:]}
    oppdrag = _sheet("Oppdrag", "styring.xlsx")
    assert len(by_nr) == len(oppdrag)
    for o in oppdrag:
        row = by_nr[str(o["Nr"])]
        assert row[1].startswith(o["Oppdrag"])
        for line in o["Hovedinnhold"].splitlines():
            assert _norm(line) in _norm(row[2])
        stilling = {r["Leder-ID"]: r["Stilling"] for r in _sheet("Ledere", "lederavtaler.xlsx")}
        # As written, one line per line of the cell; a Leder-ID is shown as the stilling.
        assert row[3] == "\n".join(stilling.get(x, x) for x in o["HA"].splitlines())
        assert row[4] == (o["DA"] or "")
        assert not set(row[3].split()) & set(stilling)


# What the demo's HA/DA mean, worked out by hand from the workbooks: units whose leader
# has HA and DA per oppdrag (groups, levels, roles and the Leder-ID spelled out).
_ENHETSLEDERE = ["FSK", "NSK", "BARN", "BVT", "FLY", "SHJ", "HJT", "HELSE", "BOA", "LEGE",
                 "NAV", "TEK", "VA", "EIE", "PLAN", "KULT", "BRANN"]
DEMO_ANSVAR = {
    1: (["KD", "OPPV", "HO", "SAMF", "ØKO", "HR"], _ENHETSLEDERE),
    2: (["ØKO"], ["KD", "IKT"]),
    3: (["HO"], ["BVT", "SHJ", "TEK"]),
    4: (["IKT"], ["SERV", "HJT", "NAV"]),
    5: (["HR"], ["OPPV", "BARN", "LEGE"]),
    6: (["HO"], ["OPPV", "SAMF", "ØKO", "HR", "IKT", "SERV", *_ENHETSLEDERE]),  # med avtale
    7: (["SERV"], ["KULT", "PLAN", "FLY"]),
    8: (["OPPV"], ["FSK", "NSK", "BARN"]),
    9: (["SAMF"], ["TEK", "VA", "EIE", "BRANN"]),
}


def test_each_lederavtale_has_exactly_its_oppdrag_and_no_one_elses_goals(built: Path) -> None:
    ledere = {r["Leder-ID"]: r for r in _sheet("Ledere", "lederavtaler.xlsx")}
    enheter = {r["Kode"]: r["Enhet"] for r in _sheet("Enheter", "styring.xlsx")}
    oppdrag = _sheet("Oppdrag", "styring.xlsx")
    avtaler = _sheet("Lederavtaler", "lederavtaler.xlsx")
    goals = {a["Leder-ID"]: a["Utviklingsmål"].splitlines() for a in avtaler}
    for a in avtaler:
        leder = ledere[a["Leder-ID"]]
        name = f"lederavtale-{slug(enheter[leder['Enhet']], 30)}-{slug(leder['Navn'], 40)}.docx"
        path = built / "lederavtale" / name
        unit = leder["Enhet"]
        expected = sorted(
            (str(o["Nr"]), "HA" if unit in DEMO_ANSVAR[o["Nr"]][0] else "DA")
            for o in oppdrag if unit in (*DEMO_ANSVAR[o["Nr"]][0], *DEMO_ANSVAR[o["Nr"]][1]))
        rows = table_with_header(path, "Nr")
        got = sorted((r[0], r[2]) for r in rows[1:]) if rows else []
        assert got == expected, name
        body = text(path)
        assert leder["Navn"] in body
        for other, their_goals in goals.items():
            for g in their_goals:
                if other == a["Leder-ID"]:
                    assert _norm(g) in _norm(body)
                else:
                    assert _norm(g) not in _norm(body), (name, other)


def test_public_variant_leaves_out_personal_goals(built: Path) -> None:
    avtaler = [a for a in _sheet("Lederavtaler", "lederavtaler.xlsx") if a["Skjermet"] == "ja"]
    public = sorted((built / "lederavtale").glob("*-offentlig.docx"))
    assert len(public) == len(avtaler)
    all_goals = [g for a in avtaler for g in a["Utviklingsmål"].splitlines() + a["Tiltak"]
                 .splitlines() + [a["Forsterke 1"], a["Forsterke 2"], a["Forbedre"]]]
    for path in public:
        body = _norm(text(path))
        assert "unntatt offentlighet" in body.lower()
        for g in all_goals:
            assert _norm(g) not in body, path.name
    full = [p for p in (built / "lederavtale").glob("*.docx") if not p.stem.endswith("offentlig")
            and p.with_name(p.stem + "-offentlig.docx").exists()]
    assert all("Unntatt offentlighet, offl. § 13" in text(p) for p in full)


def _kr_thousands(cell: str) -> int:
    return int(cell.replace("\u00a0", "").replace(" ", "").replace("−", "-"))


def test_tertial_sums_and_deviations_match_the_workbook(built: Path) -> None:
    lines = [r for r in _sheet("Økonomi", "tertial.xlsx") if r["Tertial"] == 2]
    path = built / "tertialrapport" / "tertialrapport-2026-t2.docx"
    for kind, header_table in (("drift", 0), ("investering", 1)):
        mine = [r for r in lines if r["Type"] == kind]
        rows = [t for t in tables(path) if t[0][0] == "Rammeområde"][header_table]
        col = {h: i for i, h in enumerate(rows[0])}  # drift also compares with last year
        by_name = {r[0]: r for r in rows[1:-1]}
        assert len(by_name) == len(mine)
        for r in mine:
            budget = r["Revidert budsjett"] if r["Revidert budsjett"] is not None else r[
                "Budsjett"]
            row = by_name[r["Rammeområde"]]
            assert _kr_thousands(row[col["Budsjett"]]) == round(budget / 1000)
            assert _kr_thousands(row[col["Avvik"]]) == round((budget - r["Prognose"]) / 1000)
            pct = (budget - r["Prognose"]) / abs(budget) * 100
            assert row[col["Avvik %"]] == f"{pct:.1f}".replace(".", ",").replace(
                "-", "−") + "\u00a0%"
        total = rows[-1]
        assert total[0] == "Sum"
        budget_sum = sum(r["Revidert budsjett"] if r["Revidert budsjett"] is not None
                         else r["Budsjett"] for r in mine)
        assert _kr_thousands(total[col["Budsjett"]]) == round(budget_sum / 1000)
        assert _kr_thousands(total[col["Prognose"]]) == round(sum(r["Prognose"] for r in mine)
                                                              / 1000)


def test_kompass_total_is_the_sum_of_the_areas(built: Path) -> None:
    areas = _sheet("Kompass", "kompass.xlsx")
    path = built / "utviklingsstrategi" / "utviklingsstrategi-2026-2028.docx"
    rows = table_with_header(path, "Nr")
    total = rows[-1]
    assert total[1].startswith("Sum")
    assert _kr_thousands(total[2]) == round(sum(a["Poeng"] for a in areas))
    assert f"fikk {round(sum(a['Poeng'] for a in areas))} av 800" in text(path)


def test_sami_letters_and_xml_specials_survive(built: Path) -> None:
    letters = "áčđŋšŧžĐ"
    everything = "".join(text(p) for p in built.rglob("*.docx") if "offentlig" not in p.name)
    for ch in letters:
        assert ch in everything, ch
    enheter = [r["Enhet"] for r in _sheet("Enheter", "styring.xlsx")]
    special = [e for e in enheter if "&" in e]
    assert special and any(s in everything for s in special)
    goals = _sheet("Mål", "styring.xlsx")
    lt = [g["Måltall"] for g in goals if "<" in g["Måltall"]]
    gt = [g["Indikator"] for g in goals if ">" in g["Indikator"] or ">" in g["Måltall"]]
    assert lt and all(v in everything for v in lt)
    assert gt


def test_charts_are_embedded_with_alt_text(built: Path) -> None:
    def charts(path: Path) -> list[dict[str, str]]:  # the demo's logo is on the title page
        return [i for i in images(path) if i["descr"] != "Logo for Fjellvik kommune"]

    rapport = charts(built / "tertialrapport" / "tertialrapport-2026-t2.docx")
    assert len(rapport) == 3
    assert all(len(i["descr"]) > 40 for i in rapport)
    assert any("risik" in i["descr"].lower() for i in rapport)
    strategi = charts(built / "utviklingsstrategi" / "utviklingsstrategi-2026-2028.docx")
    assert len(strategi) == 1 and "Kommunekompass" in strategi[0]["descr"]
    assert charts(built / "oppdragsbrev" / "oppdragsbrev-2026.docx") == []


def test_norwegian_formats(built: Path) -> None:
    body = text(built / "tertialrapport" / "tertialrapport-2026-t2.docx")
    assert "2.\u00a0tertial 2026" in body
    assert "31. august 2026" in body
    assert re.search(r"\d\u00a0\d{3}", body)
    assert "23. september 2026" in body


def test_core_properties_come_from_the_data(built: Path) -> None:
    import docx

    props = docx.Document(str(built / "oppdragsbrev" / "oppdragsbrev-2026.docx")).core_properties
    assert props.title == "Kommunedirektørens oppdragsbrev 2026"
    assert props.author == "Fjellvik kommune"
    assert props.language == "nb-NO"
    assert "oppdragsbrev" in props.keywords


def test_build_of_a_missing_tertial_is_refused(tmp_path: Path) -> None:
    result = run("build", pipeline.DEMO_DIR, "--out", tmp_path, "--tertial", "3")
    assert result.exit_code == 1
    assert "ingen økonomitall for 3.\u00a0tertial 2026" in result.output
    assert not any(tmp_path.rglob("*.docx"))


def test_only_one_kind(tmp_path: Path) -> None:
    result = run("build", pipeline.DEMO_DIR, "--out", tmp_path, "--only", "oppdragsbrev")
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.rglob("*.docx")] == ["oppdragsbrev-2026.docx"]


def test_invalid_workbook_writes_nothing(demo: Path, tmp_path: Path) -> None:
    from .conftest import set_cell

    set_cell(demo / "risiko.xlsx", "Risiko", "Sannsynlighet", "høy")
    result = run("build", demo, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*"))
