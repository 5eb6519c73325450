"""Where listing pages go, as jekyll-archives and jekyll-paginate place them, in the form of
Material's blog options (`archive_url_format`, `categories_url_format`, `pagination_url_format`).

Material builds one archive per year, one front per category and pages of N posts; jekyll-archives
can also build month and day archives, which Material cannot: those are reported, not guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# jekyll-archives' own defaults (lib/jekyll-archives.rb, DEFAULTS["permalinks"]).
ARCHIVE_PERMALINKS = {
    "year": "/:year/",
    "category": "/category/:name/",
    "tag": "/tag/:name/",
}
DEFAULT_PAGINATE_PATH = "/page:num/"


@dataclass
class ListingUrls:
    """Material option values (None: leave Material's own) and what could not be matched."""

    archive_url_format: str = "{date}"
    categories_url_format: str = "category/{slug}"
    tag_url_format: str = "tag/{slug}"
    pagination_url_format: str | None = None
    pagination_per_page: int | None = None
    problems: list[str] = field(default_factory=list)


def listing_urls(jekyll: Mapping[str, Any]) -> ListingUrls:
    urls = ListingUrls()
    archives = jekyll.get("jekyll-archives")
    permalinks = dict(ARCHIVE_PERMALINKS)
    if isinstance(archives, Mapping) and isinstance(archives.get("permalinks"), Mapping):
        permalinks.update({str(k): str(v) for k, v in archives["permalinks"].items()})
    for kind in ("month", "day"):
        if kind in permalinks and isinstance(archives, Mapping) and kind in (archives.get("enabled") or []):
            urls.problems.append(
                f"jekyll-archives '{kind}' archives are not built: Material archives by year only"
            )
    urls.archive_url_format = _material_format(permalinks["year"], {":year": "{date}"}, urls, "year")
    urls.categories_url_format = _material_format(
        permalinks["category"], {":name": "{slug}"}, urls, "category")
    urls.tag_url_format = _material_format(permalinks["tag"], {":name": "{slug}"}, urls, "tag")
    if jekyll.get("paginate_path") is not None:
        urls.pagination_url_format = _pagination_format(str(jekyll["paginate_path"]), urls)
    per_page = jekyll.get("paginate")
    if isinstance(per_page, int) and not isinstance(per_page, bool) and per_page > 0:
        urls.pagination_per_page = per_page
    return urls


def _material_format(permalink: str, names: Mapping[str, str], urls: ListingUrls, kind: str) -> str:
    path = permalink.strip().strip("/")
    if path.endswith(".html"):
        path = path[: -len(".html")]
    if path.endswith("/index"):
        path = path[: -len("/index")]
    for placeholder, field_name in names.items():
        path = path.replace(placeholder, field_name)
    if ":" in path or not any(name in path for name in names.values()):
        urls.problems.append(
            f"jekyll-archives permalink '{kind}: {permalink}' cannot be matched "
            f"(use only {', '.join(names)}); the default '{ARCHIVE_PERMALINKS[kind]}' is used"
        )
        return _material_format(ARCHIVE_PERMALINKS[kind], names, ListingUrls(), kind)
    return path


def _pagination_format(paginate_path: str, urls: ListingUrls) -> str | None:
    if ":num" not in paginate_path:
        urls.problems.append(
            f"'paginate_path: {paginate_path}' has no ':num': Material's 'page/{{page}}' is used"
        )
        return None
    # jekyll-paginate's path is from the site root; Material's from the listing it pages.
    path = paginate_path.strip().strip("/")
    if path.endswith("/index.html"):
        path = path[: -len("/index.html")]
    return path.replace(":num", "{page}")
