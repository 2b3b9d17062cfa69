"""One warm LibreOffice, driven over UNO, that converts DOCX to PDF on request and dies with
the build that started it.

Started by :mod:`generator.output.pdf` as a separate process (stdlib and ``uno`` only, run
by path by a Python that can ``import uno``: LibreOffice's own, or the system's with
python3-uno) with pipes on its standard input and output. It starts soffice in its own
process group with the profile folder it is given, connects over a named pipe, writes one
line ``{"ready": PID}`` (PID: soffice's process), then reads one request a line,
``{"docx": PATH, "pdf": PATH}`` (with ``"toc": true``: first write each table of contents
entry's page number from this layout, see :func:`_number_toc`), and answers each with
``{"ok": true}`` or
``{"ok": false, "error": TEXT, "dead": BOOL}`` (dead: soffice is gone; this process then
ends). When its standard input closes (the build finished, was interrupted, or was killed
with SIGKILL) the LibreOffice group is killed at once, even in the middle of a document,
and the profile folder is removed in every case.

Usage: ``python lo_uno.py SOFFICE PROFILE_DIR FILTER_JSON [LABEL]``; FILTER_JSON is the
writer_pdf_Export filter data as ``{"Name": {"type": "long", "value": "2"}, …}``, LABEL is
put in LibreOffice's environment as ``STYRING_BYGG`` (which build it belongs to).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

QUIT = "quit"  # a line that asks LibreOffice to end on its own (after the last answer)
NO_UNO = 3  # exit code: this Python cannot import uno
START_SECONDS = 90
ENTRY_END = re.compile(r"\t(\d*)$")  # a table of contents entry: its text, a tab, its number


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    elif proc.poll() is None:  # pragma: no cover - Windows: the whole tree
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True)
    with contextlib.suppress(OSError):
        proc.wait()


def _say(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _filter_data(uno: Any, spec: dict[str, dict[str, str]]) -> Any:
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    values = []
    for name, typed in spec.items():
        kind, raw = typed["type"], typed["value"]
        value: Any = (raw == "true" if kind == "boolean" else
                      uno.Any(kind, int(raw)) if kind in ("long", "short", "hyper")
                      else raw)
        values.append(PropertyValue(Name=name, Value=value))
    return uno.Any("[]com.sun.star.beans.PropertyValue", tuple(values))


def _props(**kw: Any) -> tuple[Any, ...]:
    from com.sun.star.beans import PropertyValue

    return tuple(PropertyValue(Name=k, Value=v) for k, v in kw.items())


def _quit(desktop: Any, proc: subprocess.Popen[bytes] | None) -> None:
    """Ask LibreOffice to end and wait a little for it: its processes are then waited for
    (their CPU time counted as the build's); the group is killed afterwards either way."""
    def terminate() -> None:
        with contextlib.suppress(Exception):
            desktop.terminate()

    threading.Thread(target=terminate, daemon=True).start()  # a hung one is killed below
    if proc is not None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)


def _alive(desktop: Any) -> bool:
    """The connection to soffice still answers."""
    try:
        desktop.getComponents()
    except Exception:  # DisposedException and its kin: the bridge is gone
        return False
    return True


def _number_toc(doc: Any, rounds: int = 3) -> int:
    """Write into each table of contents entry the page its heading is on in this layout,
    before the PDF is stored: the document goes through LibreOffice once, not twice.

    LibreOffice shows a DOCX table of contents as stored: each entry one paragraph
    «heading<TAB>number», hyperlinked to its heading's bookmark (``#_Toc…``, see
    :mod:`generator.rendering.toc`). The page is the view cursor's at the bookmark. The
    number goes in between the text and the tab (then the old tab and number are removed),
    so it stays inside the entry's hyperlink with its look and PDF tags, as when the number
    came from the DOCX. The pages are looked up again after writing (a number can move
    the layout) until they hold, at most ``rounds`` times; the build still checks the PDF
    and converts once more when they did not. Returns the entries numbered."""
    indexes = doc.getDocumentIndexes()
    controller = doc.getCurrentController()
    if indexes.getCount() == 0 or controller is None:
        return 0
    marks = doc.getBookmarks()
    cursor = controller.getViewCursor()
    tocs = [indexes.getByIndex(i) for i in range(indexes.getCount())]
    entries = []  # (paragraph, the heading's bookmark as a text range)
    numbers: list[str] = []  # the number each entry shows now
    for toc in tocs:
        paragraphs = toc.getAnchor().createEnumeration()
        while paragraphs.hasMoreElements():
            para = paragraphs.nextElement()
            if not para.supportsService("com.sun.star.text.Paragraph"):
                continue
            url = para.getStart().HyperLinkURL
            shown = ENTRY_END.search(para.getString())
            if url.startswith("#_Toc") and marks.hasByName(url[1:]) and shown is not None:
                entries.append((para, marks.getByName(url[1:]).getAnchor().getStart()))
                numbers.append(shown[1])
    for _ in range(rounds):
        todo = []
        for i, (para, mark) in enumerate(entries):
            cursor.gotoRange(mark, False)
            page = str(cursor.getPage())
            if numbers[i] != page:
                todo.append((i, para, page))
        if not todo:
            break
        protected = [toc.IsProtected for toc in tocs]
        doc.lockControllers()
        try:
            for toc in tocs:
                toc.IsProtected = False
            for i, para, page in todo:
                text = para.getText()
                at = text.createTextCursorByRange(para.getEnd())
                at.goLeft(len(numbers[i]) + 1, False)  # before the tab: inside the hyperlink
                text.insertString(at, "\t" + page, False)
                at.gotoEndOfParagraph(True)
                at.setString("")  # the old tab and number
                numbers[i] = page
        finally:
            for toc, was in zip(tocs, protected, strict=True):
                toc.IsProtected = was
            doc.unlockControllers()
    return len(entries)


def main(argv: list[str]) -> int:
    exe, profile, spec, *rest = argv
    try:
        import uno  # type: ignore[import-not-found]
    except ImportError:
        shutil.rmtree(profile, ignore_errors=True)
        return NO_UNO
    pipe = f"styring-{os.getpid()}-{uuid.uuid4().hex[:12]}"
    env = {**os.environ, "SAL_USE_VCLPLUGIN": "svp", "HOME": profile}
    if rest:
        env["STYRING_BYGG"] = rest[0]
    extra = {"start_new_session": True} if os.name == "posix" else {
        "creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
           "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
           "--nofirststartwizard", f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"]
    proc: subprocess.Popen[bytes] | None = None
    lock = threading.Lock()
    ending = threading.Event()

    def end(code: int) -> None:
        with lock:
            if ending.is_set():
                return
            ending.set()
            if proc is not None:
                _kill(proc)
            shutil.rmtree(profile, ignore_errors=True)
        os._exit(code)

    requests: list[str] = []
    arrived = threading.Condition()

    desktop: Any = None

    def read() -> None:  # the build's requests; end of input: the build is done or gone
        with contextlib.suppress(OSError, ValueError):
            for line in sys.stdin:
                if line.strip() == QUIT and desktop is not None:
                    _quit(desktop, proc)  # asked to end: LibreOffice ends on its own
                    break
                with arrived:
                    requests.append(line)
                    arrived.notify()
        end(0)

    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=env, **extra)
        threading.Thread(target=read, daemon=True).start()
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # NoConnectException until soffice listens
                if proc.poll() is not None or time.monotonic() > deadline:
                    _say({"ok": False, "error": "LibreOffice startet ikke", "dead": True})
                    end(1)
                time.sleep(0.05)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop",
                                                               ctx)
        store = _props(FilterName="writer_pdf_Export",
                       FilterData=_filter_data(uno, json.loads(spec)))
        load = _props(Hidden=True, ReadOnly=True, UpdateDocMode=0)
        _say({"ready": proc.pid})
        while True:
            with arrived:
                while not requests:
                    arrived.wait()
                line = requests.pop(0)
            job = json.loads(line)
            target = Path(job["pdf"]).absolute()  # a file URL needs an absolute path
            part = target.with_name(f".{target.name}.{os.getpid()}.del")
            doc = None
            try:
                doc = desktop.loadComponentFromURL(Path(job["docx"]).absolute().as_uri(),
                                                   "_blank", 0, load)
                if doc is None:
                    raise RuntimeError("kunne ikke åpne dokumentet")
                if job.get("toc"):
                    with contextlib.suppress(Exception):  # unnumbered: the build converts again
                        _number_toc(doc)
                doc.storeToURL(part.as_uri(), store)
                os.replace(part, target)
                _say({"ok": True})
            except Exception as e:  # answered; a dead soffice ends this worker
                part.unlink(missing_ok=True)
                dead = proc.poll() is not None or not _alive(desktop)
                _say({"ok": False, "error": f"{type(e).__name__}: {e}", "dead": dead})
                if dead:
                    end(1)
            finally:
                if doc is not None:
                    with contextlib.suppress(Exception):
                        doc.close(True)
    finally:
        end(1)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle
    sys.exit(main(sys.argv[1:]))
