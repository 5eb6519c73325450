"""A Jekyll site folder as the command line tools see it: settings, authors and posts."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from ..jekyll.authors import Author, AuthorError, read_authors
from ..jekyll.dates import DateParseError
from ..jekyll.errors import ContentError, Problem, shown
from ..jekyll.site import SettingError, SiteSettings, settings_from_config
from ..jekyll.sitefiles import read_jekyll_config, read_yaml_file

AUTHOR_FILES = ("_data/authors.yml", "_data/authors.yaml")


@dataclass
class JekyllSite:
    root: Path  # the folder with `_config.yml` and `_posts` (MkDocs' docs_dir)
    config: dict[str, Any]
    settings: SiteSettings
    authors: dict[str, Author]


def load_site(root: Path) -> JekyllSite:
    """Read `_config.yml` and the authors files, or raise ContentError naming the file."""
    config_path = root / "_config.yml"
    config = read_jekyll_config(config_path, "_config.yml") if config_path.is_file() else {}
    try:
        settings = settings_from_config(config)
    except DateParseError as error:
        raise ContentError(Problem("_config.yml", "timezone", str(error),
                                   "use a name like Europe/Berlin or UTC")) from None
    except SettingError as error:
        raise ContentError(Problem("_config.yml", error.key, f"{shown(error.value)} {error}",
                                   error.fix)) from None
    authors: dict[str, Author] = {}
    try:
        authors.update(read_authors(config.get("authors"), "_config.yml"))
        for name in AUTHOR_FILES:
            if (root / name).is_file():
                authors.update(read_authors(read_yaml_file(root / name, name), name))
    except AuthorError as error:
        raise ContentError(Problem("_data/authors.yml", None, str(error), "fix the entry")) from None
    settings.authors = authors
    return JekyllSite(root, config, settings, authors)


def liquid_module() -> ModuleType | None:
    """The package's Liquid support, when this installation has it (`mkdocs_jekyll.jekyll.liquid`)."""
    try:
        return importlib.import_module("mkdocs_jekyll.jekyll.liquid")
    except ImportError:
        return None


def has_liquid(text: str) -> bool:
    return "{{" in text or "{%" in text
