"""What the news layouts need in a page's template context, worked out once per build when the
files are known (on_files) and handed out per page (on_page_context): which listing a page is,
related stories, previous/next, tag pages and author profiles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import newsroom
from .jekyll.authors import Author
from .post_store import Store
from .translator import Translation


class LayoutsContext:
    def __init__(self) -> None:
        self.files = Files([])
        self.related: dict[str, list[str]] = {}
        self.neighbours: dict[str, tuple[str | None, str | None]] = {}
        self.image_sizes: dict[str, list[int]] = {}
        self.tag_pages: dict[str, newsroom.TagPage] = {}
        self.tag_urls: dict[str, str] = {}
        self.tag_url_format = "tag/{slug}"
        self.related_store: Store | None = None  # the related stories, kept for the next build

    def prepare(self, files: Files, config: MkDocsConfig, translations: dict[str, Translation],
                blog: Any, tag_pages: bool) -> None:
        """After every post has its URL (on_files -100); adds the tag pages to `files`."""
        self.files = files
        self.related = newsroom.related_by_post(translations, store=self.related_store)
        self.neighbours = newsroom.neighbours(translations)
        self.image_sizes = newsroom.image_sizes(translations, Path(config.docs_dir))
        self.tag_pages, self.tag_urls = {}, {}
        if tag_pages:
            self.tag_pages = newsroom.add_tag_pages(translations, files, config, blog,
                                                    self.tag_url_format)
            for uri, tag_page in self.tag_pages.items():
                file = files.get_file_from_path(uri)
                if file is not None and tag_page.page == 1:
                    self.tag_urls[tag_page.name] = file.url

    def add_to(self, context: Any, page: Page, is_post: bool, blog: Any,
               authors: dict[str, Author]) -> None:
        context["jekyll_view"] = newsroom.view_kind(page)
        if is_post:
            context["jekyll_related"] = self._pages(self.related.get(page.file.src_uri, ()))
            older, newer = self.neighbours.get(page.file.src_uri, (None, None))
            context["jekyll_previous"] = self._page_of(older)
            context["jekyll_next"] = self._page_of(newer)
        elif context["jekyll_view"] == "profile":
            context["jekyll_author"] = newsroom.profile_author(page, blog, authors)
        elif context["jekyll_view"] == "front":
            context["jekyll_sections"] = newsroom.section_blocks(blog)
        tag_page = self.tag_pages.get(page.file.src_uri)
        if tag_page:
            context["jekyll_view"] = "tag"
            context["jekyll_tag"] = tag_page
            context["posts"] = self._pages(tag_page.posts)
            context["jekyll_tag_pages"] = [
                found.url for uri in tag_page.urls if (found := self.files.src_uris.get(uri))
            ]

    def _pages(self, uris: Any) -> list[Page]:
        by_uri = self.files.src_uris  # the uris are src_uris already: no PurePath per lookup
        return [found.page for uri in uris
                if (found := by_uri.get(uri)) and isinstance(found.page, Page)]

    def _page_of(self, uri: str | None) -> Page | None:
        found = self.files.src_uris.get(uri) if uri else None
        return found.page if found else None
