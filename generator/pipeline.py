"""The one pipeline both doors (the CLI and the Excel button) call: paths in, report out.

:func:`build` runs five named phases over typed hand-offs: :func:`load_phase` (workbooks →
validated model, :class:`Loaded`) → :func:`plan_phase` (documents, templates, delivery:
:class:`BuildPlan`) → :func:`render_phase` (what changed → DOCX in the staging folder) →
:func:`finish_phase` (PDF/A, archive, delivery, overview) → :func:`commit_phase` (all in
place at once, with the manifest), the last three inside one lock/commit transaction
(:func:`generator.output.stage.transaction`). Nothing is written unless everything passed.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from . import ctrl_c_seen, template_folder, texts
from .demo.data import demo_data
from .demo.logo import with_profile
from .demo.logo import write as write_logo
from .demo.nynorsk import nynorsk_demo_data
from .documents import KINDS, PlanError, Planned
from .documents.kind import display as kind_display
from .documents.standardtekster import tekster_felt
from .errors import OutputError, os_reason
from .input.blank import write_workbooks
from .input.profile_reader import depends, for_build
from .input.runde import med_runden
from .input.schema import WORKBOOKS, workbook_files
from .input.validate import LoadResult, load
from .input.workbook_cache import WorkbookCache
from .model.styringsdata import Styringsdata
from .output import fastpath
from .output import pdf as pdf_a  # looked up at build time (a test stands in for soffice)
from .output import stage as building
from .output.delivery.extra import Delivery, Notice
from .output.delivery.plan import plan_delivery
from .paths import DEMO_DIR, ROOT, default_out  # noqa: F401 - re-exported for callers
from .problems import Problems, quiet_third_party
from .rendering.batch import Progress, render_documents
from .rendering.check import (
    UNUSABLE,
    kind_of,
    static_check,
    template_files,
    unusable_files,
)
from .rendering.check import check as check_template
from .rendering.prepared import prepare
from .rendering.template import TEMPLATE_DIR, Template, TemplateError
from .texts import active as texts_active
from .texts import restoring


class UserError(OutputError):
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
    unchanged: bool = False  # nothing differed: the build stopped at the no-change check
    counts: dict[str, int] = field(default_factory=dict)  # documents per kind
    names: dict[str, str] = field(default_factory=dict)  # kind → its name in the målform

    @property
    def ok(self) -> bool:
        return not self.problems.errors


def check(paths: Sequence[Path]) -> LoadResult:
    """Read and validate the workbooks; the result lists every problem (also those of the
    reporting round's returns, see :func:`generator.input.runde.med_runden`)."""
    result = load(list(paths))
    if result.data is not None:
        med_runden(result, paths, latest_tertial(result))
    return result


def free_for_workbooks(folder: Path, suffix: str, overwrite: bool) -> None:
    """Refuse to write blank workbooks over ones that are there (unless ``overwrite``)."""
    existing = [p for name in WORKBOOKS for stem in workbook_files(name)
                if (p := folder / f"{stem}{suffix}").exists()]
    if existing and not overwrite:
        raise UserError("finnes allerede: " + ", ".join(str(p) for p in existing)
                        + ". Velg en annen mappe eller bruk --overwrite.")


def blank_kommune(år: int | None, kommune: str | None,
                  målform: str | None = None) -> dict[str, int | str]:
    """What a blank workbook's Kommune sheet is given: the year (next year by default) and
    the municipality's name and målform when known."""
    known: dict[str, int | str] = {"år": år or date.today().year + 1}
    if kommune:
        known["navn"] = kommune
    if målform:
        known["målform"] = målform
    return known


def målform_name(målform: str | None) -> str | None:
    """A --målform option as the Kommune sheet writes it («nn» → «nynorsk»); raises
    :class:`UserError` for a language without a catalogue."""
    if målform is None:
        return None
    try:
        texts.language(målform)
    except texts.LanguageError as e:
        raise UserError(str(e)) from None
    code = texts.code(målform)
    return {texts.BOKMÅL: "bokmål", texts.NYNORSK: "nynorsk"}.get(code or "", målform)


def new_workbooks(folder: Path, år: int | None = None, kommune: str | None = None,
                  overwrite: bool = False, målform: str | None = None) -> list[Path]:
    """Write a blank, valid set of input workbooks (.xlsx) into ``folder``; the
    macro-enabled ones with the button are :func:`generator.excel.xlsm.new_xlsm_workbooks`.
    ``målform``: the standard texts, sheet names and headers in that language."""
    name = målform_name(målform)
    free_for_workbooks(folder, ".xlsx", overwrite)
    previous = texts.activate(texts.language(name))
    try:
        return write_workbooks(folder, {"kommune": blank_kommune(år, kommune, name),
                                        "tekster": tekster_felt()})
    finally:
        texts.activate(previous)


def write_demo(folder: Path, målform: str | None = None) -> list[Path]:
    """Write the demo workbooks into ``folder``: the fictional Fjellvik kommune, or with
    ``målform`` nynorsk Fjordvik kommune, typed in nynorsk."""
    name = målform_name(målform)
    nynorsk = texts.code(name) == texts.NYNORSK
    folder.mkdir(parents=True, exist_ok=True)
    if not nynorsk:
        data = with_profile(demo_data())
        logo = write_logo(folder, data)  # the Kommune sheet names it: it must be there first
        return [*write_workbooks(folder, data), logo]
    previous = texts.activate(texts.language(name))
    try:
        data = with_profile(nynorsk_demo_data())
        logo = write_logo(folder, data)
        return [*write_workbooks(folder, data), logo]
    finally:
        texts.activate(previous)


def plan_documents(result: LoadResult, kinds: Sequence[str], tertial: int | None
                   ) -> list[Planned]:
    """Every document the chosen kinds make from the data."""
    data = result.data
    assert data is not None

    def source(obj: object) -> str | None:
        row = result.source(obj)
        return f"{row.file} › {row.sheet} › rad {row.number}" if row else None

    planned: list[Planned] = []
    for kind in kinds:
        declared = KINDS[kind]
        planned += declared.documents(
            data, source, (tertial or latest_tertial(result)) if declared.per_tertial else 0)
    return planned


def use_language(result: LoadResult, problems: Problems) -> bool:
    """Make the Kommune sheet's Målform the language of what follows (see
    :mod:`generator.texts`); False after a FEIL (no catalogue for it)."""
    assert result.data is not None
    kommune = result.data.kommune
    row = result.source(kommune)
    place = (row.file, row.sheet) if row else ("Kommune", None)
    try:
        lang = texts.language(kommune.målform, result.folder(kommune))
    except texts.LanguageError as e:
        texts.activate(texts.Language())
        problems.error(place[0], place[1], "Målform", str(e))
        return False
    try:  # title and headings also in a second language («Parallelt språk»)
        lang = texts.with_parallel(lang, kommune.parallelt_språk, result.folder(kommune))
    except texts.LanguageError as e:
        texts.activate(texts.Language())
        problems.error(place[0], place[1], "Parallelt språk", str(e))
        return False
    texts.activate(lang)
    if lang.missing:
        problems.notice(str(lang.source), None, None,
                        f"språkfilen mangler {len(lang.missing)} tekster, som blir stående på "
                        f"{'nynorsk' if lang.fallback == texts.NYNORSK else 'bokmål'}: "
                        + "; ".join(f"«{m}»" for m in lang.missing))
    return True


def latest_tertial(result: LoadResult) -> int:
    """The newest tertial with economy figures (the default for --tertial)."""
    assert result.data is not None
    return max((ln.tertial for ln in result.data.økonomi), default=1)


@restoring  # the Målform applies to this build only (generator/texts.py)
def build(paths: Sequence[Path], out_dir: Path | None = None,
          kinds: Sequence[str] | None = None,
          tertial: int | None = None, template_dir: Path | None = None,
          progress: Progress | None = None, pdf: bool | None = None,
          force: bool = False) -> BuildReport:
    """Validate, plan, render what changed, convert to PDF/A and write archive metadata.

    ``pdf=None`` makes PDF/A when LibreOffice is installed and says so when it is not;
    ``pdf=True`` makes its absence an error. Nothing is written unless validation and
    every render pass; files are replaced atomically. ``out_dir=None``: ``dokumenter``
    beside the workbooks (each year in its own folder inside it); ``template_dir=None``:
    «Malmappe» in the workbooks, else the product's templates (see
    :mod:`generator.template_folder`).

    The phases: load → plan → render → finish (PDF, archive, delivery) → commit, the last
    three inside one lock/commit transaction on the year folder. A build with nothing to do
    stops before them, at the no-change check (:mod:`generator.output.fastpath`).
    """
    quiet_third_party()  # no English library warnings in the terminal or the Logg sheet
    started = time.perf_counter()
    out_dir = out_dir if out_dir is not None else default_out(paths)
    if (quick := fastpath.unchanged(paths, out_dir, template_dir, kinds, tertial, pdf, force)):
        return unchanged_report(quick, started)
    cache = WorkbookCache(out_dir)
    loaded = load_phase(paths, kinds, tertial, template_dir, pdf, cache)
    if ctrl_c_seen():  # a Ctrl-C a library turned into its own error (a «damaged» sheet)
        raise KeyboardInterrupt
    if not loaded.complete:
        return loaded.report
    plan = plan_phase(loaded, out_dir, kinds, tertial, pdf)
    if plan is None:
        return loaded.report
    try:
        with building.transaction(plan.year_folder, force) as st:
            render_phase(st, plan, progress)
            finished = finish_phase(st, plan)
            if ctrl_c_seen():  # a Ctrl-C that Python dropped in a finaliser: stop here
                raise KeyboardInterrupt
            outcome = commit_phase(st, plan, finished)
    except (building.BuildError, TemplateError) as e:
        loaded.report.problems.error(str(plan.year_folder), None, None, str(e))
        return loaded.report
    except OSError as e:
        where = e.filename2 or (e.filename if not str(e.filename).endswith(".tmp") else None)
        if where and str(where) != str(out_dir):  # the file it failed at (a rename: its target)
            loaded.report.problems.error(str(where), None, None,
                                         f"kan ikke skrives ({os_reason(e)}).")
            return loaded.report
        loaded.report.problems.error(str(out_dir), None, None, f"kan ikke skrive til mappen "
                                     f"({os_reason(e)}). Sjekk at den finnes, at du har "
                                     "skrivetilgang og at disken ikke er full.")
        return loaded.report
    cache.save()  # the workbooks as read, for the next build (only after a complete one)
    return built_report(loaded.report, plan, outcome, started)


@dataclass
class Loaded:
    """What the load phase hands on: the validated workbooks (with the reporting round's
    answers when a tertial report is built), the template folder, and the fingerprint the
    no-change check will compare next time."""

    report: BuildReport
    result: LoadResult
    template_dir: Path
    fingerprint: dict | None
    has_office: bool
    complete: bool = False  # False: the workbooks or the template folder could not be read

    @property
    def data(self) -> Styringsdata | None:
        return self.result.data


@dataclass
class BuildPlan:
    """What the plan phase hands on: every document to be in the year folder, the profiled
    templates, whether PDF/A is made, each kind's scope and the delivered files."""

    year_folder: Path
    planned: list[Planned]  # as the document kinds planned them
    documents: list[Planned]  # the same, file names made unique: what the build writes
    templates: dict[str, Template]
    want_pdf: bool
    scopes: dict[str, str]
    delivery: Delivery
    data: Styringsdata
    fingerprint: dict | None
    workbook_notices: list[Notice]
    checked: list[str] = field(default_factory=list)  # templates without static problems
    prepared: dict[str, str] = field(default_factory=dict)  # see rendering.prepared


def load_phase(paths: Sequence[Path], kinds: Sequence[str] | None, tertial: int | None,
               template_dir: Path | None, pdf: bool | None,
               cache: WorkbookCache | None = None) -> Loaded:
    """Read and validate the workbooks; find the template folder (``None``: «Malmappe» in
    the workbooks, else the product's). Every problem is in ``report.problems``."""
    has_office = pdf_a.soffice() is not None
    print_ = fastpath.fingerprint(paths, template_dir or TEMPLATE_DIR, kinds, tertial,
                                  has_office if pdf is None else pdf, auto=template_dir is None)
    result = load(list(paths), cache)
    report = BuildReport(result.problems, inputs=result.files)
    loaded = Loaded(report, result, template_dir or TEMPLATE_DIR, print_, has_office)
    if result.data is None:
        return loaded
    if not use_language(result, report.problems):
        return loaded
    if any(KINDS[k].per_tertial for k in kinds or KINDS):  # the leaders' answers
        med_runden(result, paths, tertial or latest_tertial(result))
    if template_dir is None:  # «Malmappe» in the workbooks, else the product's templates
        found = template_folder.from_workbooks(result, report.problems) or TEMPLATE_DIR
        if report.problems.errors:
            return loaded
        loaded.template_dir = found
        loaded.fingerprint = fastpath.retarget(print_, found)
    loaded.complete = True
    return loaded


def plan_phase(loaded: Loaded, out_dir: Path, kinds: Sequence[str] | None,
               tertial: int | None, pdf: bool | None) -> BuildPlan | None:
    """Every document the chosen kinds make, their templates (checked and given the
    municipality's logo, colour and font), PDF/A or not, and the delivered files; None
    (with the problems in the report) when a document or template cannot be made."""
    result, report = loaded.result, loaded.report
    assert result.data is not None
    kinds = list(kinds or KINDS)
    try:
        planned = plan_documents(result, kinds, tertial)
    except PlanError as e:
        report.problems.error("build", None, None, str(e))
        return None
    kommune = result.data.kommune
    year_folder = out_dir / str(kommune.år)
    checked = fastpath.checked_templates(year_folder)
    templates = load_templates(planned, loaded.template_dir, report.problems, checked)
    if report.problems.errors:
        return None
    checked = {t.sha256 for t in templates.values()}
    profile_folder = result.folder(kommune)  # where the Kommune sheet's workbook is
    profil = for_build(kommune, profile_folder)  # the logo, colour and font
    known = fastpath.prepared_templates(year_folder)  # applied once, remembered by hash
    lang = texts_active()
    prepared = {name: prepare(t, profil, lang, known) for name, t in templates.items()}
    templates = dict(prepared)
    print_ = loaded.fingerprint
    extra = depends(kommune, profile_folder)
    for catalogue in (texts_active().source, texts_active().parallel_source):
        if catalogue is not None:  # a språk/<kode>.po
            extra[str(catalogue.resolve())] = hashlib.sha256(catalogue.read_bytes()).hexdigest()
    if print_ is not None and extra:
        print_["depends"] = extra  # the no-change check also compares the logo file
    has_office = loaded.has_office
    want_pdf = has_office if pdf is None else pdf
    if want_pdf and not has_office:
        report.problems.error("PDF", None, None, pdf_a.INSTALL_HINT)
        want_pdf = False
    elif pdf is None and not has_office:
        report.pdf_note = pdf_a.INSTALL_HINT
    scopes_ = scopes(result, kinds, tertial)
    return BuildPlan(
        year_folder=year_folder, planned=planned,
        documents=building.unique(planned), templates=templates, want_pdf=want_pdf,
        scopes=scopes_, delivery=plan_delivery(result, planned, scopes_, want_pdf),
        data=result.data, fingerprint=print_,
        workbook_notices=[(p.place, p.message) for p in result.problems.notices],
        checked=sorted(checked),
        prepared={t.key: t.sha256 for t in prepared.values()})


def load_templates(planned: list[Planned], template_dir: Path, problems: Problems,
                   checked: set[str] | frozenset[str] = frozenset()) -> dict[str, Template]:
    """The template of every planned document, read and checked (problems into
    ``problems``); one whose SHA-256 is in ``checked`` passed the same static check in the
    last complete build (see :func:`generator.output.fastpath.checked_templates`)."""
    templates: dict[str, Template] = {}
    kinds_of = {doc.template: doc.kind for doc in planned}
    first = {doc.template: doc for doc in reversed(planned)}
    for name in dict.fromkeys(doc.template for doc in planned):
        try:
            path = find_template(template_dir, name, kinds_of[name])
            if not path.exists() and template_dir.is_dir() and path.parent != TEMPLATE_DIR:
                problems.notice(str(template_dir), None, None,
                                f"malmappen har ingen mal for {kinds_of[name]}; produktets mal "
                                f"brukes. Legg en mal der med et filnavn som begynner med "
                                f"«{kinds_of[name]}» for å bruke kommunens egen.")
                path = TEMPLATE_DIR / name
            templates[name] = Template(path, checked)
        except TemplateError as e:
            message = str(e)
            file = message.split(": ", 1)[0]  # the file it is about (a folder's own one)
            file = (file if file.lower().endswith((".docx", *UNUSABLE))
                    or file == str(template_dir) else name)
            problems.error(file, None, None, message.removeprefix(f"{file}: "))
            continue
        if templates[name].path.parent.resolve() == TEMPLATE_DIR.resolve():
            if templates[name].sha256 not in checked:
                problems.extend(static_check(templates[name]))
            continue
        # A municipality's own template: tried against the first document's data, as
        # «check-templates» does, so that every problem in it is named at once (template,
        # part and tag), not only the first the render stops at.
        doc = first[name]
        problems.extend(check_template(templates[name], doc.context,
                                       doc.images() if doc.images else {}))
    return templates


def render_phase(st: building.Stage, plan: BuildPlan, progress: Progress | None) -> None:
    """Render the documents whose data or template changed into the staging folder; the
    others are reused as they are."""
    todo = building.to_render(st, plan.documents, plan.templates, plan.want_pdf, plan.scopes)
    if plan.want_pdf:
        st.start_office(len(todo))  # LibreOffice starts while the documents are rendered
    st.outcome.rendered = render_documents(todo, plan.templates, st.path,
                                           len(st.outcome.reused), len(plan.documents),
                                           progress)
    st.outcome.timings["docx"] = time.perf_counter() - st.started


def finish_phase(st: building.Stage, plan: BuildPlan) -> building.Finished:
    """PDF/A with signature fields, the archive metadata, the delivered files (e-mail
    drafts, calendars) and the overview page, all staged."""
    return building.finish(st, plan.documents, plan.data, want_pdf=plan.want_pdf,
                           scopes=plan.scopes, delivery=plan.delivery,
                           workbook_notices=plan.workbook_notices)


def commit_phase(st: building.Stage, plan: BuildPlan,
                 finished: building.Finished) -> building.Outcome:
    """Everything staged into place at once, with the manifest and the no-change record."""
    return building.commit_build(st, finished, plan.fingerprint, plan.checked, plan.prepared)


def built_report(report: BuildReport, plan: BuildPlan, outcome: building.Outcome,
                 started: float) -> BuildReport:
    """The report of a build that wrote its year folder."""
    year_folder = plan.year_folder
    report.files = outcome.files
    report.documents = plan.planned
    for doc in plan.planned:
        report.counts[doc.kind] = report.counts.get(doc.kind, 0) + 1
        report.names[doc.kind] = kind_display(doc.kind)  # the build's målform is active
    for rel, message in outcome.notices:
        report.problems.notice(str(year_folder / rel) if rel != "." else str(year_folder),
                               None, None, message)
    report.outcome = outcome
    report.out_dir = year_folder
    report.seconds = time.perf_counter() - started
    return report


def scopes(result: LoadResult, kinds: Sequence[str], tertial: int | None) -> dict[str, str]:
    """Kind → what a build of it covers: each tertial's report is its own document."""
    return {kind: f"{kind}:{tertial or latest_tertial(result)}" if KINDS[kind].per_tertial
            else kind for kind in kinds}


def unchanged_report(quick: Any, started: float) -> BuildReport:
    """The report of a build that found nothing to do (see :mod:`generator.output.fastpath`)."""
    report = BuildReport(Problems(), files=quick.files, out_dir=quick.folder, unchanged=True,
                         counts=quick.counts)
    for rel, message in quick.notices:
        report.problems.notice(str(quick.folder / rel) if rel != "." else str(quick.folder),
                               None, None, message)
    report.seconds = time.perf_counter() - started
    return report


def several(kind: str, paths: Sequence[Path]) -> str:
    """The message for a folder with more than one template for a kind."""
    return (f"flere maler er for {kind} (" + ", ".join(p.name for p in paths)
            + "); la bare én være igjen.")


def find_template(folder: Path, name: str, kind: str) -> Path:
    """The template for a kind in ``folder``: the product's file name, else the one template
    recognised as that kind (file name beginning with the kind, or property «Kategori»)."""
    if (folder / name).exists() or not folder.is_dir():
        return folder / name
    found = []
    for path in template_files([folder]):
        try:
            if kind_of(Template(path), list(KINDS)) == kind:
                found.append(path)
        except TemplateError:
            continue
    if len(found) > 1:
        raise TemplateError(f"{folder}: {several(kind, found)}")
    if not found:  # one meant for the kind that cannot be used: named, not passed over
        for path, why in unusable_files([folder]):
            if path.stem.lower().startswith(kind):
                raise TemplateError(f"{path.name}: {why}")
        for path in template_files([folder]):
            if path.stem.lower().startswith(kind):
                Template(path)  # raises what is wrong with it
    return found[0] if found else folder / name


def check_templates(paths: Sequence[Path],
                    template_dir: Path | Sequence[Path] | None = None,
                    kinds: Sequence[str] | None = None) -> Problems:
    """Trial-render every Word template in the folder(s) against the data: each template's
    kind is recognised (file name or the property «Kategori»); every problem is reported.
    ``template_dir=None``: «Malmappe» in the workbooks, else the product's templates."""
    result = load(list(paths))
    problems = Problems()
    if result.data is None:
        problems.extend(result.problems.errors)
        return problems
    if template_dir is None:
        template_dir = template_folder.from_workbooks(result, problems) or TEMPLATE_DIR
        if problems.errors:
            return problems
    folders = [template_dir] if isinstance(template_dir, Path) else list(template_dir)
    files = template_files(folders)
    unusable = unusable_files(folders)
    for path, why in unusable:
        problems.error(path.name, None, None, why)
    if not files and not unusable:
        problems.error(", ".join(str(f) for f in folders), None, None,
                       "fant ingen Word-maler (.docx) her.")
    wanted = list(kinds or KINDS)
    contexts: dict[str, Planned | None] = {}
    of_kind: dict[str, list[Path]] = {}  # a build would not know which to use
    for path in files:
        try:
            template = Template(path)
        except TemplateError as e:
            problems.error(path.name, None, None, str(e).removeprefix(f"{path.name}: "))
            continue
        kind = kind_of(template, list(KINDS))
        if kind is None:
            problems.error(path.name, None, None, "kan ikke se hvilken dokumenttype malen er for. "
                           "La filnavnet begynne med en av " + ", ".join(KINDS) + ", eller "
                           "skriv typen i dokumentegenskapen «Kategori» (Fil › Info › "
                           "Egenskaper i Word).")
            continue
        of_kind.setdefault(kind, []).append(path)
        if kind not in wanted:
            continue
        if kind not in contexts:
            try:
                contexts[kind] = next(iter(plan_documents(result, [kind], None)), None)
            except PlanError as e:
                problems.error(path.name, None, None, str(e))
                contexts[kind] = None
                continue
        doc = contexts[kind]
        if doc is None:
            problems.notice(path.name, None, None, f"dataene har ingen {kind} å prøve malen mot; "
                            "bare tag-syntaksen er sjekket.")
            problems.extend(static_check(template))
            continue
        problems.extend(check_template(template, doc.context,
                                       doc.images() if doc.images else {}))
    for kind, paths in of_kind.items():
        for folder in folders:
            in_folder = [p for p in paths if p.parent == folder]
            if (len(in_folder) > 1 and folder.is_dir()  # the product's name picks one
                    and not (folder / KINDS[kind].template).exists()):
                problems.error(str(folder), None, None, several(kind, in_folder))
    return problems
