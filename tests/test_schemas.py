"""schemas.validate: frames that break a rule are refused, whichever path (fast pass or pandera) decides."""
from __future__ import annotations

import pandas as pd
import pytest
from pandera.errors import SchemaError, SchemaErrors

from analysis import schemas
from analysis.paths import SEED_ARTICLE
from analysis.pipeline import extract


@pytest.fixture(scope="module")
def seed_frames():
    frames = extract(SEED_ARTICLE)
    return {name: getattr(frames, name) for name in schemas.FRAME_NAMES}


@pytest.mark.parametrize("name", schemas.FRAME_NAMES)
def test_seed_frames_pass_both_the_fast_pass_and_pandera(seed_frames, name):
    frame = seed_frames[name]
    assert schemas._passes(name, frame)
    schemas.schema(name).validate(frame)
    assert schemas.validate(name, frame) is frame


@pytest.mark.parametrize("name", schemas.FRAME_NAMES)
def test_empty_frames_validate(name):
    assert schemas.validate(name, schemas.empty(name)).empty


def _broken(frame: pd.DataFrame, how: str) -> pd.DataFrame:
    frame = frame.copy()
    if how == "negative start":
        frame.loc[0, "start"] = -1
    elif how == "start after end":
        frame.loc[0, "start"] = frame.loc[0, "end"] + 1
    elif how == "missing required text":
        frame["text"] = frame["text"].astype(object)
        frame.loc[0, "text"] = None
        frame["text"] = frame["text"].astype("str")
    elif how == "extra column":
        frame["extra"] = 1
    elif how == "columns out of order":
        frame = frame[list(reversed(frame.columns))]
    elif how == "category not in the vocabulary":
        frame["kind"] = frame["kind"].astype(pd.CategoricalDtype([*schemas.STATEMENT_KINDS, "somewhere"]))
    elif how == "offsets as floats":
        frame["start"] = frame["start"].astype("float64")
    return frame


@pytest.mark.parametrize("how", ["negative start", "start after end", "missing required text", "extra column",
                                 "columns out of order", "category not in the vocabulary", "offsets as floats"])
def test_broken_statements_are_refused(seed_frames, how):
    broken = _broken(seed_frames["statements"], how)
    assert not schemas._passes("statements", broken)
    with pytest.raises((SchemaError, SchemaErrors)):
        schemas.validate("statements", broken)


def test_negative_count_is_refused(seed_frames):
    frame = seed_frames["casualties"].copy()
    frame.loc[0, "count"] = -5
    assert not schemas._passes("casualties", frame)
    with pytest.raises(SchemaError):
        schemas.validate("casualties", frame)


def test_missing_count_is_allowed_but_missing_party_is_not(seed_frames):
    frame = seed_frames["casualties"].copy()
    frame.loc[0, "count"] = pd.NA
    assert schemas.validate("casualties", frame) is frame
    frame["party"] = frame["party"].astype(object)
    frame.loc[0, "party"] = None
    frame["party"] = frame["party"].astype("str")
    with pytest.raises(SchemaError):
        schemas.validate("casualties", frame)


def test_conform_casts_and_orders_columns():
    raw = pd.DataFrame({"end": [5], "start": [0], "text": ["x"], "kind": ["body"], "paragraph": [1],
                        "block_id": [0], "reason": [""], "author": [None], "handle": [None],
                        "post_date": [None]})
    frame = schemas.conform("blocks", raw)
    assert list(frame.columns) == list(schemas.COLUMNS["blocks"])
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert str(frame["post_date"].dtype) == "datetime64[us]"
    assert frame["author"].isna().all()
    assert schemas.validate("blocks", frame) is frame
