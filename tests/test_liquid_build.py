"""Liquid in real builds: what a reader sees once MkDocs and Material have rendered the posts."""

from __future__ import annotations

import pytest
from conftest import Site, text_of
from mkdocs.exceptions import Abort

FIRST = "/town/2025/03/04/first-story.html"
LINKED = "/2025/03/05/linked.html"


def write_post(site: Site, name: str, body: str, front: str = "title: Linked") -> None:
    site.write(f"_posts/{name}", f"---\n{front}\n---\n{body}\n")


def test_post_body_liquid_is_rendered_before_markdown(minimal_site: Site) -> None:
    minimal_site.write("_includes/box.html", "**{{ include.word }}** from {{ site.title }}\n")
    write_post(minimal_site, "2025-03-05-linked.md", (
        "Hello from {{ page.title | upcase }}.\n\n"
        '{% include box.html word="Boxed" %}\n\n'
        "See [the first story]({% post_url 2025-03-04-first-story %}) and "
        "[it again]({% link _posts/2025-03-04-first-story.md %}).\n\n"
        "{% raw %}{{ kept }}{% endraw %}\n"))
    page = minimal_site.build().page(LINKED)
    body = page.select_one("article .md-content__inner, article") or page
    assert "Hello from LINKED." in text_of(body)
    strong = page.find("strong", string="Boxed")
    assert strong is not None
    assert "from Minimal" in text_of(strong.parent)
    hrefs = {a.get_text(): a["href"] for a in page.find_all("a") if a.get_text() in (
        "the first story", "it again")}
    assert hrefs == {"the first story": FIRST, "it again": FIRST}
    assert "{{ kept }}" in text_of(page)
    assert minimal_site.warnings() == []


def test_highlight_becomes_a_highlighted_code_block(minimal_site: Site) -> None:
    config = minimal_site.root / "mkdocs.yml"
    config.write_text(config.read_text() + "markdown_extensions:\n  - pymdownx.highlight\n"
                      "  - pymdownx.superfences\n")
    write_post(minimal_site, "2025-03-05-linked.md", (
        "Code:\n\n{% highlight python linenos %}\ndef f():\n    return {{ 1 | plus: 1 }}\n"
        "{% endhighlight %}\n"))
    page = minimal_site.build().page(LINKED)
    block = page.select_one(".highlight")
    assert block is not None
    assert "return 2" in text_of(block.select_one("code:not(.linenos)") or block)
    assert block.select(".linenos, .linenodiv, [data-linenos]"), block


def test_markdown_links_to_post_files_resolve_to_jekyll_urls(minimal_site: Site) -> None:
    write_post(minimal_site, "2025-03-05-linked.md",
               "[same folder](2025-03-04-first-story.md) and "
               "[up and down](../_posts/2025-03-04-first-story.md)")
    minimal_site.write("world/_posts/2025-03-06-abroad.md",
                       "---\ntitle: Abroad\n---\n[home](../../_posts/2025-03-04-first-story.md)\n")
    site = minimal_site.build()
    hrefs = {a.get_text(): a["href"] for a in site.page(LINKED).find_all("a")}
    assert hrefs["same folder"].endswith("town/2025/03/04/first-story.html")
    assert hrefs["up and down"] == hrefs["same folder"]
    abroad = {a.get_text(): a["href"] for a in site.page("/world/2025/03/06/abroad.html")
              .find_all("a")}
    assert abroad["home"].endswith("town/2025/03/04/first-story.html")
    assert site.warnings() == []


def test_site_posts_newest_first_and_data(minimal_site: Site) -> None:
    minimal_site.write("_data/desks.yml", "- name: Harbour\n- name: City\n")
    write_post(minimal_site, "2025-03-05-linked.md", (
        "Titles: {{ site.posts | map: 'title' | join: ' / ' }}.\n\n"
        "Desks: {{ site.data.desks | map: 'name' | array_to_sentence_string }}."))
    page = minimal_site.build().page(LINKED)
    assert "Titles: Linked / First story." in text_of(page)
    assert "Desks: Harbour and City." in text_of(page)


def test_liquid_false_leaves_bodies_as_typed(minimal_site: Site) -> None:
    config = minimal_site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - jekyll\n", "  - jekyll:\n      liquid: false\n"))
    write_post(minimal_site, "2025-03-05-linked.md", "Typed {{ page.title }} as is.")
    assert "Typed {{ page.title }} as is." in text_of(minimal_site.build().page(LINKED))


@pytest.mark.parametrize(("body", "words"), [
    ("One\n\n{% nosuchtag %}", ["_posts/2025-03-05-linked.md", "(line 6)", "nosuchtag"]),
    ("{{ 'x' | nosuchfilter }}", ["_posts/2025-03-05-linked.md", "(line 4)", "nosuchfilter"]),
    ("{% post_url 2025-01-01-missing %}", ["_posts/2025-03-05-linked.md",
                                           "2025-01-01-missing", "no published post"]),
    ("{% include ../../etc/passwd %}", ["_posts/2025-03-05-linked.md", "../../etc/passwd"]),
])
def test_liquid_errors_stop_the_build_naming_the_post(minimal_site: Site, body: str,
                                                      words: list[str]) -> None:
    write_post(minimal_site, "2025-03-05-linked.md", body)
    with pytest.raises(Abort):
        minimal_site.build()
    for word in words:
        assert word in minimal_site.errors(), minimal_site.errors()


def test_warn_mode_keeps_unknown_tags_as_text(minimal_site: Site) -> None:
    config = minimal_site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  - jekyll\n", "  - jekyll:\n      liquid_on_error: warn\n"))
    write_post(minimal_site, "2025-03-05-linked.md",
               "A {% gist 12345 %} and {{ 'x' | nosuchfilter }} and {{ page.title }}.")
    site = minimal_site.build(strict=False)
    article = text_of(site.page(LINKED).select_one("article"))
    assert "A {% gist 12345 %} and {{" in article  # kept as typed (quotes curl, as kramdown's)
    assert "| nosuchfilter }} and Linked." in article
    warnings = site.warnings()
    assert any("gist" in w and "_posts/2025-03-05-linked.md" in w for w in warnings), warnings
    assert any("nosuchfilter" in w for w in warnings), warnings


def test_include_change_rerenders_on_the_next_serve_build(minimal_site: Site) -> None:
    """As `mkdocs serve` does: the config is loaded again for each build, the plugin is kept."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig

    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    minimal_site.write("_includes/box.html", "first version")
    write_post(minimal_site, "2025-03-05-linked.md", "{% include box.html %}")

    def rebuild() -> int:
        config = load_config(str(minimal_site.root / "mkdocs.yml"),
                             site_dir=str(minimal_site.out))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
        return int(config.plugins["jekyll"].liquid.rendered)

    assert rebuild() == 1
    assert "first version" in text_of(minimal_site.page(LINKED))
    assert rebuild() == 0  # nothing changed: the memo served the render
    minimal_site.write("_includes/box.html", "second version")
    assert rebuild() == 1
    assert "second version" in text_of(minimal_site.page(LINKED))


def test_demo_posts_use_liquid(demo_site: Site) -> None:
    seawall = demo_site.page("/news/2025/09/02/council-approves-seawall-budget.html")
    related = seawall.select_one("aside.ledger-related")
    assert text_of(related.select_one("strong")) == "More on storms and flooding"
    assert [a["href"] for a in related.select("a")] == [
        "/news/2025/09/19/storm-drill-tests-emergency-alerts.html"]
    tidal = demo_site.page("/science/2025/09/03/tidal-sensors-map-harbour-in-real-time.html")
    code = tidal.select_one(".highlight")
    assert "def parse_reading(line):" in code.select_one("td.code").get_text()
    assert text_of(code.select_one(".linenos")).split() == ["1", "2", "3", "4", "5"]
    assert "/news/2025/09/02/council-approves-seawall-budget.html" in [
        a["href"] for a in tidal.select("article a")]
    correction = demo_site.page("/news/2025/09/09/correction-ferry-fare-figures.html")
    link = correction.find("a", string="article published on 21 August")
    assert link["href"] == "/news/2025/08/21/ferry-timetable-overhaul-promised-for-autumn.html"


def test_links_from_pages_and_between_post_folders_resolve(minimal_site: Site) -> None:
    minimal_site.write("about.md", "# About\n\nOur [first story](_posts/2025-03-04-first-story.md"
                                   "#top) and [a missing page](missing.md).\n")
    minimal_site.write("posts/2025-03-07-native.md",
                       "---\ntitle: Native\ndate: 2025-03-07\n---\n"
                       "[back](../_posts/2025-03-04-first-story.md)\n")
    site = minimal_site.build(strict=False)
    about = {a.get_text(): a["href"] for a in site.page("/about/").find_all("a")}
    assert about["first story"] == "../town/2025/03/04/first-story.html#top"
    native = {a.get_text(): a["href"] for a in site.page("/2025/03/07/native.html").find_all("a")}
    assert native["back"].endswith("town/2025/03/04/first-story.html")
    warnings = site.warnings()
    assert [w for w in warnings if "missing.md" in w]  # a real broken link still warns
    assert not [w for w in warnings if "first-story" in w], warnings


@pytest.mark.parametrize(("markdown", "expected"), [
    ("[a](2025-03-04-x.md)", "[a](2025-03-04-x.md)"),  # the copies sit side by side already
    ("[a](../_posts/2025-03-04-x.md#h)", "[a](2025-03-04-x.md#h)"),
    ('[a](<../_posts/2025-03-04-x.md> "t")', '[a](<2025-03-04-x.md> "t")'),
    ("[a](https://e.org/2025-03-04-x.md)", "[a](https://e.org/2025-03-04-x.md)"),
    ("[a](other.md)", "[a](other.md)"),
])
def test_rewrite_post_links_table(markdown: str, expected: str) -> None:
    from mkdocs_jekyll.jekyll.postlinks import rewrite_post_links

    copies = {"_posts/2025-03-04-x.md": "posts/_posts/2025-03-04-x.md",
              "_posts/2025-03-05-y.md": "posts/_posts/2025-03-05-y.md"}
    assert rewrite_post_links(markdown, "_posts/2025-03-05-y.md", "posts/_posts/2025-03-05-y.md",
                              copies) == expected
