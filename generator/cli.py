"""The command line: ``styring`` or ``python -m generator``.

A thin door into :mod:`generator.pipeline`; everything it prints is bokmål.
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
import typer.core
from rich.console import Console
from rich.markup import escape

# Each command imports the parts it needs inside it, on purpose: the build (openpyxl,
# docxtpl) and signing (pyHanko) take about a second to import, and `styring --help`,
# `doctor` or `docs` should not wait for them. The no-change build never gets here
# (see generator.quick). Everything cheap is imported here.
from . import INTERRUPTED, __version__, build_command, cli_text, paths
from .documents import KINDS
from .errors import StyringError
from .problems import Problem, quiet_third_party

cli_text.install()


class _NorskGroup(typer.core.TyperGroup):
    """The ``styring`` group: usage errors in bokmål (see :mod:`generator.cli_text`), also
    when the app is called from a test runner instead of :func:`main`."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args,
                                **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args,
                                **extra)
        except typer._click.exceptions.NoArgsIsHelpError as e:
            err.print(escape(e.ctx.get_help()))
            sys.exit(2)
        except typer._click.exceptions.ClickException as e:
            ctx = getattr(e, "ctx", None)
            if ctx is not None:
                err.print(escape(ctx.get_usage()))
                err.print(f"Se «{escape(ctx.command_path)} --help» for hjelp.")
            err.print(f"[red]FEIL[/red] {escape(cli_text.usage_error(e))}")
            sys.exit(e.exit_code)
        except typer.Abort:
            err.print("Avbrutt.")
            sys.exit(INTERRUPTED)
        if code == INTERRUPTED and not _interrupt_told:
            # Ctrl-C that no command caught: Typer (non-standalone) returns 130 silently
            err.print("Avbrutt.")
        sys.exit(code if isinstance(code, int) else 0)


_interrupt_told = False  # a command has already said how Ctrl-C left the folder

app = typer.Typer(
    name="styring",
    cls=_NorskGroup,
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
    show_default=False, metavar="ARBEIDSBØKER")]


def _show_version(value: bool) -> None:
    if value:
        console.print(f"styring {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", help="Vis versjonen og avslutt.",
                                          callback=_show_version, is_eager=True)] = False,
) -> None:
    """Lager kommunens styringsdokumenter (oppdragsbrev, tertialrapport, utviklingsstrategi
    og lederavtaler) fra Excel-arbeidsbøker."""
    quiet_third_party()


def print_problems(problems: list[Problem]) -> None:
    """Errors first, then notices, each on its own line with file › sheet › cell."""
    build_command.print_problems(err, problems)


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
    folder: Annotated[Path, typer.Argument(help="Mappen de nye arbeidsbøkene skal legges i.",
                                            metavar="MAPPE")],
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
    workbook: Annotated[Path, typer.Argument(help="Arbeidsboken (.xlsm) som har fått nytt navn.",
                                              metavar="ARBEIDSBOK")],
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
        "ikke har noen.", show_default=False, metavar="MALER_OG_ARBEIDSBØKER")] = None,
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
    pdf_file: Annotated[Path, typer.Argument(help="Lederavtalen (PDF/A) som skal signeres.",
                                                 metavar="AVTALE.pdf")],
    field: Annotated[str, typer.Option("--felt", help="Signaturfeltet: «Leder» eller "
                                       "«NaermesteOverordnedeLeder».")],
    certificate: Annotated[Path, typer.Option("--sertifikat", help="PKCS#12-fil (.p12/.pfx).")],
    target: Annotated[Path | None, typer.Option("--ut", help="Den signerte filen (standard: "
                                                "<navn>-signert.pdf).")] = None,
    passphrase_env: Annotated[str, typer.Option(
        "--passord-variabel", help="Miljøvariabelen som holder sertifikatets passord.")] = (
        "STYRING_SERTIFIKAT_PASSORD"),
    other_signer: Annotated[bool, typer.Option(
        "--annen-signerer", help="Signer selv om sertifikatet har et annet navn enn "
        "signaturlinjen (skrives i arkivposten).")] = False,
) -> None:
    """Signerer ett signaturfelt i en lederavtale med et lokalt sertifikat (PAdES)."""
    from .output import ownership
    from .output.archive import ArchiveError
    from .output.archive.records import SIGNED_SUFFIX, archive_signed, year_lock
    from .output.signing import SigningError
    from .output.signing import sign as sign_pdf
    from .output.stage import BuildError

    secret = os.environ.get(passphrase_env)
    # The second signature goes into the signed copy itself: one signed file per agreement.
    copy = pdf_file.with_name(pdf_file.stem + SIGNED_SUFFIX + ".pdf")
    if target is None and not pdf_file.stem.endswith(SIGNED_SUFFIX) and copy.is_file() \
            and ownership.is_signed(copy):
        if not _signed_from(copy, pdf_file):
            err.print(f"[red]FEIL[/red] {escape(copy.name)} finnes og er signert fra en "
                      "annen versjon av avtalen (gamle data); ingenting er signert. Flytt "
                      "den til et eget arkiv først, så lages en ny signert kopi.")
            raise typer.Exit(1)
        pdf_file = copy  # signed once already: the next signature goes into that copy
    out_path = target or (pdf_file if pdf_file.stem.endswith(SIGNED_SUFFIX) else copy)
    if target is not None and target.resolve() != pdf_file.resolve() and target.is_file() \
            and ownership.is_signed(target):
        err.print(f"[red]FEIL[/red] {escape(target.name)} finnes og er signert; den skrives "
                  "ikke over. Velg et annet filnavn med --ut.")
        raise typer.Exit(1)
    try:
        with year_lock(out_path):
            sign_pdf(pdf_file, field, certificate, secret.encode() if secret else None,
                     out_path, variable=passphrase_env, other_signer=other_signer)
            try:
                after = archive_signed(pdf_file, out_path)
            except (ArchiveError, OSError) as e:
                err.print(f"[red]FEIL[/red] Filen er signert, men arkivposten ble ikke "
                          f"oppdatert: {escape(str(e))}")
                raise typer.Exit(1) from None
    except (SigningError, BuildError, OSError) as e:
        err.print(f"[red]FEIL[/red] {escape(str(e))}")
        raise typer.Exit(1) from None
    console.print(f"Signerte feltet «{field}»: {out_path}")
    if after is None:
        return
    state = after.signed.state
    if state.complete and after.signed.current:
        where = f": {after.sidecar}" if after.sidecar else ""
        console.print(f"Avtalen er signert av alle; arkivposten viser nå den signerte filen"
                      f"{where}")
    elif out_path.resolve() == pdf_file.resolve() and not out_path.stem.endswith(SIGNED_SUFFIX):
        # signed in place: the record names this file as it is now (see with_signature)
        console.print(f"Avtalen er {state.status} ({state.summary()}). Arkivposten viser "
                      "PDF-en slik den er nå, under redigering, til alle har signert.")
    else:
        console.print(f"Avtalen er {state.status} ({state.summary()}). Arkivposten viser den "
                      "usignerte PDF-en til alle har signert.")


def _signed_from(copy: Path, pdf: Path) -> bool:
    """The signed copy begins with the PDF's bytes: it was signed from this PDF."""
    size = pdf.stat().st_size
    with copy.open("rb") as a, pdf.open("rb") as b:
        return a.read(size) == b.read() and size > 0


@command()
def docs(
    target: Annotated[Path | None, typer.Argument(
        help="Filen dokumentasjonen skrives til. Uten fil skrives den til skjermen "
        "(standard ut).", show_default=False, metavar="FIL")] = None,
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
                                           show_default=False, metavar="MAPPE")],
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

        written = write_demo_xlsm(folder, målform)
    else:
        written = pipeline.write_demo(folder, målform)
    for p in written:
        console.print(f"Skrev {p}")


@command()
def build(
    workbooks: Workbooks = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Mappen dokumentene skrives til. Standard: «dokumenter» i mappen "
        "arbeidsbøkene ligger i («dokument» ved nynorske arbeidsbøker).",
        show_default=False)] = None,
    only: Annotated[list[str] | None, typer.Option(
        "--only", help="Bare disse dokumenttypene (gjentatt eller med komma, på bokmål "
        "eller nynorsk): " + ", ".join(KINDS) + ".")] = None,
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
    code = build_command.run(console, err, workbooks, out, only, tertial, templates, pdf, force)
    if code == INTERRUPTED:
        global _interrupt_told
        _interrupt_told = True
    if code:
        raise typer.Exit(code)


@command()
def doctor(
    folder: Annotated[Path | None, typer.Argument(
        help="Mappen med arbeidsbøkene. Uten argument brukes mappen du står i.",
        show_default=False, metavar="MAPPE")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Utmappen som skal prøves. Standard: «dokumenter» ved siden av "
        "arbeidsbøkene («dokument» ved nynorske).", show_default=False)] = None,
) -> None:
    """Viser hva denne maskinen har for programmet: Python, LibreOffice (og hvor), skrifter,
    xlwings-tillegget og om utmappen kan skrives. Exit 1 når noe mangler."""
    from .doctor import findings

    found = findings(folder or Path.cwd(), out)
    style = {"OK": "green", "MERKNAD": "yellow", "FEIL": "red"}
    for f in found:
        console.print(f"[{style[f.level]}]{f.level}[/{style[f.level]}] {escape(f.what)}: "
                      f"{escape(f.text)}")
    errors = sum(f.level == "FEIL" for f in found)
    if errors:
        err.print(f"[red]{errors} feil[/red]: se linjene merket FEIL.")
        raise typer.Exit(1)
    console.print("[green]Klar[/green]: maskinen kan lage dokumentene, også PDF/A.")


runde_app = typer.Typer(
    name="runde", no_args_is_help=True, add_completion=False, rich_markup_mode=None,
    help="Rapporteringsrunden: hver leder rapporterer status i sin egen arbeidsbok.")
app.add_typer(runde_app, name="runde")


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    err.print(f"[red]FEIL[/red] --frist «{escape(text)}» er ikke en dato; skriv f.eks. "
              "14.09.2026 eller 2026-09-14.")
    raise typer.Exit(2)


Tertial = Annotated[int | None, typer.Option(
    "--tertial", min=1, max=3, help="Tertialet det rapporteres for. Standard: det siste med "
    "økonomitall.")]


@runde_app.command("ut")
def runde_ut(
    workbooks: Workbooks = None,
    tertial: Tertial = None,
    frist: Annotated[str | None, typer.Option(
        "--frist", help="Svarfristen, f.eks. 14.09.2026. Standard: to uker etter "
        "tertialets slutt.", show_default=False)] = None,
) -> None:
    """Lager én arbeidsbok og ett e-postutkast per leder i runde/<år>-t<n>/ut/."""
    from .output import runde

    inputs = paths.default_inputs(workbooks)
    try:
        result, round_, sent = runde.ut(inputs, tertial, _date(frist))
    except runde.RundeError as e:
        from .input.validate import load

        print_problems(load(inputs).problems.errors)
        err.print(f"[red]FEIL[/red] {e}")
        raise typer.Exit(1) from None
    print_problems(result.problems.notices)
    for leder in sent.uten_epost:
        err.print(f"[yellow]MERKNAD[/yellow] {escape(leder.navn)} ({leder.id}) har ingen "
                  "e-postadresse i arket Ledere; utkastet har ingen mottaker.")
    console.print(f"[green]Ferdig[/green]: {len(sent.workbooks)} arbeidsbøker og "
                  f"{len(sent.drafts)} e-postutkast for runden {round_.navn} i {sent.folder}. "
                  f"Legg svarene i {sent.folder.parent / 'inn'} og kjør «styring runde inn».")


@runde_app.command("inn")
def runde_inn(
    workbooks: Workbooks = None,
    tertial: Tertial = None,
    skriv: Annotated[bool, typer.Option(
        "--skriv", help="Skriv svarene inn i arbeidsbøkene (bare svarcellene, etter en "
        "sikkerhetskopi).")] = False,
) -> None:
    """Leser svarene i runde/<år>-t<n>/inn/, viser hvem som mangler og lager påminnelser."""
    from .output import runde

    inputs = paths.default_inputs(workbooks)
    try:
        done = runde.inn(inputs, tertial, skriv)
    except runde.RundeError as e:
        from .input.validate import load

        print_problems(load(inputs).problems.errors)
        err.print(f"[red]FEIL[/red] {e}")
        raise typer.Exit(1) from None
    print_problems(done.problems.items)
    svarene = done.innlest.svarene
    missing = svarene.mangler()
    total = len(done.runde.deltakere())
    console.print(f"Runden {done.runde.navn}: {total - len(missing)} av {total} ledere har "
                  f"svart ({done.innlest.filer} filer i inn/, {svarene.rader()[0]} rader med "
                  f"svar, {svarene.rader()[1]} bekreftet uendret).")
    if not done.innlest.filer:
        console.print(f"Ingen svar i {done.folder / 'inn'} ennå: legg filene lederne sender "
                      "tilbake der.")
    if missing:
        console.print(f"Mangler svar fra {len(missing)} ledere (påminnelser i "
                      f"{done.folder / 'purring'}):")
        for leder in missing:
            console.print(f"  {escape(leder.navn)} ({leder.id}), {escape(leder.stilling)}"
                          + ("" if leder.epost else " – ingen e-postadresse"))
    if done.skrevet is not None:
        if done.skrevet.count:
            console.print(f"Skrev {done.skrevet.count} celler i "
                          + ", ".join(done.skrevet.cells) + "; sikkerhetskopi i "
                          f"{done.skrevet.backup}.")
        elif not done.problems.errors:
            console.print("Ingen svar å skrive inn.")
    if done.problems.errors:
        err.print(f"[red]{len(done.problems.errors)} feil[/red] i svarene; filene og radene "
                  "med feil er ikke brukt.")
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the console script."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("Avbrutt.")
        sys.exit(130)
    except SystemExit as e:
        # Typer turns a Ctrl-C its commands do not catch into a silent exit 130.
        if e.code == 130 and isinstance(getattr(e.__context__, "__cause__", None),
                                        KeyboardInterrupt):
            err.print("Avbrutt.")
        raise
