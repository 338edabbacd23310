"""The PR pipelines (GitHub, GitLab, pre-commit, .ci/run) call real launcher commands on the right events.

They cannot run here, so they are validated as data: each `python3 build.py …` line they contain must
parse with the launcher's own argparse, and each job must run on the events it is meant for.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from launcher.cli import parse_arguments

REPO = Path(__file__).resolve().parents[1]
GITHUB = REPO / ".github" / "workflows" / "guideline.yml"
GITLAB = REPO / ".gitlab-ci.yml"
PRE_COMMIT = REPO / ".pre-commit-config.yaml"
CI_RUN = REPO / ".ci" / "run"
LAUNCH_RE = re.compile(r"python3 build\.py[^\n;&|`#]*")


def load_yaml_file(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def launcher_calls(text: str) -> list[str]:
    return [match.group(0).strip() for match in LAUNCH_RE.finditer(text)]


def assert_real_launcher_call(call: str) -> None:
    """Parse a `python3 build.py …` line with the launcher's argparse; a usage error fails the test."""
    arguments = shlex.split(call)[2:]
    try:
        parse_arguments(arguments)
    except SystemExit as exit_:  # argparse exits 0 after --help, 2 on a usage error
        if exit_.code == 0 and ("--help" in arguments or "-h" in arguments):
            return
        pytest.fail(f"'{call}' is not a valid launcher command (exit {exit_.code})")


def github_steps(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


# --- GitHub Actions -------------------------------------------------------------------------------


def test_github_workflow_triggers() -> None:
    workflow = load_yaml_file(GITHUB)
    triggers = workflow.get("on", workflow.get(True))  # PyYAML reads the bare key `on` as True
    assert set(triggers) == {"pull_request", "push"}
    assert triggers["push"]["branches"] == ["main"]


def test_github_pull_requests_check_build_and_test_in_that_order() -> None:
    jobs = load_yaml_file(GITHUB)["jobs"]
    job = jobs["verify"]
    assert job["if"] == "github.event_name == 'pull_request'"
    setup = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "3.11"
    commands = [call for run in github_steps(job) for call in launcher_calls(run)]
    assert commands == ["python3 build.py check", "python3 build.py build", "python3 build.py test"]
    # Browser tests run in the runner's preinstalled Chrome (Ubuntu's apt chromium is a snap stub);
    # the HTML checker comes from its npm lock without install scripts.
    assert job["steps"][-1]["env"]["GUIDELINE_CHROMIUM"] == "/usr/bin/google-chrome"
    assert any(run.startswith("npm ci --prefix tests/vnu --ignore-scripts") for run in github_steps(job))


def test_github_push_to_main_builds_and_uploads_the_site() -> None:
    job = load_yaml_file(GITHUB)["jobs"]["publish"]
    assert job["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert [call for run in github_steps(job) for call in launcher_calls(run)] == ["python3 build.py build"]
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"


def test_github_check_runs_with_annotations() -> None:
    # The check step must not override GITHUB_ACTIONS, so its ::error lines reach the PR.
    for job in load_yaml_file(GITHUB)["jobs"].values():
        for step in job["steps"]:
            assert "GITHUB_ACTIONS" not in step.get("env", {})


# --- GitLab CI ------------------------------------------------------------------------------------


MERGE_REQUEST_RULE = '$CI_PIPELINE_SOURCE == "merge_request_event"'
DEFAULT_BRANCH_RULE = "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"


def gitlab_jobs() -> dict[str, Any]:
    config = load_yaml_file(GITLAB)
    return {name: job for name, job in config.items() if isinstance(job, dict) and "script" in job}


def test_gitlab_merge_requests_check_build_and_test() -> None:
    jobs = gitlab_jobs()
    for name, command in [("check", "check"), ("build", "build"), ("test", "test")]:
        assert [rule["if"] for rule in jobs[name]["rules"]] == [MERGE_REQUEST_RULE]
        calls = [call for line in jobs[name]["script"] for call in launcher_calls(line)]
        assert [shlex.split(call)[2] for call in calls] == [command]


def test_gitlab_check_publishes_its_codequality_report() -> None:
    job = gitlab_jobs()["check"]
    [call] = [call for line in job["script"] for call in launcher_calls(line)]
    arguments = shlex.split(call)
    report = arguments[arguments.index("--codequality") + 1]
    assert job["artifacts"]["reports"]["codequality"] == report
    assert job["artifacts"]["when"] == "always"


def test_gitlab_pages_publishes_public_from_the_default_branch() -> None:
    job = gitlab_jobs()["pages"]
    assert [rule["if"] for rule in job["rules"]] == [DEFAULT_BRANCH_RULE]
    assert job["artifacts"]["paths"] == ["public"]
    assert "python3 build.py build --site-dir public" in job["script"]


def test_gitlab_workflow_runs_only_for_merge_requests_and_the_default_branch() -> None:
    rules = [rule["if"] for rule in load_yaml_file(GITLAB)["workflow"]["rules"]]
    assert rules == [MERGE_REQUEST_RULE, DEFAULT_BRANCH_RULE]


# --- pre-commit and .ci/run -----------------------------------------------------------------------


def test_pre_commit_hook_checks_changed_guideline_data() -> None:
    [repo] = load_yaml_file(PRE_COMMIT)["repos"]
    assert repo["repo"] == "local"
    [hook] = repo["hooks"]
    assert hook["entry"] == "python3 build.py check"
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is False
    pattern = re.compile(hook["files"])
    assert pattern.search("guideline_data/scenarios/shitstorm.yml")
    assert pattern.search("guideline_data/roles.yml")
    assert not pattern.search("hooks/guideline/cli.py")
    assert not pattern.search("docs/guideline_data/x.yml")


def test_ci_run_is_strict_bash_and_calls_the_readme_test_command() -> None:
    text = CI_RUN.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text
    assert CI_RUN.stat().st_mode & 0o111, ".ci/run must be executable"
    assert subprocess.run(["bash", "-n", str(CI_RUN)], check=False).returncode == 0
    assert launcher_calls(text)[-1] == "python3 build.py test"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "python3 build.py test" in readme


def yaml_strings(node: Any) -> list[str]:
    """Every string value in a parsed YAML document (comments are not part of it)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [text for value in node.values() for text in yaml_strings(value)]
    if isinstance(node, list):
        return [text for value in node for text in yaml_strings(value)]
    return []


def all_launcher_calls() -> list[tuple[str, str]]:
    calls = []
    for path in (GITHUB, GITLAB, PRE_COMMIT):
        strings = yaml_strings(load_yaml_file(path))
        calls.extend((path.name, call) for text in strings for call in launcher_calls(text))
    for path in (CI_RUN, REPO / "README.md"):
        calls.extend((path.name, call) for call in launcher_calls(path.read_text(encoding="utf-8")))
    assert len(calls) >= 10, "the pipelines should call the launcher"
    return calls


@pytest.mark.parametrize(("source", "call"), all_launcher_calls())
def test_every_launcher_call_is_a_real_command(source: str, call: str) -> None:
    assert_real_launcher_call(call)


def test_an_unknown_command_fails_the_launcher_call_check() -> None:
    with pytest.raises(pytest.fail.Exception):
        assert_real_launcher_call("python3 build.py deploy")


@pytest.mark.parametrize(
    ("path", "builtin"),
    [(GITHUB, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")],
)
def test_pipelines_validate_against_the_forges_schemas(path: Path, builtin: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", builtin, str(path)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
