"""What every chart shares: the :class:`Chart` it returns, the style, Norwegian numbers.

Every chart function returns a :class:`Chart`: the PNG, a Norwegian (bokmål) alt
text stating what is shown and the key figures, and the width the figure is
meant to be placed at in the document.

Rendering uses :class:`matplotlib.figure.Figure` with the Agg canvas directly
(:func:`figure`), so no pyplot global state is touched. Style settings (fonts,
colours, DPI) are applied per figure through :func:`matplotlib.rc_context` in
:func:`render`, the one place they are set. Output is deterministic: the same input
gives byte-identical PNGs (no software/date metadata is written).

Text is never parsed as mathtext, so names containing ``$`` are drawn as is.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter

from ...norsk import tall
from ..palette import MUTED, hex_rgb, primary

DPI = 200
DEFAULT_WIDTH_CM = 16.0
CM = 1 / 2.54

_NBSP = "\u00a0"
_MINUS = "\u2212"

_TEXT = "#262626"
GRID = "#D9D9D9"



def _font_families(document_font: str | None = None) -> list[str]:
    """The document's font (the profile's «Skrift», else Carlito, metric-compatible with
    the default Calibri) when the machine has it, with DejaVu Sans after it for any glyph
    it lacks; DejaVu Sans alone otherwise (it ships with matplotlib), so a chart never asks
    for a font that is not there. The PNG carries the glyphs: nothing to embed later."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    wanted = (document_font, DOCUMENT_FONT, "DejaVu Sans")
    return list(dict.fromkeys(n for n in wanted if n and n in names)) or ["DejaVu Sans"]


DOCUMENT_FONT = "Carlito"
FONT_FAMILIES = _font_families()


def chart_fonts() -> list[str]:
    """The font families of the charts drawn now (inside :func:`..palette.drawn_in`)."""
    from ..palette import font

    return _font_families(font()) if font() else FONT_FAMILIES

_RC: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": FONT_FAMILIES,
    "font.size": 9,
    "text.parse_math": False,
    "text.color": _TEXT,
    "axes.labelcolor": _TEXT,
    "axes.edgecolor": hex_rgb(MUTED),
    "axes.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "axes.axisbelow": True,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "xtick.color": _TEXT,
    "ytick.color": _TEXT,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "grid.color": GRID,
    "grid.linewidth": 0.6,
    "legend.frameon": False,
    "legend.fontsize": 8.5,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}


@dataclass(frozen=True)
class Chart:
    """A rendered figure: PNG bytes, alt text and intended width in the document."""

    png: bytes
    alt: str
    width_cm: float


# --------------------------------------------------------------------------- number formatting


def nb(x: float, decimals: int = 0) -> str:
    """Format a number the Norwegian way: ``1 200``, ``12,5``, ``−3,1``.

    Delegates to :func:`generator.norsk.tall` (non-breaking space between
    thousands, decimal comma, true minus sign) so charts and tables round the
    same way; a negative value that rounds to zero loses its minus sign.
    """
    text = tall(x, decimals)
    return text[1:] if text.startswith(_MINUS) and not text.strip(_MINUS + "0," + _NBSP) else text


def nb_auto(x: float) -> str:
    """A score or percentage with one decimal only when it is not whole."""
    return nb(x, 0 if round(x, 1) == round(x) else 1)


def money(kroner: float) -> str:
    """An amount in kroner for alt texts: ``3,1 mill. kr`` or ``450 000 kr``."""
    if abs(kroner) >= 950_000:
        return f"{nb(kroner / 1e6, 1)} mill. kr"
    return f"{nb(round(kroner, -3))} kr"


class NbFormatter(Formatter):
    """Tick formatter with Norwegian numbers; decimals follow the tick spacing."""

    def __init__(self, scale: float = 1.0, suffix: str = "") -> None:
        self.scale = scale
        self.suffix = suffix
        self.decimals = 0

    def set_locs(self, locs: Any) -> None:
        super().set_locs(locs)
        values = [v / self.scale for v in locs]
        for decimals in range(5):
            if all(abs(v - round(v, decimals)) < 1e-9 * max(1.0, abs(v)) for v in values):
                break
        self.decimals = decimals

    def __call__(self, x: float, pos: int | None = None) -> str:
        return nb(x / self.scale, self.decimals) + self.suffix


# --------------------------------------------------------------------------- helpers


def figure(width_cm: float, height_cm: float, **kwargs: Any) -> Figure:
    """A figure of the given size in cm on its own Agg canvas (no pyplot)."""
    fig = Figure(figsize=(width_cm * CM, height_cm * CM), dpi=DPI, **kwargs)
    FigureCanvasAgg(fig)
    return fig


def render(build: Callable[[], Figure]) -> bytes:
    """Build a figure inside the chart style and return it as PNG bytes."""
    with matplotlib.rc_context(cast(Any, _RC | {"font.sans-serif": chart_fonts()})):
        fig = build()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def title(fig: Figure, heading: str, at: tuple[float, float] | None = None) -> None:
    """The chart's heading, capitalised: as suptitle, or at ``at`` (figure coordinates)."""
    if not heading:
        return
    style: dict[str, Any] = {"ha": "left", "fontsize": 10, "fontweight": "bold",
                             "color": hex_rgb(primary())}
    text = heading[:1].upper() + heading[1:]
    if at is None:
        fig.suptitle(text, x=0.01, **style)
    else:
        fig.text(*at, text, va="top", **style)


def wrap(text: str, width: int) -> str:
    """``text`` in lines of at most ``width`` characters where the words allow (a long word
    stays whole)."""
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=True)
    return "\n".join(lines) or text
