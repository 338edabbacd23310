"""The shipped example's names, derived from example_data/, and a search for them in built sites and text.

An organisation's guideline must not show anything of the example: tests/test_second_guideline.py and
tests/test_adopt.py build other guidelines and search every built file for these names.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from support import REPO_ROOT

EXAMPLE = REPO_ROOT / "example_data"
UTILITY = REPO_ROOT / "tests" / "fixtures" / "utility"

LEGAL_FORMS = frozenset({"gmbh", "ag", "kg", "se", "e.v.", "eg", "ug", "co.", "&"})
TITLES = frozenset({"dr.", "prof."})
PRODUCT_WORDS = (
    "Kochstudio", "Küchenwissen", "Backofen", "Kochfeld", "Dunstabzüge", "Geschirrspüler", "Dampfgarer",
    "Live-Kochen", "Kochkurs", "Einbaugerät", "Frau Schröder", "produktfehler", "produktidee",
    "shitstorm-ohne-produktbezug", "azubi-social-media", "instagram-azubis",
)
"""Words and ids that only the example's product company uses; each must still occur in example_data/."""

SOURCES = ("hooks", "launcher", "docs", "README.md", "CONTRIBUTING.md", "mkdocs.yml", "build.py", "pyproject.toml")
"""What the generator is made of: code, templates, messages and docs, which must fit any organisation."""


# --- the example's names, derived from its data -------------------------------------------------------


def read_yaml(folder: Path, name: str) -> dict:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def example_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(EXAMPLE.rglob("*.yml")))


def organisation_names(folder: Path) -> tuple[str, ...]:
    """Return an organisation's full name and each distinctive word of it (legal forms left out)."""
    name = read_yaml(folder, "organisation.yml")["name"]
    words = [word for word in name.split() if word.casefold() not in LEGAL_FORMS]
    return (name, *words)


def domains(text: str) -> tuple[str, ...]:
    """Return every *.example host in a text, and the name each is registered under (e.g. 'acme')."""
    hosts = set(re.findall(r"[a-z0-9][a-z0-9.-]*\.example\b", text.casefold()))
    stems = {host.split(".")[-2] for host in hosts}
    return tuple(sorted(hosts | stems))


def person_names(folder: Path) -> tuple[str, ...]:
    """Return the names of the people in contacts.yml (the role holders and the crisis team), titles left out."""
    contacts = read_yaml(folder, "contacts.yml")
    crisis_team = contacts.get("crisis_team") or {}
    people = [person["name"] for person in contacts.get("people", ())]
    for member in crisis_team.get("members", ()):
        people += [member["member"]["name"], member["deputy"]["name"]]
    return tuple(sorted({" ".join(w for w in name.split() if w.casefold() not in TITLES) for name in people}))


def example_names() -> tuple[str, ...]:
    """Return every name that marks a text as the example's."""
    names = (*organisation_names(EXAMPLE), *domains(example_text()), *person_names(EXAMPLE), *PRODUCT_WORDS)
    unique = {name.casefold(): name for name in names}  # 'Acme' as a word and 'acme' as a domain are one name
    return tuple(sorted(unique.values(), key=str.casefold))


# --- searching built sites and output -------------------------------------------------------------------


def readable_text(path: Path) -> str | None:
    """Return a file's text as a reader or crawler sees it (unzipped, entities and JSON escapes resolved)."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None  # images and fonts carry no text
    if path.suffix == ".json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


def names_in(text: str, names: tuple[str, ...]) -> list[str]:
    folded = text.casefold()
    return [name for name in names if name.casefold() in folded]


def leftovers(site: Path, names: tuple[str, ...]) -> dict[str, list[str]]:
    """Map each file of a built site that contains any of the names to the names it contains."""
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        text = readable_text(path)
        hits = names_in(text, names) if text is not None else []
        if hits:
            found[path.relative_to(site).as_posix()] = hits
    return found


def source_files() -> Iterator[Path]:
    for name in SOURCES:
        path = REPO_ROOT / name
        if path.is_file():
            yield path
        else:
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and "__pycache__" not in p.parts)
