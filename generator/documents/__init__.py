"""One module per document kind; each declares its :class:`~.kind.DocumentKind` and turns
the model into planned documents.

``KINDS`` (from :mod:`.kind`) holds the declarations by name, in the product's order:
``KINDS[name].documents(data, source, tertial)`` returns
:class:`~generator.documents.common.Planned` documents: file name, template, context and
the workbook rows they came from.
"""

from . import lederavtale, oppdragsbrev, tertialrapport, utviklingsstrategi
from .common import PlanError, Planned
from .kind import KINDS, DocumentKind, register

for _kind in (oppdragsbrev.KIND, tertialrapport.KIND, utviklingsstrategi.KIND, lederavtale.KIND):
    register(_kind)

__all__ = ["KINDS", "DocumentKind", "PlanError", "Planned", "register"]
