"""Project paths, resolved from the package location (never from the cwd)."""
from __future__ import annotations

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
