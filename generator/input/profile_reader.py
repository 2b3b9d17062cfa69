"""The municipality's profile as the workbook states it: logo, profile colour and font.

Read from the Kommune sheet: the logo file beside the workbooks is checked (type, size,
pixels) when the workbooks are loaded, so a bad logo is reported with every other problem
in the sheet; a build reads it into a :class:`Profil`, which
:mod:`generator.rendering.profile` applies to the templates.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, os_reason
from ..files import write_atomic
from ..paths import cache_folder

if TYPE_CHECKING:
    from ..model.domain import Kommune
    from ..problems import Problems
    from .reader import SheetRows

MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_LOGO_PIXELS = 4000  # on the longest side
_MAGIC = {b"\x89PNG\r\n\x1a\n": ("png", "image/png"), b"\xff\xd8\xff": ("jpeg", "image/jpeg")}




class LogoError(InputError, ValueError):
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
    if not value:
        return None
    hex6 = value.strip().lstrip("#")
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", hex6):
        raise ValueError(f"not a 6-digit hex colour: {value!r}")
    return hex6.upper()


def read_logo(path: Path) -> tuple[bytes, str, tuple[int, int]]:
    """The logo's bytes, its type (png/jpeg) and its size in pixels, or a LogoError."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise LogoError(f"fant ikke bildefilen {path}. Legg logoen i samme mappe som "
                        "arbeidsbøkene (eller skriv stien fra den mappen), eller tøm feltet."
                        ) from None
    except OSError as e:
        raise LogoError(f"bildefilen {path} kan ikke leses ({os_reason(e)}).") from None
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
    kept = _checked_logo(data)
    if kept is not None:
        kept_path, px = kept
        if px is not None:  # these bytes passed this check before: Pillow not needed
            return data, kind[0], px
    from PIL import Image, UnidentifiedImageError  # deferred: only with a logo file

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
    if kept is not None:
        with contextlib.suppress(OSError):
            write_atomic(kept_path, f"{px[0]} {px[1]}".encode(), durable=False)
    return data, kind[0], px


def _checked_logo(data: bytes) -> tuple[Path, tuple[int, int] | None] | None:
    """Where the user's cache folder records that these logo bytes passed
    :func:`read_logo`'s check (by this check and this Pillow), and their size in pixels
    when it does (None: not yet); None when the cache is off. Pillow's import and its
    reading of the picture cost ≈ 15 ms at every build otherwise."""
    where = cache_folder()
    if where is None:
        return None
    spec = importlib.util.find_spec("PIL")  # found, not imported
    try:
        pil = Path(spec.origin).stat() if spec and spec.origin else None
    except OSError:
        pil = None
    key = hashlib.sha256(f"logo 1 {MAX_LOGO_PIXELS} {MAX_LOGO_BYTES} "
                         f"{pil.st_size if pil else '-'}:{pil.st_mtime_ns if pil else '-'}\n"
                         .encode() + data).hexdigest()
    path = where / f"logo-{key}.txt"
    try:
        w, h = (int(n) for n in path.read_text(encoding="ascii").split())
    except (OSError, ValueError):
        return path, None
    return path, (w, h)


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
                and (ratio := contrast(farge.value.strip().lstrip("#"), "FFFFFF")) < TEXT_RATIO:
            darker = readable_on_white(farge.value.strip().lstrip("#").upper())
            problems.notice(row.file, row.sheet, farge.coord, f"profilfargen {farge.value.strip()} "
                            f"er så lys at tekst i den har kontrast {_nb(ratio)}:1 mot hvitt "
                            f"papir (krav: {_nb(TEXT_RATIO)}:1 for universell utforming); "
                            f"overskriftene får derfor den mørkere varianten #{darker}. Velg "
                            "gjerne en mørkere profilfarge selv.")
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


def for_build(k: Kommune, folder: Path | None) -> Profil:
    """The profile of validated data (the logo was checked when loading); ``folder`` is
    where the Kommune sheet's workbook is."""
    logo, ext, px = None, "png", (0, 0)
    path = logo_path(k, folder) if folder is not None else None
    if path is not None:
        logo, ext, px = read_logo(path)
    return Profil(logo=logo, logo_ext=ext, logo_px=px, farge=colour(k.profilfarge),
                  skrift=(k.skrift or "").strip() or None, alt=f"Logo for {k.navn}")


def depends(k: Kommune, folder: Path | None) -> dict[str, str]:
    """Files outside the workbooks a build depends on (the logo): path → SHA-256."""
    if folder is None or (path := logo_path(k, folder)) is None:
        return {}
    return {str(path.resolve()): hashlib.sha256(path.read_bytes()).hexdigest()}


def luminance(hex6: str) -> float:
    """The relative luminance of an RRGGBB colour (WCAG), for contrast checks."""

    def lin(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex6[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


#: The least contrast ratio for normal-size text (WCAG 2.1, 1.4.3, level AA).
TEXT_RATIO = 4.5


def _nb(ratio: float) -> str:
    return f"{ratio:.1f}".replace(".", ",")


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two RRGGBB colours (1 to 21)."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def text_on(fill: str) -> str:
    """Black or white text for a fill, whichever contrasts more (never below 4.58:1)."""
    return "FFFFFF" if contrast(fill, "FFFFFF") >= contrast(fill, "000000") else "000000"


def readable_on_white(hex6: str, ratio: float = TEXT_RATIO) -> str:
    """The colour itself when text in it reaches ``ratio`` on white, else the lightest
    darker shade of it (towards black, same hue) that does."""
    if contrast(hex6, "FFFFFF") >= ratio:
        return hex6
    rgb = [int(hex6[i:i + 2], 16) for i in (0, 2, 4)]
    for step in range(1, 101):
        keep = 1 - step / 100
        shade = "".join(f"{round(c * keep):02X}" for c in rgb)
        if contrast(shade, "FFFFFF") >= ratio:
            return shade
    return "000000"
