"""Generate N realistic news posts, reproducibly by seed, as five equivalent sites.

The same posts are written once per system under test, so every builder renders the same prose:

* ``plain/``     MkDocs + Material, the bodies as plain pages (no blog): the floor of the stack;
* ``material/``  Material's blog with native front matter (the posts converted once);
* ``jekyll/``    the Jekyll posts themselves, built by this plugin (its ``mkdocs.yml``, the news
                 layouts) and by real Jekyll (its ``_layouts``);
* ``hugo/``      the posts as Hugo content with a minimal built-in layout.

All prose comes from a small seeded word list; nothing is copied from anywhere. Liquid
(``{{ page.title }}``, ``{% post_url %}``) goes into the Jekyll posts only when this plugin renders
Liquid (see ``liquid_supported``) or ``--liquid on`` asks for it; the other sites get the text
Liquid would have produced.

    python benchmarks/corpus.py OUT --posts 1000 --seed 7
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import random
import shutil
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path


def _words(text: str) -> list[str]:
    return text.split()


WORDS = _words(
    "harbour council ferry quay market tide budget survey school library festival storm transit "
    "fisher crane container shipyard apprentice gallery museum bridge seawall river district "
    "mayor vote plan report study season visitor trader cargo vessel pier lighthouse sensor "
    "water island port route fare timetable engineer nurse doctor hospital clinic garden park "
    "street square tram bus cyclist runner team match stadium concert choir stage theatre "
    "author reader archive record century decade morning evening night weekend crew captain "
    "pilot union worker owner tenant landlord neighbour resident volunteer donor grant fund tax "
    "levy price cost wage rent sale export import catch net boat yacht dock berth warehouse "
    "depot office tower block flat house cottage shop cafe bakery kitchen restaurant menu chef "
    "recipe harvest orchard farm field barn forest hill cliff beach dune reef bay current wave "
    "wind rain fog frost sunshine climate energy solar turbine cable grid battery"
)
VERBS = _words(
    "opens closes approves rejects plans delays funds repairs extends reduces raises studies "
    "reviews expands welcomes warns promises announces confirms records tests builds restores "
    "measures launches hosts marks returns draws signs replaces"
)
ADJECTIVES = _words(
    "new old quiet busy early late local coastal northern southern eastern western annual "
    "public private small large historic modern temporary permanent rising falling"
)
SECTIONS = ("News", "Business", "Science", "Culture", "Sport", "Opinion", "World", "Travel")
FIRST = ("Ana", "Ben", "Chloe", "Dev", "Esme", "Farid", "Greta", "Hugo", "Iris", "Jonas", "Kemi",
         "Lars", "Mina", "Nico", "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tove")
LAST = ("Abbott", "Berg", "Costa", "Dahl", "Eze", "Fischer", "Garcia", "Holm", "Ito", "Jensen",
        "Kowal", "Lind", "Moreau", "Nair", "Okoro", "Park", "Quist", "Rossi", "Silva", "Tan")
IMAGES = ("quay", "ferry", "market", "storm")
COLOURS = ((40, 90, 140), (200, 120, 40), (60, 140, 80), (120, 120, 130))
START = dt.date(2019, 1, 1)
SPAN_DAYS = 6 * 365  # dates over six years, all in the past


@dataclass
class Author:
    id: str
    name: str
    bio: str


@dataclass
class Post:
    index: int
    title: str
    slug: str
    day: dt.date
    time: dt.time | None
    offset: str | None  # "+0200" or None
    authors: list[str]
    category: str
    tags: list[str]
    image: str | None
    excerpt: str | None
    lead: str  # the first paragraph
    sections: list[tuple[str, list[str]]] = field(default_factory=list)  # (heading, blocks)
    links: list[int] = field(default_factory=list)  # earlier posts it links to

    @property
    def name(self) -> str:
        return f"{self.day.isoformat()}-{self.slug}"

    @property
    def url(self) -> str:
        """Jekyll's URL for the `date` permalink style (category first, as Jekyll does)."""
        return f"/{self.category.lower()}/{self.day:%Y/%m/%d}/{self.slug}.html"


def liquid_supported() -> bool:
    """True once mkdocs_jekyll renders Liquid (the `liquid` work), so the corpus turns it on."""
    for name in ("mkdocs_jekyll.liquid", "mkdocs_jekyll.jekyll.liquid"):
        try:
            if importlib.util.find_spec(name) is not None:
                return True
        except ModuleNotFoundError:
            pass
    return False


# -- prose ---------------------------------------------------------------------------------

def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
    words.insert(rng.randint(1, 3), rng.choice(VERBS))
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words) - 1), rng.choice(ADJECTIVES))
    if rng.random() < 0.15:
        i = rng.randint(0, len(words) - 1)
        words[i] = f"*{words[i]}*" if rng.random() < 0.5 else f"**{words[i]}**"
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".....?!")


def _paragraph(rng: random.Random, low: int = 3, high: int = 6) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(low, high)))


def _title(rng: random.Random) -> str:
    words = [rng.choice(ADJECTIVES), rng.choice(WORDS), rng.choice(VERBS),
             rng.choice(WORDS), rng.choice(WORDS)]
    return " ".join(words).capitalize()


def _slugify(text: str) -> str:
    return "-".join("".join(c for c in w.lower() if c.isalnum()) for w in text.split())


def _word_count(post: Post) -> int:
    text = post.lead + " ".join(" ".join(blocks) for _, blocks in post.sections)
    return len(text.split())


def make_authors(rng: random.Random) -> list[Author]:
    count = rng.randint(5, 20)
    pairs = rng.sample([(f, s) for f in FIRST for s in LAST], count)
    return [Author(f"{f[0]}{s}".lower(), f"{f} {s}", f"{rng.choice(SECTIONS)} desk.")
            for f, s in pairs]


def make_posts(count: int, seed: int) -> tuple[list[Post], list[Author]]:
    rng = random.Random(seed)
    authors = make_authors(rng)
    days = sorted(START + dt.timedelta(days=rng.randrange(SPAN_DAYS)) for _ in range(count))
    posts: list[Post] = []
    for i, day in enumerate(days):
        title = _title(rng)
        kind = rng.random()
        time = dt.time(rng.randint(6, 21), rng.choice((0, 15, 30, 45))) if kind < 0.7 else None
        offset = rng.choice(("+0200", "-0500", "+0930", "+0000")) if kind < 0.25 else None
        ids = [a.id for a in rng.sample(authors, 2 if rng.random() < 0.15 else 1)]
        post = Post(
            index=i, title=title, slug=f"{_slugify(title)}-{i}", day=day, time=time,
            offset=offset, authors=ids, category=rng.choice(SECTIONS),
            tags=rng.sample(WORDS[:40], rng.randint(1, 3)),
            image=rng.choice(IMAGES) if rng.random() < 0.6 else None,
            excerpt=_sentence(rng) if rng.random() < 0.3 else None,
            lead=_paragraph(rng, 2, 4),
        )
        post.links = rng.sample(range(i), min(i, rng.randint(0, 3)))
        target = rng.randint(500, 900)
        for _ in range(rng.randint(3, 8)):
            post.sections.append((_title(rng), []))
        while _word_count(post) < target:
            _, blocks = rng.choice(post.sections)
            roll = rng.random()
            if roll < 0.12:
                blocks.append("\n".join(f"- {_sentence(rng)}" for _ in range(rng.randint(2, 5))))
            elif roll < 0.18:
                blocks.append("\n".join(f"{n}. {_sentence(rng)}" for n in range(1, rng.randint(3, 5))))
            elif roll < 0.22:
                blocks.append(f"> {_paragraph(rng, 1, 2)}")
            else:
                blocks.append(_paragraph(rng))
        posts.append(post)
    return posts, authors


# -- bodies ---------------------------------------------------------------------------------

def body(post: Post, posts: list[Post], *, liquid: bool, link_base: str = "",
         image_base: str = "/assets/images/", more: str | None = None) -> str:
    """The post's Markdown. `liquid` writes Jekyll's Liquid; otherwise the text it produces."""
    parts = [post.lead]
    if more:
        parts.append(more)
    if post.image:
        parts.append(f"![{post.image} at dusk]({image_base}{post.image}.png)")
    for n, (heading, blocks) in enumerate(post.sections):
        parts.append(f"## {heading}")
        parts.extend(blocks)
        if n == 0 and post.links:
            refs = []
            for j in post.links:
                other = posts[j]
                url = (f"{{% post_url {other.name} %}}" if liquid
                       else f"{link_base}{other.url}")
                refs.append(f"[{other.title}]({url})")
            parts.append("Earlier coverage: " + ", ".join(refs) + ".")
        if n == 1 and post.index % 5 == 0:
            title = "{{ page.title }}" if liquid else post.title
            parts.append(f"*This is part of our series on {title}.*")
    return "\n\n".join(parts) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def jekyll_date(post: Post) -> str:
    if post.time is None:
        return post.day.isoformat()
    stamp = f"{post.day.isoformat()} {post.time:%H:%M:%S}"
    return f"{stamp} {post.offset}" if post.offset else stamp


def iso_date(post: Post) -> str:
    time = post.time or dt.time(0, 0)
    offset = post.offset or "+0000"
    return f"{post.day.isoformat()}T{time:%H:%M:%S}{offset[:3]}:{offset[3:]}"


def jekyll_post(post: Post, posts: list[Post], liquid: bool) -> str:
    lines = ["---", "layout: post", f"title: {_quote(post.title)}", f"date: {jekyll_date(post)}"]
    if len(post.authors) > 1:
        lines.append(f"authors: [{', '.join(post.authors)}]")
    else:
        lines.append(f"author: {post.authors[0]}")
    lines.append(f"categories: [{post.category}]")
    lines.append(f"tags: [{', '.join(post.tags)}]")
    if post.image:
        lines.append(f"image: assets/images/{post.image}.png")
    if post.excerpt:
        lines.append(f"excerpt: {_quote(post.excerpt)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body(post, posts, liquid=liquid)


def material_post(post: Post, posts: list[Post]) -> str:
    lines = ["---", f"title: {_quote(post.title)}", "date:", f"  created: {iso_date(post)}",
             f"slug: {post.slug}", "authors:", *[f"  - {a}" for a in post.authors],
             "categories:", f"  - {post.category}", "tags:", *[f"  - {t}" for t in post.tags]]
    if post.excerpt:
        lines.append(f"description: {_quote(post.excerpt)}")
    lines.append("---")
    text = body(post, posts, liquid=False, image_base="../../assets/images/",
                more="<!-- more -->")
    return "\n".join(lines) + "\n\n" + f"# {post.title}\n\n" + text


def plain_page(post: Post, posts: list[Post]) -> str:
    text = body(post, posts, liquid=False, image_base="../../assets/images/")
    return f"---\ntitle: {_quote(post.title)}\n---\n\n# {post.title}\n\n{text}"


def hugo_post(post: Post, posts: list[Post]) -> str:
    lines = ["---", f"title: {_quote(post.title)}", f"date: {iso_date(post)}",
             f"slug: {post.slug}", f"authors: [{', '.join(post.authors)}]",
             f"categories: [{post.category}]", f"tags: [{', '.join(post.tags)}]"]
    if post.excerpt:
        lines.append(f"summary: {_quote(post.excerpt)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body(post, posts, liquid=False, more="<!--more-->")


# -- files -----------------------------------------------------------------------------------

def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _images(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rgb in zip(IMAGES, COLOURS, strict=True):
        (folder / f"{name}.png").write_bytes(_png(48, 32, rgb))


MKDOCS_BASE = """site_name: Bench Ledger
site_url: https://bench.example.org/
theme:
  name: material
markdown_extensions:
  - smarty
  - attr_list
  - toc:
      permalink: true
"""


def write_plain(root: Path, posts: list[Post]) -> None:
    docs = root / "docs"
    _images(docs / "assets" / "images")
    _write(docs / "index.md", "# Bench Ledger\n\nEvery story is a page.\n")
    for post in posts:
        _write(docs / "posts" / post.category.lower() / f"{post.name}.md", plain_page(post, posts))
    # Stories stay out of the navigation, as a blog keeps its posts out of it: a 1,000-item nav
    # rendered on every page would make this floor quadratic, and no news site has one.
    _write(root / "mkdocs.yml", MKDOCS_BASE + "nav:\n  - index.md\nplugins:\n  - search\n")


def write_material(root: Path, posts: list[Post], authors: list[Author]) -> None:
    docs = root / "docs"
    _images(docs / "assets" / "images")
    _write(docs / "index.md", "# Bench Ledger\n")
    for post in posts:
        _write(docs / "posts" / post.category.lower() / f"{post.name}.md", material_post(post, posts))
    entries = "".join(
        f"  {a.id}:\n    name: {_quote(a.name)}\n    description: {_quote(a.bio)}\n"
        f"    avatar: assets/images/{IMAGES[i % len(IMAGES)]}.png\n" for i, a in enumerate(authors))
    _write(docs / ".authors.yml", "authors:\n" + entries)
    _write(root / "mkdocs.yml", MKDOCS_BASE + "plugins:\n  - search\n  - tags\n"
           "  - blog:\n      blog_dir: .\n      post_readtime: true\n")


JEKYLL_LAYOUT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ page.title | escape }}</title></head>
<body><main>{{ content }}</main></body></html>
"""
JEKYLL_POST_LAYOUT = """---
layout: default
---
<article><h1>{{ page.title | escape }}</h1>
<p>{{ page.date | date: "%-d %B %Y %H:%M" }} · {{ page.author }}</p>
{{ content }}</article>
"""
JEKYLL_INDEX = """---
layout: default
---
{% for post in site.posts limit: 10 %}
<article><h2><a href="{{ post.url | relative_url }}">{{ post.title | escape }}</a></h2>
{{ post.excerpt }}</article>
{% endfor %}
"""


def write_jekyll(root: Path, posts: list[Post], authors: list[Author], liquid: bool) -> None:
    _images(root / "assets" / "images")
    for post in posts:
        _write(root / "_posts" / f"{post.name}.md", jekyll_post(post, posts, liquid))
    _write(root / "_data" / "authors.yml", "".join(
        f"{a.id}:\n  name: {_quote(a.name)}\n  bio: {_quote(a.bio)}\n"
        f"  avatar: assets/images/{IMAGES[i % len(IMAGES)]}.png\n" for i, a in enumerate(authors)))
    _write(root / "_config.yml", "title: Bench Ledger\nurl: https://bench.example.org\n"
           "timezone: UTC\npermalink: date\nexclude: [mkdocs.yml, .cache, site, _site]\n")
    _write(root / "_layouts" / "default.html", JEKYLL_LAYOUT)
    _write(root / "_layouts" / "post.html", JEKYLL_POST_LAYOUT)
    _write(root / "index.html", JEKYLL_INDEX)
    # The same folder is this plugin's docs_dir; its mkdocs.yml sits beside, outside docs.
    base = MKDOCS_BASE.replace("site_name", "docs_dir: ../jekyll\nsite_name")
    blog = "  - blog:\n      blog_dir: .\n      post_readtime: true\n"
    _write(root.parent / "plugin" / "mkdocs.yml",
           base + "plugins:\n  - search\n  - tags\n  - jekyll\n" + blog)
    _write(root.parent / "plugin" / "mkdocs-no-speedups.yml",
           base + "plugins:\n  - search\n  - tags\n  - jekyll:\n      speedups: false\n" + blog)


HUGO_BASEOF = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2 January 2006 15:04" }} · {{ delimit .Params.authors ", " }}</p>
{{ .Content }}</article>{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range (.Paginate .Pages).Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
{{ .Summary }}</article>{{ end }}{{ end }}
"""


def write_hugo(root: Path, posts: list[Post]) -> None:
    _images(root / "static" / "assets" / "images")
    for post in posts:
        _write(root / "content" / "posts" / f"{post.name}.md", hugo_post(post, posts))
    _write(root / "hugo.toml", 'baseURL = "https://bench.example.org/"\ntitle = "Bench Ledger"\n'
           'disableKinds = ["RSS", "sitemap", "robotsTXT"]\n[pagination]\n  pagerSize = 10\n'
           '[permalinks]\n  posts = "/:section/:year/:month/:day/:slug/"\n')
    layouts = root / "layouts" / "_default"
    _write(layouts / "baseof.html", HUGO_BASEOF)
    _write(layouts / "single.html", HUGO_SINGLE)
    _write(layouts / "list.html", HUGO_LIST)


def generate(out: Path, count: int, seed: int = 7, liquid: bool | None = None) -> dict[str, Path]:
    """Write the five sites under `out` (emptied first); return their roots by name."""
    if liquid is None:
        liquid = liquid_supported()
    if out.exists():
        shutil.rmtree(out)
    posts, authors = make_posts(count, seed)
    write_plain(out / "plain", posts)
    write_material(out / "material", posts, authors)
    write_jekyll(out / "jekyll", posts, authors, liquid)
    write_hugo(out / "hugo", posts)
    return {"plain": out / "plain", "material": out / "material", "plugin": out / "plugin",
            "jekyll": out / "jekyll", "hugo": out / "hugo"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--liquid", choices=("auto", "on", "off"), default="auto")
    args = parser.parse_args()
    liquid = None if args.liquid == "auto" else args.liquid == "on"
    roots = generate(args.out, args.posts, args.seed, liquid)
    print("\n".join(f"{k}: {v}" for k, v in roots.items()))


if __name__ == "__main__":
    main()
