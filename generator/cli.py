"""The command line: ``styring`` or ``python -m generator``.

A thin door into :mod:`generator.pipeline`; everything it prints is bokmål.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import paths
from .documents import KINDS
from .errors import StyringError
from .problems import Level, Problem

app = typer.Typer(
    name="styring",
    help="Lager kommunens styringsdokumenter (oppdragsbrev, tertialrapport, utviklingsstrategi "
         "og lederavtaler) fra Excel-arbeidsbøker.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
console = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

P = ParamSpec("P")
R = TypeVar("R")


def refuse(e: StyringError) -> NoReturn:
    """The one way the product's errors reach the user: one bokmål line, exit 1, no traceback."""
    err.print(f"[red]FEIL[/red] {escape(str(e))}")
    raise typer.Exit(1) from None


def command(name: str | None = None) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """``app.command``, with every :class:`~generator.errors.StyringError` the command raises
    told by :func:`refuse`."""
    def register(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return fn(*args, **kwargs)
            except StyringError as e:
                refuse(e)
        app.command(name)(run)
        return run
    return register


Workbooks = Annotated[list[Path] | None, typer.Argument(
    help="Arbeidsbøker eller mapper. Uten argument brukes mappen du står i.",
    show_default=False)]


def _show_version(value: bool) -> None:
    if value:
        from . import __version__

        console.print(f"styring {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", help="Vis versjonen og avslutt.",
                                          callback=_show_version, is_eager=True)] = False,
) -> None:
    """Lager kommunens styringsdokumenter (oppdragsbrev, tertialrapport, utviklingsstrategi
    og lederavtaler) fra Excel-arbeidsbøker."""


def print_problems(problems: list[Problem]) -> None:
    """Errors first, then notices, each on its own line with file › sheet › cell."""
    for p in sorted(problems, key=lambda p: (p.level is not Level.ERROR, p.file, p.sheet or "")):
        style = "red" if p.level is Level.ERROR else "yellow"
        err.print(f"[{style}]{p.level.value.upper()}[/{style}] {escape(str(p))}", soft_wrap=True,
                  markup=True, highlight=False)


@command()
def check(workbooks: Workbooks = None) -> None:
    """Kontrollerer arbeidsbøkene og viser alle feil på én gang."""
    from . import pipeline

    result = pipeline.check(paths.default_inputs(workbooks))
    print_problems(result.problems.items)
    n_err, n_note = len(result.problems.errors), len(result.problems.notices)
    files = ", ".join(f.name for f in result.files)
    if n_err:
        err.print(f"[red]{n_err} feil[/red] og {n_note} merknader i {files}. Ingen dokumenter "
                  "kan lages før feilene er rettet.")
        raise typer.Exit(1)
    console.print(f"[green]OK[/green]: {files} er i orden ({n_note} merknader).")


@command("new-workbook")
def new_workbook(
    folder: Annotated[Path, typer.Argument(help="Mappen de nye arbeidsbøkene skal legges i.")],
    år: Annotated[int | None, typer.Option("--år", "--year", help="Dokumentåret.")] = None,
    kommune: Annotated[str | None, typer.Option(help="Kommunens navn.")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Skriv over filer som finnes."
                                            )] = False,
    xlsm: Annotated[bool, typer.Option("--xlsm", help="Lag .xlsm-filer med knappen «Lag "
                                       "dokumenter».")] = False,
    målform: Annotated[str | None, typer.Option(
        "--målform", "--malform", help="bokmål eller nynorsk: språket i dokumentene, "
        "standardtekstene og arbeidsbøkene.")] = None,
) -> None:
    """Lager tomme arbeidsbøker med alle ark, kolonner, nedtrekkslister og veiledning."""
    from . import pipeline

    if xlsm:
        from .excel.xlsm import new_xlsm_workbooks

        written = new_xlsm_workbooks(folder, år=år, kommune=kommune, overwrite=overwrite,
                                     målform=målform)
    else:
        written = pipeline.new_workbooks(folder, år=år, kommune=kommune, overwrite=overwrite,
                                         målform=målform)
    for p in written:
        console.print(f"Skrev {p}")


@command("excel-shim")
def excel_shim(
    workbook: Annotated[Path, typer.Argument(help="Arbeidsboken (.xlsm) som har fått nytt navn.")],
) -> None:
    """Trengs ikke lenger: bare for arbeidsbøker laget før versjon 0.2, der knappen bruker en
    hjelpefil (.py) med samme navn som arbeidsboken."""
    from .excel.xlsm import write_shim

    err.print("[yellow]MERKNAD[/yellow] excel-shim trengs ikke lenger: knappen i nye "
              "arbeidsbøker virker uansett filnavn. Lag arbeidsbøkene på nytt med "
              "«styring new-workbook --xlsm» (eller «styring demo MAPPE --xlsm»). Hjelpefilen "
              "lages likevel, for en arbeidsbok med den gamle knappen.")
    if workbook.suffix.lower() != ".xlsm":
        err.print(f"[red]FEIL[/red] {workbook.name} er ikke en .xlsm-fil.")
        raise typer.Exit(1)
    path = write_shim(workbook)
    console.print(f"Skrev {path}")


@command("check-templates")
def check_templates(
    inputs: Annotated[list[Path] | None, typer.Argument(
        help="Mapper med Word-maler, maler (.docx) og arbeidsbøker. Uten maler prøves de "
        "innebygde; uten arbeidsbøker brukes mappen du står i, eller demo-dataene når den "
        "ikke har noen.", show_default=False)] = None,
    templates: Annotated[Path | None, typer.Option("--templates", help="Mappen med Word-malene."
                                                   )] = None,
) -> None:
    """Prøver alle Word-malene mot dataene og viser alle tagger som ikke virker.

    Dokumenttypen en mal er for, kjennes igjen på filnavnet (det begynner med typen, f.eks.
    lederavtale-ny.docx) eller på dokumentegenskapen «Kategori»."""
    from . import pipeline

    given = [p for p in inputs or [] if _is_templates(p)]
    workbooks = [p for p in inputs or [] if p not in given]
    folders = given + ([templates] if templates else [])
    import tempfile

    with tempfile.TemporaryDirectory(prefix="styring-demo-") as tmp:
        if not workbooks and not any(Path.cwd().glob("*.xls[xm]")):
            workbooks = [Path(tmp)]  # no workbooks here: try the templates on the demo data
            pipeline.write_demo(workbooks[0])
        problems = pipeline.check_templates(paths.default_inputs(workbooks), folders or None)
    print_problems(problems.items)
    shown = ", ".join(str(f) for f in folders) or "mappen fra «Malmappe» eller produktets maler"
    if problems.errors:
        err.print(f"[red]{len(problems.errors)} feil[/red] i malene i {shown}.")
        raise typer.Exit(1)
    console.print(f"[green]OK[/green]: malene i {shown} er i orden.")


def _is_templates(path: Path) -> bool:
    """A .docx file, or a folder with Word templates and no workbooks."""
    if path.is_dir():
        return any(path.glob("*.docx")) and not any(path.glob("*.xls[xm]"))
    return path.suffix.lower() == ".docx"


@command()
def sign(
    pdf_file: Annotated[Path, typer.Argument(help="Lederavtalen (PDF/A) som skal signeres.")],
    field: Annotated[str, typer.Option("--felt", help="Signaturfeltet: «Leder» eller "
                                       "«NaermesteOverordnedeLeder».")],
    certificate: Annotated[Path, typer.Option("--sertifikat", help="PKCS#12-fil (.p12/.pfx).")],
    target: Annotated[Path | None, typer.Option("--ut", help="Den signerte filen (standard: "
                                                "<navn>-signert.pdf).")] = None,
    passphrase_env: Annotated[str, typer.Option(
        "--passord-variabel", help="Miljøvariabelen som holder sertifikatets passord.")] = (
        "STYRING_SERTIFIKAT_PASSORD"),
) -> None:
    """Signerer ett signaturfelt i en lederavtale med et lokalt sertifikat (PAdES)."""
    import os

    from .output.archive.records import SIGNED_SUFFIX, archive_signed
    from .output.signing import sign as sign_pdf

    secret = os.environ.get(passphrase_env)
    # The second signature goes into the signed copy itself: one signed file per agreement.
    out_path = target or (pdf_file if pdf_file.stem.endswith(SIGNED_SUFFIX) else
                          pdf_file.with_name(pdf_file.stem + SIGNED_SUFFIX + ".pdf"))
    try:
        sign_pdf(pdf_file, field, certificate, secret.encode() if secret else None, out_path,
                 variable=passphrase_env)
    except OSError as e:
        err.print(f"[red]FEIL[/red] {escape(str(e))}")
        raise typer.Exit(1) from None
    console.print(f"Signerte feltet «{field}»: {out_path}")
    try:
        sidecar = archive_signed(pdf_file, out_path)
    except (StyringError, OSError) as e:
        err.print(f"[red]FEIL[/red] Filen er signert, men arkivposten ble ikke oppdatert: {e}")
        raise typer.Exit(1) from None
    if sidecar is not None:
        console.print(f"Arkivposten viser nå den signerte filen: {sidecar}")


@command()
def docs(
    target: Annotated[Path | None, typer.Argument(
        help="Filen dokumentasjonen skrives til. Uten fil skrives den til skjermen "
        "(standard ut).", show_default=False)] = None,
) -> None:
    """Skriver beskrivelsen av alle ark og kolonner (fra skjemaet); med en fil også
    malfeltene (malfelter.md i samme mappe, fra dokumentkontekstene)."""
    from .documents import malfelter as template_fields
    from .input.docs import markdown

    if target is None:
        sys.stdout.write(markdown())
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown(), encoding="utf-8")
    console.print(f"Skrev {target}")
    fields = target.parent / "malfelter.md"
    from .demo.data import demo_data

    fields.write_text(template_fields.markdown(demo_data()), encoding="utf-8")
    console.print(f"Skrev {fields}")


@command()
def demo(
    folder: Annotated[Path, typer.Argument(help="Mappen demo-arbeidsbøkene skrives til.",
                                           show_default=False)],
    xlsm: Annotated[bool, typer.Option("--xlsm", help="Lag .xlsm-filer med knappen «Lag "
                                       "dokumenter».")] = False,
    målform: Annotated[str | None, typer.Option(
        "--målform", "--malform", help="nynorsk gir den oppdiktede Fjordvik kommune med "
        "nynorsk i arbeidsbøkene og dokumentene.")] = None,
) -> None:
    """Skriver demo-arbeidsbøkene for den oppdiktede Fjellvik kommune."""
    from . import pipeline

    if xlsm:
        from .excel.xlsm import write_demo_xlsm

        written = write_demo_xlsm(folder)
    else:
        written = pipeline.write_demo(folder, målform)
    for p in written:
        console.print(f"Skrev {p}")


@command()
def build(
    workbooks: Workbooks = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Mappen dokumentene skrives til. Standard: «dokumenter» i mappen "
        "arbeidsbøkene ligger i.", show_default=False)] = None,
    only: Annotated[list[str] | None, typer.Option(
        "--only", help="Bare disse dokumenttypene: " + ", ".join(KINDS) + ".")] = None,
    tertial: Annotated[int | None, typer.Option(
        "--tertial", min=1, max=3, help="Tertialet rapporten gjelder (3 = årsslutt). Standard: "
        "det siste med økonomitall.")] = None,
    templates: Annotated[Path | None, typer.Option(
        "--templates", help="Mappen med Word-malene. Standard: «Malmappe» i arket "
        "Innstillinger, ellers produktets maler.", show_default=False)] = None,
    pdf: Annotated[bool | None, typer.Option(
        "--pdf/--no-pdf", help="Lag PDF/A-2b (standard: ja når LibreOffice er installert).",
        show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Lag alle dokumentene på nytt, også "
                                        "de som ikke er endret.")] = False,
) -> None:
    """Kontrollerer arbeidsbøkene og lager dokumentene i dokumenter/<år>/<type>/ ved siden av
    arbeidsbøkene."""
    from .output import fastpath

    unknown = [k for k in only or [] if k not in KINDS]
    if unknown:
        err.print(f"[red]FEIL[/red] ukjent dokumenttype: {', '.join(unknown)}. Velg blant "
                  + ", ".join(KINDS) + ".")
        raise typer.Exit(2)
    inputs = paths.default_inputs(workbooks)
    out = out if out is not None else paths.default_out(inputs)
    quick = fastpath.unchanged(inputs, out, templates, only, tertial, pdf, force)
    if quick is not None:  # nothing to do: answered before openpyxl, docxtpl or LibreOffice
        quick.say()
        return
    from . import pipeline

    try:
        with _progress() as update:
            report = pipeline.build(inputs, out, only, tertial, templates, progress=update,
                                    pdf=pdf, force=force)
    except KeyboardInterrupt:
        err.print(f"Avbrutt. Ingen filer i {out} er endret: mappen er som før byggingen.")
        raise typer.Exit(130) from None
    print_problems(report.problems.items)
    if not report.ok:
        kept_old = any("kunne ikke legges tilbake" in p.message for p in report.problems.errors)
        err.print(f"[red]{len(report.problems.errors)} feil[/red]. Ingen dokumenter er laget"
                  + ("." if kept_old else f"; ingen filer i {out} er endret."))
        raise typer.Exit(1)
    outcome = report.outcome
    on_disk = [p for p in report.files if p.is_file()]
    console.print(f"[green]Ferdig[/green] på {report.seconds:.1f} s: {sum(report.counts.values())} "
                  f"dokumenter, {len(on_disk)} filer i {report.out_dir} "
                  f"({len(outcome.rendered)} laget, {len(outcome.reused)} uendret og gjenbrukt).")
    for kind, n in report.counts.items():
        console.print(f"  {kind}: {n}")
    arkiv = report.out_dir / "arkiv" if report.out_dir else None
    messages = sorted(arkiv.glob("arkivmelding-*.xml")) if arkiv else []
    if messages:
        console.print(f"  arkiv: {len(messages)} arkivmeldinger, validert mot XSD-en for "
                      "Fiks Arkiv v2")
    if outcome.kept:
        console.print(f"  beholdt {len(outcome.kept)} filer som er endret eller signert")
    if outcome.beside:
        console.print(f"  skrev {len(outcome.beside)} nye versjoner ved siden av "
                      "(…-ny.docx / …-ny.pdf)")
    if outcome.backed_up:
        console.print(f"  flyttet {len(outcome.backed_up)} endrede filer til "
                      f"{outcome.backed_up[0].parent}")
    if outcome.removed:
        console.print(f"  fjernet {len(outcome.removed)} foreldede filer")
    if outcome.overview:
        console.print(f"  oversikt: {outcome.overview}")
    if report.pdf_note:
        err.print(f"[yellow]MERKNAD[/yellow] Bare Word-filer ble laget. {report.pdf_note}")


@contextmanager
def _progress() -> Iterator[Callable[[int, int, str], None]]:
    """A progress bar on a terminal; silent when output is redirected."""
    if not err.is_terminal:
        yield lambda done, total, name: None
        return
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("Lager dokumenter", total=None)

        def update(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("Avbrutt.")
        sys.exit(130)
