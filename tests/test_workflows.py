"""The workflow files: valid for GitHub (offline schema), least privilege, pinned, bounded, no credential left behind."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from factories import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+\s*$")
WRITE_SCOPES = {"pull-requests", "issues", "pages", "id-token", "contents", "statuses", "checks", "actions"}


def load(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps():
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            for step in job.get("steps", []):
                yield path.name, name, step


def schema_check(schema, paths):
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
        capture_output=True, text=True, timeout=120,
    )


def test_there_are_workflows():
    assert {p.name for p in WORKFLOWS} >= {"check.yml", "pages.yml", "tests.yml", "pull-request.yml", "reminders.yml"}


def test_workflows_dependabot_and_issue_forms_pass_githubs_schemas():
    for schema, paths in (
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.dependabot", [REPO / ".github" / "dependabot.yml"]),
        ("vendor.github-issue-forms", sorted((REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))),
    ):
        assert paths
        result = schema_check(schema, paths)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_can_fail(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    timeout-minutes: soon\n    steps: []\n")
    assert schema_check("vendor.github-workflows", [bad]).returncode != 0


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege(path):
    workflow = load(path)
    assert "pull_request_target" not in (workflow["on"] or {}), "pull_request_target geeft code uit een fork schrijfrechten"
    top = workflow.get("permissions")
    assert top is not None, "zet 'permissions' bovenaan (standaard: alleen lezen of niets)"
    assert all(v in ("read", "none") for v in (top or {}).values()), "schrijfrechten alleen per job"
    for name, job in workflow["jobs"].items():
        for scope, level in (job.get("permissions") or {}).items():
            assert scope in WRITE_SCOPES | {"packages"}, (name, scope)
            if level == "write" and "pull_request" in workflow["on"]:
                # Triggered by a proposal: a job that can write never runs the proposal's code.
                assert not any("actions/checkout" in s.get("uses", "") for s in job["steps"]), (
                    f"{path.name}:{name} heeft {scope}: write en checkt de code van het voorstel uit"
                )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_has_a_timeout(path):
    for name, job in load(path)["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int) and 1 <= job["timeout-minutes"] <= 60, f"{path.name}:{name}"


def test_every_action_is_pinned_to_a_full_commit_with_its_version():
    lines = [
        line for p in WORKFLOWS for line in p.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)
    ]
    assert lines
    for line in lines:
        assert PINNED.match(line), f"niet vastgepind op een volledige commit met '# vX.Y.Z': {line.strip()}"
    # The same action is pinned to the same commit everywhere.
    pins = {}
    for line in lines:
        action, sha = PINNED.match(line).groups()
        assert pins.setdefault(action, sha) == sha, action


def test_every_checkout_leaves_no_credentials_behind():
    checkouts = [(f, j, s) for f, j, s in steps() if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for workflow, job, step in checkouts:
        assert (step.get("with") or {}).get("persist-credentials") is False, f"{workflow}:{job}"


def test_no_expression_inside_run():
    """`${{ }}` in `run:` is pasted into the shell before it runs: pull-request text would become code."""
    for workflow, job, step in steps():
        assert "${{" not in step.get("run", ""), f"{workflow}:{job}: geef waarden door via env:"


def test_pull_request_workflow_shape():
    workflow = load(REPO / ".github" / "workflows" / "pull-request.yml")
    assert list(workflow["on"]) == ["pull_request"]
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["check"]["permissions"] == {"contents": "read"}
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["comment"]["permissions"] == {"pull-requests": "write"}
    assert "head.repo.full_name == github.repository" in jobs["comment"]["if"]  # not for forks
    runs = " ".join(s.get("run", "") for s in jobs["check"]["steps"])
    assert "catalogus check --format github --base" in runs and "catalogus pr-verslag --base" in runs
    build = " ".join(s.get("run", "") for s in jobs["build"]["steps"])
    assert "for town in gemeenten/*/" in build and 'catalogus --gemeente "$(basename "$town")" build' in build  # every town
    uploads = [s["with"]["name"] for j in jobs.values() for s in j["steps"] if "upload-artifact" in s.get("uses", "")]
    assert sorted(uploads) == ["pr-verslag", "voorbeeldsite"]


def test_reminder_workflow_is_monthly_and_manual():
    workflow = load(REPO / ".github" / "workflows" / "reminders.yml")
    assert set(workflow["on"]) == {"schedule", "workflow_dispatch"}
    assert re.fullmatch(r"\d+ \d+ \d+ \* \*", workflow["on"]["schedule"][0]["cron"])
    job = workflow["jobs"]["reminders"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    assert any("catalogus herinneringen --format json" in s.get("run", "") for s in job["steps"])


def test_dependabot_watches_actions_and_pip():
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"github-actions", "pip"}
