"""The suite's own promise to CI: each test file runs on ONE xdist worker, so the real builds
its module fixtures make are made once, not once per worker.

That promise once rested on ``--dist loadgroup`` with one group per file; under pytest 9.2
xdist's group suffix no longer reaches the scheduler (pytest-xdist#1386) and every file was
split over both workers without a word. So it is checked here, with the options the suite
itself runs with (``addopts`` in pyproject.toml), on a small suite of three files.
"""

from __future__ import annotations

import shlex
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _dist_options() -> list[str]:
    addopts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["pytest"]["ini_options"]["addopts"]
    words = shlex.split(addopts)
    out = []
    for i, w in enumerate(words):
        if w in ("-n", "--dist"):
            out += [w, words[i + 1]]
        elif w.startswith(("--dist=", "-n=", "--numprocesses")):
            out.append(w)
    return out


def test_each_test_file_runs_on_one_worker(tmp_path: Path) -> None:
    options = _dist_options()
    assert "-n" in options and "--dist" in options, options
    log = tmp_path / "workers.log"
    suite = tmp_path / "suite"
    suite.mkdir()
    for name in ("a", "b", "c"):
        (suite / f"test_{name}.py").write_text(
            "import os, time, pytest\n"
            "@pytest.mark.parametrize('i', range(6))\n"
            f"def test_{name}(i):\n"
            "    time.sleep(0.02)\n"
            f"    with open({str(log)!r}, 'a') as fh:\n"
            f"        fh.write('{name} ' + os.environ['PYTEST_XDIST_WORKER'] + '\\n')\n",
            encoding="utf-8")
    (suite / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")  # not the project's
    p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        *options, str(suite)], cwd=suite, capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
    workers: dict[str, set[str]] = defaultdict(set)
    for line in log.read_text(encoding="utf-8").splitlines():
        name, worker = line.split()
        workers[name].add(worker)
    assert sorted(workers) == ["a", "b", "c"]
    assert all(len(w) == 1 for w in workers.values()), dict(workers)
    assert len(set().union(*workers.values())) == 2  # and both workers were used
