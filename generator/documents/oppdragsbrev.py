"""Kommunedirektørens oppdragsbrev: the annual mission letter to all leaders."""

from __future__ import annotations

from dataclasses import replace

from .. import norsk
from ..model.domain import Milepæl, Mål, Perspektiv
from ..model.styringsdata import Styringsdata
from ..norsk import dato
from ..rendering.template import paragraphs
from ..texts import N_, _
from . import lederavtale
from .common import KindFacts, Planned, Source, base_context, properties, slug
from .kind import DocumentKind
from .outlines import Each, Outline, Own, Section

FILE = N_("oppdragsbrev")  # the file name's first part
# the perspectives as headings (Perspektiv's values, capitalised)
PERSPEKTIVER = (N_("Samfunn"), N_("Tjenester"), N_("Medarbeidere"), N_("Økonomi"))
FACTS = KindFacts(
    journalposttype="Organinternt dokument for oppfølging", dokumenttype="KORR",
    saksnr=lambda k: k.saksnr_oppdragsbrev, mappetittel=N_("Kommunedirektørens oppdragsbrev {år}"))
SHEETS = ("Kommune", "Tekster", "Prioriteringer", "Forkortelser", "Enheter", "Årshjul",
          "Styringsdialog", "Mål", "Oppdrag", "Grupper", "Ledere", "Kapitler")
OUTLINE = Outline((
    Own("først"),
    Section("sammendrag", "Sammendrag", numbered=False),
    Own("etter sammendrag"),
    Section("forord", "Kommunedirektørens forord", numbered=False),
    Own("etter forord"),
    Section("virksomhetsstyring", "Virksomhetsstyring"),
    Section("møtekalender", "Møtekalender", 2),
    Section("styringsdialog", "Styringsdialog", 2),
    Section("om_lederavtaler", "Lederavtaler", 2),
    Own("etter virksomhetsstyring"),
    Section("prioriteringer", "Kommunedirektørens prioriteringer"),
    Section("politiske_vedtak", "Oppfølging av politiske vedtak", 2,
            shown_if="tekster.politiske_vedtak",
            present=lambda data: bool(data.tekster.politiske_vedtak)),
    Own("etter prioriteringer"),
    Section("oppdrag", "Oppdrag for {{ år }}"),
    Section("forkortelser", "Forkortelser", 2),
    Own("etter oppdrag"),
    Section("mål", "Mål for {{ år }} i balansert målstyring"),
    Each("perspektiver", "p", "nr", "{{ p.navn }}", 2),
    Own("etter mål"),
))


def perspektiver(data: Styringsdata) -> list[dict]:
    """Goals grouped by the four BMS perspectives, in their fixed order; a Leder-ID as
    Ansvarlig is shown as the leader's role, as in HA and DA."""
    def shown(g: Mål) -> Mål:
        return replace(g, ansvarlig=" ".join(data.ansvar.vis([g.ansvarlig])))

    return [{"navn": data.ord(p),
             "mål": [shown(g) for g in data.mål if g.perspektiv is p]}
            for p in Perspektiv if any(g.perspektiv is p for g in data.mål)]


def milepæler(rows: list[Milepæl], data: Styringsdata) -> list[dict]:
    """Milestones for a template: the date (or the text typed) as written, one line each."""
    out = []
    for mp in rows:
        when = (dato(mp.dato) if mp.dato else "")
        line = (f"{mp.nr}. " if mp.nr else "") + mp.milepæl + (f" ({when})" if when else "")
        out.append({"nr": mp.nr, "oppdrag": mp.oppdrag, "milepæl": mp.milepæl,
                    "kriterium": mp.kriterium or "", "dato": mp.dato, "når": when,
                    "status": data.ord(mp.status), "linje": line})
    return out


def plan(data: Styringsdata, source: Source) -> list[Planned]:
    k = data.kommune
    title = _("Kommunedirektørens oppdragsbrev {år}").format(år=k.år)
    abbreviations = {f.forkortelse: f.betydning for f in data.forkortelser}
    for e in data.enheter:
        abbreviations.setdefault(e.kode, e.navn)
    used = data.ansvar.brukte_grupper()
    for g in data.grupper:  # as the sheet guide says: every description stands in the list
        if g.beskrivelse or g in used:
            abbreviations.setdefault(g.navn, data.ansvar.forklaring(g))
    ctx = base_context(data, title, k.saksnr_oppdragsbrev) | {
        "tekster": {
            "sammendrag": paragraphs(data.tekster.sammendrag),
            "forord": paragraphs(data.tekster.forord),
            "virksomhetsstyring": paragraphs(data.tekster.virksomhetsstyring),
            "om_lederavtaler": paragraphs(data.tekster.om_lederavtaler),
            "politiske_vedtak": paragraphs(data.tekster.politiske_vedtak),
        },
        "møter": [{"måned": m.når or norsk.måned(m.dato).capitalize(),
                   "dato": m.dato, "forum": m.forum, "temaer": m.temaer,
                   # the template writes «kl.» itself (as templates made before Tid was normalised)
                   "tid": m.tid.removeprefix("kl. ") if m.tid else None,
                   "tidspunkt": m.tid}  # «kl. 12.00–15.45» or a word («Heldag») as written
                  for m in data.årshjul],  # the sheet's order
        "styringsdialog": data.styringsdialog,
        "prioriteringer": [p.tekst for p in sorted(data.prioriteringer, key=lambda p: p.nr)],
        "oppdrag": [{"nr": o.nr, "tittel": o.tittel, "hovedinnhold": o.hovedinnhold,
                     "ha": data.ansvar.vis(o.ha), "da": data.ansvar.vis(o.da), "frist": o.frist,
                     "milepæler": milepæler(data.milepæler_for(o), data)}
                    for o in sorted(data.oppdrag, key=lambda o: o.nr)],
        "forkortelser": [{"forkortelse": a, "betydning": b}
                         for a, b in sorted(abbreviations.items(), key=lambda x: x[0].casefold())],
    }
    ctx["perspektiver"] = perspektiver(data)
    ctx |= KIND.numbers(data, lists={"perspektiver": ctx["perspektiver"]})
    # the appendix shows the lederavtale's parts 1–4 with its own numbers and chapters
    la = lederavtale.outline_context(data)
    ctx |= {"la_nr": la["nr"], "la_kapitler": la["kapitler"], "standard": la["standard"]}
    return [Planned(
        kind=KIND.name, facts=KIND.facts,
        template=KIND.template, filename=f"{slug(_(FILE))}-{k.år}.docx", title=title,
        context=ctx, sources=[f"ark {_(s)}" for s in SHEETS],
        description=_("Oppdragsbrev {år}").format(år=k.år),
        properties=properties(data, title, _("Oppdragsbrev til alle ledere"),
                              _("oppdragsbrev; virksomhetsstyring; lederavtale")))]


KIND = DocumentKind(name="oppdragsbrev", template="oppdragsbrev.docx", facts=FACTS,
                    sheets=SHEETS, plan=plan, outline=OUTLINE)
