"""The staff guide: its example fiche passes the checker, its value tables follow vocabularies.yml."""

from __future__ import annotations

import datetime as dt
import re

from catalogus.check.pipeline import check
from catalogus.model import Fiche
from catalogus.model.guide import GUIDE
from catalogus.model.schema import write_schemas
from factories import REPO, TOWN

TEXT = (REPO / GUIDE).read_text(encoding="utf-8")


def example() -> str:
    block = TEXT.split("<!-- voorbeeldfiche:begin", 1)[1].split("<!-- voorbeeldfiche:eind -->", 1)[0]
    return re.search(r"```markdown\n(.*?)\n```", block, re.S).group(1) + "\n"


def test_example_fiche_passes_the_checker_in_the_real_catalogue(tmp_path):
    path = tmp_path / "products" / "voorbeeld-thuishulp.md"
    path.parent.mkdir()
    path.write_text(example(), encoding="utf-8")
    result = check(REPO, dt.date(2026, 11, 26), [path], town=TOWN)
    # A new fiche is not yet in a step of its life event's guided path: the one thing the guide says to ask for.
    assert [f.message for f in result.findings] == [
        "deze fiche hoort bij 'Ouder worden', maar staat in geen enkele stap daarvan, dus de pagina 'Ouder worden' "
        "toont ze niet; zet 'voorbeeld-thuishulp' bij een stap in vocabularies.yml of haal 'ouder-worden' hier weg"
    ]


def test_example_fiche_uses_every_field_but_the_ipdc_link():
    front = example().split("---\n")[1]
    used = set(re.findall(r"^([a-z_]+):", front, re.M))
    # 'stopgezet' belongs only to a product that no longer exists; content/README.md shows it.
    assert set(Fiche.model_fields) - used == {"ipdc_concept_id", "stopgezet"}
    for nested in ("bedragen:", "bron:", "adres:", "ongeveer:", "postcode:"):
        assert nested in front


def test_value_tables_are_generated_and_current():
    assert "| Zorg en hulp thuis | `zorg-thuis` |" in TEXT
    assert "| Onthaal OCMW | `onthaal-ocmw` |" in TEXT
    assert GUIDE not in write_schemas(REPO, only_check=True), "voer 'catalogus schema' uit"


def test_guide_is_reachable_from_the_readme_and_explains_its_jargon():
    assert f"]({GUIDE})" in (REPO / "README.md").read_text(encoding="utf-8")
    glossary = TEXT.split("## Woordenlijst", 1)[1]
    for word in ("YAML", "Markdown", "id", "`true` / `false`", "pull request", "commit", "branch", "IPDC", "merge"):
        assert f"| {word}" in glossary, word
    assert not re.search(r"\bje\b|\bjouw\b", TEXT, re.I), "spreek de lezer aan met 'u'"
