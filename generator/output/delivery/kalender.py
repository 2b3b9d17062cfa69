"""The årshjul as calendars: one .ics per forum, built with icalendar.

Every dated meeting becomes a VEVENT in Europe/Oslo time (with its VTIMEZONE); a meeting
without a time is an all-day event. The UID comes from the municipality, the forum and
the date, never from the row, so reordering rows keeps it and importing the file again
updates the events instead of adding copies. SEQUENCE and DTSTAMP follow the content:
the manifest remembers each event's fingerprint, and only a changed event gets a higher
SEQUENCE and a new DTSTAMP (an unchanged calendar keeps its bytes). A meeting that is
removed from the årshjul (or moved to another date, which gives it a new UID) stays in the
file as a cancelled event (STATUS:CANCELLED), so importing again takes it away.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ... import __version__
from ...documents.common import slug
from ...model.domain import Milepæl, Møte
from ...texts import N_, _, active
from .extra import Built, Extra, Made, Notice, where

if TYPE_CHECKING:
    from ...input.validate import LoadResult

FOLDER = "kalender"
TZID = "Europe/Oslo"
DEFAULT_LENGTH = timedelta(hours=1)  # a meeting with only a start time
_CLOCK = re.compile(r"(\d{2})\.(\d{2})")


def times(tid: str | None) -> tuple[time, time | None] | None:
    """Start and end of «kl. 12.00–15.45» / «kl. 09.00» (as the reader writes Tid)."""
    found = [time(int(h), int(m)) for h, m in _CLOCK.findall(tid or "")]
    if not found:
        return None
    return found[0], (found[1] if len(found) > 1 else None)


def uid(kommune: str, forum: str, day: date, n: int = 1) -> str:
    """A stable UID: municipality, forum and date (``-2`` … for a second meeting that day)."""
    extra = f"-{n}" if n > 1 else ""
    return f"arshjul-{day:%Y%m%d}-{slug(forum, 40)}{extra}@{slug(kommune, 40)}.styring"


def calendars(result: LoadResult, scope: str) -> tuple[list[Extra], list[Notice]]:
    """One calendar per forum (forums match ignoring case; the first spelling names it)."""
    data = result.data
    assert data is not None
    forums: dict[str, list[Møte]] = {}
    names: dict[str, str] = {}
    notices: list[Notice] = []
    for møte in data.årshjul:
        names.setdefault(møte.forum.casefold(), møte.forum)
    files = _files(names)
    for møte in data.årshjul:
        key = møte.forum.casefold()
        rel = files[key]
        if møte.dato is None:
            notices.append((rel, f"møtet i {møte.forum} «{møte.når}» "
                            f"({where(result, møte, 'dato')}) har ingen dato og kommer ikke i "
                            "kalenderen. Fyll inn «Dato» når datoen er bestemt."))
            continue
        forums.setdefault(key, []).append(møte)
    dated = [(mp, mp.dato) for mp in data.milepæler if isinstance(mp.dato, date)]
    if dated:  # milestones with a date: their own calendar, as a forum of all-day events
        milestones = _(MILESTONES)  # in the målform: «Milepælar», arshjul-milepaelar.ics
        names.setdefault(milestones.casefold(), milestones)
        forums.setdefault(milestones.casefold(), []).extend(
            Møte(dato=day, forum=milestones, når=None, temaer=[_milestone(data, mp)])
            for mp, day in dated)
    k = data.kommune
    out = []
    files = _files(names)
    for key, møter in forums.items():
        forum = names[key]
        rel = files[key]
        sources = [s for m in møter if (s := _source(result, m))]

        def make(built: Built, forum: str = forum, møter: list[Møte] = møter,
                 rel: str = rel) -> Made:
            memory = built.previous(rel).get("events", {})
            data_, events = calendar(k.navn, k.år, forum, møter, memory,
                                     uid_name=rel.rsplit("/", 1)[-1][len("arshjul-"):-4])
            # the digest from the memory this build leaves: the next build, starting from
            # it with the same meetings, finds the calendar made (not once more to settle)
            return Made(data_, memory={"events": events},
                        settled=_inputs(k.navn, k.år, forum, møter, events, rel))

        def inputs(built: Built, forum: str = forum, møter: list[Møte] = møter,
                   rel: str = rel) -> str:
            return _inputs(k.navn, k.år, forum, møter, built.previous(rel).get("events", {}),
                           rel)

        out.append(Extra(rel=rel, kind="kalender",
                         title=_("Årshjul {år} – {forum}").format(år=k.år, forum=forum),
                         scope=scope, output="ics", make=make, sources=sources,
                         inputs=inputs))
    return out, notices


MILESTONES = N_("Milepæler")


def _inputs(kommune: str, år: int, forum: str, møter: list[Møte], memory: object,
            rel: str) -> str:
    """A digest of everything :func:`calendar` makes a forum's calendar from: the meetings,
    the events' memory it starts from, the texts in the build's language and the product
    version, the icalendar version and the time zone's rules for the year (the VTIMEZONE is
    made from them: a new tzdata must remake the calendars). The clock only counts for a
    changed event, which changes the memory: once a build leaves the memory as it found it,
    the same digest gives the same bytes."""
    h = hashlib.sha256(f"{__version__}\n{active().code}\n{_toolchain(år)}\n".encode())
    h.update(repr((kommune, år, forum, rel, møter, _("Årshjul {år} – {forum}"),
                   _("Når: {når}"), _("{forum} (avlyst)"))).encode("utf-8"))
    h.update(json.dumps(memory, sort_keys=True, ensure_ascii=False, default=str).encode())
    return h.hexdigest()


def _toolchain(år: int, zone: str = TZID) -> str:
    """What a calendar's bytes depend on besides its data: icalendar's version and ``zone``'s
    rules (the VTIMEZONE is made from them: new time zone data must remake the calendars).
    The rules are the zone file zoneinfo reads (the system's, else the tzdata package's);
    where none is found, the zone's UTC offsets at every hour of the year before, the year
    and the year after."""
    h = hashlib.sha256(f"{_icalendar_version()}\n{zone}\n".encode())
    rules = _zone_file(zone)
    if rules is not None:
        h.update(rules)
        return h.hexdigest()
    tz, start, last = ZoneInfo(zone), datetime(år - 1, 1, 1, tzinfo=UTC), None
    for hour in range(3 * 366 * 24):
        offset = (start + timedelta(hours=hour)).astimezone(tz).utcoffset()
        if offset != last:  # only the transitions
            h.update(f"{hour}:{offset}\n".encode())
            last = offset
    return h.hexdigest()


@functools.cache
def _icalendar_version() -> str:
    """icalendar's version from the name of its dist-info folder beside the package, found
    without importing it (nor importlib.metadata: 15 ms at every build)."""
    import importlib.util

    spec = importlib.util.find_spec("icalendar")
    if spec is None or spec.origin is None:
        return "?"
    found = sorted(p.name for p in Path(spec.origin).parent.parent.glob("icalendar-*.dist-info"))
    return found[-1].removesuffix(".dist-info") if found else "?"


def _zone_file(zone: str) -> bytes | None:
    """The bytes of the zone file :class:`ZoneInfo` loads ``zone`` from, where it looks."""
    import zoneinfo

    for folder in zoneinfo.TZPATH:
        path = Path(folder) / zone
        if path.is_file():
            return path.read_bytes()
    try:
        from importlib import resources

        parts = zone.split("/")
        package = ".".join(["tzdata", "zoneinfo", *parts[:-1]])
        return resources.files(package).joinpath(parts[-1]).read_bytes()
    except (ImportError, OSError):
        return None


def _milestone(data: Any, mp: Milepæl) -> str:
    """A milestone's line in its event: what it belongs to, the milestone, the criterion."""
    o = next((o for o in data.oppdrag if o.nr == mp.oppdrag_nr), None)
    owner = f"Oppdrag {o.nr} {o.tittel}" if o else mp.oppdrag
    return (f"{owner}: " + (f"{mp.nr}. " if mp.nr else "") + mp.milepæl
            + (f" ({mp.kriterium})" if mp.kriterium else "") + f" – {data.ord(mp.status, False)}")


def _files(names: dict[str, str]) -> dict[str, str]:
    """Forum → its file; two forums whose names give the same file name («Ledermøte» and
    «Ledermote») get ``-2`` … in the order of the sheet, so neither overwrites the other."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for key, forum in names.items():
        base, n = f"{FOLDER}/arshjul-{slug(forum, 40)}", 1
        rel = f"{base}.ics"
        while rel in taken:
            n += 1
            rel = f"{base}-{n}.ics"
        taken.add(rel)
        out[key] = rel
    return out


CANCELLED = "avlyst"  # the memory's fingerprint of an event no longer in the årshjul


def _order(møte: Møte) -> tuple:
    span = times(møte.tid)
    return (møte.dato, span[0] if span else time(0),
            (span[1] or span[0]) if span else time(0), møte.temaer)


def _is_stamp(value: object) -> bool:
    try:
        return isinstance(value, str) and bool(_stamp(value))
    except ValueError:
        return False


def _stamp(text: str) -> datetime:
    return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def _source(result: LoadResult, møte: Møte) -> str | None:
    row = result.source(møte)
    return f"{row.file} › {row.sheet} › rad {row.number}" if row else None


def calendar(kommune: str, år: int, forum: str, møter: list[Møte],
             memory: dict[str, Any], now: datetime | None = None,
             uid_name: str | None = None) -> tuple[bytes, dict[str, list[Any]]]:
    """The .ics bytes of one forum and the events' memory (UID → [SEQUENCE, DTSTAMP,
    fingerprint, start]) for the next build."""
    import icalendar  # deferred: 0.1 s, only when a calendar is made (not for check)

    tz = ZoneInfo(TZID)
    stamp_now = (now or datetime.now(UTC)).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//Styringsdokumenter//styring {__version__}//{active().code.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _("Årshjul {år} – {forum}").format(år=år, forum=forum)
            + f" ({kommune})")
    cal.add("x-wr-timezone", TZID)
    seen: dict[date, int] = {}
    events: dict[str, list[Any]] = {}
    if not isinstance(memory, dict):
        memory = {}  # a damaged manifest: start again from SEQUENCE 0
    ordered = sorted(møter, key=_order)
    for møte in ordered:
        assert møte.dato is not None
        seen[møte.dato] = seen.get(møte.dato, 0) + 1
        ev = icalendar.Event()
        ev.add("uid", uid(kommune, uid_name or forum, møte.dato, seen[møte.dato]))
        span = times(møte.tid)
        if span is None:  # all-day: DTSTART;VALUE=DATE, ending the next day
            ev.add("dtstart", møte.dato)
            ev.add("dtend", møte.dato + timedelta(days=1))
        else:
            start = datetime.combine(møte.dato, span[0], tz)
            end = datetime.combine(møte.dato, span[1], tz) if span[1] else start + DEFAULT_LENGTH
            ev.add("dtstart", start)
            ev.add("dtend", end)
        ev.add("summary", forum)
        ev.add("categories", [forum])
        lines = (([_("Når: {når}").format(når=møte.når)] if møte.når else [])
                 + [f"– {t}" for t in møte.temaer])
        if lines:
            ev.add("description", "\n".join(lines))
        ev.add("transp", "OPAQUE")
        fingerprint = hashlib.sha256(ev.to_ical()).hexdigest()
        remembered = memory.get(str(ev["uid"]))
        seq, stamp, before = (remembered if isinstance(remembered, list)
                              and len(remembered) >= 3 else [None, None, None])[:3]
        if before != fingerprint or not isinstance(seq, int) or not _is_stamp(stamp):
            seq = 0 if not isinstance(seq, int) else seq + 1
            stamp = stamp_now.strftime("%Y%m%dT%H%M%SZ")
        ev.add("sequence", seq)
        ev.add("dtstamp", _stamp(str(stamp)))
        begin = datetime.combine(møte.dato, span[0], tz) if span else møte.dato
        events[str(ev["uid"])] = [seq, stamp, fingerprint, begin.isoformat()]
        cal.add_component(ev)
    for gone, old in memory.items():  # removed or moved: cancelled, so a new import says so
        if gone in events or not isinstance(old, list) or len(old) < 4 or not isinstance(
                old[3], str):
            continue
        seq, stamp, before, when = old[:4]
        if before != CANCELLED or not isinstance(seq, int) or not _is_stamp(stamp):
            seq, stamp = (seq + 1 if isinstance(seq, int) else 1), (
                stamp_now.strftime("%Y%m%dT%H%M%SZ"))
        ev = icalendar.Event()
        ev.add("uid", gone)
        start_ = (datetime.fromisoformat(when).astimezone(tz) if "T" in when
                  else date.fromisoformat(when))
        ev.add("dtstart", start_)
        ev.add("summary", _("{forum} (avlyst)").format(forum=forum))
        ev.add("status", "CANCELLED")
        ev.add("sequence", seq)
        ev.add("dtstamp", _stamp(stamp))
        events[gone] = [seq, stamp, CANCELLED, when]
        cal.add_component(ev)
    days = [date.fromisoformat(e[3][:10]) for e in events.values()]
    first, last = min(days), max(days)
    cal.add_missing_timezones(first_date=first, last_date=last + timedelta(days=1))
    return cal.to_ical(), events
