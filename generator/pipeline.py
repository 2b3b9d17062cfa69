"""The one pipeline both doors (the CLI and the Excel button) call: paths in, report out.

workbooks → validated model → planned documents (context per document) →
rendered DOCX, written only when everything rendered.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .documents import KINDS, PlanError, Planned
from .paths import DEFAULT_OUT, DEMO_DIR, ROOT  # noqa: F401 - re-exported for callers
from .problems import Problems
from .render import TEMPLATE_DIR, Template, TemplateError
from .schema import WORKBOOKS
from .template_check import static_check
from .workbook.blank import write_workbooks
from .workbook.validate import LoadResult, load

Progress = Callable[[int, int, str], None]


class UserError(Exception):
    """A problem the user can fix; the message is bokmål and names what to do."""


@dataclass
class BuildReport:
    """What a build made (or why it made nothing)."""

    problems: Problems
    files: list[Path] = field(default_factory=list)
    documents: list[Planned] = field(default_factory=list)
    out_dir: Path | None = None
    seconds: float = 0.0
    inputs: list[Path] = field(default_factory=list)
    outcome: Any = None
    pdf_note: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def check(paths: Sequence[Path]) -> LoadResult:
    """Read and validate the workbooks; the result lists every problem."""
    return load(list(paths))


def new_workbooks(folder: Path, år: int | None = None, kommune: str | None = None,
                  overwrite: bool = False, suffix: str = ".xlsx") -> list[Path]:
    """Write a blank, valid set of input workbooks into ``folder``.

    ``suffix=".xlsm"`` makes macro-enabled workbooks with the button «Lag dokumenter»,
    each with its shim module (``styring.xlsm`` + ``styring.py``).
    """
    xlsm = suffix.lower() == ".xlsm"
    targets = [folder / f"{name}{suffix}" for name in WORKBOOKS]
    if xlsm:
        targets += [folder / f"{name}.py" for name in WORKBOOKS]
    existing = [p for p in targets if p.exists()]
    if existing and not overwrite:
        raise UserError("finnes allerede: " + ", ".join(str(p) for p in existing)
                        + ". Velg en annen mappe eller bruk --overwrite.")
    known = {"år": år or date.today().year + 1}
    if kommune:
        known["navn"] = kommune
    if xlsm:
        from .workbook.xlsm import XlsmError, write_xlsm_workbooks

        try:
            return write_xlsm_workbooks(folder, {"kommune": known})
        except XlsmError as e:
            raise UserError(str(e)) from None
    from .standardtekster import tekster_felt

    return write_workbooks(folder, {"kommune": known, "tekster": tekster_felt()}, suffix=suffix)


def write_demo(folder: Path = DEMO_DIR) -> list[Path]:
    """Write the demo workbooks (the fictional Fjellvik kommune) into ``folder``."""
    from .demo import demo_data

    return write_workbooks(folder, demo_data())


def plan(result: LoadResult, kinds: Sequence[str], tertial: int | None) -> list[Planned]:
    """Every document the chosen kinds make from the data."""
    data = result.data
    assert data is not None

    def source(obj: object) -> str | None:
        row = result.source(obj)
        return f"{row.file} › {row.sheet} › rad {row.number}" if row else None

    planned: list[Planned] = []
    for kind in kinds:
        module = KINDS[kind]
        if kind == "tertialrapport":
            nr = tertial or latest_tertial(result)
            planned += module.plan(data, source, nr)
        else:
            planned += module.plan(data, source)
    return planned


def latest_tertial(result: LoadResult) -> int:
    """The newest tertial with economy figures (the default for --tertial)."""
    assert result.data is not None
    return max((ln.tertial for ln in result.data.økonomi), default=1)


def build(paths: Sequence[Path], out_dir: Path = DEFAULT_OUT, kinds: Sequence[str] | None = None,
          tertial: int | None = None, template_dir: Path = TEMPLATE_DIR,
          progress: Progress | None = None, pdf: bool | None = None,
          force: bool = False) -> BuildReport:
    """Validate, plan, render what changed, convert to PDF/A and write archive metadata.

    ``pdf=None`` makes PDF/A when LibreOffice is installed and says so when it is not;
    ``pdf=True`` makes its absence an error. Nothing is written unless validation and
    every render pass; files are replaced atomically.
    """
    from . import build as building
    from .pdf import INSTALL_HINT, soffice

    started = time.perf_counter()
    result = load(list(paths))
    report = BuildReport(result.problems, inputs=result.files)
    if result.data is None:
        return report
    kinds = list(kinds or KINDS)
    try:
        planned = plan(result, kinds, tertial)
    except PlanError as e:
        report.problems.error("build", None, None, str(e))
        return report
    templates: dict[str, Template] = {}
    for name in dict.fromkeys(doc.template for doc in planned):
        try:
            templates[name] = Template(template_dir / name)
        except TemplateError as e:
            report.problems.error(name, None, None, str(e))
            continue
        report.problems.extend(static_check(templates[name]))
    if report.problems.errors:
        return report
    has_office = soffice() is not None
    want_pdf = has_office if pdf is None else pdf
    if want_pdf and not has_office:
        report.problems.error("PDF", None, None, INSTALL_HINT)
        want_pdf = False
    elif pdf is None and not has_office:
        report.pdf_note = INSTALL_HINT
    year_dir = out_dir / str(result.data.kommune.år)
    try:
        outcome = building.run(planned, templates, year_dir, result.data, want_pdf=want_pdf,
                               force=force, progress=progress)
    except building.BuildError as e:
        report.problems.error(str(year_dir), None, None, str(e))
        return report
    except OSError as e:
        report.problems.error(str(out_dir), None, None, f"kan ikke skrive til mappen "
                              f"({e.strerror}). Sjekk at den finnes, at du har skrivetilgang "
                              "og at disken ikke er full.")
        return report
    report.files = outcome.files
    report.documents = planned
    report.outcome = outcome
    report.out_dir = year_dir
    report.seconds = time.perf_counter() - started
    return report


def check_templates(paths: Sequence[Path], template_dir: Path = TEMPLATE_DIR,
                    kinds: Sequence[str] | None = None) -> Problems:
    """Trial-render every template against the data and report bad or unknown tags."""
    from .template_check import check as check_template

    result = load(list(paths))
    problems = Problems()
    if result.data is None:
        problems.extend(result.problems.errors)
        return problems
    for kind in kinds or KINDS:
        doc = plan(result, [kind], None)[0]
        try:
            template = Template(template_dir / doc.template)
        except TemplateError as e:
            problems.error(doc.template, None, None, str(e))
            continue
        problems.extend(check_template(template, doc.context,
                                       doc.images() if doc.images else {}))
    return problems
