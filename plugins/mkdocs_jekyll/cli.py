"""`mkdocs-jekyll`: tools for contributors and editors, without building the site.

    mkdocs-jekyll check [PATHS]...      validate posts; `file:line: message`, exit 1 on errors
    mkdocs-jekyll new "Headline"        start a post with its front matter filled in
    mkdocs-jekyll convert SRC DEST      a Jekyll site as a plain MkDocs + Material blog project
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .jekyll.errors import ContentError
from .tools.check import check_site, format_report
from .tools.convert import convert_site
from .tools.new import NewPost, NewPostError, write_new_post


@click.group(help=__doc__)
@click.version_option(__version__, prog_name="mkdocs-jekyll")
def cli() -> None:
    pass


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--docs-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"),
              show_default=True, help="The Jekyll site (MkDocs' docs_dir).")
@click.option("--format", "style", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="github: workflow annotations (::error file=...,line=...::)")
@click.option("--strict", is_flag=True, help="Warnings fail too, as in `mkdocs build --strict`.")
def check(paths: tuple[Path, ...], docs_dir: Path, style: str, strict: bool) -> None:
    """Validate posts without building: front matter, dates, authors, categories, images,
    duplicate URLs and (with Liquid support installed) Liquid syntax. PATHS are post files, or
    one folder to use as the docs dir."""
    only: list[str] = []
    for path in paths:
        if path.is_dir():
            docs_dir = path
            continue
        try:
            only.append(path.resolve().relative_to(docs_dir.resolve()).as_posix())
        except ValueError:
            raise click.UsageError(f"'{path}' is not inside the docs dir '{docs_dir}'") from None
    report = check_site(docs_dir, only)
    click.echo(format_report(report, style))
    failed = report.count("error") or (strict and report.count("warning"))
    sys.exit(1 if failed else 0)


@cli.command()
@click.argument("headline")
@click.option("--section", help="The post's category (its section of the paper).")
@click.option("--author", help="An author id (or name) from _data/authors.yml; default: git user.name.")
@click.option("--draft", is_flag=True, help="Write _drafts/slug.md instead of a dated post.")
@click.option("--date", help="YYYY-MM-DD [HH:MM[:SS]] in the site timezone; default now.")
@click.option("--docs-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("docs"),
              show_default=True)
def new(headline: str, section: str | None, author: str | None, draft: bool, date: str | None,
        docs_dir: Path) -> None:
    """Start a post: `_posts/YYYY-MM-DD-slug.md` with its front matter filled in."""
    try:
        path = write_new_post(docs_dir, NewPost(headline, section, author, draft, date))
    except (NewPostError, ContentError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Wrote {path}")


@cli.command()
@click.argument("src", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
def convert(src: Path, dest: Path) -> None:
    """Turn the Jekyll site SRC into a MkDocs + Material blog project in DEST that builds
    without this plugin."""
    try:
        report = convert_site(src, dest)
    except (ContentError, FileExistsError) as error:
        raise click.ClickException(str(error)) from None
    for source in report.converted:
        click.echo(f"converted: {source}")
    for problem in report.incomplete:
        click.echo(f"not fully converted: {problem}")
    for note in report.notes:
        click.echo(f"note: {note}")
    for old, target in report.redirects.items():
        click.echo(f"redirect: {old} -> {target}")
    click.echo(f"{len(report.converted)} posts converted, {len(report.incomplete)} not fully "
               f"converted, {len(report.redirects)} redirects; build with: mkdocs build -f {dest}/mkdocs.yml")


def main(argv: list[str] | None = None) -> int:
    try:
        cli.main(args=argv, prog_name="mkdocs-jekyll", standalone_mode=False)
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Exit as done:
        return done.exit_code
    except SystemExit as done:
        return int(done.code or 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
