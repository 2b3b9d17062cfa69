"""The finishing step that makes LibreOffice's tagged PDF/A-2b also a PDF/UA-1 file.

LibreOffice 7.4 with ``UseTaggedPDF`` and ``PDFUACompliance`` writes a structure tree,
``/Lang``, ``DisplayDocTitle`` and ``pdfuaid:part``, but (1) declares no XMP extension
schema for ``pdfuaid`` (so the file stops being PDF/A-2b), (2) leaves table borders and
other lines as path painting that is neither tagged nor an artifact, (3) sets no ``/Tabs /S``
on pages with links, and (4) keeps the heading levels of the Word file, skips included.
:func:`finish_pdf` repairs all four in one pass with pikepdf, and also keeps the RoleMap
free of cycles and remapped standard types, and reads a table without a single header cell
as layout (Div). :func:`add_signature_fields` adds the lederavtale's two empty signature
fields in the same pass, and :func:`tag_signature_fields` gives signature widgets their
``/TU`` and a ``Form`` structure element.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from .. import lazy
from ..errors import OutputError

if TYPE_CHECKING:
    import pikepdf
else:
    pikepdf = lazy.module("pikepdf")  # loaded when a PDF is first touched

#: LibreOffice's export options for a tagged PDF/A-2b that declares PDF/UA-1.
FILTER_OPTIONS = ('"SelectPdfVersion":{"type":"long","value":"2"},'
                  '"UseTaggedPDF":{"type":"boolean","value":"true"},'
                  '"PDFUACompliance":{"type":"boolean","value":"true"}')
LANGUAGE = "nb-NO"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
EXT = "http://www.aiim.org/pdfa/ns/extension/"
SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
PROPERTY = "http://www.aiim.org/pdfa/ns/property#"

#: The structure types of ISO 32000-1, 14.8.4: these may not be remapped (PDF/UA-1, 7.1).
STANDARD_TYPES = frozenset((
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT",
    "WP", "Figure", "Formula", "Form"))
_HEADING = re.compile(r"/H([1-6])$")

#: Operators that paint (or clip with) the current path, and that end a path object.
_PATH_END = frozenset(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"])
_PATH_START = frozenset(["m", "re"])
_PAINT_ALONE = frozenset(["Do", "sh", "Tj", "TJ", "'", '"', "INLINE IMAGE"])
#: State operators that may sit inside one artifact between two painted objects.
_STATE = frozenset((
    "w", "J", "j", "M", "d", "ri", "i", "gs", "CS", "cs", "SC", "SCN", "sc", "scn", "G", "g",
    "RG", "rg", "K", "k", "cm"))


class PdfUaError(OutputError):
    """The converted PDF has no structure tree to finish (LibreOffice ignored the options)."""


def finish(path: Path, language: str = LANGUAGE) -> None:
    """Finish one converted PDF in place (see the module text)."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        finish_pdf(pdf, language)
        pdf.save(path)


def finish_pdf(pdf: pikepdf.Pdf, language: str = LANGUAGE) -> None:
    root = pdf.Root
    tree = root.get("/StructTreeRoot")
    if not isinstance(tree, pikepdf.Dictionary):
        raise PdfUaError("PDF-en har ingen struktur (tagger); LibreOffice brukte ikke "
                         "valget UseTaggedPDF.")
    root.Lang = pikepdf.String(language)
    root.MarkInfo = pikepdf.Dictionary(Marked=True)
    prefs = root.get("/ViewerPreferences")
    if not isinstance(prefs, pikepdf.Dictionary):
        prefs = root.ViewerPreferences = pikepdf.Dictionary()
    prefs.DisplayDocTitle = True
    _declare_pdfuaid(pdf)
    _fix_role_map(tree)
    rolemap = _rolemap(tree)
    typed = _typed_elements(tree, rolemap)  # one walk, each element's role read once
    _nest_typed(typed)
    _layout_typed(typed, rolemap)
    for page in pdf.pages:
        mark_untagged_as_artifact(pdf, page)
        if "/Annots" in page.obj:
            page.obj.Tabs = pikepdf.Name.S


# --- XMP ---------------------------------------------------------------------------------------

_EXTENSION = f"""<rdf:Description xmlns:rdf="{RDF}" rdf:about=""
 xmlns:pdfaExtension="{EXT}" xmlns:pdfaSchema="{SCHEMA}" xmlns:pdfaProperty="{PROPERTY}">
 <pdfaExtension:schemas><rdf:Bag>{{li}}</rdf:Bag></pdfaExtension:schemas></rdf:Description>"""
_PDFUA_SCHEMA = f"""<rdf:li xmlns:rdf="{RDF}" rdf:parseType="Resource"
 xmlns:pdfaSchema="{SCHEMA}" xmlns:pdfaProperty="{PROPERTY}">
 <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
 <pdfaSchema:namespaceURI>{PDFUAID}</pdfaSchema:namespaceURI>
 <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
 <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
  <pdfaProperty:name>part</pdfaProperty:name>
  <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
  <pdfaProperty:category>internal</pdfaProperty:category>
  <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
 </rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li>"""


def _declare_pdfuaid(pdf: pikepdf.Pdf) -> None:
    """``pdfuaid:part`` = 1 in XMP, with the extension schema PDF/A needs for it."""
    stream = pdf.Root.get("/Metadata")
    if not isinstance(stream, pikepdf.Stream):
        raise PdfUaError("PDF-en har ingen XMP-metadata.")
    xml = etree.fromstring(stream.read_bytes(), etree.XMLParser(remove_blank_text=False))
    rdf = xml if xml.tag == f"{{{RDF}}}RDF" else xml.find(f".//{{{RDF}}}RDF")
    if rdf is None:
        raise PdfUaError("XMP-metadataene i PDF-en mangler rdf:RDF.")
    parts = rdf.findall(f".//{{{PDFUAID}}}part")
    if not parts:
        desc = etree.SubElement(rdf, f"{{{RDF}}}Description", nsmap={"pdfuaid": PDFUAID})
        desc.set(f"{{{RDF}}}about", "")
        parts = [etree.SubElement(desc, f"{{{PDFUAID}}}part")]
    for part in parts:
        part.text = "1"
    declared = any(ns.text == PDFUAID for ns in rdf.iter(f"{{{SCHEMA}}}namespaceURI"))
    if not declared:
        bag = rdf.find(f".//{{{EXT}}}schemas/{{{RDF}}}Bag")
        if bag is None:
            rdf.append(etree.fromstring(_EXTENSION.replace("{li}", "")))
            bag = rdf.find(f".//{{{EXT}}}schemas/{{{RDF}}}Bag")
        assert bag is not None
        bag.append(etree.fromstring(_PDFUA_SCHEMA))
    stream.write(_packet(xml))


XMP = "http://ns.adobe.com/xap/1.0/"
PDF_NS = "http://ns.adobe.com/pdf/1.3/"


def updated_xmp(data: bytes, producer: str, modified: datetime) -> bytes:
    """The XMP packet ``data`` with ``pdf:Producer`` and ``xmp:ModifyDate`` (and
    ``xmp:MetadataDate`` when present) set; everything else kept as it is."""
    xml = etree.fromstring(data)
    rdf = xml if xml.tag == f"{{{RDF}}}RDF" else xml.find(f".//{{{RDF}}}RDF")
    if rdf is None:
        raise PdfUaError("XMP-metadataene i PDF-en mangler rdf:RDF.")
    values = {(PDF_NS, "Producer"): producer, (XMP, "ModifyDate"): modified.isoformat()}
    for (ns, name), value in values.items():
        _set_simple(rdf, ns, name, value)
    for el in rdf.iter(f"{{{XMP}}}MetadataDate"):
        el.text = modified.isoformat()
    return _packet(xml)


def _set_simple(rdf: etree._Element, ns: str, name: str, value: str) -> None:
    """Set a simple XMP property, written as element or attribute, or add it."""
    found = False
    for desc in rdf.findall(f"{{{RDF}}}Description"):
        if f"{{{ns}}}{name}" in desc.attrib:
            desc.set(f"{{{ns}}}{name}", value)
            found = True
        for el in desc.findall(f"{{{ns}}}{name}"):
            el.text = value
            found = True
    if not found:
        desc = etree.SubElement(rdf, f"{{{RDF}}}Description", nsmap={"ns": ns})
        desc.set(f"{{{RDF}}}about", "")
        etree.SubElement(desc, f"{{{ns}}}{name}").text = value


def _packet(xml: etree._Element) -> bytes:
    head = b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
    return head + etree.tostring(xml, encoding="utf-8") + b'\n<?xpacket end="w"?>'


# --- structure tree ----------------------------------------------------------------------------


def _fix_role_map(tree: pikepdf.Dictionary) -> None:
    """No standard type remapped, every custom type ending at a standard one, no cycles."""
    rolemap = tree.get("/RoleMap")
    if not isinstance(rolemap, pikepdf.Dictionary):
        return
    mapping = {str(k): str(v) for k, v in rolemap.items()}
    for key in list(mapping):
        if key[1:] in STANDARD_TYPES:
            del rolemap[key]
            continue
        seen = {key}
        role = mapping[key]
        while role[1:] not in STANDARD_TYPES and role in mapping and role not in seen:
            seen.add(role)
            role = mapping[role]
        if role[1:] not in STANDARD_TYPES:
            rolemap[key] = pikepdf.Name.P  # a cycle or a dead end: a paragraph
        elif role != mapping[key]:
            rolemap[key] = pikepdf.Name(role)


def _elements(tree: pikepdf.Dictionary) -> Iterable[pikepdf.Dictionary]:
    """Every structure element in document order (depth first)."""
    for element, _type in _walk(tree):
        yield element


def _walk(tree: pikepdf.Dictionary) -> Iterable[tuple[pikepdf.Dictionary, str]]:
    """Every structure element in document order (depth first), with its type (``/S``)."""
    array, dictionary = pikepdf.Array, pikepdf.Dictionary
    struct_elem = pikepdf.Name.StructElem
    stack: list[Any] = [tree.get("/K")]
    while stack:
        item = stack.pop()
        if isinstance(item, array):
            stack.extend(reversed(list(item)))
        elif isinstance(item, dictionary):
            kind = item.get("/S")
            if kind is None:
                continue  # a marked-content or object reference
            if (t := item.get("/Type")) is not None and t != struct_elem:
                continue
            yield item, str(kind)
            if (kids := item.get("/K")) is not None:
                stack.append(kids)


def _rolemap(tree: pikepdf.Dictionary) -> dict[str, str]:
    return {str(k): str(v) for k, v in (tree.get("/RoleMap") or {}).items()}


def _typed_elements(tree: pikepdf.Dictionary, rolemap: Mapping[str, str],
                    elements: Iterable[pikepdf.Dictionary] | None = None
                    ) -> list[tuple[pikepdf.Dictionary, str]]:
    """Every structure element (or ``elements``) with its role: its type, or the standard
    type the RoleMap maps it to."""
    pairs = _walk(tree) if elements is None else ((el, str(el.S)) for el in elements)
    return [(el, rolemap.get(kind, kind)) for el, kind in pairs]


def _role(element: pikepdf.Dictionary, rolemap: Mapping[str, str]) -> str:
    role = str(element.S)
    return rolemap.get(role, role)


def _nest_headings(tree: pikepdf.Dictionary,
                   elements: Iterable[pikepdf.Dictionary] | None = None) -> None:
    """Renumber H1–H6 so that no level is skipped, keeping each heading's relative place:
    H1 H3 H4 H3 H1 becomes H1 H2 H3 H2 H1 (PDF/UA-1, 7.4.2)."""
    _nest_typed(_typed_elements(tree, _rolemap(tree), elements))


def _nest_typed(typed: Iterable[tuple[pikepdf.Dictionary, str]]) -> None:
    """:func:`_nest_headings` on (element, role) pairs."""
    stack: list[tuple[int, int]] = []  # (level in the file, level given)
    for el, role in typed:
        m = _HEADING.match(role)
        if not m:
            continue
        level = int(m.group(1))
        while stack and stack[-1][0] >= level:
            stack.pop()
        new = stack[-1][1] + 1 if stack else 1
        stack.append((level, new))
        if new != level:
            el.S = pikepdf.Name(f"/H{new}")


_TABLE_PARTS = frozenset(("/TR", "/TD", "/TH", "/THead", "/TBody", "/TFoot"))


def _layout_tables(tree: pikepdf.Dictionary,
                   elements: Iterable[pikepdf.Dictionary] | None = None) -> None:
    """A table without a single header cell lays text out side by side (a layout table in a
    municipality's own template): its Table, TR and TD elements become Div, so a screen reader reads
    it as text rather than as a data table with no headers. Every data table in the
    bundled templates has a header row (``w:tblHeader``), which LibreOffice tags TH."""
    rolemap = _rolemap(tree)
    _layout_typed(_typed_elements(tree, rolemap, elements), rolemap)


def _layout_typed(typed: Iterable[tuple[pikepdf.Dictionary, str]],
                  rolemap: Mapping[str, str]) -> None:
    """:func:`_layout_tables` on (element, role) pairs."""
    for el, role in typed:
        if role != "/Table":
            continue
        parts = list(_table_parts(el, rolemap))
        if any(_role(p, rolemap) == "/TH" for p in parts):
            continue
        for part in [el, *parts]:
            part.S = pikepdf.Name.Div


def _table_parts(table: pikepdf.Dictionary, rolemap: Mapping[str, str]
                 ) -> Iterable[pikepdf.Dictionary]:
    """The TR/TH/TD/THead/TBody/TFoot elements of a table (not of tables inside it)."""
    stack: list[Any] = [table.get("/K")]
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Array):
            stack.extend(reversed(list(item)))
        elif isinstance(item, pikepdf.Dictionary) and "/S" in item \
                and _role(item, rolemap) in _TABLE_PARTS:
            yield item
            if "/K" in item:
                stack.append(item.K)


def heading_levels(pdf: pikepdf.Pdf) -> list[int]:
    """The heading levels of the structure tree in document order (for the tests)."""
    tree: Any = pdf.Root.StructTreeRoot
    rolemap = {str(k): str(v) for k, v in (tree.get("/RoleMap") or {}).items()}
    return [int(m.group(1)) for el in _elements(tree)
            if (m := _HEADING.match(_role(el, rolemap)))]


# --- content: what is not tagged is an artifact ---------------------------------------------


def mark_untagged_as_artifact(pdf: pikepdf.Pdf, page: pikepdf.Page) -> int:
    """Wrap every painting operation outside marked content in ``/Artifact BMC … EMC``.

    A path object is wrapped from its first construction operator to its painting
    operator; text showing, XObjects, shadings and inline images one by one; painted
    objects only separated by colour or line-state operators share one artifact.
    Nothing inside BDC/BMC … EMC is touched. Returns the number of artifacts added.

    A page with one content stream is read as bytes (:func:`_mark_bytes`): the marked
    content is passed over whole, and only the instructions outside it are looked at; the
    bytes are kept as they were, with the artifacts' BMC and EMC put between them. Anything
    that reading does not know for certain (an inline image, a string with parentheses inside,
    an unknown operator, unbalanced marked content) is done the slow way instead: every
    instruction parsed by pikepdf and written anew (:func:`_mark_parsed`), as before.
    """
    contents = page.obj.get("/Contents")
    if isinstance(contents, pikepdf.Stream):
        marked = _mark_bytes(contents.read_bytes())
        if marked is not None:
            data, added = marked
            if added:
                _set_contents(pdf, page, data)
            return added
    return _mark_parsed(pdf, page)


def _set_contents(pdf: pikepdf.Pdf, page: pikepdf.Page, data: bytes) -> None:
    """The page's content stream anew, compressed here as a save would (a save that keeps
    new streams as they are, see pdf.finish, then writes it compressed)."""
    contents = pdf.make_stream(b"")
    contents.write(zlib.compress(data), filter=pikepdf.Name.FlateDecode)
    page.obj.Contents = contents


_WHITE = rb"[\x00\t\n\x0c\r ]"  # white space in PDF (7.2.2)
_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"  # neither white space nor a delimiter
#: One operand token: a comment, a literal string without parentheses inside, a dictionary or
#: array bracket, a hex string, a name, a number, true/false/null.
_OPERAND = (rb"%[^\r\n]*+|\((?:[^\\()]|\\.)*+\)|<<|>>|\[|\]|<(?:[0-9A-Fa-f]|" + _WHITE
            + rb")*+>|/" + _REGULAR + rb"*+|[+-]?(?:\d+\.?\d*|\.\d+)(?!" + _REGULAR
            + rb")|(?:true|false|null)(?!" + _REGULAR + rb")")
#: One instruction from where the last one ended: its operands, then its operator (group 1).
_INSTRUCTION = re.compile(rb"(?:" + _WHITE + rb"++|" + _OPERAND + rb")*+(" + _REGULAR + rb"++)",
                          re.S)
#: Inside marked content: everything up to the next operator that opens or closes one (or
#: an inline image, or what cannot be read), passed over without a look.
_INSIDE = re.compile(rb"(?:" + _WHITE + rb"++|" + _OPERAND + rb"|(?!(?:BDC|BMC|EMC|BI|ID|EI)(?!"
                     + _REGULAR + rb"))" + _REGULAR + rb"++)*+", re.S)
_MARKED = re.compile(rb"(BDC|BMC|EMC)(?!" + _REGULAR + rb")")
_TRAILING = re.compile(rb"(?:" + _WHITE + rb"++|%[^\r\n]*+)*+")
#: Every operator of ISO 32000-1, Annex A, but the inline image's (BI ID EI).
_OPERATORS = frozenset(
    b"b b* B B* BDC BMC BT BX c cm CS cs d d0 d1 Do DP EMC ET EX f F f* G g gs h i j J K k l "
    b"m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v "
    b"w W W* y ' \"".split())
_PATH_END_B = frozenset(op.encode() for op in _PATH_END)
_PATH_START_B = frozenset(op.encode() for op in _PATH_START)
_PAINT_ALONE_B = frozenset(op.encode() for op in _PAINT_ALONE)
_STATE_B = frozenset(op.encode() for op in _STATE)
_ARTIFACT_BMC = b"\n/Artifact BMC\n"
_ARTIFACT_EMC = b"\nEMC\n"


def _mark_bytes(data: bytes) -> tuple[bytes, int] | None:
    """:func:`mark_untagged_as_artifact` on the bytes of one content stream: the new bytes
    and the number of artifacts added, or None when the bytes hold something this does not
    read for certain (the caller then parses the page with pikepdf)."""
    out: list[bytes] = []
    pos = 0
    end = len(data)
    added = 0
    path: list[bytes] = []  # an untagged path object being collected
    open_artifact = False
    pending: list[bytes] = []  # state instructions after our artifact, not yet placed
    instruction, inside, marked = _INSTRUCTION.match, _INSIDE.match, _MARKED.match
    operators = _OPERATORS

    def close() -> None:
        nonlocal open_artifact
        if open_artifact:
            out.append(_ARTIFACT_EMC)
            open_artifact = False
        out.extend(pending)
        pending.clear()

    def wrap(pieces: list[bytes]) -> None:
        nonlocal open_artifact, added
        if open_artifact:
            out.extend(pending)
            pending.clear()
        else:
            out.append(_ARTIFACT_BMC)
            open_artifact = True
            added += 1
        out.extend(pieces)

    while True:
        m = instruction(data, pos)
        if m is None:
            rest = _TRAILING.match(data, pos)
            if rest is None or rest.end() != end:
                return None  # something that is not an instruction
            break
        op = m.group(1)
        if op not in operators:
            return None
        piece = data[pos:m.end()]
        pos = m.end()
        if path:
            path.append(piece)
            if op in _PATH_END_B:
                wrap(path)
                path = []
            continue
        if op in _PATH_START_B:
            path = [piece]
            continue
        if op in _PAINT_ALONE_B:
            wrap([piece])
            continue
        if open_artifact and op in _STATE_B:
            pending.append(piece)
            continue
        close()
        if op != b"BDC" and op != b"BMC":
            out.append(piece)
            continue
        start, depth = pos - len(piece), 1  # marked content: passed over as it is
        while depth:
            skipped = inside(data, pos)  # always matches (perhaps nothing)
            pos = skipped.end() if skipped is not None else pos
            tag = marked(data, pos)
            if tag is None:
                return None  # an inline image, the end, or what cannot be read
            depth += -1 if tag.group(1) == b"EMC" else 1
            pos = tag.end()
        out.append(data[start:pos])
    if path:  # an unterminated path (a broken stream): left as it was
        close()
        out.extend(path)
    close()
    if not added:
        return data, 0
    out.append(data[pos:])
    return b"".join(out), added


def _mark_parsed(pdf: pikepdf.Pdf, page: pikepdf.Page) -> int:
    """:func:`mark_untagged_as_artifact` with every instruction parsed by pikepdf."""
    ops = list(pikepdf.parse_content_stream(page))
    out: list[Any] = []
    depth = 0
    added = 0
    path: list[Any] = []  # an untagged path object being collected
    open_artifact = False  # our artifact is open at the end of ``out``
    pending: list[Any] = []  # state operators after our artifact, not yet placed

    def close() -> None:
        nonlocal open_artifact
        if open_artifact:
            out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))
            open_artifact = False
        out.extend(pending)
        pending.clear()

    def wrap(instructions: list[Any]) -> None:
        nonlocal open_artifact, added
        if open_artifact:
            out.extend(pending)
            pending.clear()
        else:
            out.append(pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact],
                                                        pikepdf.Operator("BMC")))
            open_artifact = True
            added += 1
        out.extend(instructions)

    for ins in ops:
        op = str(ins.operator)
        if depth > 0:
            out.append(ins)
            if op in ("BDC", "BMC"):
                depth += 1
            elif op == "EMC":
                depth -= 1
            continue
        if path:
            path.append(ins)
            if op in _PATH_END:
                wrap(path)
                path = []
            continue
        if op in _PATH_START:
            path = [ins]
            continue
        if op in _PAINT_ALONE:
            wrap([ins])
            continue
        if open_artifact and op in _STATE:
            pending.append(ins)
            continue
        close()
        out.append(ins)
        if op in ("BDC", "BMC"):
            depth = 1
    if path:  # an unterminated path (a broken stream): left as it was
        close()
        out.extend(path)
    close()
    if added:
        _set_contents(pdf, page, pikepdf.unparse_content_stream(out))
    return added


def untagged_painting(page: pikepdf.Page) -> int:
    """How many painting operations lie outside every marked-content sequence (the tests)."""
    depth = 0
    count = 0
    for ins in pikepdf.parse_content_stream(page):
        op = str(ins.operator)
        if op in ("BDC", "BMC"):
            depth += 1
        elif op == "EMC":
            depth -= 1
        elif depth == 0 and (op in _PATH_END or op in _PAINT_ALONE):
            count += 1
    return count


# --- fonts -------------------------------------------------------------------------------------

_RANGE_BLOCK = re.compile(rb"\d+\s+beginbfrange\s*(.*?)\s*endbfrange", re.S)
_RANGE_ARRAY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\[([^\]]*)\]")
_RANGE_PLAIN = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def cmap_without_range_arrays(cmap: bytes) -> bytes:
    """A ToUnicode CMap with every ``bfrange`` whose targets are an array written as the
    same mappings in ``bfchar`` form.

    Both forms are ISO 32000-1 (9.10.3), but page-validation 0.11 reports the array form as
    a malformed CMap (PDFUA1-FONT-UNICODE-MAPPING-001); pyHanko writes it for the
    signature appearance font. The mapping is the same code for code.
    """
    def expand(block: re.Match[bytes]) -> bytes:
        pairs: list[bytes] = []
        plain: list[bytes] = []
        body = block.group(1)
        for m in _RANGE_ARRAY.finditer(body):
            start, width = int(m.group(1), 16), len(m.group(1))
            targets = re.findall(rb"<([0-9A-Fa-f]+)>", m.group(3))
            pairs += [b"<%s> <%s>" % (f"{start + i:0{width}x}".encode(), t)
                      for i, t in enumerate(targets)]
        plain = [m.group(0) for m in _RANGE_PLAIN.finditer(_RANGE_ARRAY.sub(b"", body))]
        out = []
        for i in range(0, len(pairs), 100):
            chunk = pairs[i:i + 100]
            out.append(b"%d beginbfchar\n%s\nendbfchar" % (len(chunk), b"\n".join(chunk)))
        if plain:
            out.append(b"%d beginbfrange\n%s\nendbfrange" % (len(plain), b"\n".join(plain)))
        return b"\n".join(out)

    return _RANGE_BLOCK.sub(expand, cmap)


# --- signature fields --------------------------------------------------------------------------


#: The annotation flags of an empty signature widget: Print (4) and Locked (128), as pyHanko
#: sets them for a visible field.
SIGNATURE_WIDGET_FLAGS = 132


def add_signature_fields(pdf: pikepdf.Pdf,
                         fields: Sequence[tuple[str, str, int, Sequence[float]]]) -> None:
    """Empty signature fields on an open file, tagged (:func:`tag_signature_fields`).

    ``fields``: (name, label, page index, rectangle ``[x1, y1, x2, y2]``), in the order they
    are listed in the AcroForm. Each is one field merged with its widget, written as pyHanko's
    ``append_signature_field`` writes it (so ``styring sign`` and any PDF reader fill it in
    the same way): ``/FT /Sig``, ``/F`` Print and Locked, ``/P`` its page, an empty
    appearance the size of the box, ``/SigFlags 1`` (signatures exist) in the AcroForm."""
    root = pdf.Root
    form = root.get("/AcroForm")
    if not isinstance(form, pikepdf.Dictionary):
        form = root.AcroForm = pdf.make_indirect(pikepdf.Dictionary(Fields=pikepdf.Array()))
    if "/Fields" not in form:
        form.Fields = pikepdf.Array()
    if "/SigFlags" not in form:
        form.SigFlags = 1
    pages = pdf.pages
    for name, _label, page_no, rect in fields:
        x1, y1, x2, y2 = (round(float(v), 4) for v in rect)
        page = pages[page_no].obj
        appearance = pdf.make_stream(b"", pikepdf.Dictionary(
            Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
            BBox=pikepdf.Array([0, int(abs(y2 - y1)), int(abs(x2 - x1)), 0]),
            Resources=pikepdf.Dictionary()))
        field = pdf.make_indirect(pikepdf.Dictionary(
            FT=pikepdf.Name.Sig, T=pikepdf.String(name), Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Widget, F=SIGNATURE_WIDGET_FLAGS,
            Rect=pikepdf.Array([x1, y1, x2, y2]), P=page,
            AP=pikepdf.Dictionary(N=appearance)))
        form.Fields.append(field)
        if "/Annots" not in page:
            page.Annots = pikepdf.Array()
        page.Annots.append(field)
    _tag_signature_fields(pdf, {name: label for name, label, _page, _rect in fields})


def tag_signature_fields(data: bytes, labels: Mapping[str, str]) -> bytes:
    """Each signature widget with a ``/TU`` (its label) inside a ``Form`` structure element,
    and ``/Tabs /S`` on its page (PDF/UA-1, 7.18). ``labels``: field name → label."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if not _tag_signature_fields(pdf, labels):
            return data  # an untagged file (made before tagging): left as it was
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def _tag_signature_fields(pdf: pikepdf.Pdf, labels: Mapping[str, str]) -> bool:
    """:func:`tag_signature_fields` on an open file (not saved); False when it is untagged."""
    tree = pdf.Root.get("/StructTreeRoot")
    if not isinstance(tree, pikepdf.Dictionary):
        return False
    parent = _document_element(tree)
    nums, path = _parent_tree_leaf(pdf, tree)
    next_key = _next_parent_key(tree)
    pages: dict[Any, Any] = {page.objgen: page for page in pdf.pages}
    for field in pdf.Root.AcroForm.get("/Fields", []):
        if field.get("/FT") != pikepdf.Name.Sig:
            continue
        name = str(field.get("/T", ""))
        field.TU = pikepdf.String(f"Signatur: {labels.get(name, name)}")
        widgets = list(field.Kids) if "/Kids" in field else [field]
        for widget in widgets:
            if "/StructParent" in widget:
                continue
            page = widget.get("/P")
            page_obj = pages[page.objgen].obj if page is not None else None
            if page_obj is None:
                page_obj = next(p.obj for p in pdf.pages
                                if any(a.objgen == widget.objgen
                                       for a in p.obj.get("/Annots", [])))
            objr = pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=widget, Pg=page_obj)
            form = pdf.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem, S=pikepdf.Name.Form, P=parent, Pg=page_obj,
                K=objr, Alt=pikepdf.String(str(field.TU))))
            kids = parent.get("/K")
            if not isinstance(kids, pikepdf.Array):
                kids = pikepdf.Array([] if kids is None else [kids])
            kids.append(form)
            parent.K = kids
            widget.StructParent = next_key
            nums.extend([next_key, form])
            next_key += 1
            page_obj.Tabs = pikepdf.Name.S
    tree.ParentTreeNextKey = next_key
    for node in path:  # the last leaf and its ancestors now reach the new keys
        if "/Limits" in node:
            node.Limits = pikepdf.Array([node.Limits[0], next_key - 1])
    return True


def _document_element(tree: pikepdf.Dictionary) -> Any:
    kids = tree.get("/K")
    first = kids[0] if isinstance(kids, pikepdf.Array) and len(kids) else kids
    if isinstance(first, pikepdf.Dictionary) and first.get("/S") == pikepdf.Name.Document:
        return first
    return tree


def _parent_tree_leaf(pdf: pikepdf.Pdf,
                      tree: pikepdf.Dictionary) -> tuple[Any, list[Any]]:
    """The ``/Nums`` array new entries go into (the last leaf of the number tree), and the
    nodes from the root down to it."""
    node: Any = tree.get("/ParentTree")
    if not isinstance(node, pikepdf.Dictionary):
        node = tree.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=[]))
    path: list[Any] = [node]
    while "/Kids" in node:
        node = node.Kids[-1]
        path.append(node)
    if "/Nums" not in node:
        node.Nums = pikepdf.Array()
    return node.Nums, path


def _next_parent_key(tree: pikepdf.Dictionary) -> int:
    keys: list[int] = [int(tree.get("/ParentTreeNextKey", 0))]
    stack: list[Any] = [tree.get("/ParentTree")]
    while stack:
        node = stack.pop()
        if not isinstance(node, pikepdf.Dictionary):
            continue
        stack.extend(node.get("/Kids", []))
        nums: Any = node.get("/Nums", [])
        keys += [int(nums[i]) + 1 for i in range(0, len(nums), 2)]
    return max(keys)
