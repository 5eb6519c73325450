"""Files a post's Liquid may read: `_includes/` for `include`, the post's own folder for
`include_relative`, nothing else. Absolute paths, `..`, and symlinks that lead out are refused."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from liquid import BoundTemplate
from liquid.token import Token

from .errors import JekyllError

if TYPE_CHECKING:
    from .environment import JekyllEnvironment, LiquidSite

INCLUDES_DIR = "_includes"
MAX_INCLUDE_BYTES = 1_000_000
VALID_NAME = re.compile(r"\A[\w/.\-()+~#@]+\Z")  # include.rb VALID_FILENAME_CHARS
INVALID_SEQUENCE = re.compile(r"[./]{2,}")  # include.rb INVALID_SEQUENCES


def base_dir(site: LiquidSite, relative: bool) -> Path:
    """`_includes/` is in the Jekyll site's folder; a post's own folder is under docs_dir."""
    return site.docs_dir if relative or site.site_root is None else site.site_root


def includes_root(env: JekyllEnvironment, relative: bool) -> str:
    """The folder (relative to docs_dir) an include is read from."""
    if relative:
        return PurePosixPath(env.current_source).parent.as_posix()
    return str(env.site.config.get("includes_dir") or INCLUDES_DIR).strip("/")


def check_name(name: str, tag: str, token: Token) -> None:
    if name.startswith("/") or re.match(r"\A[A-Za-z]:", name):
        raise JekyllError(
            f"'{{% {tag} {name} %}}' names an absolute path: includes are read from "
            f"{'the post' + chr(39) + 's folder' if tag == 'include_relative' else '_includes/'} "
            "only (give the file name inside it)", token=token)
    if INVALID_SEQUENCE.search(name) or not VALID_NAME.match(name):
        raise JekyllError(
            f"'{{% {tag} {name} %}}': the file name contains invalid characters or sequences "
            "such as '..' (includes cannot climb out of their folder; use a name such as "
            "'note.html' or 'cards/note.html')", token=token)


def read_inside(docs_dir: Path, root: str, name: str, tag: str, token: Token) -> tuple[str, str]:
    """(label, text) of `root/name`, where the real file must lie inside `root`."""
    base = (docs_dir / root).resolve()
    path = docs_dir / root / name
    label = (PurePosixPath(root) / name).as_posix() if root not in ("", ".") else name
    real = path.resolve()
    if real != base and base not in real.parents:
        raise JekyllError(
            f"'{{% {tag} {name} %}}': '{label}' leads outside '{root or '.'}/' (a symlink?): "
            "includes may only read files inside it", token=token)
    if not real.is_file():
        raise JekyllError(
            f"'{{% {tag} {name} %}}': '{label}' does not exist (create it, or fix the name)",
            token=token)
    if real.stat().st_size > MAX_INCLUDE_BYTES:
        raise JekyllError(f"'{label}' is larger than {MAX_INCLUDE_BYTES} bytes", token=token)
    try:
        return label, real.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise JekyllError(f"'{label}' is not UTF-8 text (save it as UTF-8)", token=token) from None


def load_include(env: JekyllEnvironment, name: str, relative: bool,
                 token: Token) -> BoundTemplate:
    tag = "include_relative" if relative else "include"
    check_name(name, tag, token)
    root = includes_root(env, relative)
    found = env.includes.get((root, name))
    if found is None:  # read once per build: files do not change while it runs
        label, text = read_inside(base_dir(env.site, relative), root, name, tag, token)
        found = (label, hashlib.sha1(text.encode()).hexdigest(), env.from_string(text, name=label))
        env.includes[(root, name)] = found
    label, digest, template = found
    env.depends_on(f"file:{'docs' if relative else 'site'}:{label}", digest)
    return template
