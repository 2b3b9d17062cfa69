"""PDF/A-2b and PDF/UA-1 by LibreOffice (tagged, finished by :mod:`.pdfua`), and the checks
every converted file must pass.

One warm LibreOffice per worker converts a whole batch in a single call (never
a cold start per document); with two or more cores the batch is split between
workers, each with its own profile directory. The filter option is checked in
every result: LibreOffice silently ignores a misspelled option.
"""

from __future__ import annotations

import contextlib
import html
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import lazy, texts
from ..errors import OutputError
from . import pdfua

if TYPE_CHECKING:
    import pikepdf
else:
    pikepdf = lazy.module("pikepdf")  # loaded when a PDF is first touched

FILTER = "pdf:writer_pdf_Export:{" + pdfua.FILTER_OPTIONS + "}"
INSTALL_HINT = ("PDF/A lages med LibreOffice, som ikke er installert. På Debian/Ubuntu: "
                "«sudo apt-get install libreoffice-writer-nogui fonts-crosextra-carlito "
                "fonts-crosextra-caladea» (eller kjør ./setup.sh som root). På Windows: "
                "installer LibreOffice fra IT-avdelingens programkatalog.")
TIMEOUT_PER_DOC = 60
POLL_SECONDS = 0.05  # how often a running LibreOffice's finished PDFs are looked for
LOOK_AHEAD = 4  # a PDF is whole once one of the next files' PDFs is there
# A fresh LibreOffice profile that never reaches out: no update checks, no crash
# reports, no online help, no remote templates.
OFFLINE_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/\
Arguments"><prop oor:name="AutoCheckEnabled" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="CrashReport" oor:op="fuse">\
<value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Help"><prop oor:name="HelpRootURL" oor:op="fuse">\
<value></value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
</oor:items>
"""


class PdfError(OutputError):
    """Conversion failed or a PDF did not pass the archive checks."""


def soffice() -> str | None:
    """The LibreOffice executable, if installed: ``$STYRING_SOFFICE`` when it names a file,
    then ``soffice``/``libreoffice`` on PATH, then the standard install folders."""
    chosen = os.environ.get("STYRING_SOFFICE")
    if chosen and Path(chosen).is_file():
        return chosen
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for path in ("/usr/lib/libreoffice/program/soffice",
                 "/Applications/LibreOffice.app/Contents/MacOS/soffice",
                 r"C:\Program Files\LibreOffice\program\soffice.exe",
                 r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"):
        if Path(path).exists():
            return path
    return None


def workers(count: int) -> int:
    """One LibreOffice per core, but never more than there are documents to share."""
    return max(1, min(os.cpu_count() or 1, count // 4 or 1))


Done = Callable[[Path, Path], None]  # (DOCX, its finished PDF), as soon as it is finished
FINISHING = threading.Lock()  # held while a PDF is finished and handed on (see convert)


def convert(docx_files: Sequence[Path], out_dir: Path, done: Done | None = None,
            stop: threading.Event | None = None) -> list[Path]:
    """Convert DOCX files to PDF/A-2b in ``out_dir``; returns the PDFs in the same order.

    Each PDF is finished (metadata and PDF/UA, see :func:`finish`) as soon as LibreOffice
    has written it, while it converts the next files, and then handed to ``done`` (called
    from a worker thread, one PDF at a time in the process; it must not wait for another
    conversion): what the caller does with a PDF overlaps the conversion of the others
    instead of waiting for the last. ``stop``: set by a failure here, and when set from
    outside no new LibreOffice starts and the running ones end (conversions that share
    it stop together)."""
    exe = soffice()
    if exe is None:
        raise PdfError(INSTALL_HINT)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = list(docx_files)
    if not files:
        return []
    pikepdf.Pdf  # noqa: B018 - the lazily imported module loaded before the worker threads
    n = workers(len(files))
    chunks = [files[i::n] for i in range(n)]
    live: list[subprocess.Popen[bytes]] = []
    stop = stop if stop is not None else threading.Event()

    def finished(docx: Path) -> None:
        path = out_dir / (docx.stem + ".pdf")
        with FINISHING:  # one PDF at a time in the process (the libraries share state)
            finish(path)
            if done is not None:
                done(docx, path)

    pool = ThreadPoolExecutor(n)
    ok = False
    try:
        list(pool.map(lambda chunk: _run(exe, chunk, out_dir, live, stop, finished), chunks))
        ok = True
    finally:
        if not ok:
            stop.set()  # interrupted or failed: no new LibreOffice, and every running one ends
        for proc in list(live):
            _stop(proc)
        pool.shutdown(wait=True)
    pdfs = [out_dir / (f.stem + ".pdf") for f in files]
    missing = [p.name for p in pdfs if not p.exists()]
    if missing:
        raise PdfError("LibreOffice laget ikke " + ", ".join(missing[:5])
                       + (" …" if len(missing) > 5 else "") + ".")
    return pdfs


def finish(path: Path) -> None:
    """The metadata repairs and the PDF/UA finishing of one PDF from LibreOffice, in one
    open and one save."""
    with pikepdf.open(path, allow_overwriting_input=True) as doc:
        _repair_metadata(doc)
        try:
            pdfua.finish_pdf(doc, texts.active().tag)  # nn-NO for a nynorsk municipality
        except pdfua.PdfUaError as e:
            raise PdfError(f"{path.name}: {e}") from None
        doc.save(path)


WATCHDOG = Path(__file__).with_name("lo_watchdog.py")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Close the watchdog's pipe: it kills its LibreOffice group and removes the profile."""
    if proc.stdin and not proc.stdin.closed:
        with contextlib.suppress(OSError):
            proc.stdin.close()


def _run(exe: str, files: list[Path], out_dir: Path, live: list[subprocess.Popen[bytes]],
         stop: threading.Event, finished: Callable[[Path], None]) -> None:
    """Convert one worker's share. A LibreOffice that stops before the end of its batch (it
    can exit with code 0 after part of a long batch, or be killed) is noticed by the PDFs
    it did not write, and a new one converts the rest; a half-written PDF is made again.
    It stops trying when a round makes no PDF at all (:func:`convert` then names them)."""
    for f in files:  # a PDF from an earlier pass (the table of contents) is no proof
        (out_dir / (f.stem + ".pdf")).unlink(missing_ok=True)
    todo = list(files)
    while todo and not stop.is_set():
        made = _attempt(exe, todo, out_dir, live, stop, finished)
        left = []
        for f in todo:
            if f in made:
                continue
            target = out_dir / (f.stem + ".pdf")
            target.unlink(missing_ok=True)
            left.append(f)
        if len(left) == len(todo):
            return
        todo = left


def _complete(path: Path) -> bool:
    """A PDF LibreOffice finished writing: it ends with ``%%EOF``."""
    try:
        with open(path, "rb") as fh:
            fh.seek(max(0, os.fstat(fh.fileno()).st_size - 1024))
            return b"%%EOF" in fh.read()
    except OSError:
        return False


def _attempt(exe: str, files: list[Path], out_dir: Path, live: list[subprocess.Popen[bytes]],
             stop: threading.Event, finished: Callable[[Path], None]) -> set[Path]:
    """One LibreOffice under a watchdog (:mod:`generator.output.lo_watchdog`): it dies with the
    build, even when the build is killed with SIGKILL, and its profile is removed. Returns
    the files whose PDF it wrote whole, each handed to ``finished`` as soon as it was: it
    converts the files in order, so a PDF is whole once a later file's PDF is there (or
    LibreOffice has ended) and it ends with ``%%EOF``."""
    profile = tempfile.mkdtemp(prefix="styring-lo-")
    user = Path(profile) / "user"
    user.mkdir()
    (user / "registrymodifications.xcu").write_text(OFFLINE_PROFILE, encoding="utf-8")
    cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
           "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
           "--convert-to", FILTER, "--outdir", str(out_dir), *map(str, files)]
    proc = subprocess.Popen([sys.executable, str(WATCHDOG), profile, "--", *cmd],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=os.name == "posix")
    live.append(proc)
    if stop.is_set():
        _stop(proc)
    deadline = time.monotonic() + 30 + TIMEOUT_PER_DOC * len(files)
    made: set[Path] = set()
    first = 0  # the first file not yet looked at
    try:
        while True:
            try:
                proc.wait(timeout=POLL_SECONDS)
                ended = True
            except subprocess.TimeoutExpired:
                ended = False
                if time.monotonic() > deadline:
                    raise PdfError("LibreOffice brukte for lang tid og ble stoppet.") from None
            while first < len(files) and (ended or any(
                    (out_dir / (f.stem + ".pdf")).exists()
                    for f in files[first + 1:first + 1 + LOOK_AHEAD])):
                if _complete(out_dir / (files[first].stem + ".pdf")):
                    made.add(files[first])
                    finished(files[first])
                first += 1
            if ended or stop.is_set():
                return made
    finally:
        _stop(proc)
        proc.wait()
        live.remove(proc)
        shutil.rmtree(profile, ignore_errors=True)
def repair_metadata(path: Path) -> bool:
    """Undo LibreOffice's double escaping in XMP («&amp;amp;» for «&»), so XMP and Info agree.

    LibreOffice 7.4 writes ``drift &amp;amp; vedlikehold`` into dc:title/dc:description
    while Info says ``drift & vedlikehold``. Only values that are exactly the Info value
    escaped once too often are changed. Returns True when the file was rewritten.
    """
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        changed = _repair_metadata(pdf)
        if changed:
            pdf.save(path)
    return changed


def _repair_metadata(pdf: pikepdf.Pdf) -> bool:
    """:func:`repair_metadata` on an open file (not saved)."""
    changed = False
    info: Any = pdf.docinfo if "/Info" in pdf.trailer else {}
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        for key in ("/Title", "/Subject", "/Keywords", "/Creator", "/Producer"):
            prop = _INFO_XMP[key]
            value = meta.get(prop)
            if key in info and isinstance(value, str) and value != str(info[key]) \
                    and html.unescape(value) == str(info[key]):
                meta[prop] = str(info[key])
                changed = True
    return changed


@dataclass(frozen=True)
class PdfReport:
    """What the archive checks found in one PDF."""

    path: Path
    pages: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(path: Path, title: str | None = None) -> PdfReport:
    """The archive checks on a file: see :func:`verify_bytes`."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        return PdfReport(path, 0, (f"kan ikke leses ({e})",))
    return verify_bytes(data, path, title)


def verify_bytes(data: bytes, path: Path, title: str | None = None) -> PdfReport:
    """PDF/A-2b declared, every reachable font embedded, Info and XMP agreeing, not
    encrypted, no JavaScript, title set.

    Fonts are looked up everywhere a viewer may draw text from: page resources, form
    XObjects inside them, the appearance streams of every annotation (signature widgets)
    and the AcroForm default resources.
    """
    problems: list[str] = []
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as e:
        return PdfReport(path, 0, (f"kan ikke åpnes ({e})",))
    with pdf:
        if pdf.is_encrypted:
            problems.append("er kryptert")
        meta = pdf.open_metadata()
        if meta.pdfa_status != "2B":
            problems.append(f"er ikke merket som PDF/A-2b (fant «{meta.pdfa_status or 'ingen'}»)")
        info_title = str(pdf.docinfo.get("/Title", "")) if pdf.docinfo else ""
        if not info_title or (title and info_title != title):
            problems.append(f"mangler riktig tittel (fant «{info_title}»)")
        problems += _fonts(pdf)
        problems += _metadata_disagreements(pdf)
        if _has_javascript(pdf):
            problems.append("inneholder JavaScript")
        pages = len(pdf.pages)
    return PdfReport(path, pages, tuple(problems))


def _resource_dicts(pdf: pikepdf.Pdf) -> Iterator[tuple[str, pikepdf.Dictionary]]:
    """(where, /Resources) for pages, annotation appearances, AcroForm /DR and every form
    XObject reachable from them (each visited once)."""
    todo: list[tuple[str, Any]] = []
    for n, page in enumerate(pdf.pages, start=1):
        todo.append((f"side {n}", page.obj.get("/Resources")))
        for i, annot in enumerate(page.obj.get("/Annots", []) or []):
            for key, ap in (annot.get("/AP") or {}).items():
                streams = ap.values() if isinstance(ap, pikepdf.Dictionary) else [ap]
                for stream in streams:
                    if isinstance(stream, pikepdf.Stream):
                        todo.append((f"side {n}, merknad {i + 1} ({key})",
                                     stream.get("/Resources")))
    form = pdf.Root.get("/AcroForm")
    if form is not None:
        todo.append(("skjemaets ressurser (/DR)", form.get("/DR")))
    seen: set[tuple[int, int]] = set()
    while todo:
        where, res = todo.pop()
        if not isinstance(res, pikepdf.Dictionary):
            continue
        if res.is_indirect:
            if res.objgen in seen:
                continue
            seen.add(res.objgen)
        yield where, res
        for xobj in (res.get("/XObject") or {}).values():
            if isinstance(xobj, pikepdf.Stream) and xobj.get("/Subtype") == "/Form":
                if xobj.objgen in seen:
                    continue
                seen.add(xobj.objgen)
                todo.append((where, xobj.get("/Resources")))


def _fonts(pdf: pikepdf.Pdf) -> list[str]:
    missing: dict[str, str] = {}
    for where, res in _resource_dicts(pdf):
        for font in (res.get("/Font") or {}).values():
            for f in [font, *font.get("/DescendantFonts", [])]:
                name = str(f.get("/BaseFont", "?"))
                desc = f.get("/FontDescriptor")
                if desc is None:
                    if f.get("/Subtype") in ("/Type1", "/TrueType", "/MMType1"):
                        missing.setdefault(name, where)  # a bare standard font
                    continue
                if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.setdefault(name, where)
    return [f"fonten {name} er ikke innebygd ({where})" for name, where in sorted(missing.items())]


#: Info entries and the XMP properties PDF/A says must hold the same value.
_INFO_XMP = {
    "/Title": "dc:title", "/Author": "dc:creator", "/Subject": "dc:description",
    "/Keywords": "pdf:Keywords", "/Creator": "xmp:CreatorTool", "/Producer": "pdf:Producer",
    "/CreationDate": "xmp:CreateDate", "/ModDate": "xmp:ModifyDate",
}
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?"
                       r"(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?")


def _instant(value: str) -> datetime | None:
    """A PDF date (``D:20261201220457Z``) or an XMP date as an aware datetime."""
    m = _PDF_DATE.match(value.strip())
    if m:
        y, mo, d, h, mi, s, sign, oh, om = m.groups()
        offset = timedelta(hours=int(oh or 0), minutes=int(om or 0))
        tz = UTC if sign in (None, "Z", "z") else timezone(-offset if sign == "-" else offset)
        return datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0),
                        int(s or 0), tzinfo=tz)
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _metadata_disagreements(pdf: pikepdf.Pdf) -> list[str]:
    """Info entries whose XMP counterpart is missing or different."""
    info: Any = pdf.docinfo if "/Info" in pdf.trailer else {}
    meta = pdf.open_metadata()
    problems = []
    for key, prop in _INFO_XMP.items():
        if key not in info:
            continue
        ours = str(info[key])
        theirs = meta.get(prop)
        if isinstance(theirs, list | set):
            theirs = ", ".join(sorted(map(str, theirs)))
        if key.endswith("Date"):
            same = theirs is not None and _instant(ours) == _instant(str(theirs))
        else:
            same = theirs is not None and str(theirs) == ours
        if not same:
            problems.append(f"Info {key[1:]} «{ours}» stemmer ikke med XMP {prop} «{theirs}»")
    return problems


def _has_javascript(pdf: pikepdf.Pdf) -> bool:
    names: Any = pdf.Root.get("/Names", {})
    if "/JavaScript" in names:
        return True
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and (obj.get("/S") == "/JavaScript"
                                                    or "/JS" in obj):
            return True
    return False
