"""What the Liquid core needs from MkDocs: the site's Markdown (for `markdownify`), how code
fences are written, and the URL of a site file that is not a post (for `{% link %}`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from .jekyll.liquid import LiquidSite, PostRenderer, has_liquid
from .jekyll.post import JekyllPost
from .jekyll.site import SiteSettings
from .translator import Translation, Translator

log = get_plugin_logger(__name__)


def code_fence(config: MkDocsConfig) -> str:
    """How `{% highlight %}` is written, from the site's markdown_extensions."""
    extensions = {str(e) for e in config.markdown_extensions}
    if "pymdownx.superfences" in extensions:
        return "superfences"
    if "fenced_code" in extensions or "markdown.extensions.fenced_code" in extensions:
        return "fenced_code"
    return "html"


def markdownify(config: MkDocsConfig) -> Callable[[str], str]:
    converter: list[markdown.Markdown] = []

    def convert(text: str) -> str:
        if not converter:
            converter.append(markdown.Markdown(extensions=config.markdown_extensions,
                                               extension_configs=config.mdx_configs))
        return converter[0].reset().convert(text)

    return convert


def file_url(config: MkDocsConfig) -> Callable[[str], str | None]:
    docs_dir = Path(config.docs_dir)

    def url(path: str) -> str | None:
        if not path or not (docs_dir / path).is_file():
            return None
        file = File(path, str(docs_dir), str(config.site_dir), config.use_directory_urls)
        return "/" + file.url.lstrip("./") if file.url not in ("./", ".") else "/"

    return url


def jekyll_values(jekyll: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
    """_config.yml as `site` shows it, with `url` and `baseurl` from site_url when not set."""
    values = dict(jekyll)
    if config.site_url:
        parts = urlsplit(config.site_url)
        values.setdefault("url", f"{parts.scheme}://{parts.netloc}")
        values.setdefault("baseurl", parts.path.rstrip("/"))
    values.setdefault("title", config.site_name)
    values.setdefault("description", config.site_description or "")
    return values


def liquid_site(config: MkDocsConfig, jekyll: dict[str, Any], settings: SiteSettings,
                posts: list[JekyllPost], site_root: Path) -> LiquidSite:
    return LiquidSite(
        docs_dir=Path(config.docs_dir), site_root=site_root,
        config=jekyll_values(jekyll, config), posts=posts,
        timezone=settings.timezone, now=settings.now, file_url=file_url(config),
        markdownify=markdownify(config), fence=code_fence(config),
        markdown_key=repr((config.markdown_extensions, config.mdx_configs)),
    )


def render_posts(renderer: PostRenderer | None, translator: Translator,
                 translations: list[Translation], on_error: str, site: LiquidSite) -> None:
    """Render each post's Liquid (renderer None: Liquid is off) and write the copies Material
    reads. Raises ContentError for a post whose Liquid does not render."""
    if renderer is not None:
        renderer.start(site, on_error)
    for translation in translations:
        post = translation.post
        body = None
        if renderer is not None and has_liquid(post.body):
            path = site.docs_dir / post.source
            rendered = renderer.render(post, post.body,
                                       lambda path=path: path.read_text(encoding="utf-8"),
                                       translator.key_of(post))
            for problem in rendered.warnings:
                log.warning("%s", problem)
            body = rendered.text
        translator.write(translation, body)
    translator.keep_copies()
