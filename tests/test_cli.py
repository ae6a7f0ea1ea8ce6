import json
import subprocess

from catalogus.cli import main
from factories import CLI, fiche, make_project


def run(*args):
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=60)


def test_clean_content_exits_zero(tmp_path, capsys):
    make_project(tmp_path, [fiche()])
    assert main(["--root", str(tmp_path), "check", "--today", "2026-11-26"]) == 0
    assert "0 fouten, 0 waarschuwingen" in capsys.readouterr().out


def test_content_errors_exit_one_and_usage_errors_two(tmp_path):
    make_project(tmp_path, [fiche(themas=["wonen"])])
    broken = run("--root", str(tmp_path), "check", "--today", "2026-11-26", "--format", "json")
    assert broken.returncode == 1
    assert json.loads(broken.stdout)["fouten"] == 1
    assert run("--root", str(tmp_path), "check", "--today", "gisteren").returncode == 2
    assert run("--root", str(tmp_path), "check", str(tmp_path / "bestaat-niet.md")).returncode == 2


def test_a_broken_project_never_shows_a_traceback(tmp_path):
    (tmp_path / "catalogus.yml").write_text("gemeente: [\n", encoding="utf-8")
    result = run("--root", str(tmp_path), "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "catalogus.yml" in result.stdout


def test_every_command_that_reads_the_content_exits_one_on_content_errors(tmp_path, capsys):
    """The README's exit codes hold for every command: 1 for problems in the content, 2 for wrong use."""
    make_project(tmp_path, [fiche(themas=["wonen"])])
    root, today = str(tmp_path), "2026-11-26"
    households = tmp_path / "huishoudens.csv"
    households.write_text("huishouden\nH1\n", encoding="utf-8")
    for command in (
        ["check"],
        ["build", "--site-dir", str(tmp_path / "site")],
        ["proactief", "--huishoudens", str(households), "--uit", str(tmp_path.parent / "uitvoer")],
    ):
        assert main(["--root", root, *command, "--today", today]) == 1, command
    (tmp_path / "catalogus.yml").write_text("gemeente: [\n", encoding="utf-8")  # settings that cannot be read
    for command in (["herinneringen"], ["codeowners", "--check"], ["pr-verslag", "--base", "main"]):
        assert main(["--root", root, *command]) == 1, command
    assert "Traceback" not in capsys.readouterr().out


def test_wrong_use_exits_two(tmp_path, capsys):
    make_project(tmp_path, [fiche()])
    assert run("--root", str(tmp_path), "bestaat-niet").returncode == 2
    assert main(["--root", str(tmp_path), "nieuwe-gemeente", "--naam", "<script>"]) == 2
    assert main(["--root", str(tmp_path), "build", "--site-dir", str(tmp_path / "content")]) == 2
    assert "is de inhoudsmap zelf" in capsys.readouterr().err
