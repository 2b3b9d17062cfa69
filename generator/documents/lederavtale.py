"""Lederavtale: one signable agreement per leader with the nearest superior.

The oppdrag are pulled from the Oppdrag sheet (every oppdrag whose HA or DA resolves
to the leader, see :mod:`generator.model.ansvar`), never retyped. Personal development goals
are confidential: when a lederavtale is screened, a public variant without them is made
as well.
"""

from __future__ import annotations

from typing import Any

from ..model.domain import Leder, Lederavtale
from ..model.styringsdata import Styringsdata
from ..texts import N_, _
from .common import KindFacts, Planned, Source, base_context, properties, slug
from .kind import DocumentKind
from .outlines import Outline, Own, Section
from .standardtekster import lederavtale_tekster

SKJERMINGSHJEMMEL = "Offl. § 13 jf. fvl. § 13 første ledd nr. 1"
FILE = N_("lederavtale")  # the file name's first part
SKJERMING_MERKING = N_("Unntatt offentlighet, offl. § 13 jf. fvl. § 13 første ledd nr. 1")
FACTS = KindFacts(
    journalposttype="Organinternt dokument uten oppfølging",
    dokumenttype="AVTALE", saksnr=lambda k: k.saksnr_lederavtaler,
    mappetittel=N_("Lederavtaler {år}"),
    skjermingshjemmel=SKJERMINGSHJEMMEL, signaturfelt=True)
SHEETS = ("Oppdrag", "Enheter", "Kommune", "Grupper", "Ledere", "Lederavtaler", "Tekster",
          "Kapitler")
OUTLINE = Outline((
    Own("først"),
    Section("struktur", "Struktur og oppfølging"),
    Own("etter struktur"),
    Section("ansvar", "Lederens myndighet og ansvar"),
    Own("etter ansvar"),
    Section("lederstøtte", "Lederstøtte"),
    Own("etter lederstøtte"),
    Section("oppfølging", "Oppfølging"),
    Section("oppdrag", "Oppdrag fra oppdragsbrevet", 2),
    Section("ledelsesutvikling", "Ledelsesutvikling", 2),
    Section("personal", "Personal, økonomi og fag", 2),
    Section("høsten", "Oppdatering av lederavtalen om høsten", 2),
    Own("etter oppfølging"),
), letters=True)  # level 2 as «4 a)»


def outline_context(data: Styringsdata) -> dict[str, Any]:
    """The heading numbers and own chapters of a lederavtale, and its standard texts."""
    return KIND.numbers(data) | {"standard": lederavtale_tekster(data.tekster)}


def _party(data: Styringsdata, rolle: str, leder: Leder) -> dict[str, str]:
    enhet = data.enhet(leder.enhet)
    return {"rolle": rolle, "navn": leder.navn, "stilling": leder.stilling,
            "enhet": enhet.navn if enhet else leder.enhet}


def filename(leder: Leder, data: Styringsdata, suffix: str = "") -> str:
    enhet = data.enhet(leder.enhet)
    unit = slug(enhet.navn if enhet else leder.enhet, 30)
    return f"{slug(_(FILE))}-{unit}-{slug(leder.navn, 40)}{suffix}.docx"


def context(data: Styringsdata, avtale: Lederavtale, public: bool,
            outline: dict | None = None) -> dict:
    leder = data.avtaleleder(avtale)
    overordnet = data.overordnet(leder)
    title = _("Lederavtale {år} – {navn}").format(år=data.kommune.år, navn=leder.navn)
    bidrag = {b.oppdrag_nr: b.bidrag for b in data.bidrag_for(leder)}
    screened = avtale.skjermet and not public
    return base_context(data, title, data.kommune.saksnr_lederavtaler) | {
        "leder": leder,
        "overordnet": overordnet,
        "parter": [_party(data, _("Leder"), leder),
                   _party(data, _("Nærmeste overordnede leder"), overordnet)],
        "oppdrag": [{"nr": o.nr, "tittel": o.tittel, "rolle": rolle, "frist": o.frist,
                     "bidrag": bidrag.get(o.nr, "")}
                    for o, rolle in sorted(data.oppdrag_for(leder), key=lambda x: x[0].nr)],
        "avtale": avtale if not public else _public(avtale),
        "vis_personlig": not public,
        "utviklingsområder": [] if public else [
            {"område": _("Forsterke"), "tekst": avtale.forsterke_1},
            {"område": _("Forsterke"), "tekst": avtale.forsterke_2},
            {"område": _("Forbedre"), "tekst": avtale.forbedre}],
        "skjerming_merking": _(SKJERMING_MERKING) if screened else "",
        "sted": avtale.sted or data.kommune.sted,
        "dato": avtale.dato,
    } | (outline if outline is not None else outline_context(data))


def _public(avtale: Lederavtale) -> dict:
    """The agreement without personal development goals (the public variant)."""
    return {"viktigste_bidrag": avtale.viktigste_bidrag, "personal": avtale.personal,
            "økonomi": avtale.økonomi, "fag": avtale.fag, "høstsamtale": avtale.høstsamtale,
            "utviklingsmål": [], "tiltak": []}


def _unique_suffixes(data: Styringsdata) -> dict[str, str]:
    """Leader id → a name suffix from the Leder-ID for leaders whose names give the same
    file name («Anne-Lise Berg» and «Anne Lise Berg» in one unit): stable, never clashing."""
    names: dict[str, list[str]] = {}
    for avtale in data.lederavtaler:
        leder = data.avtaleleder(avtale)
        names.setdefault(filename(leder, data), []).append(leder.id)
    return {i: f"-{slug(i, 20)}" for ids in names.values() if len(ids) > 1 for i in ids}


def plan(data: Styringsdata, source: Source) -> list[Planned]:
    out = []
    unique = _unique_suffixes(data)
    outline = outline_context(data)  # the same for every leader
    for avtale in data.lederavtaler:
        leder = data.avtaleleder(avtale)
        own = unique.get(leder.id, "")
        rows = [r for r in (source(avtale), source(leder)) if r]
        rows += [r for b in data.bidrag_for(leder) if (r := source(b))]
        rows += [f"ark {_(s)}" for s in SHEETS]
        title = _("Lederavtale {år} – {navn}").format(år=data.kommune.år, navn=leder.navn)
        props = properties(data, title, _("Lederavtale for {stilling}").format(
            stilling=leder.stilling.lower()), _("lederavtale; oppdragsbrev; ledelsesutvikling"))
        variants = [(False, "")]
        if avtale.skjermet:
            variants.append((True, "-" + slug(_("offentlig"))))
        for public, suffix in variants:
            out.append(Planned(
                kind=KIND.name, facts=KIND.facts,
                template=KIND.template, filename=filename(leder, data, own + suffix),
                title=title + (_(" (offentlig versjon)") if public else ""),
                context=context(data, avtale, public, outline), sources=rows,
                description=_("Lederavtale {navn}").format(navn=leder.navn),
                restricted=avtale.skjermet and not public,
                variant="Offentlig variant" if public else "Produksjonsformat",
                properties=props | ({"title": title + _(" (offentlig versjon)")}
                                     if public else {})))
    return out


KIND = DocumentKind(name="lederavtale", template="lederavtale.docx", facts=FACTS,
                    sheets=SHEETS, plan=plan, outline=OUTLINE)
