"""Closed vocabularies and the pandera schema of every frame the package makes.

`validate(name, frame)` checks a frame against its schema and returns it;
`empty(name)` gives a frame with the right columns and dtypes and no rows.
data/README.md documents the same columns (a test keeps the two in step).
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

BLOCK_KINDS = ("title", "subheading", "body", "caption", "embedded_post", "boilerplate")
ACTOR_KINDS = ("person", "state", "organization", "armed_forces", "territory", "media")
MENTION_KINDS = ("name", "surname", "title", "role_noun", "demonym", "metonym", "acronym", "handle", "pronoun")
PLACE_KINDS = ("city", "district", "region", "country")
STATEMENT_KINDS = ("direct", "partial", "indirect", "tweet")
SPEAKER_RESOLUTIONS = ("name", "pronoun", "role_noun", "continuation", "signature")
STATEMENT_TYPES = ("announce", "accuse", "claim", "appeal", "reject", "welcome", "concern", "warn", "demand", "other")
POPULATIONS = ("military", "civilian", "unspecified")
OUTCOMES = ("killed", "injured", "missing", "captured", "casualties")
QUALIFIERS = ("exact", "more_than", "at_least", "about", "at_most", "undisclosed")

#: Column name -> (dtype, nullable) for every frame, in column order.
#: dtype is a pandas dtype string, or a tuple of categories for a categorical.
COLUMNS: dict[str, dict[str, tuple[object, bool]]] = {
    "blocks": {
        "block_id": ("int64", False), "kind": (BLOCK_KINDS, False), "paragraph": ("int64", False),
        "start": ("int64", False), "end": ("int64", False), "text": ("str", False),
        "reason": ("str", False), "author": ("str", True), "handle": ("str", True),
        "post_date": ("datetime64[us]", True),
    },
    "sentences": {
        "sentence_id": ("int64", False), "block_id": ("int64", False), "block_kind": (BLOCK_KINDS, False),
        "paragraph": ("int64", False), "start": ("int64", False), "end": ("int64", False), "text": ("str", False),
    },
    "mentions": {
        "mention_id": ("int64", False), "actor": ("str", False), "actor_kind": (ACTOR_KINDS, False),
        "mention_kind": (MENTION_KINDS, False), "surface": ("str", False), "start": ("int64", False),
        "end": ("int64", False), "sentence_id": ("int64", False), "block_kind": (BLOCK_KINDS, False),
    },
    "actors": {
        "name": ("str", False), "kind": (ACTOR_KINDS, False), "affiliation": ("str", True),
        "role": ("str", True), "aliases": ("str", False), "mentions": ("int64", False),
        "first_offset": ("int64", False), "in_story": ("bool", False),
    },
    "places": {
        "name": ("str", False), "kind": (PLACE_KINDS, False), "country": ("str", True),
        "aliases": ("str", False), "mentions": ("int64", False), "first_offset": ("int64", False),
        "lat": ("float64", True), "lon": ("float64", True), "coord_source": ("str", True),
    },
    "statements": {
        "statement_id": ("int64", False), "speaker": ("str", True), "speaker_surface": ("str", True),
        "speaker_resolution": (SPEAKER_RESOLUTIONS, True), "kind": (STATEMENT_KINDS, False),
        "text": ("str", False), "cue": ("str", True), "target": ("str", True),
        "type": (STATEMENT_TYPES, False), "date": ("datetime64[us]", True),
        "sentence_id": ("int64", False), "block_id": ("int64", False), "paragraph": ("int64", False),
        "start": ("int64", False), "end": ("int64", False),
    },
    "casualties": {
        "casualty_id": ("int64", False), "reported_by": ("str", False), "party": ("str", False),
        "population": (POPULATIONS, False), "outcome": (OUTCOMES, False), "count": ("Int64", True),
        "qualifier": (QUALIFIERS, False), "count_low": ("Int64", True), "count_high": ("Int64", True),
        "as_of": ("datetime64[us]", True), "since": ("datetime64[us]", True),
        "sentence_id": ("int64", False), "sentence": ("str", False), "start": ("int64", False),
        "end": ("int64", False), "statement_id": ("Int64", True),
    },
}

FRAME_NAMES = tuple(COLUMNS)


def _dtype(spec: object):
    if isinstance(spec, tuple):
        return pd.CategoricalDtype(categories=list(spec))
    return spec


@lru_cache(maxsize=None)
def schema(name: str):
    """The pandera DataFrameSchema of frame `name` (strict, ordered columns)."""
    import pandera.pandas as pa  # imported lazily: keeps `import analysis` fast

    columns = {}
    for column, (spec, nullable) in COLUMNS[name].items():
        checks = []
        if column in ("start", "end", "count", "count_low", "count_high", "mentions", "first_offset"):
            checks.append(pa.Check.ge(0))
        columns[column] = pa.Column(_dtype(spec), nullable=nullable, checks=checks, coerce=False)
    frame_checks = []
    if "start" in COLUMNS[name] and "end" in COLUMNS[name]:
        frame_checks.append(pa.Check(lambda df: df["start"] <= df["end"], name="start <= end"))
    return pa.DataFrameSchema(columns, checks=frame_checks, strict=True, ordered=True, name=name)


def empty(name: str) -> pd.DataFrame:
    """A frame with `name`'s columns and dtypes and no rows."""
    return _empty(name).copy()


@lru_cache(maxsize=None)
def _empty(name: str) -> pd.DataFrame:
    return conform(name, pd.DataFrame(columns=list(COLUMNS[name])))


@lru_cache(maxsize=None)
def _target(spec: object):
    """The pandas dtype a column of `spec` has after `conform`."""
    return pd.api.types.pandas_dtype(_dtype(spec))


def _dtype_is(actual, spec: object) -> bool:
    """True when a column of dtype `actual` already has exactly the dtype `conform` casts it to."""
    target = _target(spec)
    if type(actual) is not type(target) or actual != target:
        return False
    if isinstance(target, pd.CategoricalDtype):
        return (actual.ordered == target.ordered and actual.categories.dtype == target.categories.dtype
                and list(actual.categories) == list(target.categories))
    return True


def conform(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Order `frame`'s columns as the schema says and cast them to its dtypes."""
    out = frame.reindex(columns=list(COLUMNS[name])).copy()
    for (column, (spec, _)), actual in zip(COLUMNS[name].items(), out.dtypes):
        if _dtype_is(actual, spec):
            continue  # the casts below would return it unchanged
        dtype = _dtype(spec)
        if str(dtype).startswith("datetime64"):
            out[column] = pd.to_datetime(out[column]).astype(dtype)
        elif dtype == "str":
            out[column] = out[column].astype("str").where(out[column].notna(), None)
        else:
            out[column] = out[column].astype(dtype)
    return out.reset_index(drop=True)


def validate(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Check `frame` against the schema of `name`; return it unchanged or raise."""
    if _passes(name, frame):
        return frame
    return schema(name).validate(frame)  # the schema decides, and says what is wrong


_NON_NEGATIVE = ("start", "end", "count", "count_low", "count_high", "mentions", "first_offset")


def _passes(name: str, frame: pd.DataFrame) -> bool:
    """A fast, stricter-than-pandera pass of `schema(name)` (never more lenient).

    True only when the columns are exactly the schema's, in order, each with
    exactly its dtype (categories and their order included), no missing value
    in a non-nullable column, no negative offset or count, and start <= end.
    Anything else goes to pandera, which raises with its report. Each test
    runs once over the whole frame: per-column calls cost more than the data
    on the short frames of one article.
    """
    spec = COLUMNS[name]
    if not isinstance(frame, pd.DataFrame) or list(frame.columns) != list(spec):
        return False
    if not all(_dtype_is(actual, dtype) for (dtype, _), actual in zip(spec.values(), frame.dtypes)):
        return False
    if frame.empty:
        return True
    required = _required_columns(name)
    if frame[required].isna().to_numpy().any():
        return False
    counted = _non_negative_columns(name)
    if counted and (frame[counted].fillna(0).to_numpy(dtype="int64") < 0).any():
        return False
    if "start" in spec and "end" in spec and not (frame["start"].to_numpy() <= frame["end"].to_numpy()).all():
        return False
    return True


@lru_cache(maxsize=None)
def _required_columns(name: str) -> list[str]:
    return [column for column, (_, nullable) in COLUMNS[name].items() if not nullable]


@lru_cache(maxsize=None)
def _non_negative_columns(name: str) -> list[str]:
    return [column for column in COLUMNS[name] if column in _NON_NEGATIVE]
