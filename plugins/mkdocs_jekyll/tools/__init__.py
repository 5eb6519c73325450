"""The `mkdocs-jekyll` command's work: check, new and convert. Never imports MkDocs."""
