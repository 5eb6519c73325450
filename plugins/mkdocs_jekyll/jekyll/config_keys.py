"""What the plugin does with each `_config.yml` key.

HONOURED keys change the output as they change Jekyll's. A key Jekyll knows that the plugin does
not honour is reported once: as a warning (`--strict` fails) when ignoring it changes what is
published, as info when it has no effect on the published posts (the reason is in the table).
Keys Jekyll does not know are the site's own variables (`site.<key>` in Liquid): not reported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

HONOURED = frozenset({
    "timezone", "permalink", "excerpt_separator", "defaults", "future", "show_drafts",
    "unpublished", "url", "baseurl", "authors", "title", "description",
    "redirect_from",  # jekyll-redirect-from's settings: `json: false`
    "feed", "twitter", "logo", "lang", "language", "locale", "author",  # feeds and head tags
    "paginate", "paginate_path", "jekyll-archives",  # listing pages (jekyll/archives.py)
    "exclude", "include",  # which files are published (jekyll/sitefiles.py: SkippedFiles)
})

INFO, WARNING = "info", "warning"

# key -> (level, why the plugin does not honour it)
IGNORED: dict[str, tuple[str, str]] = {
    "source": (INFO, "MkDocs reads docs_dir"),
    "destination": (INFO, "MkDocs writes site_dir"),
    "cache_dir": (INFO, "the plugin keeps its cache in its cache_dir option"),
    "plugins_dir": (INFO, "Ruby plugins cannot run in MkDocs"),
    "layouts_dir": (INFO, "layouts map to templates with the plugin option 'layouts'"),
    "data_dir": (INFO, "authors are read from _data/authors.yml"),
    "includes_dir": (INFO, "includes are read from _includes/"),
    "safe": (INFO, "no Ruby plugin runs anyway"),
    "keep_files": (INFO, "MkDocs cleans site_dir itself"),
    "encoding": (INFO, "posts are read as UTF-8; other encodings stop the build naming the file"),
    "markdown_ext": (INFO, "posts are the .md/.markdown/.mkd/.mkdn/.mdown files in _posts"),
    "strict_front_matter": (INFO, "bad front matter always stops the build"),
    "whitelist": (INFO, "no Ruby plugin runs"),
    "plugins": (INFO, "Ruby plugins do not run; the plugin does what jekyll-redirect-from, "
                      "jekyll-feed, jekyll-seo-tag and jekyll-sitemap do, Material paginates"),
    "gems": (INFO, "Ruby plugins do not run"),
    "markdown": (INFO, "posts are rendered by Python-Markdown with the plugin's kramdown extension"),
    "kramdown": (INFO, "the plugin's kramdown extension renders kramdown's GFM defaults"),
    "highlighter": (INFO, "MkDocs highlights code with its own markdown_extensions"),
    "lsi": (INFO, "related posts are Material's concern"),
    "incremental": (INFO, "mkdocs serve rebuilds only what changed"),
    "detach": (INFO, "a jekyll serve option"),
    "port": (INFO, "a jekyll serve option (use mkdocs serve -a)"),
    "host": (INFO, "a jekyll serve option (use mkdocs serve -a)"),
    "livereload": (INFO, "a jekyll serve option (mkdocs serve reloads)"),
    "show_dir_listing": (INFO, "a jekyll serve option"),
    "quiet": (INFO, "a jekyll command line option"),
    "verbose": (INFO, "a jekyll command line option"),
    "profile": (INFO, "a jekyll command line option"),
    "liquid": (INFO, "Liquid options belong to Jekyll's renderer"),
    "sass": (INFO, "Material brings its own stylesheets"),
    "theme": (INFO, "the site is rendered with Material for MkDocs"),
    "collections_dir": (INFO, "posts are found in every _posts folder"),
    "collections": (WARNING, "only posts are translated; other collections are not published as "
                             "Jekyll would"),
    "limit_posts": (WARNING, "every post is published (Jekyll would publish only the newest)"),
}


@dataclass(frozen=True)
class IgnoredKey:
    key: str
    level: str
    reason: str


def ignored_keys(config: Mapping[str, Any]) -> list[IgnoredKey]:
    """One entry per key of `config` that Jekyll knows and the plugin does not honour."""
    found = []
    for key in config:
        if key in IGNORED and not _is_default(key, config[key]):
            level, reason = IGNORED[key]
            found.append(IgnoredKey(key, level, reason))
    return found


# Values equal to Jekyll's defaults change nothing, so they are not worth a warning.
_DEFAULT_VALUES: dict[str, tuple[Any, ...]] = {
    "collections": (None, {}, {"posts": {"output": True}}),
    "limit_posts": (None, 0),
}


def _is_default(key: str, value: Any) -> bool:
    return key in _DEFAULT_VALUES and value in _DEFAULT_VALUES[key]
