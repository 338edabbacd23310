"""The developers' recipe works: a throwaway data kind added exactly as CONTRIBUTING.md says builds into the site.

The recipe is applied to a copy of the project: a model, one registry entry, one planner (and its line in the
planner registry), one template. Reference checking, the JSON Schema and scaffolding follow from the model's
declarations, and the kind is optional: the copy builds with and without its file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

REPO_ROOT = Path(__file__).resolve().parent.parent

MODEL = '''\
"""The glossary: words we use with one meaning, and whom to ask about them."""

from __future__ import annotations

from pydantic import Field

from .fields import Line, Text
from .ids import RoleRef
from .base import Model


class Term(Model):
    term: Line = Field(description="Der Begriff, wie wir ihn schreiben.")
    meaning: Text = Field(description="Was der Begriff bei uns bedeutet.")
    ask: RoleRef = Field(description="ID der Rolle, die Fragen dazu beantwortet.")


class GlossaryFile(Model):
    terms: tuple[Term, ...] = Field(min_length=1, description="Die Begriffe des Glossars.")
'''

REGISTRY_ENTRY = (
    '    GLOSSARY = KindSpec(glossary.GlossaryFile, file="glossary.yml", title="Glossar", required=False)\n'
)

PLANNER = '''\
"""Page context of the glossary: every term with its meaning and whom to ask."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.glossary import GlossaryFile
from ..model.ids import IdKind
from ..model.layout import DataKind
from .links import Link
from .page import PlannedPage, Planning

GLOSSARY_PAGE = "glossar.md"


@dataclass(frozen=True)
class TermEntry:
    """One term as the page shows it."""

    term: str
    meaning: str
    ask: Link


@dataclass(frozen=True)
class GlossaryPage:
    """Context of `glossar.md`."""

    terms: tuple[TermEntry, ...]


def plan_glossary(planning: Planning) -> tuple[PlannedPage, ...]:
    """Plan the glossary page, if the guideline has a glossary."""
    parsed = planning.guideline.one_of(DataKind.GLOSSARY)
    if parsed is None:
        return ()
    model: GlossaryFile = parsed.model
    terms = tuple(TermEntry(t.term, t.meaning, planning.links.to(IdKind.ROLE, t.ask)) for t in model.terms)
    return (PlannedPage(GLOSSARY_PAGE, "Glossar", "glossary.md.j2", GlossaryPage(terms), parsed.source_map.path),)
'''

TEMPLATE = '''\
# {{ title }}

{% for entry in page.terms %}
## {{ entry.term }}

{{ entry.meaning | block }}

Fragen dazu: {{ entry.ask }}

{% endfor %}
'''

DATA = '''\
terms:
  - term: Shitstorm
    meaning: Viele empörte Beiträge in kurzer Zeit, die sich gegenseitig verstärken.
    ask: {role}
'''


def apply_recipe(project: Path) -> None:
    """Add the glossary kind to a copy of the core, touching exactly the places the recipe names."""
    core = project / "hooks" / "guideline"
    (core / "model" / "glossary.py").write_text(MODEL, encoding="utf-8")
    _insert_after(core / "model" / "layout.py", "from pydantic import BaseModel\n\n", "from . import glossary\n")
    _insert_after(core / "model" / "layout.py", '    STRATEGY = KindSpec(', REGISTRY_ENTRY, whole_line=True)
    (core / "plan" / "glossary.py").write_text(PLANNER, encoding="utf-8")
    _insert_after(core / "plan" / "pages.py", "from ..diagnostics import DiagnosticCode\n", "from . import glossary\n")
    _insert_after(core / "plan" / "pages.py", "PLANNERS: tuple[Planner, ...] = (\n", "    glossary.plan_glossary,\n")
    (core / "render" / "templates" / "glossary.md.j2").write_text(TEMPLATE, encoding="utf-8")


def _insert_after(path: Path, anchor: str, addition: str, whole_line: bool = False) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(anchor) == 1, f"the recipe's anchor {anchor!r} is not unique in {path.name}"
    end = text.index(anchor) + len(anchor)
    if whole_line:
        end = text.index("\n", end) + 1
    path.write_text(text[:end] + addition + text[end:], encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("recipe")
    shutil.copytree(REPO_ROOT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO_ROOT / "docs", root / "docs")
    shutil.copytree(REPO_ROOT / "example_data", root / "guideline_data")
    for bookkeeping in ("review.yml", "urls.yml"):  # else the new file needs an owner (G402), its page a record
        (root / "guideline_data" / bookkeeping).unlink()
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    apply_recipe(root)
    return root


def run_in(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a module with the project copy's core first on the path (ahead of the installed one)."""
    environment = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", *args], cwd=project, env=environment, capture_output=True,
                          text=True, timeout=300, check=False)


def write_glossary(project: Path, role: str) -> None:
    (project / "guideline_data" / "glossary.yml").write_text(DATA.format(role=role), encoding="utf-8")


def test_the_new_kind_builds_into_a_page_with_resolved_links(project: Path, tmp_path: Path) -> None:
    write_glossary(project, "community-manager")
    result = run_in(project, "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site" / "glossar" / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None
    assert article.h2 is not None and article.h2.get_text(strip=True).startswith("Shitstorm")
    ask = article.find("a", href="../rollen/community-manager/")
    assert ask is not None and ask.get_text() == _role_title(project, "community-manager")
    edit = soup.select_one("a[rel='edit']")
    assert edit is not None and str(edit["href"]).endswith("guideline_data/glossary.yml")


def test_a_reference_in_the_new_kind_is_checked_without_further_code(project: Path) -> None:
    write_glossary(project, "community-manger")
    result = run_in(project, "guideline.cli", "check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[:3] == [
        "guideline_data/glossary.yml:4:10: error[G201]: unbekannte Rolle 'community-manger'",
        textwrap.indent("note: bekannte Rollen: " + _known_roles(result.stdout), "    "),
        "    help: meintest du 'community-manager'?",
    ]


def _role_title(project: Path, role_id: str) -> str:
    roles = yaml.safe_load((project / "guideline_data" / "roles.yml").read_text(encoding="utf-8"))["roles"]
    return next(str(role["title"]) for role in roles if role["id"] == role_id)


def _known_roles(output: str) -> str:
    return output.splitlines()[1].removeprefix("    note: bekannte Rollen: ")


def test_the_new_kind_gets_a_schema_and_a_scaffold(project: Path) -> None:
    (project / "guideline_data" / "glossary.yml").unlink(missing_ok=True)
    assert run_in(project, "guideline.cli", "schema").returncode == 0
    schema = (project / "guideline_data" / "schema" / "glossary.schema.json").read_text(encoding="utf-8")
    assert '"x-refers-to": "role"' in schema
    scaffolded = run_in(project, "guideline.cli", "new", "glossary")
    assert scaffolded.returncode == 0, scaffolded.stdout + scaffolded.stderr
    text = (project / "guideline_data" / "glossary.yml").read_text(encoding="utf-8")
    assert "    ask: Bitte ausfüllen\n" in text  # never a role chosen for the contributor
    assert "vorhanden: social-media-lead" in text  # the existing roles, found through the declaration
    (project / "guideline_data" / "glossary.yml").unlink()


def test_the_new_kind_is_optional(project: Path, tmp_path: Path) -> None:
    (project / "guideline_data" / "glossary.yml").unlink(missing_ok=True)
    result = run_in(project, "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "glossar").exists()
    assert (tmp_path / "site" / "szenarien" / "index.html").is_file()
