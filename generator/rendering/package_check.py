"""Refuse a hostile or broken .docx before python-docx, docxtpl or lxml touch it.

A template is a zip of XML parts. Checked here, with bokmål messages naming the template:
it is a zip; no member inflates beyond :data:`MAX_PART_BYTES` (measured while inflating,
not trusted from the header) or the package beyond :data:`MAX_TOTAL_BYTES`; every XML part
parses without a DTD, entities or network access (Word never writes a DTD, so one is a
sign of an XXE attempt).
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from ..errors import TemplateError

MAX_PART_BYTES = 64 * 1024 * 1024
# One budget for the unpacked size of a template (all its parts together) and of every
# document made from it (:func:`check_document_size`).
MAX_TOTAL_BYTES = 128 * 1024 * 1024
MAX_MEMBERS = 5000
_CHUNK = 1 << 20


class TemplatePackageError(TemplateError):
    """The file is not a usable .docx; the message is one bokmål sentence."""


def safe_parser() -> etree.XMLParser:
    """An lxml parser that never loads a DTD, expands entities or reaches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False)


def inspect(data: bytes, check_xml: bool = True) -> dict[str, bytes]:
    """The XML members of the package (``.xml``, ``.rels``), inflated within limits; every
    other member (pictures, fonts, anything else) is inflated only to be measured.
    ``check_xml=False``: the members are not parsed (bytes this product version already
    found well-formed and free of DTDs). Raises TemplatePackageError."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplatePackageError("filen er ikke en Word-fil (.docx er en zip-pakke, denne er "
                                   "ikke det)")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise TemplatePackageError(f"filen er en ødelagt Word-fil ({e})") from None
    out: dict[str, bytes] = {}
    total = 0
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise TemplatePackageError(f"pakken har {len(infos)} deler, mer enn grensen på "
                                       f"{MAX_MEMBERS}")
        for info in infos:
            if info.file_size > MAX_PART_BYTES:
                raise TemplatePackageError(_too_big(info.filename, info.file_size))
            chunks: list[bytes] = []
            keep = info.filename.endswith((".xml", ".rels"))
            size = 0
            try:
                with zf.open(info) as fh:
                    while chunk := fh.read(_CHUNK):
                        size += len(chunk)
                        total += len(chunk)
                        if size > MAX_PART_BYTES:
                            raise TemplatePackageError(_too_big(info.filename, size))
                        if total > MAX_TOTAL_BYTES:
                            raise TemplatePackageError(f"pakken pakkes ut til mer enn "
                                               f"{MAX_TOTAL_BYTES // 2**20} MB til sammen")
                        if keep:
                            chunks.append(chunk)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError,
                    NotImplementedError, RuntimeError) as e:
                raise TemplatePackageError(f"delen {info.filename} kan ikke pakkes ut ({e})"
                                           ) from None
            if keep:
                out[info.filename] = b"".join(chunks)
    if "[Content_Types].xml" not in out:
        raise TemplatePackageError("filen er en zip-pakke, men ikke en Word-fil "
                                   "([Content_Types].xml mangler)")
    for name, raw in out.items() if check_xml else ():
        if name.endswith((".xml", ".rels")):
            _check_xml(name, raw)
    return out


def check_document_size(name: str, size: int) -> None:
    """A document made from template ``name`` unpacks to ``size`` bytes: within the
    template budget, or a bokmål refusal (raised as TemplatePackageError)."""
    if size > MAX_TOTAL_BYTES:
        raise TemplatePackageError(f"dokumentet som lages av malen {name} blir {size // 2**20} MB "
                           f"utpakket, mer enn grensen på {MAX_TOTAL_BYTES // 2**20} MB for en "
                           "mal og hvert dokument den lager")


def _check_xml(name: str, raw: bytes) -> None:
    head = raw[:4096].lstrip(b"\xef\xbb\xbf")
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise TemplatePackageError(f"delen {name} har en DTD med entiteter (<!DOCTYPE/<!ENTITY>). "
                                   "Word lager aldri slikt; det brukes til angrep (XXE), så "
                                   "malen avvises")
    try:
        tree = etree.fromstring(raw, safe_parser())
    except etree.XMLSyntaxError as e:
        raise TemplatePackageError(f"delen {name} er ikke gyldig XML ({e})") from None
    if tree.getroottree().docinfo.doctype or head.startswith(b"<!"):
        raise TemplatePackageError(f"delen {name} har en DTD, som Word aldri lager; malen avvises")


def _too_big(name: str, size: int) -> str:
    return (f"delen {name} pakkes ut til over {MAX_PART_BYTES // 2**20} MB (grensen per del); "
            "filen ser ut som en zip-bombe")
