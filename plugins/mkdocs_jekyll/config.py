"""The plugin's options in mkdocs.yml (validated by MkDocs, like Material's own plugins)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .jekyll.site import DEFAULT_LAYOUTS


class FeedConfig(Config):
    """Atom feeds like jekyll-feed's; null options fall back to `_config.yml` `feed:`."""

    enabled = c.Type(bool, default=True)
    path = c.Optional(c.Type(str))  # `feed: path`, else feed.xml
    limit = c.Optional(c.Type(int))  # `feed: posts_limit`, else 20
    sections = c.Optional(c.ListOfItems(c.Type(str)))  # `feed: categories`, else every category
    excerpt_only = c.Optional(c.Type(bool))  # `feed: excerpt_only`, else false


class JekyllConfig(Config):
    enabled = c.Type(bool, default=True)

    # Where the Jekyll site is: `_config.yml` in docs_dir unless set.
    jekyll_config = c.Optional(c.Type(str))

    # Jekyll settings; each overrides the same key in _config.yml.
    timezone = c.Optional(c.Type(str))
    permalink = c.Optional(c.Type(str))
    excerpt_separator = c.Optional(c.Type(str))
    future = c.Optional(c.Type(bool))
    show_drafts = c.Optional(c.Type(bool))

    # Render kramdown-isms ({: .class} lists, {:toc}, footnotes, abbreviations, ...) as Jekyll.
    kramdown = c.Type(bool, default=True)

    # Jekyll `layout:` -> the template Material renders the post with (null: Material's default).
    layouts = c.DictOfItems(c.Optional(c.Type(str)), default=dict(DEFAULT_LAYOUTS))

    # Liquid in post bodies, rendered before Markdown as Jekyll does (false: bodies as typed).
    liquid = c.Type(bool, default=True)
    # An unknown tag or filter: stop the build (error), or warn and leave its text as typed (warn).
    liquid_on_error = c.Choice(("error", "warn"), default="error")

    # Faster listings with Material's blog, same HTML (see material_speedups.py).
    speedups = c.Type(bool, default=True)

    # Translated copies of the posts for Material's blog (never inside docs_dir).
    cache_dir = c.Type(str, default=".cache/mkdocs-jekyll")

    # What a news site publishes besides pages: head tags, feeds, sitemaps.
    seo = c.Type(bool, default=True)
    feed = c.SubConfig(FeedConfig)
    news_sitemap = c.Type(bool, default=False)
    # News layouts: a profile page per author (Material's `authors_profiles`) and a page per tag.
    author_pages = c.Type(bool, default=True)
    tag_pages = c.Type(bool, default=True)
