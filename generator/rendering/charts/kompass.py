"""The Kommunekompasset radar of the utviklingsstrategi: the municipality's scores per area.

Scores 0–100 for the municipality, the national average and the size group's average on
one polar chart; the area names sit around the circle, which shrinks to leave them room.
"""

from __future__ import annotations

import math
from typing import Any, cast

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ...texts import _ as tr
from ..palette import MUTED, accent, hex_rgb, primary
from .common import CM, DEFAULT_WIDTH_CM, DPI, GRID, Chart, figure, nb_auto, render, title, wrap


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else text + "."


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
        (tr("Kommunen"), 1, hex_rgb(primary()), "solid", 2.0, 0.15),
        (tr("Landssnittet"), 2, hex_rgb(MUTED), (0, (4, 2)), 1.4, 0.0),
        (group_label, 3, hex_rgb(accent()), (0, (1, 1.5)), 1.6, 0.0),
    ]

    def build() -> Figure:
        fig = figure(width_cm, 12.0)
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
                wrap(name, 18),
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
        fig.set_size_inches(width_cm * CM, height_cm * CM)
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
        ax.grid(color=GRID, linewidth=0.6)
        ax.spines["polar"].set_color(GRID)
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
        title(fig, heading, (0.15 / width_cm, 1 - 0.3 / height_cm))
        fig.legend(
            handles,
            [label for label, *_ in series],
            loc="lower center",
            bbox_to_anchor=(0.5, 0.15 / height_cm),
            ncols=3,
            handlelength=2.4,
        )
        return fig

    png = render(build)

    own = [(row[1], row[0]) for row in areas]
    best_score, best = max(own)
    worst_score, worst = min(own)
    above_national = sum(1 for row in areas if row[1] > row[2])
    if "kompass" in heading.lower():
        alt = tr("Radardiagram: {tittel}").format(tittel=heading)
    else:
        alt = tr("Radardiagram: Kommunekompasset") + (f", {heading}" if heading else "")
    alt += tr(
        ". Poeng 0–100 på {n} områder for kommunen (heltrukket linje), landssnittet"
        " (stiplet) og «{gruppe}» (prikket)."
    ).format(n=n, gruppe=group_label)
    listed = [
        tr("{navn} {poeng} (land {land}, gruppe {gruppe})").format(
            navn=name, poeng=nb_auto(own_), land=nb_auto(nat), gruppe=nb_auto(grp))
        for name, own_, nat, grp in areas
    ]
    alt += tr(" Kommunen: ") + "; ".join(listed) + "."
    alt += tr(" Sterkest: {navn} ({poeng})").format(navn=best, poeng=nb_auto(best_score))
    alt += tr("; svakest: {navn} ({poeng}).").format(navn=worst, poeng=nb_auto(worst_score))
    alt += tr(" Over landssnittet på {n} av {alle} områder.").format(n=above_national, alle=n)
    return Chart(png=png, alt=_sentence(alt), width_cm=width_cm)
