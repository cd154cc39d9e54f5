"""Actors: people, states, organisations, armed forces, territories, media.

In:  an `Article`.
Out: an `ActorIndex` holding the `actors` frame (one row per distinct actor)
     and the `mentions` frame (one row per mention), with `resolve()` for the
     later stages (statements, casualties).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .. import schemas
from ..article import Article


@dataclass
class ActorIndex:
    """Actors and their mentions in one article, with lookups for later stages."""

    article: Article
    actors: pd.DataFrame
    mentions: pd.DataFrame

    def resolve(self, surface: str, start: int | None = None) -> str | None:
        """Canonical actor name for a surface form found at offset `start`, or None."""
        hits = self.mentions
        if start is not None:
            hits = hits[(hits["start"] <= start) & (hits["end"] > start)]
        hits = hits[hits["surface"] == surface]
        return None if hits.empty else str(hits.iloc[0]["actor"])


def index_actors(article: Article) -> ActorIndex:
    """Find every actor mention in `article` and merge them into actors."""
    return ActorIndex(article, schemas.empty("actors"), schemas.empty("mentions"))
