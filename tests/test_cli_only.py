"""``--only`` as users type it: several kinds with commas, and a kind's name in the
municipality's målform («leiaravtale») as well as the product's name."""

from __future__ import annotations

from pathlib import Path

from .conftest import run


def test_kinds_with_commas_and_in_nynorsk_build_only_those(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    result = run("build", demo, "--out", out, "--no-pdf", "--only",
                 "Tertialrapport, leiaravtale")
    assert result.exit_code == 0, result.output
    year = out / "2026"
    built = {p.parent.name for p in year.rglob("*.docx")}
    assert built == {"tertialrapport", "lederavtale"}
    assert "oppdragsbrev" not in result.output


def test_an_unknown_kind_is_one_norwegian_line_and_nothing_is_built(demo: Path,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "ut"
    result = run("build", demo, "--out", out, "--no-pdf", "--only", "tertialrapport,budsjett")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == ["FEIL ukjent dokumenttype: budsjett. Velg blant oppdragsbrev, "
                     "tertialrapport, utviklingsstrategi, lederavtale."]
    assert not out.exists()
