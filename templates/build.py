"""Build the four Word templates in this folder (run: ``python templates/build.py``).

The committed .docx files are what the generator reads; advisers may edit them
in Word afterwards. Tags are docxtpl's Jinja tags; the context each template
gets is built in ``generator/documents/<kind>.py``.

The headings, their order and numbers come from each kind's declared outline
(``OUTLINE`` in ``generator/documents/<kind>.py``): :func:`sections` writes them, and
this file holds only each section's part (the text and tables under its heading).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

from docx.document import Document  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402
from docxkit import (  # noqa: E402
    bullets,
    caption_before,
    header_footer,
    heading,
    keep_together,
    landscape_section,
    new_document,
    own_chapters,
    page_break,
    para,
    short_table,
    table,
    table_of_contents,
    texts,
    title_page,
    toc_styles,
)

from generator.documents import KINDS  # noqa: E402
from generator.documents.outlines import Each, Outline, Own, Section  # noqa: E402
from generator.model.kapitler import slot  # noqa: E402

HEADER_LEFT = "{{ kommune.navn }}"
SKJERMING_PERSONLIG = (
    "Personlige utviklingsmål er unntatt offentlighet og er tatt ut av denne versjonen.")


Part = Callable[[Document], None]


def sections(doc: Document, outline: Outline, parts: dict[str, Part], nr: str = "nr",
             own: str = "kapitler", shift: int = 0, depth: int = 3) -> None:
    """The document's headings in the outline's order, each followed by its part; own
    chapters where the outline places them. ``shift`` moves the headings down (``depth``
    leaves deeper ones out), for the lederavtale inside the oppdragsbrev's appendix."""
    known = {s.key for s in outline.steps if isinstance(s, Section | Each)}
    assert set(parts) <= known, f"parts without a section in the outline: {set(parts) - known}"
    for step in outline.steps:
        if isinstance(step, Own):
            own_chapters(doc, f"{own}.{slot(step.placement)}", shift)
        elif isinstance(step, Section):
            if step.level > depth:
                continue
            if step.shown_if:
                para(doc, f"{{%p if {step.shown_if} %}}")
            heading(doc, f"{{{{ {nr}.{step.key} }}}} {step.title}" if step.numbered
                    else step.title, step.level + shift)
            if step.key in parts:
                parts[step.key](doc)
            if step.shown_if:
                para(doc, "{%p endif %}")
        else:
            para(doc, f"{{%p for {step.var} in {step.key} %}}")
            heading(doc, f"{{{{ {step.var}.{step.attr} }}}} {step.title}", step.level + shift)
            parts[step.key](doc)
            para(doc, "{%p endfor %}")


def _lines(var: str) -> list[str]:
    """A table cell with one paragraph per line of a list (HA/DA as written)."""
    return ["{%p for linje in " + var + " %}", "{{ linje }}", "{%p endfor %}"]


def oppdragsbrev(path: Path) -> None:
    doc = new_document("{{ tittel }}")
    header_footer(doc.sections[0], HEADER_LEFT, "{{ tittel }}")
    title_page(doc, "{{ kommune.navn }}", "Kommunedirektørens oppdragsbrev {{ år }}",
               "Oppdrag, prioriteringer og styringsdialog for {{ år }}",
               ["{{ kommune.kommunedirektør }}, kommunedirektør", "{{ dato|dato }}",
                "{%p if saksnr %}", "Saksnummer {{ saksnr }}", "{%p endif %}"])
    toc_styles(doc)
    table_of_contents(doc)
    sections(doc, KINDS["oppdragsbrev"].outline, {
        "sammendrag": lambda doc: texts(doc, "tekster.sammendrag"),
        "forord": _forord,
        "virksomhetsstyring": lambda doc: texts(doc, "tekster.virksomhetsstyring"),
        "møtekalender": _møtekalender,
        "styringsdialog": _styringsdialog,
        "om_lederavtaler": lambda doc: texts(doc, "tekster.om_lederavtaler"),
        "prioriteringer": _prioriteringer,
        "politiske_vedtak": lambda doc: texts(doc, "tekster.politiske_vedtak"),
        "oppdrag": _oppdrag,
        "forkortelser": _forkortelser,
        "mål": lambda doc: para(doc, "Visjon: «{{ kommune.visjon }}». Målene er ordnet etter "
                                     "de fire perspektivene."),
        "perspektiver": _perspektiv,
    })
    page_break(doc)
    heading(doc, "Vedlegg: Mal for lederavtale")
    para(doc, "Malen er lik for alle ledernivåer. Hver leder får sin egen avtale med oppdragene "
              "lederen har hovedansvar eller delansvar for.", style="Merknad")
    sections(doc, KINDS["lederavtale"].outline, _lederavtale_standard() | {
        "oppfølging": _oppfølging_vedlegg}, nr="la_nr", own="la_kapitler", shift=1, depth=1)
    _signature(doc, "", "", "", "")
    doc.save(path)


def _forord(doc: Document) -> None:
    texts(doc, "tekster.forord")
    para(doc, "{{ kommune.kommunedirektør }}", bold=True)
    para(doc, "Kommunedirektør")


def _møtekalender(doc: Document) -> None:
    caption_before(doc, "Tabell 1: Møter i {{ år }} med tentative temaer.")
    table(doc, ["Når", "Dato og tid", "Forum", "Tentative temaer"], [2.6, 3.4, 2.2, 7.8],
          ["{{ m.måned }}", ["{%p if m.dato %}", "{{ m.dato|kort_dato }}", "{%p endif %}",
                             "{%p if m.tidspunkt %}", "{{ m.tidspunkt }}", "{%p endif %}"],
           "{{ m.forum }}", ["{%p for t in m.temaer %}", "• {{ t }}", "{%p endfor %}"]],
          loop="m in møter")


def _styringsdialog(doc: Document) -> None:
    caption_before(doc, "Tabell 2: Plan for styringsdialog og oppfølging av oppdragsbrevet.")
    # the first column fits its longest word («Tjenesteområdedialog»): no word is broken
    table(doc, ["Forum", "Hyppighet", "Deltakere", "Rapportering"], [4.0, 2.7, 3.7, 5.6],
          ["{{ s.forum }}", "{{ s.hyppighet }}", "{{ s.deltakere }}", "{{ s.rapportering }}"],
          loop="s in styringsdialog")


def _prioriteringer(doc: Document) -> None:
    para(doc, "Kommunedirektøren prioriterer dette i {{ år }}:")
    bullets(doc, "prioriteringer")


def _oppdrag(doc: Document) -> None:
    para(doc, "Oppdragene nedenfor gis til lederne med hovedansvar (HA) og delansvar (DA). "
              "Hovedansvarlig leder koordinerer arbeidet og rapporterer status hvert tertial.")
    para(doc, "Tabell 3: Kommunedirektørens oppdrag {{ år }}.", style="Caption")
    table(doc, ["Nr", "Oppdrag", "Hovedinnhold", "HA", "DA"], [1.0, 3.4, 6.6, 2.4, 2.6],
          ["{{ o.nr }}", ["{{ o.tittel }}", "{%p if o.frist %}",
                          "Frist: {{ o.frist|kort_dato }}", "{%p endif %}"],
           ["{%p for h in o.hovedinnhold %}", "• {{ h }}", "{%p endfor %}",
            "{%p if o.milepæler %}", "Milepæler:", "{%p for mp in o.milepæler %}",
            "◦ {{ mp.linje }}{% if mp.kriterium %} – {{ mp.kriterium }}{% endif %}",
            "{%p endfor %}", "{%p endif %}"],
           _lines("o.ha"), _lines("o.da")],
          loop="o in oppdrag")


def _forkortelser(doc: Document) -> None:
    table(doc, ["Forkortelse", "Betydning"], [3.5, 12.5],
          ["{{ f.forkortelse }}", "{{ f.betydning }}"], loop="f in forkortelser")


def _perspektiv(doc: Document) -> None:
    table(doc, ["Satsingsområde", "Mål", "Indikator", "Måltall", "Ansvar"],
          [3.2, 4.6, 4.2, 2.4, 1.6],
          ["{{ g.satsingsområde }}", "{{ g.mål }}", "{{ g.indikator }}", "{{ g.måltall }}",
           "{{ g.ansvarlig }}"], loop="g in p.mål")


def _oppfølging_vedlegg(doc: Document) -> None:
    """Part 4 of the lederavtale in the oppdragsbrev's appendix: the questions to answer."""
    for title, prompt in (
            ("Oppdrag fra oppdragsbrevet", "Hva er ditt viktigste bidrag til oppdragene du har "
             "HA eller DA for?"),
            ("Ledelsesutvikling", "To områder å forsterke og ett å forbedre, med mål og tiltak."),
            ("Personal, økonomi og fag", "Hva fungerer, hvilke utfordringer ser vi, og hvilke "
             "mål og tiltak setter vi?"),
            ("Oppdatering om høsten", "Nye forhold fra oppfølgingssamtalen.")):
        heading(doc, title, 3)
        para(doc, prompt)
        para(doc, " ", style="Notatfelt")


def _lederavtale_standard() -> dict[str, Part]:
    """Parts 1–3 of the lederavtale: texts from the workbook (``standard``)."""
    def ansvar(doc: Document) -> None:
        para(doc, "Lederen har ansvar for:")
        bullets(doc, "standard.ansvar")

    def lederstøtte(doc: Document) -> None:
        para(doc, "For å kunne ivareta ansvaret kan lederen forvente:")
        bullets(doc, "standard.lederstøtte")

    return {"struktur": lambda doc: texts(doc, "standard.struktur"), "ansvar": ansvar,
            "lederstøtte": lederstøtte}


def _signature(doc, left_name: str, left_title: str, right_name: str, right_title: str) -> None:
    """The signature block: a table whose header row names the two signers' roles (a header
    row as Word's accessibility checker asks, TH in the tagged PDF); under each role the room
    for the signature, the line (generator/output/signing.py puts the field above it), the
    name and the title."""
    # the date is the signer's to write: a printed date would predate the signature
    para(doc, "Sted og dato: {{ sted }}, ____________________" if left_name else
         "Sted og dato: ________________________________")
    t = doc.add_table(rows=4, cols=2)
    t.autofit = False
    from docx.shared import Cm, Pt

    for row in t.rows:
        row.cells[0].width = row.cells[1].width = Cm(8)
    for j, label in enumerate(("Nærmeste overordnede leder", "Leder")):
        t.rows[0].cells[j].paragraphs[0].add_run(label).italic = True
        line = t.rows[1].cells[j].paragraphs[0]
        line.paragraph_format.space_before = Cm(1.6)  # the room for the signature
        line.add_run("_" * 34)
    for j, (name, title) in enumerate(((left_name, left_title), (right_name, right_title))):
        p = t.rows[2].cells[j].paragraphs[0]
        p.add_run(name or "Navn").bold = True
        p.paragraph_format.space_after = Pt(0)
        t.rows[3].cells[j].paragraphs[0].add_run(title or "Tittel")
    t.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    keep_together(t)


def lederavtale(path: Path) -> None:
    doc = new_document("{{ tittel }}")
    sec = doc.sections[0]
    header_footer(sec, HEADER_LEFT, "Lederavtale {{ år }} – {{ leder.navn }}")
    sec.different_first_page_header_footer = False
    hp = sec.header.add_paragraph("{{ skjerming_merking }}")
    hp.runs[0].bold = True
    para(doc, "{{ kommune.navn }}", style="Subtitle")
    para(doc, "Lederavtale {{ år }}", style="Title")
    para(doc, "Vedlegg til kommunedirektørens oppdragsbrev {{ år }}", style="Merknad")
    table(doc, ["Part", "Navn", "Stilling", "Enhet"], [4.2, 4.2, 4.0, 3.6],
          ["{{ p.rolle }}", "{{ p.navn }}", "{{ p.stilling }}", "{{ p.enhet }}"],
          loop="p in parter")
    texts(doc, "standard.innledning")
    _signature(doc, "{{ overordnet.navn }}", "{{ overordnet.stilling }}", "{{ leder.navn }}",
               "{{ leder.stilling }}")
    page_break(doc)
    toc_styles(doc)
    sections(doc, KINDS["lederavtale"].outline, _lederavtale_standard() | {
        "oppdrag": _la_oppdrag, "ledelsesutvikling": _ledelsesutvikling,
        "personal": _personal, "høsten": _høsten})
    doc.save(path)


def _la_oppdrag(doc: Document) -> None:
    para(doc, "{%p if oppdrag %}")
    para(doc, "{{ leder.navn }} har ansvar for disse oppdragene i kommunedirektørens "
              "oppdragsbrev for {{ år }}:")
    table(doc, ["Nr", "Oppdrag", "Rolle", "Viktigste bidrag"], [1.0, 5.4, 1.6, 8.0],
          ["{{ o.nr }}", ["{{ o.tittel }}", "{%p if o.frist %}",
                          "Frist: {{ o.frist|kort_dato }}", "{%p endif %}"],
           "{{ o.rolle }}", "{{ o.bidrag }}"], loop="o in oppdrag")
    para(doc, "{%p else %}")
    para(doc, "{{ leder.navn }} har ikke hovedansvar eller delansvar for oppdrag i "
              "oppdragsbrevet for {{ år }}.")
    para(doc, "{%p endif %}")
    heading(doc, "Hva er ditt viktigste bidrag til de prioriterte områdene?", 3)
    para(doc, "{{ avtale.viktigste_bidrag }}", style="Notatfelt")


def _ledelsesutvikling(doc: Document) -> None:
    para(doc, "Med utgangspunkt i lederplattformen er det valgt to områder å forsterke og ett "
              "å forbedre. Personlige utviklingsmål er ikke offentlige med mindre det er "
              "avtalt.")
    para(doc, "{%p if vis_personlig %}")
    table(doc, ["Område", "Hva og hvorfor"], [3.6, 12.4],
          ["{{ u.område }}", "{{ u.tekst }}"], loop="u in utviklingsområder")
    heading(doc, "Utviklingsmål", 3)
    bullets(doc, "avtale.utviklingsmål", "mål")
    heading(doc, "Tiltak", 3)
    bullets(doc, "avtale.tiltak", "tiltak")
    para(doc, "{%p else %}")
    para(doc, SKJERMING_PERSONLIG, style="Merknad")
    para(doc, "{%p endif %}")


def _personal(doc: Document) -> None:
    for label, var in (("Personal", "avtale.personal"), ("Økonomi", "avtale.økonomi"),
                       ("Fag", "avtale.fag")):
        heading(doc, label, 3)
        para(doc, f"{{{{ {var} or '' }}}}", style="Notatfelt")


def _høsten(doc: Document) -> None:
    para(doc, "Spørsmål til hjelp i oppfølgingssamtalen:")
    bullets(doc, "standard.høstspørsmål", "q")
    heading(doc, "Nye forhold i oppfølgingssamtalen", 3)
    para(doc, "{{ avtale.høstsamtale or '' }}", style="Notatfelt")


def tertialrapport(path: Path) -> None:
    doc = new_document("{{ tittel }}")
    header_footer(doc.sections[0], HEADER_LEFT, "{{ tittel }}")
    title_page(doc, "{{ kommune.navn }}", "Tertialrapport", "{{ periode }}",
               ["Rapport til kommunestyret", "Status per {{ per_dato|dato }}",
                "{{ dato|dato }}", "{%p if saksnr %}", "Saksnummer {{ saksnr }}",
                "{%p endif %}"])
    toc_styles(doc)
    table_of_contents(doc)
    sections(doc, KINDS["tertialrapport"].outline, {
        "innledning": lambda doc: texts(doc, "tekst.innledning"),
        "økonomi": _økonomi,
        "drift": _economy("drift", "Drift", 1),
        "investering": _economy("investering", "Investering", 2),
        "mål": lambda doc: para(
            doc, "Status for målene i balansert målstyring per {{ periode }}. Grønn: på plan. "
                 "Gul: risiko for avvik. Rød: målet nås ikke uten nye tiltak."),
        "perspektiver": _målstatus,
        "oppdrag": _oppdragsstatus,
        "vedtak": _vedtak,
        "risiko": _risiko,
        "nøkkeltall": _nøkkeltall,
        "forutsetninger": _forutsetninger,
        "forslag": _forslag,
    })
    doc.save(path)


def _økonomi(doc: Document) -> None:
    para(doc, "Tabellene viser vedtatt (eventuelt revidert) budsjett, regnskap per "
              "{{ per_dato|dato }} og prognose for året. Avvik = budsjett − prognose; negativt "
              "avvik betyr merforbruk. Avvik større enn {{ terskel|prosent }} er markert.")
    para(doc, "{%p if drift.sammenligning or investering.sammenligning %}")
    para(doc, "Regnskap i fjor er regnskapet per samme dato i fjor. Endring = regnskap hittil "
              "i år − regnskap i fjor, i 1\u00a0000 kr og i prosent av fjorårets tall.")
    para(doc, "{%p endif %}")


def _economy(key: str, label: str, n: int) -> Part:
    """Drift or investering: the table per rammeområde (with last year's, when given)."""
    def part(doc: Document) -> None:
        caption_before(doc, f"Tabell {n}: {label} per rammeområde (1 000 kr).")
        para(doc, f"{{%p if {key}.sammenligning %}}")
        _economy_compared(doc, key)
        para(doc, "{%p else %}")
        short_table(doc, ["Rammeområde", "Budsjett", "Regnskap hittil", "Prognose", "Avvik",
                    "Avvik %"], [4.8, 2.3, 2.4, 2.3, 2.2, 2.0],
              ["{{ r.navn }}", "{{ r.budsjett|tusen }}", "{{ r.regnskap|tusen }}",
               "{{ r.prognose|tusen }}", "{% cellbg r.farge %}{{ r.avvik|tusen }}",
               "{% cellbg r.farge %}{{ r.avvik_prosent }}"],
              loop=f"r in {key}.rader",
              total=["Sum", f"{{{{ {key}.sum.budsjett|tusen }}}}",
                     f"{{{{ {key}.sum.regnskap|tusen }}}}", f"{{{{ {key}.sum.prognose|tusen }}}}",
                     f"{{{{ {key}.sum.avvik|tusen }}}}", f"{{{{ {key}.sum.avvik_prosent }}}}"],
              align_right=(1, 2, 3, 4, 5))
        para(doc, "{%p endif %}")
        if key == "investering":
            _investeringsprosjekter(doc)
        if key == "drift":
            para(doc, "{{ budsjettgraf }}")
            para(doc, "Figur 1: Budsjett, regnskap hittil og prognose for drift per "
                      "rammeområde.", style="Caption")
        if key == "investering":  # after both tables: who answers for each rammeområde
            para(doc, "{%p if rammeområdeoversikt %}")
            # A Word list kept on one page with its lead-in: every item but the last keeps
            # with the next (the last would drag the next chapter's heading along).
            para(doc, "Rammeområdene med ansvarlig og enhetene som hører til:"
                 ).paragraph_format.keep_with_next = True
            para(doc, "{%p for a in rammeområdeoversikt %}")
            for keep in (True, False):
                para(doc, "{%p if not loop.last %}" if keep else "{%p else %}")
                item = para(doc, "{{ a.navn }}{% if a.ansvarlig %} (ansvarlig: "
                                 "{{ a.ansvarlig }}){% endif %}{% if a.enheter %}: "
                                 "{{ a.enheter }}{% endif %}", style="List Bullet")
                item.paragraph_format.keep_with_next = keep
                item.paragraph_format.keep_together = True
            para(doc, "{%p endif %}")
            para(doc, "{%p endfor %}")
            para(doc, "{%p endif %}")
            _svar_økonomi(doc)  # the leaders' forecasts (the reporting round), last
    return part


def _investeringsprosjekter(doc: Document) -> None:
    """The investments per project under the totals (sheet Investeringsprosjekter)."""
    para(doc, "{%p if investeringsprosjekter.vis %}")
    caption_before(doc, "Tabell 3: Investeringer per prosjekt (1 000 kr).")
    table(doc, ["Prosjekt", "Budsjett i år", "Totalramme", "Regnskap hittil",
                "Prognose", "Status", "Kommentar"], [3.4, 1.9, 2.2, 1.9, 1.8, 1.4, 3.4],
          [["{{ p.prosjekt }}", "{{ p.rammeområde }}"], "{{ p.budsjett|tusen }}",
           "{{ p.totalramme|tusen }}", "{{ p.regnskap|tusen }}", "{{ p.prognose|tusen }}",
           "{% cellbg p.farge %}{{ p.status }}", "{{ p.kommentar }}"],
          loop="p in investeringsprosjekter.rader",
          total=["Sum", "{{ investeringsprosjekter.sum.budsjett|tusen }}",
                 "{{ investeringsprosjekter.sum.totalramme|tusen }}",
                 "{{ investeringsprosjekter.sum.regnskap|tusen }}",
                 "{{ investeringsprosjekter.sum.prognose|tusen }}", "", ""],
          align_right=(1, 2, 3, 4))
    para(doc, "{%p if investeringsprosjekter.avstemt %}")
    para(doc, "Summen av prosjektene stemmer med investeringene per rammeområde i tabell 2.",
         style="Merknad")
    para(doc, "{%p else %}")
    para(doc, "Merk: prosjektene stemmer ikke med investeringene per rammeområde i tabell 2 "
              "for {{ investeringsprosjekter.avvik|join(', ') }}.", style="Merknad")
    para(doc, "{%p endif %}")
    para(doc, "{%p endif %}")


def _vedtak(doc: Document) -> None:
    """The follow-up of the council's decisions the oppdragsbrev promises (sheet
    Vedtaksoppfølging): open ones (overdue first, marked in words) and those completed."""
    para(doc, "{{ vedtaksoppfølging.sammendrag }}")
    para(doc, "{%p if vedtaksoppfølging.åpne %}")
    caption_before(doc, "Vedtak som følges opp")
    table(doc, ["Sak", "Vedtak", "Ansvarlig", "Frist", "Status", "Kommentar"],
          [2.6, 4.4, 1.8, 1.9, 1.8, 3.5],
          [["{{ v.sak }}", "{{ v.organ }}", "{{ v.dato }}"], "{{ v.vedtak }}",
           "{{ v.ansvarlig }}", "{{ v.frist }}",
           ["{% cellbg v.farge %}{{ v.status }}", "{%p if v.forfalt %}",
            "{{ v.merking }}", "{%p endif %}"], "{{ v.kommentar }}"],
          loop="v in vedtaksoppfølging.åpne")
    para(doc, "{%p endif %}")
    para(doc, "{%p if vedtaksoppfølging.fullførte %}")
    caption_before(doc, "Vedtak fullført siden forrige tertial")
    table(doc, ["Sak", "Vedtak", "Ansvarlig", "Fullført", "Kommentar"],
          [2.6, 5.4, 1.8, 1.9, 4.3],
          [["{{ v.sak }}", "{{ v.organ }}", "{{ v.dato }}"], "{{ v.vedtak }}",
           "{{ v.ansvarlig }}", "{{ v.fullført }}", "{{ v.kommentar }}"],
          loop="v in vedtaksoppfølging.fullførte")
    para(doc, "{%p endif %}")


def _målstatus(doc: Document) -> None:
    table(doc, ["Mål", "Indikator", "Måltall", "Resultat", "Status", "Kommentar"],
          [3.6, 3.2, 1.9, 1.9, 1.5, 3.9],
          ["{{ g.mål }}", "{{ g.indikator }}", "{{ g.måltall }}", "{{ g.resultat }}",
           "{% cellbg g.farge %}{{ g.status }}", "{{ g.kommentar }}"], loop="g in p.mål")
    para(doc, "{%p if p.svar %}")
    caption_before(doc, "Svar fra lederne i rapporteringsrunden")
    table(doc, ["Indikator", "Rapportert av", "Rolle", "Resultat", "Status", "Kommentar",
                "Merknad"], [3.0, 2.8, 1.4, 1.8, 1.5, 3.7, 1.8],
          ["{{ s.indikator }}", "{{ s.hvem }}", "{{ s.rolle }}", "{{ s.resultat }}",
           "{% cellbg s.farge %}{{ s.status }}", "{{ s.kommentar }}", "{{ s.merknad }}"],
          loop="s in p.svar")
    para(doc, "{%p endif %}")


def _svar_økonomi(doc: Document) -> None:
    """The forecasts the leaders reported for their budget lines (the reporting round)."""
    para(doc, "{%p if svar.økonomi %}")
    caption_before(doc, "Prognoser fra lederne i rapporteringsrunden (1 000 kr)")
    table(doc, ["Type", "Rammeområde", "Rapportert av", "Prognose", "Kommentar", "Merknad"],
          [1.8, 3.9, 2.9, 1.9, 3.9, 1.6],
          ["{{ s.type }}", "{{ s.rammeområde }}", "{{ s.hvem }}", "{{ s.prognose|tusen }}",
           "{{ s.kommentar }}", "{{ s.merknad }}"], loop="s in svar.økonomi",
          align_right=(3,))
    para(doc, "{%p endif %}")


def _oppdragsstatus(doc: Document) -> None:
    table(doc, ["Nr", "Oppdrag", "HA", "Status", "Kommentar"], [1.0, 4.6, 2.8, 1.6, 6.0],
          ["{{ o.nr }}", "{{ o.tittel }}", _lines("o.ha"),
           "{% cellbg o.farge %}{{ o.status }}",
           "{{ o.kommentar }}"], loop="o in oppdrag")
    para(doc, "{%p if svar.oppdrag %}")
    caption_before(doc, "Svar fra lederne i rapporteringsrunden")
    table(doc, ["Nr", "Rapportert av", "Rolle", "Status", "Kommentar", "Merknad"],
          [1.0, 3.2, 1.4, 1.6, 6.0, 2.8],
          ["{{ s.nr }}", "{{ s.hvem }}", "{{ s.rolle }}", "{% cellbg s.farge %}{{ s.status }}",
           "{{ s.kommentar }}", "{{ s.merknad }}"], loop="s in svar.oppdrag")
    para(doc, "{%p endif %}")
    para(doc, "{%p if milepæler %}")
    para(doc, "Milepæler for oppdrag og prosjekter:", style="Caption")
    table(doc, ["Hører til", "Milepæl", "Kriterium", "Dato", "Status"],
          [3.6, 4.4, 4.0, 2.4, 1.6],
          ["{{ mp.tilhører }}", "{% if mp.nr %}{{ mp.nr }}. {% endif %}{{ mp.milepæl }}",
           "{{ mp.kriterium }}", "{{ mp.når }}",
           "{{ mp.status }}"], loop="mp in milepæler")
    para(doc, "{%p endif %}")


def _risiko(doc: Document) -> None:
    para(doc, "Risikofaktor (RF) = sannsynlighet (S) × konsekvens (K). {{ risikoskala }} Rød fra "
              "RF {{ risiko_rød_fra }}, gul fra RF {{ risiko_gul_fra }}. {{ risikosammendrag }}")
    para(doc, "{{ risikomatrise }}")
    para(doc, "Figur 2: Risikomatrise med risikoene plassert etter sannsynlighet og konsekvens.",
         style="Caption")
    table(doc, ["ID", "Risiko", "S", "K", "RF", "Mottiltak", "Ansvar og status"],
          [1.1, 5.0, 0.8, 0.8, 1.0, 5.0, 2.3],
          ["{{ r.id }}", ["{{ r.beskrivelse }}", "{{ r.område }}"], "{{ r.s }}", "{{ r.k }}",
           "{% cellbg r.farge %}{{ r.rf }}",
           ["{%p for t in r.mottiltak %}", "• {{ t }}", "{%p endfor %}"],
           ["{{ r.ansvarlig }}", "{{ r.oppfølging }}"]],
          loop="r in risikoer", align_right=(2, 3, 4))
    para(doc, "{%p if lukkede_risikoer %}")
    para(doc, "Lukkede risikoer: {{ lukkede_risikoer }}.")
    para(doc, "{%p endif %}")
    para(doc, "{%p if svar.risiko %}")
    caption_before(doc, "Svar fra lederne i rapporteringsrunden")
    table(doc, ["ID", "Rapportert av", "Status", "Tiltak", "Kommentar", "Merknad"],
          [1.1, 2.8, 1.9, 4.6, 3.8, 1.8],
          ["{{ s.id }}", "{{ s.hvem }}", "{{ s.status }}",
           ["{%p for t in s.tiltak %}", "{{ t }}", "{%p endfor %}"], "{{ s.kommentar }}",
           "{{ s.merknad }}"], loop="s in svar.risiko")
    para(doc, "{%p endif %}")


def _nøkkeltall(doc: Document) -> None:
    para(doc, "Sykefravær og nærvær i prosent, overtid i timer, årsverk ved utgangen av "
              "tertialet og meldte avvik i internkontrollen, per enhet. Kommunens mål for "
              "sykefravær er {{ sykefravær_mål|prosent }}.")
    para(doc, "{%p if sykefravær_sammenligning %}")
    _key_figures_compared(doc)
    para(doc, "{%p else %}")
    keyfig = table(doc, ["Enhet", "Sykefravær", "Nærvær", "Overtid (t)", "Årsverk", "Avvik"],
          [5.2, 2.2, 2.0, 2.4, 2.0, 2.2],
          ["{{ n.enhet }}", "{% cellbg n.farge %}{{ n.sykefravær|prosent }}",
           "{{ n.nærvær|prosent }}", "{{ n.overtid|tall }}", "{{ n.årsverk|tall(1) }}",
           "{{ n.avvik }}"], loop="n in nøkkeltall",
          total=["Kommunen", "{{ nøkkelsum.sykefravær|prosent }}", "{{ nøkkelsum.nærvær|prosent }}",
                 "{{ nøkkelsum.overtid|tall }}", "{{ nøkkelsum.årsverk|tall(1) }}",
                 "{{ nøkkelsum.avvik }}"], align_right=(1, 2, 3, 4, 5))
    keep_together(keyfig)
    para(doc, "{%p endif %}")
    para(doc, "{{ sykefraværsgraf }}")
    para(doc, "{%p if sykefravær_i_fjor_linje %}")
    para(doc, "Figur 3: Sykefravær i kommunen per tertial mot målet og samme tertial i fjor.",
         style="Caption")
    para(doc, "{%p else %}")
    para(doc, "Figur 3: Sykefravær i kommunen per tertial mot målet.", style="Caption")
    para(doc, "{%p endif %}")


def _forutsetninger(doc: Document) -> None:
    para(doc, "{%p if tekst.endrede_forutsetninger %}")
    texts(doc, "endrede_forutsetninger")
    para(doc, "{%p else %}")
    para(doc, "Det er ikke meldt om endrede forutsetninger i perioden.")
    para(doc, "{%p endif %}")


def _forslag(doc: Document) -> None:
    para(doc, "{%p if tekst.forslag %}")
    # the proposals stay together with their lead-in: no bullet orphaned on the last page
    para(doc, "Kommunedirektøren legger fram disse forslagene:").paragraph_format \
        .keep_with_next = True
    bullets(doc, "tekst.forslag", "f", keep=True)
    para(doc, "{%p else %}")
    para(doc, "Tertialrapporten tas til orientering.")
    para(doc, "{%p endif %}")


def utviklingsstrategi(path: Path) -> None:
    doc = new_document("{{ tittel }}")
    header_footer(doc.sections[0], HEADER_LEFT, "{{ tittel }}")
    title_page(doc, "{{ kommune.navn }}", "Utviklingsstrategi {{ periode }}",
               "Bygget på evalueringen i Kommunekompasset {{ kompass_år }}",
               ["{{ kommune.kommunedirektør }}, kommunedirektør", "{{ dato|dato }}",
                "{%p if saksnr %}", "Saksnummer {{ saksnr }}", "{%p endif %}"])
    toc_styles(doc)
    table_of_contents(doc)
    sections(doc, KINDS["utviklingsstrategi"].outline, {
        "forord": lambda doc: texts(doc, "tekster.forord"),
        "innledning": lambda doc: texts(doc, "tekster.innledning"),
        "metode": lambda doc: texts(doc, "tekster.metode"),
        "resultater": _resultater,
        "styrker": _styrker,
        "poeng": _poeng,
        "visjon": _visjon,
        "delstrategier": _delstrategi,
        "oppfølging": lambda doc: texts(doc, "tekster.oppfølging"),
    })
    sec = landscape_section(doc)
    sec.header.is_linked_to_previous = False  # its own header: the right tab is wider
    sec.footer.is_linked_to_previous = False
    header_footer(sec, HEADER_LEFT, "{{ tittel }}")
    sec.different_first_page_header_footer = False
    plakattittel = para(doc, "Utviklingsplakaten {{ periode }}", style="Title")
    # outline level 1: the plakat has its entry in the table of contents (generator/toc.py)
    plakattittel._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="0"/>'))
    para(doc, "{{ kommune.navn }} – «{{ kommune.visjon }}»", style="Subtitle")
    plakat = doc.add_table(rows=3, cols=3)
    plakat.style = doc.styles["Kommunetabell"]
    from docx.shared import Cm

    for r, (label, var, item) in enumerate((
            (None, None, "{{ d.navn }}"),  # the header row
            ("Suksesskriterier", "d.suksesskriterier", None),
            ("Hovedoppgaver", "d.alle_oppgaver", None))):
        row = plakat.rows[r]
        row.cells[0].paragraphs[0].add_run("{%tc for d in delstrategier %}")
        row.cells[2].paragraphs[0].add_run("{%tc endfor %}")
        cell = row.cells[1]
        if item:
            cell.paragraphs[0].add_run(item)
            continue
        cell.paragraphs[0].add_run(label).bold = True
        cell.add_paragraph(f"{{%p for x in {var} %}}")
        cell.add_paragraph("{{ x }}", style="Plakatpunkt")
        cell.add_paragraph("{%p endfor %}")
    for j, w in enumerate((0.5, 25.0, 0.5)):
        for row in plakat.rows:
            row.cells[j].width = Cm(w)
    # the delstrategi names are the column headers (TH in the tagged PDF, repeated)
    plakat.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    doc.save(path)


def _resultater(doc: Document) -> None:
    para(doc, "{{ kommune.navn }} fikk {{ total|tall }} av {{ maks_total|tall }} mulige poeng. "
              "Snittet for alle kommuner er {{ total_nasjonalt|tall }}, og snittet for kommuner "
              "med {{ gruppe }} innbyggere er {{ total_gruppe|tall }}.{% if normalområde %} "
              "Normalområdet er {{ normalområde.fra|tall }}–{{ normalområde.til|tall }} poeng, "
              "og kommunen ligger {{ normalområde.plassering }}.{% endif %}")
    caption_before(doc, "Tabell 1: Poeng per område i Kommunekompasset (maks 100 per område).")
    areas = table(doc, ["Nr", "Område", "Poeng", "Snitt nasjonalt", "Snitt {{ gruppe }}"],
          [1.0, 7.4, 2.2, 2.7, 2.7],
          ["{{ a.nr }}", "{{ a.navn }}", "{% cellbg a.farge %}{{ a.poeng|tall }}",
           "{{ a.snitt_nasjonalt|tall }}", "{{ a.snitt_gruppe|tall }}"], loop="a in områder",
          total=["", "Sum (maks {{ maks_total }})", "{{ total|tall }}",
                 "{{ total_nasjonalt|tall }}", "{{ total_gruppe|tall }}"], align_right=(2, 3, 4))
    keep_together(areas)
    para(doc, "{{ radar }}")
    para(doc, "Figur 1: Kommunens poeng per område sammenlignet med snittene.", style="Caption")
    para(doc, "{%p if fokusområder %}")
    para(doc, "Områdene hører til {{ fokusområder|length }} fokusområder:"
         ).paragraph_format.keep_with_next = True
    caption_before(doc, "Tabell 2: Poeng per fokusområde.")
    fokus = table(doc, ["Fokusområde", "Områder", "Poeng", "Snitt nasjonalt", "Snitt {{ gruppe }}"],
          [3.6, 5.8, 2.0, 2.3, 2.3],
          ["{{ f.navn }}", "{{ f.områdenavn }}", "{{ f.poeng|tall }} av {{ f.maks }}",
           "{{ f.snitt_nasjonalt|tall }}", "{{ f.snitt_gruppe|tall }}"], loop="f in fokusområder",
          align_right=(2, 3, 4))
    keep_together(fokus)
    para(doc, "{%p endif %}")


def _styrker(doc: Document) -> None:
    # the bullet columns are as wide as they can be: long compound words must fit
    table(doc, ["Område", "Styrker", "Utfordringer", "Svakheter"], [3.1, 4.3, 4.3, 4.3],
          ["{{ a.navn }}", ["{%p for t in a.styrker %}", "• {{ t }}", "{%p endfor %}"],
           ["{%p for t in a.utfordringer %}", "• {{ t }}", "{%p endfor %}"],
           ["{%p for t in a.svakheter %}", "• {{ t }}", "{%p endfor %}"]], loop="a in områder")


def _poeng(doc: Document) -> None:
    para(doc, "Tabellene viser kommunens poeng og maks poeng for hvert delspørsmål i "
              "Kommunekompasset. Summen er områdets poeng.").paragraph_format.keep_with_next = True
    para(doc, "{%p for t in poengtabeller %}")
    caption_before(doc, "Tabell {{ t.tabell }}: {{ t.nr }}. {{ t.navn }}.")
    points = table(doc, ["Delspørsmål", "Poeng", "Maks"], [11.6, 2.2, 2.2],
          ["{{ q.spørsmål }}", "{{ q.poeng|poeng }}", "{{ q.maks|poeng }}"], loop="q in t.rader",
          total=["Sum", "{{ t.poeng|poeng }}", "{{ t.maks|poeng }}"], align_right=(1, 2))
    keep_together(points)
    para(doc, "{%p endfor %}")


def _visjon(doc: Document) -> None:
    para(doc, "Kommunens visjon er «{{ kommune.visjon }}». Utviklingsstrategien skal bidra til "
              "satsingsområdene i kommuneplanen:")
    bullets(doc, "satsingsområder", "s")


def _delstrategi(doc: Document) -> None:
    heading(doc, "Hvorfor", 2)  # level 2 under the delstrategi: no heading level skipped
    para(doc, "{%p for a in d.hvorfor %}")
    para(doc, "{{ a }}")
    para(doc, "{%p endfor %}")
    heading(doc, "Suksesskriterier", 2)
    bullets(doc, "d.suksesskriterier", "k")
    heading(doc, "Innhold og hovedoppgaver", 2)
    table(doc, ["Innhold delstrategi", "Hovedoppgaver"], [5.6, 10.4],
          ["{{ i.innhold }}", ["{%p for h in i.hovedoppgaver %}", "• {{ h }}",
                               "{%p endfor %}"]], loop="i in d.innhold")
    para(doc, "{%p if d.organisering %}")
    heading(doc, "Organisering og struktur", 2)
    texts(doc, "d.organisering")
    para(doc, "{%p endif %}")


BUILDERS = {
    "oppdragsbrev": oppdragsbrev,
    "tertialrapport": tertialrapport,
    "utviklingsstrategi": utviklingsstrategi,
    "lederavtale": lederavtale,
}


# --- the tertialrapport's comparison with last year (only when the workbook has the figures) ---


def _economy_compared(doc, key: str) -> None:
    """The economy table with «Regnskap i fjor» and «Endring» (kr and per cent)."""
    short_table(doc, ["Rammeområde", "Budsjett", "Regnskap hittil", "Regnskap i fjor", "Endring",
                "Prognose", "Avvik", "Avvik %"], [3.4, 1.8, 1.9, 1.9, 1.9, 1.8, 1.8, 1.5],
          ["{{ r.navn }}", "{{ r.budsjett|tusen }}", "{{ r.regnskap|tusen }}",
           "{{ r.i_fjor|tusen or '–' }}",
           ["{{ r.endring|tusen or '–' }}", "{%p if r.endring_prosent %}",
            "{{ r.endring_prosent }}", "{%p endif %}"],
           "{{ r.prognose|tusen }}", "{% cellbg r.farge %}{{ r.avvik|tusen }}",
           "{% cellbg r.farge %}{{ r.avvik_prosent }}"],
          loop=f"r in {key}.rader",
          total=["Sum", f"{{{{ {key}.sum.budsjett|tusen }}}}",
                 f"{{{{ {key}.sum.regnskap|tusen }}}}",
                 f"{{{{ {key}.sum_i_fjor.i_fjor|tusen or '–' }}}}",
                 [f"{{{{ {key}.sum_i_fjor.endring|tusen or '–' }}}}",
                  f"{{%p if {key}.sum_i_fjor.endring_prosent %}}",
                  f"{{{{ {key}.sum_i_fjor.endring_prosent }}}}", "{%p endif %}"],
                 f"{{{{ {key}.sum.prognose|tusen }}}}", f"{{{{ {key}.sum.avvik|tusen }}}}",
                 f"{{{{ {key}.sum.avvik_prosent }}}}"],
          align_right=(1, 2, 3, 4, 5, 6, 7))


def _key_figures_compared(doc) -> None:
    """The key-figure table with last year's sick leave per unit («I fjor»)."""
    keyfig = table(doc, ["Enhet", "Sykefravær", "I fjor", "Nærvær", "Overtid (t)", "Årsverk",
                         "Avvik"], [4.4, 2.0, 1.8, 1.9, 2.2, 1.9, 1.8],
                   ["{{ n.enhet }}", "{% cellbg n.farge %}{{ n.sykefravær|prosent }}",
                    "{{ n.i_fjor|prosent or '–' }}", "{{ n.nærvær|prosent }}",
                    "{{ n.overtid|tall }}", "{{ n.årsverk|tall(1) }}", "{{ n.avvik }}"],
                   loop="n in nøkkeltall",
                   total=["Kommunen", "{{ nøkkelsum.sykefravær|prosent }}",
                          "{{ nøkkelsum.i_fjor|prosent or '–' }}",
                          "{{ nøkkelsum.nærvær|prosent }}", "{{ nøkkelsum.overtid|tall }}",
                          "{{ nøkkelsum.årsverk|tall(1) }}", "{{ nøkkelsum.avvik }}"],
                   align_right=(1, 2, 3, 4, 5, 6))
    keep_together(keyfig)


def main(argv: list[str] | None = None) -> None:
    """Write the four templates into this folder, or into the folder given as argument."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else HERE
    folder.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        build(folder / f"{name}.docx")
        print(f"Skrev {folder / f'{name}.docx'}")


if __name__ == "__main__":
    main()
