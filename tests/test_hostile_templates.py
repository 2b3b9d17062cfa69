"""Hostile Word templates passed with --templates: each is refused with one bokmål line
naming the template, exit code 1 and no traceback, within bounded memory and time — in
both ``build`` and ``check-templates``. The CLI runs as a subprocess under rlimits."""

from __future__ import annotations

import io
import os
import resource
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.pipeline import DEMO_DIR, ROOT
from generator.rendering import package_check
from generator.rendering.template import TEMPLATE_DIR, Template, TemplateError

MEMORY = 1536 * 2**20  # address space for the whole CLI process
CPU_SECONDS = 120


def _rewrite(src: Path, dst: Path, change: Callable[[dict[str, bytes]], None]) -> None:
    with zipfile.ZipFile(src) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    change(parts)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def _body(old: str, new: str) -> Callable[[dict[str, bytes]], None]:
    def change(parts: dict[str, bytes]) -> None:
        xml = parts["word/document.xml"].decode("utf-8")
        assert old in xml
        parts["word/document.xml"] = xml.replace(old, new, 1).encode("utf-8")
    return change


def _xxe(parts: dict[str, bytes]) -> None:
    xml = parts["word/document.xml"].decode("utf-8")
    decl_end = xml.index("?>") + 2
    xml = (xml[:decl_end] + '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           + xml[decl_end:]).replace("{{ leder.navn }} har ansvar", "&xxe; har ansvar", 1)
    parts["word/document.xml"] = xml.encode("utf-8")


def _bomb(parts: dict[str, bytes]) -> None:
    xml = parts["word/document.xml"]
    cut = xml.index(b"<w:body>") + len(b"<w:body>")
    parts["word/document.xml"] = xml[:cut] + b" " * (package_check.MAX_PART_BYTES + 2**20) \
        + xml[cut:]


HOSTILE: dict[str, tuple[Callable[[Path], None], str]] = {
    "xxe": (lambda p: _rewrite(TEMPLATE_DIR / "lederavtale.docx", p, _xxe), "XXE"),
    "ikke-zip": (lambda p: p.write_bytes(b"Dette er ikke en Word-fil.\n" * 200),
                 "ikke en Word-fil"),
    "zip-bombe": (lambda p: _rewrite(TEMPLATE_DIR / "lederavtale.docx", p, _bomb),
                  "zip-bombe"),
    "stor-verdi": (lambda p: _rewrite(TEMPLATE_DIR / "lederavtale.docx", p, _body(
        "{{ leder.navn }} har ansvar", "{{ &apos;A&apos;*4000000000 }} har ansvar")),
        "mer enn 1 000 000 tegn"),
    "løkke": (lambda p: _rewrite(TEMPLATE_DIR / "lederavtale.docx", p, _body(
        "{{ leder.navn }} har ansvar", "{% for i in range(100000) %}{% for j in range(100000) %}"
        "{{ j }}{% endfor %}{% endfor %} har ansvar")), "løkkene i malen"),
}


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "300"}
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=300, preexec_fn=_limits)


@pytest.fixture
def workbooks(tmp_path: Path) -> Path:
    folder = tmp_path / "wb"
    shutil.copytree(DEMO_DIR, folder)
    return folder


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_template_is_refused_in_one_line(case: str, tmp_path: Path,
                                                 workbooks: Path) -> None:
    make, expected = HOSTILE[case]
    folder = tmp_path / "maler"
    folder.mkdir()
    make(folder / "lederavtale.docx")
    out = tmp_path / "ut"
    for args in (("check-templates", workbooks, folder),
                 ("build", workbooks, "--templates", folder, "--out", out, "--no-pdf",
                  "--only", "lederavtale")):
        done = _cli(*args)
        output = done.stdout + done.stderr
        assert done.returncode == 1, output
        assert "Traceback" not in output and "Error:" not in output, output
        errors = [ln for ln in output.splitlines() if ln.startswith("FEIL")]
        assert len(errors) == 1, output
        assert "lederavtale.docx" in errors[0] and expected in errors[0], output
    assert not list(out.rglob("*.docx"))


def test_total_unpacked_size_is_limited(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Many parts each under the per-part limit, together over the total limit."""
    monkeypatch.setattr(package_check, "MAX_PART_BYTES", 2 * 2**20)
    monkeypatch.setattr(package_check, "MAX_TOTAL_BYTES", 5 * 2**20)

    def many(parts: dict[str, bytes]) -> None:
        for i in range(4):
            parts[f"word/media/fyll{i}.bin"] = b"\0" * (2**20 + 2**19)
    path = tmp_path / "lederavtale.docx"
    _rewrite(TEMPLATE_DIR / "lederavtale.docx", path, many)
    with pytest.raises(TemplateError, match="til sammen"):
        Template(path)


def test_a_lying_zip_header_does_not_get_past_the_limit(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    """The size is measured while inflating, so a header claiming a small size is no help."""
    monkeypatch.setattr(package_check, "MAX_PART_BYTES", 2**20)
    buf = io.BytesIO()
    with zipfile.ZipFile(TEMPLATE_DIR / "lederavtale.docx") as zin, \
            zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr("word/media/stor.bin", b"\0" * (3 * 2**20))
    data = bytearray(buf.getvalue())
    # rewrite the uncompressed size (local header and central directory) to 10 bytes
    name = b"word/media/stor.bin"
    for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = 0
        while (pos := data.find(sig, pos)) >= 0:
            nlen_at = 26 if sig == b"PK\x03\x04" else 28
            nlen = int.from_bytes(data[pos + nlen_at:pos + nlen_at + 2], "little")
            head = 30 if sig == b"PK\x03\x04" else 46
            if bytes(data[pos + head:pos + head + nlen]) == name:
                data[pos + off:pos + off + 4] = (10).to_bytes(4, "little")
            pos += 4
    path = tmp_path / "lederavtale.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(TemplateError) as info:
        Template(path)
    assert "lederavtale.docx" in str(info.value)


@pytest.mark.parametrize("payload", [
    "{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}",
    "{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s + ns.s %}"
    "{% endfor %}",
    "{% set ns = namespace(s='ab') %}{% for i in range(60) %}"
    "{% set ns.s = ns.s.replace('a', 'aa') %}{% endfor %}",
    "{% set ns = namespace(l=[1]) %}{% for i in range(60) %}{% set ns.l = [ns.l, ns.l] %}"
    "{% endfor %}{{ ns.l }}",
    "{{ 'a'.ljust(4000000000) }}", "{{ 'a'|center(4000000000) }}",
    "{{ '%999999999s' % 1 }}", "{{ '{:>999999999}'.format(1) }}", "{{ 2**100000000 }}",
    "{% set x = [1] %}{% for i in range(60) %}{% set _ = x.extend(x) %}{% endfor %}",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "{{ 1/0 }}",
], ids=["~", "+", "replace", "nestet liste", "ljust", "center", "%", "format", "potens",
        "extend", "rekursjon", "deling på null"])
def test_growth_and_runtime_tricks_are_refused(payload: str, tmp_path: Path) -> None:
    """Tricks that make a value double per loop step or crash Python: a TemplateError
    naming the template, never MemoryError or a traceback."""
    from generator.documents import lederavtale
    from generator.input.validate import load

    path = tmp_path / "lederavtale.docx"
    _rewrite(TEMPLATE_DIR / "lederavtale.docx", path, _body(
        "{{ leder.navn }} har ansvar", payload.replace("'", "&apos;") + " har ansvar"))
    data = load([DEMO_DIR]).data
    ctx = lederavtale.context(data, data.lederavtaler[0], public=False)
    with pytest.raises(TemplateError, match=r"lederavtale\.docx"):
        Template(path).render(ctx)
