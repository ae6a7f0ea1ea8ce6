import json
import subprocess
import sys

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
