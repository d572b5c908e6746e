"""The GitHub Actions publication workflow: valid for GitHub's schema, clean for zizmor, and shaped as published."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
BIN = Path(sys.executable).parent
FULL_COMMIT = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def _tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is missing from {BIN}; install the test extras: pip install -e '.[test]'")
    return path


@pytest.fixture(scope="module")
def workflow() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); give it its name back.
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_matches_githubs_workflow_schema() -> None:
    result = subprocess.run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", WORKFLOW],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run([_tool("zizmor"), "--offline", "--no-progress", "--format", "plain", WORKFLOW], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout, result.stdout


def test_triggers_push_to_main_by_hand_and_on_schedule(workflow: dict) -> None:
    on = workflow["on"]
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    assert on["schedule"] and all("cron" in entry for entry in on["schedule"])


def test_every_action_is_pinned_to_a_commit(workflow: dict) -> None:
    uses = [step["uses"] for step in _steps(workflow) if "uses" in step]
    assert uses
    assert [u for u in uses if not FULL_COMMIT.match(u)] == []


def test_checkout_keeps_no_credentials(workflow: dict) -> None:
    checkouts = [step for step in _steps(workflow) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    assert all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


def test_permissions_are_minimal_per_job(workflow: dict) -> None:
    assert workflow["permissions"] == {}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"


def test_builds_strict_with_the_bundle_tests_first_and_publishes_both(workflow: dict) -> None:
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    test_at = next(i for i, run in enumerate(runs) if ".ci/run" in run)
    build_at = next(i for i, run in enumerate(runs) if "generator build" in run)
    assert test_at < build_at
    assert "--strict" in runs[build_at] and "--bundle" in runs[build_at]
    assert any("chromium" in run and "fonts-noto-cjk" in run for run in runs[:test_at])
    uploads = {step["uses"].split("@")[0]: step.get("with", {}) for step in steps if "uses" in step}
    assert uploads["actions/upload-pages-artifact"]["path"] == "site"
    assert uploads["actions/upload-artifact"]["path"] == "briefing-offline.zip"
    assert "actions/configure-pages" in uploads
    deploy_uses = [step["uses"].split("@")[0] for step in workflow["jobs"]["deploy"]["steps"]]
    assert deploy_uses == ["actions/deploy-pages"]
