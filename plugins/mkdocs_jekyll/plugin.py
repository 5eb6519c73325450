"""MkDocs event glue: each handler routes to the Jekyll core or the translator.

Priorities, and why:
* on_config 50: before Material's blog (0) reads its authors file, which this plugin writes.
* on_files 50: before Material's blog (-50) reads post files, hand it translated copies.
* on_files -100: after Material gave posts its own URLs, give them the URLs Jekyll gave them.
* on_post_build: write the redirect pages (jekyll-redirect-from) once every page is written.
* on_page_markdown -60: after Material made a post's excerpt, drop it for `hidden: true` posts,
  or hand it to the speed-ups (material_speedups.py).
* on_page_content, on_post_build: head tags, feeds and sitemaps (publishing.py).
* on_page_context -10: after Material put `posts` and `pagination` in the context, add what the
  news layouts need (which listing this is, related stories, tag and author pages) and the
  head tags and feed links.
* on_post_build -100: last, so the build summary counts the warnings of every other plugin.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from . import material_blog, material_speedups, newsroom
from .config import JekyllConfig
from .dates_display import format_post_datetime
from .jekyll import kramdown
from .jekyll.archives import listing_urls
from .jekyll.authors import Author, read_authors
from .jekyll.config_keys import ignored_keys
from .jekyll.dates import DateParseError
from .jekyll.errors import ContentError, shown
from .jekyll.frontmatter import key_line
from .jekyll.liquid import PostRenderer
from .jekyll.postlinks import has_post_links, rewrite_post_links
from .jekyll.redirects import Redirect, find_redirects, redirect_page, redirects_json
from .jekyll.site import SettingError, SiteSettings, settings_from_config, settings_key
from .jekyll.sitefiles import (
    find_posts,
    is_jekyll_internal,
    read_jekyll_config,
    read_yaml_file,
    site_files_stamp,
)
from .jekyll.summary import summarize
from .liquid_site import liquid_site, render_posts
from .nav_blog import find_nav_blog, nav_blog_folder, no_blog_error
from .publishing import Publisher
from .strings import translator
from .translator import Translation, Translator

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"


class JekyllPlugin(BasePlugin[JekyllConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self.translator: Translator | None = None
        self.translations: dict[str, Translation] = {}  # by the copy's src_uri
        self.jekyll_config_path: Path | None = None
        self.blog: Any = None  # Material's blog plugin, when the site uses it
        self.nav_blog: str | None = None  # else mkdocs-blog-plugin's folder
        self.publisher = Publisher()
        self.authors: dict[str, Author] = {}
        self.tag_pages: dict[str, newsroom.TagPage] = {}
        self.tag_urls: dict[str, str] = {}
        self.related: dict[str, list[str]] = {}
        self.neighbours: dict[str, tuple[str | None, str | None]] = {}
        self.image_sizes: dict[str, list[int]] = {}
        self.tag_url_format = "tag/{slug}"
        self.files = Files([])
        self.redirects: list[Redirect] = []
        self.redirects_json = True
        self.post_copies: dict[str, str] = {}  # a post's source -> its copy's src_uri
        self.liquid = PostRenderer()  # kept across `mkdocs serve` builds: its memo is reused
        self.counter: CountHandler | None = None
        self.made_post_dir: Path | None = None
        self.summarized = False
        self.speedups: material_speedups.Speedups | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this object (and its caches) across `mkdocs serve` builds.
        self.is_serve = command == "serve"

    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self._count_problems()
        docs_dir = Path(config.docs_dir)
        self.blog = material_blog.find_blog(config)
        nav = None if self.blog else find_nav_blog(config)
        if self.blog is None and nav is None:
            raise no_blog_error()
        self.nav_blog = nav_blog_folder(nav) if nav is not None else None
        if self.blog:
            newsroom.front_page_at_root(self.blog, docs_dir)
            _add_templates(config)
        self.speedups = material_speedups.start(
            self.config.speedups and self.blog is not None, self.speedups)
        cache_dir = self._cache_dir(config, docs_dir)
        if self.translator is None or self.translator.cache_dir != cache_dir:
            self.translator = Translator(cache_dir)

        jekyll = self._read_jekyll_config(docs_dir)
        if self.blog:
            urls = listing_urls(jekyll)
            newsroom.apply_listing_urls(self.blog, urls, self.config.author_pages)
            self.tag_url_format = urls.tag_url_format
        assert self.jekyll_config_path is not None
        site = self._site_settings(jekyll, _label(self.jekyll_config_path, docs_dir))
        site.authors = self._known_authors(jekyll, docs_dir)
        _report_config_keys(jekyll, site)
        _use_site_values(config, jekyll, site)
        if self.config.kramdown:
            _add_kramdown(config)
        if self.speedups:  # after every Markdown extension is in place
            self.speedups.configure(config, self.is_serve)
        self.redirects_json = site.redirects_json
        roots = sorted({docs_dir, self._site_root(docs_dir)})
        key = settings_key(site) + repr((
            [site_files_stamp(root) for root in roots], self.nav_blog,
            sorted((k, a.name) for k, a in site.authors.items())))
        post_dir = material_blog.post_dir(self.blog) if self.blog else self.nav_blog or ""
        self.made_post_dir = None
        if self.blog and not (docs_dir / post_dir).exists():
            self.made_post_dir = docs_dir / post_dir

        self.translations = {}
        for source in find_posts(docs_dir, (post_dir,) if self.blog else ()):
            try:
                translation = self.translator.read(docs_dir, source, post_dir, site,
                                                   key, self.nav_blog)
            except ContentError as error:
                raise PluginError(_with_line(error, docs_dir)) from None
            other = self.translations.get(translation.copy_uri)
            if other is not None:  # only mkdocs-blog-plugin's blog/YYYY/MM/DD/slug layout can
                raise PluginError(
                    f"Error: '{source}' and '{other.post.source}' would both be published at "
                    f"'{translation.copy_uri}': give one of them another 'slug' or date")
            self.translations[translation.copy_uri] = translation
        if self.blog:
            for typed, shown_as in material_blog.unify_category_spellings(
                    self.translations.values(), self.blog).items():
                log.info("Category '%s' is listed as '%s': both would have one listing page "
                         "(use one spelling to silence this)", typed, shown_as)
        self._render_liquid(config, jekyll, site)

        authors = self._all_authors(site.authors)
        self.authors = authors
        if self.blog and self.blog.config.authors:
            material_blog.use_authors(self.blog, authors, cache_dir,
                                      profiles=bool(self.blog.config.authors_profiles))
        self.publisher.configure(config, jekyll, self.config, site)
        self._report(docs_dir)
        return config

    @event_priority(50)
    def _on_files_early(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Drop Jekyll's own files and hand Material translated copies instead of the posts."""
        if not self.config.enabled:
            return None
        material_blog.make_authors_safe(self.blog)
        originals = {t.post.source: files.get_file_from_path(t.post.source)
                     for t in self.translations.values()}
        for file in list(files):
            if is_jekyll_internal(file.src_uri):
                files.remove(file)
        handed: dict[str, Translation] = {}
        for uri, translation in self.translations.items():
            original = originals[translation.post.source]
            if original is None:  # excluded by exclude_docs or another plugin
                continue
            if not is_jekyll_internal(original.src_uri):  # drafts are gone already
                files.remove(original)
            if translation.post.redirect_to:  # the post is only a redirect page
                handed[uri] = translation
                continue
            copy = File.generated(config, uri, abs_src_path=str(translation.copy_path))
            copy.edit_uri = original.edit_uri
            files.append(copy)
            handed[uri] = translation
        self.translations = handed
        self.post_copies = {t.post.source: uri for uri, t in handed.items()
                            if not t.post.redirect_to}
        if self.speedups:
            self.speedups.before_posts_are_read()
        return files

    @event_priority(-100)
    def _on_files_late(self, files: Files, *, config: MkDocsConfig) -> None:
        """Give each post the URL Jekyll gave it, and refuse two pages at one URL."""
        if not self.config.enabled:
            return
        self._remove_empty_post_dir()
        if self.speedups:
            self.speedups.after_posts_are_read(self.blog, config, files)
        claimed: dict[str, str] = {}
        for file in files:
            if file.src_uri in self.translations:
                continue
            if file.inclusion.is_excluded() and file.generated_by != "material/blog":
                continue
            claimed[file.dest_uri] = f"'{file.src_uri}'"
        shows_drafts = bool(self.blog.config.draft) if self.blog else False
        for uri, translation in sorted(self.translations.items()):
            post = translation.post
            file = files.get_file_from_path(uri)
            if file is None:
                continue
            if post.redirect_to:  # the post is only a redirect page (on_post_build)
                files.remove(file)
                continue
            if self.nav_blog is not None:  # the URL stays blog/YYYY/MM/DD/slug/, for its nav
                if post.draft:
                    file.inclusion = InclusionLevel.DRAFT  # built by `mkdocs serve` only
            else:
                _set_destination(file, post.dest, config)
                if isinstance(file.page, Page):
                    _set_canonical(file.page, config.site_url)
                    material_blog.make_post_safe(file.page)
            if post.draft and not shows_drafts:
                continue
            other = claimed.get(file.dest_uri)
            if other:
                raise PluginError(
                    f"Error: '{post.source}' and {other} would both be published at "
                    f"'{post.url}': give one of them another 'slug', 'permalink' or date"
                )
            claimed[file.dest_uri] = f"'{post.source}'"
        if files.get_file_from_path("redirects.json") is not None:
            self.redirects_json = False  # the site's own, as jekyll-redirect-from leaves it
        self._find_redirects(files, claimed, config, shows_drafts)
        self.files = files
        if self.blog:
            self._prepare_layouts(files, config)

    def _prepare_layouts(self, files: Files, config: MkDocsConfig) -> None:
        self.related = newsroom.related_by_post(self.translations)
        self.neighbours = newsroom.neighbours(self.translations)
        self.image_sizes = newsroom.image_sizes(self.translations, Path(config.docs_dir))
        self.tag_pages, self.tag_urls = {}, {}
        if self.config.tag_pages:
            self.tag_pages = newsroom.add_tag_pages(self.translations, files, config, self.blog,
                                                    self.tag_url_format)
            for uri, tag_page in self.tag_pages.items():
                file = files.get_file_from_path(uri)
                if file is not None and tag_page.page == 1:
                    self.tag_urls[tag_page.name] = file.url

    on_files = CombinedEvent(_on_files_early, _on_files_late)

    def _find_redirects(self, files: Files, claimed: dict[str, str], config: MkDocsConfig,
                        shows_drafts: bool) -> None:
        """Redirect pages: `redirect_from`, `redirect_to`, and the Jekyll URL of each post that
        cannot keep it (mkdocs-blog-plugin's blog/YYYY/MM/DD/slug/ layout)."""
        posts = [t.post for t in self.translations.values() if shows_drafts or not t.post.draft]
        moved = {}
        if self.nav_blog is not None:
            for uri, translation in self.translations.items():
                file = files.get_file_from_path(uri)
                if file is not None and not translation.post.redirect_to:
                    moved[translation.post.source] = "/" + file.url
        try:
            self.redirects = find_redirects(posts, claimed, config.site_url or "", moved)
        except ContentError as error:
            raise PluginError(str(error)) from None
        for redirect in self.redirects:
            log.info("Redirect page '%s' leads to '%s' (%s of '%s')", redirect.dest, redirect.to,
                     redirect.reason, redirect.source)
        for uri in [u for u, t in self.translations.items() if t.post.redirect_to]:
            del self.translations[uri]  # not a post any more: off listings, feeds and sitemaps

    @event_priority(-60)  # after Material (-50) made the excerpt; the Markdown is final by -100
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        translation = self.translations.get(page.file.src_uri)
        if translation and translation.post.hidden and hasattr(page, "excerpt"):
            page.excerpt = None  # Material lists only posts with an excerpt
        elif self.speedups:
            self.speedups.adopt_excerpt(page)
        if self.speedups and self.is_serve and translation:
            self.speedups.adopt_post(page)
        if self.post_copies and has_post_links(markdown):
            source = translation.post.source if translation else page.file.src_uri
            rewritten = rewrite_post_links(markdown, source, page.file.src_uri, self.post_copies)
            if rewritten != markdown:
                return rewritten
        return newsroom.escaped_view_heading(markdown, page)

    @event_priority(-10)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig,
                        nav: Any) -> Any:
        if not self.config.enabled:
            return None
        self.publisher.page_context(context, page, self.translations.get(page.file.src_uri))
        if not self.blog:
            return context
        context["jekyll_view"] = newsroom.view_kind(page)
        if page.file.src_uri in self.translations:
            context["jekyll_related"] = [
                found.page for uri in self.related.get(page.file.src_uri, ())
                if (found := self.files.get_file_from_path(uri)) and found.page
            ]
            older, newer = self.neighbours.get(page.file.src_uri, (None, None))
            context["jekyll_previous"] = self._page_of(older)
            context["jekyll_next"] = self._page_of(newer)
        elif context["jekyll_view"] == "profile":
            context["jekyll_author"] = newsroom.profile_author(page, self.blog, self.authors)
        elif context["jekyll_view"] == "front":
            context["jekyll_sections"] = newsroom.section_blocks(self.blog)
        tag_page = self.tag_pages.get(page.file.src_uri)
        if tag_page:
            context["jekyll_view"] = "tag"
            context["jekyll_tag"] = tag_page
            context["posts"] = [
                found.page for uri in tag_page.posts
                if (found := self.files.get_file_from_path(uri)) and found.page
            ]
            context["jekyll_tag_pages"] = [
                found.url for uri in tag_page.urls if (found := self.files.get_file_from_path(uri))
            ]
        return context

    def _page_of(self, uri: str | None) -> Page | None:
        found = self.files.get_file_from_path(uri) if uri else None
        return found.page if found else None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        if self.config.enabled:
            self.publisher.collect(page, html, self.translations.get(page.file.src_uri))
        return None

    @event_priority(-100)
    def _on_post_build_last(self, *, config: MkDocsConfig) -> None:
        self._log_summary(failed=False)

    def on_build_error(self, *, error: Exception) -> None:
        if self.speedups:
            self.speedups.restore()
        self._log_summary(failed=isinstance(error, BuildError))

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        language = str(config.theme.get("language") or "en")
        locale = language.replace("-", "_")
        env.filters["jekyll_datetime"] = lambda value: format_post_datetime(value, locale)
        env.globals["jekyll_t"] = translator(language)
        env.globals["jekyll_tag_urls"] = self.tag_urls
        env.globals["jekyll_image_sizes"] = self.image_sizes
        if self.config.enabled:
            self.publisher.remember(self.translations, self.authors)
            env.globals.update(self.publisher.globals(self.translations))
        return env

    def _on_post_build_outputs(self, *, config: MkDocsConfig) -> None:
        if self.speedups:
            self.speedups.end_build()
        if not self.config.enabled:
            return
        _write_redirects(config, self.redirects, self.redirects_json)
        pages = {uri: file.page for uri in self.translations
                 if (file := self.files.get_file_from_path(uri)) and isinstance(file.page, Page)}
        self.publisher.write(config, self.translations, pages)

    on_post_build = CombinedEvent(_on_post_build_outputs, _on_post_build_last)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild on edits to the Jekyll site's own files. MkDocs already watches docs_dir
        (Jekyll's files there too, though they are not in Files); add what lies outside it."""
        docs_dir = Path(config.docs_dir).resolve()
        root = self._site_root(Path(config.docs_dir))
        watched: list[Path | None] = [self.jekyll_config_path, root / "_data", root / "_includes"]
        for path in watched:
            if path is None or not path.exists():
                continue
            path = path.resolve()
            if path != docs_dir and docs_dir not in path.parents:
                server.watch(str(path))
        return server

    # -- helpers ---------------------------------------------------------------------------

    def _site_root(self, docs_dir: Path) -> Path:
        """The folder holding the Jekyll site's `_config.yml`, `_data` and `_includes`."""
        return self.jekyll_config_path.parent if self.jekyll_config_path else docs_dir

    def _render_liquid(self, config: MkDocsConfig, jekyll: dict[str, Any],
                       site: SiteSettings) -> None:
        """Second pass: `site.posts` needs every post read first. Then write the copies."""
        assert self.translator is not None
        docs_dir = Path(config.docs_dir)
        try:
            render_posts(self.liquid if self.config.liquid else None, self.translator,
                         list(self.translations.values()), self.config.liquid_on_error,
                         liquid_site(config, jekyll, site, [t.post for t in
                                                            self.translations.values()],
                                     self._site_root(docs_dir)))
        except ContentError as error:
            raise PluginError(_with_line(error, docs_dir)) from None

    def _remove_empty_post_dir(self) -> None:
        """Material's blog creates its post_dir in docs/ when missing; the posts live elsewhere, so
        take the empty folder away again and leave docs/ as it was (not on serve: the watcher
        would see it come back on every rebuild)."""
        made = self.made_post_dir
        if made is not None and not self.is_serve and made.is_dir() and not any(made.iterdir()):
            made.rmdir()

    def _count_problems(self) -> None:
        """Count this build's warnings and errors (MkDocs counts them only with --strict)."""
        logger = logging.getLogger("mkdocs")
        if self.counter is not None:
            logger.removeHandler(self.counter)
        self.counter = CountHandler(level=logging.WARNING)
        logger.addHandler(self.counter)
        self.summarized = False

    def _log_summary(self, failed: bool) -> None:
        """One line per build, from on_post_build or, when the build stops, on_build_error."""
        if self.summarized or self.counter is None:
            return
        self.summarized = True
        counts = dict(self.counter.get_counts())
        errors = counts.get("ERROR", 0) + counts.get("CRITICAL", 0) + int(failed)  # logged after
        summary = summarize((translation.post for translation in self.translations.values()),
                            redirected=len(self.redirects))
        log.info("%s", summary.line(errors, counts.get("WARNING", 0)))
        logging.getLogger("mkdocs").removeHandler(self.counter)
        self.counter = None

    def _cache_dir(self, config: MkDocsConfig, docs_dir: Path) -> Path:
        base = Path(config.config_file_path or ".").parent
        cache_dir = (base / self.config.cache_dir).resolve()
        if cache_dir == docs_dir.resolve() or docs_dir.resolve() in cache_dir.parents:
            raise PluginError(
                f"The jekyll plugin's cache_dir '{self.config.cache_dir}' is inside docs_dir: "
                "set it to a folder outside docs_dir, such as '.cache/mkdocs-jekyll'"
            )
        return cache_dir

    def _read_jekyll_config(self, docs_dir: Path) -> dict[str, Any]:
        option = self.config.jekyll_config
        path = (docs_dir / option) if option else docs_dir / "_config.yml"
        self.jekyll_config_path = path
        if not path.is_file():
            if option:
                raise PluginError(f"The jekyll plugin's jekyll_config '{option}' does not exist")
            return {}
        try:
            return read_jekyll_config(path, _label(path, docs_dir))
        except ContentError as error:
            raise PluginError(str(error)) from None

    def _site_settings(self, jekyll: dict[str, Any], label: str) -> SiteSettings:
        try:
            return settings_from_config(jekyll, self.config, self.config.layouts)
        except DateParseError as error:
            source = "the jekyll plugin's options" if self.config.timezone else f"'{label}'"
            raise PluginError(f"Error reading 'timezone' of {source}: {error}") from None
        except SettingError as error:
            raise PluginError(f"Error reading '{error.key}' of '{label}': {shown(error.value)} "
                              f"{error} ({error.fix})") from None

    def _known_authors(self, jekyll: dict[str, Any], docs_dir: Path) -> dict[str, Author]:
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
        if self.blog:
            authors.update(material_blog.material_authors(self.blog, docs_dir))
        return authors

    def _all_authors(self, known: dict[str, Author]) -> dict[str, Author]:
        authors = dict(known)
        for translation in self.translations.values():
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

    def _report(self, docs_dir: Path) -> None:
        for translation in self.translations.values():
            post = translation.post
            for problem in post.warnings:
                log.warning("%s", problem)
            image = post.image
            if image and image.local and not (docs_dir / image.url).is_file():
                log.warning(
                    "Error reading front matter 'image' of '%s': '%s' does not exist in docs/ "
                    "(add the file or fix the path)", post.source, image.url,
                )


def _write_redirects(config: MkDocsConfig, redirects: list[Redirect], with_json: bool) -> None:
    for redirect in redirects:
        path = Path(config.site_dir) / redirect.dest
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(redirect_page(redirect.to), encoding="utf-8")
    if redirects and with_json:  # unless docs_dir has its own (see _on_files_late)
        (Path(config.site_dir) / "redirects.json").write_text(redirects_json(redirects),
                                                             encoding="utf-8")


def _report_config_keys(jekyll: dict[str, Any], site: SiteSettings) -> None:
    for ignored in ignored_keys(jekyll):
        if ignored.level == "warning":
            log.warning("_config.yml '%s' is not honoured: %s", ignored.key, ignored.reason)
        else:
            log.info("_config.yml '%s' is not used: %s", ignored.key, ignored.reason)
    for problem in site.defaults_problems:
        log.warning("Error reading _config.yml: %s", problem)


def _use_site_values(config: MkDocsConfig, jekyll: dict[str, Any], site: SiteSettings) -> None:
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


def _add_kramdown(config: MkDocsConfig) -> None:
    """Turn on the Markdown extensions kramdown's syntax needs, keeping the site's own settings."""
    names = [e if isinstance(e, str) else type(e).__module__ for e in config.markdown_extensions]
    for name, options in kramdown.REQUIRED.items():
        if name not in names and f"markdown.extensions.{name}" not in names:
            config.markdown_extensions.append(name)
            config.mdx_configs.setdefault(name, options)
    if kramdown.__name__ not in names:
        config.markdown_extensions.append(kramdown.__name__)


def _add_templates(config: MkDocsConfig) -> None:
    """Put the package's templates right after the site's custom_dir, so the site still wins."""
    dirs = config.theme.dirs
    if str(TEMPLATES) in dirs:
        return
    index = 1 if config.theme.custom_dir else 0
    dirs.insert(index, str(TEMPLATES))


def _set_destination(file: File, dest: str, config: MkDocsConfig) -> None:
    url = dest
    if config.use_directory_urls and (dest == "index.html" or dest.endswith("/index.html")):
        url = dest[: -len("index.html")]
    file.dest_uri = dest
    file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, dest))
    file.url = quote(url)


def _set_canonical(page: Page, site_url: str | None) -> None:
    if site_url:
        base = site_url if site_url.endswith("/") else site_url + "/"
        page.canonical_url = urljoin(base, page.url)
        page.abs_url = urlsplit(page.canonical_url).path


def _with_line(error: ContentError, docs_dir: Path) -> str:
    """The error, plus the line of the bad key when the message does not have a line yet."""
    problem = error.problem
    if problem.line or not problem.key:
        return str(error)
    try:
        line = key_line((docs_dir / problem.path).read_text(encoding="utf-8"), problem.key)
    except (OSError, UnicodeDecodeError):
        line = None
    return f"{error} (line {line})" if line else str(error)


def _label(path: Path, docs_dir: Path) -> str:
    try:
        return path.relative_to(docs_dir).as_posix()
    except ValueError:
        return str(path)
