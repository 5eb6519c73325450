"""Unit tables for the Liquid core: each Jekyll filter and tag, the sandbox, and the limits."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from mkdocs_jekyll.jekyll.errors import ContentError
from mkdocs_jekyll.jekyll.liquid import LiquidSite, PostRenderer
from mkdocs_jekyll.jekyll.post import JekyllPost, read_post
from mkdocs_jekyll.jekyll.site import SiteSettings

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
SOURCE = "_posts/2025-03-04-story.md"


def make_post(source: str, body: str, front: str = "title: Story") -> tuple[JekyllPost, str]:
    text = f"---\n{front}\n---\n{body}"
    return read_post(source, text, SiteSettings(now=NOW)), text


class Rig:
    def __init__(self, root: Path, config: dict[str, object] | None = None,
                 fence: str = "superfences", tz: str = "UTC") -> None:
        self.root = root
        self.others = [make_post("_posts/2025-03-01-older.md", "Older.", "title: Older\n"
                                 "categories: [town]\ntags: [ships]")[0],
                       make_post("world/_posts/2025-03-02-abroad.md", "Abroad.",
                                 "title: Abroad")[0]]
        self.config = {"title": "Ledger", "url": "https://news.example.org", "baseurl": "/b",
                       **(config or {})}
        self.fence, self.tz = fence, ZoneInfo(tz)
        self.renderer = PostRenderer()
        self.on_error = "error"

    def render(self, body: str, front: str = "title: Story") -> str:
        post, text = make_post(SOURCE, body, front)
        site = LiquidSite(self.root, self.config, [post, *self.others], timezone=self.tz,
                          now=NOW, markdownify=lambda t: f"<p>{t}</p>", fence=self.fence,
                          file_url=lambda p: "/about/" if p == "about.md" else None)
        self.renderer.start(site, self.on_error)
        return self.renderer.render(post, body, lambda: text).text

    def error(self, body: str) -> str:
        with pytest.raises(ContentError) as caught:
            self.render(body)
        return str(caught.value)


@pytest.fixture
def rig(tmp_path: Path) -> Rig:
    return Rig(tmp_path)


FILTERS = [
    ("{{ '/a b/é' | relative_url }}", "/b/a%20b/%C3%A9"),
    ("{{ 'x.png' | relative_url }}", "/b/x.png"),
    ("{{ 'https://e.org/x' | relative_url }}", "https://e.org/x"),
    ("{{ '/x/' | absolute_url }}", "https://news.example.org/b/x/"),
    ("{{ '2025-03-03 09:05:07 +0000' | date_to_xmlschema }}", "2025-03-03T09:05:07+00:00"),
    ("{{ '2025-03-03 09:05:07 +0000' | date_to_rfc822 }}", "Mon, 03 Mar 2025 09:05:07 +0000"),
    ("{{ '2025-03-03' | date_to_string }}", "03 Mar 2025"),
    ("{{ '2025-03-01' | date_to_string: 'ordinal' }}", "1st Mar 2025"),
    ("{{ '2025-03-02' | date_to_string: 'ordinal', 'US' }}", "Mar 2nd, 2025"),
    ("{{ '2025-03-13' | date_to_long_string }}", "13 March 2025"),
    ("{{ '2025-03-23' | date_to_long_string: 'ordinal' }}", "23rd March 2025"),
    ("{{ '2025-03-11' | date_to_long_string: 'ordinal', 'US' }}", "March 11th, 2025"),
    ("{{ '' | date_to_string }}", ""),
    ("{{ 'a & <b> \"c\" it' | append: \"'s\" | xml_escape }}",
     "a &amp; &lt;b&gt; &quot;c&quot; it&apos;s"),
    ("{{ 'a b/c?d=e&f*~' | cgi_escape }}", "a+b%2Fc%3Fd%3De%26f%2A~"),
    ("{{ '/a b/é?q=[1]' | uri_escape }}", "/a%20b/%C3%A9?q=[1]"),
    ("{{ ' Hello, World! Ça_va ' | slugify }}", "hello-world-ça-va"),
    ("{{ 'Hello, World!' | slugify: 'pretty' }}", "hello,-world!"),
    ("{{ 'Hello  World!' | slugify: 'raw' }}", "hello-world!"),
    ("{{ 'Ça va' | slugify: 'ascii' }}", "a-va"),
    ("{{ 'Ça va' | slugify: 'latin' }}", "ca-va"),
    ("{{ 'Ça Va' | slugify: 'none' }}", "ça va"),
    ("{{ 'one two  three' | number_of_words }}", "3"),
    ("{{ '日本語 text' | number_of_words: 'cjk' }}", "4"),
    ("{{ '日本語 text' | number_of_words: 'auto' }}", "4"),
    ("{{ 'a,b,c' | split: ',' | array_to_sentence_string }}", "a, b, and c"),
    ("{{ 'a,b' | split: ',' | array_to_sentence_string: 'or' }}", "a or b"),
    ("{{ 'a' | split: ',' | array_to_sentence_string }}", "a"),
    ("{{ '*hi*' | markdownify }}", "<p>*hi*</p>"),
    ("{{ 'a \"q\" é' | jsonify }}", '"a \\"q\\" é"'),
    ("{{ site.posts | map: 'title' | jsonify }}", '["Story","Abroad","Older"]'),
    ("{{ site.posts | where: 'title', 'Older' | map: 'url' | first }}", "/town/2025/03/01/older.html"),
    ("{{ site.posts | where: 'tags', 'ships' | size }}", "1"),
    ("{{ site.posts | where_exp: 'p', \"p.title contains 'o'\" | map: 'title' | join: ',' }}",
     "Story,Abroad"),
    ("{% assign g = site.posts | group_by: 'categories' %}{{ g | map: 'name' | join: ',' }}",
     '[],["world"],["town"]'),  # Ruby's Array#to_s
    ("{{ site.posts | sort: 'title' | map: 'title' | join: ',' }}", "Abroad,Older,Story"),
    ("{{ site.posts | sort: 'nothing', 'last' | size }}", "3"),
    ("{{ '3,10,2' | split: ',' | sort | join: ',' }}", "10,2,3"),
]


@pytest.mark.parametrize(("template", "expected"), FILTERS)
def test_filter(rig: Rig, template: str, expected: str) -> None:
    assert rig.render(template) == expected


OBJECTS = [
    ("{{ page.title }} {{ page.url }} {{ page.id }}",
     "Story /2025/03/04/story.html /2025/03/04/story"),
    ("{{ page.date }}", "2025-03-04 00:00:00 +0000"),
    ("{{ page.mood }}", "calm"),
    ("{{ page.path }}", SOURCE),
    ("{{ site.title }} {{ site.url }}", "Ledger https://news.example.org"),
    ("{{ site.posts.first.title }} {{ site.posts | size }}", "Story 3"),
    ("{% for c in site.categories %}{{ c[0] }}={{ c[1].size }} {% endfor %}", "town=1 world=1 "),
    ("{{ site.tags.ships.first.title }}", "Older"),
    ("{{ site.time | date: '%Y' }}", "2026"),
]


@pytest.mark.parametrize(("template", "expected"), OBJECTS)
def test_objects(rig: Rig, template: str, expected: str) -> None:
    assert rig.render(template, "title: Story\nmood: calm") == expected


def test_site_data(rig: Rig) -> None:
    (rig.root / "_data" / "desks").mkdir(parents=True)
    (rig.root / "_data" / "desks" / "harbour.yml").write_text("editor: Ana\n")
    (rig.root / "_data" / "routes.json").write_text('[{"name": "North"}]')
    assert rig.render("{{ site.data.desks.harbour.editor }} {{ site.data.routes[0].name }}") == (
        "Ana North")


TAGS = [
    ("{% post_url 2025-03-01-older %}", "/b/town/2025/03/01/older.html"),
    ("{% post_url world/2025-03-02-abroad %}", "/b/world/2025/03/02/abroad.html"),
    ("{% link _posts/2025-03-01-older.md %}", "/b/town/2025/03/01/older.html"),
    ("{% link about.md %}", "/b/about/"),
    ("{% raw %}{{ x }}{% include y %}{% endraw %}", "{{ x }}{% include y %}"),
    ("{% highlight ruby %}\nputs 1\n{% endhighlight %}", "``` ruby\nputs 1\n```"),
    ("{% highlight py linenos %}\n\nx = {{ 1 | plus: 1 }}\n\n{% endhighlight %}",
     '``` py linenums="1"\nx = 2\n```'),
    ("{% highlight md %}\n```\ncode\n```\n{% endhighlight %}", "```` md\n```\ncode\n```\n````"),
    ("```\n{{ 1 | plus: 1 }}\n```", "```\n2\n```"),  # as Jekyll: only raw protects
]


@pytest.mark.parametrize(("template", "expected"), TAGS)
def test_tag(rig: Rig, template: str, expected: str) -> None:
    assert rig.render(template) == expected


@pytest.mark.parametrize(("fence", "expected"), [
    ("fenced_code", "``` ruby\na < b\n```"),
    ("html", '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">'
             "a &lt; b</code></pre></figure>"),
])
def test_highlight_follows_the_sites_extensions(tmp_path: Path, fence: str,
                                                expected: str) -> None:
    rig = Rig(tmp_path, fence=fence)
    assert rig.render("{% highlight ruby linenos %}\na < b\n{% endhighlight %}") == expected


def test_include_with_parameters_and_variable_names(rig: Rig) -> None:
    includes = rig.root / "_includes"
    (includes / "cards").mkdir(parents=True)
    (includes / "card.html").write_text("[{{ include.a }}|{{ include.b }}|{{ include.c }}]")
    (includes / "cards" / "note-x.html").write_text("note {{ include.n }}")
    assert rig.render('{% assign v = "var" %}{% include card.html a="dq" b=\'sq\' c=v %}') == (
        "[dq|sq|var]")
    assert rig.render('{% assign k = "x" %}{% include cards/note-{{ k }}.html n=page.title %}') == (
        "note Story")


def test_include_relative_reads_the_posts_folder(rig: Rig) -> None:
    (rig.root / "_posts").mkdir()
    (rig.root / "_posts" / "aside.html").write_text("aside for {{ page.title }}")
    assert rig.render("{% include_relative aside.html %}") == "aside for Story"


@pytest.mark.parametrize(("body", "words"), [
    ("{% include ../../etc/passwd %}", ["../../etc/passwd", "cannot climb out"]),
    ("{% include /etc/passwd %}", ["/etc/passwd", "absolute path"]),
    ("{% include_relative ../x.md %}", ["../x.md", "cannot climb out"]),
    ("{% include nope.html %}", ["_includes/nope.html", "does not exist"]),
    ("{% post_url 2024-01-01-nope %}", ["2024-01-01-nope", "no published post"]),
    ("{% link _posts/nope.md %}", ["_posts/nope.md", "no published file"]),
    ("{% for i in (1..1000000000) %}{% endfor %}", ["loop iteration limit"]),
    ("{% for i in (1..90000) %}{% endfor %}" * 12, ["1000000 loop iterations"]),
    ("{% for i in (1..99000) %}" + "x" * 100 + "{% endfor %}", ["output stream limit"]),
    ('{% assign s = "xxxxxxxxxx" %}' + "{% assign s = s | append: s %}" * 40,
     ["local namespace limit"]),
    ('{{ "yy" ' + ('| replace: "y", "' + "y" * 48 + '" ') * 8 + "| size }}",
     ["filter result could exceed"]),
    ("a\n\nb {{ x | nosuch }}", ["(line 6)", "nosuch"]),
    ("a\n{% nosuch %}", ["(line 5)", "nosuch"]),
])
def test_errors_name_the_post_and_line(rig: Rig, body: str, words: list[str]) -> None:
    message = rig.error(body)
    assert f"'{SOURCE}'" in message
    for word in words:
        assert word in message, message


def test_symlink_out_of_includes_is_refused(rig: Rig, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret")
    (rig.root / "_includes").mkdir()
    os.symlink(secret, rig.root / "_includes" / "leak.html")
    message = rig.error("{% include leak.html %}")
    assert "leads outside" in message
    assert "top secret" not in message


def test_include_loop_names_the_include(rig: Rig) -> None:
    (rig.root / "_includes").mkdir()
    (rig.root / "_includes" / "a.html").write_text("{% include b.html %}")
    (rig.root / "_includes" / "b.html").write_text("{% include a.html %}")
    message = rig.error("x\n{% include a.html %}")
    assert "(line 5)" in message
    assert "_includes/" in message
    assert "recursive include" in message


def test_error_line_counts_from_the_original_file_despite_the_excerpt_marker(rig: Rig) -> None:
    # the excerpt marker goes in after the first paragraph: lines after it must not shift
    message = rig.error("First paragraph.\n\nSecond.\n\n{{ x | nosuch }}")
    assert "(line 8)" in message


def test_no_python_objects_reach_templates(rig: Rig) -> None:
    assert rig.render("{{ page.date.year }}{{ page.date.__class__ }}{{ site.posts.__class__ }}"
                      "{{ page.title.upper }}") == ""


def test_warn_mode_keeps_the_unknown_tag_and_filter_as_text(rig: Rig) -> None:
    rig.on_error = "warn"
    post, text = make_post(SOURCE, "a {% gist 1 %} b {{ 'x' | nosuch }} {{ 'C' | downcase }}")
    site = LiquidSite(rig.root, rig.config, [post], now=NOW)
    rig.renderer.start(site, "warn")
    rendered = rig.renderer.render(post, post.body, lambda: text)
    assert rendered.text.startswith("a {% gist 1 %} b {{ 'x' | nosuch }} c")
    assert len(rendered.warnings) == 2
    assert all(w.path == SOURCE for w in rendered.warnings)


def test_bodies_without_liquid_are_not_rendered(rig: Rig) -> None:
    assert rig.render("Plain {text} with % signs and { braces }.") == (
        "Plain {text} with % signs and { braces }.")
    assert rig.renderer.rendered == 0


def test_memo_reuses_a_render_until_what_it_read_changes(rig: Rig) -> None:
    (rig.root / "_includes").mkdir()
    (rig.root / "_includes" / "a.html").write_text("one")
    assert rig.render("{% include a.html %} {% post_url 2025-03-01-older %}") == (
        "one /b/town/2025/03/01/older.html")
    assert rig.renderer.rendered == 1
    rig.render("{% include a.html %} {% post_url 2025-03-01-older %}")
    assert rig.renderer.rendered == 0
    (rig.root / "_includes" / "a.html").write_text("two")
    assert rig.render("{% include a.html %} {% post_url 2025-03-01-older %}").startswith("two")
    assert rig.renderer.rendered == 1
    rig.render("{{ site.time }}")
    rig.render("{{ site.time }}")
    assert rig.renderer.rendered == 0  # site.time is the same instant in this rig


@pytest.mark.parametrize(("body", "expected"), [
    ("Plain text.", []),
    ("{{ page.title | upcase }} {% raw %}{% nosuch %}{% endraw %}", []),
    ("Intro.\n\n{% nosuch %}", [(6, "nosuch")]),
    ("Intro.\n{{ x | reading_time }}", [(5, "reading_time")]),
])
def test_check_syntax_hook(body: str, expected: list[tuple[int, str]]) -> None:
    from mkdocs_jekyll.jekyll.liquid import check_syntax

    problems = check_syntax(SOURCE, f"---\ntitle: x\n---\n{body}")
    assert [(p.line, p.path) for p in problems] == [(line, SOURCE) for line, _ in expected]
    for problem, (_, word) in zip(problems, expected, strict=True):
        assert word in str(problem)


def test_render_post_text_hook(tmp_path: Path) -> None:
    from mkdocs_jekyll.jekyll.liquid import render_post_text

    (tmp_path / "_config.yml").write_text("title: Ledger\n")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2025-03-01-a.md").write_text("---\ntitle: A\n---\nA.\n")
    (tmp_path / "_posts" / "2025-03-02-b.md").write_text("---\ntitle: B\n---\nB.\n")
    body = "{{ site.title }}: {% post_url 2025-03-01-a %} of {{ site.posts | size }}"
    assert render_post_text(tmp_path, "_posts/2025-03-02-b.md", body) == (
        "Ledger: /2025/03/01/a.html of 2")


def test_memo_sees_a_changed_front_matter(rig: Rig) -> None:
    assert rig.render("{{ page.title }} {{ page.mood }}", "title: One\nmood: calm") == "One calm"
    assert rig.render("{{ page.title }} {{ page.mood }}", "title: Two\nmood: calm") == "Two calm"
    assert rig.render("{{ page.title }} {{ page.mood }}", "title: Two\nmood: wild") == "Two wild"
    assert rig.renderer.rendered == 1
