"""Publish unchanged Jekyll posts with MkDocs and Material for MkDocs."""

__version__ = "0.1.0"
