"""Keeping up with the shared catalogue in real git clones: a bare upstream, the region's working clone and a
town's fork. Upstream edits shared fiches and another town's folder, the fork edits its own folder: merges have
no conflict, and `catalogus bijwerken` says per fiche what the town has to do."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from catalogus.workflow.adoption import version_text
from factories import CLI, fiche, git, instance_values, make_region, shared_fiche, write, write_local

TODAY = "2026-11-26"
SHARED_IDS = ("huurpremie", "huursubsidie", "woonzorgcentrum", "renovatiepremie", "huurwaarborg")


def run(repo: Path, *args: str, town: str = "noord") -> subprocess.CompletedProcess:
    command = [*CLI, "--root", str(repo), "--gemeente", town, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


@pytest.fixture
def clones(tmp_path):
    """upstream (the region's working clone with the towns zuid and west), its bare remote, and a fork in which
    the town noord added its own folder, with 'upstream' as a remote."""
    upstream = tmp_path / "upstream"
    shared = [fiche(id="huurpremie", verwante_producten=["huursubsidie", "woonzorgcentrum"])]
    shared += [fiche(id=key, titel=key.capitalize()) for key in SHARED_IDS[1:]]
    make_region(upstream, shared, {town: {key: instance_values() for key in SHARED_IDS} for town in ("west", "zuid", "noord")})
    noord = tmp_path / "noord"
    (upstream / "gemeenten/noord").rename(noord)  # the fork's own town, not in upstream
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", ".")
    git(upstream, "commit", "-q", "-m", "De gedeelde catalogus met twee gemeenten", day="2026-10-01")
    bare = tmp_path / "upstream.git"
    git(tmp_path, "clone", "-q", "--bare", str(upstream), str(bare))
    git(upstream, "remote", "add", "origin", str(bare))
    fork = tmp_path / "fork"
    git(tmp_path, "clone", "-q", str(bare), str(fork))
    git(fork, "remote", "add", "upstream", str(bare))
    noord.rename(fork / "gemeenten/noord")
    commit(fork, "Noord sluit aan", day="2026-10-02")
    return upstream, fork


def commit(repo: Path, message: str, day: str = "2026-11-01") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, day=day)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_upstream_and_fork_edits_merge_without_conflict_and_a_changed_fiche_is_flagged_until_reviewed(clones):
    upstream, fork = clones
    # Upstream: a shared text, and another town's price, opening hours and home page.
    shared_text = upstream / "gedeeld/products/huurpremie.md"
    edit(shared_text, "Tekst over dit product.", "Tekst over dit product.\n\nU vraagt de premie online aan.")
    zuid = upstream / "gemeenten/zuid"
    write_local(zuid, "huursubsidie", instance_values(kostprijs={"gratis": False, "toelichting": "Prijs van Zuid."}), upstream)
    edit(zuid / "content/loketten/woonloket.md", "donderdag:", "vrijdag:\n  - 09:00-11:00\n  donderdag:")
    edit(zuid / "catalogus.yml", "eigenaars: {}", "eigenaars: {}\nmeest_gevraagd: [huurpremie]")
    commit(upstream, "Upstream: gedeelde tekst en Zuid")
    git(upstream, "push", "-q", "origin", "main")
    # The fork: its own price.
    write_local(fork / "gemeenten/noord", "huurwaarborg", instance_values(kostprijs={"gratis": True}), fork)
    commit(fork, "Noord: eigen prijs")

    update = run(fork, "bijwerken", "--today", TODAY)
    assert update.returncode == 0, update.stdout + update.stderr
    assert git(fork, "status", "--porcelain") == ""  # merged, nothing left in conflict
    assert "herzien nodig: huurpremie" in update.stdout and '+ "U vraagt de premie online aan."' in update.stdout

    checked = run(fork, "check", "--today", TODAY)
    assert checked.returncode == 0, checked.stdout
    assert "gemeenten/noord/content/lokaal/huurpremie.yml" in checked.stdout and "herzien nodig" in checked.stdout
    assert run(fork, "nagekeken", "huurpremie", "--today", TODAY).returncode == 0
    assert "herzien nodig" not in run(fork, "check", "--today", TODAY).stdout
    assert "laatst_nagekeken: 2026-11-26" in (fork / "gemeenten/noord/content/lokaal/huurpremie.yml").read_text(encoding="utf-8")


def test_a_fiche_added_upstream_waits_for_adoption(clones):
    upstream, fork = clones
    new = {k: v for k, v in shared_fiche(id="energielening", titel="Energielening").items() if k != "kostprijs"}  # the town's
    write(upstream / "gedeeld/products/energielening.md", new)
    commit(upstream, "Nieuwe gedeelde fiche: energielening")
    git(upstream, "push", "-q", "origin", "main")

    update = run(fork, "bijwerken", "--today", TODAY)
    assert update.returncode == 0 and "nieuw, nog over te nemen (1): energielening" in update.stdout
    site = fork.parent / "site"
    built = run(fork, "build", "--today", TODAY, "--site-dir", str(site))
    assert built.returncode == 0, built.stdout + built.stderr
    assert not (site / "products" / "energielening").exists() and "energielening" not in (site / "index.html").read_text()

    adopted = run(fork, "overnemen", "energielening", "--loket", "woonloket", "--eigenaar", "Woonloket", "--today", TODAY)
    assert adopted.returncode == 0, adopted.stderr
    local = fork / "gemeenten/noord/content/lokaal/energielening.yml"
    assert "kostprijs: IN TE VULLEN" in local.read_text(encoding="utf-8")
    status = run(fork, "gedeeld", "--today", TODAY).stdout
    assert "in voorbereiding: energielening" in status  # not public until filled in
    edit(local, "\nkostprijs: IN TE VULLEN", "\nkostprijs:\n  gratis: true")
    assert run(fork, "nagekeken", "energielening", "--today", TODAY).returncode == 0
    assert run(fork, "check", "--today", TODAY).returncode == 0
    assert run(fork, "build", "--today", TODAY, "--site-dir", str(site)).returncode == 0
    assert (site / "products" / "energielening" / "index.html").exists()


def test_a_fiche_removed_or_renamed_upstream_says_what_happened_and_what_to_do(clones):
    upstream, fork = clones
    removed = ["gedeeld/products/huurwaarborg.md"] + [f"gemeenten/{t}/content/lokaal/huurwaarborg.yml" for t in ("west", "zuid")]
    git(upstream, "rm", "-q", *removed)
    commit(upstream, "Huurwaarborg is geen product meer")
    git(upstream, "mv", "gedeeld/products/renovatiepremie.md", "gedeeld/products/renovatie-premie.md")
    edit(upstream / "gedeeld/products/renovatie-premie.md", "id: renovatiepremie", "id: renovatie-premie")
    for town in ("west", "zuid"):
        folder = f"gemeenten/{town}/content/lokaal"
        git(upstream, "mv", f"{folder}/renovatiepremie.yml", f"{folder}/renovatie-premie.yml")
    commit(upstream, "Renovatiepremie krijgt een nieuwe id")
    git(upstream, "push", "-q", "origin", "main")
    # The fork changed its own local files of both before the update.
    for key in ("huurwaarborg", "renovatiepremie"):
        write_local(fork / "gemeenten/noord", key, instance_values(kostprijs={"gratis": True}), fork)
    commit(fork, "Noord: eigen prijzen")

    update = run(fork, "bijwerken", "--today", TODAY)
    assert update.returncode == 0, update.stdout + update.stderr
    assert git(fork, "status", "--porcelain") == ""
    assert "verwijderd: huurwaarborg ('Huurwaarborg is geen product meer')" in update.stdout
    assert "hernoemd: renovatiepremie heet nu renovatie-premie" in update.stdout
    checked = run(fork, "check", "--today", TODAY)
    assert checked.returncode == 1
    assert "de gedeelde fiche 'huurwaarborg' werd verwijderd in commit" in checked.stdout
    assert "verwijder dit bestand, of maak er een eigen fiche van" in checked.stdout
    assert "de gedeelde fiche 'renovatiepremie' heet nu 'renovatie-premie'" in checked.stdout
    assert "hernoem dit bestand naar 'renovatie-premie.yml'" in checked.stdout


def test_a_fiche_the_town_does_not_offer_vanishes_from_its_site(clones):
    _, fork = clones
    refused = run(fork, "niet-aanbieden", "woonzorgcentrum", "--reden", "Ga naar het woonzorgcentrum van de buurgemeente.")
    assert refused.returncode == 0, refused.stderr
    checked = run(fork, "check", "--today", TODAY)
    assert checked.returncode == 0 and "0 fouten" in checked.stdout, checked.stdout
    site = fork.parent / "site"
    assert run(fork, "build", "--today", TODAY, "--site-dir", str(site)).returncode == 0
    assert not (site / "products" / "woonzorgcentrum").exists()
    # The staff form (redactie/) edits the shared files as they are, for every town: it must keep their references.
    pages = [p for p in site.rglob("*") if p.suffix in (".html", ".json", ".csv", ".jsonld", ".xml", ".js")
             and p.relative_to(site).parts[0] != "redactie"]
    mentions = [str(p.relative_to(site)) for p in pages if "woonzorgcentrum" in p.read_text(encoding="utf-8", errors="replace")]
    assert mentions == []
    other = fork.parent / "zuid-site"
    assert run(fork, "build", "--today", TODAY, "--site-dir", str(other), town="zuid").returncode == 0
    assert (other / "products" / "woonzorgcentrum" / "index.html").exists()  # the other town still offers it


def test_what_a_command_writes_into_a_town_s_file_stays_the_value_it_was_given(clones):
    """An owner with YAML's own signs is written quoted, so the file reads back as exactly that owner; a loket
    that is not an id is refused before anything is written."""
    _, fork = clones
    write(fork / "gedeeld/products/energielening.md", shared_fiche(id="energielening", titel="Energielening"))
    owner = 'Team: wonen # "alles" \\ - [x]'
    assert run(fork, "overnemen", "energielening", "--loket", "../woonloket", "--today", TODAY).returncode == 2
    local = fork / "gemeenten/noord/content/lokaal/energielening.yml"
    assert not local.exists()
    adopted = run(fork, "overnemen", "energielening", "--loket", "woonloket", "--eigenaar", owner, "--today", TODAY)
    assert adopted.returncode == 0, adopted.stderr
    assert yaml.safe_load(local.read_text(encoding="utf-8"))["eigenaar"] == owner
    reason = "Ga naar: het OCMW # van 'hiernaast'\nmet \"quotes\""
    assert run(fork, "niet-aanbieden", "energielening", "--reden", reason, "--today", TODAY).returncode == 0
    data = yaml.safe_load(local.read_text(encoding="utf-8"))
    assert data["aangeboden"] is False and data["reden"] == " ".join(reason.split())


@pytest.mark.parametrize(("version", "written"), [("493349820632", '"493349820632"'), ("1e955edafbff", "1e955edafbff")])
def test_a_version_of_only_digits_is_quoted_so_yaml_reads_it_as_text(version, written):
    """A 12-character hex id can be all digits; unquoted, YAML reads a number and the check refuses the review."""
    assert version_text(version) == written
    assert yaml.safe_load(f"v: {version_text(version)}") == {"v": version}
