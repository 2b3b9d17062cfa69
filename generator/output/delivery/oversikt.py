"""The build overview: ``<år>/oversikt.html``, one page that shows what a build made.

Every document in the year folder is listed with its kind, title, links to its Word and
PDF files (relative, so the folder can be moved or shared), its status (new, unchanged,
kept because a person changed it, signed), the workbook rows it came from and the
build's notices. It is the adviser's workplace: what needs attention first (notices,
agreements missing a signature, signed copies older than the data), the documents
grouped by kind with counts, a filter box, and links to the e-mail drafts, the
calendars and ``arkiv/arkivliste.csv``. The page is self-contained: inline CSS and one
small inline script (the filter), both allowed by the Content-Security-Policy only by
their SHA-256 hash; no network, no external assets. Everything from the workbook or the
file system is escaped.

The build writes it as one more output file (staged, committed atomically, under the same
ownership rule as every document: a page a person edited is kept and the new one goes
beside it); see :func:`generator.build.run`.
"""

from __future__ import annotations

import base64
import contextlib
import enum
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from html import escape
from pathlib import Path
from urllib.parse import quote

from ... import __version__, texts
from ...documents import KINDS
from ...norsk import dato
from ...texts import N_, _
from .. import ownership
from ..archive.records import signed_copy
from ..manifest import Entry
from ..signatures import SIGNED_SUFFIX, Signed, inspect_copy, read_state
from .epost import FOLDER

FILENAME = "oversikt.html"
FORMAT_LABELS = {"docx": "Word", "pdf": "PDF"}
MANY_SOURCES = 4  # more rows than this fold into a <details> list
MANY_MISSING = 8  # a longer list of agreements missing a signature folds too
ARCHIVE_LIST = "arkiv/arkivliste.csv"
DELIVERY_LABELS = {"epost": N_("E-postutkast"), "kalender": N_("Kalendere")}
PUBLIC_VARIANT = "Offentlig variant"
# What a file's label adds after «Word»/«PDF» (bokmål, the page shows it through _())
PERSONS_VERSION = N_("personens versjon")
SIGNED_ON_OLD_DATA = N_("signert på gamle data")
# The lederavtale's signature fields and their names on the page: the same as
# generator.output.signing.FIELDS (a test holds them equal), not imported from there, as
# that loads pyHanko (slow, and it prints a warning) for a page that only reads names.
SIGNATURE_FIELDS = (("NaermesteOverordnedeLeder", "Nærmeste overordnede leder"),
                    ("Leder", "Leder"))


class Status(enum.Enum):
    """A file's (and a document's) state after the build, as the page names it."""

    NY = N_("ny")
    UENDRET = N_("uendret")
    BEHOLDT = N_("beholdt fordi en person har endret den")
    SIGNERT = N_("signert")
    DELVIS = N_("delvis signert")
    UTDATERT = N_("må signeres på nytt")


RANK = {Status.UENDRET: 0, Status.NY: 1, Status.BEHOLDT: 2, Status.SIGNERT: 3,
        Status.DELVIS: 4, Status.UTDATERT: 5}
PLURAL = {Status.NY: N_("nye"), Status.UENDRET: N_("uendret"),
          Status.BEHOLDT: N_("beholdt fordi en person har endret dem"),
          Status.SIGNERT: N_("signert"), Status.DELVIS: N_("delvis signert"),
          Status.UTDATERT: N_("må signeres på nytt")}
CSS_CLASS = {Status.NY: "ny", Status.UENDRET: "uendret", Status.BEHOLDT: "beholdt",
             Status.SIGNERT: "signert", Status.DELVIS: "delvis", Status.UTDATERT: "pa-nytt"}


@dataclass(frozen=True)
class FileLink:
    """One file of a document: where it is (relative to the year folder) and its state."""

    rel: str
    label: str
    status: Status
    note: str = ""


@dataclass(frozen=True)
class Signing:
    """A signed kind's signature state (one per document): the fields signed and the fields
    still empty, by their display names. The one place the page learns it is
    :func:`signing`; a richer source (who signed, when) plugs in there."""

    signed: tuple[str, ...] = ()  # «Kari Nordmann (Leder)», or the field's label
    missing: tuple[str, ...] = ()  # «Ola Nordmann (Nærmeste overordnede leder)»
    pdf: str | None = None  # the file that holds the signatures (relative)
    stale: bool = False  # signed on data that has changed since

    @property
    def label(self) -> str:
        if not self.missing:
            return N_("signert")
        return N_("delvis signert") if self.signed else N_("ikke signert")


@dataclass(frozen=True)
class Row:
    """One document on the page."""

    kind: str
    title: str
    files: tuple[FileLink, ...]
    sources: tuple[str, ...] = ()
    restricted: bool = False
    in_build: bool = True  # False: another scope (--only, --tertial), left as it was
    name: str = ""  # the manifest key (``lederavtale-skole-kari.docx``): the row's anchor
    draft: str | None = None  # its e-mail draft (relative), when there is one
    signing: Signing | None = None  # None: a kind that is not signed

    @property
    def anchor(self) -> str:
        return "dok-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in _stem(self.name))

    @property
    def stale_signature(self) -> bool:
        """A signed file while the data changed after it was made: a new version is there
        (``-ny``, or a new unsigned PDF beside the signed copy) or a file is older."""
        if self.signing is not None and self.signing.stale:
            return True
        if any(f.status is Status.UTDATERT for f in self.files):
            return True
        if not any(f.status is Status.SIGNERT for f in self.files):
            return False
        return any(f.status is Status.NY or f.note for f in self.files)

    @property
    def status(self) -> Status:
        """The most telling state of its files: signed > kept > new > unchanged."""
        return max((f.status for f in self.files), key=RANK.__getitem__,
                   default=Status.UENDRET)


@dataclass(frozen=True)
class Overview:
    """Everything the page shows."""

    kommune: str
    år: int
    made: datetime
    rows: tuple[Row, ...]
    notices: tuple[tuple[str, str], ...] = ()
    delivered: tuple[Delivered, ...] = ()  # e-mail drafts and calendars
    archive_list: str | None = None  # ``arkiv/arkivliste.csv`` when the build has one


@dataclass(frozen=True)
class Delivered:
    """An e-mail draft or a calendar (relative link)."""

    kind: str
    title: str
    rel: str


# --- from the build's bookkeeping to rows -----------------------------------------------------


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0]


def _state(folder: Path, rel: str, sha: str | None) -> Status:
    st = ownership.state(folder / rel, sha)
    if st is ownership.State.SIGNED:
        return Status.SIGNERT
    return Status.UENDRET if st is ownership.State.OURS else Status.BEHOLDT


def _kept(folder: Path, rel: str) -> Status:
    """A file a person changed: signed (every field, or only some), or otherwise edited."""
    path = folder / rel
    if not (path.suffix.lower() == ".pdf" and ownership.is_signed(path)):
        return Status.BEHOLDT
    return Status.SIGNERT if read_state(path).complete else Status.DELVIS


def document_files(folder: Path, name: str, entry: Entry, staged: dict[str, str] | None,
                   kept: set[str], in_build: bool, copy: Signed | None = None
                   ) -> list[FileLink]:
    """The files of one document: its current Word/PDF, a person's version it was written
    beside, and a signed copy (``…-signert.pdf``) when there is one (``copy``: as the build
    read it; signed, partly signed, or made from old data)."""
    out: list[FileLink] = []
    for key in ("docx", "pdf"):
        label = FORMAT_LABELS[key]
        old = entry.outputs.get(key)
        if staged and key in staged:
            current, status, note = staged[key], Status.NY, ""
        elif old is not None:
            current = old.file
            if current in kept:
                status = _kept(folder, current)
            elif in_build:
                status = Status.UENDRET
            else:
                status = _state(folder, current, old.sha256)
            note = "" if old.made_from(entry.data_sha256) else N_("laget før dataene ble endret")
        else:
            continue
        # the kind's folder as the file has it (the målform's, or an earlier målform's)
        base = f"{current.rpartition('/')[0] or entry.kind}/{_stem(name)}.{key}"
        out.append(FileLink(current, label, status, note))
        if current != base and (folder / base).is_file():
            out.append(FileLink(base, f"{label}, {PERSONS_VERSION}", _kept(folder, base)))
        if key == "pdf" and copy is not None:
            link = _copy_link(copy)
            listed = next((i for i, f in enumerate(out) if f.rel == copy.rel), None)
            if listed is None:
                out.append(link)
            else:  # signed in place: the PDF itself, as the build read it
                out[listed] = replace(out[listed], status=link.status)
            # another signed PDF of it (signed in place, then finished in a -signert copy)
            # is a person's file; the signature state is the build's reading only
            out = [replace(f, status=Status.BEHOLDT) if f.rel != copy.rel and f.status in (
                Status.SIGNERT, Status.DELVIS) else f for f in out]
        elif key == "pdf":
            signed = signed_copy(folder / base)
            if signed is not None:
                out.append(FileLink(signed.relative_to(folder).as_posix(), "PDF, signert",
                                    Status.SIGNERT))
    return out


def _copy_link(copy: Signed) -> FileLink:
    """The signed copy: signed, partly signed, or signed on data that has changed since."""
    if not copy.current:
        return FileLink(copy.rel, f"PDF, {SIGNED_ON_OLD_DATA}", Status.UTDATERT)
    if copy.state.complete:
        return FileLink(copy.rel, "PDF, signert", Status.SIGNERT)
    return FileLink(copy.rel, "PDF, delvis signert", Status.DELVIS)


def signing_note(copy: Signed | None) -> str:
    """Who has signed an agreement and who is missing, in one line."""
    if copy is None:
        return _("ikke signert")
    if not copy.current:
        return _("signert på gamle data; må signeres på nytt")
    return copy.state.summary() or _("ikke signert")


def rows(folder: Path, entries: dict[str, Entry], carried: dict[str, Entry],
         staged: dict[str, dict[str, str]], kept: set[str],
         signatures: Mapping[str, Signed | None] | None = None) -> list[Row]:
    """A row per document: this build's first (in the build's order), then those of other
    scopes that the build left as they were. ``signatures``: the agreements with signature
    fields and their signed copies (see :func:`generator.output.stage.finish`)."""
    signatures = signatures or {}
    out = []
    every = {**carried, **entries}
    for docs, in_build in ((entries, True), (carried, False)):
        for name, entry in docs.items():
            if entry.kind not in KINDS:
                continue  # e-mail drafts and calendars are delivery, not documents
            signs = in_build and name in signatures
            copy = signatures.get(name) if signs else None
            files = document_files(folder, name, entry, staged.get(name) if in_build else None,
                                   kept, in_build, copy)
            out.append(Row(kind=entry.kind, title=entry.title or name, files=tuple(files),
                           sources=tuple(entry.sources), restricted=bool(entry.restricted),
                           in_build=in_build, name=name,
                           draft=_draft(name, every),
                           signing=signing(folder, entry, files, copy, signs)))
    return out


def _draft(name: str, entries: dict[str, Entry]) -> str | None:
    """The document's e-mail draft (``epost/<stem>.eml``, or its ``-ny`` version)."""
    entry = entries.get(f"{FOLDER}/{_stem(name)}.eml")
    out = entry.outputs.get("eml") if entry is not None else None
    return out.file if out is not None else None


def signing(folder: Path, entry: Entry, files: Sequence[FileLink], copy: Signed | None = None,
            inspected: bool = False) -> Signing | None:
    """The signature state of a document whose kind is signed (its PDF has signature
    fields; not a public variant), as :func:`generator.output.signatures.inspect_copy`
    reads the file that holds the signatures: the signed copy (``inspected``: the build
    read it already), else the PDF a person signed in place. A PDF the build made (new or
    unchanged) has every field empty, so it is not opened."""
    kind = KINDS.get(entry.kind)
    if kind is None or not kind.facts.signaturfelt or entry.variant == PUBLIC_VARIANT:
        return None
    names = tuple(_(label) for _key, label in SIGNATURE_FIELDS)
    pdfs = [f for f in files if f.label.startswith("PDF")]
    if not (inspected and copy is not None):
        signed = [f for f in pdfs if f.status in (Status.SIGNERT, Status.DELVIS)]
        holder = next((f for f in signed if f.label == "PDF, signert"),
                      signed[0] if signed else None)
        if holder is None:
            return Signing(missing=names, pdf=pdfs[0].rel if pdfs else None)
        unsigned = holder.rel.removesuffix(SIGNED_SUFFIX + ".pdf").removesuffix(".pdf") + ".pdf"
        copy = inspect_copy(folder, unsigned, entry.data_sha256, entry.signed,
                            entry.outputs.get("pdf"))
    if copy is None or not copy.state.fields:  # pyHanko could not read it
        return Signing(missing=names, pdf=copy.rel if copy else pdfs[0].rel if pdfs else None)
    return Signing(signed=tuple(f"{f.signer} ({_(f.label)})" for f in copy.state.signed),
                   missing=tuple(f"{f.line_name} ({_(f.label)})" if f.line_name
                                 else _(f.label) for f in copy.state.missing),
                   pdf=copy.rel,
                   stale=not copy.current)


def delivered(entries: dict[str, Entry], carried: dict[str, Entry]) -> tuple[Delivered, ...]:
    """The e-mail drafts and calendars of the year folder (this build's and the others')."""
    out = []
    for name, entry in {**carried, **entries}.items():
        if entry.kind not in DELIVERY_LABELS:
            continue
        for record in entry.outputs.values():
            out.append(Delivered(entry.kind, entry.title or name, record.file))
    return tuple(sorted(out, key=lambda d: (d.kind, d.rel)))


# --- the page -----------------------------------------------------------------------------------

CSS = """
:root { --blå: #1F4E79; --lys: #DEEAF6; --grå: #595959; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Calibri, Carlito, "Liberation Sans", Arial, sans-serif;
       margin: 0; padding: 24px 32px 40px; color: #1a1a1a; background: #fff; line-height: 1.4; }
h1 { color: var(--blå); font-size: 1.6em; margin: 0 0 4px; }
h2 { color: var(--blå); font-size: 1.2em; margin: 28px 0 8px; }
p.ingress { color: var(--grå); margin: 0 0 16px; }
ul.tall { list-style: none; padding: 0; margin: 0 0 16px; display: flex; flex-wrap: wrap;
          gap: 8px; }
ul.tall li { background: var(--lys); border-radius: 4px; padding: 4px 10px; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; table-layout: fixed; }
col.type { width: 9em; } col.status { width: 9.5em; } col.kilder { width: 15em; }
th { background: var(--blå); color: #fff; text-align: left; padding: 6px 8px;
     font-weight: 600; }
td { border-bottom: 1px solid #c9c9c9; padding: 6px 8px; vertical-align: top; }
tbody tr:nth-child(even) td { background: #f5f8fc; }
a { color: var(--blå); }
.fil { display: block; overflow-wrap: anywhere; }
.notat { color: var(--grå); font-size: 0.9em; }
.notat.signering { display: block; }
.status { display: inline-block; border-radius: 10px; padding: 1px 9px; font-size: 0.9em; }
.status.ny { background: #DEEAF6; color: #1F4E79; }
.status.uendret { background: #EDEDED; color: #404040; }
.status.beholdt { background: #FFE8A3; color: #5c4400; }
.status.signert { background: #C6E9C9; color: #1d5020; }
.status.delvis { background: #FFE8A3; color: #5c4400; }
.status.pa-nytt { background: #F8D0D0; color: #8a1c1c; }
.skjermet { color: #8a1c1c; font-size: 0.85em; display: block; }
.kilder { margin: 0; padding-left: 1.1em; color: var(--grå); font-size: 0.9em; }
details summary { cursor: pointer; color: var(--grå); font-size: 0.9em; }
ol.merknader li { margin-bottom: 4px; }
footer { margin-top: 32px; color: var(--grå); font-size: 0.85em; }
.sign { display: inline-block; border-radius: 10px; padding: 1px 9px; font-size: 0.9em; }
.sign.signert { background: #C6E9C9; color: #1d5020; }
.sign.delvis { background: #FFE8A3; color: #5c4400; }
.sign.mangler { background: #F8D7D7; color: #7a1515; }
.sign ~ .notat { display: block; }
h3 { color: var(--blå); font-size: 1.05em; margin: 20px 0 6px; }
h3 .antall { color: var(--grå); font-weight: normal; }
.skjult { position: absolute; width: 1px; height: 1px; overflow: hidden;
          clip: rect(0 0 0 0); white-space: nowrap; }
.tabell { overflow-x: auto; }
ul.typer, ul.lenker, ul.levering { padding-left: 1.1em; margin: 4px 0; }
ul.typer { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; }
section.oppfolging { background: #FFF8E1; border-left: 4px solid #B58900; padding: 4px 16px 8px;
                     margin-top: 12px; }
.filter { margin: 8px 0 12px; }
.filter label { font-weight: 600; margin-right: 8px; }
.filter input { font: inherit; padding: 4px 8px; width: min(30em, 100%);
                border: 1px solid #595959; border-radius: 4px; }
a:focus-visible, input:focus-visible, summary:focus-visible {
  outline: 3px solid #B35C00; outline-offset: 2px; }
a:focus, input:focus, summary:focus { outline: 3px solid #B35C00; outline-offset: 2px; }
[hidden] { display: none !important; }
@media print { body { padding: 0; } details { display: block; } .filter { display: none; } }
"""

# The filter: shows the rows whose text contains every word typed (case-insensitive),
# hides a kind with no row left and says how many it shows. «#filter=ord» in the address
# fills it in. Allowed by its SHA-256 hash in the page's Content-Security-Policy. Its words
# are in the målform: :func:`script` puts them in (SCRIPT is the bokmål page's script).
_SCRIPT = """
(function () {
  var box = document.getElementById("filter");
  var say = document.getElementById("filter-svar");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.dokument"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.gruppe"));
  function apply() {
    var words = box.value.toLocaleLowerCase("nb").split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (tr) {
      var text = tr.textContent.toLocaleLowerCase("nb");
      var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
      tr.hidden = !hit;
      if (hit) { shown += 1; }
    });
    groups.forEach(function (g) {
      var left = g.querySelectorAll("tr.dokument:not([hidden])").length;
      g.hidden = left === 0;
      g.querySelector(".antall").textContent = "(" + (words.length ? left + " @AV@ " : "") +
        g.getAttribute("data-antall") + ")";
    });
    say.textContent = words.length ? "@VISER@ " + shown + " @AV@ " + rows.length + "." :
      "@VISER_ALLE@ " + rows.length + ".";
  }
  box.addEventListener("input", apply);
  var m = /^#filter=(.*)$/.exec(window.location.hash);
  if (m) { box.value = decodeURIComponent(m[1]); }
  apply();
})();
"""




def script(tr: Callable[[str], str] = _) -> str:
    """The filter script with its words in the active language (``tr``); the words are
    put in as string literals, so a catalogue cannot break out of them."""
    words = {"@AV@": tr("av"), "@VISER@": tr("Viser"), "@VISER_ALLE@": tr("Viser alle")}
    out = _SCRIPT
    for key, word in words.items():
        out = out.replace(key, re.sub(r'[\\"<>\n\r]', "", word))
    return out


SCRIPT = script(str)  # the bokmål page's script


# The page's fixed words (bokmål msgids; html_page shows them in the active language)
PAGE_TEXTS = {
    "ingen": N_("Ingen dokumenter."),
    "ingen_merknader": N_("Ingen merknader."),
    "oversikt": N_("Oversikt"),
    "lenkene": N_("Lenkene åpner filene i denne mappen."),
    "typer": N_("Dokumenttyper"),
    "oppfolging": N_("Trenger oppfølging"),
    "merknader": N_("Merknader"),
    "levering": N_("E-post, kalendere og arkiv"),
    "dokumenter": N_("Dokumenter"),
    "filtrer": N_("Filtrer dokumentene"),
    "plassholder": N_("navn, enhet, status, fil …"),
    "viser_alle": N_("Viser alle"),
    "nettet": N_("Siden henter ingenting fra nettet; det eneste\nskriptet er filteret."),
    "rader": N_("{n} rader"),
    "ikke_med": N_("ikke med i denne byggingen"),
    "unntatt": N_("Unntatt offentlighet"),
    "signatur": N_("Signatur"),
    "mangler": N_("mangler {navn}"),
    "vis_alle": N_("Vis alle {n}"),
    "mangler_signatur": N_("Mangler signatur"),
    "endret": N_("dataene er endret etter at den ble signert; den nye versjonen må signeres "
                 "på nytt"),
    "signert_før": N_("Signert før dataene ble endret"),
    "merknad": N_("merknad"),
    "merknader_n": N_("merknader"),
    "fra_byggingen": N_("{antall} fra byggingen."),
    "ingen_mangler": N_("Ingen avtaler mangler signatur."),
    "arkiv": N_("Arkiv"),
    "registreringene": N_("alle registreringene (semikolon, UTF-8)"),
    "ingen_levering": N_("Ingen e-postutkast, kalendere eller arkivliste i denne mappen."),
}


def _t(key: str, **values: object) -> str:
    """One of the page's fixed texts in the active language, escaped for HTML."""
    text = _(PAGE_TEXTS[key])
    return escape(text.format(**values) if values else text)



def _href(rel: str) -> str:
    """A relative link to a file in the year folder (every path part URL-quoted)."""
    return escape("/".join(quote(part) for part in rel.split("/")), quote=True)


def _files_cell(row: Row, label: str) -> str:
    mine = [f for f in row.files if f.label.startswith(label)]
    if not mine:
        return '<span class="notat">–</span>'
    out = []
    for f in mine:
        extra = f.label[len(label):].lstrip(", ")
        text = escape(Path(f.rel).name)
        note = " · ".join(_(x) for x in (extra, f.note) if x)
        out.append(f'<a class="fil" href="{_href(f.rel)}">{text}</a>'
                   + (f'<span class="notat">{escape(note)}</span>' if note else ""))
    return "".join(out)


def _sources_cell(sources: Sequence[str]) -> str:
    if not sources:
        return '<span class="notat">–</span>'
    items = "".join(f"<li>{escape(s)}</li>" for s in sources)
    if len(sources) <= MANY_SOURCES:
        return f'<ul class="kilder">{items}</ul>'
    return (f"<details><summary>{_t('rader', n=len(sources))}</summary>"
            f'<ul class="kilder">{items}</ul></details>')


def _status_cell(row: Row) -> str:
    s = row.status
    text = f'<span class="status {CSS_CLASS[s]}">{escape(_(s.value))}</span>'
    if not row.in_build:
        text += f'<span class="notat">{_t("ikke_med")}</span>'
    return text


def _when(moment: datetime) -> str:
    return f"{dato(moment)} kl. {moment:%H.%M}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _signing_cell(row: Row) -> str:
    sig = row.signing
    if sig is None:
        return '<span class="notat">–</span>'
    css = "signert" if not sig.missing else ("delvis" if sig.signed else "mangler")
    text = f'<span class="sign {css}">{escape(_(sig.label))}</span>'
    if sig.signed and sig.missing:
        by = _("signert av {navn}").format(navn=", ".join(sig.signed))
        text += f'<span class="notat">{escape(by)}</span>'
    if sig.missing:
        text += f'<span class="notat">{_t("mangler", navn=", ".join(sig.missing))}</span>'
    return text


def _draft_cell(row: Row) -> str:
    if row.draft is None:
        return '<span class="notat">–</span>'
    return f'<a class="fil" href="{_href(row.draft)}">{escape(Path(row.draft).name)}</a>'


def _row_html(r: Row, signed_kind: bool, drafts: bool) -> str:
    kind = escape(kind_label(r.kind))  # the kind as the page shows it: «Lederavtale»
    title = escape(r.title)
    if r.restricted:
        title += f'<span class="skjermet">{_t("unntatt")}</span>'
    cells = (f"<td>{kind}</td><td>{title}</td>"
             f"<td>{_files_cell(r, 'Word')}</td><td>{_files_cell(r, 'PDF')}</td>"
             f"<td>{_status_cell(r)}</td><td>{_sources_cell(r.sources)}</td>")
    if signed_kind:
        cells += f"<td>{_signing_cell(r)}</td>"
    if drafts:
        cells += f"<td>{_draft_cell(r)}</td>"
    return f'<tr class="dokument" id="{escape(r.anchor, quote=True)}">{cells}</tr>'


def kind_label(kind: str) -> str:
    """A kind's name as the page shows it, in the målform: «Lederavtale», «Leiaravtale»."""
    name = _(kind)
    return name[:1].upper() + name[1:]


def groups(rows: Sequence[Row]) -> list[tuple[str, list[Row]]]:
    """The rows by kind, in the product's order of kinds (others after), each in the
    build's order."""
    by_kind: dict[str, list[Row]] = {}
    for r in rows:
        by_kind.setdefault(r.kind, []).append(r)
    order = [k for k in KINDS if k in by_kind] + [k for k in by_kind if k not in KINDS]
    return [(k, by_kind[k]) for k in order]


HEADERS = (N_("Type"), N_("Tittel"), "Word", "PDF", N_("Status"), N_("Fra arbeidsboken"))


def _group_html(kind: str, rows: Sequence[Row]) -> str:
    signed_kind = any(r.signing is not None for r in rows)
    drafts = any(r.draft for r in rows)
    head = "".join(f'<th scope="col">{escape(_(h))}</th>' for h in HEADERS)
    cols = '<col class="type"><col><col><col><col class="status"><col class="kilder">'
    if signed_kind:
        head += f'<th scope="col">{_t("signatur")}</th>'
        cols += '<col class="status">'
    if drafts:
        head += f'<th scope="col">{escape(_(DELIVERY_LABELS["epost"]))}</th>'
        cols += "<col>"
    gid = f"gruppe-{escape(kind, quote=True)}"
    label = escape(kind_label(kind))
    body = "\n".join(_row_html(r, signed_kind, drafts) for r in rows)
    return (f'<section class="gruppe" aria-labelledby="{gid}" data-antall="{len(rows)}">\n'
            f'<h3 id="{gid}">{label} <span class="antall">({len(rows)})</span></h3>\n'
            f'<div class="tabell"><table>\n<caption class="skjult">{label}</caption>\n'
            f"<colgroup>{cols}</colgroup>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n"
            "</tbody>\n</table></div>\n</section>")


def _attention(ov: Overview) -> str:
    """What the adviser should look at first: missing signatures, stale signed copies."""
    missing = [r for r in ov.rows if r.signing is not None and r.signing.missing]
    stale = [r for r in ov.rows if r.stale_signature]
    parts = []
    if missing:
        items = "".join(
            f'<li><a href="#{escape(r.anchor, quote=True)}">{escape(r.title)}</a>: '
            f"{escape(_(r.signing.label))}"  # type: ignore[union-attr]
            f" ({_t('mangler', navn=', '.join(r.signing.missing))})</li>"  # type: ignore[union-attr]
            for r in missing)
        listed = f'<ul class="oppfolging mangler">{items}</ul>'
        if len(missing) > MANY_MISSING:
            listed = (f"<details><summary>{_t('vis_alle', n=len(missing))}</summary>"
                      f"{listed}</details>")
        parts.append(f'<h3 id="mangler-signatur">{_t("mangler_signatur")} ({len(missing)})</h3>'
                     + listed)
    if stale:
        why = _t("endret")
        items = "".join(f'<li><a href="#{escape(r.anchor, quote=True)}">{escape(r.title)}</a>: '
                        f"{why}</li>" for r in stale)
        parts.append(f'<h3 id="eldre-signert">{_t("signert_før")} ({len(stale)})</h3>'
                     f'<ul class="oppfolging eldre">{items}</ul>')
    n = len(ov.notices)
    counted = f'<a href="#merknader">{_count(n, _t("merknad"), _t("merknader_n"))}</a>'
    lead = (f"<p>{_t('fra_byggingen').replace('{antall}', counted)}</p>"
            if n else "")  # none: the Merknader section right below says so
    if not parts:
        parts.append(f"<p>{_t('ingen_mangler')}</p>")
    return lead + "".join(parts)


def _delivery(ov: Overview) -> str:
    """Links to the e-mail drafts, the calendars and the archive list."""
    items = []
    for kind, label in DELIVERY_LABELS.items():
        mine = [d for d in ov.delivered if d.kind == kind]
        if not mine:
            continue
        links = "".join(f'<li><a href="{_href(d.rel)}">{escape(Path(d.rel).name)}</a></li>'
                        for d in mine)
        many = len(mine) > MANY_SOURCES
        inner = f'<ul class="lenker">{links}</ul>'
        if many:
            inner = f"<details><summary>{_t('vis_alle', n=len(mine))}</summary>{inner}</details>"
        items.append(f"<li><strong>{escape(_(label))} ({len(mine)})</strong>{inner}</li>")
    if ov.archive_list:
        items.append(f'<li><strong>{_t("arkiv")}</strong><ul class="lenker"><li><a href="'
                     f'{_href(ov.archive_list)}">{escape(ov.archive_list)}</a> – '
                     f"{_t('registreringene')}</li></ul></li>")
    if not items:
        return f"<p>{_t('ingen_levering')}</p>"
    return f'<ul class="levering">{"".join(items)}</ul>'


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def csp(script_text: str = SCRIPT) -> str:
    """The page's Content-Security-Policy: its style and its script by their hashes."""
    return (f"default-src 'none'; style-src {_csp_hash(CSS)}; script-src "
            f"{_csp_hash(script_text)}; img-src 'none'; base-uri 'none'; form-action 'none'")


CSP = csp()  # the bokmål page's


def html_page(ov: Overview) -> str:
    """The page as text (UTF-8, in the active language: bokmål ``lang="nb"``, nynorsk
    ``lang="nn"``)."""
    by_status: dict[Status, int] = {}
    for r in ov.rows:
        by_status[r.status] = by_status.get(r.status, 0) + 1
    summary = [_count(len(ov.rows), _("dokument"), _("dokumenter"))]
    summary += [f"{n} {_(s.value) if n == 1 else _(PLURAL[s])}" for s in Status
                if (n := by_status.get(s, 0))]
    grouped = groups(ov.rows)
    kinds_nav = "".join(f'<li><a href="#gruppe-{escape(k, quote=True)}">'
                        f"{escape(kind_label(k))} ({len(rs)})</a></li>" for k, rs in grouped)
    t = {key: escape(_(text)) for key, text in PAGE_TEXTS.items()}
    tables = "\n".join(_group_html(k, rs) for k, rs in grouped) or f"<p>{t['ingen']}</p>"
    if ov.notices:
        notices = "".join(f"<li><strong>{escape(place)}</strong>: {escape(message)}</li>"
                          for place, message in ov.notices)
        notice_html = f'<ol class="merknader">{notices}</ol>'
    else:
        notice_html = f"<p>{t['ingen_merknader']}</p>"
    heading = escape(_("Dokumentene for {kommune} {år}")).format(kommune=escape(ov.kommune),
                                                                 år=ov.år)
    built = escape(_("Bygget {tidspunkt}.").format(tidspunkt=_when(ov.made)))
    made_by = escape(_("Laget av styring {versjon}.").format(versjon=__version__))
    own_script = script()
    lang = texts.active().code
    return f"""<!DOCTYPE html>
<html lang="{escape(lang, quote=True)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp(own_script)}">
<title>{t['oversikt']} – {heading}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{heading}</h1>
<p class="ingress">{built} {t['lenkene']}</p>
<ul class="tall">{"".join(f"<li>{escape(s)}</li>" for s in summary)}</ul>
<nav aria-label="{t['typer']}"><ul class="typer">{kinds_nav}</ul></nav>
</header>
<main>
<section aria-labelledby="oppfolging" class="oppfolging">
<h2 id="oppfolging">{t['oppfolging']}</h2>
{_attention(ov)}
</section>
<section id="merknader" aria-label="{t['merknader']}">
<h2>{t['merknader']}</h2>
{notice_html}
</section>
<section aria-labelledby="levering">
<h2 id="levering">{t['levering']}</h2>
{_delivery(ov)}
</section>
<section aria-labelledby="dokumenter">
<h2 id="dokumenter">{t['dokumenter']}</h2>
<div class="filter"><label for="filter">{t['filtrer']}</label>
<input type="search" id="filter" autocomplete="off" aria-describedby="filter-svar"
 placeholder="{t['plassholder']}">
<p id="filter-svar" class="notat" aria-live="polite">{t['viser_alle']} {len(ov.rows)}.</p></div>
{tables}
</section>
</main>
<footer>{made_by} {t['nettet']}</footer>
<script>{own_script}</script>
</body>
</html>
"""


BUILT_AT = re.compile(r"<p class=\"ingress\">[^<]*</p>")


def write(path: Path, ov: Overview, current: Path | None = None) -> Path:
    """Write the page (into the build's stage). When the page now in the year folder
    (``current``) differs from the new one only in its build time, the page is that one, so
    it is not rewritten: «Bygget» then says when its content last changed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = html_page(ov).encode("utf-8")
    if current is not None:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if (not current.is_symlink() and current.is_file()
                    and current.stat().st_size < 4 * len(data) + 4096):
                old = current.read_bytes()
                if BUILT_AT.sub("", old.decode("utf-8")) == BUILT_AT.sub("", data.decode()):
                    data = old
    path.write_bytes(data)
    return path


def notices(build_notices: Iterable[tuple[str, str]],
            other: Iterable[tuple[str, str]] = ()) -> tuple[tuple[str, str], ...]:
    """The workbook's notices first, then the build's, each once."""
    return tuple(dict.fromkeys([*other, *build_notices]))
