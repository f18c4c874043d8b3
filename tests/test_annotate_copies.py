"""Where `gongwen annotate` puts the copies: never onto a submitted file or another copy, never
over files already there without --force, and never reading its own copies as submissions."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import docx
from pdfbuild import require_soffice

from gongwen.cli import main
from gongwen.resources import data_dir

REPORTS = data_dir("samples") / "reports"
DOC = REPORTS / "市应急管理局-朱国庆-2019年度履职报告.doc"
DOCX = REPORTS / "市财政局-张伟-2019年度履职报告.docx"
OTHER = REPORTS / "市教育局-李红梅-2019年度履职报告.docx"
DATE = ["--note-date", "2020-04-01"]


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def first_text(path: Path) -> str:
    return next(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs if p.text)


def test_the_output_folder_cannot_be_the_folder_of_submissions(tmp_path, capsys):
    folder = tmp_path / "s"
    folder.mkdir()
    shutil.copy(DOCX, folder / "a.docx")
    shutil.copy(OTHER, folder / "a.doc")  # a .docx named .doc: its copy would be a.docx
    before = digest(folder)
    assert main(["annotate", str(folder), "-o", str(folder), *DATE]) == 2
    assert "s" in capsys.readouterr().err
    assert digest(folder) == before


def test_a_doc_and_a_docx_of_one_name_get_two_copies(tmp_path, capsys):
    require_soffice()
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(DOC, folder / "a.doc")
    shutil.copy(DOCX, folder / "a.docx")
    before = digest(folder)
    assert main(["annotate", str(folder), "-o", str(out), *DATE]) in (0, 1)
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "a（doc）.docx"]
    assert first_text(out / "a.docx") == first_text(DOCX)  # the .docx's copy keeps its name
    assert first_text(out / "a（doc）.docx") != first_text(DOCX)
    assert "a（doc）.docx" in capsys.readouterr().out
    assert digest(folder) == before


def test_files_of_one_name_in_two_folders_get_two_copies(tmp_path):
    one, two, out = tmp_path / "d1", tmp_path / "d2", tmp_path / "out"
    for folder, source in ((one, DOCX), (two, OTHER)):
        folder.mkdir()
        shutil.copy(source, folder / "a.docx")
    assert main(["annotate", str(one / "a.docx"), str(two / "a.docx"), "-o", str(out), *DATE]) in (
        0,
        1,
    )
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "a（2）.docx"]
    assert first_text(out / "a.docx") == first_text(DOCX)
    assert first_text(out / "a（2）.docx") == first_text(OTHER)


def test_a_copy_never_replaces_a_submission_named_on_the_command_line(tmp_path):
    one, two = tmp_path / "d1", tmp_path / "d2"
    for folder, source in ((one, DOCX), (two, OTHER)):
        folder.mkdir()
        shutil.copy(source, folder / "a.docx")
    before = digest(two)
    assert main(["annotate", str(one), str(two / "a.docx"), "-o", str(two), *DATE]) in (0, 1)
    assert digest(two).items() >= before.items()  # d2/a.docx unchanged; copies beside it
    assert sorted(p.name for p in two.iterdir()) == ["a.docx", "a（2）.docx", "a（3）.docx"]


def test_copies_already_in_the_folder_are_replaced_only_with_force(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / DOCX.name).write_bytes(b"an earlier copy")
    assert main(["annotate", str(DOCX), "-o", str(out), *DATE]) == 2
    assert "--force" in capsys.readouterr().err
    assert (out / DOCX.name).read_bytes() == b"an earlier copy"
    assert main(["annotate", str(DOCX), "-o", str(out), "--force", *DATE]) in (0, 1)
    assert (out / DOCX.name).read_bytes() != b"an earlier copy"


def test_copies_inside_the_folder_of_submissions_are_not_checked_again(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DOCX, folder)
    out = folder / "批注稿"
    assert main(["annotate", str(folder), "-o", str(out), *DATE]) in (0, 1)
    capsys.readouterr()
    assert main(["annotate", str(folder), "-o", str(out), "--force", *DATE]) in (0, 1)
    assert "批注稿/批注稿" not in capsys.readouterr().out.replace("\\", "/")
    assert sorted(p.name for p in out.iterdir()) == [DOCX.name]


def test_check_refuses_copies_over_existing_files_too(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / DOCX.name).write_bytes(b"x")
    assert main(["check", str(DOCX), "--annotate", str(out), "--format", "csv", *DATE]) == 2
    assert (out / DOCX.name).read_bytes() == b"x"
