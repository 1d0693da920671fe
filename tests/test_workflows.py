"""Checks on the GitHub configuration: workflows, issue form and issue-template config.

Runs zizmor (offline) and check-jsonschema's vendored GitHub schemas, then enforces the
hardening rules the bot's workflows rely on. Each external tool also gets a known-bad
input, so a tool that silently audits nothing fails the suite instead of passing it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from bot.github_submission import FORM_LABELS

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
ISSUE_TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"
EXPECTED_WORKFLOWS = {"audit.yml", "ci.yml", "hugo.yml", "new-model.yml", "refresh.yml"}
# The workflows that hold a write token and run the bot.
BOT_WORKFLOWS = ("new-model.yml", "refresh.yml")
BOT_PERMISSIONS = {"contents": "write", "pull-requests": "write", "issues": "write"}

# `uses: owner/repo[/path]@<full commit SHA> # <tag>`
PINNED_USES = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40}\s+#\s*v\d[\w.-]*\s*$")

BAD_WORKFLOW = """\
on: issues
jobs:
  x:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.issue.title }}"
"""


def tool(name: str) -> str:
    """An executable installed next to the running interpreter (the test extra's venv)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"{name} is not installed next to {sys.executable}; pip install -e '.[test]'")
    return found


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def zizmor_findings(target: Path, cwd: Path) -> tuple[int, list[dict[str, Any]]]:
    # --no-config/--no-ignores: a zizmor.yml or `# zizmor: ignore[...]` comment cannot hide a finding.
    proc = run(
        tool("zizmor"), "--offline", "--no-config", "--no-ignores", "--format", "json", target, cwd=cwd
    )
    assert proc.stdout.strip(), f"zizmor produced no output:\n{proc.stderr}"
    findings: list[dict[str, Any]] = json.loads(proc.stdout)
    return proc.returncode, findings


def load(path: Path) -> dict[str, Any]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a YAML mapping"
    return data


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))


def workflows() -> dict[str, dict[str, Any]]:
    return {p.name: load(p) for p in workflow_files()}


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


# --- policy checks: each returns the violations it finds ------------------------------------------


def interpolating_runs(workflow: dict[str, Any]) -> list[str]:
    """`run:` scripts containing `${{ }}`: values must reach a script through `env:`."""
    return [s["run"] for s in steps(workflow) if "run" in s and "${{" in str(s["run"])]


def unpinned_uses(text: str) -> list[str]:
    """`uses:` lines not pinned to a full commit SHA with the release tag as a comment."""
    return [
        line.strip()
        for line in text.splitlines()
        if re.match(r"^\s*(?:-\s+)?uses:", line) and not PINNED_USES.match(line)
    ]


def credential_persisting_checkouts(workflow: dict[str, Any]) -> list[str]:
    return [
        s["uses"]
        for s in steps(workflow)
        if str(s.get("uses", "")).startswith("actions/checkout@")
        and (s.get("with") or {}).get("persist-credentials") is not False
    ]


def cache_restores_in_write_jobs(workflow: dict[str, Any]) -> list[str]:
    """setup-* caching in jobs whose token can write anything (cache-poisoning hardening)."""
    bad = []
    for name, job in workflow["jobs"].items():
        perms = job.get("permissions", workflow.get("permissions"))
        if not isinstance(perms, dict) or "write" not in perms.values():
            continue
        for s in job.get("steps", []):
            if str(s.get("uses", "")).startswith("actions/setup-") and "cache" in (s.get("with") or {}):
                bad.append(f"{name}: {s['uses']}")
    return bad


# --- external tools ------------------------------------------------------------------------------


def test_workflow_set_is_complete() -> None:
    assert {p.name for p in workflow_files()} == EXPECTED_WORKFLOWS


def test_zizmor_reports_no_findings() -> None:
    code, findings = zizmor_findings(WORKFLOWS, ROOT)
    summary = [
        (f["ident"], loc["symbolic"]["key"]["Local"]["verbatim_path"], loc["concrete"]["feature"])
        for f in findings
        for loc in f["locations"][:1]
    ]
    assert findings == [], f"zizmor findings: {summary}"
    assert code == 0


def test_zizmor_catches_a_bad_workflow(tmp_path: Path) -> None:
    (tmp_path / "bad.yml").write_text(BAD_WORKFLOW, encoding="utf-8")
    code, findings = zizmor_findings(tmp_path / "bad.yml", tmp_path)
    assert code != 0
    assert {"template-injection", "unpinned-uses", "artipacked"} <= {f["ident"] for f in findings}


def test_workflows_match_github_workflow_schema() -> None:
    files = workflow_files()
    proc = run(tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *files)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflow_schema_check_catches_a_bad_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(BAD_WORKFLOW.replace("runs-on", "runs_on"), encoding="utf-8")
    proc = run(tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", bad)
    assert proc.returncode != 0


@pytest.mark.parametrize(
    ("filename", "schema"),
    [("new-model.yml", "vendor.github-issue-forms"), ("config.yml", "vendor.github-issue-config")],
)
def test_issue_templates_match_github_schemas(filename: str, schema: str) -> None:
    proc = run(tool("check-jsonschema"), "--builtin-schema", schema, ISSUE_TEMPLATES / filename)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# --- hardening rules -----------------------------------------------------------------------------


def test_every_action_is_pinned_to_a_commit_sha() -> None:
    files = workflow_files()
    assert sum(p.read_text(encoding="utf-8").count("uses:") for p in files) >= 8
    bad = {p.name: unpinned_uses(p.read_text(encoding="utf-8")) for p in files}
    assert {name: lines for name, lines in bad.items() if lines} == {}


def test_no_expression_is_interpolated_into_a_run_script() -> None:
    wfs = workflows()
    assert sum("run" in s for wf in wfs.values() for s in steps(wf)) >= 6
    bad = {name: interpolating_runs(wf) for name, wf in wfs.items()}
    assert {name: runs for name, runs in bad.items() if runs} == {}


def test_every_checkout_drops_credentials() -> None:
    wfs = workflows()
    for name, wf in wfs.items():
        assert any(str(s.get("uses", "")).startswith("actions/checkout@") for s in steps(wf)), name
    bad = {name: credential_persisting_checkouts(wf) for name, wf in wfs.items()}
    assert {name: uses for name, uses in bad.items() if uses} == {}


def test_every_workflow_declares_token_permissions() -> None:
    for name, wf in workflows().items():
        assert "permissions" in wf, f"{name} has no top-level permissions"
        for job_name, job in wf["jobs"].items():
            perms = job.get("permissions", wf["permissions"])
            assert perms is not None, f"{name}:{job_name}"


@pytest.mark.parametrize("filename", BOT_WORKFLOWS)
def test_bot_workflows_have_exactly_the_three_write_scopes(filename: str) -> None:
    wf = load(WORKFLOWS / filename)
    assert wf["permissions"] == {}
    assert len(wf["jobs"]) == 1
    for job in wf["jobs"].values():
        assert job["permissions"] == BOT_PERMISSIONS


@pytest.mark.parametrize("filename", sorted(EXPECTED_WORKFLOWS))
def test_no_cache_is_restored_into_a_write_token_job(filename: str) -> None:
    assert cache_restores_in_write_jobs(load(WORKFLOWS / filename)) == []


def test_read_only_and_pages_permissions() -> None:
    assert load(WORKFLOWS / "ci.yml")["permissions"] == {"contents": "read"}
    hugo = load(WORKFLOWS / "hugo.yml")
    assert hugo["permissions"] == {}
    assert hugo["concurrency"]["group"] == "pages"
    granted = {name: job.get("permissions") for name, job in hugo["jobs"].items()}
    assert granted == {"build": {"contents": "read"}, "deploy": {"pages": "write", "id-token": "write"}}


def test_bot_workflow_triggers_and_concurrency() -> None:
    new_model = load(WORKFLOWS / "new-model.yml")
    assert new_model["on"] == {
        "issues": {
            "types": [
                "opened",
                "edited",
                "reopened",
                "labeled",
                "unlabeled",
                "closed",
                "deleted",
                "transferred",
            ]
        }
    }
    (job,) = new_model["jobs"].values()
    for label in FORM_LABELS:  # the job runs for every form the bot answers
        assert job["if"].count(f"'{label}'") == 3, label
    assert job["concurrency"] == {
        "group": "new-model-${{ github.event.issue.number }}",
        "cancel-in-progress": False,
    }
    assert [s["run"] for s in job["steps"] if "run" in s][-1] == "python -m bot action"

    refresh = load(WORKFLOWS / "refresh.yml")
    assert refresh["on"]["push"]["branches"] == ["main"]
    assert set(refresh["on"]["push"]["paths"]) == {
        "content/posts/medical-llm-leaderboard/**",
        "schemas/**",
        "bot/**",
    }
    assert "workflow_dispatch" in refresh["on"]
    assert refresh["concurrency"]["group"] == "leaderboard-refresh"
    (job,) = refresh["jobs"].values()
    assert [s["run"] for s in job["steps"] if "run" in s][-1] == "python -m bot refresh"


def test_policy_checks_catch_violations() -> None:
    bad = YAML(typ="safe").load(BAD_WORKFLOW)
    bad["jobs"]["x"]["permissions"] = {"contents": "write"}
    bad["jobs"]["x"]["steps"].append({"uses": "actions/setup-python@v6", "with": {"cache": "pip"}})
    assert interpolating_runs(bad)
    assert credential_persisting_checkouts(bad)
    assert cache_restores_in_write_jobs(bad)
    assert unpinned_uses(BAD_WORKFLOW) == ["- uses: actions/checkout@v4"]
    # A SHA without the tag comment, or a short SHA, is not accepted either.
    assert unpinned_uses("      - uses: actions/checkout@" + "a" * 40)
    assert unpinned_uses("      - uses: actions/checkout@" + "a" * 12 + " # v7")
    assert not unpinned_uses("      - uses: actions/checkout@" + "a" * 40 + " # v7.0.1")


def test_audit_workflow_reads_contents_writes_issues_and_runs_weekly() -> None:
    audit = load(WORKFLOWS / "audit.yml")
    assert audit["permissions"] == {}
    assert set(audit["on"]) == {"schedule", "workflow_dispatch"}
    [cron] = [entry["cron"] for entry in audit["on"]["schedule"]]
    assert cron.split()[2:] == ["*", "*", "1"]  # weekly
    assert audit["concurrency"] == {"group": "link-audit", "cancel-in-progress": False}
    (job,) = audit["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    assert [s["run"] for s in job["steps"] if "run" in s][-1] == "python -m bot audit --github"


def test_the_setup_guide_lists_every_workflow_that_names_a_branch() -> None:
    """docs/github-setup.md section 7 tells a site with another default branch what to change."""
    guide = (ROOT / "docs" / "github-setup.md").read_text(encoding="utf-8")
    section = guide[guide.index("## 7.") : guide.index("## 8.")]
    named = set()
    for name, workflow in workflows().items():
        triggers = workflow.get("on") or workflow.get(True) or {}  # YAML 1.1 reads `on` as true
        for event in ("push", "pull_request"):
            spec = triggers.get(event) if isinstance(triggers, dict) else None
            if isinstance(spec, dict) and spec.get("branches"):
                named.add(name)
                assert f"`.github/workflows/{name}`" in section, name
                assert all(f"branches: [{b}]" in section for b in spec["branches"]), name
    assert named == {"hugo.yml", "refresh.yml"}
    assert "python -m bot post publish" in guide
