"""The e-mail drafts' lean writer (the attachment's base64 written directly) gives exactly
the bytes of the email package's own writer, kept here as the reference: over every draft
of the demo build (screened, non-ASCII names and subjects, DOCX attachments) and over edge
cases (empty and line-boundary attachments, PDF and XLSX, long and non-ASCII text)."""

from __future__ import annotations

import hashlib
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import formataddr
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.output.delivery import epost


class _ReferencePolicy(EmailPolicy):
    """The draft policy as of 0.x, before the lean writer (see epost._DraftPolicy)."""

    def _fold(self, name: str, value: Any, refold_binary: bool = False) -> Any:
        if name.lower() in ("to", "cc") and getattr(value, "addresses", None):
            parts = [formataddr((a.display_name, a.addr_spec), charset="utf-8")
                     for a in value.addresses]
            return f"{name}: " + ("," + self.linesep + " ").join(parts) + self.linesep
        if name.lower() == "subject" and not str(value).isascii():
            text = Header(str(value), "utf-8", header_name=name).encode(linesep=self.linesep)
            return f"{name}: {text}{self.linesep}"
        return super()._fold(name, value, refold_binary)  # type: ignore[misc]


def reference(to: list[Address], cc: list[Address], subject: str, body: str,
              attachment: tuple[str, bytes], screened: bool = False) -> bytes:
    """Today's writer, all of it by the email package."""
    msg = EmailMessage(policy=_ReferencePolicy(linesep="\r\n"))
    msg["X-Unsent"] = "1"
    if to:
        msg["To"] = to
    if cc:
        msg["Cc"] = cc
    subject = " ".join(subject.split())
    if screened and not subject.casefold().startswith("unntatt offentlighet"):
        subject = f"{epost.SUBJECT_MARK}: {subject}"
    msg["Subject"] = subject
    if screened:
        msg["Sensitivity"] = "Private"
    msg.set_content(body)
    name, data = attachment
    maintype, subtype = epost.MIME[Path(name).suffix.lower().lstrip(".")]
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    main_part = msg.get_body()
    text = main_part.get_content() if main_part is not None else ""
    digest = hashlib.sha256(text.encode("utf-8") + data).hexdigest()
    msg.set_boundary(f"=_styring_{digest[:32]}")
    return msg.as_bytes()


def test_every_demo_draft_is_byte_identical(demo: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    real = epost.message

    def recording(*args: Any) -> bytes:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(epost, "message", recording)  # records; the real writer writes
    report = pipeline.build([demo], tmp_path / "ut", pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    drafts = sorted((tmp_path / "ut" / "2026" / "epost").glob("*.eml"))
    assert len(calls) == len(drafts) > 20
    assert any(c[5] for c in calls) and any(not c[5] for c in calls)  # screened and not
    assert any(not c[2].isascii() for c in calls)
    written = {p.read_bytes() for p in drafts}
    for args in calls:
        assert real(*args) == reference(*args)
        assert reference(*args) in written


A = Address(display_name="Sunná Čuđe Ravna", addr_spec="sunna@fjellvik.kommune.no")
B = Address(display_name="Per Olav Strand", addr_spec="per@fjellvik.kommune.no")


@pytest.mark.parametrize("size", [0, 1, 2, 56, 57, 58, 113, 114, 115, 4096, 70001])
@pytest.mark.parametrize("name", ["avtale.docx", "avtale.pdf", "svar.xlsx"])
def test_edge_cases_are_byte_identical(size: int, name: str) -> None:
    data = bytes((i * 37 + size) % 256 for i in range(size))
    long_line = "Æøå " * 40  # a line over 78 characters: not plain 8bit
    cases = [
        ([A], [B], "Lederavtale 2026 – Sunná Čuđe Ravna", "Hei,\n\nVedlagt.", True),
        ([A, B], [], "Oppdragsbrev 2026", "Plain ASCII body\n", False),
        ([], [], "  Mellomrom   og\nlinjeskift  ", long_line + "\n" + long_line, True),
        ([B], [A], "Unntatt offentlighet: allerede merket", "x" * 200, True),
    ]
    for to, cc, subject, body, screened in cases:
        args = (to, cc, subject, body, (name, data), screened)
        assert epost.message(*args) == reference(*args)
