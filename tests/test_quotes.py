"""Quote spans: mixed marks, apostrophes, unbalanced marks, nesting, masking."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.quotes import MASK, find_quotes, mask, opens_with_quote


def quoted(text: str, **kw) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text, **kw)]


def test_straight_open_curly_close():
    text = 'He called for an "urgent ceasefire.\u201d Then he left.'
    assert quoted(text) == ["urgent ceasefire."]


def test_curly_pair_and_straight_pair_in_one_paragraph():
    text = '\u201cWe are winning,\u201d Aliyev said. "Let them go."'
    assert quoted(text) == ["We are winning", "Let them go."]


def test_apostrophes_inside_quotes_are_not_marks():
    text = '\u201cLet them know that it\u2019s ours and we won\u2019t yield,\u201d Aliyev\u2019s aide said.'
    assert quoted(text) == ["Let them know that it\u2019s ours and we won\u2019t yield"]


def test_quote_spanning_sentences_is_one_span():
    text = '"Forces are shelling towns. We respond in kind," the ministry said.'
    assert quoted(text) == ["Forces are shelling towns. We respond in kind"]


def test_trailing_comma_trimmed_but_period_kept():
    assert quoted('"It is over," she said.') == ["It is over"]
    assert quoted('She said: "It is over."') == ["It is over."]


def test_unbalanced_opening_mark_is_dropped():
    text = 'The minister said "this will never end and nobody closed the mark.'
    assert find_quotes(text) == []


def test_unbalanced_mark_before_a_real_pair_does_not_swallow_it():
    text = 'A stray "mark here. Later "a real quote," he said.'
    assert quoted(text) == ["a real quote"]


def test_window_bounds_pairing():
    text = 'First "open never closed.\nSecond line "quoted" here.'
    first_end = text.index("\n")
    assert find_quotes(text, 0, first_end) == []
    assert quoted(text, start=first_end + 1, end=len(text)) == ["quoted"]


def test_single_quotes_in_headline_style_and_possessives():
    assert quoted("UN calls for 'urgent ceasefire' in Karabakh") == ["urgent ceasefire"]
    assert quoted("The soldiers' families waited.") == []


def test_single_quotes_nested_in_double_are_part_of_the_quote():
    text = '"They call it a \'buffer zone\' but it is ours," he said.'
    assert quoted(text) == ["They call it a 'buffer zone' but it is ours"]


def test_open_ended_quote_runs_to_window_end_when_next_paragraph_continues():
    text = '"We will fight on until the end.'
    spans = find_quotes(text, continues=True)
    assert [(text[q.start:q.end], q.open_ended) for q in spans] == [("We will fight on until the end.", True)]
    assert find_quotes(text, continues=False) == []


def test_opens_with_quote():
    assert opens_with_quote('  "We will', 0, 10)
    assert not opens_with_quote("We will", 0, 7)


def test_mask_keeps_offsets():
    text = 'X said "hello there" today.'
    spans = find_quotes(text)
    masked = mask(text, spans)
    assert len(masked) == len(text)
    assert masked.startswith("X said ") and masked.endswith(" today.")
    assert set(masked[7:20]) == {MASK}


MARKS = st.sampled_from(['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", " ", "a", "b", ".", ",", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MARKS, st.text(max_size=6)), max_size=60), st.booleans())
def test_any_text_gives_ordered_spans_inside_the_window(parts, continues):
    text = "".join(parts)
    spans = find_quotes(text, 0, len(text), continues)
    last = -1
    for q in spans:
        assert 0 <= q.open_mark < q.start <= q.end <= len(text)
        assert q.open_mark >= last
        last = q.outer_end
        assert q.outer_end <= len(text)
    assert len(mask(text, spans)) == len(text)


def test_a_nickname_in_quote_marks_is_no_quote():
    text = 'Its leader, who goes by the name "Big Fox", known as \u201cthe Butcher\u201d, said "We stay".'
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["We stay"]
    text = 'He called the raid "Operation Dawn" and said "we will not stop".'
    assert [text[q.start:q.end] for q in find_quotes(text)] == ["Operation Dawn", "we will not stop"]
