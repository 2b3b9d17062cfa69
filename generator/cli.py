"""The command line: ``styring`` or ``python -m generator``.

A thin door into :mod:`generator.pipeline`; everything it prints is bokmål.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from . import pipeline
from .problems import Level, Problem

app = typer.Typer(
    name="styring",
    help="Lager kommunens styringsdokumenter (oppdragsbrev, tertialrapport, utviklingsstrategi "
         "og lederavtaler) fra Excel-arbeidsbøker.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

Workbooks = Annotated[list[Path] | None, typer.Argument(
    help="Arbeidsbøker eller mapper. Uten argument brukes demo-arbeidsbøkene i workbooks/.",
    show_default=False)]


def print_problems(problems: list[Problem]) -> None:
    """Errors first, then notices, each on its own line with file › sheet › cell."""
    for p in sorted(problems, key=lambda p: (p.level is not Level.ERROR, p.file, p.sheet or "")):
        style = "red" if p.level is Level.ERROR else "yellow"
        err.print(f"[{style}]{p.level.value.upper()}[/{style}] {p}", soft_wrap=True,
                  markup=True, highlight=False)


@app.command()
def check(workbooks: Workbooks = None) -> None:
    """Kontrollerer arbeidsbøkene og viser alle feil på én gang."""
    result = pipeline.check(workbooks or [pipeline.DEMO_DIR])
    print_problems(result.problems.items)
    n_err, n_note = len(result.problems.errors), len(result.problems.notices)
    files = ", ".join(f.name for f in result.files)
    if n_err:
        err.print(f"[red]{n_err} feil[/red] og {n_note} merknader i {files}. Ingen dokumenter "
                  "kan lages før feilene er rettet.")
        raise typer.Exit(1)
    out.print(f"[green]OK[/green]: {files} er i orden ({n_note} merknader).")


@app.command("new-workbook")
def new_workbook(
    folder: Annotated[Path, typer.Argument(help="Mappen de nye arbeidsbøkene skal legges i.")],
    år: Annotated[int | None, typer.Option("--år", "--year", help="Dokumentåret.")] = None,
    kommune: Annotated[str | None, typer.Option(help="Kommunens navn.")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Skriv over filer som finnes."
                                            )] = False,
) -> None:
    """Lager tomme arbeidsbøker med alle ark, kolonner, nedtrekkslister og veiledning."""
    try:
        paths = pipeline.new_workbooks(folder, år=år, kommune=kommune, overwrite=overwrite)
    except pipeline.UserError as e:
        err.print(f"[red]FEIL[/red] {e}")
        raise typer.Exit(1) from None
    for p in paths:
        out.print(f"Skrev {p}")


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("Avbrutt.")
        sys.exit(130)
