"""Relative and explicit dates against a publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis.dates import find_dates, infer_publication_date, resolve_month_day, resolve_weekday

SATURDAY = dt.date(2020, 10, 10)


@pytest.mark.parametrize("weekday, published, expected", [
    ("Friday", SATURDAY, dt.date(2020, 10, 9)),
    ("Saturday", SATURDAY, SATURDAY),              # the publication day's own weekday
    ("Sunday", SATURDAY, dt.date(2020, 10, 4)),
    ("monday", dt.date(2021, 3, 2), dt.date(2021, 3, 1)),     # across nothing
    ("Sunday", dt.date(2021, 3, 2), dt.date(2021, 2, 28)),    # across a month boundary
    ("Thursday", dt.date(2021, 1, 1), dt.date(2020, 12, 31)),  # across a year boundary
    ("Friday", dt.date(2021, 1, 1), dt.date(2021, 1, 1)),
    ("Saturday", dt.date(2020, 3, 1), dt.date(2020, 2, 29)),  # leap day
])
def test_resolve_weekday(weekday, published, expected):
    assert resolve_weekday(weekday, published) == expected


def test_last_weekday_is_strictly_before():
    assert resolve_weekday("Saturday", SATURDAY, strictly_before=True) == dt.date(2020, 10, 3)


def test_month_day_without_year():
    assert resolve_month_day(9, 27, SATURDAY) == dt.date(2020, 9, 27)
    assert resolve_month_day(12, 30, dt.date(2021, 1, 2)) == dt.date(2020, 12, 30)
    assert resolve_month_day(2, 30, SATURDAY) is None


def test_find_dates_in_a_sentence():
    text = "Armenia said on Friday that fighting since September 27 had killed many; talks were on 10 October 2020."
    found = [(d.surface, d.date) for d in find_dates(text, SATURDAY)]
    assert found == [("Friday", dt.date(2020, 10, 9)), ("September 27", dt.date(2020, 9, 27)),
                     ("10 October 2020", SATURDAY)]
    for d in find_dates(text, SATURDAY):
        assert text[d.start:d.end] == d.surface


def test_yesterday_and_today():
    found = find_dates("Officials said yesterday that today would be calm.", SATURDAY)
    assert [d.date for d in found] == [dt.date(2020, 10, 9), SATURDAY]


def test_may_the_verb_is_not_a_month():
    assert find_dates("The talks may 5 times fail.", SATURDAY) == []


def test_infer_publication_date_takes_the_latest_full_date():
    text = "Pictured on March 08, 2019. Shelling on October 8, 2020. Posted October 10, 2020. Since September 27."
    assert infer_publication_date(text) == SATURDAY
    assert infer_publication_date("No dates here at all.") is None


def test_letters_that_fold_onto_ascii_still_name_their_month_or_day():
    published = dt.date(2024, 3, 15)
    found = {d.surface: d.date for d in find_dates("on tue\u017fday, \u017fep 5, Fr\u0130day and ye\u017fterday", published)}
    assert found == {"tue\u017fday": dt.date(2024, 3, 12), "\u017fep 5": dt.date(2023, 9, 5),
                     "Fr\u0130day": dt.date(2024, 3, 15), "ye\u017fterday": dt.date(2024, 3, 14)}


def test_iso_date_at_the_start_of_a_timestamp():
    found = find_dates("Posted 2020-10-10T14:32:00Z; 2020-10-12x is no date")
    assert [(d.surface, d.date) for d in found] == [("2020-10-10", dt.date(2020, 10, 10))]
