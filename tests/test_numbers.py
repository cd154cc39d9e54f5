"""Number expressions: digits, words, vague quantities, hedges and bounds."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from analysis.numbers import bounds, find_numbers, parse_number

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def to_words(n: int, hyphen: bool = True, use_and: bool = True) -> str:
    """English words for 0 <= n < 10**9 (a test oracle)."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (("-" if hyphen else " ") + _UNITS[unit] if unit else "")
    for size, name in ((10**6, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            head, rest = divmod(n, size)
            words = f"{to_words(head, hyphen, use_and)} {name}"
            if rest:
                joiner = " and " if use_and and rest < 100 else " "
                words += joiner + to_words(rest, hyphen, use_and)
            return words
    raise AssertionError(n)


@pytest.mark.parametrize("text, expected", [
    ("400", (400, "exact")),
    ("1,200", (1200, "exact")),
    ("12,345,678", (12345678, "exact")),
    ("1.5 million", (1500000, "exact")),
    ("five", (5, "exact")),
    ("twenty-one", (21, "exact")),
    ("two hundred and fifty", (250, "exact")),
    ("a dozen", (12, "exact")),
    ("a hundred", (100, "exact")),
    ("over 400", (400, "more_than")),
    ("more than 80", (80, "more_than")),
    ("at least 12", (12, "at_least")),
    ("no fewer than 7", (7, "at_least")),
    ("about 50", (50, "about")),
    ("some 50", (50, "about")),
    ("nearly 300", (300, "at_most")),
    ("up to 20", (20, "at_most")),
    ("400+", (400, "at_least")),
    ("50 or more", (50, "at_least")),
    ("dozens", (12, "at_least")),
    ("hundreds", (100, "at_least")),
    ("tens of thousands", (10000, "at_least")),
    ("between 10 and 15", (10, "at_least")),
])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


def test_range_bounds():
    (mention,) = find_numbers("10 to 15 people")
    assert (mention.value, mention.low, mention.high) == (10, 10, 15)


@pytest.mark.parametrize("qualifier, expected", [
    ("exact", (5, 5)), ("more_than", (5, None)), ("at_least", (5, None)),
    ("at_most", (None, 5)), ("about", (None, None)), ("undisclosed", (None, None)),
])
def test_bounds(qualifier, expected):
    assert bounds(5, qualifier) == expected


@pytest.mark.parametrize("text", ["12-year-old", "three-hour", "3rd", "40%", "$5", "12:05", "40 percent"])
def test_attached_numbers_are_flagged(text):
    assert all(m.attached for m in find_numbers(text))


def test_words_that_are_not_one_number_split():
    assert [m.value for m in find_numbers("five and six")] == [5, 6]


def test_offsets_cover_hedge_and_number():
    text = "The fighting has claimed over 400 lives."
    (mention,) = find_numbers(text)
    assert text[mention.start:mention.end] == "over 400"
    assert text[mention.number_start:mention.end] == "400"


def test_no_numbers_in_plain_words():
    assert find_numbers("Someone said nothing about the tone of the talks.") == []


@given(st.integers(min_value=0, max_value=999_999_999))
def test_digits_round_trip(n):
    assert parse_number(str(n)) == (n, "exact")
    assert parse_number(f"{n:,}") == (n, "exact")


@given(st.integers(min_value=1, max_value=999_999), st.booleans(), st.booleans())
def test_words_round_trip(n, hyphen, use_and):
    assert parse_number(to_words(n, hyphen, use_and)) == (n, "exact")


@given(st.integers(min_value=1, max_value=99_999),
       st.sampled_from([("over", "more_than"), ("at least", "at_least"), ("about", "about"),
                        ("nearly", "at_most")]))
def test_hedged_words_and_digits(n, hedge):
    phrase, qualifier = hedge
    assert parse_number(f"{phrase} {n:,}") == (n, qualifier)
    assert parse_number(f"{phrase} {to_words(n)}") == (n, qualifier)


@pytest.mark.parametrize("text, expected", [
    ("two dozen", (24, "exact")),
    ("some two dozen", (24, "about")),
    ("more than three dozen", (36, "more_than")),
    ("several dozen", (12, "at_least")),
    ("a few dozen", (12, "at_least")),
    ("several hundred", (100, "at_least")),
    ("a few thousand", (1000, "at_least")),
    ("3\u00a0000", (3000, "exact")),
    ("over 35\u202f000", (35000, "more_than")),
    ("1\u00a0200\u00a0000", (1200000, "exact")),
])
def test_dozens_vague_phrases_and_thousands_grouped_by_no_break_spaces(text, expected):
    assert parse_number(text) == expected


def test_a_plain_space_never_groups_thousands():
    assert [n.value for n in find_numbers("on March 3 200 people fled")] == [3, 200]


def test_a_grouped_range_keeps_both_ends():
    [n] = find_numbers("between 1\u00a0000 and 2\u00a0000 people")
    assert (n.value, n.qualifier, n.low, n.high) == (1000, "at_least", 1000, 2000)
