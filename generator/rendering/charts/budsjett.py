"""The budget chart of the tertialrapport: budget, actual to date and forecast per rammeområde.

Horizontal grouped bars in millions of kroner, one slot per area (long names wrap and
get a taller slot), with a Norwegian alt text naming the largest deviation.
"""

from __future__ import annotations

from typing import cast

from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, MaxNLocator

from ...texts import _ as tr
from ..palette import MUTED, accent, hex_rgb, light, primary
from .common import DEFAULT_WIDTH_CM, Chart, NbFormatter, figure, money, render, title, wrap


def budget_chart(areas: list[tuple[str, float, float, float]], heading: str,
                 income: list[tuple[str, float, float, float]] | None = None) -> Chart:
    """Horizontal grouped bars per rammeområde: budget, actual to date and forecast.

    ``areas`` holds (name, budsjett, regnskap hittil, prognose) in kroner; the
    axis is in millions. Negative values (income areas) extend left of zero.
    ``income`` (the same tuples, e.g. «Skatter og rammetilskudd») gets a panel of its own
    under the service areas, with its own scale, so it does not shrink them to slivers.
    """
    if not areas:
        return _no_areas(heading)
    width_cm = DEFAULT_WIDTH_CM
    panels = [areas] + ([income] if income else [])

    def slots(rows: list[tuple[str, float, float, float]]) -> tuple[list[str], list[float]]:
        labels = [wrap(name, 28) for name, *_ in rows]
        return labels, [max(1.0, 0.42 * (lb.count("\n") + 1) + 0.3) for lb in labels]

    laid = [slots(rows) for rows in panels]
    height_cm = sum(sum(s) for _, s in laid) + (3.4 if heading else 2.7) + 0.9 * (len(panels) - 1)

    series = [
        (tr("Budsjett"), 1, hex_rgb(light()), hex_rgb(accent())),
        (tr("Regnskap hittil"), 2, hex_rgb(accent()), hex_rgb(accent())),
        (tr("Prognose"), 3, hex_rgb(primary()), hex_rgb(primary())),
    ]

    def build() -> Figure:
        fig = figure(width_cm, height_cm, layout="constrained")
        axes = fig.subplots(len(panels), 1, squeeze=False,
                            height_ratios=[sum(s) for _, s in laid])[:, 0]
        for ax, rows, (labels, slot_cm) in zip(axes, panels, laid, strict=True):
            # centre of each slot, top to bottom, in cm units so long labels get room
            centres = []
            y = 0.0
            for s in slot_cm:
                centres.append(y + s / 2)
                y += s
            bar_h = 0.24
            for label, index, face, edge in series:
                values = [cast(float, row[index]) / 1e6 for row in rows]
                offsets = [c + (index - 2) * bar_h for c in centres]
                ax.barh(
                    offsets,
                    values,
                    height=bar_h * 0.92,
                    color=face,
                    edgecolor=edge,
                    linewidth=0.6,
                    label=label if ax is axes[0] else None,
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
            ax.set_xlabel(tr("mill. kr"))
            ax.margins(x=0.03)
        if len(axes) > 1:
            axes[1].set_title(tr("Inntekter (egen skala)"), loc="left", fontsize=8.5)
        title(fig, heading)
        fig.legend(loc="outside lower center", ncols=3, handlelength=1.4)
        return fig

    png = render(build)

    total_budget = sum(row[1] for row in areas)
    total_forecast = sum(row[3] for row in areas)
    name, budget, _, forecast = max(areas, key=lambda row: abs(row[3] - row[1]))
    deviation = forecast - budget
    alt = tr("Stolpediagram: budsjett, regnskap hittil og prognose per rammeområde")
    alt += f", {heading}" if heading else ""
    alt += tr(". {n} rammeområder").format(n=len(areas))
    alt += tr(", samlet prognose {prognose} mot budsjett {budsjett}.").format(
        prognose=money(total_forecast), budsjett=money(total_budget))
    if abs(deviation) < 500:
        alt += tr(" Ingen vesentlige avvik mellom prognose og budsjett.")
    else:
        text = (tr(" Største avvik: {navn}, prognose {beløp} over budsjett.") if deviation > 0
                else tr(" Største avvik: {navn}, prognose {beløp} under budsjett."))
        alt += text.format(navn=name, beløp=money(abs(deviation)))
    if income:
        alt += tr(" Inntektene er vist for seg med egen skala: ") + "; ".join(
            tr("{navn}, budsjett {budsjett}, prognose {prognose}").format(
                navn=n, budsjett=money(b), prognose=money(f)) for n, b, _, f in income) + "."
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
