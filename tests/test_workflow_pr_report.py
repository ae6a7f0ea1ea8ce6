"""A pull request, simulated: the pull-request workflow's own commands on a fixture git repository.

The steps are read from .github/workflows/pull-request.yml and run as GitHub runs them (bash -eo pipefail,
values through env), so the test fails if the workflow and the package drift apart.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from catalogus.workflow.pr_report import MARKER
from factories import REPO, git

FIXTURE = REPO / "tests" / "fixtures" / "catalogue"
TODAY = "2026-11-26"
BIN = Path(sys.executable).parent



def workflow_step(job: str, name: str) -> str:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    return next(s["run"] for s in workflow["jobs"][job]["steps"] if s.get("name") == name)


def run_step(repo, job, name, base):
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "BASE_SHA": base, "CATALOGUS_TODAY": TODAY}
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", workflow_step(job, name)],
        cwd=repo, env=env, capture_output=True, text=True, timeout=120,
    )


@pytest.fixture
def proposal(tmp_path):
    """main: the fixture catalogue; the proposal breaks one fiche and correctly edits another."""
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE, repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Catalogus")
    base = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "voorstel")
    broken = repo / "content" / "products" / "personenalarm.md"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(re.sub(r"^themas: \[.*\]$", "themas: [zorg-thuiss]", text, count=1, flags=re.M), encoding="utf-8")
    edited = repo / "content" / "products" / "huurpremie.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("premie huur]", "premie huur, huurpremie]"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Voorstel")
    line = next(n for n, text in enumerate(broken.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("themas:"))
    return repo, base, line


def test_annotation_is_for_the_exact_file_and_line_and_nowhere_else(proposal):
    repo, base, line = proposal
    # Even unfiltered, the fiche that links to the broken one has no finding of its own: the broken fiche names it.
    full = subprocess.run([BIN / "catalogus", "check", "--format", "github", "--today", TODAY], cwd=repo,
                          capture_output=True, text=True)
    assert "file=content/products/maaltijden-aan-huis.md" not in full.stdout
    assert "verwijzen ook: maaltijden-aan-huis" in full.stdout
    result = run_step(repo, "check", "Gewijzigde fiches nakijken", base)
    assert result.returncode == 1, result.stdout + result.stderr
    annotations = [out for out in result.stdout.splitlines() if out.startswith("::")]
    assert all("file=content/products/personenalarm.md," in a for a in annotations), annotations
    errors = [a for a in annotations if a.startswith("::error")]
    assert len(errors) == 1, annotations
    assert errors[0].startswith(f"::error file=content/products/personenalarm.md,line={line},col=")
    assert "zorg-thuiss" in errors[0]


def test_the_comment_lists_the_changed_fiches_with_their_findings(proposal):
    repo, base, line = proposal
    result = run_step(repo, "check", "Verslag voor de reactie", base)
    assert result.returncode == 0, result.stderr
    body = (repo / "pr-verslag.md").read_text(encoding="utf-8")
    assert body.splitlines()[0] == MARKER
    assert "- ❌ **Personenalarm** (`content/products/personenalarm.md`): 1 fout" in body
    assert "- ✅ **Huurpremie** (`content/products/huurpremie.md`): geen meldingen" in body
    assert f"regel {line}: fout: themas:" in body
    assert "content/products/maaltijden-aan-huis.md" not in body
    # Same input, same comment: the workflow then leaves the existing comment alone.
    run_step(repo, "check", "Verslag voor de reactie", base)
    assert (repo / "pr-verslag.md").read_text(encoding="utf-8") == body


def test_a_clean_proposal_says_so(tmp_path, proposal):
    repo, base, _ = proposal
    git(repo, "checkout", "-q", "-b", "schoon", base)
    result = run_step(repo, "check", "Gewijzigde fiches nakijken", base)
    assert result.returncode == 0 and not [out for out in result.stdout.splitlines() if out.startswith("::")]
    run_step(repo, "check", "Verslag voor de reactie", base)
    assert "Dit voorstel wijzigt geen fiches of loketten." in (repo / "pr-verslag.md").read_text(encoding="utf-8")


def test_fiche_text_cannot_inject_markdown_into_the_comment(proposal):
    repo, base, _ = proposal
    fiche = repo / "content" / "products" / "huurpremie.md"
    fiche.write_text(
        fiche.read_text(encoding="utf-8").replace("titel: Huurpremie", 'titel: "@iedereen [klik](https://x.example) ```"'),
        encoding="utf-8",
    )
    git(repo, "commit", "-q", "-am", "Titel")
    run_step(repo, "check", "Verslag voor de reactie", base)
    body = (repo / "pr-verslag.md").read_text(encoding="utf-8")
    assert "\\@iedereen \\[klik\\]\\(https\\:" in body
    assert " @iedereen" not in body and "[klik](" not in body


def test_an_unknown_base_is_a_clear_usage_error(proposal):
    repo, _, _ = proposal
    result = run_step(repo, "check", "Gewijzigde fiches nakijken", "0" * 40)
    assert result.returncode == 2
    assert "kan niet bepalen wat er sinds" in result.stderr and "Traceback" not in result.stderr


def test_a_proposal_that_breaks_files_it_does_not_change_fails_at_each_referring_line(proposal):
    """Deleting a loket still in use, or a target group still used, changes no fiche, yet breaks them: the check
    job fails with an annotation at each line that refers to it, and the comment names what to fix."""
    repo, base, _ = proposal
    git(repo, "checkout", "-q", "-b", "opruimen", base)
    git(repo, "rm", "-q", "content/loketten/woonloket.md")
    vocab = repo / "vocabularies.yml"
    without = re.sub(r"^  senioren:\n(    .*\n)+", "", vocab.read_text(encoding="utf-8"), count=1, flags=re.M)
    vocab.write_text(without, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Woonloket en senioren weg")
    result = run_step(repo, "check", "Gewijzigde fiches nakijken", base)
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [out for out in result.stdout.splitlines() if out.startswith("::error")]
    referring = [
        (path.relative_to(repo).as_posix(), number)
        for path in sorted((repo / "content" / "products").glob("*.md"))
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if text == "loket: woonloket" or re.match(r"^doelgroepen: \[.*\bsenioren\b", text) or text == "  - senioren"
    ]
    assert referring and len(errors) == len(referring), (errors, referring)
    for path, number in referring:
        assert any(a.startswith(f"::error file={path},line={number},") for a in errors), (path, number, errors)
    run_step(repo, "check", "Verslag voor de reactie", base)
    body = (repo / "pr-verslag.md").read_text(encoding="utf-8")
    assert "(niet gewijzigd, maar dit voorstel maakt het stuk)" in body and "het loket 'woonloket' bestaat niet" in body
    assert "Los de fouten op in hetzelfde voorstel" in body
