"""A second guideline of a different kind of organisation builds, and nothing of the shipped example leaks into it.

tests/fixtures/utility/ is a complete guideline of a fictional municipal utility. It is built with
`mkdocs build --strict` in a project copy, as an organisation would build its own; then every file of the
built site and every line `check` prints is searched for the example's names. The names are derived from
example_data/ (organisation, e-mail and web domains, the people in contacts.yml) plus a short list of
product words, each of which must still occur in the example. A build with one name planted into a copy of
a template shows that the search finds a leftover, so the test cannot pass by finding nothing.

The utility also uses every kind of data the example needs less: a broadcast-only WhatsApp channel, length
limits, a control room on call around the clock, statements with a fixed wording, external parties acting in
steps and levels, its own matrix tasks and departments that send nobody to the team, with a reason. The built
pages show each of them, and a copy of the fixture broken in one place trips the check meant for it, at the
exact line.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from guideline.diagnostics import format_report
from guideline.model.schema import render_schemas
from guideline.site import check_site
from leftovers import (
    EXAMPLE,
    PRODUCT_WORDS,
    UTILITY,
    example_names,
    example_text,
    leftovers,
    names_in,
    organisation_names,
    person_names,
    read_yaml,
    readable_text,
    source_files,
)
from support import REPO_ROOT, make_project, mkdocs_build


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "guideline.cli", "--root", str(project), *args],
        cwd=project, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(project, "check", "--strict")


# --- fixtures ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def names() -> tuple[str, ...]:
    return example_names()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("utility"), UTILITY)


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    site_dir = project / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory: pytest.TempPathFactory, names: tuple[str, ...]) -> Path:
    """The utility built by a generator whose start page template still holds one of the example's names."""
    project = make_project(tmp_path_factory.mktemp("planted"), UTILITY)
    template = project / "hooks" / "guideline" / "render" / "templates" / "start.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + f"\nFragen beantwortet {person_names(EXAMPLE)[0]}.\n",
                        encoding="utf-8")
    site_dir = project / "site"
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


# --- the names ---------------------------------------------------------------------------------------


def test_the_example_names_are_derived_from_its_data(names: tuple[str, ...]) -> None:
    folded = {name.casefold() for name in names}
    organisation = read_yaml(EXAMPLE, "organisation.yml")["name"]
    assert organisation.casefold() in folded
    assert organisation.split()[0].casefold() in folded  # the distinctive first word, wherever it stands alone
    email_domain = read_yaml(EXAMPLE, "organisation.yml")["contact"]["email"].split("@")[1]
    assert email_domain in folded
    assert len(person_names(EXAMPLE)) >= 10
    assert all(name.casefold() in folded for name in person_names(EXAMPLE))


def test_every_product_word_still_occurs_in_the_example() -> None:
    text = example_text().casefold()
    assert [word for word in PRODUCT_WORDS if word.casefold() not in text] == []


def test_the_second_guideline_shares_no_name_with_the_example(names: tuple[str, ...]) -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(UTILITY.rglob("*.yml")))
    assert names_in(text, names) == []
    assert set(organisation_names(UTILITY)).isdisjoint(organisation_names(EXAMPLE))


# --- the second guideline builds, and only its own names appear -----------------------------------------


def test_check_passes_strictly_without_a_name_of_the_example(project: Path, names: tuple[str, ...]) -> None:
    result = run_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0 Fehler, 0 Warnungen"
    assert names_in(result.stdout + result.stderr, names) == []


def test_check_messages_about_broken_data_name_nothing_of_the_example(
        tmp_path: Path, names: tuple[str, ...]) -> None:
    project = make_project(tmp_path, UTILITY)
    scenario = project / "guideline_data" / "scenarios" / "busverspaetung.yml"
    broken = scenario.read_text(encoding="utf-8").replace("owner: community-manager", "owner: comunity-manager")
    broken = broken.replace("das ist ärgerlich!", "das ist ärgerlich, wir melden uns zeitnah!")
    scenario.write_text(broken, encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    assert "error[G201]" in result.stdout and "error[G306]" in result.stdout, result.stdout
    assert names_in(result.stdout + result.stderr, names) == []


def test_new_files_and_schemas_name_nothing_of_the_example(tmp_path: Path, names: tuple[str, ...]) -> None:
    project = make_project(tmp_path, UTILITY)
    written = []
    for kind, item in (("scenario", "neue-lage"), ("training", "neues-modul")):
        result = run_cli(project, "new", kind, item)
        assert result.returncode == 0, result.stdout + result.stderr
        written.append(result.stdout + result.stderr)
    written += [path.read_text(encoding="utf-8") for path in (project / "guideline_data").glob("*/neue*.yml")]
    assert len(written) == 4
    written += render_schemas().values()  # the field descriptions every editor shows
    assert [(text[:60], names_in(text, names)) for text in written if names_in(text, names)] == []


def test_the_pages_show_the_second_organisation(site: Path) -> None:
    organisation = read_yaml(UTILITY, "organisation.yml")
    start = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = start.select_one("article.md-content__inner")
    assert article is not None
    text = " ".join(article.get_text(" ").split())
    assert organisation["name"] in text
    assert organisation["contact"]["name"] in text
    scenarios = sorted(path.stem for path in (UTILITY / "scenarios").glob("*.yml"))
    assert all((site / "szenarien" / scenario / "index.html").is_file() for scenario in scenarios)


def test_no_file_of_the_site_holds_a_name_of_the_example(site: Path, names: tuple[str, ...]) -> None:
    files = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    assert {"index.html", "404.html", "search/search_index.json", "sitemap.xml", "sitemap.xml.gz"} <= files
    assert leftovers(site, names) == {}


def test_the_search_finds_a_planted_leftover(planted_site: Path, names: tuple[str, ...]) -> None:
    planted = person_names(EXAMPLE)[0]
    assert leftovers(planted_site, names) == {"index.html": [planted], "search/search_index.json": [planted]}


def test_code_templates_messages_and_docs_hold_no_name_of_the_example(names: tuple[str, ...]) -> None:
    found = {}
    for path in source_files():
        text = readable_text(path)
        hits = names_in(text, names) if text is not None else []
        if hits:
            found[path.relative_to(REPO_ROOT).as_posix()] = hits
    assert found == {}


# --- the new kinds apply: the built pages show them ----------------------------------------------------


def _article(site: Path, page: str) -> Tag:
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    assert article is not None, page
    return article


def _words(tag: Tag) -> str:
    """Return a tag's text as a reader sees it, whitespace collapsed."""
    return " ".join(tag.get_text().split())


def _section(article: Tag, anchor: str) -> list[Tag]:
    """Return the elements under the heading with this id, up to the next heading of the same or a higher level."""
    heading = article.select_one(f"#{anchor}")
    assert heading is not None and heading.name in {"h2", "h3"}, anchor
    elements = []
    for element in heading.find_next_siblings():
        if element.name in {"h1", "h2", "h3"} and element.name <= heading.name:
            break
        elements.append(element)
    return elements


def _items(elements: list[Tag]) -> list[str]:
    return [_words(item) for element in elements if element.name == "ul" for item in element.find_all("li")]


def _rows(elements: list[Tag]) -> list[list[str]]:
    """Return the body rows of the tables among the elements, each as the words of its cells."""
    tables = (element for element in elements if element.name == "table")
    return [[_words(cell) for cell in row.find_all("td")] for table in tables for row in table.tbody.find_all("tr")]


def test_the_statements_page_shows_the_boil_water_wording_literally(site: Path) -> None:
    statement = read_yaml(UTILITY / "statements", "abkochgebot.yml")
    section = _section(_article(site, "pflichttexte"), statement["id"])
    assert _words(section[0]) == "Muss wörtlich raus, spätestens 30 Minuten nach der Anordnung des Gesundheitsamts."
    assert [pre.get_text() for element in section for pre in element.select("pre")] == [statement["text"]]
    assert _items(section)[0] == "Kanäle: alle Kanäle: " + ", ".join(
        channel["name"] for channel in read_yaml(UTILITY, "channels.yml")["channels"])
    notice = _article(site, "szenarien/abkochgebot").select_one(".admonition.warning li")
    assert _words(notice) == (f"{statement['title']}: muss wörtlich raus, spätestens 30 Minuten nach der Anordnung "
                              "des Gesundheitsamts, auf allen Kanälen.")
    assert notice.a["href"] == "../../pflichttexte/#abkochgebot"


def test_the_parties_page_lists_the_health_office_with_a_number_to_tap(site: Path) -> None:
    parties = {party["id"]: party for party in read_yaml(UTILITY, "parties.yml")["parties"]}
    article = _article(site, "externe-stellen")
    health_office = parties["gesundheitsamt"]
    assert _words(article.select_one("h2#gesundheitsamt")).startswith(health_office["name"])
    first = article.select_one("h2#gesundheitsamt").find_next_sibling("ul").li
    call = first.select_one('a[href^="tel:"]')
    assert call["href"] == "tel:" + health_office["phone"].replace(" ", "")
    assert call.get_text() == health_office["phone"]
    police = _items(_section(article, "polizei"))
    assert "Kommt vor in: Der Ton wird rauer, Unfall im Freibad" in police
    assert "Informiert oder alarmiert auf: Krise" in _items(_section(article, "feuerwehr"))
    step = _article(site, "szenarien/abkochgebot").select_one("#schritte").find_next_sibling("ol").li
    assert step.a["href"] == "../../externe-stellen/#gesundheitsamt"


def test_the_whatsapp_channel_only_sends_and_the_others_have_length_limits(site: Path) -> None:
    article = _article(site, "kanaele")
    assert "Kanalart: nur senden (keine Kommentare)" in _items(_section(article, "whatsapp"))
    assert "Höchstlänge: 2200 Zeichen je Text" in _items(_section(article, "instagram"))
    assert "Höchstlänge: 3000 Zeichen je Text" in _items(_section(article, "linkedin"))
    assert not [item for item in _items(_section(article, "facebook")) if item.startswith(("Kanalart", "Höchstlänge"))]


def test_the_control_room_is_on_call_around_the_clock(site: Path) -> None:
    article = _article(site, "erreichbarkeit")
    shift = _items(_section(article, "netzleitstelle"))
    assert shift[:3] == ["Telefon: +49 30 23125 390", "Wer: Schichtleitung Netzleitstelle", "Wann: rund um die Uhr"]


def test_the_roles_page_shows_the_own_tasks_and_the_departments_outside_the_team(site: Path) -> None:
    tasks = read_yaml(UTILITY, "matrix.yml")["tasks"]
    article = _article(site, "rollen")
    assert _items(_section(article, "aufgaben")) == [f"{task['label']}: {task['description']}" for task in tasks]
    whatsapp = [row[0] for row in _rows(_section(article, "matrix-whatsapp"))]
    assert whatsapp == ["Warnung veröffentlichen", "Eskalation entscheiden", "Reporting"]  # no replying
    departments = {department["id"]: department for department in read_yaml(UTILITY, "departments.yml")["departments"]}
    for department in ("trinkwasserlabor", "baeder"):
        reason = departments[department]["team_exemption"]
        assert f"Im Social-Media-Team: niemand. Grund: {reason}" in _items(_section(article, f"abteilung-{department}"))
    on_call = _rows(_section(_article(site, "rollen/rufbereitschaft"), "matrix"))
    assert [row[:3] for row in on_call] == [["Facebook-Seite Stadtwerke Quellbrück", "Rufbereitschaft", "R"],
                                            ["Instagram @stadtwerke.quellbrueck", "Rufbereitschaft", "R"]]


# --- the new checks apply: a copy broken in one place trips them at the exact line ------------------------


BROKEN = (
    pytest.param(
        "matrix.yml", "  # --- LinkedIn",
        "  - channel: whatsapp\n    task: replying\n    responsible: community-manager\n"
        "    rhythm: Fragen aus dem Kanal laufend beantworten\n\n  # --- LinkedIn",
        """\
guideline_data/matrix.yml:132:11: error[G370]: auf dem Kanal 'whatsapp' senden wir nur (keine Kommentare), aber hier steht die Aufgabe 'Antworten'
    note: 'interaction: broadcast' steht in guideline_data/channels.yml:71
    help: lösch diese Zuordnung, oder setz beim Kanal 'interaction: dialog', wenn Leute dort kommentieren oder schreiben können
1 Fehler, 0 Warnungen""", id="G370-replying-on-whatsapp"),
    pytest.param(
        "scenarios/stromausfall.yml", "(Sie)\n    channels: [facebook]", "(Sie)\n    channels: [facebook, whatsapp]",
        """\
guideline_data/scenarios/stromausfall.yml:41:26: error[G371]: die Vorlage 'Antwort auf „Wann kommt der Strom wieder?“ (Sie)' ist für den Kanal 'whatsapp' gedacht, dort senden wir aber nur (keine Kommentare)
    note: 'interaction: broadcast' steht in guideline_data/channels.yml:71
    help: nimm 'whatsapp' aus 'channels:' der Vorlage, oder setz beim Kanal 'interaction: dialog'
1 Fehler, 0 Warnungen""", id="G371-reply-template-on-whatsapp"),
    pytest.param(
        "channels.yml", "max_length: 3000", "max_length: 280",
        """\
guideline_data/statements/abkochgebot.yml:9:7: error[G372]: der Pflichttext 'Abkochgebot für Trinkwasser' ist 485 Zeichen lang, der Kanal 'linkedin' erlaubt aber höchstens 280
    note: höchstens 280 Zeichen auf 'linkedin': guideline_data/channels.yml:100
    help: kürze den Text um mindestens 205 Zeichen, oder leg für 'linkedin' einen eigenen, kürzeren Text an
1 Fehler, 0 Warnungen""", id="G372-statement-longer-than-linkedin-allows"),
    pytest.param(
        "statements/abkochgebot.yml", "within: 30 min", "within: 45 min",
        """\
guideline_data/statements/abkochgebot.yml:16:11: error[G364]: die Frist des Pflichttextes 'abkochgebot' (45 Minuten) ist länger als die Reaktionszeit der Stufe 'versorgungsstoerung' (30 Minuten), mit der das Szenario 'abkochgebot' beginnt
    note: das Szenario verwendet den Text in guideline_data/scenarios/abkochgebot.yml:38
    note: die Reaktionszeit der Stufe steht in guideline_data/escalation.yml:46
    help: verkürze die Frist auf höchstens 30 Minuten
1 Fehler, 0 Warnungen""", id="G364-statement-deadline-beyond-level"),
    pytest.param(
        "parties.yml", "    keeper: netzleitstelle\n",
        "    keeper: netzleitstelle\n\n  - id: krisenstab\n    name: Krisenstab der Stadt Quellbrück\n    kind: authority\n"
        "    involve_when: Die Stadt ruft den Katastrophenfall aus.\n    phone: +49 30 23125 343\n"
        "    keeper: geschaeftsfuehrung\n",
        """\
guideline_data/parties.yml:35:9: error[G350]: die externe Stelle 'krisenstab' hat dieselbe ID wie eine Rolle
    note: die Rolle ist definiert in guideline_data/roles.yml:185
    note: Schritte, Eskalationen und Alarmierungen nennen Rollen und externe Stellen im selben Feld
    help: gib der externen Stelle eine eigene ID, z. B. 'krisenstab-extern', und passe die Verweise an
guideline_data/parties.yml:35:9: warning[G351]: die externe Stelle 'krisenstab' wird nirgends einbezogen
    note: kein Schritt, keine Eskalation, keine Eskalationsstufe und kein Notfall nennt sie
    help: trage 'krisenstab' dort ein, wo die Stelle einbezogen wird (z. B. unter 'informed:' einer Eskalationsstufe), oder lösche den Eintrag
1 Fehler, 1 Warnung""", id="G350-party-with-a-role-id"),
    pytest.param(
        "escalation.yml", "      - role: feuerwehr\n        via: [phone]", "      - role: feuerwehr\n        via: [messenger]",
        """\
guideline_data/escalation.yml:107:15: error[G353]: die externe Stelle 'feuerwehr' soll per Messenger alarmiert werden, aber externe Stellen erreicht ihr nicht über euren Messenger
    note: die Stelle ist definiert in guideline_data/parties.yml:26
    help: wähle unter 'via:' phone oder email
1 Fehler, 0 Warnungen""", id="G353-fire-service-alerted-by-messenger"),
    pytest.param(
        "scenarios/stromausfall.yml", "first_response: 30 min", "first_response: 3 h",
        """\
guideline_data/scenarios/stromausfall.yml:9:17: error[G373]: die Erstreaktionszeit (3 Stunden) ist länger, als die Stufe „Erhöhte Aufmerksamkeit“ erlaubt (2 Stunden)
    note: die Frist der Stufe steht in guideline_data/escalation.yml:23
    help: verkürze die Erstreaktionszeit auf höchstens 2 Stunden, oder beginne das Szenario auf einer Stufe, die so viel Zeit lässt
1 Fehler, 0 Warnungen""", id="G373-first-response-beyond-level"),
    pytest.param(
        "scenarios/rauer-ton.yml", "    to: polizei\n    level: versorgungsstoerung", "    to: polizei\n    level: alltag",
        """\
guideline_data/scenarios/rauer-ton.yml:27:12: error[G374]: die Eskalation führt auf die Stufe „Alltag“ mit 24 Stunden bis zur ersten Reaktion, das Szenario beginnt aber auf der Stufe „Erhöhte Aufmerksamkeit“ mit 2 Stunden
    note: die Frist der Stufe „Alltag“ steht in guideline_data/escalation.yml:10
    help: eskaliere auf eine Stufe, die mindestens so schnell reagiert, oder prüfe die Fristen der Stufen in escalation.yml
1 Fehler, 0 Warnungen""", id="G374-escalation-to-a-slower-level"),
    pytest.param(
        "contacts.yml", "    around_the_clock: true\n",
        '    around_the_clock: true\n    windows:\n      - days: [Sa, So]\n        start: "00:00"\n        end: "24:00"\n',
        """\
guideline_data/contacts.yml:106:7: error[G375]: die Rufbereitschaft 'Netzleitstelle' gilt rund um die Uhr und nennt zugleich Zeitfenster
    note: 'around_the_clock: true' steht in guideline_data/contacts.yml:104
    help: lösch die Zeitfenster unter 'windows:', oder lösch 'around_the_clock: true', wenn nur diese Zeitfenster gelten
1 Fehler, 0 Warnungen""", id="G375-around-the-clock-and-windows"),
    pytest.param(
        "departments.yml", "    team_exemption: Das Badpersonal", "    # team_exemption: Das Badpersonal",
        """\
guideline_data/departments.yml:29:9: error[G301]: die Abteilung 'baeder' spricht mit der Öffentlichkeit, hat aber keine Rolle im Social-Media-Team
    note: 'public_facing: true' steht in guideline_data/departments.yml:32
    note: Rollen dieser Abteilung: baederleitung (guideline_data/roles.yml:110)
    help: setze in roles.yml bei einer Rolle dieser Abteilung 'social_media_team: true', oder trag in departments.yml unter 'team_exemption:' ein, warum die Abteilung niemanden ins Team schickt
1 Fehler, 0 Warnungen""", id="G301-pools-without-a-reason"),
    pytest.param(
        "roles.yml", "    department: trinkwasserlabor\n", "    department: trinkwasserlabor\n    social_media_team: true\n",
        """\
guideline_data/departments.yml:27:21: warning[G380]: die Abteilung 'trinkwasserlabor' begründet, warum sie niemanden ins Social-Media-Team schickt, hat aber eine Rolle im Team
    note: im Social-Media-Team: laborleitung (guideline_data/roles.yml:99)
    help: entferne 'team_exemption', oder streich bei der Rolle 'social_media_team: true', wenn die Abteilung wirklich niemanden schickt
0 Fehler, 1 Warnung""", id="G380-lab-with-a-reason-and-a-team-role"),
)
"""Each: the file, the text replaced once, its replacement, and everything `check --strict` prints then."""


@pytest.mark.parametrize(("name", "old", "new", "expected"), BROKEN)
def test_a_copy_broken_in_one_place_trips_the_check_meant_for_it(
        tmp_path: Path, name: str, old: str, new: str, expected: str) -> None:
    data = tmp_path / "guideline_data"
    shutil.copytree(UTILITY, data)
    text = (data / name).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    (data / name).write_text(text.replace(old, new), encoding="utf-8")
    assert format_report(check_site(data, tmp_path)) == expected
