"""Small real fiches and lokets for unit tests, written into a temporary project root."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from catalogus.model.catalogue import Catalogue

REPO = Path(__file__).resolve().parents[1]
# The installed command, as an editor or CI runs it (pyproject.toml [project.scripts]).
CLI = [str(Path(sys.executable).with_name("catalogus"))]


def loket(**overrides: Any) -> dict[str, Any]:
    data = {
        "id": "woonloket",
        "naam": "Woonloket",
        "beschrijving": "Voor premies, huren en woningkwaliteit.",
        "adres": {"straat": "Marktplein 1", "postcode": "8530", "gemeente": "Harelbeke"},
        "telefoon": "056 73 33 40",
        "email": "woonloket@harelbeke.example",
        "openingsuren": {"maandag": ["09:00-12:00"], "donderdag": ["09:00-12:00", "14:00-18:00"]},
    }
    data.update(overrides)
    return data


def fiche(**overrides: Any) -> dict[str, Any]:
    data = {
        "id": "huurpremie",
        "titel": "Huurpremie",
        "samenvatting": "Een maandelijkse premie van Vlaanderen als u lang op een sociale woning wacht.",
        "producttype": "FinancieelVoordeel",
        "loket": "woonloket",
        "doelgroepen": ["huurders", "laag-inkomen"],
        "themas": ["wonen-en-huren"],
        "sleutelwoorden": ["huurtoelage", "huursteun", "premie huur"],
        "kostprijs": {"gratis": True},
        "eigenaar": "Woonloket",
        "laatst_nagekeken": "2026-10-01",
    }
    data.update(overrides)
    return data


def write(path: Path, data: dict[str, Any], body: str = "Tekst over dit product.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    return path


# The demo town's references to its own fiches and loketten (guided paths, most asked, contact loket): a test
# project has other content, so its copy of the settings leaves them out.
TOWN_REFERENCES = re.compile(r"^(?:meest_gevraagd|contact_loket):.*\n|^    (?:intro|stappen):.*\n(?:^      .*\n)*", re.M)


# The demo region's first town: what the REPO-based tests check and build.
TOWN = "harelbeke"
TOWN_DIR = REPO / "gemeenten" / TOWN
SHARED = REPO / "gedeeld" / "products"


# What every letter of `catalogus proactief` states (catalogus.yml, proactief): made-up test values. The demo towns
# name no council decision, so a test that expects letters gets these (make_project, or with_letters).
LETTERS = {
    "rechtsgrond": "Beslissing van de raad voor maatschappelijk welzijn van 1 januari 2026 (testwaarde)",
    "bezwaar": "Mail naar privacy@gemeente.example of bel 012 34 56 78.",
}


def make_project(root: Path, products: list[dict[str, Any]], loketten: list[dict[str, Any]] | None = None) -> Path:
    """A single-town project (catalogus.yml at its root, every fiche its own), with the settings letters need."""
    for name, source in (("catalogus.yml", TOWN_DIR / "catalogus.yml"), ("vocabularies.yml", REPO / "vocabularies.yml")):
        (root / name).write_text(TOWN_REFERENCES.sub("", source.read_text(encoding="utf-8")), encoding="utf-8")
    config = root / "catalogus.yml"
    text = config.read_text(encoding="utf-8")
    for key, value in LETTERS.items():  # the demo's empty value replaced, or the setting added
        line = f"  {key}: {json.dumps(value, ensure_ascii=False)}\n"
        text, found = re.subn(rf"^  {key}:.*\n", line, text, flags=re.M)
        text = text if found else text.replace("\nproactief:\n", "\nproactief:\n" + line)
    config.write_text(text, encoding="utf-8")
    for item in loketten if loketten is not None else [loket()]:
        write(root / "content" / "loketten" / f"{item['id']}.md", item)
    for item in products:
        write(root / "content" / "products" / f"{item['id']}.md", item)
    return root


def with_letters(catalogue: Catalogue) -> Catalogue:
    """The catalogue as if its catalogus.yml had the LETTERS settings."""
    settings = catalogue.config.proactief.model_copy(update=LETTERS)
    return replace(catalogue, config=catalogue.config.model_copy(update={"proactief": settings}))


def line_of(path: Path, fragment: str) -> int:
    """1-based number of the first line of `path` that contains `fragment`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if fragment in line)


def git(repo: Path, *args: str, day: str | None = None) -> str:
    """git in a test repository: a fixed identity, none of the machine's own git settings, and with `day` a fixed
    commit date. A failing command (a merge conflict too) fails the test with git's output."""
    identity = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    env = {**os.environ, **identity, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00"}
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, f"git {' '.join(args)}: {result.stdout}{result.stderr}"
    return result.stdout.strip()


# Fields that are always a town's own (catalogus.load.instances.TOWN_FIELDS): never in a shared fiche.
TOWN_FIELDS = ("loket", "andere_loketten", "eigenaar", "laatst_nagekeken", "nakijken_elke_maanden")


def blob(path: Path) -> str:
    """git's object id of a file, shortened: the version of a shared fiche a town records (gedeelde_versie)."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()[:12]


def shared_fiche(**overrides: Any) -> dict[str, Any]:
    """A town-neutral fiche, as the shared catalogue holds it."""
    return {k: v for k, v in fiche(**overrides).items() if k not in TOWN_FIELDS}


def make_region(root: Path, shared: list[dict[str, Any]], towns: dict[str, dict[str, dict[str, Any]]]) -> Path:
    """A region's repository: town-neutral shared fiches (a fiche() without its town fields) and, per town (its
    folder name), its settings, one loket and its local files: {fiche id: local values}; a local file records
    the version of the shared fiche it was written against, unless the values say otherwise."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "vocabularies.yml").write_text(
        TOWN_REFERENCES.sub("", (REPO / "vocabularies.yml").read_text(encoding="utf-8")), encoding="utf-8"
    )
    for item in shared:
        write(root / "gedeeld" / "products" / f"{item['id']}.md", {k: v for k, v in item.items() if k not in TOWN_FIELDS})
    settings = yaml.safe_load(TOWN_REFERENCES.sub("", (TOWN_DIR / "catalogus.yml").read_text(encoding="utf-8")))
    for name, instances in towns.items():
        folder = root / "gemeenten" / name
        town = name.capitalize()
        config = {**settings, "gemeente": town, "organisatie": f"Sociaal Huis {town}", "site_naam": f"Sociaal Huis {town}",
                  "site_url": f"https://{name}.example/", "melden": {"email": f"info@{name}.example"}, "voorbeeldinhoud": False}
        folder.mkdir(parents=True)
        (folder / "catalogus.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        address = {"straat": "Dorpsstraat 1", "postcode": "1000", "gemeente": town}
        write(folder / "content" / "loketten" / "woonloket.md", loket(adres=address, email=f"wonen@{name}.example"))
        for fiche_id, values in instances.items():
            write_local(folder, fiche_id, values, root)
    return root


def write_local(town: Path, fiche_id: str, values: dict[str, Any], root: Path) -> Path:
    """A town's local file for a shared fiche, recording the shared version as it is now (unless given)."""
    path = town / "content" / "lokaal" / f"{fiche_id}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    shared = root / "gedeeld" / "products" / f"{fiche_id}.md"
    recorded = {**values} if "aangeboden" in values or not shared.exists() else {"gedeelde_versie": blob(shared), **values}
    path.write_text(yaml.safe_dump(recorded, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def instance_values(**overrides: Any) -> dict[str, Any]:
    """What a town writes for a shared fiche it adopts: its loket, owner and review date."""
    return {"loket": "woonloket", "eigenaar": "Woonloket", "laatst_nagekeken": "2026-10-01", **overrides}
