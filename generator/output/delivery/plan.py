"""Planning the delivery of one build: which e-mail drafts and calendars it makes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import epost, kalender
from .extra import Delivery

if TYPE_CHECKING:
    from ...documents import Planned
    from ...input.validate import LoadResult


def plan_delivery(result: LoadResult, planned: list[Planned], scopes: dict[str, str],
                  want_pdf: bool) -> Delivery:
    """The drafts of this build's oppdragsbrev and lederavtaler, and the calendars (with
    the oppdragsbrev, where the årshjul is printed)."""
    assert result.data is not None
    extras, notices = epost.drafts(result, planned, scopes, want_pdf)
    if "oppdragsbrev" in scopes:
        more, notes = kalender.calendars(result, scopes["oppdragsbrev"])
        extras += more
        notices += notes
    return Delivery(extras, notices)
