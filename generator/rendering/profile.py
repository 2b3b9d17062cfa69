"""The municipality's own look applied to the templates: logo, profile colour and font.

The profile (read and checked by :mod:`generator.input.profile_reader`) is applied once per build
to each Word template, giving a «profiled template»: the logo becomes a picture of the
template itself (in the header and on the title page), the colour and font replace the
product's defaults in the styles.
Both renderers keep what a template holds, so documents without charts still go
through FastTemplate, and the profiled template's hash (template + profile) decides
in the manifest whether a document must be rendered again.

A template the municipality made itself keeps its own look: only the product's default
colours and font are replaced, and a header that already holds a picture gets no logo.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import io
import re
import zipfile
from typing import TYPE_CHECKING

from ..input.profile_reader import Profil, readable_on_white, text_on
from . import palette

if TYPE_CHECKING:
    from .template import Template

DEFAULT_FONT = "Calibri"  # the product templates' font (templates/docxkit.py)
HEADER_LOGO_CM = 0.8  # height in the header
TITLE_TOP_TWIPS = "2100"  # templates/docxkit.py TITLE_TOP (105 pt) above the title page
TITLE_LOGO_CM = 2.6  # height on the title page (at most TITLE_LOGO_MAX_W_CM wide)
TITLE_LOGO_MAX_W_CM = 7.0
_EMU_PER_CM = 360000


def escape(data: str, entities: dict[str, str] | None = None) -> str:
    """:func:`xml.sax.saxutils.escape`, same output: that module imports urllib.request,
    http.client and ssl (about 50 ms at every build that renders a document)."""
    data = data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for key, value in (entities or {}).items():
        data = data.replace(key, value)
    return data


def quoteattr(data: str) -> str:
    """:func:`xml.sax.saxutils.quoteattr`, same output (see :func:`escape`)."""
    data = escape(data, {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
    if '"' in data:
        if "'" not in data:
            return f"'{data}'"
        data = data.replace('"', "&quot;")
    return f'"{data}"'


# --------------------------------------------------------------------------- templates


def profiled(template: Template, profil: Profil) -> Template:
    """The template with the profile applied (the same object when there is no profile)."""
    if profil.empty:
        return template
    return _profiled(template, profil)


@functools.lru_cache(maxsize=16)
def _cached(data: bytes, profil: Profil) -> bytes:
    """One profiled template per (template, profile) and process."""
    return apply(data, profil)


def _profiled(template: Template, profil: Profil) -> Template:
    out = copy.copy(template)
    out.data = _cached(template.data, profil)
    out.parts = None  # unpacked from the new bytes when needed
    out.sha256 = hashlib.sha256(out.data).hexdigest()
    return out


def apply(docx: bytes, profil: Profil) -> bytes:
    """The .docx bytes with logo, colour and font put into the template itself."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zin:
        members = [(i, zin.read(i.filename)) for i in zin.infolist()]
    files = {i.filename: data for i, data in members}
    if "word/styles.xml" in files:
        files["word/styles.xml"] = _styles(files["word/styles.xml"].decode("utf-8"),
                                           profil).encode("utf-8")
    if profil.skrift:  # styles that take the theme's fonts (the bundled theme's) too
        name = escape(profil.skrift, {'"': "&quot;"})
        for part in [n for n in files if re.fullmatch(r"word/theme/theme\d*\.xml", n)]:
            files[part] = re.sub(r'(<a:latin typeface=")(?:Calibri|Calibri Light|Cambria)"',
                                 lambda m: f'{m[1]}{name}"',
                                 files[part].decode("utf-8")).encode("utf-8")
    if profil.logo is not None:
        _logo(files, profil)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        names = [i.filename for i, _ in members]
        for name in names + [n for n in files if n not in names]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, files[name])
    return buf.getvalue()


def header_text(hex6: str) -> str:
    """White or black text on the colour, whichever contrasts more (always ≥ 4.5:1)."""
    return text_on(hex6)


def _styles(xml: str, profil: Profil) -> str:
    """The product's default colours and font replaced by the profile's."""
    if profil.farge:
        shades = palette.shades(profil.farge)
        swap = {palette.PRIMARY: shades.primary, palette.ACCENT: shades.accent,
                palette.LIGHT: shades.light}
        # Text in a profile shade (headings, title) is darkened until it reads on white
        # (4.5:1); fills and borders keep the shade itself.
        text_swap = {k: readable_on_white(v) for k, v in swap.items()}
        hexes = "|".join(swap)
        xml = re.sub(r'(<w:color\b[^>]*?\bw:val=")(' + hexes + r')"|(w:(?:val|fill|color)=")('
                     + hexes + ')"',
                     lambda m: (f'{m[1]}{text_swap[m[2]]}"' if m[1]
                                else f'{m[3]}{swap[m[4]]}"'), xml)
        text = header_text(profil.farge)
        if text != "FFFFFF":
            xml = re.sub(r'(<w:style [^>]*w:styleId="Kommunetabell".*?<w:tblStylePr '
                         r'w:type="firstRow">.*?<w:color w:val=")FFFFFF"',
                         lambda m: f'{m[1]}{text}"', xml, count=1, flags=re.DOTALL)
    if profil.skrift:
        name = escape(profil.skrift, {'"': "&quot;"})
        xml = re.sub(r'(w:(?:ascii|hAnsi|cs|eastAsia)=")' + DEFAULT_FONT + '"',
                     lambda m: f'{m[1]}{name}"', xml)
    return xml


_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_LOGO_ID = "rIdProfilLogo"


def _logo(files: dict[str, bytes], profil: Profil) -> None:
    """The logo as a media part, inline at the start of every default header without a
    picture, and on the title page (a first page of its own)."""
    media = f"word/media/profil-logo.{profil.logo_ext}"
    assert profil.logo is not None
    files[media] = profil.logo
    _content_type(files, profil.logo_ext)
    doc_rels_name = "word/_rels/document.xml.rels"
    doc_rels = files.get(doc_rels_name, b"").decode("utf-8")
    headers = [m[0] for m in re.finditer(
        r'<Relationship [^>]*?Type="' + re.escape(_HEADER_REL) + r'"[^>]*?/>', doc_rels)]
    doc = files["word/document.xml"].decode("utf-8")
    default_ids = {m[1] for ref in re.findall(r"<w:headerReference [^>]*/>", doc)
                   if (m := re.search(r'r:id="([^"]+)"', ref))
                   if 'w:type="default"' in ref and 'r:id="' in ref}
    for rel in headers:
        rid = re.search(r'Id="([^"]+)"', rel)
        target = re.search(r'Target="([^"]+)"', rel)
        if not rid or not target or rid[1] not in default_ids:
            continue
        part = "word/" + target[1].lstrip("/").removeprefix("word/")
        xml = files.get(part, b"").decode("utf-8")
        if not xml or "<w:drawing" in xml or "<w:pict" in xml:
            continue
        m = re.search(r"<w:p\b[^>]*>(?:<w:pPr>.*?</w:pPr>)?", xml, re.DOTALL)
        if m is None:
            continue
        run = (_drawing(profil, HEADER_LOGO_CM, 7001, decorative=True)
               + '<w:r><w:t xml:space="preserve">  </w:t></w:r>')
        xml = xml[:m.end()] + run + xml[m.end():]
        files[part] = _with_ns(xml).encode("utf-8")
        _relate(files, part, media)
    if "<w:titlePg/>" in doc or '<w:titlePg w:val="1"/>' in doc:
        body = re.search(r"<w:body>", doc)
        if body is not None:
            start = body.end()
            empties = re.match(r"(?:<w:p/>){0,5}", doc[start:])
            skip = empties.end() if empties else 0
            para = ('<w:p><w:pPr><w:spacing w:before="0" w:after="240"/></w:pPr>'
                    + _drawing(profil, TITLE_LOGO_CM, 7002, TITLE_LOGO_MAX_W_CM) + "</w:p>")
            rest = doc[start + skip:]
            if not skip:  # the bundled templates: the logo takes the title's top spacing
                rest = re.sub(r'\A(<w:p>(?:(?!</w:p>).)*?<w:spacing w:before=")'
                              + TITLE_TOP_TWIPS + '"', r'\g<1>0"', rest, count=1,
                              flags=re.DOTALL)
            doc = doc[:start] + para + rest
            files["word/document.xml"] = _with_ns(doc).encode("utf-8")
            _relate(files, "word/document.xml", media)
    else:
        files["word/document.xml"] = doc.encode("utf-8")


def _extent(profil: Profil, height_cm: float, max_width_cm: float | None) -> tuple[int, int]:
    w, h = profil.logo_px
    ratio = w / h if h else 1.0
    height = height_cm
    if max_width_cm and height * ratio > max_width_cm:
        height = max_width_cm / ratio
    return round(height * ratio * _EMU_PER_CM), round(height * _EMU_PER_CM)


#: Word's «Mark as decorative» (Office 2019+): screen readers skip the picture.
_DECORATIVE = ('<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
               '<a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
               '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/'
               'decorative" val="1"/></a:ext></a:extLst>')


def _drawing(profil: Profil, height_cm: float, pic_id: int,
             max_width_cm: float | None = None, decorative: bool = False) -> str:
    """The logo as an inline picture; ``decorative`` for the running header's copy (the
    title page's logo carries the alternative text; in the PDF the header is an artifact)."""
    cx, cy = _extent(profil, height_cm, max_width_cm or 4 * height_cm)
    alt = quoteattr(profil.alt)
    doc_pr = (f'<wp:docPr id="{pic_id}" name="Logo {pic_id}" descr={alt}>{_DECORATIVE}'
              '</wp:docPr>' if decorative else
              f'<wp:docPr id="{pic_id}" name="Logo {pic_id}" descr={alt}/>')
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        + doc_pr +
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/'
        'drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:nvPicPr><pic:cNvPr id="{pic_id}" name="profil-logo.{profil.logo_ext}"/>'
        '<pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{_LOGO_ID}"/><a:stretch><a:fillRect/></a:stretch>'
        '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        '</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>'
        '</w:drawing></w:r>')


_NS = {"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}


def _with_ns(xml: str) -> str:
    """The root element declares the wp: and r: prefixes the drawing uses."""
    m = re.search(r"<w:(?:document|hdr)\b[^>]*>", xml)
    assert m is not None
    root = m[0]
    extra = "".join(f' xmlns:{p}="{uri}"' for p, uri in _NS.items()
                    if f"xmlns:{p}=" not in root)
    return xml[:m.end() - 1] + extra + xml[m.end() - 1:] if extra else xml


def _relate(files: dict[str, bytes], part: str, media: str) -> None:
    folder, _, name = part.rpartition("/")
    rels_name = f"{folder}/_rels/{name}.rels"
    rels = files.get(rels_name, b"").decode("utf-8") or (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Relationships xmlns="{_RELS_NS}"></Relationships>')
    if f'Id="{_LOGO_ID}"' in rels:
        return
    target = media.removeprefix("word/")
    rel = f'<Relationship Id="{_LOGO_ID}" Type="{_IMAGE_REL}" Target="{target}"/>'
    files[rels_name] = rels.replace("</Relationships>", rel + "</Relationships>").encode("utf-8")


def _content_type(files: dict[str, bytes], ext: str) -> None:
    ct = files["[Content_Types].xml"].decode("utf-8")
    if re.search(rf'<Default [^>]*Extension="{ext}"', ct, re.IGNORECASE):
        return
    mime = "image/png" if ext == "png" else "image/jpeg"
    ct = ct.replace("</Types>", f'<Default Extension="{ext}" ContentType="{mime}"/></Types>')
    files["[Content_Types].xml"] = ct.encode("utf-8")

