"""Casualty figures: every claimed figure, attributed.

In:  an `Article`, its `ActorIndex` and its `statements` frame.
Out: the `casualties` frame; `claims_check()` compares the claims.
"""
from __future__ import annotations

import pandas as pd

from .. import schemas
from ..article import Article
from .actors import ActorIndex


def extract_casualties(article: Article, index: ActorIndex, statements: pd.DataFrame) -> pd.DataFrame:
    """One row per casualty figure claimed in the story."""
    return schemas.empty("casualties")
