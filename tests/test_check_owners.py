"""Owners: the mapping in catalogus.yml is checked against the fiches; CODEOWNERS is generated and cannot drift."""

from __future__ import annotations

import datetime as dt

import yaml

from catalogus.check.owners import owner_key, town_config
from catalogus.check.pipeline import check
from catalogus.cli import main
from catalogus.load.layout import every_town, layout
from catalogus.workflow import codeowners
from factories import REPO, fiche, line_of, make_project

TODAY = dt.date(2026, 11, 26)


def with_mapping(root, mapping):
    path = root / "catalogus.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["eigenaars"] = mapping
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def test_no_mapping_no_findings(tmp_path):
    assert check(make_project(tmp_path, [fiche()]), TODAY).findings == []


def test_owner_without_mapping_is_a_warning_in_the_fiche(tmp_path):
    root = with_mapping(
        make_project(tmp_path, [fiche(eigenaar="Woonlokett"), fiche(id="b", titel="Bbb")]), {"Woonloket": "@stad/woon"}
    )
    result = check(root, TODAY)
    assert result.errors == []
    [finding] = result.warnings
    path = root / "content" / "products" / "huurpremie.md"
    assert (finding.path, finding.line, finding.field) == (
        "content/products/huurpremie.md",
        line_of(path, "eigenaar:"),
        "eigenaar",
    )
    assert "bedoelt u 'Woonloket'?" in finding.message


def test_mapping_for_an_owner_no_fiche_has_is_an_error_in_the_settings(tmp_path):
    root = with_mapping(make_project(tmp_path, [fiche()]), {"Woonloket": "@stad/woon", "Woonlokett": "@stad/x"})
    [finding] = check(root, TODAY).errors
    assert (finding.path, finding.line) == ("catalogus.yml", line_of(root / "catalogus.yml", "Woonlokett:"))
    assert "geen enkele fiche heeft 'Woonlokett' als eigenaar; bedoelt u 'Woonloket'?" in finding.message


def test_handle_must_look_like_a_github_team_or_user(tmp_path):
    root = with_mapping(make_project(tmp_path, [fiche()]), {"Woonloket": "woonloket team"})
    [finding] = check(root, TODAY).errors
    assert finding.path == "catalogus.yml" and finding.field == "eigenaars.Woonloket"


def test_owner_key_is_a_readable_slug():
    assert owner_key("Onthaal OCMW – team thuiszorg") == "onthaal-ocmw-team-thuiszorg"
    assert owner_key("Dienst Burgerzaken – bevölking") == "dienst-burgerzaken-bevolking"


def test_codeowners_lists_each_mapped_fiche_and_names_unmapped_owners(tmp_path):
    root = with_mapping(
        make_project(tmp_path, [fiche(), fiche(id="b", titel="Bbb", eigenaar="Werkwinkel")]), {"Woonloket": "@stad/woon"}
    )
    config, _ = town_config(layout(root))
    towns = [(layout(root), config)]
    text = codeowners.generate(towns)
    assert "/content/products/huurpremie.md @stad/woon\n" in text
    assert "/content/products/b.md" not in text and "#   Werkwinkel\n" in text
    assert codeowners.stale_diff(root, towns).startswith("--- .github/CODEOWNERS")
    assert main(["--root", str(root), "codeowners", "--check"]) == 1
    assert main(["--root", str(root), "codeowners"]) == 0
    assert main(["--root", str(root), "codeowners", "--check"]) == 0
    assert codeowners.stale_diff(root, towns) == ""


def test_committed_codeowners_matches_the_content():
    towns = []
    for where in every_town(REPO):
        config, problems = town_config(where)
        assert config is not None, problems
        towns.append((where, config))
    assert problems == []
    assert codeowners.stale_diff(REPO, towns) == "", "voer 'catalogus codeowners' uit en commit .github/CODEOWNERS"
