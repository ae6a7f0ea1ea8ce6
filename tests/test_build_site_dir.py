"""`--site-dir` never points at the content or the project: the build empties its target."""

from __future__ import annotations

import subprocess

import pytest

from catalogus.build import site_dir_problem
from factories import CLI, fiche, make_project


@pytest.mark.parametrize(
    ("target", "refused"),
    [
        ("content", "is de inhoudsmap zelf"),
        (".", "is de projectmap zelf"),
        ("..", "bevat de inhoudsmap"),
        ("content/site", "ligt in de inhoudsmap"),
        ("content/../content", "is de inhoudsmap zelf"),
        ("site", None),
        ("../elders", None),
    ],
)
def test_site_dir_rules(tmp_path, target, refused):
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    problem = site_dir_problem(root / target, root, root / "content")
    assert (problem is None) if refused is None else (refused in problem)


def test_a_parent_of_the_content_folder_is_refused(tmp_path):
    root = tmp_path / "project"
    content = tmp_path / "gedeeld" / "inhoud"
    content.mkdir(parents=True)
    assert "bevat de inhoudsmap" in site_dir_problem(tmp_path / "gedeeld", root, content)


def test_build_refuses_the_content_folder_before_touching_anything(tmp_path):
    make_project(tmp_path, [fiche()])
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    for target in ("content", str(tmp_path), str(tmp_path.parent)):
        run = subprocess.run(
            [*CLI, "--root", str(tmp_path), "build", "--today", "2026-11-26", "--site-dir", target],
            capture_output=True, text=True, timeout=60, cwd=tmp_path,
        )
        assert run.returncode == 2, run.stdout + run.stderr
        assert "--site-dir" in run.stderr and "kies een aparte map" in run.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_a_configured_content_map_is_protected_too(tmp_path):
    make_project(tmp_path, [fiche()])
    (tmp_path / "content").rename(tmp_path / "inhoud")
    config = tmp_path / "catalogus.yml"
    config.write_text(config.read_text(encoding="utf-8") + "content_map: inhoud\n", encoding="utf-8")
    run = subprocess.run(
        [*CLI, "--root", str(tmp_path), "build", "--site-dir", str(tmp_path / "inhoud")],
        capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 2 and "is de inhoudsmap zelf" in run.stderr
    assert (tmp_path / "inhoud" / "products" / "huurpremie.md").is_file()
