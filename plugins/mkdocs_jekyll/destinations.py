"""Where posts and redirect pages are written: the exact Jekyll URL of a post, its canonical URL,
and the redirect pages of jekyll-redirect-from."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from .jekyll.redirects import Redirect, redirect_page, redirects_json


def set_destination(file: File, dest: str, config: MkDocsConfig) -> None:
    url = dest
    if config.use_directory_urls and (dest == "index.html" or dest.endswith("/index.html")):
        url = dest[: -len("index.html")]
    file.dest_uri = dest
    file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, dest))
    file.url = quote(url)


def set_canonical(page: Page, site_url: str | None) -> None:
    if site_url:
        base = site_url if site_url.endswith("/") else site_url + "/"
        page.canonical_url = urljoin(base, page.url)
        page.abs_url = urlsplit(page.canonical_url).path


def write_redirects(config: MkDocsConfig, redirects: list[Redirect], with_json: bool) -> None:
    for redirect in redirects:
        path = Path(config.site_dir) / redirect.dest
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(redirect_page(redirect.to), encoding="utf-8")
    if redirects and with_json:  # unless docs_dir has its own (see plugin._on_files_late)
        (Path(config.site_dir) / "redirects.json").write_text(redirects_json(redirects),
                                                             encoding="utf-8")
