"""The demo's fictional logo for «Fjellvik kommune», drawn in code (no borrowed artwork).

A shield in the profile colour with two white peaks above a fjord of three waves.
Drawn at four times the size and scaled down, so the edges are smooth; the PNG has no
time stamp, so the same code gives the same bytes.
"""

from __future__ import annotations

import io
import math
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.styringsdata import Styringsdata

LOGO_NAME = "fjellvik-logo.png"  # the bokmål demo's; Fjordvik's nynorsk demo: fjordvik-logo.png
PROFILE_COLOUR = "#1B5E7A"  # the demo's profile colour: deep fjord blue-green
SIZE = (400, 480)  # width, height in pixels


def draw(colour: str = PROFILE_COLOUR) -> bytes:
    """The logo as PNG bytes (transparent around the shield)."""
    from PIL import Image, ImageDraw  # deferred: only when the demo's logo is drawn

    scale = 4
    w, h = SIZE[0] * scale, SIZE[1] * scale
    img = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    fill = colour.lstrip("#")
    rgb = tuple(int(fill[i:i + 2], 16) for i in (0, 2, 4))
    m = 10 * scale  # margin
    # The shield: straight top and sides, a rounded point at the bottom.
    top, side_end = m, int(h * 0.55)
    shield = [(m, top), (w - m, top), (w - m, side_end)]
    steps = 60
    cx, bottom, half = w / 2, h - m, w / 2 - m
    # Each side: straight down, then 1 - t^1.8 towards a point (vertical where it starts).
    right = [(cx + half * (1 - (i / steps) ** 1.8), side_end + (bottom - side_end) * i / steps)
             for i in range(1, steps + 1)]
    shield += right + [(2 * cx - x, y) for x, y in reversed(right[:-1])]
    shield.append((m, side_end))
    d.polygon(shield, fill=(*rgb, 255))
    white = (255, 255, 255, 255)
    # Two peaks; the taller one with a notch of snow line in the shield colour.
    base = int(h * 0.56)
    d.polygon([(int(w * 0.12), base), (int(w * 0.42), int(h * 0.16)),
               (int(w * 0.62), int(h * 0.38)), (int(w * 0.72), int(h * 0.28)),
               (int(w * 0.88), base)], fill=white)
    d.polygon([(int(w * 0.33), int(h * 0.30)), (int(w * 0.42), int(h * 0.16)),
               (int(w * 0.51), int(h * 0.29)), (int(w * 0.46), int(h * 0.26)),
               (int(w * 0.42), int(h * 0.31)), (int(w * 0.38), int(h * 0.27))],
              fill=(*rgb, 255))
    # The fjord: three white waves under the mountains, shorter towards the point.
    for k, y0 in enumerate((0.64, 0.72, 0.80)):
        inset = 0.16 + 0.09 * k
        x_start, x_end = int(w * inset), int(w * (1 - inset))
        points = []
        for i in range(0, 101):
            x = x_start + (x_end - x_start) * i / 100
            y = h * y0 + math.sin(i / 100 * 4 * math.pi) * h * 0.012
            points.append((x, y))
        d.line(points, fill=white, width=int(h * 0.022), joint="curve")
    out = img.resize(SIZE, Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    out.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def file_name(kommunenavn: str) -> str:
    """The logo's file name for a demo municipality: «Fjordvik kommune» → fjordvik-logo.png."""
    first = kommunenavn.split()[0] if kommunenavn.split() else "kommune"
    return f"{first.lower()}-logo.png"


def write(folder: Path, data: Styringsdata | None = None, colour: str = PROFILE_COLOUR) -> Path:
    """Write the logo next to the demo workbooks, named as ``data``'s Kommune sheet names it
    (:func:`with_profile`; the bokmål demo's name without ``data``)."""
    path = folder / (data.kommune.logo if data is not None and data.kommune.logo else LOGO_NAME)
    path.write_bytes(draw(colour))
    return path


def with_profile(data: Styringsdata) -> Styringsdata:
    """The demo data with the demo's logo, named after the municipality, and profile colour
    in the Kommune sheet."""
    return replace(data, kommune=replace(data.kommune, logo=file_name(data.kommune.navn),
                                         profilfarge=PROFILE_COLOUR))
