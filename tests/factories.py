"""Small real fiches and lokets for unit tests, written into a temporary project root."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

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


def make_project(root: Path, products: list[dict[str, Any]], loketten: list[dict[str, Any]] | None = None) -> Path:
    for name in ("catalogus.yml", "vocabularies.yml"):
        (root / name).write_text(TOWN_REFERENCES.sub("", (REPO / name).read_text(encoding="utf-8")), encoding="utf-8")
    for item in loketten if loketten is not None else [loket()]:
        write(root / "content" / "loketten" / f"{item['id']}.md", item)
    for item in products:
        write(root / "content" / "products" / f"{item['id']}.md", item)
    return root


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
