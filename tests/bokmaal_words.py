"""Bokmål-only word forms, and the text of every output file, for the nynorsk checks.

The list holds forms nynorsk (2012 rettskriving) does not have, so a nynorsk text can
contain none of them; words both norms share («mellom», «utvikling», «også», «mål») are
left out on purpose.
"""

from __future__ import annotations

import email
import io
import re
import zipfile
from email import policy
from pathlib import Path

BOKMÅL_ONLY = (
    "ikke", "hvordan", "hva", "hvilke", "hvilken", "hvorfor", "hvis", "hver", "hvert",
    "leder", "ledere", "lederen", "lederne", "lederavtale", "lederavtalen", "lederavtaler",
    "tjeneste", "tjenester", "tjenestene", "virksomhet", "virksomhetsstyring",
    "enhet", "enheter", "enheten", "sykefravær", "regnskap", "regnskapet",
    "fra", "uten", "navn", "noen", "disse", "innbyggere", "medarbeidere", "vennlig",
    "hilsen", "høsten", "mye", "ble", "være", "deres", "eget", "egen", "egne", "hele",
    "flere", "bedre", "sammen", "samme", "høy", "forslag", "innhold", "sammendrag",
    "fikk", "selv", "bare", "gjøre", "gjør", "hjem", "mer", "vei", "hvem", "hvor",
)
_WORDS = re.compile(r"(?<![\w-])(" + "|".join(BOKMÅL_ONLY) + r")(?![\w-])", re.IGNORECASE)


def found(text: str) -> list[str]:
    """The bokmål-only words in ``text`` (each with a little context)."""
    return [text[max(0, m.start() - 30):m.end() + 30].replace("\n", " ")
            for m in _WORDS.finditer(text)]


def xml_text(xml: str) -> str:
    """Text nodes and attribute values (alt texts, titles), not element names."""
    values = re.findall(r'(?:descr|title|name|w:val)="([^"]*)"', xml)
    return " ".join([*re.findall(r">([^<]+)<", xml), *values])


def texts_of(path: Path) -> str:
    """Everything a reader of the file sees as words."""
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in (".docx", ".xlsx", ".xlsm"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return " ".join(xml_text(z.read(n).decode("utf-8")) for n in z.namelist()
                            if n.endswith(".xml") and not n.endswith("styles.xml")
                            and "theme" not in n)
    if suffix == ".xml":
        return xml_text(data.decode("utf-8"))
    if suffix == ".eml":
        msg = email.message_from_bytes(data, policy=policy.default)
        parts = [str(msg["Subject"] or "")]
        for part in msg.walk():
            if part.get_content_type() == "text/plain":
                parts.append(part.get_content())
            elif part.get_filename():
                parts.append(part.get_filename())
        return "\n".join(parts)
    if suffix == ".ics":
        return re.sub(r"\r?\n[ \t]", "", data.decode("utf-8"))
    return data.decode("utf-8-sig", errors="replace")
