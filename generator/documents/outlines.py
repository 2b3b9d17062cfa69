"""The heading order of each template, for numbering standard and own chapters together.

Each function walks a document's sections in the order its template shows them
(``templates/build.py``) and returns the context parts the template numbers its
headings with: ``nr`` (standard sections by key) and ``kapitler`` (own chapters per
placement). Keep the two in step: a test compares the rendered headings with it.
"""

from __future__ import annotations

from typing import Any

from ..model.domain import Dokument
from ..model.styringsdata import Styringsdata
from .kapitler import Outline
from .standardtekster import lederavtale_tekster


def oppdragsbrev(data: Styringsdata, perspektiver: list[dict[str, Any]]) -> dict[str, Any]:
    """Numbers for the oppdragsbrev; sets ``nr`` on each perspective. Its appendix shows the
    lederavtale's parts 1–4 with the lederavtale's own numbers and chapters."""
    o = Outline(Dokument.OPPDRAGSBREV, data.kapitler)
    o.own("først")
    o.section("sammendrag", numbered=False)
    o.own("etter sammendrag")
    o.section("forord", numbered=False)
    o.own("etter forord")
    o.section("virksomhetsstyring")
    for key in ("møtekalender", "styringsdialog", "om_lederavtaler"):
        o.section(key, 2)
    o.own("etter virksomhetsstyring")
    o.section("prioriteringer")
    o.section("politiske_vedtak", 2, numbered=bool(data.tekster.politiske_vedtak))
    o.own("etter prioriteringer")
    o.section("oppdrag")
    o.section("forkortelser", 2)
    o.own("etter oppdrag")
    o.section("mål")
    for p in perspektiver:
        p["nr"] = o.number(2)
    o.own("etter mål")
    la = lederavtale(data)
    return {"nr": o.nr, "kapitler": o.kapitler, "la_nr": la["nr"],
            "la_kapitler": la["kapitler"], "standard": la["standard"]}


def lederavtale(data: Styringsdata) -> dict[str, Any]:
    """Numbers for the lederavtale (level 2 as «4 a)») and its standard texts."""
    o = Outline(Dokument.LEDERAVTALE, data.kapitler, letters=True)
    o.own("først")
    o.section("struktur")
    o.own("etter struktur")
    o.section("ansvar")
    o.own("etter ansvar")
    o.section("lederstøtte")
    o.own("etter lederstøtte")
    o.section("oppfølging")
    for key in ("oppdrag", "ledelsesutvikling", "personal", "høsten"):
        o.section(key, 2)
    o.own("etter oppfølging")
    return {"nr": o.nr, "kapitler": o.kapitler, "standard": lederavtale_tekster(data.tekster)}


def tertialrapport(data: Styringsdata, perspektiver: list[dict[str, Any]], tertial: int
                   ) -> dict[str, Any]:
    """Numbers for one tertial's report (own chapters for all tertials or for this one);
    sets ``nr`` on each perspective."""
    o = Outline(Dokument.TERTIALRAPPORT,
                [k for k in data.kapitler if k.tertial in (None, tertial)])
    o.own("først")
    o.section("innledning")
    o.own("etter innledning")
    o.section("økonomi")
    o.section("drift", 2)
    o.section("investering", 2)
    o.own("etter økonomi")
    o.section("mål")
    for p in perspektiver:
        p["nr"] = o.number(2)
    o.own("etter mål")
    for key, after in (("oppdrag", "etter oppdrag"), ("risiko", "etter risiko"),
                       ("nøkkeltall", "etter nøkkeltall"),
                       ("forutsetninger", "etter forutsetninger"), ("forslag", "etter forslag")):
        o.section(key)
        o.own(after)
    return {"nr": o.nr, "kapitler": o.kapitler}


def utviklingsstrategi(data: Styringsdata, delstrategier: list[dict[str, Any]]
                       ) -> dict[str, Any]:
    """Numbers for the utviklingsstrategi; sets ``kapittelnr`` on each delstrategi."""
    o = Outline(Dokument.UTVIKLINGSSTRATEGI, data.kapitler)
    o.own("først")
    o.section("forord", numbered=False)
    o.own("etter forord")
    for key in ("innledning", "metode"):
        o.section(key)
        o.own(f"etter {key}")
    o.section("resultater")
    o.section("styrker", 2)
    o.section("poeng", 2, numbered=bool(data.kompass_spørsmål))
    o.own("etter resultater")
    o.section("visjon")
    o.own("etter visjon")
    for d in delstrategier:
        d["kapittelnr"] = o.number(1)
    o.own("etter delstrategier")
    o.section("oppfølging", numbered=False)
    o.own("etter oppfølging")
    return {"nr": o.nr, "kapitler": o.kapitler}
