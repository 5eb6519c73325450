"""`mkdocs-jekyll new "Headline"`: start a post with its front matter filled in."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from ..jekyll.authors import Author
from ..jekyll.dates import DATE_FORMS, DateParseError, parse_date_string
from ..jekyll.names import slugify
from .sitecontext import load_site


class NewPostError(ValueError):
    """Why the post was not written (the message says how to fix it)."""


@dataclass(frozen=True)
class NewPost:
    headline: str
    section: str | None = None
    author: str | None = None
    draft: bool = False
    date: str | None = None  # as typed; default now


def write_new_post(docs_dir: Path, new: NewPost, now: datetime | None = None) -> Path:
    site = load_site(docs_dir)
    tz = site.settings.timezone
    if new.date:
        try:
            when = parse_date_string(new.date, tz)
        except DateParseError as error:
            raise NewPostError(f"--date '{new.date}' {error} (use {DATE_FORMS})") from None
    else:
        when = (now or datetime.now(tz)).astimezone(tz).replace(microsecond=0)
    slug = slugify(new.headline)
    if not slug:
        raise NewPostError(f"the headline '{new.headline}' has no letters or digits for a file name")
    front: dict[str, object] = {"layout": "post", "title": new.headline,
                                "date": when.strftime("%Y-%m-%d %H:%M:%S %z")}
    author = _author_id(new.author, site.authors)
    if author:
        front["author"] = author
    if new.section:
        front["categories"] = [new.section]
    name = f"_drafts/{slug}.md" if new.draft else f"_posts/{when:%Y-%m-%d}-{slug}.md"
    path = docs_dir / name
    if path.exists():
        raise NewPostError(f"'{path}' already exists: not overwritten (choose another headline)")
    text = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1 << 16)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(f"---\n{text}---\n\nThe first paragraph is the excerpt.\n")
    return path


def _author_id(wanted: str | None, authors: dict[str, Author]) -> str | None:
    if wanted:
        if wanted in authors:
            return wanted
        by_name = [a.id for a in authors.values() if a.name.casefold() == wanted.casefold()]
        if by_name:
            return by_name[0]
        known = ", ".join(sorted(authors)) or "none"
        raise NewPostError(f"--author '{wanted}' is not in _data/authors.yml (known: {known})")
    name = _git_user_name()
    matches = [a.id for a in authors.values() if name and a.name.casefold() == name.casefold()]
    return matches[0] if matches else None


def _git_user_name() -> str | None:
    try:
        result = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True,
                                timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None
