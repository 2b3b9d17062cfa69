"""Issue 31: the adviser's and the IT department's first hour.

- every ``--help`` and every usage error is bokmål, Typer/Click's own words included;
- the build summary writes its time and counts the Norwegian way («61,5 s», «3 666»);
- file names are cut between words, never inside one, and stay unique;
- a screened agreement's e-mail draft is marked in its subject and ``Sensitivity: Private``;
- ``styring doctor`` says what the machine has, in bokmål.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from dataclasses import replace
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from generator import norsk, pipeline
from generator.cli import app
from generator.cli_text import ENGLISH_WORDS
from generator.demo.data import demo_data
from generator.documents.common import slug
from generator.input.blank import write_workbooks
from generator.output.delivery.epost import SUBJECT_MARK
from generator.output.fastpath import _tall

from .conftest import run

YEAR = "2026"


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    names = list(group.commands)  # type: ignore[attr-defined]
    assert {"build", "check", "sign", "doctor"} <= set(names)
    return names


def _english(text: str) -> list[str]:
    return [w for w in ENGLISH_WORDS if w in text]


@pytest.mark.parametrize("args", [[], ["--help"]] + [[c, "--help"] for c in _commands()])
def test_every_help_page_is_bokmal(args: list[str]) -> None:
    result = run(*args)
    text = result.output
    assert text.startswith("Bruk: styring"), text[:200]
    assert not _english(text), (_english(text), text)
    assert "Valg:" in text and "Vis denne hjelpen og avslutt." in text
    if args and args[0] != "--help":
        assert result.exit_code == 0
        assert not re.search(r"<(path|str|int|list\[)", text)  # Typer's English metavars


@pytest.mark.parametrize(("args", "said"), [
    (["build", "--tertial", "5"], "ugyldig verdi for «--tertial»: må være høyst 3."),
    (["build", "--tertial", "x"], "ugyldig verdi for «--tertial»: må være et heltall."),
    (["buld"], "ukjent kommando «buld» (mente du «build»?)."),
    (["sign"], "mangler argumentet «AVTALE.pdf»."),
    (["sign", "a.pdf"], "mangler valget «--felt»."),
    (["check", "--pdf"], "ukjent valg «--pdf»."),
    (["build", "--out"], "valget «--out» trenger en verdi."),
    (["check", "--help=ja"], "valget «--help» tar ingen verdi."),
])
def test_usage_errors_are_bokmal_with_exit_code_2(args: list[str], said: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert f"FEIL {said}" in result.output, result.output
    assert not _english(result.output), result.output


def test_the_console_script_speaks_bokmal_too(tmp_path: Path) -> None:
    """Through ``python -m generator`` (quick.py, then cli.main): a real process."""
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--tertial", "9"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 2
    assert "FEIL ugyldig verdi for «--tertial»: må være høyst 3." in done.stderr
    assert "Bruk: python -m generator build [VALG] [ARBEIDSBØKER]..." in done.stderr
    assert not _english(done.stdout + done.stderr)


def test_the_build_summary_writes_time_and_counts_the_norwegian_way(demo: Path,
                                                                   tmp_path: Path) -> None:
    result = run("build", demo, "--out", tmp_path / "ut", "--only", "oppdragsbrev",
                 "--no-pdf")
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if ln.startswith("Ferdig"))
    assert re.fullmatch(r"Ferdig på \d+,\d s: 1 dokumenter, \d+ filer i .*", line), line
    assert not re.search(r"\d\.\d", line.split(" i ")[0])
    # The no-change answer counts the same way as norsk.tall, without loading Babel.
    assert _tall(3666) == norsk.tall(3666) == "3\u00a0666" and _tall(47) == "47"


def test_slug_cuts_between_words_never_inside_one() -> None:
    unit = "Helse og omsorg, politisk sekretariat og integrering"
    assert slug(unit, 30) == "helse-og-omsorg-politisk"
    assert slug("Arbeid og integrering", 18) == "arbeid-og"
    assert slug("Arbeid og integrering", 21) == "arbeid-og-integrering"
    assert slug("Arbeid og integrering", 8) == "arbeid"
    assert slug("Oppvekstsenter", 8) == "oppvekst"  # one word alone: no boundary to cut at


def test_long_unit_and_leader_names_are_cut_at_a_word_and_stay_unique(tmp_path: Path) -> None:
    """Two leaders in one unit with a long name and long names that agree in their first
    40 characters: whole words in both file names, and the names differ."""
    data = demo_data()
    a1, a2 = data.lederavtaler[0], data.lederavtaler[1]
    l1 = data.leder(a1.leder_id)
    unit = "Helse og omsorg, politisk sekretariat og integreringstjenesten"
    same = "Anne-Margrethe Kristiansen Haugland Bergersen"
    names = {a1.leder_id: same + " Olsen", a2.leder_id: same + " Berg"}
    l2 = data.leder(a2.leder_id)
    ledere = [replace(ld, navn=names.get(ld.id, ld.navn)) for ld in data.ledere]
    # Two units with the same long name: the two agreements want the same file name.
    enheter = [replace(e, navn=unit) if e.kode in (l1.enhet, l2.enhet) else e
               for e in data.enheter]
    wb = tmp_path / "wb"
    write_workbooks(wb, replace(data, ledere=ledere, enheter=enheter))
    report = pipeline.build([wb], tmp_path / "ut", kinds=["lederavtale"], pdf=False)
    assert report.ok, [str(p) for p in report.problems]
    files = sorted(p.name for p in (tmp_path / "ut" / YEAR / "lederavtale").glob("*.docx"))
    ours = [f for f in files if f.startswith("lederavtale-helse-og-omsorg")
            and not f.endswith("-offentlig.docx")]
    # Whole words only: «politisk» (not «politisk-sekret»), «haugland» (not «haugl»), and
    # the Leder-ID tells the two apart.
    assert ours == sorted(f"lederavtale-helse-og-omsorg-politisk-anne-margrethe-kristiansen-"
                          f"haugland-{slug(i, 20)}.docx" for i in (a1.leder_id, a2.leder_id))
    unit_words, name_words = slug(unit, 200).split("-"), slug(same, 200).split("-")
    for f in files:
        for part in f.removesuffix(".docx").split("-"):
            assert part in {"lederavtale", "offentlig", *unit_words, *name_words} or not any(
                w.startswith(part) and w != part for w in unit_words + name_words), (part, f)


def test_a_screened_draft_is_marked_in_subject_and_header(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ut"
    assert pipeline.build([demo], out, kinds=["lederavtale"], pdf=False).ok
    data = demo_data()
    screened = {data.leder(a.leder_id).navn for a in data.lederavtaler if a.skjermet}
    assert screened
    seen = 0
    for eml in sorted((out / YEAR / "epost").glob("lederavtale-*.eml")):
        raw = eml.read_bytes()
        msg = message_from_bytes(raw, policy=policy.default)
        subject = str(msg["Subject"])
        name = subject.rsplit(" – ", 1)[1]
        if name in screened:
            seen += 1
            assert subject == f"{SUBJECT_MARK}: Lederavtale {YEAR} – {name}"
            assert b"\r\nSensitivity: Private\r\n" in raw
        else:
            assert not subject.startswith("Unntatt") and msg["Sensitivity"] is None
    assert seen == len(screened)


# --- styring doctor ---------------------------------------------------------------------------


def _lines(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.strip()]


def test_doctor_lists_what_the_machine_has(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.output.pdf import soffice

    monkeypatch.delenv("STYRING_SOFFICE", raising=False)
    monkeypatch.chdir(tmp_path)
    result = run("doctor")
    lines = _lines(result.output)
    assert not _english(result.output), result.output
    body = [ln for ln in lines if not ln.startswith(("Klar", "1 feil"))]
    assert all(re.match(r"(OK|MERKNAD|FEIL) [^:]+: ", ln) for ln in body), body
    what = [re.match(r"\w+ ([^:]+):", ln).group(1) for ln in body]
    assert what[:4] == ["Python", "Programmet", "xlwings", "LibreOffice"]
    assert {"Skrift Calibri", "Skrift Liberation Sans", "xlwings-tillegget",
            "Utmappen"} <= set(what)
    py = next(ln for ln in body if " Python: " in ln)
    assert sys.executable in py and f"{sys.version_info.major}.{sys.version_info.minor}" in py
    office = next(ln for ln in body if " LibreOffice: " in ln)
    exe = soffice()
    if exe is None:
        assert office.startswith("FEIL") and result.exit_code == 1
    else:
        assert office.startswith(f"OK LibreOffice: {exe} (")
        assert re.search(r"LibreOffice \d+\.\d+", office)  # the version it reported
    out_line = next(ln for ln in body if " Utmappen: " in ln)
    assert str(tmp_path / "dokumenter") in out_line and out_line.startswith("OK")
    assert not (tmp_path / "dokumenter").exists()  # nothing made
    assert not list(tmp_path.iterdir())
    assert what[-1] == "Mellomlager", body  # the user's cache folder, or why there is none


def test_doctor_names_the_cache_folder_and_tells_when_it_cannot_be_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STYRING_CACHE", str(tmp_path / "mellomlager"))
    line = next(ln for ln in _lines(run("doctor", tmp_path).output) if " Mellomlager: " in ln)
    assert line == (f"OK Mellomlager: {tmp_path / 'mellomlager'} "
                    "(fra miljøvariabelen STYRING_CACHE)")
    (tmp_path / "en-fil").write_text("x", encoding="utf-8")
    monkeypatch.setenv("STYRING_CACHE", str(tmp_path / "en-fil" / "mellomlager"))
    result = run("doctor", tmp_path)
    line = next(ln for ln in _lines(result.output) if " Mellomlager: " in ln)
    assert line.startswith("MERKNAD Mellomlager: ") and "kan ikke skrives" in line, line
    assert not _english(line), line
    monkeypatch.setenv("STYRING_CACHE", "av")
    line = next(ln for ln in _lines(run("doctor", tmp_path).output) if " Mellomlager: " in ln)
    assert line.startswith("MERKNAD Mellomlager: slått av"), line


def test_doctor_names_the_libreoffice_it_was_told_to_use(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'LibreOffice 24.8.4.2 abc123'\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("STYRING_SOFFICE", str(fake))
    result = run("doctor", tmp_path)
    office = next(ln for ln in _lines(result.output) if " LibreOffice: " in ln)
    assert office == (f"OK LibreOffice: {fake} (fra miljøvariabelen STYRING_SOFFICE), "
                      "LibreOffice 24.8.4.2")
    from generator.output import fastpath, pdf

    assert pdf.soffice() == str(fake) and fastpath.office_installed()


def test_doctor_fails_when_the_output_folder_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "ikke-en-mappe"
    blocker.write_text("x", encoding="utf-8")
    result = run("doctor", tmp_path, "--out", blocker / "dokumenter")
    assert result.exit_code == 1
    line = next(ln for ln in _lines(result.output) if " Utmappen: " in ln)
    assert line.startswith("FEIL Utmappen: ") and "er ikke en mappe" in line
    if os.geteuid() != 0:  # root writes anywhere: the permission case only for others
        locked = tmp_path / "låst"
        locked.mkdir(mode=0o500)
        result = run("doctor", tmp_path, "--out", locked)
        assert result.exit_code == 1 and "kan ikke skrive her" in result.output
