"""Conflict news analysis: one article in, tidy attributable frames out.

    >>> import analysis
    >>> frames = analysis.extract(analysis.SEED_ARTICLE)
    >>> frames.casualties            # one row per claimed figure

Also `analysis.actors(article)`, `places`, `statements` and `casualties`
for a single frame, and `load_article(path)` for the article structure.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .article import Article, load_article, parse_article
from .errors import InputError
from .paths import SEED_ARTICLE
from .pipeline import Frames, extract

__all__ = [
    "Article", "Frames", "InputError", "SEED_ARTICLE", "actors", "casualties", "extract",
    "load_article", "parse_article", "places", "statements",
]


def actors(article: Article | str | Path) -> pd.DataFrame:
    """The actors frame of `article` (story actors only, as exported)."""
    return extract(article).frame("actors")


def places(article: Article | str | Path) -> pd.DataFrame:
    """The places frame of `article`."""
    return extract(article).places


def statements(article: Article | str | Path) -> pd.DataFrame:
    """The statements frame of `article`."""
    return extract(article).statements


def casualties(article: Article | str | Path) -> pd.DataFrame:
    """The casualties frame of `article`."""
    return extract(article).casualties
