"""In Chromium: a repository on github.com in organisation.yml makes no page fetch anything from there.

Material's script asks api.github.com (or a GitLab host) for stars and forks of the repository the
header links to. The theme's source partial leaves out the mark that starts that script; this test
builds a guideline whose repository is on github.com and fails on any request to another host.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support import build_with_organisation

pytest.importorskip("playwright")

GITHUB_SITE = {
    "address": "https://leitfaden.stadtwerke.example/",
    "repository": "https://github.com/stadtwerke-example/leitfaden",
    "edit_base": "https://github.com/stadtwerke-example/leitfaden/edit/main/",
}


def test_a_github_repository_link_makes_no_request_to_github(
    open_context: Callable[..., object], tmp_path: Path
) -> None:
    from browser import serve_site

    site = build_with_organisation(tmp_path, {"site": GITHUB_SITE})
    with serve_site(site) as url:
        page = open_context().new_page()  # the fixture fails the test on any request to another host
        page.goto(url)
        page.wait_for_load_state("networkidle")
        source = page.locator("header a.md-source")
        assert source.get_attribute("href") == GITHUB_SITE["repository"]
        assert page.locator(".md-source__facts").count() == 0  # no stars and forks fetched and shown
