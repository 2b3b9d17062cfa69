"""Reading a .docx package: its relationships, content types, and which parts docxtpl renders.

A .docx is an Open Packaging Conventions zip. The package relationships (``_rels/.rels``)
name the main document part and the core properties; the main part's relationships name
its headers and footers; the content types (``[Content_Types].xml``) name the footnotes.
Those are the parts docxtpl treats as templates. Also here: the core properties' element
names and how their dates are written, and adding a core part to a package that lacks one
(python-docx does, so FastTemplate does too).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import unquote

from lxml import etree

from .package_check import TemplatePackageError, safe_parser

RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOC = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
              "officeDocument")
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
CORE_CT = "application/vnd.openxmlformats-package.core-properties+xml"
HDR_FTR = {"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
           "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"}
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
CORE_PART = "docProps/core.xml"  # where python-docx puts a core part the package lacks

CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
EMPTY_CORE = (f'<cp:coreProperties xmlns:cp="{CP}" xmlns:dc="{DC}" xmlns:dcterms="{DCTERMS}" '
              f'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="{XSI}"/>')
#: python-docx's CoreProperties names (what generator.documents.common.properties uses),
#: plus the element names themselves, mapped to the core.xml element.
CORE_FIELDS: dict[str, str] = {
    "author": f"{{{DC}}}creator", "creator": f"{{{DC}}}creator",
    "category": f"{{{CP}}}category", "comments": f"{{{DC}}}description",
    "description": f"{{{DC}}}description", "content_status": f"{{{CP}}}contentStatus",
    "contentStatus": f"{{{CP}}}contentStatus", "identifier": f"{{{DC}}}identifier",
    "keywords": f"{{{CP}}}keywords", "language": f"{{{DC}}}language",
    "last_modified_by": f"{{{CP}}}lastModifiedBy", "lastModifiedBy": f"{{{CP}}}lastModifiedBy",
    "revision": f"{{{CP}}}revision", "subject": f"{{{DC}}}subject",
    "title": f"{{{DC}}}title", "version": f"{{{CP}}}version",
    "created": f"{{{DCTERMS}}}created", "modified": f"{{{DCTERMS}}}modified",
    "last_printed": f"{{{CP}}}lastPrinted", "lastPrinted": f"{{{CP}}}lastPrinted",
}
#: The core properties written as W3C dates (``xsi:type="dcterms:W3CDTF"``).
W3CDTF_FIELDS = {f"{{{DCTERMS}}}created", f"{{{DCTERMS}}}modified"}


@dataclass(frozen=True)
class TemplateParts:
    """Where a package keeps the parts docxtpl renders."""

    main: str  # the main document part, e.g. "word/document.xml"
    whole: tuple[str, ...]  # headers, footers and footnotes (rendered as a whole), in order
    core: str | None  # the core properties part, when the package has one


def template_parts(texts: dict[str, bytes], names: set[str]) -> TemplateParts:
    """The parts of a package (``texts``: its .xml and .rels members; ``names``: every
    member) that docxtpl renders. Raises TemplatePackageError when the main part is missing."""
    pkg_rels = relationships(texts.get("_rels/.rels"))
    main = next((t for t, ty in pkg_rels if ty == OFFICE_DOC), "word/document.xml")
    main = main.lstrip("/")
    if main not in texts:
        raise TemplatePackageError(f"malen mangler {main}")
    base = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    whole = []
    for target, rtype in relationships(texts.get(f"{base}_rels/{main.rsplit('/', 1)[-1]}.rels")):
        part = join(base, target)
        if rtype in HDR_FTR and part in texts:
            whole.append(part)
    for part, ctype in overrides(texts.get("[Content_Types].xml")).items():
        if ctype == FOOTNOTES_CT and part in texts:
            whole.append(part)
    core = next((t.lstrip("/") for t, ty in pkg_rels if ty == CORE_REL), None)
    return TemplateParts(main, tuple(whole), core if core in names else None)


def referenced(texts: dict[str, bytes]) -> set[str]:
    """The members a relationship reaches from the package (following every part's own
    relationships), with their ``.rels`` and ``[Content_Types].xml``: the document. Any
    other member is carried along by nobody (Word ignores it; python-docx drops it)."""
    keep = {"[Content_Types].xml"}
    todo = [""]  # "" is the package itself, whose relationships are _rels/.rels
    while todo:
        source = todo.pop()
        folder, _, base = source.rpartition("/")
        rels = f"{folder + '/' if folder else ''}_rels/{base}.rels"
        if rels not in texts:
            continue
        keep.add(rels)
        for target, _ in relationships(texts[rels]):
            part = join(folder, unquote(target.split("#", 1)[0]))
            if part and part not in keep:
                keep.add(part)
                todo.append(part)
    return keep


def without_overrides(content_types: bytes, parts: set[str]) -> bytes:
    """``[Content_Types].xml`` without the Override entries of the given parts."""
    root = etree.fromstring(content_types, safe_parser())
    for o in list(root.iter(f"{{{CT_NS}}}Override")):
        if o.get("PartName", "").lstrip("/") in parts:
            root.remove(o)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)


def relationships(raw: bytes | None) -> list[tuple[str, str]]:
    """(Target, Type) of every internal relationship in a .rels part."""
    if not raw:
        return []
    root = etree.fromstring(raw, safe_parser())
    return [(r.get("Target", ""), r.get("Type", "")) for r in root.iter(f"{{{RELS_NS}}}"
                                                                        "Relationship")
            if r.get("TargetMode") != "External"]


def overrides(raw: bytes | None) -> dict[str, str]:
    """Part name → content type, from the Override entries of ``[Content_Types].xml``."""
    if not raw:
        return {}
    root = etree.fromstring(raw, safe_parser())
    return {o.get("PartName", "").lstrip("/"): o.get("ContentType", "")
            for o in root.iter(f"{{{CT_NS}}}Override")}


def join(base: str, target: str) -> str:
    """A relationship target resolved against the folder of its source part."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = [p for p in base.split("/") if p]
    for seg in target.split("/"):
        if seg == "..":
            if parts:
                parts.pop()
        elif seg and seg != ".":
            parts.append(seg)
    return "/".join(parts)


def add_core_part(texts: dict[str, bytes], name: str) -> dict[str, bytes]:
    """A relationship and content type for a core part the template lacks."""
    rels = etree.fromstring(texts.get("_rels/.rels") or
                            f'<Relationships xmlns="{RELS_NS}"/>'.encode())
    ids = {r.get("Id") for r in rels}
    rid = next(f"rId{i}" for i in range(1, 10_000) if f"rId{i}" not in ids)
    etree.SubElement(rels, f"{{{RELS_NS}}}Relationship",
                     {"Id": rid, "Type": CORE_REL, "Target": name})
    types = etree.fromstring(texts["[Content_Types].xml"])
    etree.SubElement(types, f"{{{CT_NS}}}Override",
                     {"PartName": "/" + name, "ContentType": CORE_CT})
    return {"_rels/.rels": etree.tostring(rels, encoding="UTF-8", xml_declaration=True,
                                          standalone=True),
            "[Content_Types].xml": etree.tostring(types, encoding="UTF-8",
                                                  xml_declaration=True, standalone=True)}


def w3cdtf(value: Any) -> str:
    """A core-properties date as W3CDTF in UTC (``2026-01-15T00:00:00Z``)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%dT00:00:00Z")
    return str(value)
