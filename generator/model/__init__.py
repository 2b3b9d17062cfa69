"""Stage 2, the model: the governance data as typed objects (Oppdrag, Risiko, Lederavtale …),
the column descriptions that make it the workbook schema, and the rules between rows
(who an HA/DA entry means, how own chapters are placed).

Import a name from the module that defines it (``from generator.model.domain import
Oppdrag``). The face re-exports only the names the input checks use through it
(``from .. import model as m`` in ``input/validate.py`` and ``input/domain_checks.py``).
"""

from .domain import (
    KompassSpørsmål,
    Ledernivå,
    Mål,
    Nivå,
    Rammeområde,
    Risiko,
    Risikoskala,
    Økonomilinje,
)
from .styringsdata import Styringsdata

__all__ = ["KompassSpørsmål", "Ledernivå", "Mål", "Nivå", "Rammeområde", "Risiko",
           "Risikoskala", "Styringsdata", "Økonomilinje"]
