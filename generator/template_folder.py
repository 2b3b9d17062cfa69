"""Which folder the Word templates come from for a build.

``--templates`` first; else «Malmappe» in the sheet Innstillinger (relative to the folder
of the workbook that holds it); else the templates that come with the product.

Not one of the shared modules: it reads the loaded workbooks (:mod:`generator.input`), so
it stands above ``input``, beside ``output``, and only the pipeline imports it
(``tests/test_layers.py``).
"""

from __future__ import annotations

from pathlib import Path

from .input.validate import LoadResult
from .problems import Problems


def from_workbooks(result: LoadResult, problems: Problems) -> Path | None:
    """The folder «Malmappe» names, or None when it is empty; a missing folder is an error
    naming the workbook, sheet and cell."""
    data = result.data
    inn = data.innstillinger if data is not None else None
    value = (getattr(inn, "malmappe", None) or "").strip()
    if not value:
        return None
    row = result.source(inn)
    holder = next((f for f in result.files if row is not None and f.name == row.file),
                  result.files[0] if result.files else Path.cwd())
    folder = Path(value).expanduser()
    folder = folder if folder.is_absolute() else holder.parent / folder
    if not folder.is_dir():
        problems.error(row.file if row else holder.name, row.sheet if row else "Innstillinger",
                       row.place("malmappe") if row else None,
                       f"malmappen «{value}» finnes ikke (lette etter {folder}). Skriv en mappe "
                       "som finnes, relativt til mappen arbeidsbøkene ligger i, eller la "
                       "feltet stå tomt for produktets maler.")
        return None
    return folder

