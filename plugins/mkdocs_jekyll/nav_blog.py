"""Which blog the site uses: Material's blog plugin, or mkdocs-blog-plugin (a nav-only blog
for the `mkdocs` and `readthedocs` themes, named `blog`, or `/blog` under Material)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

NAV_BLOG_MODULE = "mkdocs_blog"


def find_nav_blog(config: MkDocsConfig) -> Any:
    """The mkdocs-blog-plugin instance, if the site uses it."""
    for plugin in config.plugins.values():
        if type(plugin).__module__ == NAV_BLOG_MODULE:
            return plugin
    return None


def nav_blog_folder(plugin: Any) -> str:
    return str(plugin.config["folder"]).strip("/") or "blog"


def no_blog_error() -> PluginError:
    return PluginError(
        "The jekyll plugin hands posts to a blog plugin, and none is enabled: add '- blog' after "
        "'- jekyll' under 'plugins:' in mkdocs.yml (Material's blog with theme 'material'; "
        "mkdocs-blog-plugin with the 'mkdocs' or 'readthedocs' theme)"
    )
