"""Quote spans: where quoted words start and end in a stretch of text.

In:  a text and a (start, end) window in it (one paragraph).
Out: `QuoteSpan` records (offsets into the same text) for every balanced
     pair of quote marks, plus `mask()` to blank the quoted stretches out of
     the narration around them.

Rules:
- Double marks (" “ ” „ « ») are paired first, in any mix: the seed opens
  with a straight mark and closes with a curly one. Whether a mark opens or
  closes comes from the characters beside it (space before and a word after
  opens; a word before and a space or punctuation after closes); a mark with
  no telling context toggles.
- Single marks (‘ ’ ') are paired only outside double-quoted stretches, so
  apostrophes (it’s, won’t, Azerbaijan’s) and nested quotes are left alone.
  A single-quoted stretch that holds double-quoted ones wins (British style).
- A mark that never finds its partner is dropped: pairing never crosses the
  window, so an unbalanced mark cannot swallow the rest of the article.
- An opening mark left open at the end of a window whose next paragraph
  opens with a quote mark (the newspaper convention for a quote running over
  several paragraphs) is reported as `open_ended`, running to the window's end.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

DOUBLE_OPEN = "\u201c\u201e\u00ab"   # “ „ «
DOUBLE_CLOSE = "\u201d\u00bb"        # ” »
SINGLE_OPEN = "\u2018"               # ‘
SINGLE_CLOSE = "\u2019"              # ’ (also the apostrophe)
QUOTE_CHARS = "\"'" + DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE
MASK = "\u00a7"  # what `mask` writes over quoted stretches (§)

# Characters that, beside a mark, count like white space (the mark is at a word's edge).
_OPEN_SIDE = " \t\n\r\u00a0([{\u2014\u2013-/\u2026"
_CLOSE_SIDE = " \t\n\r\u00a0.,;:!?)]}\u2014\u2013-/\u2026"
# The same as sets of single characters (what `_role` tests a neighbour against).
_OPENING_NEIGHBOURS = frozenset(_OPEN_SIDE + QUOTE_CHARS)
_CLOSING_NEIGHBOURS = frozenset(_CLOSE_SIDE + QUOTE_CHARS)
_SINGLES = frozenset("'\u2018\u2019")
_SINGLE_MARKS = re.compile("[" + re.escape("".join(sorted(_SINGLES))) + "]")
_DOUBLE_MARKS = re.compile("[" + re.escape("".join(sorted(set(QUOTE_CHARS) - _SINGLES))) + "]")
# A name in quote marks ("who goes by the name "Ti Kanon"", "known as 'the Butcher'"):
# a label the narration gives, not words anyone said. Only capitalised words count.
_NAMING_BEFORE = re.compile(r"(?:\bnamed?|\bnicknamed?|\bknown\s+as|\balias|\bdubbed|\bnom\s+de\s+guerre)"
                            r"\s*,?\s*$", re.I)
_NAME_WORD = re.compile(r"(?:the\s+|al-|el-)?[A-Z][\w'’.-]*")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted stretch: marks at `open_mark` and `close_mark` (close_mark is
    None when open-ended), quoted words at text[start:end] (white space and a
    trailing comma trimmed). `outer_end`: the offset just past the closing mark
    (or the quoted words when open-ended), worked out once (statements reads it often)."""

    open_mark: int
    close_mark: int | None
    start: int
    end: int
    double: bool = True
    open_ended: bool = False
    outer_end: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "outer_end", self.close_mark + 1 if self.close_mark is not None else self.end)


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close', 'either' or '' (not a quote mark here) for the mark at i."""
    ch = text[i]
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    left_open = before in _OPENING_NEIGHBOURS or before.isspace()
    right_close = after in _CLOSING_NEIGHBOURS or after.isspace()
    if ch in DOUBLE_OPEN:
        return "close" if right_close and not left_open and ch == "\u201c" else "open"
    if ch in DOUBLE_CLOSE:
        return "open" if left_open and not right_close and ch == "\u201d" else "close"
    if ch == '"':
        if left_open and not right_close:
            return "open"
        if right_close and not left_open:
            return "close"
        return "either"
    # single marks: only at a word's edge; an apostrophe inside a word is no mark
    if left_open and not right_close:
        return "open" if (after.isalnum() or after in "\"\u201c") else ""
    if right_close and not left_open:
        return "close"
    return ""


def _pair(text: str, positions: list[int], lo: int, hi: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pair marks left to right; returns (pairs, position of a mark left open)."""
    pairs = []
    opened: int | None = None
    for i in positions:
        role = _role(text, i, lo, hi)
        if not role:
            continue
        if role == "open" or (role == "either" and opened is None):
            opened = i  # an earlier mark still open is unbalanced: drop it
        elif opened is not None:
            pairs.append((opened, i))
            opened = None
    return pairs, opened


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def find_quotes(text: str, start: int = 0, end: int | None = None,
                continues: bool = False) -> list[QuoteSpan]:
    """Every quoted stretch in text[start:end], in order, without overlaps.

    `continues` says the next paragraph opens with a quote mark, so a mark
    left open here runs to `end` (an open-ended quote).
    """
    end = len(text) if end is None else end
    # (two scans in C cost less than one sorted out mark by mark in Python)
    doubles = [m.start() for m in _DOUBLE_MARKS.finditer(text, start, end)]
    singles = [m.start() for m in _SINGLE_MARKS.finditer(text, start, end)]
    spans: list[QuoteSpan] = []
    pairs, left_open = _pair(text, doubles, start, end)
    for a, b in pairs:
        s, e = _trimmed(text, a + 1, b)
        if e > s:
            spans.append(QuoteSpan(a, b, s, e, True))
    if left_open is not None and continues:
        s, e = _trimmed(text, left_open + 1, end)
        if e > s:
            spans.append(QuoteSpan(left_open, None, s, e, True, True))
    if singles:
        # the double-quoted stretches follow one another without overlap (pairs close before the
        # next opens; a mark left open comes after them all): the one that may hold a mark is the
        # last starting at or before it
        starts = [q.open_mark for q in spans]
        ends = [q.outer_end for q in spans]
        outside = [i for i in singles if (k := bisect_right(starts, i) - 1) < 0 or i >= ends[k]] if spans else singles
        single_pairs, _ = _pair(text, outside, start, end)
        for a, b in single_pairs:
            s, e = _trimmed(text, a + 1, b)
            # a closing mark right after an s is more often a plural possessive
            if e - s < 2 or len(text[s:e].split()) > 60:
                continue
            spans = [q for q in spans if not (a < q.open_mark and q.outer_end <= b + 1)]
            spans.append(QuoteSpan(a, b, s, e, False))
    spans.sort(key=lambda q: q.open_mark)
    kept: list[QuoteSpan] = []
    for q in spans:
        if _nickname(text, q, start):
            continue
        if kept and q.open_mark < kept[-1].outer_end:
            continue
        kept.append(q)
    return kept


def _nickname(text: str, q: QuoteSpan, lo: int) -> bool:
    """True when the quoted words are a short name given by "known as", "nicknamed", "the name"."""
    if q.end - q.start > 60 or text.count(" ", q.start, q.end) > 3 or \
            not (text[q.start].isupper() or text.startswith("the ", q.start)):
        return False
    words = text[q.start:q.end].split()
    if not 0 < len(words) <= 4 or not all(_NAME_WORD.fullmatch(w) or w.lower() in ("the", "of") for w in words) \
            or not any(w[:1].isupper() for w in words):
        return False
    return _NAMING_BEFORE.search(text, max(lo, q.open_mark - 30), q.open_mark) is not None


def opens_with_quote(text: str, start: int, end: int) -> bool:
    """True when text[start:end] begins (after white space) with an opening double mark."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i < end and text[i] in '"' + DOUBLE_OPEN and _role(text, i, start, end) in ("open", "either")


def mask(text: str, spans: list[QuoteSpan], start: int = 0, end: int | None = None) -> str:
    """text[start:end] with every quote (marks included) overwritten by MASK.

    The result has the same length, so offsets into it are offsets into the
    window (add `start` for offsets into `text`).
    """
    end = len(text) if end is None else end
    pieces, pos = [], start  # the window rebuilt from its unquoted stretches and runs of MASK
    for a, b in sorted((max(q.open_mark, start), min(q.outer_end, end)) for q in spans):
        a = max(a, pos)  # spans may overlap: what is already masked stays masked
        if a < b:
            pieces += (text[pos:a], MASK * (b - a))
            pos = b
    pieces.append(text[pos:end])
    return "".join(pieces)
