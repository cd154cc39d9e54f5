"""Load the project's world-knowledge and language tables from data/.

In:  a file name under data/lexicon/ or data/gazetteer/ (CSV with a header,
     or a text file with one entry per line and `#` comments).
Out: rows as tuples of dicts / a frozenset of entries, read once and cached.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from .paths import DATA_DIR


def _resolve(name: str) -> Path:
    for folder in ("lexicon", "gazetteer"):
        path = DATA_DIR / folder / name
        if path.is_file():
            return path
    raise FileNotFoundError(f"no data file {name!r} under {DATA_DIR}/lexicon or {DATA_DIR}/gazetteer")


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of data/{lexicon,gazetteer}/NAME (a CSV), values stripped; `#` rows skipped."""
    with _resolve(name).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return tuple({k: (v or "").strip() for k, v in row.items() if k} for row in rows)


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The entries of a one-per-line text file; blank lines and `#` comments skipped."""
    lines = _resolve(name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))
