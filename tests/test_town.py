"""Another town: the Zwevegem fixture builds without a trace of the demo town, in Dutch and in French."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from browser import build_site, shown_text
from factories import REPO

FIXTURE = REPO / "tests" / "fixtures" / "zwevegem"
TODAY = "2026-11-26"
DEMO_TOWN = "harelbeke"


def town(tmp_path: Path, **settings: object) -> Path:
    """A copy of the Zwevegem fixture (with the shared vocabularies), settings changed as asked."""
    root = tmp_path / "zwevegem"
    shutil.copytree(FIXTURE, root)
    write_vocabularies(root)
    if settings:
        config = yaml.safe_load((root / "catalogus.yml").read_text(encoding="utf-8"))
        config.update(settings)
        (root / "catalogus.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root


def write_vocabularies(root: Path) -> None:
    """The shared vocabularies; the guided paths name only the fiches this town has (they are its content)."""
    vocab = yaml.safe_load((REPO / "vocabularies.yml").read_text(encoding="utf-8"))
    own = {path.stem for path in (root / "content" / "products").glob("*.md")}
    for event in vocab.get("levensgebeurtenissen", {}).values():
        for step in event.get("stappen", []):
            step["fiches"] = [fiche for fiche in step.get("fiches", []) if fiche in own]
    (root / "vocabularies.yml").write_text(yaml.safe_dump(vocab, allow_unicode=True, sort_keys=False), encoding="utf-8")


def built(root: Path) -> Path:
    site = root.parent / "site"
    result = build_site(root, site, TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def leftovers(site: Path, word: str) -> list[str]:
    """Every built file whose name or content names `word`, in any case."""
    found = []
    for path in sorted(site.rglob("*")):
        if word in path.relative_to(site).as_posix().casefold():
            found.append(str(path))
        elif path.is_file() and word.encode() in path.read_bytes().lower():
            found.append(str(path))
    return found


@pytest.fixture(scope="module")
def zwevegem(tmp_path_factory) -> Path:
    return built(town(tmp_path_factory.mktemp("nl")))


def test_the_fixture_itself_holds_nothing_of_the_demo_town():
    assert leftovers(FIXTURE, DEMO_TOWN) == []


def test_no_file_of_the_built_site_names_the_demo_town(zwevegem):
    assert leftovers(zwevegem, DEMO_TOWN) == []
    home = (zwevegem / "index.html").read_text(encoding="utf-8")
    assert "Sociaal Huis Zwevegem" in home


def test_town_name_colour_and_repository_come_from_the_configuration(zwevegem):
    page = (zwevegem / "products" / "aankomstverklaring" / "index.html").read_text(encoding="utf-8")
    assert "hoogstens 3 maanden naar Zwevegem" in page  # $gemeente filled in
    assert "$gemeente" not in page
    assert "--catalogus-kleur:#00573f" in page
    staff = (zwevegem / "redactie" / "index.html").read_text(encoding="utf-8")
    assert "https://github.com/zwevegem-example/catalogus" in staff  # the staff page proposes fiches there


def test_local_layer_values_are_on_the_page(zwevegem):
    page = (zwevegem / "products" / "boodschappendienst" / "index.html").read_text(encoding="utf-8").replace("\xa0", " ")
    assert "€ 3" in page and "Retributiereglement dienstencentra Zwevegem (voorbeeld)" in page
    assert "U woont in Zwevegem." in page  # the town's own conditions (voorwaarden in the local file)
    assert "Welzijnsdienst Zwevegem" not in page  # the owner is staff metadata, not for citizens


def _strings(data: object) -> list[str]:
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return [data] if isinstance(data, str) else []


def _keys(data: object, prefix: str = "") -> set[str]:
    if not isinstance(data, dict):
        return {prefix}
    return {k for key, value in data.items() for k in _keys(value, f"{prefix}.{key}" if prefix else key)}


def test_french_has_every_dutch_key_and_no_other():
    nl = yaml.safe_load((REPO / "translations" / "nl.yml").read_text(encoding="utf-8"))
    fr = yaml.safe_load((REPO / "translations" / "fr.yml").read_text(encoding="utf-8"))
    fr.pop("vragen")  # the questions' texts, whose Dutch is in vragen.yml: checked in test_site_french.py
    assert _keys(nl) - _keys(fr) == set(), "ontbreekt in fr.yml"
    assert _keys(fr) - _keys(nl) == set(), "staat niet in nl.yml"
    assert len(_strings(fr["maanden"])) == 12


def _dutch_ui_strings() -> set[str]:
    """The Dutch UI texts a French page must not show: each text part between {placeholders}, if not French too."""
    nl = _strings(yaml.safe_load((REPO / "translations" / "nl.yml").read_text(encoding="utf-8")))
    fr = set(_strings(yaml.safe_load((REPO / "translations" / "fr.yml").read_text(encoding="utf-8"))))
    parts = {p.strip(" :") for s in nl if s not in fr for p in re.split(r"\{[a-z_]+\}", s)}
    return {p for p in parts if len(p) >= 4}


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def test_french_build_shows_no_dutch_ui_string(tmp_path):
    # The town writes its own texts in its language; the fiches here stay Dutch (content, not UI).
    site = built(town(tmp_path, taal="fr", site_omschrijving="Tous les produits et services, par guichet et par thème."))
    page = (site / "products" / "boodschappendienst" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in page and "Combien ça coûte ?" in page and "Heures d'ouverture" not in page
    assert re.search(r"€\u00a0: \w", page)  # an amount and what it is for, in French typography
    # The fiches' own texts and the labels in vocabularies.yml are Dutch in this fixture (the town's content, not
    # UI): a UI string that also occurs in them cannot be told apart on the page, so only the others are looked for.
    texts = [*(FIXTURE / "content").rglob("*.*"), REPO / "vocabularies.yml"]
    content = "\n".join(p.read_text(encoding="utf-8") for p in texts)
    dutch = {s for s in _dutch_ui_strings() if not _contains(content, s)}
    assert "Wat kost het?" in dutch and len(dutch) > 60
    for path in sorted(site.rglob("*.html")):
        if path.parent.name == "redactie":
            continue  # the staff page is Dutch on purpose: editors' tools are not translated
        text = path.read_text(encoding="utf-8")
        ui = shown_text(text)
        shown = sorted(s for s in dutch if _contains(ui, s))
        assert shown == [], f"{path.relative_to(site)}: {shown}"


def test_the_logo_must_be_a_small_real_svg_or_png(tmp_path):
    from catalogus.model.config import LOGO_MAX_BYTES, logo_problem

    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (tmp_path / "nep.png").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "groot.svg").write_text("<svg>" + " " * LOGO_MAX_BYTES + "</svg>", encoding="utf-8")
    (tmp_path / "logo.gif").write_bytes(b"GIF89a")
    assert logo_problem(tmp_path, "logo.svg") is None
    assert "geen echt PNG-bestand" in logo_problem(tmp_path, "nep.png")
    assert "kB; maak het kleiner" in logo_problem(tmp_path, "groot.svg")
    assert ".svg- of .png-bestand" in logo_problem(tmp_path, "logo.gif")
    assert "bestaat niet" in logo_problem(tmp_path, "weg.svg")
    assert "buiten overrides/" in logo_problem(tmp_path, "../logo.svg")
