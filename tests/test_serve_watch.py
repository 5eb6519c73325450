"""`mkdocs serve` watches the Jekyll site's files that lie outside docs_dir."""

from __future__ import annotations

from pathlib import Path

from conftest import Site
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig


class _Server:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_config_data_and_includes_outside_docs_dir_are_watched(minimal_site: Site) -> None:
    root = minimal_site.root
    (minimal_site.docs / "_config.yml").rename(root / "_config.yml")
    (root / "_data").mkdir()
    (root / "_data" / "extra.yml").write_text("a: 1\n", encoding="utf-8")
    (root / "_includes").mkdir()
    config_file = root / "mkdocs.yml"
    config_file.write_text(config_file.read_text().replace(
        "  - jekyll\n", "  - jekyll:\n      jekyll_config: ../_config.yml\n"))
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    config = load_config(str(config_file))
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    server = _Server()
    config.plugins["jekyll"].on_serve(server, config=config, builder=None)
    assert sorted(Path(p).name for p in server.watched) == ["_config.yml", "_data", "_includes"]
    assert all(Path(p).is_absolute() for p in server.watched)


def test_nothing_extra_is_watched_when_everything_is_in_docs_dir(minimal_site: Site) -> None:
    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
    config = load_config(str(minimal_site.root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    server = _Server()
    config.plugins["jekyll"].on_serve(server, config=config, builder=None)
    assert server.watched == []
