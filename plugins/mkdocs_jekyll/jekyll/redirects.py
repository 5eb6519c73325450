"""jekyll-redirect-from in the core: `redirect_from` (old URLs that lead to the post) and
`redirect_to` (the post itself leads elsewhere), the pages that do it, and their collisions."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urljoin

from .errors import ContentError, Problem
from .permalink import destination

if TYPE_CHECKING:
    from .post import JekyllPost

# The shape of jekyll-redirect-from's redirect.html: meta refresh, canonical link, noindex.
TEMPLATE = """<!DOCTYPE html>
<html lang="en-US">
  <meta charset="utf-8">
  <title>Redirecting&hellip;</title>
  <link rel="canonical" href="{to}">
  <script>location={script_to}</script>
  <meta http-equiv="refresh" content="0; url={to}">
  <meta name="robots" content="noindex">
  <h1>Redirecting&hellip;</h1>
  <a href="{to}">Click here if you are not redirected.</a>
</html>
"""


class RedirectError(ValueError):
    def __init__(self, key: str, value: Any, message: str) -> None:
        super().__init__(message)
        self.key, self.value = key, value


@dataclass(frozen=True)
class Redirect:
    source: str  # the post that asked for it (original file, relative to docs_dir)
    url: str  # the URL that redirects, starting with `/`
    dest: str  # the file written, relative to the site directory
    to: str  # where it leads: an absolute URL, or a path from the site root
    reason: str  # "redirect_from", "redirect_to" or "moved" (the Jekyll URL could not be kept)


def redirect_from(front: dict[str, Any]) -> list[str]:
    """The old URLs of a post, each starting with `/`."""
    value = front.get("redirect_from")
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    urls = []
    for item in values:
        if not isinstance(item, str) or not item.strip():
            raise RedirectError("redirect_from", value, "is not a URL or a list of URLs")
        if "://" in item:
            raise RedirectError("redirect_from", item, "is a full URL; only paths of this site "
                                                       "can redirect")
        urls.append("/" + item.strip().lstrip("/"))
    return urls


def redirect_to(front: dict[str, Any]) -> str | None:
    value = front.get("redirect_to")
    if value is None:
        return None
    if isinstance(value, list) and len(value) == 1:
        value = value[0]  # jekyll-redirect-from takes the first of a list
    if not isinstance(value, str) or not value.strip():
        raise RedirectError("redirect_to", value, "is not a URL")
    url = value.strip()
    if url.lower().startswith(("javascript:", "data:", "vbscript:")):
        raise RedirectError("redirect_to", value, "is not a web address")
    return url


def absolute(url: str, site_url: str) -> str:
    """jekyll-redirect-from sends to absolute_url: site `url` + `baseurl` + path."""
    if "://" in url or url.startswith("//"):
        return url
    if not site_url:
        return url if url.startswith("/") else "/" + url
    return urljoin(site_url.rstrip("/") + "/", quote(url.lstrip("/"), safe="/%#?=&:@!$'()*+,;~"))


def redirect_page(to: str) -> str:
    """The HTML of a redirect page leading to `to` (escaped for attributes and the script)."""
    script_to = json.dumps(to).replace("<", "\\u003c").replace(">", "\\u003e")
    return TEMPLATE.format(to=escape(to, quote=True), script_to=script_to)


def redirects_json(redirects: Iterable[Redirect]) -> str:
    """jekyll-redirect-from's `redirects.json`: each redirecting URL and where it leads."""
    return json.dumps({unquote(r.url): r.to for r in redirects}, ensure_ascii=False,
                      separators=(",", ":"))


def redirect_dest(url: str) -> str:
    """The file a redirect from `url` is written to, as jekyll-redirect-from names it."""
    return destination(url)


def find_redirects(posts: Iterable[JekyllPost], claimed: Mapping[str, str], site_url: str,
                   moved: Mapping[str, str] | None = None) -> list[Redirect]:
    """Every redirect page the posts need. `claimed` maps each page's file (relative to the
    site directory) to a description of it; a redirect on a claimed file is a ContentError.
    `moved` gives the URL of each post (by source) that could not keep its Jekyll URL: a
    redirect page at the Jekyll URL leads there."""
    taken = dict(claimed)
    found = []
    for post in sorted(posts, key=lambda p: p.source):
        url_now = (moved or {}).get(post.source, post.url)
        wanted = [Redirect(post.source, url, redirect_dest(url), absolute(url_now, site_url),
                           "redirect_from") for url in post.redirect_from]
        if url_now != post.url and not post.redirect_to:
            wanted.append(Redirect(post.source, post.url, post.dest, absolute(url_now, site_url),
                                   "moved"))
        if post.redirect_to:
            wanted.append(Redirect(post.source, post.url, post.dest,
                                   absolute(post.redirect_to, site_url), "redirect_to"))
        for redirect in wanted:
            other = taken.get(redirect.dest)
            if other:
                raise ContentError(Problem(
                    post.source, redirect.reason,
                    f"the redirect page '{redirect.dest}' would replace {other}",
                    f"remove it from '{redirect.reason}' or move the other page"))
            taken[redirect.dest] = f"the {redirect.reason} of '{post.source}'"
            found.append(redirect)
    return found
