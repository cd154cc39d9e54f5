"""Project paths, resolved from the package location (never from the cwd)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DATA_DIR = PROJECT_DIR / "data"
ARTICLES_DIR = DATA_DIR / "articles"
LEXICON_DIR = DATA_DIR / "lexicon"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
NOTEBOOKS_DIR = PROJECT_DIR / "notebooks"
REPORTS_DIR = PROJECT_DIR / "reports"
#: Derived data that is slow to build (git-ignored; safe to delete).
CACHE_DIR = PROJECT_DIR / ".cache"

#: The article every default points to.
SEED_ARTICLE = ARTICLES_DIR / "presstv_2020-10-10_armenia-azerbaijan-ceasefire.txt"


def write_cache(path: Path, data: bytes) -> bool:
    """Write `data` to the cache file `path` through a temporary file beside it (a reader never
    sees half of it). A cache only saves time: on an OS error nothing is left behind and the
    result is False."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}-", suffix=".tmp",
                                         delete=False) as handle:
            tmp = handle.name
            handle.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False
