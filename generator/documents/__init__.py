"""One module per document kind; each turns the model into planned documents.

``plan(data, source, …)`` returns :class:`~generator.documents.common.Planned`
documents: file name, template, context and the workbook rows they came from.
"""

from . import lederavtale, oppdragsbrev, tertialrapport, utviklingsstrategi
from .common import PlanError, Planned

KINDS = {
    oppdragsbrev.KIND: oppdragsbrev,
    tertialrapport.KIND: tertialrapport,
    utviklingsstrategi.KIND: utviklingsstrategi,
    lederavtale.KIND: lederavtale,
}

__all__ = ["KINDS", "PlanError", "Planned"]
