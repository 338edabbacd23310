"""A deterministic synthetic guideline of any size, for the benchmark: the example, grown to N scenarios.

The example's scenarios stay; each synthetic scenario is a copy of one of the example's scenarios (in turn), with its own id, title,
question and keywords, and its texts lengthened with sentences drawn from a fixed vocabulary until the page
holds about `SCENARIO_WORDS` words. One training module is added per ten scenarios, copied the same way.
Every reference (roles, channels, levels, tone rules, modules, statements) is one the example already
resolves, so the result passes `check --strict` like the example; only its size differs.

The same (N, seed) gives the same files byte for byte, on any machine: a seeded `random.Random`, sorted
inputs, no clock.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

SCENARIO_WORDS = 1000
"""About as many words as the issue's measurement put on a scenario page."""
SCENARIOS_PER_MODULE = 10
SEED = 20261203
FIRST_SYNTHETIC = "fall-00001"
"""The id of the first synthetic scenario: its page is the same at every size, so its size can be compared."""
MIN_SCENARIOS = 10
"""Fewer would leave only the example's own scenarios."""

WORDS = (
    "Beitrag Kommentar Antwort Nachricht Kanal Team Leitung Frage Hinweis Rückmeldung Fall Vorgang Kundin Kunde "
    "Community Beratung Service Gerät Termin Lösung Ursache Muster Bericht Auswertung Entwurf Freigabe Vorlage "
    "Dialog Ton Sachlage Zeitraum Reichweite Quelle Stellungnahme Abstimmung Rückruf Ansprechpartnerin "
    "prüfen klären beantworten dokumentieren weitergeben zusammenfassen abstimmen freigeben nachfassen "
    "beobachten melden einordnen sammeln bestätigen vereinbaren erläutern "
    "kurz sachlich freundlich verbindlich öffentlich intern schnell gründlich vollständig konkret "
    "heute morgen danach zuerst anschließend gemeinsam jeweils rechtzeitig"
).split()


def sentence(rng: random.Random) -> str:
    """Return one German-looking sentence of 8 to 16 words from the vocabulary."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
    return " ".join([words[0].capitalize(), *words[1:]]) + "."


def sentences(rng: random.Random, count: int) -> str:
    return " ".join(sentence(rng) for _ in range(count))


def _word_count(value: Any) -> int:
    if isinstance(value, str):
        return len(value.split())
    if isinstance(value, dict):
        return sum(_word_count(item) for item in value.values())
    if isinstance(value, list):
        return sum(_word_count(item) for item in value)
    return 0


def _read(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a mapping")
    return data


def _write(path: Path, data: dict[str, Any], schema: str) -> None:
    header = f"# yaml-language-server: $schema={schema}\n"
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120, default_flow_style=False)
    path.write_text(header + body, encoding="utf-8")


def synthetic_scenario(template: dict[str, Any], number: int, modules: list[str], rng: random.Random) -> dict[str, Any]:
    """Return scenario `number` made from `template`: its own id, title and question, lengthened texts."""
    scenario = {key: value for key, value in template.items() if key != "aliases"}
    label = f"{number:05d}"
    scenario["id"] = f"fall-{label}"
    scenario["title"] = f"{template['title']} (Fall {label})"
    scenario["question"] = f"{template['question'].rstrip('?')} (Fall {label})?"
    scenario["keywords"] = [f"Fall{label}", *(f"{word} {label}" for word in template.get("keywords", ())[:2])]
    if modules:
        scenario["training"] = sorted({*template.get("training", ()), rng.choice(modules)})
    scenario["trigger"] = f"{template['trigger'].strip()} {sentences(rng, 3)}"
    steps = [dict(step) for step in template["steps"]]
    while _word_count({**scenario, "steps": steps}) < SCENARIO_WORDS:
        step = steps[rng.randrange(len(steps))]
        step["action"] = f"{step['action'].strip()} {sentence(rng)}"
    scenario["steps"] = steps
    return scenario


def synthetic_module(template: dict[str, Any], number: int, rng: random.Random) -> dict[str, Any]:
    """Return training module `number` made from `template`: its own id and title, a longer summary."""
    module = {key: value for key, value in template.items() if key != "customer_dialogue_training"}  # else G340
    label = f"{number:04d}"
    module["id"] = f"modul-{label}"
    module["title"] = f"{template['title']} (Modul {label})"
    module["summary"] = f"{template['summary'].strip()} {sentences(rng, 4)}"
    return module


def _templates(folder: Path) -> list[dict[str, Any]]:
    return [_read(path) for path in sorted(folder.glob("*.yml"))]


def write_synthetic(example: Path, target: Path, scenarios: int, seed: int = SEED) -> Path:
    """Write a guideline of `scenarios` scenarios to `target` (replaced if it exists); return `target`.

    The example's own scenarios stay (other files refer to them) and count towards `scenarios`; everything
    else is the example's, plus one module per ten scenarios.
    """
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(example, target, ignore=shutil.ignore_patterns("urls.yml"))
    rng = random.Random(seed)
    module_templates = _templates(example / "training")
    modules = [f"modul-{number:04d}" for number in range(1, scenarios // SCENARIOS_PER_MODULE + 1)]
    for number, module_id in enumerate(modules, start=1):
        module = synthetic_module(module_templates[number % len(module_templates)], number, rng)
        _write(target / "training" / f"{module_id}.yml", module, "../schema/training.schema.json")
    scenario_templates = _templates(example / "scenarios")
    for number in range(1, scenarios - len(scenario_templates) + 1):
        scenario = synthetic_scenario(scenario_templates[number % len(scenario_templates)], number, modules, rng)
        _write(target / "scenarios" / f"{scenario['id']}.yml", scenario, "../schema/scenario.schema.json")
    return target


def data_files(folder: Path) -> Iterator[Path]:
    """Yield the YAML files of a data folder in a stable order (for timing a bare parse of the same files)."""
    yield from sorted(path for path in folder.rglob("*.yml") if "schema" not in path.relative_to(folder).parts)
