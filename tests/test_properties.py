"""Property tests: extraction holds up on arbitrary text.

For any text (unicode, every kind of quote mark, digits, NBSP, newlines,
very long lines, news-like sentences spliced with noise):
- extraction never raises;
- every frame validates against its schema, with the schema's columns;
- every offset lies inside the raw text and slices it to the recorded evidence;
- extraction is deterministic: the same input gives the same frames.

Run many more examples with HYPOTHESIS_PROFILE=ci (see conftest_hypothesis.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest_hypothesis import examples  # noqa: E402  (registers and loads the profiles)

from analysis import schemas  # noqa: E402
from analysis.article import decode_text, parse_article  # noqa: E402
from analysis.errors import InputError  # noqa: E402
from analysis.pipeline import extract  # noqa: E402
from analysis.synthetic import synthetic_article, synthetic_metadata  # noqa: E402

# ----------------------------------------------------------------------------
# Strategies

QUOTES = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "``", "''"]
SPACES = [" ", "  ", "\u00a0", "\u2009", "\u202f", "\t", "\n", "\n\n", "\r\n", "\u200b", "\ufeff"]
PUNCT = [".", ",", "!", "?", ";", ":", "\u2026", "\u2014", "\u2013", "-", "(", ")", "[", "]", "@", "#", "%"]
WORDS = [
    "said", "told", "according to", "killed", "wounded", "at least", "more than", "dozens", "two",
    "Monday", "Saturday", "yesterday", "October 10", "10 October 2020", "2020-10-10", "Oct.", "U.S.",
    "Mr.", "Dr.", "Gen.", "the ministry", "he", "she", "they", "Armenia", "Azerbaijan", "Moscow",
    "Lavrov", "Aliyev", "the UN", "President", "Foreign Minister", "soldiers", "civilians", "ceasefire",
    "(AFP photo)", "(Photo by Reuters)", "\u2014 Jane Doe (@jdoe) October 10, 2020", "1,000", "12:05 pm",
    "0805 GMT", "5", "54", "1.5", "III", "\u0661\u0662", "\u2167", "\u00e9", "\u0130", "\u00df",
]

unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)
news_tokens = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(QUOTES), st.sampled_from(SPACES),
              st.sampled_from(PUNCT), st.integers(0, 10**7).map(str),
              st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)),
    max_size=80,
).map("".join)
template_sentence = st.builds(
    lambda seed, words: synthetic_article(words, seed).split("\n\n")[3:][:3],
    st.integers(0, 10_000), st.integers(0, 120),
).map("\n\n".join)
long_line = st.builds(lambda unit, n: unit * n, st.sampled_from(
    ["word ", "\u201cquote\u201d ", "12 ", "x", "said \"", ". ", "A. ", "Mr. Ali ", "\u00a0", "\u2026"]),
    st.integers(300, 3000))

# Long lines are the costliest pieces: one draw in nine.
pieces = st.one_of(unicode_text, unicode_text, news_tokens, news_tokens, news_tokens, template_sentence,
                   template_sentence, long_line, st.sampled_from(SPACES + QUOTES))
article_text = st.lists(pieces, max_size=8).map("".join)

metadata = st.one_of(
    st.just({}),
    st.just(synthetic_metadata(0)),
    st.builds(lambda d: {"published": d.isoformat()}, st.dates()),
    st.builds(lambda h: {"headline": h, "published": "2020-10-10"}, news_tokens),
)


# ----------------------------------------------------------------------------
# What each frame's offsets must slice to

#: frame -> column holding the text that raw[start:end] must equal
EVIDENCE = {"blocks": "text", "sentences": "text", "mentions": "surface", "statements": "text"}


def check_frames(text: str, frames) -> None:
    n = len(text)
    for name in schemas.FRAME_NAMES:
        frame = getattr(frames, name)
        assert list(frame.columns) == list(schemas.COLUMNS[name]), name
        schemas.validate(name, frame)  # raises on any violation
        if "start" in frame.columns:
            assert ((frame["start"] >= 0) & (frame["start"] <= frame["end"]) & (frame["end"] <= n)).all(), name
        if name in EVIDENCE:
            column = EVIDENCE[name]
            for start, end, evidence in zip(frame["start"], frame["end"], frame[column]):
                assert text[start:end] == evidence, (name, start, end, evidence)
        if "first_offset" in frame.columns:
            assert (frame["first_offset"] < max(n, 1)).all(), name
    # casualties: the span lies inside the sentence, which is the recorded sentence text
    sentences = frames.sentences.set_index("sentence_id")
    for row in frames.casualties.itertuples(index=False):
        sent = sentences.loc[row.sentence_id]
        assert text[sent["start"]:sent["end"]] == row.sentence
        assert sent["start"] <= row.start <= row.end <= sent["end"], ("casualties", row)
    # mentions, statements and casualties point at real sentences
    ids = set(frames.sentences["sentence_id"])
    for name in ("mentions", "statements", "casualties"):
        assert set(getattr(frames, name)["sentence_id"]) <= ids, name
    # a mention lies inside its sentence; a statement starts in its sentence and lies inside its block
    for row in frames.mentions.itertuples(index=False):
        sent = sentences.loc[row.sentence_id]
        assert sent["start"] <= row.start <= row.end <= sent["end"], ("mentions", row)
    blocks = frames.blocks.set_index("block_id")
    for row in frames.statements.itertuples(index=False):
        sent = sentences.loc[row.sentence_id]
        assert sent["start"] <= row.start <= sent["end"], ("statements", row)
        block = blocks.loc[row.block_id]
        assert block["start"] <= row.start <= row.end <= block["end"], ("statements", row)
        assert row.paragraph == block["paragraph"] or row.block_id == sent["block_id"], ("statements", row)


# ----------------------------------------------------------------------------
# Properties


@settings(max_examples=examples(1.0))
@given(text=article_text, meta=metadata)
@example(text="", meta={})
@example(text="\u201c" * 3 + "\n" + '"' * 5, meta={})
@example(text="He said \u201cno", meta={"published": "2020-10-10"})
@example(text="x" * 100_000, meta={})
@example(text="5 " * 20_000, meta={})
@example(text="Mr. Smith " * 3000, meta={})
def test_extraction_never_raises_frames_validate_offsets_slice(text, meta):
    article = parse_article(text, meta)
    frames = extract(article)
    check_frames(text, frames)


@settings(max_examples=examples(0.5))
@given(seed=st.integers(0, 2**16), words=st.integers(0, 3000), noise=st.lists(
    st.tuples(st.floats(0, 1), st.one_of(news_tokens, st.sampled_from(QUOTES + SPACES))), max_size=6))
def test_news_like_articles_with_noise(seed, words, noise):
    text = synthetic_article(words, seed)
    for where, chunk in noise:  # splice noise in at arbitrary places
        at = int(where * len(text))
        text = text[:at] + chunk + text[at:]
    frames = extract(parse_article(text, synthetic_metadata(seed)))
    check_frames(text, frames)


@settings(max_examples=examples(0.5))
@given(text=article_text, meta=metadata)
def test_extraction_is_deterministic(text, meta):
    first = extract(parse_article(text, meta))
    second = extract(parse_article(text, dict(meta)))
    for name in schemas.FRAME_NAMES:
        pd.testing.assert_frame_equal(getattr(first, name), getattr(second, name), check_exact=True, obj=name)


@settings(max_examples=examples(1.5))
@given(raw=st.one_of(
    st.binary(max_size=400),
    article_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    article_text.map(lambda t: t.encode("cp1252", "ignore")),
    article_text.map(lambda t: t.encode("utf-16")),
))
def test_any_bytes_decode_or_fail_with_input_error(raw):
    """Arbitrary bytes either decode to text that parses, or fail with InputError (never another error)."""
    try:
        text = decode_text(raw, "input")
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc)
        return
    assert text.strip()
    article = parse_article(text)
    for block in article.blocks:
        assert 0 <= block.start < block.end <= len(text)


def test_synthetic_articles_are_deterministic_and_sized():
    assert synthetic_article(500, 3) == synthetic_article(500, 3)
    assert synthetic_article(500, 3) != synthetic_article(500, 4)
    for words in (0, 50, 1000, 20_000):
        n = len(synthetic_article(words, 1).split())
        assert words <= n <= words + 250
    meta = synthetic_metadata(7)
    article = parse_article(synthetic_article(800, 7), meta)
    assert [b.kind for b in article.blocks if b.kind == "title"] == ["title"]
    assert article.meta.published.isoformat() == meta["published"]
    assert any(b.kind == "body" for b in article.blocks)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q", "-p", "no:nbval"]))


# ----------------------------------------------------------------------------
# schemas.validate's fast path is never more lenient than the pandera schema


@pytest.fixture(scope="module")
def seed_frames():
    from analysis.paths import SEED_ARTICLE
    return extract(SEED_ARTICLE)


def _mutate(frame: pd.DataFrame, data) -> pd.DataFrame:
    import numpy as np

    frame = frame.copy()
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        columns = list(frame.columns)
        if not columns:
            break
        column = data.draw(st.sampled_from(columns), label="column")
        how = data.draw(st.sampled_from([
            "object", "float", "int32", "str", "ns", "reorder_categories", "ordered", "null", "negative",
            "swap", "shuffle_columns", "drop_column", "extra_column", "no_rows", "nothing",
        ]), label="how")
        s = frame[column]
        try:
            if how == "object":
                frame[column] = s.astype(object)
            elif how == "float":
                frame[column] = s.astype("float64")
            elif how == "int32":
                frame[column] = s.astype("int32")
            elif how == "str":
                frame[column] = s.astype("str")
            elif how == "ns" and str(s.dtype).startswith("datetime"):
                frame[column] = s.astype("datetime64[ns]")
            elif how == "reorder_categories" and isinstance(s.dtype, pd.CategoricalDtype):
                frame[column] = s.cat.reorder_categories(list(reversed(s.cat.categories)))
            elif how == "ordered" and isinstance(s.dtype, pd.CategoricalDtype):
                frame[column] = s.cat.as_ordered()
            elif how == "null" and len(frame):
                frame.loc[frame.index[0], column] = None
            elif how == "negative" and len(frame) and pd.api.types.is_numeric_dtype(s) and s.dtype != bool:
                frame.loc[frame.index[-1], column] = -1
            elif how == "swap" and {"start", "end"} <= set(columns) and len(frame):
                frame[["start", "end"]] = frame[["end", "start"]].to_numpy() + np.array([1, 0])
            elif how == "shuffle_columns":
                frame = frame[data.draw(st.permutations(columns), label="order")]
            elif how == "drop_column":
                frame = frame.drop(columns=[column])
            elif how == "extra_column":
                frame["extra"] = 0
            elif how == "no_rows":
                frame = frame.iloc[:0]
        except (TypeError, ValueError):
            pass  # a cast pandas refuses: keep the frame as it was
    return frame


@settings(max_examples=examples(0.5))
@given(data=st.data())
def test_fast_validation_is_never_more_lenient_than_pandera(seed_frames, data):
    name = data.draw(st.sampled_from(schemas.FRAME_NAMES), label="frame")
    frame = _mutate(getattr(seed_frames, name), data)
    if schemas._passes(name, frame):
        schemas.schema(name).validate(frame)  # must not raise
        pd.testing.assert_frame_equal(schemas.conform(name, frame), frame.reset_index(drop=True))


def test_fast_validation_accepts_every_extracted_frame(seed_frames):
    for name in schemas.FRAME_NAMES:
        frame = getattr(seed_frames, name)
        assert schemas._passes(name, frame), name
        assert schemas._passes(name, schemas.empty(name)), name
        assert schemas.validate(name, frame) is frame
