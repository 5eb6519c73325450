"""What on_config reads and sets up before any post is read, and reports once posts are read:
the cache folder, `_config.yml`, the site settings, the authors, the Markdown extensions and the
template folder. Functions of plain values, so plugin.py only routes."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from . import material_blog
from .config import JekyllConfig
from .jekyll import kramdown
from .jekyll.authors import Author, read_authors
from .jekyll.config_keys import ignored_keys
from .jekyll.dates import DateParseError
from .jekyll.errors import ContentError, shown
from .jekyll.frontmatter import key_line
from .jekyll.site import SettingError, SiteSettings, settings_from_config
from .jekyll.sitefiles import read_jekyll_config, read_yaml_file
from .translator import Translation

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"


def cache_dir(config: MkDocsConfig, option: str, docs_dir: Path) -> Path:
    base = Path(config.config_file_path or ".").parent
    folder = (base / option).resolve()
    if folder == docs_dir.resolve() or docs_dir.resolve() in folder.parents:
        raise PluginError(
            f"The jekyll plugin's cache_dir '{option}' is inside docs_dir: "
            "set it to a folder outside docs_dir, such as '.cache/mkdocs-jekyll'"
        )
    return folder


def jekyll_config_path(docs_dir: Path, option: str | None) -> Path:
    return (docs_dir / option) if option else docs_dir / "_config.yml"


def read_site_config(path: Path, option: str | None, docs_dir: Path) -> dict[str, Any]:
    if not path.is_file():
        if option:
            raise PluginError(f"The jekyll plugin's jekyll_config '{option}' does not exist")
        return {}
    try:
        return read_jekyll_config(path, label(path, docs_dir))
    except ContentError as error:
        raise PluginError(str(error)) from None


def site_settings(jekyll: dict[str, Any], options: JekyllConfig, source: str) -> SiteSettings:
    try:
        return settings_from_config(jekyll, options, options.layouts)
    except DateParseError as error:
        where = "the jekyll plugin's options" if options.timezone else f"'{source}'"
        raise PluginError(f"Error reading 'timezone' of {where}: {error}") from None
    except SettingError as error:
        raise PluginError(f"Error reading '{error.key}' of '{source}': {shown(error.value)} "
                          f"{error} ({error.fix})") from None


def known_authors(jekyll: dict[str, Any], docs_dir: Path, blog: Any) -> dict[str, Author]:
    authors: dict[str, Author] = {}
    try:
        authors.update(read_authors(jekyll.get("authors"), "_config.yml"))
        for name in ("authors.yml", "authors.yaml"):
            path = docs_dir / "_data" / name
            if path.is_file():
                authors.update(read_authors(read_yaml_file(path, f"_data/{name}"),
                                            f"_data/{name}"))
    except ContentError as error:
        raise PluginError(str(error)) from None
    if blog:
        authors.update(material_blog.material_authors(blog, docs_dir))
    return authors


def all_authors(known: dict[str, Author],
                translations: Iterable[Translation]) -> dict[str, Author]:
    """The known authors plus the posts' inline ones; an unknown id is shown by itself, warned."""
    authors = dict(known)
    for translation in translations:
        post = translation.post
        for inline in post.inline_authors:
            authors.setdefault(inline.id, inline)
        for author_id in post.authors:
            if author_id not in authors:
                log.warning(
                    "Author '%s' of '%s' is not in _data/authors.yml: shown by its id "
                    "(add it to _data/authors.yml with a name, bio and avatar)",
                    author_id, post.source,
                )
                authors[author_id] = Author(author_id, author_id)
    return authors


def report_posts(translations: Iterable[Translation], docs_dir: Path) -> None:
    """The warnings each post collected while it was read, and images missing from docs/."""
    for translation in translations:
        post = translation.post
        for problem in post.warnings:
            log.warning("%s", problem)
        image = post.image
        if image and image.local and not (docs_dir / image.url).is_file():
            log.warning(
                "Error reading front matter 'image' of '%s': '%s' does not exist in docs/ "
                "(add the file or fix the path)", post.source, image.url,
            )


def report_config_keys(jekyll: dict[str, Any], site: SiteSettings) -> None:
    for ignored in ignored_keys(jekyll):
        if ignored.level == "warning":
            log.warning("_config.yml '%s' is not honoured: %s", ignored.key, ignored.reason)
        else:
            log.info("_config.yml '%s' is not used: %s", ignored.key, ignored.reason)
    for problem in site.defaults_problems:
        log.warning("Error reading _config.yml: %s", problem)


def use_site_values(config: MkDocsConfig, jekyll: dict[str, Any], site: SiteSettings) -> None:
    """`url` + `baseurl` and `description` fill what mkdocs.yml leaves unset; mkdocs.yml wins."""
    if site.url and not config.site_url:
        config.site_url = site.url + "/"
        log.info("site_url is '%s', from _config.yml 'url' and 'baseurl'", config.site_url)
    description = jekyll.get("description")
    if isinstance(description, str) and description and not config.site_description:
        config.site_description = description
    title = jekyll.get("title")
    if isinstance(title, str) and title and title != config.site_name:
        log.info("_config.yml 'title' is '%s'; the site is named by mkdocs.yml's site_name '%s'",
                 title, config.site_name)


def add_kramdown(config: MkDocsConfig) -> None:
    """Turn on the Markdown extensions kramdown's syntax needs, keeping the site's own settings."""
    names = [e if isinstance(e, str) else type(e).__module__ for e in config.markdown_extensions]
    for name, options in kramdown.REQUIRED.items():
        if name not in names and f"markdown.extensions.{name}" not in names:
            config.markdown_extensions.append(name)
            config.mdx_configs.setdefault(name, options)
    if kramdown.__name__ not in names:
        config.markdown_extensions.append(kramdown.__name__)


def add_templates(config: MkDocsConfig) -> None:
    """Put the package's templates right after the site's custom_dir, so the site still wins."""
    dirs = config.theme.dirs
    if str(TEMPLATES) in dirs:
        return
    index = 1 if config.theme.custom_dir else 0
    dirs.insert(index, str(TEMPLATES))


def with_line(error: ContentError, docs_dir: Path) -> str:
    """The error, plus the line of the bad key when the message does not have a line yet."""
    problem = error.problem
    if problem.line or not problem.key:
        return str(error)
    try:
        line = key_line((docs_dir / problem.path).read_text(encoding="utf-8"), problem.key)
    except (OSError, UnicodeDecodeError):
        line = None
    return f"{error} (line {line})" if line else str(error)


def label(path: Path, docs_dir: Path) -> str:
    try:
        return path.relative_to(docs_dir).as_posix()
    except ValueError:
        return str(path)
