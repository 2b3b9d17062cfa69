"""The column documentation (docs/arbeidsbok.md), written from the schema."""

from __future__ import annotations

from .rules import RULES
from .schema import SHEETS, WORKBOOKS


def markdown() -> str:
    lines = ["# Arbeidsbøkene: ark og kolonner", "",
             "Skrevet fra skjemaet i `generator/model/domain.py` (`styring docs`); ikke rediger "
             "for hånd.",
             "Ark og kolonner gjenkjennes på navn, ikke plassering. Tomme rader hoppes over.", ""]
    for wb in WORKBOOKS:
        lines += [f"## {wb}.xlsx", ""]
        for sheet in (s for s in SHEETS if s.workbook == wb):
            layout = ("felt i kolonnene «Felt» og «Verdi»" if not sheet.is_table
                      else "én rad per linje")
            lines += [f"### {sheet.name}", "", f"{sheet.guide} ({layout}.)", "",
                      "| kolonne | type | forklaring |", "|---|---|---|"]
            for c in sheet.columns:
                lines.append(f"| {c.header} | {c.describe()} | {c.col.help} |")
            lines.append("")
    lines += ["## Regler på tvers av arkene", ""]
    lines += [f"- **{title}.** {rule}" for title, rule in RULES]
    lines.append("")
    return "\n".join(lines)
