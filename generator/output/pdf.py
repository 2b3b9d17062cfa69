"""PDF/A-2b and PDF/UA-1 by LibreOffice (tagged, finished by :mod:`.pdfua`), and the checks
every converted file must pass.

One warm LibreOffice per core, each with its own profile directory, converts the
documents: driven over UNO (:class:`Office`, :mod:`.lo_uno`) when a Python that can
``import uno`` is found (see :func:`uno_python`), started as soon as the build knows it
will make PDFs so that its start overlaps the rendering, and handed one document at a
time (the next goes to whichever is free). Without one, each worker converts its share
in one batched ``soffice --convert-to`` call (never a cold start per document). The
filter option is checked in every result: LibreOffice silently ignores a misspelled option.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import lazy, texts
from ..errors import OutputError
from . import pdfua
from .signatures import FIELD_HEIGHT, FIELDS, signature_lines

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
            stop: threading.Event | None = None, office: Office | None = None,
            toc: Collection[Path] = (), fields: Collection[Path] = ()) -> list[Path]:
    """Convert DOCX files to PDF/A-2b in ``out_dir``; returns the PDFs in the same order.

    Each PDF is finished (metadata and PDF/UA, see :func:`finish`) as soon as LibreOffice
    has written it, while it converts the next files, and then handed to ``done`` (called
    from a worker thread, one PDF at a time in the process; it must not wait for another
    conversion): what the caller does with a PDF overlaps the conversion of the others
    instead of waiting for the last. ``stop``: set by a failure here, and when set from
    outside no new LibreOffice starts and the running ones end (conversions that share
    it stop together). ``office``: warm LibreOffice workers to use (several conversions
    may share them); without, this starts its own when a UNO-capable Python is found,
    and else converts in batched calls. ``toc``: files whose table of contents LibreOffice
    numbers from its own layout before writing the PDF (over UNO only; the batched calls
    write it as stored, see :func:`generator.rendering.toc.page_numbers`). ``fields``: the
    DOCX files whose PDF gets the two empty signature fields (a lederavtale), added in the
    same finishing pass."""
    exe = soffice()
    if exe is None:
        raise PdfError(INSTALL_HINT)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = list(docx_files)
    if not files:
        return []
    pikepdf.Pdf  # noqa: B018 - the lazily imported module loaded before the worker threads
    stop = stop if stop is not None else threading.Event()

    def finished(docx: Path, path: Path | None = None) -> None:
        path = path or out_dir / (docx.stem + ".pdf")
        with FINISHING:  # one PDF at a time in the process (the libraries share state)
            finish(path, signature_fields=docx in fields)
            if done is not None:
                done(docx, path)

    own = None
    if office is None and uno_python() is not None:
        office = own = Office(workers(len(files)))
    try:
        if office is not None and office.available():
            return office.convert(files, out_dir, finished, stop, toc)
    except OfficeUnavailable:
        pass  # the batched calls below
    finally:
        if own is not None:
            own.close()
    return _batches(exe, files, out_dir, finished, stop)


def _batches(exe: str, files: list[Path], out_dir: Path, finished: Callable[[Path], None],
             stop: threading.Event) -> list[Path]:
    """:func:`convert` by batched ``soffice --convert-to`` calls, one per worker."""
    n = workers(len(files))
    chunks = [files[i::n] for i in range(n)]
    live: list[subprocess.Popen[bytes]] = []
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


def finish(path: Path, signature_fields: bool = False) -> tuple[str, ...]:
    """The metadata repairs and the PDF/UA finishing of one PDF from LibreOffice, in one
    open and one save; with ``signature_fields`` also the two empty signature fields over
    its signature lines (:func:`pdfua.add_signature_fields`). Returns the names of the
    fields added: none when the two lines are not found (:func:`verify` with
    ``signature_fields`` then refuses the file).

    The file is opened where it lies (not read into memory: pikepdf reads a Python stream
    three times slower) and saved beside it, then moved over it."""
    try:
        lines = signature_lines(path) if signature_fields else []
    except Exception:  # PDFium refuses the file: no fields, and verify says what is wrong
        lines = []
    added: tuple[str, ...] = ()
    part = path.with_name(path.name + ".tmp")
    try:
        with pikepdf.open(path) as doc:
            _repair_metadata(doc)
            try:
                pdfua.finish_pdf(doc, texts.active().tag)  # nn-NO for a nynorsk municipality
            except pdfua.PdfUaError as e:
                raise PdfError(f"{path.name}: {e}") from None
            if len(lines) == len(FIELDS):
                pdfua.add_signature_fields(doc, [
                    (name, label, ln.page, (ln.x1, ln.y, ln.x2, ln.y + FIELD_HEIGHT))
                    for (name, label), ln in zip(FIELDS, lines, strict=True)])
                added = tuple(name for name, _label in FIELDS)
            # new streams as they are: the page contents are compressed already, and an empty
            # field appearance stays an empty stream without a filter, as pyHanko writes it
            doc.save(part, compress_streams=False)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return added


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


def _profile() -> str:
    """A fresh LibreOffice profile folder (see OFFLINE_PROFILE); its worker removes it."""
    profile = tempfile.mkdtemp(prefix="styring-lo-")
    user = Path(profile) / "user"
    user.mkdir()
    (user / "registrymodifications.xcu").write_text(OFFLINE_PROFILE, encoding="utf-8")
    return profile


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
    profile = _profile()
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
# --- warm LibreOffice over UNO ---------------------------------------------------------------

UNO_ENV = "STYRING_UNO_PYTHON"  # a Python with uno; «nei» (or empty): batched calls instead
UNO_WORKER = Path(__file__).with_name("lo_uno.py")
UNO_OFF = ("", "0", "nei", "no", "av", "off")
START_SECONDS = 90  # for a LibreOffice to start and answer
_UNO_FOUND: dict[tuple[str | None, str | None], str | None] = {}


def uno_candidates(exe: str | None) -> list[str]:
    """Where a Python that can drive LibreOffice is looked for: ``$STYRING_UNO_PYTHON``
    alone when set; else LibreOffice's own beside ``exe`` (Windows, macOS), then the
    system's (python3-uno on Debian/Ubuntu)."""
    chosen = os.environ.get(UNO_ENV)
    if chosen is not None:
        return [] if chosen.strip().lower() in UNO_OFF else [chosen]
    out = []
    if exe:
        program = Path(os.path.realpath(exe)).parent
        out += [str(program / "python.exe"), str(program / "python"),
                str(program.parent / "Resources" / "python")]  # macOS: Contents/Resources
    out += ["/usr/bin/python3"]
    if (found := shutil.which("python3")) is not None:
        out.append(found)
    return [c for c in dict.fromkeys(out) if Path(c).is_file()]


def uno_python() -> str | None:
    """The first candidate (:func:`uno_candidates`) that can ``import uno``; None: PDFs are
    made by batched ``soffice --convert-to`` calls. Looked up once per process."""
    exe = soffice()
    key = (os.environ.get(UNO_ENV), exe)
    if key not in _UNO_FOUND:
        _UNO_FOUND[key] = next((py for py in uno_candidates(exe) if _imports_uno(py)), None)
    return _UNO_FOUND[key]


def _imports_uno(python: str) -> bool:
    try:
        return subprocess.run([python, "-c", "import uno"], stdin=subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _filter_spec() -> str:
    """The filter data of FILTER (``pdf:writer_pdf_Export:{…}``) as JSON for the worker."""
    options = FILTER.split(":", 2)[2] if FILTER.count(":") >= 2 else "{}"
    return json.dumps(json.loads(options))


class OfficeUnavailable(PdfError):
    """No worker of an :class:`Office` got its LibreOffice to answer."""


@dataclass
class _Batch:
    """One :meth:`Office.convert` call: its files, what became of each, and its end."""

    out_dir: Path
    finished: Callable[[Path, Path], None]
    left: int
    toc: frozenset[Path] = frozenset()  # numbered by LibreOffice (see convert)
    made: dict[Path, Path] = field(default_factory=dict)
    failed: dict[Path, str] = field(default_factory=dict)
    error: BaseException | None = None
    cancelled: bool = False
    over: threading.Condition = field(default_factory=threading.Condition)

    def settle(self, docx: Path, pdf: Path | None, why: str = "") -> None:
        with self.over:
            if pdf is not None:
                self.made[docx] = pdf
            else:
                self.failed[docx] = why
            self.left -= 1
            self.over.notify_all()

    def fail(self, error: BaseException) -> None:
        with self.over:
            self.error = self.error or error
            self.cancelled = True
            self.over.notify_all()


@dataclass(order=True)
class _Job:
    order: tuple[int, int]
    docx: Path = field(compare=False)
    batch: _Batch = field(compare=False)
    attempts: int = field(default=0, compare=False)


class Office:
    """Warm LibreOffice workers driven over UNO (:mod:`.lo_uno`), one per core: started at
    once in the background (their start overlaps whatever the build does meanwhile) and
    fed one document at a time from a shared queue, so that both cores stay busy to the
    end. A worker whose LibreOffice dies (or hangs) is noticed: the document it had is
    converted again, by a new worker in its place. Each dies with the build, even when the
    build is killed with SIGKILL, and its profile folder is removed. :meth:`close` ends
    them (the build closes it however it ends)."""

    def __init__(self, count: int, label: str | None = None) -> None:
        self.count, self.label = count, label
        self.python: str | None = None
        self.found = threading.Event()  # the UNO-capable Python looked up
        self.pids: list[int] = []  # the soffice process of each worker started, in order
        self.restarts = 0  # LibreOffices started in place of one that stopped (or never started)
        self.converted: list[Path] = []  # each DOCX converted, in order (twice: there twice)
        self._jobs: queue.PriorityQueue[_Job] = queue.PriorityQueue()
        self._seq = 0
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._serving: list[threading.Thread] = []
        threading.Thread(target=self._start, daemon=True).start()

    def available(self) -> bool:
        """A UNO-capable Python was found (waits for the look-up)."""
        self.found.wait()
        return self.python is not None and not self._closed.is_set()

    def _start(self) -> None:
        try:
            self.python = uno_python()
            exe = soffice()
            if self.python is None or exe is None:
                self.python = None
                return
            with self._lock:
                for _ in range(self.count):
                    if self._closed.is_set():
                        return
                    t = threading.Thread(target=self._serve, args=(self.python, exe),
                                         daemon=True)
                    self._serving.append(t)
                    t.start()
        finally:
            self.found.set()

    def convert(self, files: list[Path], out_dir: Path, finished: Callable[[Path, Path], None],
                stop: threading.Event, toc: Collection[Path] = ()) -> list[Path]:
        """:func:`convert` with these workers: the files are queued before those of earlier
        calls still waiting (a table of contents' second pass is not left to the end), and
        this waits until each is made or has failed."""
        batch = _Batch(out_dir, finished, len(files), frozenset(toc))
        for f in files:  # a PDF from an earlier pass (the table of contents) is no proof
            (out_dir / (f.stem + ".pdf")).unlink(missing_ok=True)
        with self._lock:
            self._seq += 1
            call = self._seq
        for i, f in enumerate(files):
            self._jobs.put(_Job((-call, i), f, batch))
        with batch.over:
            try:
                while batch.left and batch.error is None and not stop.is_set() \
                        and self._working():
                    batch.over.wait(POLL_SECONDS * 4)
            finally:  # also on Ctrl-C: the workers skip what is left of it
                batch.cancelled = True
        if batch.error is not None:
            stop.set()
            raise batch.error
        if not batch.made and not self.pids and not stop.is_set() and not self._working():
            raise OfficeUnavailable  # not one LibreOffice answered over UNO: batched calls instead
        missing = [f.stem + ".pdf" for f in files if f not in batch.made]
        if missing:
            stop.set()
            raise PdfError("LibreOffice laget ikke " + ", ".join(missing[:5])
                           + (" …" if len(missing) > 5 else "") + ".")
        return [batch.made[f] for f in files]

    def close(self, wait: bool = True) -> None:
        """End every worker: LibreOffice is asked to quit (and killed if it does not), and
        this waits for them (``wait``), so their CPU time counts as the build's; without,
        they end while the build goes on (a later close waits)."""
        self._closed.set()
        if not wait:
            return
        self.found.wait()
        with self._lock:
            serving = list(self._serving)
        for t in serving:
            t.join()

    def _working(self) -> bool:
        """Some worker is there to take the queued files."""
        with self._lock:
            return any(t.is_alive() for t in self._serving)

    def _next(self, wait: bool = True) -> _Job | None:
        """The next queued file of a batch still waiting; None once closed (or, with
        ``wait=False``, when none is queued now)."""
        while not self._closed.is_set():
            try:
                job = self._jobs.get(timeout=POLL_SECONDS * 4) if wait else \
                    self._jobs.get_nowait()
            except queue.Empty:
                if not wait:
                    return None
                continue
            if not job.batch.cancelled:
                return job
        return None

    def _launch(self, python: str, exe: str) -> tuple[subprocess.Popen[str], queue.Queue[str]]:
        profile = _profile()
        try:
            proc = subprocess.Popen(
                [python, str(UNO_WORKER), exe, profile, _filter_spec(),
                 *([self.label] if self.label else [])],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                text=True, encoding="utf-8", start_new_session=os.name == "posix")
        except OSError:
            shutil.rmtree(profile, ignore_errors=True)
            raise
        answers: queue.Queue[str] = queue.Queue()

        def read() -> None:
            assert proc.stdout is not None
            with contextlib.suppress(OSError, ValueError):
                for line in proc.stdout:
                    answers.put(line)
            answers.put("")  # the worker is gone

        threading.Thread(target=read, daemon=True).start()
        return proc, answers

    def _answer(self, answers: queue.Queue[str], seconds: float) -> dict[str, Any] | None:
        """The worker's next answer; None when it ended, hung or the office was closed."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = answers.get(timeout=POLL_SECONDS * 4)
            except queue.Empty:
                if self._closed.is_set():
                    return None
                continue
            if not line:
                return None
            with contextlib.suppress(ValueError):
                answer = json.loads(line)
                if isinstance(answer, dict):
                    return answer
        return None

    def _serve(self, python: str, exe: str) -> None:
        """One worker: (re)starts its LibreOffice and converts queued files until closed;
        gives up when two starts in a row fail."""
        failed_starts, first = 0, True
        while not self._closed.is_set() and failed_starts < 2:
            try:
                proc, answers = self._launch(python, exe)
            except OSError:
                return
            with self._lock:
                self.restarts += 0 if first else 1
            first = False
            idle = False
            try:
                ready = self._answer(answers, START_SECONDS)
                if ready is None or "ready" not in ready:
                    failed_starts += 1
                    continue
                failed_starts = 0
                with self._lock:
                    self.pids.append(int(ready["ready"]))
                idle = self._work(proc, answers)
                if idle:
                    return  # closed
            finally:
                self._end(proc, idle)

    def _end(self, proc: subprocess.Popen[str], idle: bool) -> None:
        """End the worker: an idle one asks LibreOffice to quit, else (it stopped, hangs, or
        the build is stopping in the middle) its LibreOffice group is killed at once."""
        if proc.stdin is not None:
            if idle:
                with contextlib.suppress(OSError, ValueError):
                    proc.stdin.write("quit\n")
                    proc.stdin.flush()
            with contextlib.suppress(OSError, ValueError):
                proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()  # its LibreOffice group dies with its input closed
            proc.wait()

    def _send(self, proc: subprocess.Popen[str], job: _Job) -> bool:
        target = job.batch.out_dir / (job.docx.stem + ".pdf")
        assert proc.stdin is not None
        try:
            # absolute: LibreOffice takes file URLs («--out "PDF æøå"» is relative)
            request: dict[str, Any] = {"docx": str(job.docx.absolute()),
                                       "pdf": str(target.absolute())}
            if job.docx in job.batch.toc:
                request["toc"] = True
            proc.stdin.write(json.dumps(request) + "\n")
            proc.stdin.flush()
        except (OSError, ValueError):
            return False
        return True

    def _work(self, proc: subprocess.Popen[str], answers: queue.Queue[str]) -> bool:
        """Feed one LibreOffice; True when the office was closed while it was idle, False
        when LibreOffice stopped or hung (its file is queued again) or the office was
        closed in the middle of a file. The next file is sent before the last one is
        finished, so LibreOffice does not wait for the finishing."""
        sent = self._next()
        if sent is None:
            return True
        if not self._feed(proc, sent):
            return False
        while True:
            answer = self._answer(answers, TIMEOUT_PER_DOC)
            if answer is None or answer.get("dead"):  # stopped, hung, or closed meanwhile
                self._again(sent)
                return False
            following = self._next(wait=False)
            fed = following is None or self._feed(proc, following)
            self._settle(sent, answer)
            if not fed:
                return False
            if following is None:
                following = self._next()
                if following is None:
                    return True
                if not self._feed(proc, following):
                    return False
            sent = following

    def _feed(self, proc: subprocess.Popen[str], job: _Job) -> bool:
        """Send ``job`` to LibreOffice; when it cannot be sent, queue it again (False)."""
        if self._send(proc, job):
            return True
        self._again(job)
        return False

    def _settle(self, job: _Job, answer: dict[str, Any]) -> None:
        batch = job.batch
        if batch.cancelled:
            return
        if not answer.get("ok"):
            batch.settle(job.docx, None, str(answer.get("error", "")))
            return
        path = batch.out_dir / (job.docx.stem + ".pdf")
        with self._lock:
            self.converted.append(job.docx)
        try:
            batch.finished(job.docx, path)
        except BaseException as e:  # raised again by the waiting convert()
            batch.fail(e)
            return
        batch.settle(job.docx, path)

    def _again(self, job: _Job) -> None:
        """The file a stopped LibreOffice had: queued again (first in line), or given up
        when it was the second worker that stopped on it."""
        job.attempts += 1
        if job.attempts >= 2:
            job.batch.settle(job.docx, None, "LibreOffice stoppet")
        elif not job.batch.cancelled:
            self._jobs.put(job)


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


def verify(path: Path, title: str | None = None, signature_fields: bool = False) -> PdfReport:
    """The archive checks on a file as it lies on disk (read anew): see :func:`verify_bytes`.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        return PdfReport(path, 0, (f"kan ikke leses ({e})",))
    return _verify(data, path, path, title, signature_fields)


def verify_bytes(data: bytes, path: Path, title: str | None = None,
                 signature_fields: bool = False) -> PdfReport:
    """PDF/A-2b declared, every reachable font embedded, Info and XMP agreeing, not
    encrypted, no JavaScript, title set; with ``signature_fields`` also the two signature
    fields of a lederavtale (:data:`FIELDS`), each a widget on a page.

    Fonts are looked up everywhere a viewer may draw text from: page resources, form
    XObjects inside them, the appearance streams of every annotation (signature widgets)
    and the AcroForm default resources.
    """
    return _verify(data, io.BytesIO(data), path, title, signature_fields)


def _verify(data: bytes, source: Path | io.BytesIO, path: Path, title: str | None,
            signature_fields: bool) -> PdfReport:
    """:func:`verify_bytes` of ``data``, opened from ``source`` (the same bytes: a file is
    opened where it lies, three times faster for pikepdf than a Python stream)."""
    problems: list[str] = []
    try:
        pdf = pikepdf.open(source)
    except pikepdf.PdfError as e:
        return PdfReport(path, 0, (f"kan ikke åpnes ({e})",))
    with pdf:
        if pdf.get_warnings():  # its cross-reference table had to be rebuilt (cut short)
            problems.append("er skadet (måtte repareres for å kunne leses)")
        if pdf.is_encrypted:
            problems.append("er kryptert")
        meta = pdf.open_metadata()
        if meta.pdfa_status != "2B":
            problems.append(f"er ikke merket som PDF/A-2b (fant «{meta.pdfa_status or 'ingen'}»)")
        info_title = str(pdf.docinfo.get("/Title", "")) if pdf.docinfo else ""
        if not info_title or (title and info_title != title):
            problems.append(f"mangler riktig tittel (fant «{info_title}»)")
        problems += _fonts(pdf)
        problems += _metadata_disagreements(pdf, meta)
        if _has_javascript(pdf, data):
            problems.append("inneholder JavaScript")
        if signature_fields:
            problems += _missing_signature_fields(pdf)
        pages = len(pdf.pages)
    return PdfReport(path, pages, tuple(problems))


def _missing_signature_fields(pdf: pikepdf.Pdf) -> list[str]:
    """The lederavtale's signature fields (:data:`FIELDS`) that are not there as a signature
    field with a widget on one of the file's pages."""
    on_pages = {annot.objgen for page in pdf.pages for annot in page.obj.get("/Annots", [])
                if isinstance(annot, pikepdf.Dictionary)}
    form = pdf.Root.get("/AcroForm")
    found = set()
    for fld in (form.get("/Fields", []) if isinstance(form, pikepdf.Dictionary) else []):
        if not isinstance(fld, pikepdf.Dictionary) or fld.get("/FT") != pikepdf.Name.Sig:
            continue
        widgets = list(fld.Kids) if "/Kids" in fld else [fld]
        if any(w.objgen in on_pages for w in widgets):
            found.add(str(fld.get("/T", "")))
    return [f"mangler signaturfeltet «{label}» (fant ikke de to signaturlinjene i PDF-en)"
            for name, label in FIELDS if name not in found]


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
        for key, font in (res.get("/Font") or {}).items():
            if not isinstance(font, pikepdf.Dictionary):  # a font that is not there
                missing.setdefault(str(key), where)
                continue
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


def _metadata_disagreements(pdf: pikepdf.Pdf, meta: Any = None) -> list[str]:
    """Info entries whose XMP counterpart is missing or different (``meta``: the file's XMP,
    when already open)."""
    info: Any = pdf.docinfo if "/Info" in pdf.trailer else {}
    meta = meta if meta is not None else pdf.open_metadata()
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


#: A name of at most ten characters, at least one of them written as a #-escape, the others
#: letters of «JavaScript» (``/J#53`` is ``/JS``): the only names that can be /JS or
#: /JavaScript without showing it.
_ESCAPED_NAME = re.compile(rb"/(?=[JavScript]*#)(?:[JavScript]|#[0-9A-Fa-f]{2}){2,10}"
                           rb"(?![^\s/\[\]<>(){}%])")
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _may_hold_javascript(data: bytes) -> bool:
    """False when the bytes of a file show it cannot hold JavaScript: every way to hold it
    needs the name /JS or /JavaScript, written out (``/JS`` is found in both) or with
    #-escapes, or hidden in an object stream (compressed objects)."""
    if b"/JS" in data or b"/ObjStm" in data:
        return True
    return any(_ESCAPE.sub(lambda e: bytes([int(e.group(1), 16)]), m.group(0)[1:])
               in (b"JS", b"JavaScript") for m in _ESCAPED_NAME.finditer(data))


def _has_javascript(pdf: pikepdf.Pdf, data: bytes | None = None) -> bool:
    """A JavaScript name tree or action (``/S /JavaScript`` or ``/JS``) anywhere in the file.
    ``data``: the file's bytes, to skip the walk over every object when they show none can
    be there (:func:`_may_hold_javascript`)."""
    if data is not None and not _may_hold_javascript(data):
        return False
    names: Any = pdf.Root.get("/Names", {})
    if "/JavaScript" in names:
        return True
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and (obj.get("/S") == "/JavaScript"
                                                    or "/JS" in obj):
            return True
    return False
