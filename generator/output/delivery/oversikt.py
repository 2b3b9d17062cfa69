"""The build overview: ``<år>/oversikt.html``, one page that shows what a build made.

Every document in the year folder is listed with its kind, title, links to its Word and
PDF files (relative, so the folder can be moved or shared), its status (new, unchanged,
kept because a person changed it, signed), the workbook rows it came from and the
build's notices. The page is self-contained: inline CSS, no scripts, no network, no
external assets. Everything from the workbook or the file system is escaped.

The build writes it as one more output file (staged, committed atomically, under the same
ownership rule as every document: a page a person edited is kept and the new one goes
beside it); see :func:`generator.build.run`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from pathlib import Path
from urllib.parse import quote

from ... import __version__
from ...paths import KIND_NAMES
from .. import ownership
from ..manifest import Entry
from ..signatures import Signed

FILENAME = "oversikt.html"
FORMAT_LABELS = {"docx": "Word", "pdf": "PDF"}
MANY_SOURCES = 4  # more rows than this fold into a <details> list


class Status(enum.Enum):
    """A file's (and a document's) state after the build, as the page names it."""

    NY = "ny"
    UENDRET = "uendret"
    BEHOLDT = "beholdt fordi en person har endret den"
    SIGNERT = "signert"
    DELVIS = "delvis signert"
    UTDATERT = "må signeres på nytt"


RANK = {Status.UENDRET: 0, Status.NY: 1, Status.BEHOLDT: 2, Status.SIGNERT: 3,
        Status.DELVIS: 4, Status.UTDATERT: 5}
PLURAL = {Status.NY: "nye", Status.UENDRET: "uendret",
          Status.BEHOLDT: "beholdt fordi en person har endret dem", Status.SIGNERT: "signert",
          Status.DELVIS: "delvis signert", Status.UTDATERT: "må signeres på nytt"}
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
class Row:
    """One document on the page."""

    kind: str
    title: str
    files: tuple[FileLink, ...]
    sources: tuple[str, ...] = ()
    restricted: bool = False
    in_build: bool = True  # False: another scope (--only, --tertial), left as it was
    signing: str = ""  # an agreement's signatures: who has signed, who is missing

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
    from ..signatures import read_state

    return Status.SIGNERT if read_state(path).complete else Status.DELVIS


def document_files(folder: Path, name: str, entry: Entry, staged: dict[str, str] | None,
                   kept: set[str], in_build: bool, copy: Signed | None = None
                   ) -> list[FileLink]:
    """The files of one document: its current Word/PDF, a person's version it was written
    beside, and a signed copy (``…-signert.pdf``) when there is one (``copy``: as the build
    read it; signed, partly signed, or made from old data)."""
    from ..archive.records import signed_copy

    out: list[FileLink] = []
    for key in ("docx", "pdf"):
        base = f"{entry.kind}/{_stem(name)}.{key}"
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
            note = "" if old.made_from(entry.data_sha256) else "laget før dataene ble endret"
        else:
            continue
        out.append(FileLink(current, label, status, note))
        if current != base and (folder / base).is_file():
            out.append(FileLink(base, f"{label}, personens versjon", _kept(folder, base)))
        if key == "pdf" and copy is not None:
            out.append(_copy_link(copy))
        elif key == "pdf":
            signed = signed_copy(folder / base)
            if signed is not None:
                out.append(FileLink(signed.relative_to(folder).as_posix(), "PDF, signert",
                                    Status.SIGNERT))
    return out


def _copy_link(copy: Signed) -> FileLink:
    """The signed copy: signed, partly signed, or signed on data that has changed since."""
    if not copy.current:
        return FileLink(copy.rel, "PDF, signert på gamle data", Status.UTDATERT)
    if copy.state.complete:
        return FileLink(copy.rel, "PDF, signert", Status.SIGNERT)
    return FileLink(copy.rel, "PDF, delvis signert", Status.DELVIS)


def signing_note(copy: Signed | None) -> str:
    """Who has signed an agreement and who is missing, in one line."""
    if copy is None:
        return "ikke signert"
    if not copy.current:
        return "signert på gamle data; må signeres på nytt"
    return copy.state.summary() or "ikke signert"


def rows(folder: Path, entries: dict[str, Entry], carried: dict[str, Entry],
         staged: dict[str, dict[str, str]], kept: set[str],
         signatures: Mapping[str, Signed | None] | None = None) -> list[Row]:
    """A row per document: this build's first (in the build's order), then those of other
    scopes that the build left as they were. ``signatures``: the agreements with signature
    fields and their signed copies (see :func:`generator.output.stage.run`)."""
    signatures = signatures or {}
    out = []
    for docs, in_build in ((entries, True), (carried, False)):
        for name, entry in docs.items():
            if entry.kind not in KIND_NAMES:
                continue  # e-mail drafts and calendars are delivery, not documents
            signs = in_build and name in signatures
            copy = signatures.get(name) if signs else None
            files = document_files(folder, name, entry, staged.get(name) if in_build else None,
                                   kept, in_build, copy)
            out.append(Row(kind=entry.kind, title=entry.title or name, files=tuple(files),
                           sources=tuple(entry.sources), restricted=bool(entry.restricted),
                           in_build=in_build, signing=signing_note(copy) if signs else ""))
    return out


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
@media print { body { padding: 0; } details { display: block; } }
"""


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
        note = " · ".join(x for x in (extra, f.note) if x)
        out.append(f'<a class="fil" href="{_href(f.rel)}">{text}</a>'
                   + (f'<span class="notat">{escape(note)}</span>' if note else ""))
    return "".join(out)


def _sources_cell(sources: Sequence[str]) -> str:
    if not sources:
        return '<span class="notat">–</span>'
    items = "".join(f"<li>{escape(s)}</li>" for s in sources)
    if len(sources) <= MANY_SOURCES:
        return f'<ul class="kilder">{items}</ul>'
    return (f"<details><summary>{len(sources)} rader</summary>"
            f'<ul class="kilder">{items}</ul></details>')


def _status_cell(row: Row) -> str:
    s = row.status
    text = f'<span class="status {CSS_CLASS[s]}">{escape(s.value)}</span>'
    if row.signing:
        text += f'<span class="notat signering">{escape(row.signing)}</span>'
    if not row.in_build:
        text += '<span class="notat">ikke med i denne byggingen</span>'
    return text


def _when(moment: datetime) -> str:
    from ...norsk import dato

    return f"{dato(moment)} kl. {moment:%H.%M}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def html_page(ov: Overview) -> str:
    """The page as text (UTF-8, bokmål, ``lang="nb"``)."""
    by_status: dict[Status, int] = {}
    for r in ov.rows:
        by_status[r.status] = by_status.get(r.status, 0) + 1
    summary = [_count(len(ov.rows), "dokument", "dokumenter")]
    summary += [f"{n} {s.value if n == 1 else PLURAL[s]}" for s in Status
                if (n := by_status.get(s, 0))]
    body_rows = []
    for r in ov.rows:
        kind = escape(r.kind.capitalize())  # the kind as the page shows it: «Lederavtale»
        title = escape(r.title)
        if r.restricted:
            title += '<span class="skjermet">Unntatt offentlighet</span>'
        body_rows.append(
            f'<tr class="dokument"><td>{kind}</td><td>{title}</td>'
            f"<td>{_files_cell(r, 'Word')}</td><td>{_files_cell(r, 'PDF')}</td>"
            f"<td>{_status_cell(r)}</td><td>{_sources_cell(r.sources)}</td></tr>")
    if ov.notices:
        notices = "".join(f"<li><strong>{escape(place)}</strong>: {escape(message)}</li>"
                          for place, message in ov.notices)
        notice_html = f'<ol class="merknader">{notices}</ol>'
    else:
        notice_html = "<p>Ingen merknader.</p>"
    heading = f"Dokumentene for {escape(ov.kommune)} {ov.år}"
    return f"""<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Oversikt – {heading}</title>
<style>{CSS}</style>
</head>
<body>
<h1>{heading}</h1>
<p class="ingress">Bygget {escape(_when(ov.made))}. Lenkene åpner filene i denne mappen.</p>
<ul class="tall">{"".join(f"<li>{escape(s)}</li>" for s in summary)}</ul>
<h2>Dokumenter</h2>
<table>
<colgroup><col class="type"><col><col><col><col class="status"><col class="kilder"></colgroup>
<thead><tr><th>Type</th><th>Tittel</th><th>Word</th><th>PDF</th><th>Status</th>
<th>Fra arbeidsboken</th></tr></thead>
<tbody>
{chr(10).join(body_rows)}
</tbody>
</table>
<h2>Merknader</h2>
{notice_html}
<footer>Laget av styring {escape(__version__)}. Siden bruker ingen skript og henter
ingenting fra nettet.</footer>
</body>
</html>
"""


def write(path: Path, ov: Overview) -> Path:
    """Write the page (into the build's stage)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html_page(ov), encoding="utf-8")
    return path


def notices(build_notices: Iterable[tuple[str, str]],
            other: Iterable[tuple[str, str]] = ()) -> tuple[tuple[str, str], ...]:
    """The workbook's notices first, then the build's, each once."""
    return tuple(dict.fromkeys([*other, *build_notices]))
