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

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import BuildError, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import material_blog, material_speedups, newsroom
from . import site_setup as setup
from .build_summary import BuildSummary
from .card_cache import CardCache
from .config import JekyllConfig
from .dates_display import format_post_datetime
from .destinations import set_canonical, set_destination, write_redirects
from .jekyll.archives import listing_urls
from .jekyll.authors import Author
from .jekyll.errors import ContentError
from .jekyll.liquid import PostRenderer
from .jekyll.postlinks import has_post_links, rewrite_post_links
from .jekyll.redirects import Redirect, find_redirects
from .jekyll.site import SiteSettings, settings_key
from .jekyll.sitefiles import SkippedFiles, find_posts, is_jekyll_internal, site_files_stamp
from .kept_output import KeptOutput
from .layouts_context import LayoutsContext
from .liquid_site import liquid_site, render_posts
from .material_strings import MaterialStrings
from .nav_blog import find_nav_blog, nav_blog_folder, no_blog_error
from .nav_cache import NavCache, next_template
from .page_renders import PageRenders, allowed
from .post_store import Store
from .publishing import Publisher
from .same_html import SameHtml
from .strings import translator
from .template_code import TemplateCode, unbounded_cache
from .translator import Translation, Translator

log = get_plugin_logger(__name__)


class JekyllPlugin(BasePlugin[JekyllConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self.is_dirty = False
        self.template_code = TemplateCode()  # compiled templates, kept across serve rebuilds
        self.kept_output = KeptOutput()  # unchanged files of the last build, not written again
        self.page_renders = PageRenders()  # pages of the last serve build, kept when unchanged
        self.translator: Translator | None = None
        self.translations: dict[str, Translation] = {}  # by the copy's src_uri
        self.jekyll_config_path: Path | None = None
        self.blog: Any = None  # Material's blog plugin, when the site uses it
        self.nav_blog: str | None = None  # else mkdocs-blog-plugin's folder
        self.publisher = Publisher()
        self.authors: dict[str, Author] = {}
        self.layouts = LayoutsContext()
        self.files = Files([])
        self.redirects: list[Redirect] = []
        self.redirects_json = True
        self.post_copies: dict[str, str] = {}  # a post's source -> its copy's src_uri
        self.liquid = PostRenderer()  # kept across `mkdocs serve` builds: its memo is reused
        self.liquid_store: Store | None = None  # and kept on disk for later builds
        self.summary = BuildSummary()
        self.made_post_dir: Path | None = None
        self.skipped_files: SkippedFiles | None = None  # the files Jekyll would not publish
        self.speedups: material_speedups.Speedups | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also keeps this object (and its caches) across `mkdocs serve` builds.
        self.is_serve = command == "serve"
        self.is_dirty = dirty

    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.summary.start()
        docs_dir = Path(config.docs_dir)
        self.blog = material_blog.find_blog(config)
        nav = None if self.blog else find_nav_blog(config)
        if self.blog is None and nav is None:
            raise no_blog_error()
        self.nav_blog = nav_blog_folder(nav) if nav is not None else None
        if self.blog:
            newsroom.front_page_at_root(self.blog, docs_dir)
            setup.add_templates(config)
        self.speedups = material_speedups.start(
            self.config.speedups and self.blog is not None, self.speedups)
        cache_dir = setup.cache_dir(config, self.config.cache_dir, docs_dir)
        if self.translator is None or self.translator.cache_dir != cache_dir:
            self.translator = Translator(cache_dir)
            self.liquid_store = Store(cache_dir / "liquid.pickle")
            self.layouts.related_store = Store(cache_dir / "related.pickle")

        self.jekyll_config_path = setup.jekyll_config_path(docs_dir, self.config.jekyll_config)
        jekyll = setup.read_site_config(self.jekyll_config_path, self.config.jekyll_config,
                                        docs_dir)
        if self.blog:
            urls = listing_urls(jekyll)
            newsroom.apply_listing_urls(self.blog, urls, self.config.author_pages)
            self.layouts.tag_url_format = urls.tag_url_format
        site = setup.site_settings(jekyll, self.config,
                                   setup.label(self.jekyll_config_path, docs_dir))
        site.authors = setup.known_authors(jekyll, docs_dir, self.blog)
        setup.report_config_keys(jekyll, site)
        setup.use_site_values(config, jekyll, site)
        if self.config.kramdown:
            setup.add_kramdown(config)
        if self.speedups:  # after every Markdown extension is in place
            self.speedups.configure(config, self.is_serve, cache_dir)
        # Material is given each new copy's front matter as read (a copy's YAML is not read twice)
        self.translator.on_copy = self.speedups.copy_made if self.speedups else None
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
        site_root = self._site_root(docs_dir)
        self.skipped_files = SkippedFiles(docs_dir, jekyll, site_root)
        for source in find_posts(docs_dir, (post_dir,) if self.blog else (), jekyll, site_root):
            try:
                translation = self.translator.read(docs_dir, source, post_dir, site,
                                                   key, self.nav_blog)
            except ContentError as error:
                raise PluginError(setup.with_line(error, docs_dir)) from None
            other = self.translations.get(translation.copy_uri)
            if other is not None:  # only mkdocs-blog-plugin's blog/YYYY/MM/DD/slug layout can
                raise PluginError(
                    f"Error: '{source}' and '{other.post.source}' would both be published at "
                    f"'{translation.copy_uri}': give one of them another 'slug' or date")
            self.translations[translation.copy_uri] = translation
        self.translator.keep([t.post.source for t in self.translations.values()])
        if self.blog:
            for typed, shown_as in material_blog.unify_category_spellings(
                    self.translations.values(), self.blog).items():
                log.info("Category '%s' is listed as '%s': both would have one listing page "
                         "(use one spelling to silence this)", typed, shown_as)
        self._render_liquid(config, jekyll, site)

        authors = setup.all_authors(site.authors, self.translations.values())
        self.authors = authors
        if self.blog and self.blog.config.authors:
            material_blog.use_authors(self.blog, authors, cache_dir,
                                      profiles=bool(self.blog.config.authors_profiles))
        self.publisher.configure(config, jekyll, self.config, site)
        setup.report_posts(self.translations.values(), docs_dir)
        return config

    @event_priority(50)
    def _on_files_early(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Drop the files Jekyll would not publish and hand Material translated copies
        instead of the posts."""
        if not self.config.enabled:
            return None
        material_blog.make_authors_safe(self.blog)
        originals = {t.post.source: files.get_file_from_path(t.post.source)
                     for t in self.translations.values()}
        docs_dir = os.path.normpath(config.docs_dir)
        skipped = self.skipped_files
        assert skipped is not None
        left_out = []
        for file in list(files):
            if file.src_uri in originals:  # the posts, handed over below
                continue
            if is_jekyll_internal(file.src_uri):  # _config.yml, _data, Gemfile...: silently
                files.remove(file)
            elif (file.generated_by is None and file.src_dir is not None
                    and os.path.normpath(file.src_dir) == docs_dir and skipped(file.src_uri)):
                files.remove(file)  # Jekyll's exclude, names like _x, files in _posts
                left_out.append(file.src_uri)
        if left_out:
            log.info("Left out %d file(s) that Jekyll does not publish: %s (Jekyll leaves "
                     "out names starting with '_', '.', '#' or '~' or ending with '~', what such "
                     "folders hold, files in _posts that are not posts, and what _config.yml "
                     "'exclude' names; list a file in its 'include' to publish it)",
                     len(left_out), ", ".join(left_out))
        handed: dict[str, Translation] = {}
        for uri, translation in self.translations.items():
            original = originals[translation.post.source]
            if original is None:  # excluded by exclude_docs or another plugin
                continue
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
                set_destination(file, post.dest, config)
                if isinstance(file.page, Page):
                    set_canonical(file.page, config.site_url)
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
            self.layouts.prepare(files, config, self.translations, self.blog,
                                 self.config.tag_pages)

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
        if self.speedups and self.is_serve:
            self.speedups.adopt_post(page)
        elif self.speedups:
            self.speedups.share_view(page)
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
        self.layouts.add_to(context, page, page.file.src_uri in self.translations, self.blog,
                            self.authors)
        return context

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        if self.config.enabled:
            self.publisher.collect(page, html, self.translations.get(page.file.src_uri))
        if self.speedups and self.blog:
            self.speedups.defer_readtime(page, html, self.blog)
        return None

    @event_priority(-100)  # the last thing before MkDocs empties the site folder
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.is_dirty and self.config.enabled and self.config.speedups:
            self.kept_output.start(config.site_dir)

    @event_priority(-100)
    def _on_post_build_last(self, *, config: MkDocsConfig) -> None:
        self.kept_output.finish()
        self.template_code.end_build()
        self.page_renders.end_build()
        self._log_summary(failed=False)

    def on_build_error(self, *, error: Exception) -> None:
        self.kept_output.finish()
        self.page_renders.end_build()
        if self.speedups:
            self.speedups.restore()
        self._log_summary(failed=isinstance(error, BuildError))

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        language = str(config.theme.get("language") or "en")
        locale = language.replace("-", "_")
        env.filters["jekyll_datetime"] = lambda value: format_post_datetime(value, locale)
        env.globals["jekyll_t"] = translator(language)
        if self.speedups:
            unbounded_cache(env)
            if self.is_serve:
                self.template_code.attach(env)
        env.globals["jekyll_tag_urls"] = self.layouts.tag_urls
        env.globals["jekyll_image_sizes"] = self.layouts.image_sizes
        if self.blog:  # this package's templates are in the theme
            template, own = next_template(env, config.theme.dirs, str(setup.TEMPLATES))
            env.globals["jekyll_nav"] = NavCache(template, enabled=own and self.speedups is not None)
            env.globals["jekyll_card_cache"] = CardCache(enabled=self.speedups is not None)
            env.globals["jekyll_same_html"] = SameHtml(enabled=self.speedups is not None)
            env.globals["jekyll_material_t"] = MaterialStrings(env, keep=self.speedups is not None)
        if self.config.enabled:
            self.publisher.remember(self.translations, self.authors)
            env.globals.update(self.publisher.globals(self.translations))
        self._keep_page_renders(env, config, files)
        return env

    def _keep_page_renders(self, env: Any, config: MkDocsConfig, files: Files) -> None:
        why = "the speed-ups are off" if self.speedups is None else None
        if why is None and not (self.is_serve and self.blog):
            why = "only `mkdocs serve` with the news layouts keeps pages"
        why = why or allowed(config, str(setup.TEMPLATES))
        if why:
            log.debug("Every page is rendered: %s", why)
        self.page_renders.start(env, config, files, enabled=why is None)

    def _on_post_build_outputs(self, *, config: MkDocsConfig) -> None:
        if self.speedups:
            self.speedups.end_build()
        if not self.config.enabled:
            return
        write_redirects(config, self.redirects, self.redirects_json)
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
        posts = [t.post for t in self.translations.values()]
        if self.config.liquid and self.liquid_store:
            self.liquid.remember(self.liquid_store.entries())
        try:
            render_posts(self.liquid if self.config.liquid else None, self.translator,
                         list(self.translations.values()), self.config.liquid_on_error,
                         liquid_site(config, jekyll, site, posts, self._site_root(docs_dir)))
        except ContentError as error:
            raise PluginError(setup.with_line(error, docs_dir)) from None
        if self.config.liquid and self.liquid_store:
            self.liquid_store.save(self.liquid.remembered(post.source for post in posts))

    def _remove_empty_post_dir(self) -> None:
        """Material's blog creates its post_dir in docs/ when missing; the posts live elsewhere, so
        take the empty folder away again and leave docs/ as it was (not on serve: the watcher
        would see it come back on every rebuild)."""
        made = self.made_post_dir
        if made is not None and not self.is_serve and made.is_dir() and not any(made.iterdir()):
            made.rmdir()

    def _log_summary(self, failed: bool) -> None:
        self.summary.finish((t.post for t in self.translations.values()), len(self.redirects),
                            failed)
