"""``styring build``: what the command does and prints, without the CLI library.

:func:`generator.cli.build` (Typer) and :func:`generator.quick.main` (a plain ``build``
command line, read without Typer, whose import with pydantic and rich's progress bar costs
more than a one-cell build's rendering) both call :func:`run`; the words, the colours and
the exit codes are the same either way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape

from . import INTERRUPTED, paths
from .documents import KINDS
from .documents.kind import named
from .errors import StyringError
from .norsk import tall
from .output import fastpath
from .problems import Level, Problem

if TYPE_CHECKING:
    from rich.console import Console


def consoles() -> tuple[Console, Console]:
    """Standard output and standard error, as :mod:`generator.cli` prints them."""
    from rich.console import Console

    return (Console(highlight=False, soft_wrap=True),
            Console(stderr=True, highlight=False, soft_wrap=True))


def print_problems(err: Console, problems: list[Problem]) -> None:
    """Errors first, then notices, each on its own line with file › sheet › cell."""
    for p in sorted(problems, key=lambda p: (p.level is not Level.ERROR, p.file, p.sheet or "")):
        style = "red" if p.level is Level.ERROR else "yellow"
        err.print(f"[{style}]{p.level.value.upper()}[/{style}] {escape(str(p))}", soft_wrap=True,
                  markup=True, highlight=False)


def refuse(err: Console, e: StyringError) -> int:
    """The one way the product's errors reach the user: one bokmål line, exit code 1."""
    err.print(f"[red]FEIL[/red] {escape(str(e))}")
    return 1


def run(console: Console, err: Console, workbooks: list[Path] | None, out: Path | None,
        only: list[str] | None, tertial: int | None, templates: Path | None,
        pdf: bool | None, force: bool) -> int:
    """Check the workbooks and build the documents; the exit code (0, 1, 2 or 130)."""
    try:
        return _run(console, err, workbooks, out, only, tertial, templates, pdf, force)
    except StyringError as e:
        return refuse(err, e)


def _run(console: Console, err: Console, workbooks: list[Path] | None, out: Path | None,
         only: list[str] | None, tertial: int | None, templates: Path | None,
         pdf: bool | None, force: bool) -> int:
    typed = [part for value in only or [] for part in re.split(r"[,;\s]+", value) if part]
    unknown = [k for k in typed if named(k) is None]
    only = list(dict.fromkeys(kind for k in typed if (kind := named(k)) is not None)) or None
    if unknown:
        err.print(f"[red]FEIL[/red] ukjent dokumenttype: {', '.join(unknown)}. Velg blant "
                  + ", ".join(KINDS) + ".")
        return 2
    inputs = paths.default_inputs(workbooks)
    out = out if out is not None else paths.default_out(inputs)
    quick = fastpath.unchanged(inputs, out, templates, only, tertial, pdf, force)
    if quick is not None:  # nothing to do: answered before openpyxl, docxtpl or LibreOffice
        quick.say()
        return 0
    from . import pipeline

    try:
        with _progress(err) as update:
            report = pipeline.build(inputs, out, only, tertial, templates, progress=update,
                                    pdf=pdf, force=force)
    except KeyboardInterrupt:
        err.print(f"Avbrutt. Ingen filer i {out} er endret: mappen er som før byggingen.")
        return INTERRUPTED
    print_problems(err, report.problems.items)
    if not report.ok:
        kept_old = any("kunne ikke legges tilbake" in p.message for p in report.problems.errors)
        err.print(f"[red]{len(report.problems.errors)} feil[/red]. Ingen dokumenter er laget"
                  + ("." if kept_old else f"; ingen filer i {out} er endret."))
        return 1
    outcome = report.outcome
    on_disk = [p for p in report.files if p.is_file()]
    console.print(f"[green]Ferdig[/green] på {tall(report.seconds, 1)} s: "
                  f"{tall(sum(report.counts.values()))} dokumenter, {tall(len(on_disk))} filer i "
                  f"{report.out_dir} ({tall(len(outcome.rendered))} laget, "
                  f"{tall(len(outcome.reused))} uendret og gjenbrukt).")
    for kind, n in report.counts.items():
        console.print(f"  {report.names.get(kind, kind)}: {tall(n)}")
    arkiv = report.out_dir / "arkiv" if report.out_dir else None
    messages = sorted(arkiv.glob("arkivmelding-*.xml")) if arkiv else []
    if messages:
        console.print(f"  arkiv: {tall(len(messages))} arkivmeldinger, validert mot XSD-en for "
                      "Fiks Arkiv v2")
    from .output.signatures import summary_lines

    titles = {d.filename: d.title for d in report.documents}
    for heading, text in summary_lines(getattr(outcome, "signatures", {}), titles):
        console.print(f"  {heading}: {escape(text)}")
    if outcome.kept:
        console.print(f"  beholdt {tall(len(outcome.kept))} filer som er endret eller signert")
    if outcome.beside:
        console.print(f"  skrev {tall(len(outcome.beside))} nye versjoner ved siden av "
                      "(…-ny.docx / …-ny.pdf)")
    if outcome.backed_up:
        console.print(f"  flyttet {tall(len(outcome.backed_up))} endrede filer til "
                      f"{outcome.backed_up[0].parent}")
    if outcome.removed:
        console.print(f"  flyttet {tall(len(outcome.removed))} foreldede filer til "
                      f"{outcome.retired_to}")
    if outcome.overview:
        console.print(f"  oversikt: {outcome.overview}")
    if report.pdf_note:
        err.print(f"[yellow]MERKNAD[/yellow] Bare Word-filer ble laget. {report.pdf_note}")
    return 0


@contextmanager
def _progress(err: Console) -> Iterator[Callable[[int, int, str], None]]:
    """A progress bar on a terminal; silent when output is redirected."""
    if not err.is_terminal:
        yield lambda done, total, name: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("Lager dokumenter", total=None)

        def update(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total)

        yield update
