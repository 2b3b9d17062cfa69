"""The archive code lists pinned at their boundaries (unit level, no build).

Fast on purpose: benchmarks/mutation.py runs them once per mutant. Expected values are
written out here, not computed by the code under test. (Split from the former
tests/test_rules_new.py by concern.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.demo.data import demo_data
from generator.output.archive import codes as archive

DATA = demo_data()


# --- archive code lists ----------------------------------------------------------------------

KODELISTER = (Path(__file__).resolve().parents[1] / "generator" / "output" / "archive" / "schemas"
              / "fiks-arkiv-v2" / "kodelister")


def _published(name: str) -> dict[str, str]:
    data = json.loads((KODELISTER / f"{name}.json").read_text(encoding="utf-8-sig"))
    return {str(k["kodeverdi"]): str(k["kodebeskrivelse"]) for k in data["kodeliste"]}


@pytest.mark.parametrize(("lookup", "typed", "expected"), [
    (archive.journalposttype, "X", ("X", "Organinternt dokument uten oppfølging")),
    (archive.journalposttype, " organinternt dokument uten oppfølging ",
     ("X", "Organinternt dokument uten oppfølging")),
    (archive.variantformat, "a", ("A", "Arkivformat")),
    (archive.variantformat, "Produksjonsformat", ("P", "Produksjonsformat")),
    (archive.tilknyttet_registrering_som, "H", ("H", "Hoveddokument")),
    (archive.tilknyttet_registrering_som, "vedlegg", ("V", "Vedlegg")),
    (archive.dokumenttype, "avtale", ("AVTALE", "Avtale")),
    (archive.tilgangsrestriksjon, "p", ("P", "Personalsaker")),
])
def test_a_code_is_found_by_code_or_name_in_any_case(lookup, typed: str,
                                                     expected: tuple[str, str]) -> None:
    assert lookup(typed) == expected


def test_the_codes_the_product_writes_are_in_the_published_lists() -> None:
    for (kode, navn), liste in [(archive.JOURNALSTATUS, "journalstatus"),
                                (archive.DOKUMENTSTATUS, "dokumentstatus"),
                                (archive.DOKUMENTMEDIUM, "dokumentmedium"),
                                (archive.INTERN_AVSENDER, "korrespondanseparttype")]:
        assert _published(liste)[kode] == navn
    assert (archive.JOURNALSTATUS[0], archive.DOKUMENTSTATUS[0], archive.DOKUMENTMEDIUM[0],
            archive.INTERN_AVSENDER[0]) == ("F", "F", "E", "IA")
    assert archive.SIGNERT in _published("variantformat")
    assert _published("dokumenttype") == archive.DOKUMENTTYPE
    assert _published("tilgangsrestriksjon") == archive.TILGANGSRESTRIKSJON
    assert archive.ARCHIVE_FORMATS[archive.PRONOM["pdfa2b"]] == "PDF/A-2b"
    assert archive.PRONOM["docx"] not in archive.ARCHIVE_FORMATS  # DOCX is no arkivformat


def test_an_unknown_code_lists_what_is_allowed() -> None:
    with pytest.raises(archive.ArchiveError) as e:
        archive.variantformat("Z")
    allowed = ", ".join(f"{c} ({n})" for c, n in _published("variantformat").items())
    assert str(e.value) == f"ukjent variantformat 'Z'; bruk en av {allowed}"
    with pytest.raises(archive.ArchiveError, match=r"^dokumenttype mangler$"):
        archive.dokumenttype("  ")


@pytest.mark.parametrize("typed", ["13", "§ 13", "offl. § 13", "Offl §13", "25 a",
                                   "Unntatt offentlighet"])
def test_a_paragraph_is_refused_as_tilgangsrestriksjon(typed: str) -> None:
    with pytest.raises(archive.ArchiveError) as e:
        archive.tilgangsrestriksjon(typed, "Offl. § 25 første ledd")
    assert str(e.value) == (f"tilgangsrestriksjon {typed!r} er ikke en kode i listen; paragrafen "
                            "hører hjemme i skjermingshjemmelen (Offl. § 25 første ledd). Bruk "
                            "f.eks. «P» (Personalsaker)")
    with pytest.raises(archive.ArchiveError, match=r"\(mangler\)"):
        archive.tilgangsrestriksjon(typed)
