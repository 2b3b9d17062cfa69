"""Stage 4, rendering: the documents' charts as PNG with alt text, one module per chart."""

from .budsjett import budget_chart
from .common import Chart
from .kompass import kompass_radar
from .risiko import heatmap_cells, risk_heatmap
from .sykefravaer import sykefravær_chart

__all__ = ["Chart", "budget_chart", "heatmap_cells", "kompass_radar", "risk_heatmap",
           "sykefravær_chart"]
