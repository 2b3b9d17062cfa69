"""The installed product: the wheel, installed into a fresh venv outside the repository and
run from an empty folder whose path has spaces and æøå, as municipal IT would install it.

Builds the wheel from a copy of the sources (``pip wheel --no-deps``), creates a plain venv
(no system site-packages) and installs the wheel with its dependencies. Those come from a
wheelhouse kept between runs (``$STYRING_WHEELHOUSE``, default in ~/.cache), filled from
the package index by ``pip download`` when it lacks something, so the network is only
needed the first time. Then demo → check → build (DOCX; PDF/A of one document when
LibreOffice is there), check-templates, docs and the button, and nothing may have been
written into the venv.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from generator.output.pdf import soffice

from .button_press import press, standin_site
from .conftest import REPO

pytestmark = pytest.mark.installed

SOURCES = ("pyproject.toml", "setup.py", "README.md", "generator", "templates")


def _run(argv: list[str | Path], cwd: Path, env: dict[str, str],
         timeout: int = 900) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"
    return done


def _wheelhouse() -> Path:
    given = os.environ.get("STYRING_WHEELHOUSE")
    base = Path(given) if given else Path.home() / ".cache" / "styringsdokumenter-tests"
    deps = hashlib.sha256((REPO / "pyproject.toml").read_bytes()).hexdigest()[:12]
    return base if given else base / f"wheelhouse-{deps}"


def _listing(root: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``root`` with its size and modification time."""
    out = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            st = path.lstat()
            out[str(path.relative_to(root))] = (st.st_size if name in files else 0,
                                                st.st_mtime_ns)
    return out


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; returns the venv folder."""
    base = tmp_path_factory.mktemp("installert")
    src = base / "kilde"
    src.mkdir()
    for name in SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, src / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(source, src / name)
    # A version the checkout does not have: what the installed program reports (--version,
    # manifest, arkivmelding) can then only come from the wheel's metadata.
    project = src / "pyproject.toml"
    text = project.read_text(encoding="utf-8")
    project.write_text(re.sub(r'(?m)^version = "([^"]+)"', r'version = "\1+installert"', text,
                              count=1), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    _run([*pip, "wheel", src, "--no-deps", "-q", "-w", base / "dist"], base, env)
    wheel = next((base / "dist").glob("styringsdokumenter-*.whl"))
    venv = base / "venv styring"
    _run([sys.executable, "-m", "venv", venv], base, env)
    assert "include-system-site-packages = false" in (venv / "pyvenv.cfg").read_text()
    python = venv / "bin" / "python"
    house = _wheelhouse()
    install = [python, "-m", "pip", "--disable-pip-version-check", "install", "-q",
               "--no-index", "--find-links", house, wheel]
    house.parent.mkdir(parents=True, exist_ok=True)
    # another test run on the machine may be filling the same wheelhouse: one at a time
    with (house.parent / f"{house.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if subprocess.run([str(a) for a in install], cwd=base, env=env,
                          capture_output=True).returncode != 0:
            house.mkdir(parents=True, exist_ok=True)
            _run([*pip, "download", "-q", "-d", house, wheel], base, env)
            _run(install, base, env)
    return venv


def test_the_installed_wheel_makes_every_document_from_any_folder(installed: Path,
                                                                   tmp_path: Path) -> None:
    venv, python = installed, installed / "bin" / "python"
    styring = venv / "bin" / "styring"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["MPLCONFIGDIR"] = str(tmp_path / "mpl")
    work = tmp_path / "Kommunedirektørens stab æøå" / "Styring 2026"
    work.mkdir(parents=True)
    before = _listing(venv)

    # The package is the installed one, with its data, not this repository.
    where = _run([python, "-c", "import generator, generator.resources as r; "
                  "print(generator.__file__); print(r.templates_dir()); print(r.schema_dir())"],
                 work, env).stdout.splitlines()
    assert all(Path(p).is_relative_to(venv) for p in where), where
    version = _run([styring, "--version"], work, env).stdout.strip()
    assert version == "styring " + installed_version(venv)

    _run([styring, "demo", "Arbeidsbøker"], work, env)
    books = work / "Arbeidsbøker"
    assert sorted(p.name for p in books.iterdir()) == [
        "fjellvik-logo.png", "kompass.xlsx", "lederavtaler.xlsx", "risiko.xlsx", "styring.xlsx",
        "tertial.xlsx"]
    _run([styring, "check"], books, env)  # no arguments: the current folder
    _run([styring, "check-templates", "Arbeidsbøker"], work, env)
    built = _run([styring, "build", "--no-pdf"], books, env).stdout
    out = books / "dokumenter" / "2026"
    docs = sorted(out.rglob("*.docx"))
    assert {p.parent.name for p in docs} == {"oppdragsbrev", "tertialrapport",
                                             "utviklingsstrategi", "lederavtale"}
    assert len(docs) == sum(int(line.split(":")[1]) for line in built.splitlines()
                            if line.strip().split(":")[0] in {p.parent.name for p in docs})
    messages = sorted((out / "arkiv").glob("arkivmelding-*.xml"))
    assert messages
    assert f"{len(messages)} arkivmeldinger, validert mot XSD-en" in built
    # and independently, against the XSD the wheel installed
    xsd = Path(where[2]) / "no.ks.fiks.arkiv.v2.arkivering.arkivmelding.opprett.xsd"
    schema = etree.XMLSchema(etree.parse(str(xsd)))
    for message in messages:
        assert schema.validate(etree.parse(str(message))), (message, schema.error_log)
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert f'"version": "{installed_version(venv)}"' in manifest
    assert installed_version(venv).endswith("+installert")
    ns = {"s": "urn:styringsdokumenter:arkiv:v1"}
    for message in messages:
        made_by = etree.parse(str(message)).findall(".//s:programversjon", ns)
        assert [e.text for e in made_by] == [f"styringsdokumenter {installed_version(venv)}"]

    if soffice():
        pdf = _run([styring, "build", "--only", "oppdragsbrev", "--pdf", "--out", "PDF æøå"],
                   books, env)
        assert list((books / "PDF æøå" / "2026" / "oppdragsbrev").glob("*.pdf")), pdf.stdout

    # nynorsk: the catalogues are package data, read at run time (generator/texts.py)
    _run([styring, "demo", "Nynorsk", "--målform", "nynorsk"], work, env)
    _run([styring, "build", "--no-pdf", "--only", "oppdragsbrev"], work / "Nynorsk", env)
    brev = work / "Nynorsk" / "dokument" / "2026" / "oppdragsbrev" / "oppdragsbrev-2026.docx"
    with zipfile.ZipFile(brev) as z:
        assert "Verksemdsstyring" in z.read("word/document.xml").decode("utf-8")

    docs_text = _run([styring, "docs"], work, env).stdout
    assert docs_text.startswith("#") and "Innstillinger" in docs_text and "Malmappe" in docs_text

    # The button, pressed as xlwings' VBA starts Python: the venv's own interpreter
    # (Interpreter_Win) and no PYTHONPATH in xlwings.conf; only the Excel stand-in is added.
    _run([styring, "demo", "--xlsm", "Med knapp"], work, env)
    book = work / "Med knapp" / "Styring 2026 (1).xlsm"
    (work / "Med knapp" / "styring.xlsm").rename(book)
    pressed = press(python, book, standin_site(tmp_path / "excel"))
    assert pressed.returncode == 0, pressed.stderr
    assert [a["mode"] for a in pressed.alerts] == ["info"], pressed.stdout + pressed.stderr
    assert list((work / "Med knapp" / "dokumenter" / "2026").rglob("*.docx"))

    after = _listing(venv)
    assert after == before, {k for k in after.keys() ^ before.keys()} | {
        k for k in after.keys() & before.keys() if after[k] != before[k]}


def installed_version(venv: Path) -> str:
    """The version in the installed distribution's metadata (the dist-info folder)."""
    dist = next(venv.glob("lib/python*/site-packages/styringsdokumenter-*.dist-info"))
    return next(line.split(":", 1)[1].strip()
                for line in (dist / "METADATA").read_text(encoding="utf-8").splitlines()
                if line.startswith("Version:"))
