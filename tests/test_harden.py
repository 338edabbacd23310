"""The Content-Security-Policy of built pages (guideline.harden): hashes, the <meta> tag, the site, nginx.

Small pages are written inline; the shipped site (the session's `built_site`, built by plain MkDocs
through the hook) must already carry exactly what `python -m guideline.cli csp` would write.
"""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from guideline import cli
from guideline.harden.nginx import NginxConfigError, nginx_policy, with_nginx_policy
from guideline.harden.page import PageOutline, _OutlineReader, outline_page, secure_page
from guideline.harden.policy import hash_source, header_policy, live_preview_policy, page_policy
from guideline.harden.site import secure_site, site_header_policy, site_pages
from hypothesis import given, settings
from hypothesis import strategies as st

FIXED = (
    "style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
HELLO = "alert('Hello, world.');"
HELLO_HASH = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"  # the example in MDN's CSP documentation


def policy(*script_sources: str) -> str:
    script_src = " ".join(["script-src", "'self'", *script_sources])
    return f"default-src 'self'; {script_src}; {FIXED}"


def page(head: str, body: str = "") -> str:
    return (
        f'<!doctype html>\n<html lang="de">\n  <head>\n    <meta charset="utf-8">{head}\n  </head>\n'
        f"  <body>{body}</body>\n</html>\n"
    )


def meta_of(html: str) -> list[str]:
    """Return the content of every CSP <meta>, parsed by BeautifulSoup."""
    soup = BeautifulSoup(html, "html.parser")
    return [str(tag["content"]) for tag in soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})]


# --- the policy -----------------------------------------------------------------------------------


def test_a_script_is_allowed_by_the_sha256_of_its_text() -> None:
    assert hash_source(HELLO) == HELLO_HASH
    assert hash_source("a()\r\nb()") == hash_source("a()\rb()") == hash_source("a()\nb()")  # as the browser reads it


def test_a_page_policy_allows_its_scripts_once_each_in_page_order() -> None:
    assert page_policy([HELLO, "b()", HELLO]) == policy(HELLO_HASH, hash_source("b()"))
    assert page_policy([]) == policy()


def test_the_live_preview_allows_any_inline_script_and_names_no_hash() -> None:
    assert live_preview_policy() == policy("'unsafe-inline'")  # a hash would switch 'unsafe-inline' off


def test_the_header_policy_allows_every_pages_scripts_sorted_and_forbids_framing() -> None:
    sources = [hash_source("b()"), HELLO_HASH, hash_source("b()")]
    assert header_policy(sources) == policy(*sorted(set(sources))) + "; frame-ancestors 'none'"


# --- one page -------------------------------------------------------------------------------------


def test_a_page_with_two_scripts_gets_both_hashes_first_in_head() -> None:
    html = page(f"<script>{HELLO}</script>", "<p>Text</p><script>b()</script>")
    secured = secure_page(html)
    assert meta_of(secured) == [policy(HELLO_HASH, hash_source("b()"))]
    assert BeautifulSoup(secured, "html.parser").head.find(True).get("http-equiv") == "Content-Security-Policy"
    assert secured.replace(f'<meta http-equiv="Content-Security-Policy" content="{meta_of(secured)[0]}">', "") == html


def test_a_page_without_scripts_allows_only_the_sites_own_files() -> None:
    assert meta_of(secure_page(page("<title>Leer</title>"))) == [policy()]


def test_a_changed_script_changes_the_hash() -> None:
    before = meta_of(secure_page(page("<script>a(1)</script>")))
    after = meta_of(secure_page(page("<script>a(2)</script>")))
    assert before != after
    assert after == [policy(hash_source("a(2)"))]


@pytest.mark.parametrize(
    "existing",
    [
        '<meta http-equiv="Content-Security-Policy" content="script-src \'unsafe-inline\'">',
        "<META HTTP-EQUIV=content-security-policy CONTENT=\"default-src *\" />",
    ],
)
def test_an_existing_policy_is_replaced_not_duplicated(existing: str) -> None:
    html = page(f"{existing}<script>a()</script>").replace("<head>", f"<head>{existing}")
    secured = secure_page(html)
    assert meta_of(secured) == [policy(hash_source("a()"))]
    assert secure_page(secured) == secured  # a second run changes nothing: the hook and build.py agree


@pytest.mark.parametrize(
    "script",
    [
        "<!-- <script>a()</script> -->",
        '<script src="assets/bundle.js">a()</script>',
        '<script id="__config" type="application/json">{"a": 1}</script>',
        "<script></script>",
    ],
)
def test_scripts_the_browser_does_not_run_inline_get_no_hash(script: str) -> None:
    assert outline_page(page(script)).inline_scripts == ()
    assert meta_of(secure_page(page(script))) == [policy()]


def test_the_hash_covers_the_scripts_raw_text() -> None:
    # Script text is raw: the browser runs (and hashes) "&amp;" as it stands, never as "&".
    scripts = '<script type="module">if (a &amp;&amp; b) {}</script><script type=" Text/JavaScript ">c()</script>'
    assert outline_page(page(scripts)).inline_scripts == ("if (a &amp;&amp; b) {}", "c()")


def test_a_page_without_head_tag_gets_its_policy_where_the_head_begins() -> None:
    assert secure_page('<html lang="de"><title>x</title>').startswith('<html lang="de"><meta http-equiv=')
    assert secure_page("<!DOCTYPE html><title>x</title>").startswith("<!DOCTYPE html><meta http-equiv=")
    assert secure_page("<title>x</title>").startswith("<meta http-equiv=")


# --- a built site ---------------------------------------------------------------------------------


def write_site(root: Path) -> Path:
    (root / "rollen").mkdir(parents=True)
    (root / "index.html").write_text(page(f"<script>{HELLO}</script>"), encoding="utf-8")
    (root / "rollen" / "index.html").write_bytes(page("<script>b()\r\n</script>").encode("utf-8"))
    (root / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    return root


def test_secure_site_writes_each_pages_own_policy_and_only_that(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    before = (site / "rollen" / "index.html").read_bytes()
    assert [str(name) for name in secure_site(site).lacking] == ["index.html", "rollen/index.html"]
    after = (site / "rollen" / "index.html").read_bytes()
    assert meta_of(after.decode("utf-8")) == [policy(hash_source("b()\n"))]
    assert after == secure_page(before.decode("utf-8")).encode("utf-8")  # its CRLF kept: only the policy is new
    assert (site / "sitemap.xml").read_text(encoding="utf-8") == "<urlset/>"
    assert secure_site(site).lacking == ()
    assert site_header_policy(site) == header_policy([HELLO_HASH, hash_source("b()\n")])


def test_the_csp_command_writes_then_checks_the_pages(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    out = io.StringIO()
    assert cli.main(["csp", "--site-dir", str(site), "--check", "--display-path", "site"], out=out) == 1
    assert out.getvalue().splitlines() == [
        "site/index.html: die Content-Security-Policy passt nicht zu den Inline-Skripten der Seite",
        "site/rollen/index.html: die Content-Security-Policy passt nicht zu den Inline-Skripten der Seite",
    ]
    out = io.StringIO()
    assert cli.main(["csp", "--site-dir", str(site), "--display-path", "site"], out=out) == 0
    assert out.getvalue() == (
        "Content-Security-Policy aus den Inline-Skripten jeder Seite: 2 Seiten in site/, davon 2 angepasst.\n"
    )
    assert cli.main(["csp", "--site-dir", str(site), "--check"], out=io.StringIO()) == 0
    assert cli.main(["csp", "--site-dir", str(tmp_path / "nichts")]) == 2


def test_the_quiet_csp_command_writes_the_pages_without_a_word(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    out = io.StringIO()
    assert cli.main(["csp", "--site-dir", str(site), "--quiet"], out=out) == 0
    assert out.getvalue() == ""
    assert cli.main(["csp", "--site-dir", str(site), "--check"], out=io.StringIO()) == 0


# --- the web server's header ----------------------------------------------------------------------

NGINX = """\
server {
    # add_header Content-Security-Policy "in a comment" always;
    add_header Content-Security-Policy "default-src 'self'" always;
    add_header X-Frame-Options "DENY" always;
}
"""


def test_the_nginx_header_is_read_and_replaced_in_place() -> None:
    assert nginx_policy(NGINX) == "default-src 'self'"
    updated = with_nginx_policy(NGINX, policy(HELLO_HASH))
    assert updated == NGINX.replace("default-src 'self'\"", policy(HELLO_HASH) + '"')
    assert nginx_policy(updated) == policy(HELLO_HASH)


@pytest.mark.parametrize("config", ["server {}\n", NGINX + NGINX])
def test_a_configuration_without_exactly_one_policy_header_is_refused(config: str) -> None:
    with pytest.raises(NginxConfigError, match="erwartet genau eine Zeile add_header Content-Security-Policy"):
        with_nginx_policy(config, policy())


def test_the_csp_command_brings_an_nginx_configuration_in_step(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    config = tmp_path / "nginx.conf"
    config.write_text(NGINX, encoding="utf-8")
    arguments = ["csp", "--site-dir", str(site), "--display-path", "site", "--nginx", str(config)]
    out = io.StringIO()
    assert cli.main([*arguments, "--check"], out=out) == 1
    assert out.getvalue().splitlines() == [
        f"{config}: die Content-Security-Policy passt nicht zu site/",
        f"    help: python -m guideline.cli csp --site-dir site --nginx {config}",
    ]
    assert cli.main(arguments, out=io.StringIO()) == 0
    assert nginx_policy(config.read_text(encoding="utf-8")) == site_header_policy(site)
    assert cli.main([*arguments, "--check"], out=io.StringIO()) == 0
    config.write_text("server {}\n", encoding="utf-8")
    assert cli.main(arguments, out=io.StringIO()) == 2


# --- the shipped site -----------------------------------------------------------------------------


def test_mkdocs_alone_already_writes_what_the_csp_command_would(built_site: Path) -> None:
    out = io.StringIO()
    assert cli.main(["csp", "--site-dir", str(built_site), "--check"], out=out) == 0, out.getvalue()



class _EveryTagInFull(_OutlineReader):
    """The outline's reader with the standard parser's start tag method: what its shortcut must agree with."""

    parse_starttag = HTMLParser.parse_starttag


def _outline_in_full(html: str) -> PageOutline:
    return outline_page(html, _EveryTagInFull)


def test_the_outline_of_every_built_page_is_the_standard_parsers(built_site: Path) -> None:
    for _, path in site_pages(built_site):
        html = path.read_text(encoding="utf-8")
        assert outline_page(html) == _outline_in_full(html), path


TAGS = st.sampled_from(["<a href='x>y'>", "<div title=\"<script>\">", "<svg><text>", "<p", "<b>", "</p>", "<br/>",
                        "<!-- <script>x</script> -->", "<style>a{}</style>", "<textarea><script>1</script></textarea>",
                        "<script>s()</script>", "<meta http-equiv='Content-Security-Policy' content='x'>",
                        "<img src=x onerror='<script>'>", "text", " ", "<", ">", "\"", "'", "<head>", "<html>",
                        "<title>", "</title>", "<!doctype html>", "<Script type=module>", "</script >", "\n"])


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(TAGS, max_size=30))
def test_the_outline_agrees_with_the_standard_parser_on_any_mix_of_tags(pieces: list[str]) -> None:
    html = "".join(pieces)
    assert outline_page(html) == _outline_in_full(html)
