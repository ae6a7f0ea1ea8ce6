"""`catalogus herinneringen`: due, overdue and nothing due, per owner, with bodies that never change by themselves."""

from __future__ import annotations

import datetime as dt
import json

from catalogus.cli import main
from catalogus.load.layout import layout
from catalogus.model.config import TownConfig
from catalogus.workflow.reminders import DUE, LABEL, LATE, REVISE, SOON, plan, render
from factories import fiche, instance_values, make_project, make_region

CONFIG = TownConfig(gemeente="X", organisatie="X", site_naam="X")  # 12 months, 60 days grace, 31 days notice


def project(tmp_path):
    return make_project(
        tmp_path,
        [
            fiche(id="te-laat", titel="Te laat", eigenaar="Woonloket", laatst_nagekeken="2025-06-01"),
            fiche(id="in-de-marge", titel="In de marge", eigenaar="Woonloket", laatst_nagekeken="2025-11-01"),
            fiche(id="binnenkort", titel="Binnenkort", eigenaar="Team thuiszorg", laatst_nagekeken="2025-12-20"),
            fiche(id="pas-nagekeken", titel="Pas nagekeken", eigenaar="Werkwinkel", laatst_nagekeken="2026-11-01"),
        ],
    )


def run(root, today, fmt, capsys):
    assert main(["--root", str(root), "herinneringen", "--today", today, "--format", fmt]) == 0
    return capsys.readouterr().out


def test_due_overdue_and_upcoming_per_owner(tmp_path):
    root = project(tmp_path)
    reminders = {r.owner: r for r in plan(layout(root), CONFIG, dt.date(2026, 12, 1))}
    assert set(reminders) == {"Woonloket", "Team thuiszorg", "Werkwinkel"}
    assert [(d.fiche.id, d.status) for d in reminders["Woonloket"].items] == [("te-laat", LATE), ("in-de-marge", DUE)]
    assert [(d.fiche.id, d.status, d.due) for d in reminders["Team thuiszorg"].items] == [
        ("binnenkort", SOON, dt.date(2026, 12, 20))
    ]
    assert reminders["Werkwinkel"].items == ()


def test_markdown_body_names_the_fiches_and_what_to_do(tmp_path, capsys):
    out = run(project(tmp_path), "2026-12-01", "markdown", capsys)
    assert "## Fiches nakijken: Woonloket" in out
    assert "- [ ] **Te laat** (`content/products/te-laat.md`): moest nagekeken zijn op 2026-06-01 (183 dagen geleden)" in out
    assert "**Binnenkort** (`content/products/binnenkort.md`): nakijken vóór 2026-12-20 (over 19 dagen)" in out
    assert "Werkwinkel" not in out
    assert "laatst_nagekeken" in out


def test_json_plan_opens_and_closes_and_is_idempotent(tmp_path, capsys):
    root = project(tmp_path)
    first = run(root, "2026-12-01", "json", capsys)
    assert run(root, "2026-12-01", "json", capsys) == first  # byte-identical: the workflow then edits nothing
    assert run(root, "2026-12-01", "markdown", capsys) == run(root, "2026-12-01", "markdown", capsys)
    data = json.loads(first)
    assert data["label"] == LABEL
    owners = {o["eigenaar"]: o for o in data["eigenaars"]}
    assert owners["Werkwinkel"]["open"] is False and owners["Werkwinkel"]["body"] is None
    woon = owners["Woonloket"]
    assert woon["open"] is True and woon["body"].splitlines()[0] == woon["marker"] == "<!-- catalogus:herinnering:woonloket -->"
    assert woon["titel"] == "Fiches nakijken: Woonloket"  # stable: no count or date in the title
    assert [f["status"] for f in woon["fiches"]] == ["te-laat", "nakijken"]
    # The marker depends on the owner only, so next month's run finds and updates the same issue.
    later = json.loads(run(root, "2027-01-05", "json", capsys))
    assert {o["eigenaar"]: o["marker"] for o in later["eigenaars"]} == {o["eigenaar"]: o["marker"] for o in data["eigenaars"]}


def test_nothing_due(tmp_path, capsys):
    root = make_project(tmp_path, [fiche(laatst_nagekeken="2026-11-01")])
    assert run(root, "2026-12-01", "markdown", capsys) == "Op 2026-12-01 moet geen enkele fiche binnenkort nagekeken worden.\n"
    data = json.loads(run(root, "2026-12-01", "json", capsys))
    assert [o["open"] for o in data["eigenaars"]] == [False]


def test_mapped_owner_is_mentioned_and_links_go_to_the_edit_page(tmp_path):
    root = project(tmp_path)
    config = CONFIG.model_copy(update={"eigenaars": {"Woonloket": "@stad/woonloket"}})
    text = render(plan(layout(root), config, dt.date(2026, 12, 1)), dt.date(2026, 12, 1), "markdown", "https://github.com/stad/catalogus")
    assert "Voor @stad/woonloket (Woonloket)." in text
    assert "[Te laat](https://github.com/stad/catalogus/edit/main/content/products/te-laat.md)" in text


def test_an_invalid_fiche_is_left_to_the_checker(tmp_path):
    root = project(tmp_path)
    (root / "content" / "products" / "kapot.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    assert {r.owner for r in plan(layout(root), CONFIG, dt.date(2026, 12, 1))} == {"Woonloket", "Team thuiszorg", "Werkwinkel"}


def test_in_a_region_a_reminder_names_the_town_s_local_file_and_lists_changed_shared_fiches(tmp_path, capsys):
    root = make_region(tmp_path / "regio", [fiche(), fiche(id="reispas", titel="Reispas")], {"noord": {
        "huurpremie": instance_values(laatst_nagekeken="2025-06-01"),
        "reispas": instance_values(laatst_nagekeken="2026-11-01", gedeelde_versie="0123456789ab"),
    }})
    where = layout(root, "noord")
    [reminder] = plan(where, CONFIG, dt.date(2026, 12, 1))
    assert [(d.fiche.id, d.status, d.fiche.path) for d in reminder.items] == [
        ("huurpremie", LATE, "gemeenten/noord/content/lokaal/huurpremie.yml"),
        ("reispas", REVISE, "gemeenten/noord/content/lokaal/reispas.yml"),
    ]
    assert main(["--root", str(root), "--gemeente", "noord", "herinneringen", "--today", "2026-12-01"]) == 0
    text = capsys.readouterr().out
    assert "Herzien nodig: de gedeelde tekst veranderde" in text and "`gemeenten/noord/content/lokaal/reispas.yml`" in text
