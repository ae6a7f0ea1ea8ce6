"""'Uw gemeente aansluiten' (README), step by step, on a fresh copy of this repository: a new town, Kuurne.

`nieuwe-gemeente` makes gemeenten/kuurne/ and touches nothing else; `check` names every field still to fill in
(the settings' local names, every field of every loket, each opening-hours day) and nothing in a shared file;
`build --concept` builds. Then the town does what its checklist says: it fills in its settings and one loket,
removes the loketten it does not use yet, adopts three of the most asked fiches and finishes one. `check` is
clean and `build` publishes exactly the finished fiche: no page says 'IN TE VULLEN' and no page says a fiche was
reviewed when nobody reviewed it. Each step is timed (`pytest -s` prints the timings).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import yaml

from catalogus.model.config import TownConfig
from factories import CLI, REPO

TODAY = "2026-11-26"
MARKER = "IN TE VULLEN"
TOWN, FOLDER, TEMPLATE = "Kuurne", "kuurne", "harelbeke"
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
# What a fork's clone holds that the commands read (the code comes from the installed package).
COPIED = ("gedeeld", "gemeenten", "vocabularies.yml", "woordenlijst.yml", "zoekwoorden.yml", "feiten.yml", "mkdocs.yml",
          "overrides", "translations", "hooks", ".github/CODEOWNERS")
OWNER = "Sociaal Huis Kuurne – onthaal"
NAMES = {  # made-up local names, as the comments in catalogus.yml ask them
    "dienstencentrum": "De Kroon",
    "andere_dienstencentra": "Dorpshuis De Bron",
    "deelgemeenten": "Sint-Katrien",
    "arbeidsrechtbank": "Gent, afdeling Kortrijk",
}
LOKET = {  # the contact loket as the town fills it in; None: the line is removed, as its comment allows
    "naam": '"Sociaal Huis – onthaal"',
    "beschrijving": '"Voor alle sociale en financiële hulp van het OCMW en de zorg thuis."',
    "straat": '"Testplein 1"',
    "postcode": '"8520"',
    "telefoon": '"056 00 00 00"',
    "email": "onthaal@kuurne.example",
    "website": None,
    **{day: '["09:00-12:00", "13:30-16:30"]' for day in WEEKDAYS[:5]},
    "woensdag": '["09:00-12:00"]',
    "zaterdag": "[]",
    "zondag": "[]",
    "uitzonderingen": '"Gesloten op feestdagen."',
    "toegankelijkheid": None,
}
MARKED_LINE = re.compile(rf"^(\s*)([a-z_]+): .*{MARKER}.*$")


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], cwd=root, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


def fork(target: Path) -> Path:
    """A fresh copy of the repository's content, as a fork's clone has it."""
    for name in COPIED:
        source, copy = REPO / name, target / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, copy)
        else:
            shutil.copyfile(source, copy)
    return target


def snapshot(root: Path) -> dict[str, str]:
    """Every file outside the new town's folder, with a hash of its bytes."""
    mine = root / "gemeenten" / FOLDER
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_relative_to(mine)
    }


def marked_values(path: Path) -> int:
    """How many values of a file still say IN TE VULLEN (not the comments that explain it)."""
    return sum(line.split("  #")[0].count(MARKER) for line in path.read_text(encoding="utf-8").split("\n")
               if not line.lstrip().startswith("#"))


def fill_in(path: Path, values: dict[str, str | None], body: str | None = None) -> None:
    """Replace each `key: IN TE VULLEN` line by the town's value (None: leave the line out), as an editor does."""
    lines = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        found = MARKED_LINE.match(line)
        if found and found.group(2) in values:
            value = values[found.group(2)]
            if value is not None:
                lines.append(f"{found.group(1)}{found.group(2)}: {value}")
        elif body is not None and line.startswith(f"{MARKER}:"):
            lines.append(body)
        else:
            lines.append(line)
    path.write_text("\n".join(lines), encoding="utf-8")


class Timings:
    def __init__(self) -> None:
        self.steps: list[tuple[str, float]] = []

    def __call__(self, name: str, root: Path, *args: str) -> subprocess.CompletedProcess:
        start = time.perf_counter()
        result = run(root, *args)
        self.steps.append((name, time.perf_counter() - start))
        print(f"  {name:<48} {self.steps[-1][1]:6.2f} s")
        return result


def placeholders_of_shared_fiches() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (REPO / "gedeeld" / "products").glob("*.md"):
        for name in re.findall(r"\$([A-Za-z_]+)", path.read_text(encoding="utf-8")):
            if name not in ("gemeente", "organisatie"):
                found.setdefault(name, set()).add(path.stem)
    return found


def test_a_new_town_goes_live_in_stages(tmp_path):
    started = time.perf_counter()
    step = Timings()
    print()
    root = fork(tmp_path / "catalogus")
    before = snapshot(root)
    town = root / "gemeenten" / FOLDER
    template = REPO / "gemeenten" / TEMPLATE
    template_loketten = sorted(p.stem for p in (template / "content" / "loketten").glob("*.md"))

    # 1. nieuwe-gemeente: only gemeenten/kuurne/ is new; nothing else changed (not gedeeld/, no other town, no CODEOWNERS)
    made = step("nieuwe-gemeente", root, "nieuwe-gemeente", "--naam", TOWN, "--email", "sociaalhuis@kuurne.example",
                "--repository-url", "https://github.com/kuurne-example/catalogus")
    assert made.returncode == 0, made.stdout + made.stderr
    assert f"gemeenten/{FOLDER}/NIEUWE-GEMEENTE.md" in made.stdout
    assert snapshot(root) == before
    assert sorted(p.relative_to(town).as_posix() for p in town.rglob("*") if p.is_file()) == sorted(
        ["NIEUWE-GEMEENTE.md", "catalogus.yml", "paginas.yml", *(f"content/loketten/{i}.md" for i in template_loketten)]
    )
    assert (town / "paginas.yml").read_bytes() == (template / "paginas.yml").read_bytes()
    assert not (town / "content" / "lokaal").exists()  # no fiche adopted: a town goes live in stages

    again = run(root, "nieuwe-gemeente", "--naam", TOWN)
    assert again.returncode == 2 and "bestaat al" in again.stderr and snapshot(root) == before

    # The settings: every setting explained, the answers filled in, the local names asked with a hint each.
    text = (town / "catalogus.yml").read_text(encoding="utf-8")
    settings = yaml.safe_load(text)
    assert set(TownConfig.model_fields) - {"content_map"} <= set(settings)
    assert (settings["gemeente"], settings["organisatie"], settings["melden"]["email"]) == (
        TOWN, f"Sociaal Huis {TOWN}", "sociaalhuis@kuurne.example")
    assert settings["voorbeeldinhoud"] is False and settings["meest_gevraagd"] == [] and settings["eigenaars"] == {}
    assert settings["contact_loket"] in template_loketten
    used = placeholders_of_shared_fiches()
    assert used and settings["namen"] == {name: MARKER for name in used}
    for name, fiches in used.items():
        hint = text.split(f"  # ${name}:", 1)[1].split(f"  {name}:", 1)[0]
        assert "In de fiche:" in hint and f"${name}" in hint and "Gebruikt in" in hint, hint
        assert all(fiche in hint for fiche in sorted(fiches)[:6]), hint
    if "dienstencentrum" in used:  # a short name: the fiches write "dienstencentrum $dienstencentrum"
        assert "zetten er zelf 'dienstencentrum' voor" in text

    # The loketten: the template's ids, every value marked; the template's name only as an example.
    for loket_id in template_loketten:
        old = yaml.safe_load((template / "content" / "loketten" / f"{loket_id}.md").read_text().split("---")[1])
        loket_text = (town / "content" / "loketten" / f"{loket_id}.md").read_text(encoding="utf-8")
        new = yaml.safe_load(loket_text.split("---")[1])
        assert new["naam"] == f"{MARKER} (bv. {old['naam']})"
        assert new["beschrijving"].startswith(f"{MARKER} (bv. ")
        assert [new[k] for k in ("telefoon", "email", "website")] == [MARKER] * 3
        assert new["adres"]["straat"] == MARKER and new["adres"]["postcode"] == MARKER
        assert new["openingsuren"] == {**{day: [MARKER] for day in WEEKDAYS}, "uitzonderingen": MARKER}
        for value in (old.get("telefoon"), old.get("email"), old.get("website"), old["adres"]["straat"]):
            assert not value or str(value) not in loket_text

    checklist = (town / "NIEUWE-GEMEENTE.md").read_text(encoding="utf-8")
    commands = re.findall(rf"^\.venv/bin/catalogus --gemeente {FOLDER} overnemen ([a-z0-9 -]+) --loket ([a-z0-9-]+)$",
                          checklist, re.M)
    assert commands, checklist
    assert "gratis: true" in checklist and "bedrag: 10.00" in checklist and "in voorbereiding" in checklist

    # 2. check: the fields still to fill in are errors, in the settings and the loketten only
    checked = step("check (net gemaakt)", root, "--gemeente", FOLDER, "check", "--today", TODAY, "--format", "json")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    errors = [f for f in json.loads(checked.stdout)["meldingen"] if f["niveau"] == "fout"]
    assert not [f for f in errors if not f["bestand"].startswith(f"gemeenten/{FOLDER}/")]  # none in a shared file
    assert all("nog niet ingevuld" in f["melding"] for f in errors), [f["melding"] for f in errors]
    marked = sum(marked_values(path) for path in [town / "catalogus.yml", *(town / "content").rglob("*.md")])
    assert len(errors) == marked
    by_file: dict[str, set[str]] = {}
    for finding in errors:
        by_file.setdefault(finding["bestand"], set()).add(finding["veld"])
    assert by_file[f"gemeenten/{FOLDER}/catalogus.yml"] == {f"namen.{name}" for name in used}
    for loket_id in template_loketten:
        fields = by_file[f"gemeenten/{FOLDER}/content/loketten/{loket_id}.md"]
        assert {f"openingsuren.{day}.0" for day in WEEKDAYS} <= fields, fields
        assert {"naam", "beschrijving", "adres.straat", "adres.postcode", "telefoon", "email", "website", "tekst"} <= fields

    # 3. build --concept: a draft site with a banner
    concept = tmp_path / "concept"
    built = step("build --concept", root, "--gemeente", FOLDER, "build", "--concept", "--today", TODAY,
                 "--site-dir", str(concept))
    assert built.returncode == 0, built.stdout + built.stderr
    home = (concept / "index.html").read_text(encoding="utf-8")
    assert "Dit is een conceptversie" in home and f"Sociaal Huis {TOWN}" in home

    # 4. fill in, as the checklist says: the settings, the contact loket; the loketten not used yet are removed
    fill_in(town / "catalogus.yml", {name: NAMES.get(name, "Voorbeeldnaam") for name in used})
    contact = settings["contact_loket"]
    fill_in(town / "content" / "loketten" / f"{contact}.md", LOKET, "Hier kunt u terecht voor alle sociale hulp.")
    for path in (town / "content" / "loketten").glob("*.md"):
        if path.stem != contact:
            path.unlink()

    # 5. adopt three of the most asked fiches (the checklist's first command), finish one
    wanted, loket = commands[0]
    first, *others = wanted.split()[:3]
    assert len(others) == 2 and loket in template_loketten
    adopted = step("overnemen (3 fiches)", root, "--gemeente", FOLDER, "overnemen", first, *others,
                   "--loket", contact, "--eigenaar", OWNER)
    assert adopted.returncode == 0, adopted.stdout + adopted.stderr
    local = town / "content" / "lokaal" / f"{first}.yml"
    assert f"loket: {contact}" in local.read_text(encoding="utf-8")
    if "kostprijs: IN TE VULLEN" in local.read_text(encoding="utf-8"):
        fill_in(local, {"kostprijs": "\n  gratis: true"})
    reviewed = step(f"nagekeken {first}", root, "--gemeente", FOLDER, "nagekeken", first, "--today", TODAY)
    assert reviewed.returncode == 0, reviewed.stdout + reviewed.stderr
    assert marked_values(local) == 0 and f"laatst_nagekeken: {TODAY}" in local.read_text(encoding="utf-8")
    for other in others:
        assert marked_values(town / "content" / "lokaal" / f"{other}.yml") > 0  # left in preparation

    status = step("gedeeld", root, "--gemeente", FOLDER, "gedeeld", "--today", TODAY)
    assert status.returncode == 0 and all(f"in voorbereiding: {o}" in status.stdout for o in others), status.stdout

    # 6. check: no errors; the two unfinished fiches are 'in voorbereiding' (a warning)
    clean = step("check (ingevuld)", root, "--gemeente", FOLDER, "check", "--today", TODAY, "--format", "json")
    report = json.loads(clean.stdout)
    assert clean.returncode == 0 and report["fouten"] == 0, [f for f in report["meldingen"] if f["niveau"] == "fout"]
    preparing = [f for f in report["meldingen"] if "in voorbereiding" in f["melding"]]
    assert sorted(Path(f["bestand"]).stem for f in preparing) == sorted(others)

    # 7. build: exactly the finished fiche is published
    site = tmp_path / "site"
    published = step("build", root, "--gemeente", FOLDER, "build", "--today", TODAY, "--site-dir", str(site))
    assert published.returncode == 0, published.stdout + published.stderr
    assert (site / "products" / first / "index.html").is_file()
    assert not [o for o in others if (site / "products" / o).exists()]
    data = json.loads((site / "data" / "catalogus.json").read_text(encoding="utf-8"))
    assert [f["id"] for f in data["fiches"]] == [first]
    pages = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".xml", ".csv", ".js", ".txt")]
    assert not [p for p in pages if MARKER in p.read_text(encoding="utf-8", errors="replace")]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "conceptversie" not in home and f"Sociaal Huis {TOWN}" in home
    assert not [p for p in site.rglob("*") if p.is_file() and TEMPLATE.encode() in p.read_bytes().lower()]
    claims = [p.relative_to(site).as_posix() for p in pages if p.suffix == ".html"
              and re.search(r"nagekeken op\s*<time", p.read_text(encoding="utf-8"), re.I)]
    assert claims and all(first in claim for claim in claims), claims  # only the fiche the town reviewed

    # Nothing outside gemeenten/kuurne/ changed along the way.
    assert snapshot(root) == before
    total = time.perf_counter() - started
    print(f"  {'totaal (met kopiëren en nakijken)':<48} {total:6.2f} s")
