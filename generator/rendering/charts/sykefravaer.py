"""The sick-leave chart of the tertialrapport: per cent per tertial against the target.

A line with labelled points and a dashed target line; with last year's figures a thinner
second line. The alt text gives the last measurement against the target and every value.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ...texts import _ as tr
from ..palette import MUTED, accent, hex_rgb, primary
from .common import DEFAULT_WIDTH_CM, Chart, NbFormatter, figure, nb, render, title, wrap


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
    labels = [wrap(label, wrap_at) for label, _ in points]
    values = [value for _, value in points]
    at = {label: x for x, (label, _) in enumerate(points)}
    before = [(at[label], value) for label, value in last_year or [] if label in at]
    top = max([*values, *(v for _, v in before), target]) * 1.25 or 1.0

    def build() -> Figure:
        fig = figure(width_cm, height_cm, layout="constrained")
        ax = fig.add_subplot()
        xs = list(range(n))
        ax.axhline(target, color=hex_rgb(MUTED), linewidth=1.2, linestyle=(0, (5, 3)))
        ax.annotate(
            tr("Mål {verdi} %").format(verdi=nb(target, 1)),
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
                ax.annotate(f"{nb(value, 1)} %", xy=(x, value), xytext=(0, 7),
                            textcoords="offset points", ha="center", va="bottom",
                            fontsize=7.5, color=hex_rgb(accent()))
            ax.legend(loc="upper right", fontsize=8, frameon=False, ncols=2)
        for x, value in zip(xs, values, strict=True):
            # below the point in a dip of the line, above it otherwise
            neighbours = values[max(0, x - 1) : x] + values[x + 1 : x + 2]
            below = bool(neighbours) and value < sum(neighbours) / len(neighbours)
            below = below or any(bx == x and bv >= value for bx, bv in before)  # clear of i fjor
            ax.annotate(
                f"{nb(value, 1)} %",
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
        ax.yaxis.set_major_formatter(NbFormatter(suffix=" %"))
        ax.grid(axis="y")
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        title(fig, heading)
        return fig

    png = render(build)

    last_label, last = points[-1]
    diff = last - target
    alt = tr("Linjediagram: sykefravær i prosent per tertial")
    alt += f", {heading}" if heading else ""
    alt += tr(". Siste måling {siste} % ({når}), mål {mål} %").format(
        siste=nb(last, 1), når=last_label, mål=nb(target, 1))
    if abs(diff) < 0.05:
        alt += tr(", som er på målet.")
    else:
        text = (tr(", {diff} prosentpoeng over målet.") if diff > 0
                else tr(", {diff} prosentpoeng under målet."))
        alt += text.format(diff=nb(abs(diff), 1))
    if n > 1:
        listed = [f"{label} {nb(value, 1)} %" for label, value in points]
        alt += tr(" Verdier: ") + "; ".join(listed) + "."
    if before:
        alt += tr(" Samme tertial i fjor: ") + "; ".join(
            f"{points[x][0]} {nb(v, 1)} %" for x, v in before) + "."
    return Chart(png=png, alt=alt, width_cm=width_cm)
