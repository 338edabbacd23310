"""The benchmark's preview timing: a plain twin project without the hook, and edits the servers really show."""

from __future__ import annotations

from pathlib import Path

import yaml
from guideline.bench.__main__ import make_project
from guideline.bench.serve import first_step_word, plain_project, serve_latency
from guideline.bench.synthetic import FIRST_SYNTHETIC, MIN_SCENARIOS
from support import REPO_ROOT


def test_the_plain_twin_has_the_same_pages_and_no_hook(tmp_path: Path) -> None:
    project = make_project(REPO_ROOT, tmp_path / "ours", MIN_SCENARIOS)
    plain = plain_project(project, tmp_path / "plain")

    config = yaml.safe_load((plain / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#"))
    assert "hooks" not in config and "watch" not in config
    assert config["nav"] == yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert (plain / "docs" / "szenarien" / f"{FIRST_SYNTHETIC}.md").is_file()
    assert not (plain / "hooks" / "guideline_hook.py").exists()


def test_an_edit_puts_the_marker_into_the_first_step() -> None:
    text = "steps:\n- role: a\n  action: Lesen.\n- role: b\n  action: Antworten.\n"
    assert first_step_word(text, "Marke1x") == "steps:\n- role: a\n  action: Marke1x Lesen.\n- role: b\n  action: Antworten.\n"


def test_serve_latency_times_edits_that_both_previews_show(tmp_path: Path) -> None:
    project = make_project(REPO_ROOT, tmp_path / "ours", MIN_SCENARIOS)
    plain = plain_project(project, tmp_path / "plain")

    comparison = serve_latency(project, plain, FIRST_SYNTHETIC, f"szenarien/{FIRST_SYNTHETIC}.md", rounds=1)

    assert len(comparison.ours) == len(comparison.theirs) == 1
    assert comparison.ratio > 0
    assert "Markeunser0x" in (project / "guideline_data" / "scenarios" / f"{FIRST_SYNTHETIC}.yml").read_text(
        encoding="utf-8")
