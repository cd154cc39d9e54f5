"""Places named in the story, with kind, country and coordinates.

In:  an `Article` (and its `ActorIndex`, so capitals used as actors are not places).
Out: the `places` frame.
"""
from __future__ import annotations

import pandas as pd

from .. import schemas
from ..article import Article
from .actors import ActorIndex


def extract_places(article: Article, index: ActorIndex | None = None) -> pd.DataFrame:
    """One row per place named in the story's own text."""
    return schemas.empty("places")
