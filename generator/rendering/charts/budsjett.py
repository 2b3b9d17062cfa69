"""The budget chart of the tertialrapport: budget, actual to date and forecast per rammeområde.

Horizontal grouped bars in millions of kroner, one slot per area (long names wrap and
get a taller slot), with a Norwegian alt text naming the largest deviation.
"""

from __future__ import annotations

from typing import cast

from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, MaxNLocator

from ..palette import MUTED, accent, hex_rgb, light, primary
from .common import DEFAULT_WIDTH_CM, Chart, NbFormatter, figure, money, render, title, wrap


def budget_chart(areas: list[tuple[str, float, float, float]], heading: str) -> Chart:
    """Horizontal grouped bars per rammeområde: budget, actual to date and forecast.

    ``areas`` holds (name, budsjett, regnskap hittil, prognose) in kroner; the
    axis is in millions. Negative values (income areas) extend left of zero.
    """
    if not areas:
        return _no_areas(heading)
    width_cm = DEFAULT_WIDTH_CM
    labels = [wrap(name, 28) for name, *_ in areas]
    lines = [label.count("\n") + 1 for label in labels]
    slot_cm = [max(1.0, 0.42 * n + 0.3) for n in lines]
    height_cm = sum(slot_cm) + (3.4 if heading else 2.7)

    series = [
        ("Budsjett", 1, hex_rgb(light()), hex_rgb(accent())),
        ("Regnskap hittil", 2, hex_rgb(accent()), hex_rgb(accent())),
        ("Prognose", 3, hex_rgb(primary()), hex_rgb(primary())),
    ]

    def build() -> Figure:
        fig = figure(width_cm, height_cm, layout="constrained")
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
        ax.xaxis.set_major_formatter(NbFormatter())
        ax.grid(axis="x")
        ax.set_xlabel("mill. kr")
        ax.margins(x=0.03)
        title(fig, heading)
        fig.legend(loc="outside lower center", ncols=3, handlelength=1.4)
        return fig

    png = render(build)

    total_budget = sum(row[1] for row in areas)
    total_forecast = sum(row[3] for row in areas)
    name, budget, _, forecast = max(areas, key=lambda row: abs(row[3] - row[1]))
    deviation = forecast - budget
    alt = "Stolpediagram: budsjett, regnskap hittil og prognose per rammeområde"
    alt += f", {heading}" if heading else ""
    alt += f". {len(areas)} rammeområder"
    alt += f", samlet prognose {money(total_forecast)} mot budsjett {money(total_budget)}."
    if abs(deviation) < 500:
        alt += " Ingen vesentlige avvik mellom prognose og budsjett."
    else:
        retning = "over" if deviation > 0 else "under"
        alt += f" Største avvik: {name}, prognose {money(abs(deviation))} {retning} budsjett."
    return Chart(png=png, alt=alt, width_cm=width_cm)


def _no_areas(heading: str) -> Chart:
    """A period without drift rows (e.g. only investment rows so far): a small chart that
    says so, not a crash."""
    text = "Ingen driftstall er ført for perioden."

    def build() -> Figure:
        fig = figure(DEFAULT_WIDTH_CM, 3.4, layout="constrained")
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, text, ha="center", va="center", color=hex_rgb(MUTED))
        title(fig, heading)
        return fig

    alt = "Stolpediagram: budsjett, regnskap hittil og prognose per rammeområde"
    alt += f", {heading}" if heading else ""
    return Chart(png=render(build), alt=f"{alt}. {text}", width_cm=DEFAULT_WIDTH_CM)
