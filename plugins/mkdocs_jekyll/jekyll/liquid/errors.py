"""The error Jekyll's tags raise: a python-liquid error, so it carries the line it happened on."""

from __future__ import annotations

from liquid.exceptions import LiquidError


class JekyllError(LiquidError):
    """A problem a Jekyll tag found, phrased for the post's author."""
