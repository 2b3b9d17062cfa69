"""Utviklingsstrategi: the development strategy built on a Kommunekompasset evaluation."""

from __future__ import annotations

from ..model.domain import Status
from ..model.styringsdata import Styringsdata
from ..norsk import ubrutt
from ..rendering import palette
from ..rendering.template import Image, paragraphs
from ..texts import N_, _
from . import kompass
from .common import KindFacts, Planned, Source, base_context, fill, properties, slug
from .kind import DocumentKind
from .outlines import Each, Outline, Own, Section

FILE = N_("utviklingsstrategi")  # the file name's first part
FACTS = KindFacts(
    journalposttype="Organinternt dokument uten oppfølging",
    dokumenttype="DOKUMENT", saksnr=lambda k: k.saksnr_utviklingsstrategi,
    mappetittel=N_("Utviklingsstrategi {år}"))
SHEETS = ("Kommune", "Innstillinger", "Tekster", "Mål", "Kompass", "Kompass-spørsmål",
          "Delstrategier", "Delstrategi-innhold", "Kapitler")
OUTLINE = Outline((
    Own("først"),
    Section("forord", "Forord", numbered=False),
    Own("etter forord"),
    Section("innledning", "Innledning"),
    Own("etter innledning"),
    Section("metode", "Metode: Kommunekompasset"),
    Own("etter metode"),
    Section("resultater", "Resultater"),
    Section("styrker", "Styrker, utfordringer og svakheter", 2),
    Section("poeng", "Poeng per delspørsmål", 2, shown_if="poengtabeller",
            present=lambda data: bool(data.kompass_spørsmål)),
    Own("etter resultater"),
    Section("visjon", "Visjon og mål"),
    Own("etter visjon"),
    Each("delstrategier", "d", "kapittelnr", "Delstrategi: {{ d.navn }}"),
    Own("etter delstrategier"),
    Section("oppfølging", "Oppfølging", numbered=False),
    Own("etter oppfølging"),
))


def plan(data: Styringsdata, source: Source) -> list[Planned]:
    if not data.kompass:  # no evaluation this year: the check has said it is left out
        return []
    k, inn = data.kommune, data.innstillinger
    periode = inn.strategi_periode or str(k.år)
    title = _("Utviklingsstrategi {periode}").format(periode=periode)
    areas = sorted(data.kompass, key=lambda a: a.nr)
    gruppe = ubrutt(k.kompassgruppe.value) if k.kompassgruppe else _("samme størrelse")

    def colour(a) -> str:
        if a.poeng >= a.snitt_gruppe:
            return fill(Status.GRØNN)
        return fill(Status.GUL if a.poeng >= a.snitt_gruppe - 5 else Status.RØD)

    strategier = []
    for d in sorted(data.delstrategier, key=lambda d: d.nr):
        rows = [r for r in data.delstrategi_innhold if r.delstrategi_nr == d.nr]
        strategier.append({"nr": d.nr, "navn": d.navn, "hvorfor": paragraphs(d.hvorfor),
                           "suksesskriterier": d.suksesskriterier,
                           "organisering": paragraphs(d.organisering),
                           "innhold": [{"innhold": r.innhold, "hovedoppgaver": r.hovedoppgaver}
                                       for r in rows],
                           "alle_oppgaver": [h for r in rows for h in r.hovedoppgaver]})
    satsinger = list(dict.fromkeys(g.satsingsområde for g in data.mål))
    ctx = base_context(data, title, k.saksnr_utviklingsstrategi) | {
        "periode": periode,
        "kompass_år": inn.kompass_år or k.år,
        "gruppe": gruppe,
        "tekster": {"forord": paragraphs(data.tekster.strategi_forord),
                    "innledning": paragraphs(data.tekster.strategi_innledning),
                    "metode": paragraphs(data.tekster.strategi_metode),
                    "oppfølging": paragraphs(data.tekster.strategi_oppfølging)},
        "områder": [{"nr": a.nr, "navn": a.navn, "poeng": a.poeng,
                     "snitt_nasjonalt": a.snitt_nasjonalt, "snitt_gruppe": a.snitt_gruppe,
                     "farge": colour(a), "styrker": a.styrker, "utfordringer": a.utfordringer,
                     "svakheter": a.svakheter, "fokusområde": a.fokusområde} for a in areas],
        "total": sum(a.poeng for a in areas),
        **kompass.context(data, areas),
        "total_nasjonalt": sum(a.snitt_nasjonalt for a in areas),
        "total_gruppe": sum(a.snitt_gruppe for a in areas),
        "satsingsområder": satsinger,
        "delstrategier": strategier,
    }
    ctx |= KIND.numbers(data, lists={"delstrategier": strategier})

    @palette.drawn_in(k.profilfarge, k.skrift)
    def images() -> dict[str, Image]:
        # deferred: matplotlib (about 1 s) only when a chart is drawn, not for check or planning
        from ..rendering.charts.kompass import kompass_radar

        return {"radar": kompass_radar(
            [(a.navn, a.poeng, a.snitt_nasjonalt, a.snitt_gruppe) for a in areas],
            _("Kommunekompasset {år}: {kommune}").format(år=ctx["kompass_år"], kommune=k.navn),
            _("Snitt {gruppe}").format(gruppe=gruppe))}

    return [Planned(
        kind=KIND.name, facts=KIND.facts,
        template=KIND.template,
        filename=f"{_file(FILE)}-{_file_period(periode)}.docx",
        title=title, context=ctx, images=images, sources=[f"ark {_(s)}" for s in SHEETS],
        description=title,
        properties=properties(data, title, _("Utviklingsstrategi bygget på Kommunekompasset"),
                              _("utviklingsstrategi; kommunekompasset; delstrategi")))]


def _file(word: str) -> str:
    from .common import slug

    return slug(_(word))


def _file_period(periode: str) -> str:
    return slug(periode, 20)


KIND = DocumentKind(name="utviklingsstrategi", template="utviklingsstrategi.docx", facts=FACTS,
                    sheets=SHEETS, plan=plan, outline=OUTLINE)
