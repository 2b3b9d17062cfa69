"""Runs one LibreOffice conversion and ends it when the build that started it ends.

Started by :mod:`generator.output.pdf` as a separate process (stdlib only, run by path) with a
pipe on its standard input. LibreOffice runs in its own process group. When the pipe
closes before LibreOffice is done (the build finished early, was interrupted, or was
killed with SIGKILL), the whole LibreOffice group is killed. The profile folder is
removed in every case.

Usage: ``python lo_watchdog.py PROFILE_DIR -- COMMAND...``
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    else:  # pragma: no cover - Windows: the whole tree
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True)
    proc.wait()


def main(argv: list[str]) -> int:
    profile, sep, *cmd = argv
    assert sep == "--" and cmd
    env = {**os.environ, "SAL_USE_VCLPLUGIN": "svp", "HOME": profile}
    extra = {"start_new_session": True} if os.name == "posix" else {
        "creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, env=env, **extra)
        gone = threading.Event()

        def watch() -> None:
            with contextlib.suppress(OSError):
                sys.stdin.buffer.read()  # returns when the build closes the pipe or dies
            gone.set()
            _kill(proc)

        threading.Thread(target=watch, daemon=True).start()
        code = proc.wait()
        # LibreOffice's launcher may exit before its worker: end the group either way.
        _kill(proc)
        if os.name == "posix":
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
        return 1 if gone.is_set() else code
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle
    sys.exit(main(sys.argv[1:]))
