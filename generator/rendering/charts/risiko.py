"""The risk heat map of the tertialrapport: an n×n matrix of sannsynlighet × konsekvens.

Cells are shaded green, yellow or red by the risk factor RF = S × K against the two
thresholds (:func:`heatmap_cells`), and each risk's id is written in its cell, as many as
fit. The alt text lists the risks by colour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch, Rectangle

from ...texts import _ as tr
from .. import palette
from ..palette import STATUS_FILL, hex_rgb
from .common import CM, DPI, Chart, chart_fonts, figure, render, title


def _join_nb(items: Sequence[str]) -> str:
    """``a``, ``a og b``, ``a, b og c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


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
    cell_px = side / levels * CM * DPI
    shades = heatmap_cells(levels, gul_fra, rød_fra)

    cells: dict[tuple[int, int], list[str]] = {}
    for rid, s, k in risks:
        cells.setdefault((s, k), []).append(rid)

    def build() -> Figure:
        fig = figure(width_cm, height_cm)
        ax = fig.add_axes((left / width_cm, bottom / height_cm, side / width_cm, side / height_cm))
        renderer = cast(Any, fig.canvas).get_renderer()  # Agg canvas

        def measure(text: str, size: float) -> float:
            prop = FontProperties(family=chart_fonts(), weight="bold", size=size)
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
                    color=hex_rgb(palette.SECONDARY_TEXT),
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
        ax.set_xlabel(tr("Konsekvens"), labelpad=4)
        ax.set_ylabel(tr("Sannsynlighet"), labelpad=6)
        title(fig, heading, (0.015, 1 - 0.35 / height_cm))
        handles = [
            Patch(facecolor=hex_rgb(STATUS_FILL["grønn"]),
                  label=tr("Lav (RF < {gul})").format(gul=gul_fra)),
            Patch(
                facecolor=hex_rgb(STATUS_FILL["gul"]),
                label=tr("Middels (RF {gul}–{rød})").format(gul=gul_fra, rød=rød_fra - 1),
            ),
            Patch(facecolor=hex_rgb(STATUS_FILL["rød"]),
                  label=tr("Høy (RF ≥ {rød})").format(rød=rød_fra)),
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

    png = render(build)

    by_status: dict[str, list[tuple[int, str, int, int]]] = {"rød": [], "gul": [], "grønn": []}
    for rid, s, k in risks:
        by_status[_status(s * k, gul_fra, rød_fra)].append((s * k, rid, s, k))
    for items in by_status.values():
        items.sort(key=lambda item: -item[0])

    scale = f"{names[0]}–{names[-1]}"
    alt = tr("Risikomatrise {n} × {n} med konsekvens ({skala}) vannrett og "
            "sannsynlighet ({skala}) loddrett").format(n=levels, skala=scale)
    alt += f", {heading}" if heading else ""
    alt += tr(
        ". Cellene er farget etter risikofaktor RF = sannsynlighet × konsekvens: "
        "grønn under {gul}, gul fra {gul}, rød fra {rød}."
    ).format(gul=gul_fra, rød=rød_fra)
    if not risks:
        alt += tr(" Ingen risikoer er plassert.")
        return Chart(png=png, alt=alt, width_cm=width_cm)
    counts = [
        f"{len(by_status[st])} {word}"
        for st, word in (("rød", tr("røde")), ("gul", tr("gule")), ("grønn", tr("grønne")))
        if by_status[st]
    ]
    alt += tr(" {n} risikoer: {antall}.").format(n=len(risks), antall=_join_nb(counts))
    for st, word in (("rød", tr("Røde")), ("gul", tr("Gule")), ("grønn", tr("Grønne"))):
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
