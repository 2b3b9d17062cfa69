"""E-mail drafts (.eml) that Outlook and Thunderbird open as unsent messages.

One draft per lederavtale (to the leader, copy to the nearest superior) and one with the
oppdragsbrev to every leader. Built with the standard library's :mod:`email` package:
no From (the mail client fills in the sender), no Date and a boundary derived from the
content, so the same data gives the same bytes and a rebuild leaves the draft alone.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Callable
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import formataddr
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ... import __version__
from ...model import eposttekster as texts
from ...model.domain import Epostvedlegg, Leder
from ...texts import _
from .extra import Built, Extra, Made, Notice, where

if TYPE_CHECKING:
    from ...documents import Planned
    from ...input.validate import LoadResult

FOLDER = "epost"
MIME = {"docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "pdf": ("application", "pdf"),
        "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")}
Attach = Callable[[Built, "Planned", str], tuple[tuple[str, bytes], list[Notice]]]
#: what :func:`message` is given: to, cc, subject, body, attachment, screened
Args = tuple[list[Address], list[Address], str, str, tuple[str, bytes], bool]
Parts = Callable[[Built], tuple[Args, list[Notice]]]
Memo = list[tuple[Parts, tuple[Args, list[Notice]]]]  # the last draft's arguments
SCREENED_MARK = "Unntatt offentlighet, offl. § 13 jf. fvl. § 13 første ledd nr. 1"
SUBJECT_MARK = "Unntatt offentlighet, offl. § 13"  # first in a screened draft's subject


class _DraftPolicy(EmailPolicy):
    """policy.SMTP, but To and Cc written one address per line with each display name
    encoded on its own: Python's folder can swallow the comma between two encoded names
    (and so merge two recipients) in a long address list."""

    def _fold(self, name: str, value: Any, refold_binary: bool = False) -> Any:
        if name.lower() in ("to", "cc") and getattr(value, "addresses", None):
            parts = [formataddr((a.display_name, a.addr_spec), charset="utf-8")
                     for a in value.addresses]
            return f"{name}: " + ("," + self.linesep + " ").join(parts) + self.linesep
        if name.lower() == "subject" and not str(value).isascii():
            # Whole encoded words: the default folder can drop the space between a plain
            # and an encoded word in a long subject («2026 –» came back as «2026–»).
            text = Header(str(value), "utf-8", header_name=name).encode(linesep=self.linesep)
            return f"{name}: {text}{self.linesep}"
        return super()._fold(name, value, refold_binary)  # type: ignore[misc]


POLICY = _DraftPolicy(linesep="\r\n")  # as policy.SMTP


def message(to: list[Address], cc: list[Address], subject: str, body: str,
            attachment: tuple[str, bytes], screened: bool = False) -> bytes:
    """A draft as .eml bytes: X-Unsent, plain-text body (UTF-8), one attachment."""
    msg = EmailMessage(policy=POLICY)
    msg["X-Unsent"] = "1"
    if to:
        msg["To"] = to
    if cc:
        msg["Cc"] = cc
    subject = " ".join(subject.split())  # a header is one line
    if screened and not subject.casefold().startswith("unntatt offentlighet"):
        subject = f"{SUBJECT_MARK}: {subject}"
    msg["Subject"] = subject
    if screened:
        msg["Sensitivity"] = "Private"  # Outlook marks the message «Privat»
    msg.set_content(body)
    name, data = attachment
    maintype, subtype = MIME[Path(name).suffix.lower().lstrip(".")]
    # The attachment goes in as a one-line stand-in and its base64 lines are put in its place
    # in the finished bytes: the same lines the email package writes (57 bytes a line, CRLF),
    # without the package splitting and re-joining a large attachment line by line.
    msg.add_attachment(_STAND_IN, maintype=maintype, subtype=subtype, filename=name)
    main_part = msg.get_body()
    text = main_part.get_content() if main_part is not None else ""
    digest = hashlib.sha256(text.encode("utf-8") + data).hexdigest()
    msg.set_boundary(f"=_styring_{digest[:32]}")  # not random: same content, same bytes
    head, stand_in, tail = msg.as_bytes().rpartition(_STAND_IN_LINE)
    assert stand_in, "the stand-in is in the message"
    return head + b"\r\n" + _base64_lines(data) + tail


def _base64_lines(data: bytes) -> bytes:
    """``data`` in base64 as the email package writes it: 76 characters (57 bytes) a line,
    each line ended by CRLF."""
    text = base64.b64encode(data)
    return b"".join(text[i:i + 76] + b"\r\n" for i in range(0, len(text), 76))


_STAND_IN = b"\x00styring-vedlegg\xff"  # not a whole line of any real attachment's base64
_STAND_IN_LINE = b"\r\n" + base64.b64encode(_STAND_IN) + b"\r\n"


def _address(leder: Leder) -> Address | None:
    if not leder.epost:
        return None
    return Address(display_name=" ".join(leder.navn.split()), addr_spec=leder.epost)


def drafts(result: LoadResult, planned: list[Planned], scopes: dict[str, str],
           want_pdf: bool) -> tuple[list[Extra], list[Notice]]:
    """A draft for each lederavtale (not its public variant) and one for the oppdragsbrev.

    When no leader has an address there are no drafts, and one notice says how to get them.
    """
    data = result.data
    assert data is not None
    if not any(ld.epost for ld in data.ledere):
        if any(d.kind in ("lederavtale", "oppdragsbrev") for d in planned):
            return [], [(FOLDER, "ingen ledere har e-postadresse i arket Ledere (kolonnen "
                         "«E-post»), så det er ikke laget e-postutkast. Fyll inn adressene for "
                         "å få ett utkast per lederavtale og ett med oppdragsbrevet.")]
        return [], []
    setting = data.innstillinger.epost_vedlegg if data.innstillinger else Epostvedlegg.DOCX
    key = setting.value
    said: list[bool] = []  # the fallback notice is given once per build

    def attachment(built: Built, doc: Planned, rel: str) -> tuple[tuple[str, bytes], list[Notice]]:
        notes: list[Notice] = []
        found = built.document(doc.filename, key)
        if found is None and key != "docx":
            found = built.document(doc.filename, "docx")
            if not said:
                said.append(True)
                notes.append((FOLDER, "«E-postvedlegg» i Innstillinger er pdf, men PDF-ene er "
                              "ikke laget" + ("" if want_pdf else " i denne byggingen (uten PDF)")
                              + "; e-postutkastene har Word-filen som vedlegg. Bygg med PDF for "
                              "å få PDF-en som vedlegg."))
        if found is None:  # kept, but not a file: a person put a folder in its place
            from ..stage import BuildError  # here: stage imports the delivery package

            raise BuildError(f"«{doc.kind}/{doc.filename}» er en mappe, ikke en fil, og "
                             f"e-postutkastet «{rel}» trenger dokumentet som vedlegg. Flytt "
                             "mappen et annet sted og bygg igjen.")
        place, content = found
        return (f"{doc.stem}{Path(place).suffix}", content), notes

    def ready(built: Built, doc: Planned) -> bool:
        """The attachment the setting asks for is there (else the draft is made, with the
        notice that says why it has the Word file)."""
        return key == "docx" or built.document(doc.filename, key) is not None

    k = data.kommune
    out: list[Extra] = []
    notices: list[Notice] = []
    memo: Memo = []
    for doc in planned:
        if doc.kind != "lederavtale" or doc.variant == "Offentlig variant":
            continue
        leder: Leder = doc.context["leder"]
        over: Leder = doc.context["overordnet"]
        rel = f"{FOLDER}/{doc.stem}.eml"
        notices += [(rel, f"{who.navn} har ingen e-postadresse ({where(result, who, 'epost')}, "
                  "kolonnen «E-post»); utkastet har ikke denne mottakeren. Fyll inn adressen "
                  "og bygg igjen, eller skriv den inn i e-postprogrammet.")
                 for who in (leder, over) if not who.epost]
        enhet = data.enhet(leder.enhet)
        values = {"navn": leder.navn, "stilling": leder.stilling,
                  "enhet": enhet.navn if enhet else leder.enhet, "overordnet": over.navn,
                  "år": str(k.år), "kommune": k.navn, "kommunedirektør": k.kommunedirektør,
                  "tittel": doc.title}

        def parts(built: Built, doc: Planned = doc, leder: Leder = leder, over: Leder = over,
                  values: dict[str, str] = values, rel: str = rel) -> tuple[Args, list[Notice]]:
            file, notes = attachment(built, doc, rel)
            filled = values | {"vedlegg": file[0]}
            body = texts.fill(data.tekster, "epost_lederavtale_tekst", filled)
            if doc.restricted:
                body = f"{_(SCREENED_MARK)}\n\n{body}"
            # Screened or not: only the agreement's two parties, never anyone else.
            to = [a for a in (_address(leder),) if a]
            cc = [a for a in (_address(over),) if a]
            return (to, cc, texts.fill(data.tekster, "epost_lederavtale_emne", filled), body,
                    file, doc.restricted), notes

        make, inputs = _drafted(parts, functools.partial(ready, doc=doc), memo)
        out.append(Extra(rel=rel, kind="epost",
                         title=_("E-post: {tittel}").format(tittel=doc.title),
                         scope=scopes.get("lederavtale", "lederavtale"), output="eml",
                         make=make, sources=doc.sources, inputs=inputs))
    brev = next((d for d in planned if d.kind == "oppdragsbrev"), None)
    if brev is not None:
        out.append(_oppdragsbrev(result, brev, scopes, attachment, notices,
                                 lambda built: ready(built, brev), memo))
    return out, notices


def _oppdragsbrev(result: LoadResult, brev: Planned, scopes: dict[str, str],
                  attachment: Attach, notes: list[Notice], ready: Callable[[Built], bool],
                  memo: Memo) -> Extra:
    """One draft to every leader (not to the kommunedirektør, who sends it)."""
    data = result.data
    assert data is not None
    k = data.kommune
    rel = f"{FOLDER}/{brev.stem}.eml"
    receivers = [ld for ld in data.ledere if ld.overordnet]
    missing = [ld for ld in receivers if not ld.epost]
    if missing:
        names = ", ".join(f"{ld.navn} ({where(result, ld, 'epost')})" for ld in missing[:10])
        more = f" og {len(missing) - 10} til" if len(missing) > 10 else ""
        notes.append((rel, f"{len(missing)} ledere har ingen e-postadresse og er ikke med som "
                      f"mottakere: {names}{more}. Fyll inn kolonnen «E-post» i arket Ledere."))
    values = {"år": str(k.år), "kommune": k.navn, "kommunedirektør": k.kommunedirektør,
              "tittel": brev.title}

    def parts(built: Built) -> tuple[Args, list[Notice]]:
        file, more_notes = attachment(built, brev, rel)
        filled = values | {"vedlegg": file[0]}
        to = [a for ld in receivers if (a := _address(ld))]
        return (to, [], texts.fill(data.tekster, "epost_oppdragsbrev_emne", filled),
                texts.fill(data.tekster, "epost_oppdragsbrev_tekst", filled), file,
                False), more_notes

    make, inputs = _drafted(parts, ready, memo)
    return Extra(rel=rel, kind="epost", title=_("E-post: {tittel}").format(tittel=brev.title),
                 scope=scopes.get("oppdragsbrev", "oppdragsbrev"), output="eml", make=make,
                 sources=[*brev.sources, f"ark {_('Ledere')}"], inputs=inputs)


def _drafted(parts: Parts, ready: Callable[[Built], bool], memo: Memo
             ) -> tuple[Callable[[Built], Made], Callable[[Built], str | None]]:
    """A draft's ``make`` and ``inputs`` (see :class:`.extra.Extra`): the digest covers every
    argument of :func:`message` (the attachment by its bytes) and the product version, so an
    equal digest means equal bytes. The arguments are worked out once for both: ``memo``,
    shared by a build's drafts, holds those of the last draft asked for its inputs."""

    def inputs(built: Built) -> str | None:
        memo.clear()
        if not ready(built):
            return None  # made, with the notice that the PDF is missing
        memo.append((parts, parts(built)))
        (to, cc, subject, body, (name, data), screened), _notes = memo[0][1]
        h = hashlib.sha256(f"{__version__}\n".encode())
        h.update(repr(([(a.display_name, a.addr_spec) for a in to],
                       [(a.display_name, a.addr_spec) for a in cc], subject, body, name,
                       screened)).encode("utf-8"))
        h.update(data)
        return h.hexdigest()

    def make(built: Built) -> Made:
        args, notes = memo.pop()[1] if memo and memo[0][0] is parts else parts(built)
        return Made(message(*args), notes)

    return make, inputs

