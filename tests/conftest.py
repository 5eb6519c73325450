"""Build real sites the way `mkdocs build` does, and read what a reader would see."""

from __future__ import annotations

import logging
import os
import shutil
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


def tool_missing(reason: str) -> NoReturn:
    """Skip a test whose outside tool (jekyll, chromium, zensical...) is absent; fail instead when
    CI=true, where .ci/run and pyproject.toml install every tool."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}, and CI=true requires it (.ci/run and pyproject.toml install it)",
                    pytrace=False)
    pytest.skip(reason)


V = TypeVar("V")


def assert_same(found: Any, read: Any, where: str = "") -> None:
    """Equal, and of the same types all the way down (a time's offset and tzinfo's type too)."""
    assert type(found) is type(read), (where, found, read)
    if isinstance(found, dict):
        assert list(found) == list(read), where
        for key in found:
            assert_same(found[key], read[key], f"{where}.{key}")
    elif isinstance(found, list):
        assert len(found) == len(read), where
        for n, (a, b) in enumerate(zip(found, read, strict=True)):
            assert_same(a, b, f"{where}[{n}]")
    else:
        assert found == read, (where, found, read)
        if isinstance(found, datetime):
            assert type(found.tzinfo) is type(read.tzinfo), where
            assert found.utcoffset() == read.utcoffset(), where
            assert found.replace(tzinfo=None) == read.replace(tzinfo=None), where
            assert found.fold == read.fold, where


def at_end_build(monkeypatch: pytest.MonkeyPatch, cls: type, read: Callable[[Any], V]) -> list[V]:
    """`read(obj)` each time an object of `cls` ends a build (its `end_build`), while the test
    runs: what a cache did in each build."""
    seen: list[V] = []
    original = cls.end_build  # type: ignore[attr-defined]

    def end_build(self: Any) -> None:
        seen.append(read(self))
        original(self)

    monkeypatch.setattr(cls, "end_build", end_build)
    return seen


@dataclass
class Site:
    root: Path
    messages: list[logging.LogRecord] = field(default_factory=list)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def out(self) -> Path:
        return self.root / "site"

    def write(self, rel: str, text: str) -> Path:
        path = self.docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def build(self, strict: bool = True) -> Site:
        """startup -> build -> shutdown, as `mkdocs build --strict` runs them."""
        self.messages.clear()
        handler = _Collect(self.messages)
        logger = logging.getLogger("mkdocs")
        logger.addHandler(handler)
        level = logger.level
        logger.setLevel(logging.INFO)
        # One process, many builds: drop the plugin objects MkDocs keeps for `mkdocs serve`.
        dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()
        config = load_config(str(self.root / "mkdocs.yml"), strict=strict,
                             site_dir=str(self.out))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
            logger.removeHandler(handler)
            logger.setLevel(level)
        return self

    def page(self, url_path: str) -> BeautifulSoup:
        path = self.out / url_path.lstrip("/")
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        assert path.is_file(), (
            f"{url_path} was not built; reproduce with: mkdocs serve -f {self.root}/mkdocs.yml\n"
            f"built: {sorted(p.relative_to(self.out).as_posix() for p in self.out.rglob('*.html'))}"
        )
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")

    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.messages if r.levelno >= logging.WARNING]

    def errors(self) -> str:
        return "\n".join(r.getMessage() for r in self.messages if r.levelno >= logging.ERROR)

    def infos(self) -> list[str]:
        return [r.getMessage() for r in self.messages]


class _Collect(logging.Handler):
    def __init__(self, sink: list[logging.LogRecord]) -> None:
        super().__init__(logging.DEBUG)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record)


def copy_site(name: str, tmp_path: Path) -> Site:
    root = tmp_path / name
    shutil.copytree(FIXTURES / "sites" / name, root)
    return Site(root)


@pytest.fixture
def minimal_site(tmp_path: Path) -> Site:
    return copy_site("minimal", tmp_path)


def copy_demo(root: Path) -> Site:
    """A copy of the repository's own demo site (mkdocs.yml, docs/, overrides/) in `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("posts"))
        else:
            shutil.copy(source, root / name)
    return Site(root)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The repository's own demo site, built once into a temporary folder."""
    return copy_demo(tmp_path_factory.mktemp("demo")).build()


def text_of(node: object) -> str:
    return " ".join(node.get_text(" ", strip=True).split()) if node is not None else ""
