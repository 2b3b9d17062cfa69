"""Compiled templates kept on disk (:mod:`generator.rendering.compiled`, issue 30 «small
changes are fast»): the same bytes as compiling afresh, a damaged or stale cache file only
costs time, and a one-cell rebuild whose templates did not change never imports docxtpl or
python-docx."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest

from generator.pipeline import ROOT
from generator.rendering import compiled
from generator.rendering.fast import FastTemplate, Unsupported
from generator.rendering.template import TEMPLATE_DIR, Listing, environment

from .docxtpl_cases import CASES, DATA

STAMP = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
BUNDLED = sorted(TEMPLATE_DIR.glob("*.docx"))


def _render(path: Path, context: dict, cache: Path | None, env: bool = False) -> bytes:
    tpl = FastTemplate(path, environment() if env else None, created=STAMP, modified=STAMP,
                       cache=cache)
    return tpl.render(context, {"title": "Tittel"})


def _cases() -> list[tuple[str, dict]]:
    out = []
    for name, make in sorted(CASES.items()):
        context = make(lambda url: "rId999", lambda: None)
        try:
            FastTemplate(DATA / name).render(context)
        except Unsupported:
            continue  # hyperlinks, images: docxtpl's path, not compiled here
        out.append((name, context))
    return out


@pytest.mark.parametrize(("name", "context"), _cases(), ids=lambda v: v if isinstance(v, str)
                         else "")
def test_a_cached_compilation_renders_the_same_bytes(name: str, context: dict,
                                                     tmp_path: Path) -> None:
    """docxtpl's own test templates (tables, merges, listings, escapes, headers, footnotes,
    properties): no cache, a cold cache and a warm one give the same document."""
    fresh = _render(DATA / name, context, None, env=True)
    cold = _render(DATA / name, context, tmp_path)
    assert len(list(tmp_path.glob("*.bin"))) == 1  # written once compiled
    warm = _render(DATA / name, context, tmp_path)
    assert fresh == cold == warm


def test_the_bundled_templates_compile_to_the_same_code(tmp_path: Path) -> None:
    for path in BUNDLED:
        cold = FastTemplate(path, cache=tmp_path)
        warm = FastTemplate(path, cache=tmp_path)
        fresh = FastTemplate(path, environment())
        assert warm._memo.found and not cold._memo.found
        for name, part in fresh._parts.items():
            assert warm._parts[name].source == cold._parts[name].source == part.source
            assert (warm._parts[name].template.root_render_func.__code__.co_code
                    == part.template.root_render_func.__code__.co_code)


def test_a_damaged_cache_file_is_made_again(tmp_path: Path) -> None:
    context = dict(CASES["order_tpl.docx"](lambda url: "", lambda: None))
    good = _render(DATA / "order_tpl.docx", context, tmp_path)
    [cached] = tmp_path.glob("*.bin")
    for junk in (b"", b"\x00garbage", cached.read_bytes()[:100]):
        cached.write_bytes(junk)
        assert _render(DATA / "order_tpl.docx", context, tmp_path) == good
        assert cached.read_bytes() not in (b"", b"\x00garbage")  # written again, whole
    assert _render(DATA / "order_tpl.docx", context, tmp_path) == good


def test_a_changed_template_gets_its_own_cache_file(tmp_path: Path) -> None:
    path = DATA / "order_tpl.docx"
    context = dict(CASES["order_tpl.docx"](lambda url: "", lambda: None))
    _render(path, context, tmp_path)
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zo:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"Eric", b"Erik") if b"Eric" in data else data + b" "
                data = data.replace(b"{{customer_name}}", b"{{customer_name|upper}}")
            zo.writestr(info, data)
    changed = tmp_path / "changed.docx"
    changed.write_bytes(buf.getvalue())
    _render(changed, context, tmp_path)
    assert len(list(tmp_path.glob("*.bin"))) == 2
    assert _render(changed, context, tmp_path) == _render(changed, context, None, env=True)


def test_the_cache_folder_can_be_named_or_turned_off(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    monkeypatch.setenv("STYRING_CACHE", str(tmp_path / "c"))
    assert compiled.folder() == tmp_path / "c"
    for off in ("av", "", "0"):
        monkeypatch.setenv("STYRING_CACHE", off)
        assert compiled.folder() is None
    monkeypatch.delenv("STYRING_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    if sys.platform != "win32":
        assert compiled.folder() == tmp_path / "x" / "styringsdokumenter"


def test_listing_is_docxtpls() -> None:
    """The product's own Listing escapes and prints as docxtpl's does."""
    from docxtpl import Listing as DocxtplListing

    for text in ("a\nb", "<b>&\"'</b>\n\tx", "æøå\n\a\f"):
        assert str(Listing(text)) == str(DocxtplListing(text))
        assert Listing(text).__html__() == DocxtplListing(text).__html__()


# -- a one-cell rebuild, in processes of its own ------------------------------------------------

CHECK = """
import sys
from pathlib import Path
from generator import pipeline
report = pipeline.build([Path(sys.argv[1])], Path(sys.argv[2]), pdf=False)
assert report.ok, report.problems.items
print(len(report.outcome.rendered))
print(sorted(m for m in ("docx", "docxtpl", "PIL") if m in sys.modules))
"""


def _build(wb: Path, out: Path, cache: str) -> tuple[int, str]:
    env = {**os.environ, "STYRING_CACHE": cache}
    p = subprocess.run([sys.executable, "-c", CHECK, str(wb), str(out)], cwd=ROOT, env=env,
                       capture_output=True, text=True, check=True)
    rendered, loaded = p.stdout.splitlines()[-2:]
    return int(rendered), loaded


def _edit(wb: Path, text: str) -> None:
    path = wb / "lederavtaler.xlsx"
    book = openpyxl.load_workbook(path)
    ws = book["Lederavtaler"]
    col = next(c.column for c in ws[1] if c.value and "bidrag" in str(c.value).lower())
    ws.cell(row=2, column=col).value = text
    book.save(path)


def test_a_one_cell_rebuild_imports_neither_docxtpl_nor_python_docx(demo: Path,
                                                                   tmp_path: Path) -> None:
    """Nor Pillow: the demo's logo was checked by the first build."""
    cache, out = tmp_path / "cache", tmp_path / "ut"
    _build(demo, out, str(cache))  # the first build compiles and keeps the templates
    assert list(cache.glob("*.bin"))
    _edit(demo, "Et nytt bidrag i dag\nmed linjeskift")
    rendered, loaded = _build(demo, out, str(cache))
    assert rendered >= 1 and loaded == "[]"
    import docx

    changed = [p for p in (out / "2026").rglob("*.docx")
               if "Et nytt bidrag i dag" in "\n".join(par.text for par in
                                                      docx.Document(p).paragraphs)]
    assert len(changed) == rendered  # the agreement (and its public variant)
    assert list(cache.glob("anvendt-*.docx"))  # the profiled template kept, and used:
    # every document as a build without any cache makes it
    _build(demo, tmp_path / "fersk", "av")
    ours = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.docx")}
    fresh = {p.relative_to(tmp_path / "fersk"): p.read_bytes()
             for p in (tmp_path / "fersk").rglob("*.docx")}
    assert ours == fresh and len(ours) > 40
    # without the cache the same rebuild needs docxtpl's preprocessing (the guard's control)
    _edit(demo, "Et annet bidrag")
    rendered, loaded = _build(demo, out, "av")
    assert rendered >= 1 and loaded == "['PIL', 'docx', 'docxtpl']"


# -- resolve_listing, the product's own against docxtpl's ---------------------------------------

_PIECES = ["<w:p>", "<w:p w:rsidR=\"00A1\">", "<w:p/>", "<w:p w:rsidR=\"1\"/>", "</w:p>",
           "<w:pPr>", "<w:pPr><w:pStyle w:val=\"Liste\"/>", "</w:pPr>", "<w:r>",
           "<w:r w:rsidRPr=\"2\">", "</w:r>", "<w:rPr><w:b/>", "<w:rPr>", "</w:rPr>", "<w:t>",
           "<w:t xml:space=\"preserve\">", "<w:t/>", "</w:t>", "<w:tab/>", "<w:tbl><w:tr><w:tc>",
           "</w:tc></w:tr></w:tbl>", "<w:rPrChange>", "<w:pPrChange/>", "\t", "\n", "\a", "\f",
           "tekst", " ", "&amp;", "æøå", "%", "\r\n"]


def _sweep(n: int, seed: int = 30) -> list[str]:
    import random

    rng = random.Random(seed)
    out = []
    for _ in range(n):
        out.append("".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40))))
    well_formed = ("<w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr><w:r><w:rPr><w:i/></w:rPr>"
                   "<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>")
    for chars in ("a\tb", "a\nb\nc", "a\ab", "a\fb", "\t\n\a\f", "x\n\ty\a\fz"):
        out.append(well_formed.format(chars))
        out.append(well_formed.format(chars).replace("<w:pPr>", "<w:pPr>\n")
                   .replace("<w:rPr>", "<w:rPr>\n"))
    return out


def test_resolve_listing_is_docxtpls() -> None:
    from docxtpl import DocxTemplate

    from generator.rendering.template import resolve_listing

    theirs = DocxTemplate(None)
    for xml in _sweep(3000):
        assert resolve_listing(xml) == theirs.resolve_listing(xml), repr(xml)


# -- core properties written from a serialised skeleton: lxml's bytes -------------------------

def test_core_properties_are_lxmls_bytes() -> None:
    import random

    from generator.rendering.docx_package import CORE_FIELDS

    rng = random.Random(30)
    alphabet = ["a", "Å", "&", "<", ">", "\"", "'", "]]>", " ", "\t", "\n", "\r", "\x01", "ő",
                "\ue000", "\ue0001\ue001", "😀", "&amp;", "{{ x }}", "\x7f", "\u2028"]
    names = [k for k in CORE_FIELDS if k not in ("created", "modified", "last_printed")]
    templates = [*BUNDLED, DATA / "doc_properties_tpl.docx"]
    for path in templates:
        tpl = FastTemplate(path, created=STAMP, modified=STAMP)
        if path.parent == TEMPLATE_DIR:
            tpl._props = {}  # their tags want the product's data: here the writing is tested
        for _ in range(150):
            keys = rng.sample(names, rng.randint(0, len(names)))
            props = {k: "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
                     for k in keys}
            if rng.random() < 0.2 and keys:
                props[keys[0]] = None
            if rng.random() < 0.3:
                props["modified"] = datetime(2026, rng.randint(1, 12), 3, tzinfo=UTC)
            context = {"test": rng.choice(alphabet)}
            try:
                expected = tpl._core_tree(tpl._core_values(props, context))
            except ValueError:  # lxml refuses control characters: so must the fast path
                with pytest.raises(ValueError):
                    tpl._core_xml(props, context)
                continue
            assert tpl._core_xml(props, context) == expected, props


# -- the template with the profile applied, kept by what it is made from -----------------------

def test_the_applied_template_is_kept_and_used_only_with_the_recorded_hash(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from generator.input.profile_reader import for_build
    from generator.input.validate import load
    from generator.pipeline import DEMO_DIR
    from generator.rendering import prepared
    from generator.rendering.template import Template
    from generator.texts import active

    monkeypatch.setenv("STYRING_CACHE", str(tmp_path))
    result = load([DEMO_DIR])
    assert result.data is not None
    kommune = result.data.kommune
    profil = for_build(kommune, result.folder(kommune))
    assert not profil.empty  # the demo has a logo and colours: applying re-zips the template
    raw = Template(TEMPLATE_DIR / "lederavtale.docx")
    first = prepared.prepare(raw, profil, active(), {})
    [kept] = tmp_path.glob("anvendt-*.docx")
    assert kept.read_bytes() == first.data != raw.data

    def refuse(*args: object) -> None:
        raise AssertionError("applied again")

    monkeypatch.setattr(prepared, "profiled", refuse)
    again = prepared.prepare(raw, profil, active(), {first.key: first.sha256})
    assert again.data == first.data and again.sha256 == first.sha256  # from the cache
    kept.write_bytes(kept.read_bytes()[:-1])  # damaged: not the recorded bytes
    with pytest.raises(AssertionError, match="applied again"):
        assert prepared.prepare(raw, profil, active(), {first.key: first.sha256}).data


# -- openpyxl without Pillow at start-up, pictures kept ------------------------------------------

PICTURE = """
import sys
from pathlib import Path
import generator.input.openpyxl_import  # the product's way in: Pillow not imported
assert "PIL" not in sys.modules
import openpyxl
path = Path(sys.argv[1])
book = openpyxl.load_workbook(path)  # opened for writing, as the Excel buttons' log does
book.active["A1"] = "logget"
book.save(path)
print("PIL" in sys.modules)
again = openpyxl.load_workbook(path)
print(len(again.active._images), again.active._images[0].width)
"""


def test_a_workbook_opened_for_writing_keeps_its_pictures(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.drawing.image import Image as XlImage
    from PIL import Image

    png = tmp_path / "logo.png"
    Image.new("RGB", (37, 11), (200, 30, 30)).save(png)
    path = tmp_path / "bok.xlsx"
    book = openpyxl.Workbook()
    book.active.add_image(XlImage(str(png)), "B2")
    book.save(path)
    p = subprocess.run([sys.executable, "-c", PICTURE, str(path)], cwd=ROOT,
                       capture_output=True, text=True, check=True)
    loaded, pictures = p.stdout.splitlines()[-2:]
    assert loaded == "True" and pictures == "1 37"  # Pillow imported when first needed


# -- the data classes' methods, compiled once ------------------------------------------------

CLASSES = """
import hashlib, sys, dataclasses
from generator import dataclass_cache
on = dataclass_cache.install()
import generator.pipeline, generator.output.stage  # ≈ 140 data classes
h = hashlib.sha256()
n = 0
for name, mod in sorted(sys.modules.items()):
    if not name.startswith("generator"):
        continue
    for cls in sorted((c for c in vars(mod).values() if isinstance(c, type)
                       and dataclasses.is_dataclass(c) and c.__module__ == name),
                      key=lambda c: c.__qualname__):
        for meth in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__lt__"):
            f = vars(cls).get(meth)
            code = getattr(f, "__code__", None)
            if code is not None:
                n += 1
                h.update(f"{name}.{cls.__qualname__}.{meth}".encode() + code.co_code
                         + repr((code.co_consts, code.co_names, code.co_varnames,
                                 code.co_flags, f.__defaults__, f.__kwdefaults__,
                                 f.__annotations__)).encode())
print(on, dataclass_cache.compiled_now(), n, h.hexdigest())
"""


def test_kept_dataclass_methods_are_the_ones_python_compiles(tmp_path: Path) -> None:
    def run(cache: str) -> list[str]:
        env = {**os.environ, "STYRING_CACHE": cache}
        p = subprocess.run([sys.executable, "-c", CLASSES], cwd=ROOT, env=env,
                           capture_output=True, text=True, check=True)
        return p.stdout.split()

    on, fresh, n, plain = run("av")
    assert (on, fresh) == ("False", "None") and int(n) > 300
    first = run(str(tmp_path))  # compiles and keeps them
    assert first[0] == "True" and int(first[1]) > 300 and first[2:] == [n, plain]
    assert list(tmp_path.glob("dataklasser-*.bin"))
    again = run(str(tmp_path))  # every text found: nothing compiled
    assert again == ["True", "0", n, plain]


# -- a logo checked once ------------------------------------------------------------------------

LOGO = """
import sys
from pathlib import Path
from generator.input.profile_reader import LogoError, read_logo
try:
    data, kind, px = read_logo(Path(sys.argv[1]))
    print(kind, px[0], px[1], "PIL" in sys.modules)
except LogoError as e:
    print("FEIL", "PIL" in sys.modules)
"""


def test_a_logo_is_checked_with_pillow_once_per_bytes(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 12), (10, 20, 30)).save(logo)

    def read(cache: str) -> str:
        env = {**os.environ, "STYRING_CACHE": cache}
        return subprocess.run([sys.executable, "-c", LOGO, str(logo)], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=True).stdout.strip()

    cache = str(tmp_path / "cache")
    assert read(cache) == "png 40 12 True"  # checked with Pillow, and remembered
    assert read(cache) == "png 40 12 False"  # the same bytes: Pillow not needed
    assert read("av") == "png 40 12 True"
    logo.write_bytes(logo.read_bytes()[:40])  # damaged: other bytes, checked again
    assert read(cache) == "FEIL True"
