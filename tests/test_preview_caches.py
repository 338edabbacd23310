"""The live preview's caches: an unchanged data file is not loaded again, an unchanged page not rendered again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from guideline.plan import scenarios
from guideline.preview import parse_cache, render_cache
from guideline.preview.caches import PreviewCaches
from guideline.preview.search_index import entries_by_page, merge_search_index
from guideline.preview.staging import stage_pages
from guideline.render.markdown import RenderedPage
from guideline.site import build_preview, build_site, check_site
from support import GOLDEN_DATA, REPO_ROOT


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(GOLDEN_DATA, tmp_path / "guideline_data"))


def counted_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    loads: list[str] = []
    original = parse_cache.load_yaml

    def load(path, content):  # type: ignore[no-untyped-def]
        loads.append(str(path))
        return original(path, content)

    monkeypatch.setattr(parse_cache, "load_yaml", load)
    return loads


def test_a_rebuild_loads_only_the_edited_file_and_renders_the_same_site(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    caches = PreviewCaches()
    loads = counted_loads(monkeypatch)
    build_site(data, data.parent, caches)
    files = len(loads)
    scenario = data / "scenarios" / "krise.yml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("title: Shitstorm", "title: Sturm"),
                        encoding="utf-8")

    cached = build_site(data, data.parent, caches)

    assert files > 10
    assert loads[files:] == [f"{data.name}/scenarios/krise.yml"]
    assert cached.pages == build_site(data, data.parent).pages
    assert 0 < caches.render.rendered < len(cached.pages) / 2


def rendered_pages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    rendered: list[str] = []
    original = render_cache.render_page

    def render(environment, page):  # type: ignore[no-untyped-def]
        rendered.append(page.src_uri)
        return original(environment, page)

    monkeypatch.setattr(render_cache, "render_page", render)
    return rendered


def made_scenario_pages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made: list[str] = []
    original = scenarios._scenario_page

    def make(parsed, *rest):  # type: ignore[no-untyped-def]
        made.append(parsed.model.id)
        return original(parsed, *rest)

    monkeypatch.setattr(scenarios, "_scenario_page", make)
    return made


def test_a_step_edit_makes_and_renders_only_its_scenario_page(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    caches = PreviewCaches()
    build_site(data, data.parent, caches)
    rendered, made = rendered_pages(monkeypatch), made_scenario_pages(monkeypatch)
    scenario = data / "scenarios" / "krise.yml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace(
        "action: Geplante Beiträge pausieren.", "action: Geplante Beiträge sofort pausieren."), encoding="utf-8")

    cached = build_site(data, data.parent, caches)

    assert made == ["krise"]  # the other scenario's page is known unchanged by its inputs, not made to compare
    assert "szenarien/krise.md" in rendered and "szenarien/beschwerde.md" not in rendered
    assert "sofort pausieren" in next(p.markdown for p in cached.pages if p.src_uri == "szenarien/krise.md")
    assert cached.pages == build_site(data, data.parent).pages


def test_an_edit_outside_the_scenarios_renders_the_scenario_pages_that_show_it(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    caches = PreviewCaches()
    build_site(data, data.parent, caches)
    rendered = rendered_pages(monkeypatch)
    contacts = data / "contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("+49 30 23125 101", "+49 30 23125 109"),
                        encoding="utf-8")

    cached = build_site(data, data.parent, caches)

    assert {"szenarien/krise.md", "szenarien/beschwerde.md"} <= set(rendered)
    assert cached.pages == build_site(data, data.parent).pages
    assert any("23125 109" in page.markdown for page in cached.pages if page.src_uri.startswith("szenarien/"))


def test_a_rebuild_without_changes_renders_no_page(data: Path) -> None:
    caches = PreviewCaches()
    first = build_site(data, data.parent, caches)
    assert caches.render.rendered == len(first.pages)
    assert build_site(data, data.parent, caches).pages == first.pages
    assert caches.render.rendered == 0


def test_an_edited_template_renders_every_page_again(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fingerprint = ["vorher"]
    monkeypatch.setattr(render_cache, "templates_fingerprint", lambda: fingerprint[0])
    caches = PreviewCaches()
    pages = build_site(data, data.parent, caches).pages
    build_site(data, data.parent, caches)
    assert caches.render.rendered == 0
    fingerprint[0] = "nachher"
    build_site(data, data.parent, caches)
    assert caches.render.rendered == len(pages)


def test_the_templates_fingerprint_changes_with_any_template_file(tmp_path: Path) -> None:
    templates = Path(shutil.copytree(render_cache.TEMPLATES, tmp_path / "templates"))
    before = render_cache.templates_fingerprint(templates)
    page = next(templates.glob("*.md.j2"))
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert render_cache.templates_fingerprint(templates) != before


def test_a_copied_scenario_with_a_taken_id_is_reported_with_the_cache_too(data: Path) -> None:
    caches = PreviewCaches()
    build_preview(data, data.parent, caches)
    shutil.copy(data / "scenarios" / "krise.yml", data / "scenarios" / "krise-kopie.yml")

    with_cache = build_preview(data, data.parent, caches).report
    assert [d.code for d in with_cache.errors] == ["G114"]
    assert with_cache == build_preview(data, data.parent).report

    (data / "scenarios" / "krise.yml").unlink()  # now the copy is merely misnamed
    assert [d.code for d in build_preview(data, data.parent, caches).report.errors] == ["G113"]


def page(src_uri: str, text: str) -> RenderedPage:
    return RenderedPage(src_uri=src_uri, title=text, markdown=text, edit_path=None)


def test_staging_writes_only_changed_pages_and_removes_gone_ones(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    staged = stage_pages(folder, [page("a.md", "A"), page("b/index.md", "B")], {})
    (folder / "a.md").write_text("A", encoding="utf-8")  # same text, but a new time: it must not be written again
    a_time = (folder / "a.md").stat().st_mtime_ns

    staged = stage_pages(folder, [page("a.md", "A"), page("c.md", "C")], staged)

    assert staged == {"a.md": "A", "c.md": "C"}
    assert (folder / "a.md").stat().st_mtime_ns == a_time
    assert not (folder / "b" / "index.md").exists()
    assert (folder / "c.md").read_text(encoding="utf-8") == "C"


def test_a_new_preview_starts_from_an_empty_pages_folder(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "alt").mkdir(parents=True)
    (folder / "alt" / "verwaist.md").write_text("x", encoding="utf-8")
    stage_pages(folder, [page("a.md", "A")], {})
    assert sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*")) == ["a.md"]


def test_the_search_index_keeps_pages_not_rebuilt_and_drops_pages_gone() -> None:
    before = [{"location": "", "title": "Start"}, {"location": "alt/", "title": "Alt"},
              {"location": "b/", "title": "B vorher"}, {"location": "b/#x", "title": "X „ü“", "n": 1.5}]
    previous = entries_by_page(before)
    partial = json.dumps({"config": {"lang": ["de"]}, "docs": [{"location": "b/", "title": "B neu"}]})

    merged = merge_search_index(partial, previous, frozenset({"b/"}), ["", "b/", "neu/"])

    whole = {"config": {"lang": ["de"]}, "docs": [{"location": "", "title": "Start"}, {"location": "b/", "title": "B neu"}]}
    assert merged.text == json.dumps(whole, separators=(",", ":"))  # as encoding the whole index writes it
    assert merged.entries == {"": '{"location":"","title":"Start"}', "b/": '{"location":"b/","title":"B neu"}',
                              "neu/": ""}
    again = merge_search_index(json.dumps({"config": {}, "docs": []}), entries_by_page(before), frozenset(),
                               ["", "alt/", "b/"])
    assert again.text == json.dumps({"config": {}, "docs": before}, separators=(",", ":"))


def test_the_preview_reports_a_vanished_address_like_check(tmp_path: Path) -> None:
    data = Path(shutil.copytree(REPO_ROOT / "example_data", tmp_path / "guideline_data"))
    caches = PreviewCaches()
    assert not build_preview(data, tmp_path, caches).report.errors
    (data / "scenarios" / "produktidee.yml").unlink()

    report = build_preview(data, tmp_path, caches).report

    assert [d.code for d in report.errors] == ["G404"]
    assert report == check_site(data, tmp_path)
