"""Statements: direct, partial and reported quotes and embedded posts.

In:  an `Article` and its `ActorIndex`.
Out: the `statements` frame.
"""
from __future__ import annotations

import pandas as pd

from .. import schemas
from ..article import Article
from .actors import ActorIndex


def extract_statements(article: Article, index: ActorIndex) -> pd.DataFrame:
    """One row per statement, speaker resolved to a canonical actor name."""
    return schemas.empty("statements")
