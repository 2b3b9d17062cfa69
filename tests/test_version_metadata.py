"""The installed product's version read from its own metadata beside the package (issue 30:
importlib.metadata searched every distribution at every build, 30-40 ms), with
importlib.metadata's answer, and nothing guessed when the folder is ambiguous."""

from __future__ import annotations

import sysconfig
from importlib.metadata import version
from pathlib import Path

from generator import DISTRIBUTION, _installed_version


def _dist(site: Path, folder: str, name: str, ver: str) -> None:
    info = site / folder
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {ver}\n"
                                   f"Summary: x\n\nName: ikke-dette\nVersion: 9.9\n",
                                   encoding="utf-8")


def test_the_metadata_beside_the_package_gives_what_importlib_metadata_gives() -> None:
    site = Path(sysconfig.get_paths()["purelib"])  # this venv's (editable) installation
    assert _installed_version(site) == version(DISTRIBUTION)


def test_one_dist_info_is_read_and_anything_ambiguous_is_left_to_importlib(
        tmp_path: Path) -> None:
    _dist(tmp_path / "a", "styringsdokumenter-1.2.3+lokal.dist-info", "Styringsdokumenter",
          "1.2.3+lokal")
    assert _installed_version(tmp_path / "a") == "1.2.3+lokal"
    _dist(tmp_path / "b", "styringsdokumenter-1.0.dist-info", DISTRIBUTION, "1.0")
    _dist(tmp_path / "b", "styringsdokumenter-2.0.dist-info", DISTRIBUTION, "2.0")
    assert _installed_version(tmp_path / "b") is None  # two: which one runs is not known here
    _dist(tmp_path / "c", "styringsdokumenter-1.0.dist-info", "noe-annet", "1.0")
    assert _installed_version(tmp_path / "c") is None
    (tmp_path / "d" / "styringsdokumenter-1.0.dist-info").mkdir(parents=True)  # no METADATA
    assert _installed_version(tmp_path / "d") is None
    assert _installed_version(tmp_path / "tom") is None
