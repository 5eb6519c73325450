"""Jekyll semantics as plain Python: no MkDocs imports below this package.

Each module ports one part of Jekyll (filenames, dates, taxonomy, authors, excerpts, permalinks)
so it can be tested with plain data and compared with the real Jekyll.
"""
