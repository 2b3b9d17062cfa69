"""Own chapters (sheet «Kapitler»): where they may be placed, their order and level rules.

The numbering and the text blocks the templates show are in
:mod:`generator.documents.kapitler`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .domain import PLASSERINGER, Dokument, Kapittel, plassering_key

# Placements where the section before has no number: a chapter there must start at level 1.
UNNUMBERED_BEFORE = {
    Dokument.OPPDRAGSBREV: {"først", "etter sammendrag", "etter forord"},
    Dokument.LEDERAVTALE: {"først"},
    Dokument.TERTIALRAPPORT: {"først"},
    Dokument.UTVIKLINGSSTRATEGI: {"først", "etter forord", "etter oppfølging"},
}


def slot(key: str) -> str:
    """A placement key as a template name: «etter forord» → ``etter_forord``."""
    return plassering_key(key).replace(" ", "_")


def ordered(kapitler: Sequence[Kapittel]) -> list[Kapittel]:
    """Workbook order, or the order column where it is given (stable)."""
    indexed = list(enumerate(kapitler))
    if any(k.rekkefølge is not None for k in kapitler):
        indexed.sort(key=lambda x: (x[1].rekkefølge is None, x[1].rekkefølge or 0, x[0]))
    return [k for _, k in indexed]


def check(kapitler: Sequence[Kapittel], err: Callable[[object, str | None, str], None]) -> None:
    """Unknown placements and levels that skip a step are errors at the cell."""
    placed: list[Kapittel] = []
    for k in kapitler:
        if k.tertial is not None and k.dokument is not Dokument.TERTIALRAPPORT:
            err(k, "tertial", f"tertial kan bare settes for tertialrapporten, ikke for "
                f"{k.dokument.value}.")
        keys = PLASSERINGER[k.dokument]
        if plassering_key(k.plassering) not in keys:
            err(k, "plassering", f"plasseringen «{k.plassering}» finnes ikke for "
                f"{k.dokument.value}. Gyldige plasseringer: "
                + ", ".join(f"«{p}»" for p in keys) + ".")
        else:
            placed.append(k)
    reported: set[int] = set()
    for dok in Dokument:
        keys = PLASSERINGER[dok]
        # a tertialrapport shows the chapters for all tertials and for its own
        for t in ((1, 2, 3) if dok is Dokument.TERTIALRAPPORT else (None,)):
            for key in keys:
                rows = [k for k in placed if k.dokument is dok and k.tertial in (None, t)
                        and plassering_key(k.plassering) == key]
                _check_levels(ordered(rows), key in UNNUMBERED_BEFORE[dok], err, reported)


def _check_levels(rows: Sequence[Kapittel], after_unnumbered: bool,
                  err: Callable[[object, str | None, str], None], reported: set[int]) -> None:
    previous = 1 if after_unnumbered else 2
    for i, k in enumerate(rows):
        allowed = previous if i == 0 else previous + 1
        if k.nivå > allowed and id(k) not in reported:
            reported.add(id(k))
            where = "først i plasseringen" if i == 0 else "etter kapittelet foran"
            err(k, "nivå", f"nivå {k.nivå} kan ikke stå {where} («{k.plassering}»); høyeste "
                f"nivå her er {allowed}. Et underkapittel må ha et kapittel over seg.")
        previous = k.nivå
