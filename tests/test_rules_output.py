"""Output ownership pinned at its boundaries: who owns a file in the output folder, putting a
build in place all or nothing (commit, rollback, recover), and the build manifest (unit level,
no build).

Fast on purpose: benchmarks/mutation.py runs them once per mutant. Expected values are
written out here, not computed by the code under test. (Split from the former
tests/test_rules_new.py by concern.)
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pikepdf
import pytest

from generator.demo.data import demo_data
from generator.files import sha256_file
from generator.model.domain import (
    Status,
)
from generator.output import commit, manifest, ownership
from generator.output.ownership import State

DATA = demo_data()


# --- who owns a file in the output folder ------------------------------------------------------


def _pdf(path: Path, value: bool, kids: bool = False, field_type: str = "/Sig") -> Path:
    """A real PDF with one signature field, filled (``value``) or empty, made with pikepdf."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    sig = pikepdf.Dictionary(Type=pikepdf.Name.Sig, ByteRange=pikepdf.Array([0, 0, 0, 0]))
    fld = pikepdf.Dictionary(FT=pikepdf.Name(field_type), T=pikepdf.String("Signatur"))
    if value:
        fld.V = pdf.make_indirect(sig)
    else:
        fld.Lock = pdf.make_indirect(sig)  # a /ByteRange in the file, but nobody has signed
    if kids:
        fld = pikepdf.Dictionary(T=pikepdf.String("Forelder"), Kids=pikepdf.Array([fld]))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([pdf.make_indirect(fld)]))
    pdf.save(path)
    return path


def test_a_file_is_ours_only_with_exactly_the_bytes_written(tmp_path: Path) -> None:
    f = tmp_path / "a.docx"
    assert ownership.state(f, None) is State.MISSING
    assert ownership.state(f, "0" * 64) is State.MISSING
    f.write_bytes(b"skrevet av programmet")
    sha = hashlib.sha256(b"skrevet av programmet").hexdigest()
    assert sha256_file(f) == sha
    assert ownership.state(f, sha) is State.OURS
    assert ownership.state(f, None) is State.CHANGED  # never written by the product
    f.write_bytes(b"skrevet av programmet.")  # one byte more
    assert ownership.state(f, sha) is State.CHANGED


def test_a_folder_or_a_symlink_in_a_files_place_is_never_ours(tmp_path: Path) -> None:
    real = tmp_path / "real.docx"
    real.write_bytes(b"x")
    sha = hashlib.sha256(b"x").hexdigest()
    link = tmp_path / "link.docx"
    link.symlink_to(real)
    assert ownership.state(link, sha) is State.CHANGED
    dangling = tmp_path / "dangling.docx"
    dangling.symlink_to(tmp_path / "nowhere")
    assert ownership.state(dangling, sha) is State.CHANGED  # lexists: not MISSING
    (tmp_path / "dir.docx").mkdir()
    assert ownership.state(tmp_path / "dir.docx", sha) is State.CHANGED


def test_a_signed_pdf_is_signed_and_an_unsigned_one_changed(tmp_path: Path) -> None:
    signed = _pdf(tmp_path / "signert.pdf", value=True)
    empty = _pdf(tmp_path / "tom.pdf", value=False)
    in_kid = _pdf(tmp_path / "barn.pdf", value=True, kids=True)
    not_sig = _pdf(tmp_path / "tekst.pdf", value=True, field_type="/Tx")
    assert ownership.is_signed(signed) and ownership.is_signed(in_kid)
    assert not ownership.is_signed(empty) and not ownership.is_signed(not_sig)
    assert ownership.state(signed, "0" * 64) is State.SIGNED
    assert ownership.state(signed, sha256_file(signed)) is State.OURS  # ours wins
    assert ownership.state(empty, "0" * 64) is State.CHANGED
    upper = tmp_path / "SIGNERT.PDF"
    upper.write_bytes(signed.read_bytes())
    assert ownership.state(upper, None) is State.SIGNED  # the suffix ignores case
    docx = tmp_path / "signert.docx"
    docx.write_bytes(signed.read_bytes())
    assert ownership.state(docx, None) is State.CHANGED  # only PDFs are looked into


@pytest.mark.parametrize("form", [None, "no fields"])
def test_a_signature_dictionary_outside_a_form_is_not_a_signature(tmp_path: Path,
                                                                  form: str | None) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.Merknad = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Sig, ByteRange=pikepdf.Array([0, 0, 0, 0])))
    if form:
        pdf.Root.AcroForm = pikepdf.Dictionary(NeedAppearances=True)
    path = tmp_path / "utkast.pdf"
    pdf.save(path)
    assert b"/ByteRange" in path.read_bytes()
    assert not ownership.is_signed(path)


def test_an_unreadable_pdf_with_a_signature_dictionary_counts_as_signed(tmp_path: Path) -> None:
    broken = tmp_path / "skadet.pdf"
    broken.write_bytes(b"%PDF-1.7\n<< /ByteRange [0 1 2 3] >> ikke en pdf")
    assert ownership.is_signed(broken)
    plain = tmp_path / "ren.pdf"
    plain.write_bytes(b"%PDF-1.7\n ikke en pdf uten signatur")
    assert not ownership.is_signed(plain)
    assert not ownership.is_signed(tmp_path / "finnes-ikke.pdf")


@pytest.mark.parametrize(("rel", "expected"), [
    ("lederavtale-x.docx", "lederavtale-x-ny.docx"),
    ("pdf/lederavtale-x.pdf", "pdf/lederavtale-x-ny.pdf"),
    ("a.b.docx", "a.b-ny.docx"),
    ("uten-endelse", "uten-endelse-ny"),
])
def test_the_new_version_beside_a_kept_file(rel: str, expected: str) -> None:
    assert ownership.beside(rel) == expected


def test_the_backup_folder_is_dated_inside_the_output_folder(tmp_path: Path) -> None:
    when = datetime(2026, 11, 23, 9, 5, 7)
    assert ownership.backup_folder(tmp_path, when) == (
        tmp_path / "sikkerhetskopi" / "2026-11-23-090507")
    assert ownership.backup_folder(tmp_path).parent == tmp_path / "sikkerhetskopi"


@pytest.mark.parametrize("rel", [
    "../x.docx", "a/../../x.docx", "a/../x.docx", "/etc/passwd", "\\\\server\\x", "C:x.docx",
    "c:\\x.docx", "", "a\0b", None, 5, ["a"],
])
def test_a_manifest_path_outside_the_folder_is_refused(tmp_path: Path, rel: object) -> None:
    assert ownership.inside(tmp_path, rel) is None


def test_paths_inside_the_folder_are_kept_and_symlinks_out_refused(tmp_path: Path) -> None:
    out = tmp_path / "ut"
    (out / "pdf").mkdir(parents=True)
    assert ownership.inside(out, "a.docx") == out / "a.docx"
    assert ownership.inside(out, "pdf/a.pdf") == out / "pdf" / "a.pdf"
    assert ownership.inside(out, "ny/mappe/a.pdf") == out / "ny" / "mappe" / "a.pdf"
    elsewhere = tmp_path / "annet"
    elsewhere.mkdir()
    (out / "lenke").symlink_to(elsewhere)
    assert ownership.inside(out, "lenke/a.docx") is None
    assert ownership.escapes(out, "lenke/a.docx") == elsewhere.resolve()
    assert ownership.escapes(out, "pdf/a.pdf") is None
    assert ownership.escapes(out, "a.docx") is None
    (out / "inne").symlink_to(out / "pdf")  # a link that stays inside is fine
    assert ownership.inside(out, "inne/a.pdf") == out / "inne" / "a.pdf"
    assert ownership.escapes(out, "inne/a.pdf") is None


# --- putting a build in place: all of it or none of it ----------------------------------------


def _stage(tmp_path: Path, files: dict[str, bytes]) -> tuple[Path, Path, commit.CommitPlan]:
    """An output folder with old files, a stage with new ones and the plan that moves them."""
    folder, stage = tmp_path / "ut", tmp_path / "stage"
    folder.mkdir(parents=True)
    stage.mkdir()
    plan = commit.CommitPlan()
    for i, (rel, data) in enumerate(files.items()):
        (stage / f"{i}.new").write_bytes(data)
        plan.moves.append((f"{i}.new", rel, hashlib.sha256(data).hexdigest()))
    return folder, stage, plan


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_commit_moves_new_files_in_and_keeps_the_old_aside(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a", "pdf/b.pdf": b"ny b"})
    (folder / "a.docx").write_bytes(b"gammel a")
    (folder / "borte.docx").write_bytes(b"skal bort")
    (folder / "endret.docx").write_bytes(b"endret av en person")
    plan.removals.append("borte.docx")
    plan.backups.append(("endret.docx", "sikkerhetskopi/t/endret.docx"))
    commit.precheck(folder, plan)
    commit.commit(folder, stage, "bygg-1", plan)
    assert _tree(folder) == {"a.docx": b"ny a", "pdf/b.pdf": b"ny b",
                             "sikkerhetskopi/t/endret.docx": b"endret av en person"}
    assert _tree(stage / commit.OLD) == {"a.docx": b"gammel a", "borte.docx": b"skal bort"}
    journal = json.loads((stage / commit.JOURNAL).read_text(encoding="utf-8"))
    assert journal == {"build": "bygg-1", "moves": [list(m) for m in plan.moves],
                       "backups": [list(b) for b in plan.backups], "removals": ["borte.docx"],
                       "retire_to": "", "made": ["pdf", "sikkerhetskopi", "sikkerhetskopi/t"]}


def test_a_rollback_puts_everything_back_as_before(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a", "ny.docx": b"helt ny"})
    (folder / "a.docx").write_bytes(b"gammel a")
    (folder / "borte.docx").write_bytes(b"skal bort")
    (folder / "endret.docx").write_bytes(b"endret")
    plan.removals.append("borte.docx")
    plan.backups.append(("endret.docx", "sikkerhetskopi/t/endret.docx"))
    before = _tree(folder)
    commit.commit(folder, stage, "bygg-1", plan)
    assert commit.rollback(folder, stage) == []
    assert _tree(folder) == before
    assert (stage / "1.new").read_bytes() == b"helt ny"  # the new file went back to the stage
    assert not (stage / commit.JOURNAL).exists()
    assert commit.rollback(folder, stage) == []  # no journal: nothing to do


def test_a_new_file_someone_changed_after_the_commit_is_not_taken_away(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"ny.docx": b"helt ny"})
    commit.commit(folder, stage, "bygg-1", plan)
    (folder / "ny.docx").write_bytes(b"endret etterpaa")
    assert commit.rollback(folder, stage) == []
    assert _tree(folder) == {"ny.docx": b"endret etterpaa"}


def test_a_failing_move_is_rolled_back_and_said_in_bokmal(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a", "b.docx": b"ny b"})
    (folder / "a.docx").write_bytes(b"gammel a")
    (stage / "1.new").unlink()  # the second move fails
    with pytest.raises(commit.CommitError) as e:
        commit.commit(folder, stage, "bygg-1", plan)
    assert _tree(folder) == {"a.docx": b"gammel a"}
    assert str(e.value).startswith("Flyttingen av de nye filene stoppet (")
    assert str(e.value).endswith(f"Alt er lagt tilbake: {folder} er som før byggingen.")
    assert "1.new" in str(e.value)


def test_recover_rolls_back_an_unfinished_build_and_keeps_a_finished_one(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a"})
    (folder / "a.docx").write_bytes(b"gammel a")
    commit.commit(folder, stage, "avbrutt", plan)
    notes = commit.recover(folder, [stage], current_build="et-annet")
    assert notes == ["en avbrutt bygging var halvveis; filene er lagt tilbake slik de var "
                     "før den."]
    assert _tree(folder) == {"a.docx": b"gammel a"} and not stage.exists()
    folder2, stage2, plan2 = _stage(tmp_path / "2", {"a.docx": b"ny a"})
    commit.commit(folder2, stage2, "ferdig", plan2)
    assert commit.recover(folder2, [stage2], current_build="ferdig") == []
    assert _tree(folder2) == {"a.docx": b"ny a"} and not stage2.exists()


def test_precheck_refuses_a_symlink_out_and_a_folder_in_a_files_place(tmp_path: Path) -> None:
    folder, _, plan = _stage(tmp_path, {"lenke/a.docx": b"a", "mappe.docx": b"b",
                                            "ok/c.docx": b"c"})
    (tmp_path / "annet").mkdir()
    (folder / "lenke").symlink_to(tmp_path / "annet")
    (folder / "mappe.docx").mkdir()
    with pytest.raises(commit.CommitError) as e:
        commit.precheck(folder, plan)
    msg = str(e.value)
    assert msg.startswith(f"Ingenting er endret i {folder}: «lenke» er en snarvei (symbolsk "
                          f"lenke) til {(tmp_path / 'annet').resolve()}, utenfor utmappen")
    assert "«mappe.docx» er en mappe, ikke en fil" in msg and msg.endswith(".")
    assert not list((tmp_path / "annet").iterdir())  # no probe written outside
    assert not (folder / "ok").exists()  # the check creates nothing (issue 23)
    assert [p.name for p in folder.iterdir()] == ["lenke", "mappe.docx"]  # probe removed


# --- the build manifest: what makes a document render again -----------------------------------


@dataclasses.dataclass
class _Rad:
    navn: str
    status: Status
    når: date


class _Listing:
    def __str__(self) -> str:
        return "listing-tekst"


def test_a_context_is_reduced_to_plain_json_values() -> None:
    ctx = {"rad": _Rad("Å", Status.RØD, date(2026, 11, 23)), 3: (1, 2.5, None, True),
           "tid": datetime(2026, 11, 23, 9, 30), "liste": [Status.GUL, _Listing()],
           "klasse": _Rad}
    assert manifest._plain(ctx) == {
        "rad": {"navn": "Å", "status": "rød", "når": "2026-11-23"}, "3": [1, 2.5, None, True],
        "tid": "2026-11-23T09:30:00", "liste": ["gul", "listing-tekst"],
        "klasse": str(_Rad)}
    assert manifest._plain(0) == 0 and manifest._plain("") == ""
    assert manifest._plain(False) is False


def test_the_fingerprint_changes_with_each_input_and_only_with_them() -> None:
    ctx = {"a": 1, "b": {"x": "ø", "y": [1, 2]}}
    same = {"b": {"y": [1, 2], "x": "ø"}, "a": 1}  # another key order
    h = manifest.data_hash(ctx, "mal")
    assert h == manifest.data_hash(same, "mal") == manifest.data_hash(ctx, "mal", "")
    assert len(h) == 64 and int(h, 16) >= 0
    others = [manifest.data_hash(ctx, "mal2"), manifest.data_hash(ctx, "mal", "pdf"),
              manifest.data_hash({"a": 2, "b": ctx["b"]}, "mal"),
              manifest.data_hash({"a": 1, "b": {"x": "o", "y": [1, 2]}}, "mal"),
              manifest.data_hash({"a": 1, "b": {"x": "ø", "y": [2, 1]}}, "mal"),
              manifest.data_hash({"a": "1", "b": ctx["b"]}, "mal"),
              manifest.data_hash({"a": 1, "b": ctx["b"], "c": None}, "mal")]
    assert len({h, *others}) == 1 + len(others)
    row = _Rad("x", Status.GRØNN, date(2026, 1, 1))
    assert manifest.data_hash({"r": row}, "m") != manifest.data_hash(
        {"r": dataclasses.replace(row, når=date(2026, 1, 2))}, "m")


def test_file_hash_is_sha256_of_all_bytes(tmp_path: Path) -> None:
    data = bytes(range(256)) * 9000  # over 2 MiB: more than one block
    f = tmp_path / "stor.bin"
    f.write_bytes(data)
    assert sha256_file(f) == hashlib.sha256(data).hexdigest()
    (tmp_path / "tom.bin").write_bytes(b"")
    assert sha256_file(tmp_path / "tom.bin") == hashlib.sha256(b"").hexdigest()


@pytest.mark.parametrize("content", [None, "", "{ikke json", "[1, 2]", '{"andre": 1}',
                                     '"documents"', b"\xff\xfe"])
def test_a_missing_or_damaged_manifest_counts_as_none(tmp_path: Path, content) -> None:
    if isinstance(content, bytes):
        (tmp_path / manifest.FILENAME).write_bytes(content)
    elif content is not None:
        (tmp_path / manifest.FILENAME).write_text(content, encoding="utf-8")
    assert manifest.read(tmp_path) == {"documents": {}}


def test_a_manifest_is_written_sorted_readable_and_read_back(tmp_path: Path) -> None:
    data = {"documents": {"b.docx": {"sha": "2"}, "a.docx": {"sha": "1"}}, "build": "Æ"}
    path = manifest.write(tmp_path, data)
    assert path == tmp_path / "manifest.json" and manifest.FILENAME == "manifest.json"
    assert path.read_text(encoding="utf-8") == (
        '{\n  "build": "Æ",\n  "documents": {\n    "a.docx": {\n      "sha": "1"\n    },\n'
        '    "b.docx": {\n      "sha": "2"\n    }\n  }\n}')
    assert manifest.read(tmp_path) == data
    # no temporary file left; the copy a damaged manifest is recovered from (issue 23)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".manifest-kopi.json", "manifest.json"]
    assert (tmp_path / ".manifest-kopi.json").read_bytes() == path.read_bytes()


def test_a_commit_creates_missing_folders_for_new_and_old_files(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"ny/mappe/a.docx": b"ny", "pdf/b.pdf": b"ny b"})
    (folder / "pdf").mkdir()
    (folder / "pdf" / "b.pdf").write_bytes(b"gammel b")
    commit.commit(folder, stage, "bygg", plan)  # no precheck: commit makes the folders itself
    assert _tree(folder) == {"ny/mappe/a.docx": b"ny", "pdf/b.pdf": b"ny b"}
    assert _tree(stage / commit.OLD) == {"pdf/b.pdf": b"gammel b"}


def test_the_exact_message_of_a_failing_move(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a"})
    (stage / "0.new").unlink()
    with pytest.raises(commit.CommitError) as e:
        commit.commit(folder, stage, "bygg", plan)
    assert str(e.value) == (f"Flyttingen av de nye filene stoppet ({stage / '0.new'}: finnes "
                            f"ikke). Alt er lagt tilbake: {folder} er som før "
                            "byggingen.")


def test_a_journal_without_lists_and_a_damaged_one_roll_back_nothing(tmp_path: Path) -> None:
    folder, stage = tmp_path / "ut", tmp_path / "stage"
    folder.mkdir()
    stage.mkdir()
    (stage / commit.JOURNAL).write_text('{"build": "x"}', encoding="utf-8")
    assert commit.rollback(folder, stage) == []
    assert not (stage / commit.JOURNAL).exists()
    (stage / commit.JOURNAL).write_text("{skadet", encoding="utf-8")
    assert commit.recover(folder, [stage], current_build=None) == []  # nothing claimed
    assert not stage.exists()
    assert commit.recover(folder, [tmp_path / "finnes-ikke"], current_build=None) == []


def test_what_cannot_be_put_back_is_listed_and_kept(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a", "x/k.docx": b"ny k"})
    (folder / "a.docx").write_bytes(b"gammel a")
    (folder / "borte.docx").write_bytes(b"borte")
    (folder / "x").mkdir()
    (folder / "x" / "k.docx").write_bytes(b"endret k")
    plan.moves.pop()  # x/k.docx: only moved aside by --force, the new one comes later
    plan.removals.append("borte.docx")
    plan.backups.append(("x/k.docx", "sikkerhetskopi/k.docx"))
    commit.commit(folder, stage, "avbrutt", plan)
    for rel in ("a.docx", "borte.docx"):  # a folder now stands where the files were
        if (folder / rel).exists():
            (folder / rel).unlink()
        (folder / rel).mkdir()
        (folder / rel / "fil").write_bytes(b"x")
    shutil.rmtree(folder / "x")  # the backup cannot go back: its folder is gone
    other_folder, other, other_plan = _stage(tmp_path / "2", {"c.docx": b"c"})
    commit.commit(other_folder, other, "avbrutt-2", other_plan)
    notes = commit.recover(folder, [stage], current_build="nå")
    assert notes == [f"en avbrutt bygging kunne ikke rulles helt tilbake; 3 filer ligger igjen "
                     f"i {stage / commit.OLD}."]
    assert stage.exists() and (stage / commit.JOURNAL).exists()  # kept for a later try
    assert commit.rollback(folder, stage) == ["a.docx", "borte.docx", "x/k.docx"]
    # a later stage is still cleaned up after one that could not be rolled back
    assert commit.recover(other_folder, [stage, other], current_build="nå")[1:] == [
        "en avbrutt bygging var halvveis; filene er lagt tilbake slik de var før den."]
    assert not other.exists()


def test_a_backup_does_not_overwrite_a_file_someone_put_in_its_place(tmp_path: Path) -> None:
    folder, stage, plan = _stage(tmp_path, {"a.docx": b"ny a"})
    (folder / "a.docx").write_bytes(b"endret av en person")
    plan.backups.append(("a.docx", "sikkerhetskopi/a.docx"))
    commit.commit(folder, stage, "bygg", plan)
    (folder / "a.docx").write_bytes(b"endret igjen etter byggingen")  # not the sha written
    assert commit.rollback(folder, stage) == []
    assert _tree(folder) == {"a.docx": b"endret igjen etter byggingen",
                             "sikkerhetskopi/a.docx": b"endret av en person"}


def test_precheck_says_what_to_do_and_lists_at_most_eight_problems(tmp_path: Path) -> None:
    folder, _, plan = _stage(tmp_path, {f"l{i}/a.docx": b"a" for i in range(9)})
    (tmp_path / "annet").mkdir()
    for i in range(9):
        (folder / f"l{i}").symlink_to(tmp_path / "annet")
    with pytest.raises(commit.CommitError) as e:
        commit.precheck(folder, plan)
    one = ("«l{}» er en snarvei (symbolsk lenke) til " + str((tmp_path / "annet").resolve())
           + ", utenfor utmappen; programmet skriver ikke dit. Fjern snarveien eller gjør den "
           "til en vanlig mappe")
    assert str(e.value) == (f"Ingenting er endret i {folder}: "
                            + "; ".join(one.format(i) for i in range(8)) + ".")
    folder2, _, plan2 = _stage(tmp_path / "2", {"fil.docx/a.docx": b"a"})
    (folder2 / "fil.docx").write_bytes(b"en fil, ikke en mappe")
    with pytest.raises(commit.CommitError) as e:
        commit.precheck(folder2, plan2)
    assert str(e.value) == f"Ingenting er endret i {folder2}: «fil.docx» er en fil, ikke en mappe."
