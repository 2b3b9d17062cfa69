"""The fields a template of each kind can use («malfelter»), written from the contexts.

The reference (docs/malfelter.md, ``styring docs``) is made by walking the contexts the
document modules build for the demo data (given by the caller), so it lists exactly what
a template gets and cannot drift from the code. A test checks the committed file is up to date.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from ..norsk import FILTERS
from . import KINDS

if TYPE_CHECKING:
    from ..model.styringsdata import Styringsdata

MAX_DEPTH = 3
FILTER_HELP = {
    "tall": "tall med mellomrom som tusenskille: 1 234 567 (og 1 234 567,5)",
    "kr": "beløp i løpende tekst: 1 234 567 kr",
    "tusen": "beløp i hele tusen, for en kolonne merket «1 000 kr»: 1 235",
    "prosent": "prosent med komma: 4,3 %",
    "dato": "dato skrevet ut: 23. november 2026",
    "kort_dato": "kort dato: 23.11.2026",
    "fortegn": "avvik med fortegn: +1 234 / −1 234",
}


def describe(value: Any) -> str:
    """A value's kind in the words an adviser uses."""
    if isinstance(value, bool):
        return "ja/nei"
    if isinstance(value, (int, float, Decimal)):
        return "tall"
    if isinstance(value, datetime):
        return "tidspunkt"
    if isinstance(value, date):
        return "dato (vis med filteret `dato`)"
    if isinstance(value, Enum):
        return "valg"
    if isinstance(value, str):
        return "tekst"
    if value is None:
        return "tom eller tekst"
    if isinstance(value, Mapping) or dataclasses.is_dataclass(value):
        return "gruppe av felt"
    if isinstance(value, (list, tuple)):
        return "liste"
    if hasattr(value, "png"):
        return "bilde (diagram)"
    return "formatert tekst" if hasattr(value, "__html__") else type(value).__name__


def _children(value: Any) -> dict[str, Any] | None:
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items() if not str(k).startswith("_")}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    return None


def walk(contexts: list[Mapping[str, Any]]) -> dict[str, str]:
    """Every field path (``leder.navn``, ``oppdrag[].tittel``) → its kind, over all contexts
    (a list empty in one document is described from another)."""
    out: dict[str, str] = {}

    def visit(path: str, value: Any, depth: int) -> None:
        kind = describe(value)
        if path not in out or out[path].startswith("tom"):
            out[path] = kind
        if depth >= MAX_DEPTH:
            return
        children = _children(value)
        if children is not None:
            for key, child in children.items():
                visit(f"{path}.{key}" if path else key, child, depth + 1)
        elif isinstance(value, (list, tuple)):
            for item in value[:50]:
                visit(f"{path}[]", item, depth + 1)

    for ctx in contexts:
        visit("", ctx, 0)
    out.pop("", None)
    return out


def kind_fields(data: Styringsdata) -> dict[str, dict[str, str]]:
    """The field reference per kind, from the documents planned for ``data`` (the demo data:
    it fills every sheet)."""
    out: dict[str, dict[str, str]] = {}
    for kind, declared in KINDS.items():
        docs = declared.documents(data, lambda o: None, 1)
        fields = walk([doc.context for doc in docs])
        for doc in docs[:1]:
            for name in (doc.images() if doc.images else {}):
                fields[name] = "bilde (diagram)"
        out[kind] = dict(sorted(fields.items(), key=lambda kv: kv[0].lower()))
    return out


def markdown(data: Styringsdata) -> str:
    """docs/malfelter.md, from the documents of ``data``."""
    lines = ["# Malfelter: feltene hver dokumenttype gir Word-malen", "",
             "Skrevet fra dokumentkontekstene (`styring docs`); ikke rediger for hånd.", "",
             "Et felt brukes i malen som `{{ kommune.navn }}`. `[]` betyr et element i en liste:",
             "`{% for o in oppdrag %}{{ o.tittel }}{% endfor %}` (eller `{%tr for … %}` for en "
             "tabellrad). Alle taggene docxtpl kjenner virker.", "",
             "Hvilken type en mal er for, ser `styring check-templates MAPPE` på filnavnet (det "
             "begynner med typen, f.eks. `lederavtale-nordre.docx`) eller på dokumentegenskapen "
             "«Kategori» (Fil › Info › Egenskaper i Word), som kan inneholde "
             + ", ".join(f"`{k}`" for k in KINDS) + ".", ""]
    lines += ["## Filtre", "", "Brukes som `{{ beløp | kr }}`.", "", "| filter | gjør |",
              "|---|---|"]
    for name in FILTERS:
        lines.append(f"| `{name}` | {FILTER_HELP.get(name, '')} |")
    lines.append("")
    for kind, fields in kind_fields(data).items():
        lines += [f"## {kind}", "", "| felt | type |", "|---|---|"]
        lines += [f"| `{path}` | {kind_} |" for path, kind_ in fields.items()]
        lines.append("")
    return "\n".join(lines)
