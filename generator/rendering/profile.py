"""The municipality's own look: logo, profile colour and font from the Kommune sheet.

The profile is applied once per build to each Word template, giving a «profiled
template»: the logo becomes a picture of the template itself (in the header and on
the title page), the colour and font replace the product's defaults in the styles.
Both renderers keep what a template holds, so documents without charts still go
through FastTemplate, and the profiled template's hash (template + profile) decides
in the manifest whether a document must be rendered again.

A template the municipality made itself keeps its own look: only the product's default
colours and font are replaced, and a header that already holds a picture gets no logo.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from . import palette

if TYPE_CHECKING:
    from ..input.reader import SheetRows
    from ..input.validate import LoadResult
    from ..model.domain import Kommune
    from ..problems import Problems
    from .template import Template

MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_LOGO_PIXELS = 4000  # on the longest side
DEFAULT_FONT = "Calibri"  # the product templates' font (templates/docxkit.py)
HEADER_LOGO_CM = 0.8  # height in the header
TITLE_LOGO_CM = 2.6  # height on the title page (at most TITLE_LOGO_MAX_W_CM wide)
TITLE_LOGO_MAX_W_CM = 7.0
_EMU_PER_CM = 360000
_MAGIC = {b"\x89PNG\r\n\x1a\n": ("png", "image/png"), b"\xff\xd8\xff": ("jpeg", "image/jpeg")}



class LogoError(ValueError):
    """The logo file cannot be used; the message is bokmål."""


@dataclass(frozen=True)
class Profil:
    """What the Kommune sheet says about the documents' look (all optional)."""

    logo: bytes | None = None
    logo_ext: str = "png"
    logo_px: tuple[int, int] = (0, 0)
    farge: str | None = None  # RRGGBB, upper case, no «#»
    skrift: str | None = None
    alt: str = "Logo"

    @property
    def empty(self) -> bool:
        return self.logo is None and self.farge is None and self.skrift is None

    @property
    def sha256(self) -> str:
        """A fingerprint of everything the profile changes in a template."""
        h = hashlib.sha256()
        h.update(hashlib.sha256(self.logo or b"").digest())
        h.update(f"{self.logo_ext}|{self.farge}|{self.skrift}|{self.alt}".encode())
        return h.hexdigest()


def colour(value: str | None) -> str | None:
    """A «#1f4e79» or «1F4E79» as ``1F4E79`` (None stays None)."""
    return palette.hex_rgb(value)[1:] if value else None


def read_logo(path: Path) -> tuple[bytes, str, tuple[int, int]]:
    """The logo's bytes, its type (png/jpeg) and its size in pixels, or a LogoError."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise LogoError(f"fant ikke bildefilen {path}. Legg logoen i samme mappe som "
                        "arbeidsbøkene (eller skriv stien fra den mappen), eller tøm feltet."
                        ) from None
    except OSError as e:
        raise LogoError(f"bildefilen {path} kan ikke leses ({e.strerror}).") from None
    if not path.is_file():
        raise LogoError(f"{path} er ikke en bildefil.")
    if size > MAX_LOGO_BYTES:
        mb = f"{size / 2**20:.1f}".replace(".", ",")
        raise LogoError(f"bildefilen {path.name} er {mb} MB; grensen er "
                        f"{MAX_LOGO_BYTES // 2**20} MB. Lagre logoen i mindre størrelse.")
    data = path.read_bytes()
    kind = next((v for magic, v in _MAGIC.items() if data.startswith(magic)), None)
    if kind is None:
        raise LogoError(f"{path.name} er ikke et PNG- eller JPEG-bilde. Lagre logoen som PNG "
                        "(helst) eller JPEG.")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            px = img.size
            if max(px) > MAX_LOGO_PIXELS:
                raise LogoError(f"bildet {path.name} er {px[0]} × {px[1]} piksler; grensen er "
                                f"{MAX_LOGO_PIXELS} piksler på lengste side. Lagre logoen "
                                "i mindre størrelse.")
            img.verify()
    except Image.DecompressionBombError:
        raise LogoError(f"bildet {path.name} har flere piksler enn grensen på "
                        f"{MAX_LOGO_PIXELS} på lengste side. Lagre logoen i mindre "
                        "størrelse.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        if isinstance(e, LogoError):
            raise
        raise LogoError(f"{path.name} kan ikke leses som bilde (filen er skadet?).") from None
    return data, kind[0], px


def folder_of(result: LoadResult) -> Path | None:
    """The folder of the workbook the Kommune sheet came from (logos are found there)."""
    data = result.data
    row = result.source(data.kommune) if data is not None and data.kommune else None
    if row is None:
        return None
    return next((f.parent for f in result.files if f.name == row.file), None)


def logo_path(kommune: Kommune, folder: Path) -> Path | None:
    return folder / kommune.logo.strip() if kommune.logo and kommune.logo.strip() else None


def check_loaded(rows: SheetRows | None, files: list[Path], problems: Problems) -> None:
    """Located problems with the logo (missing, not an image, too large), and a notice when
    the font is not installed here (LibreOffice would substitute it in the PDF).

    Works on the Kommune sheet's cells as read, so a bad logo is reported together with
    any other problem in the sheet (the sheet need not have been valid)."""
    for row in rows.rows if rows is not None else []:
        folder = next((f.parent for f in files if f.name == row.file), None)
        logo, font = row.cells.get("logo"), row.cells.get("skrift")
        if folder is not None and logo is not None and isinstance(logo.value, str) \
                and logo.value.strip():
            try:
                read_logo(folder / logo.value.strip())
            except LogoError as e:
                problems.error(row.file, row.sheet, logo.coord, str(e))
        farge = row.cells.get("profilfarge")
        if farge is not None and isinstance(farge.value, str) \
                and re.fullmatch(r"\s*#?[0-9A-Fa-f]{6}\s*", farge.value) \
                and 1.05 / (_luminance(farge.value.strip().lstrip("#")) + 0.05) < 3:
            problems.notice(row.file, row.sheet, farge.coord, f"profilfargen {farge.value.strip()} "
                            "er så lys at overskrifter i den blir vanskelige å lese på hvitt "
                            "papir; velg gjerne en mørkere variant av fargen.")
        if font is not None and isinstance(font.value, str) and font.value.strip() \
                and not font_installed(font.value.strip()):
            problems.notice(row.file, row.sheet, font.coord, f"skriften «{font.value.strip()}» "
                            "er ikke installert på denne maskinen; PDF-ene får en "
                            "erstatningsskrift. Installer skriften på PC-en eller serveren som "
                            "lager PDF-ene.")


@functools.lru_cache(maxsize=32)
def font_installed(name: str) -> bool:
    """Whether fontconfig knows the font (True when fc-match is not there to ask)."""
    exe = shutil.which("fc-match")
    if not exe:
        return True
    try:
        out = subprocess.run([exe, "-f", "%{family}", name], capture_output=True, text=True,
                             timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return True
    families = [f.strip().casefold() for f in out.split(",")]
    return name.casefold() in families


def for_build(result: LoadResult) -> Profil:
    """The profile of validated data (the logo was checked when loading)."""
    data = result.data
    assert data is not None
    k = data.kommune
    folder = folder_of(result)
    logo, ext, px = None, "png", (0, 0)
    path = logo_path(k, folder) if folder is not None else None
    if path is not None:
        logo, ext, px = read_logo(path)
    return Profil(logo=logo, logo_ext=ext, logo_px=px, farge=colour(k.profilfarge),
                  skrift=(k.skrift or "").strip() or None, alt=f"Logo for {k.navn}")


def depends(result: LoadResult) -> dict[str, str]:
    """Files outside the workbooks a build depends on (the logo): path → SHA-256."""
    data = result.data
    folder = folder_of(result)
    if data is None or folder is None or (path := logo_path(data.kommune, folder)) is None:
        return {}
    return {str(path.resolve()): hashlib.sha256(path.read_bytes()).hexdigest()}


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
    import copy

    from .package_check import inspect

    out = copy.copy(template)
    out.data = _cached(template.data, profil)
    out.parts = inspect(out.data)
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


def _luminance(hex6: str) -> float:
    def lin(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex6[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def header_text(hex6: str) -> str:
    """White text on the colour when it reads well (contrast ≥ 4.5), else black."""
    return "FFFFFF" if 1.05 / (_luminance(hex6) + 0.05) >= 4.5 else "000000"


def _styles(xml: str, profil: Profil) -> str:
    """The product's default colours and font replaced by the profile's."""
    if profil.farge:
        shades = palette.shades(profil.farge)
        swap = {palette.PRIMARY: shades.primary, palette.ACCENT: shades.accent,
                palette.LIGHT: shades.light}
        xml = re.sub(r'(w:(?:val|fill|color)=")(' + "|".join(swap) + ')"',
                     lambda m: f'{m[1]}{swap[m[2]]}"', xml)
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
        run = (_drawing(profil, HEADER_LOGO_CM, 7001)
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
            doc = doc[:start] + para + doc[start + skip:]
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


def _drawing(profil: Profil, height_cm: float, pic_id: int,
             max_width_cm: float | None = None) -> str:
    cx, cy = _extent(profil, height_cm, max_width_cm or 4 * height_cm)
    alt = quoteattr(profil.alt)
    return (
        '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{pic_id}" name="Logo {pic_id}" descr={alt}/>'
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

