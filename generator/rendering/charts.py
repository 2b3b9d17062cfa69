"""Matplotlib figures for the documents, rendered to PNG bytes.

Every function returns a :class:`Chart`: the PNG, a Norwegian (bokmål) alt
text stating what is shown and the key figures, and the width the figure is
meant to be placed at in the document.

Rendering uses :class:`matplotlib.figure.Figure` with the Agg canvas directly,
so no pyplot global state is touched. Style settings are applied per figure
through :func:`matplotlib.rc_context`. Output is deterministic: the same input
gives byte-identical PNGs (no software/date metadata is written).

Text is never parsed as mathtext, so names containing ``$`` are drawn as is.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import FixedLocator, Formatter, MaxNLocator

from ..norsk import tall
from .palette import MUTED, STATUS_FILL, accent, hex_rgb, light, primary

DPI = 200
DEFAULT_WIDTH_CM = 16.0
_CM = 1 / 2.54

_NBSP = "\u00a0"
_MINUS = "\u2212"

_TEXT = "#262626"
_GRID = "#D9D9D9"

_RC: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
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
    "grid.color": _GRID,
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


def _nb(x: float, decimals: int = 0) -> str:
    """Format a number the Norwegian way: ``1 200``, ``12,5``, ``−3,1``.

    Delegates to :func:`generator.norsk.tall` (non-breaking space between
    thousands, decimal comma, true minus sign) so charts and tables round the
    same way; a negative value that rounds to zero loses its minus sign.
    """
    text = tall(x, decimals)
    return text[1:] if text.startswith(_MINUS) and not text.strip(_MINUS + "0," + _NBSP) else text


def _nb_auto(x: float) -> str:
    """A score or percentage with one decimal only when it is not whole."""
    return _nb(x, 0 if round(x, 1) == round(x) else 1)


def _money(kroner: float) -> str:
    """An amount in kroner for alt texts: ``3,1 mill. kr`` or ``450 000 kr``."""
    if abs(kroner) >= 950_000:
        return f"{_nb(kroner / 1e6, 1)} mill. kr"
    return f"{_nb(round(kroner, -3))} kr"


class _NbFormatter(Formatter):
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
        return _nb(x / self.scale, self.decimals) + self.suffix


# --------------------------------------------------------------------------- helpers


def _figure(width_cm: float, height_cm: float, **kwargs: Any) -> Figure:
    fig = Figure(figsize=(width_cm * _CM, height_cm * _CM), dpi=DPI, **kwargs)
    FigureCanvasAgg(fig)
    return fig


def _render(build: Callable[[], Figure]) -> bytes:
    """Build a figure inside the chart style and return it as PNG bytes."""
    with matplotlib.rc_context(cast(Any, _RC)):
        fig = build()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    return buf.getvalue()


def _title(fig: Figure, heading: str, at: tuple[float, float] | None = None) -> None:
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


def _wrap(text: str, width: int) -> str:
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=True)
    return "\n".join(lines) or text


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


def _join_nb(items: Sequence[str]) -> str:
    """``a``, ``a og b``, ``a, b og c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


# --------------------------------------------------------------------------- budget


def budget_chart(areas: list[tuple[str, float, float, float]], heading: str) -> Chart:
    """Horizontal grouped bars per rammeområde: budget, actual to date and forecast.

    ``areas`` holds (name, budsjett, regnskap hittil, prognose) in kroner; the
    axis is in millions. Negative values (income areas) extend left of zero.
    """
    if not areas:
        raise ValueError("budget_chart needs at least one area")
    width_cm = DEFAULT_WIDTH_CM
    labels = [_wrap(name, 28) for name, *_ in areas]
    lines = [label.count("\n") + 1 for label in labels]
    slot_cm = [max(1.0, 0.42 * n + 0.3) for n in lines]
    height_cm = sum(slot_cm) + (3.4 if heading else 2.7)

    series = [
        ("Budsjett", 1, hex_rgb(light()), hex_rgb(accent())),
        ("Regnskap hittil", 2, hex_rgb(accent()), hex_rgb(accent())),
        ("Prognose", 3, hex_rgb(primary()), hex_rgb(primary())),
    ]

    def build() -> Figure:
        fig = _figure(width_cm, height_cm, layout="constrained")
        ax = fig.add_subplot()
        # centre of each slot, top to bottom, in cm units so long labels get room
        centres = []
        y = 0.0
        for s in slot_cm:
            centres.append(y + s / 2)
            y += s
        bar_h = 0.24
        for label, index, face, edge in series:
            values = [cast(float, row[index]) / 1e6 for row in areas]
            offsets = [c + (index - 2) * bar_h for c in centres]
            ax.barh(
                offsets,
                values,
                height=bar_h * 0.92,
                color=face,
                edgecolor=edge,
                linewidth=0.6,
                label=label,
            )
        ax.set_ylim(y, 0)
        ax.yaxis.set_major_locator(FixedLocator(centres))
        ax.set_yticklabels(labels)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        ax.axvline(0, color=hex_rgb(MUTED), linewidth=0.8)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 2.5, 5, 10]))
        ax.xaxis.set_major_formatter(_NbFormatter())
        ax.grid(axis="x")
        ax.set_xlabel("mill. kr")
        ax.margins(x=0.03)
        _title(fig, heading)
        fig.legend(loc="outside lower center", ncols=3, handlelength=1.4)
        return fig

    png = _render(build)

    total_budget = sum(row[1] for row in areas)
    total_forecast = sum(row[3] for row in areas)
    name, budget, _, forecast = max(areas, key=lambda row: abs(row[3] - row[1]))
    deviation = forecast - budget
    alt = "Stolpediagram: budsjett, regnskap hittil og prognose per rammeområde"
    alt += f", {heading}" if heading else ""
    alt += f". {len(areas)} rammeområder"
    alt += f", samlet prognose {_money(total_forecast)} mot budsjett {_money(total_budget)}."
    if abs(deviation) < 500:
        alt += " Ingen vesentlige avvik mellom prognose og budsjett."
    else:
        retning = "over" if deviation > 0 else "under"
        alt += f" Største avvik: {name}, prognose {_money(abs(deviation))} {retning} budsjett."
    return Chart(png=png, alt=alt, width_cm=width_cm)


# --------------------------------------------------------------------------- sick leave


def sykefravær_chart(points: list[tuple[str, float]], target: float, heading: str,
                     last_year: list[tuple[str, float]] | None = None) -> Chart:
    """Line chart of sick leave in per cent per tertial, with a dashed target line.

    ``points`` holds (label, per cent), e.g. ("1. tertial 2026", 6.4). ``last_year`` (same
    labels, the same tertial a year earlier) adds a thinner grey line with a legend;
    without it the chart is as before.
    """
    if not points:
        raise ValueError("sykefravær_chart needs at least one point")
    width_cm = DEFAULT_WIDTH_CM
    height_cm = 8.0 if heading else 7.3
    n = len(points)
    wrap_at = max(10, int(13.0 / n / 0.17))  # "1. tertial 2026" → "1. tertial" / "2026"
    labels = [_wrap(label, wrap_at) for label, _ in points]
    values = [value for _, value in points]
    at = {label: x for x, (label, _) in enumerate(points)}
    before = [(at[label], value) for label, value in last_year or [] if label in at]
    top = max([*values, *(v for _, v in before), target]) * 1.25 or 1.0

    def build() -> Figure:
        fig = _figure(width_cm, height_cm, layout="constrained")
        ax = fig.add_subplot()
        xs = list(range(n))
        ax.axhline(target, color=hex_rgb(MUTED), linewidth=1.2, linestyle=(0, (5, 3)))
        ax.annotate(
            f"Mål {_nb(target, 1)} %",
            xy=(1.0, target),
            xycoords=("axes fraction", "data"),
            xytext=(4, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            color=hex_rgb(MUTED),
            fontsize=8.5,
        )
        ax.plot(
            xs,
            values,
            color=hex_rgb(primary()),
            linewidth=2,
            marker="o",
            markersize=5.5,
            markerfacecolor=hex_rgb(primary()),
            markeredgecolor="white",
            markeredgewidth=1,
            zorder=3,
            label=None if not before else "I år",
        )
        if before:
            ax.plot([x for x, _ in before], [v for _, v in before], color=hex_rgb(accent()),
                    linewidth=1.5, marker="s", markersize=4.5, zorder=2, label="I fjor")
            for x, value in before:
                ax.annotate(f"{_nb(value, 1)} %", xy=(x, value), xytext=(0, 7),
                            textcoords="offset points", ha="center", va="bottom",
                            fontsize=7.5, color=hex_rgb(accent()))
            ax.legend(loc="upper right", fontsize=8, frameon=False, ncols=2)
        for x, value in zip(xs, values, strict=True):
            # below the point in a dip of the line, above it otherwise
            neighbours = values[max(0, x - 1) : x] + values[x + 1 : x + 2]
            below = bool(neighbours) and value < sum(neighbours) / len(neighbours)
            below = below or any(bx == x and bv >= value for bx, bv in before)  # clear of i fjor
            ax.annotate(
                f"{_nb(value, 1)} %",
                xy=(x, value),
                xytext=(0, -8 if below else 7),
                textcoords="offset points",
                ha="center",
                va="top" if below else "bottom",
                fontsize=8.5,
                fontweight="bold",
                color=hex_rgb(primary()),
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
                zorder=4,
            )
        ax.set_xticks(xs, labels)
        ax.set_xlim(-0.5, n - 0.5)
        ax.set_ylim(0, top)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
        ax.yaxis.set_major_formatter(_NbFormatter(suffix=" %"))
        ax.grid(axis="y")
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        _title(fig, heading)
        return fig

    png = _render(build)

    last_label, last = points[-1]
    diff = last - target
    alt = "Linjediagram: sykefravær i prosent per tertial"
    alt += f", {heading}" if heading else ""
    alt += f". Siste måling {_nb(last, 1)} % ({last_label}), mål {_nb(target, 1)} %"
    if abs(diff) < 0.05:
        alt += ", som er på målet."
    else:
        retning = "over" if diff > 0 else "under"
        alt += f", {_nb(abs(diff), 1)} prosentpoeng {retning} målet."
    if n > 1:
        listed = [f"{label} {_nb(value, 1)} %" for label, value in points]
        alt += " Verdier: " + "; ".join(listed) + "."
    if before:
        alt += " Samme tertial i fjor: " + "; ".join(
            f"{points[x][0]} {_nb(v, 1)} %" for x, v in before) + "."
    return Chart(png=png, alt=alt, width_cm=width_cm)


# --------------------------------------------------------------------------- risk heat map


def _status(rf: int, gul_fra: int, rød_fra: int) -> str:
    if rf >= rød_fra:
        return "rød"
    if rf >= gul_fra:
        return "gul"
    return "grønn"


def _fit_ids(
    ids: list[str], width_px: float, height_px: float, measure: Callable[[str, float], float]
) -> tuple[str, float]:
    """Arrange risk ids in lines that fit a cell; returns (text, font size).

    Tries the largest font first and as few ids per line as the height
    allows. If nothing fits at the smallest size, the tail is replaced by
    ``+N``; an id too long for the cell on its own gets a smaller font.
    """
    sizes = (8.0, 7.0, 6.0, 5.5)
    line_factor = 1.25
    n = len(ids)
    for size in sizes:
        line_px = size * line_factor * DPI / 72
        for per_line in range(1, n + 1):
            rows = [ids[i : i + per_line] for i in range(0, n, per_line)]
            if len(rows) * line_px > height_px:
                continue
            texts = [" ".join(row) for row in rows]
            if max(measure(t, size) for t in texts) <= width_px:
                return "\n".join(texts), size
            break  # more per line only gets wider
    # overflow: as many as fit at the smallest size, then "+N"
    size = sizes[-1]
    line_px = size * line_factor * DPI / 72
    max_rows = max(1, int(height_px // line_px))
    per_line = 1
    while per_line < n and measure(" ".join(ids[: per_line + 1]), size) <= width_px:
        per_line += 1
    shown = max(1, min(n - 1, max_rows * per_line))
    while True:
        visible = ids[:shown]
        rows = [visible[i : i + per_line] for i in range(0, shown, per_line)]
        rows[-1] = [*rows[-1], f"+{n - shown}"]
        if shown == 1 or measure(" ".join(rows[-1]), size) <= width_px:
            texts = [" ".join(row) for row in rows]
            widest = max(measure(t, size) for t in texts)
            if widest > width_px:
                size = max(4.0, size * width_px / widest)
            return "\n".join(texts), size
        shown -= 1


def heatmap_cells(levels: int, gul_fra: int, rød_fra: int) -> dict[tuple[int, int], str]:
    """The matrix's colour per (sannsynlighet, konsekvens) cell: «grønn», «gul» or «rød»."""
    return {(s, k): _status(s * k, gul_fra, rød_fra)
            for s in range(1, levels + 1) for k in range(1, levels + 1)}


def risk_heatmap(
    risks: list[tuple[str, int, int]], gul_fra: int, rød_fra: int, heading: str,
    levels: int = 5, labels: Sequence[str] | None = None,
) -> Chart:
    """n×n risk matrix (5×5 by default): consequence on x, probability on y, shaded by RF = S×K.

    ``risks`` holds (id, sannsynlighet, konsekvens), both 1–``levels``. A cell is red
    when RF ≥ ``rød_fra``, yellow when RF ≥ ``gul_fra``, otherwise green. ``labels``
    name the levels on the axes (e.g. L, M, H); the default is the numbers.
    """
    names = list(labels) if labels else [str(i) for i in range(1, levels + 1)]
    if len(names) != levels:
        raise ValueError("one label per level")
    for rid, s, k in risks:
        if not (1 <= s <= levels and 1 <= k <= levels):
            raise ValueError(f"risk {rid}: sannsynlighet and konsekvens must be 1–{levels}")
    if gul_fra > rød_fra:
        raise ValueError("gul_fra must not be above rød_fra")

    width_cm = 12.0
    left, right, top_m, bottom = 1.7, 0.4, (1.0 if heading else 0.4), 2.1
    side = width_cm - left - right
    height_cm = side + top_m + bottom
    cell_px = side / levels * _CM * DPI
    shades = heatmap_cells(levels, gul_fra, rød_fra)

    cells: dict[tuple[int, int], list[str]] = {}
    for rid, s, k in risks:
        cells.setdefault((s, k), []).append(rid)

    def build() -> Figure:
        fig = _figure(width_cm, height_cm)
        ax = fig.add_axes((left / width_cm, bottom / height_cm, side / width_cm, side / height_cm))
        renderer = cast(Any, fig.canvas).get_renderer()  # Agg canvas

        def measure(text: str, size: float) -> float:
            prop = FontProperties(family="DejaVu Sans", weight="bold", size=size)
            w, _, _ = renderer.get_text_width_height_descent(text, prop, ismath=False)
            return w

        for s in range(1, levels + 1):
            for k in range(1, levels + 1):
                rf = s * k
                ax.add_patch(
                    Rectangle(
                        (k - 0.5, s - 0.5),
                        1,
                        1,
                        facecolor=hex_rgb(STATUS_FILL[shades[(s, k)]]),
                        edgecolor="white",
                        linewidth=2,
                    )
                )
                ax.text(
                    k - 0.45,
                    s + 0.45,
                    str(rf),
                    ha="left",
                    va="top",
                    fontsize=6.5,
                    color=hex_rgb(MUTED),
                )
                ids = cells.get((s, k))
                if ids:
                    text, size = _fit_ids(ids, cell_px * 0.86, cell_px * 0.70, measure)
                    ax.text(
                        k,
                        s - 0.06,
                        text,
                        ha="center",
                        va="center",
                        ma="center",
                        fontsize=size,
                        fontweight="bold",
                        color="#1A1A1A",
                        linespacing=1.1,
                    )
        ax.set_xlim(0.5, levels + 0.5)
        ax.set_ylim(0.5, levels + 0.5)
        ax.set_xticks(range(1, levels + 1), names)
        ax.set_yticks(range(1, levels + 1), names)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_xlabel("Konsekvens", labelpad=4)
        ax.set_ylabel("Sannsynlighet", labelpad=6)
        _title(fig, heading, (0.015, 1 - 0.35 / height_cm))
        handles = [
            Patch(facecolor=hex_rgb(STATUS_FILL["grønn"]), label=f"Lav (RF < {gul_fra})"),
            Patch(
                facecolor=hex_rgb(STATUS_FILL["gul"]),
                label=f"Middels (RF {gul_fra}–{rød_fra - 1})",
            ),
            Patch(facecolor=hex_rgb(STATUS_FILL["rød"]), label=f"Høy (RF ≥ {rød_fra})"),
        ]
        fig.legend(
            handles=handles,
            loc="lower center",
            bbox_to_anchor=(0.5 + (left - right) / 2 / width_cm, 0.1 / height_cm),
            ncols=3,
            handlelength=1.2,
            handleheight=1.2,
            columnspacing=1.4,
        )
        return fig

    png = _render(build)

    by_status: dict[str, list[tuple[int, str, int, int]]] = {"rød": [], "gul": [], "grønn": []}
    for rid, s, k in risks:
        by_status[_status(s * k, gul_fra, rød_fra)].append((s * k, rid, s, k))
    for items in by_status.values():
        items.sort(key=lambda item: -item[0])

    scale = f"{names[0]}–{names[-1]}"
    alt = (f"Risikomatrise {levels} × {levels} med konsekvens ({scale}) vannrett og "
           f"sannsynlighet ({scale}) loddrett")
    alt += f", {heading}" if heading else ""
    alt += (
        f". Cellene er farget etter risikofaktor RF = sannsynlighet × konsekvens: "
        f"grønn under {gul_fra}, gul fra {gul_fra}, rød fra {rød_fra}."
    )
    if not risks:
        alt += " Ingen risikoer er plassert."
        return Chart(png=png, alt=alt, width_cm=width_cm)
    counts = [
        f"{len(by_status[st])} {word}"
        for st, word in (("rød", "røde"), ("gul", "gule"), ("grønn", "grønne"))
        if by_status[st]
    ]
    alt += f" {len(risks)} risikoer: {_join_nb(counts)}."
    for st, word in (("rød", "Røde"), ("gul", "Gule"), ("grønn", "Grønne")):
        items = by_status[st]
        if not items or (st == "grønn" and len(items) > 10):
            continue
        if st == "rød" or len(items) <= 10:
            gap = "" if names[0].isdigit() else " "  # «S4», but «S H» for letters
            listed = [f"{rid} (S{gap}{names[s - 1]} × K{gap}{names[k - 1]} = {rf})"
                      for rf, rid, s, k in items]
        else:
            listed = [rid for _, rid, _, _ in items]
        alt += f" {word}: {_join_nb(listed)}."
    return Chart(png=png, alt=alt, width_cm=width_cm)


# --------------------------------------------------------------------------- Kommunekompasset


def kompass_radar(
    areas: list[tuple[str, float, float, float]], heading: str, group_label: str
) -> Chart:
    """Radar chart of Kommunekompasset scores (0–100) per area.

    ``areas`` holds (name, kommunen, landssnitt, snitt i gruppen); ``group_label``
    is the legend text for the size-group average, e.g. "Snitt kommunegruppe 11".
    """
    if len(areas) < 3:
        raise ValueError("kompass_radar needs at least three areas")
    width_cm = DEFAULT_WIDTH_CM
    n = len(areas)
    angles = [2 * math.pi * i / n for i in range(n)]
    series = [
        ("Kommunen", 1, hex_rgb(primary()), "solid", 2.0, 0.15),
        ("Landssnittet", 2, hex_rgb(MUTED), (0, (4, 2)), 1.4, 0.0),
        (group_label, 3, hex_rgb(accent()), (0, (1, 1.5)), 1.6, 0.0),
    ]

    def build() -> Figure:
        fig = _figure(width_cm, 12.0)
        renderer = cast(Any, fig.canvas).get_renderer()  # Agg canvas
        to_cm = 2.54 / DPI

        # Area labels are figure texts placed around the circle; measure them
        # first so the circle's radius and the figure height leave them room.
        labels = []
        for angle, (name, *_) in zip(angles, areas, strict=True):
            x, y = math.sin(angle), math.cos(angle)
            ha = "left" if x > 0.15 else "right" if x < -0.15 else "center"
            va = "bottom" if y > 0.15 else "top" if y < -0.15 else "center"
            text = fig.text(
                0,
                0,
                _wrap(name, 18),
                ha=ha,
                va=va,
                ma="center" if ha == "center" else ha,
                fontsize=8.5,
                linespacing=1.15,
            )
            box = text.get_window_extent(renderer)
            labels.append((text, x, y, ha, va, box.width * to_cm, box.height * to_cm))

        gap = 0.25
        half_w = width_cm / 2 - 0.15
        radius = 4.6
        for _, x, _, ha, _, w, _ in labels:
            if ha != "center":
                radius = min(radius, (half_w - w) / abs(x) - gap)
        radius = max(radius, 2.5)
        up = down = radius
        for _, _, y, _, va, _, h in labels:
            anchor = (radius + gap) * y
            if va == "bottom":
                up = max(up, anchor + h)
            elif va == "top":
                down = max(down, -anchor + h)
            else:
                up, down = max(up, anchor + h / 2), max(down, -anchor + h / 2)
        title_h, legend_h = (0.9 if heading else 0.2), 1.0
        height_cm = title_h + up + down + legend_h
        fig.set_size_inches(width_cm * _CM, height_cm * _CM)
        cx, cy = width_cm / 2, legend_h + down
        for text, x, y, *_ in labels:
            text.set_position(
                ((cx + (radius + gap) * x) / width_cm, (cy + (radius + gap) * y) / height_cm)
            )

        ax: Any = fig.add_axes(  # polar axes
            (
                (cx - radius) / width_cm,
                (cy - radius) / height_cm,
                2 * radius / width_cm,
                2 * radius / height_cm,
            ),
            projection="polar",
        )
        ax.set_theta_offset(math.pi / 2)
        ax.set_theta_direction(-1)
        ax.set_ylim(0, 100)
        ax.set_yticks([20, 40, 60, 80, 100])
        ax.set_yticklabels([])
        for r in (20, 40, 60, 80, 100):
            # drawn as texts above the data, on a light backing, between two spokes
            ax.text(
                math.pi / n,
                r,
                str(r),
                ha="center",
                va="center",
                fontsize=7,
                color=hex_rgb(MUTED),
                bbox={
                    "boxstyle": "round,pad=0.15",
                    "facecolor": "white",
                    "edgecolor": "none",
                    "alpha": 0.8,
                },
                zorder=5,
            )
        ax.set_xticks(angles)
        ax.set_xticklabels([])
        ax.grid(color=_GRID, linewidth=0.6)
        ax.spines["polar"].set_color(_GRID)
        handles = []
        for _label, index, colour, style, lw, alpha in cast(Any, series):
            values = [row[index] for row in areas]
            xs = [*angles, angles[0]]
            ys = [*values, values[0]]
            ax.plot(xs, ys, color=colour, linestyle=style, linewidth=lw, zorder=3)
            if alpha:
                ax.fill(xs, ys, color=colour, alpha=alpha, zorder=2)
                ax.plot(angles, values, "o", color=colour, markersize=3.5, zorder=4)
            handles.append(Line2D([], [], color=colour, linestyle=style, linewidth=lw))
        _title(fig, heading, (0.15 / width_cm, 1 - 0.3 / height_cm))
        fig.legend(
            handles,
            [label for label, *_ in series],
            loc="lower center",
            bbox_to_anchor=(0.5, 0.15 / height_cm),
            ncols=3,
            handlelength=2.4,
        )
        return fig

    png = _render(build)

    own = [(row[1], row[0]) for row in areas]
    best_score, best = max(own)
    worst_score, worst = min(own)
    above_national = sum(1 for row in areas if row[1] > row[2])
    if "kompass" in heading.lower():
        alt = f"Radardiagram: {heading}"
    else:
        alt = "Radardiagram: Kommunekompasset" + (f", {heading}" if heading else "")
    alt += (
        f". Poeng 0–100 på {n} områder for kommunen (heltrukket linje), landssnittet"
        f" (stiplet) og «{group_label}» (prikket)."
    )
    listed = [
        f"{name} {_nb_auto(own_)} (land {_nb_auto(nat)}, gruppe {_nb_auto(grp)})"
        for name, own_, nat, grp in areas
    ]
    alt += " Kommunen: " + "; ".join(listed) + "."
    alt += f" Sterkest: {best} ({_nb_auto(best_score)})"
    alt += f"; svakest: {worst} ({_nb_auto(worst_score)})."
    alt += f" Over landssnittet på {above_national} av {n} områder."
    return Chart(png=png, alt=_sentence(alt), width_cm=width_cm)
