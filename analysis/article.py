"""Article structure: raw text -> metadata, blocks and sentences.

In:  a plain-text article file (optionally with a JSON metadata sidecar of the
     same name, `.json` instead of `.txt`), or a string.
Out: an `Article` holding the raw text, its metadata, `blocks` (title,
     subheading, body, caption, embedded_post, boilerplate) and `sentences`,
     each with character offsets that index the raw text.

Every non-blank line of the file is a paragraph; a block is one paragraph,
except an embedded post, which is its text lines plus its signature line.
Sentences never cross paragraph boundaries.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import dates, lexicon, schemas
from .errors import InputError

from .schemas import BLOCK_KINDS  # noqa: F401  (re-exported)

# Characters that count as white space at the edges of a line, beyond str.isspace.
_EDGE = " \t\r\f\v\u00a0\u2009\u200a\u200b\u202f\u2060\ufeff"
#: Every character that holds no text: _EDGE, and whatever str.isspace() calls white space
#: (line and paragraph separators, the C0 file/group/record/unit separators, ideographic space...).
_BLANK = "".join(sorted(set(_EDGE + "\n") | {ch for ch in map(chr, range(0x3001)) if ch.isspace()}))

# A photo caption ends with (or starts with) a credit.
_CAPTION_PATTERNS = [
    re.compile(r"\((?:[^()]{0,60}\b)?(?:photos?|photograph|image|picture|file|pool)\b[^()]{0,60}\)\s*\.?$", re.I),
    re.compile(r"\((?:photo|image|picture)s?\s+(?:by|via|courtesy|credit)[^()]{0,60}\)", re.I),
    re.compile(r"\(\s*(?:AFP|AP|Reuters|Getty Images|EPA|Anadolu(?: Agency)?|AA|TASS|Xinhua|IRNA|Sputnik|UPI|"
               r"Shutterstock|Alamy)(?:\s*(?:/|via)\s*[^()]{0,40})?\s*\)\s*\.?$"),
    re.compile(r"^(?:photo|image|picture|file photo|photo credit)\s*[:|/]\s*\S", re.I),
    re.compile(r"(?:photo|image|picture)\s*(?:credit)?\s*:\s*[^.]{2,60}\.?$", re.I),  # see _CAPTION_NEEDS
    re.compile(r"\b(?:Getty Images|Shutterstock)\s*\.?$"),  # see _CAPTION_NEEDS
    # "[Mohammed Salem/Reuters]", "[File: AP]": a bracketed credit closing the line
    re.compile(r"\[(?:file\s*:\s*)?[^\[\]/]{2,60}/\s*[^\[\]/]{2,40}\]\s*\.?$", re.I),
    re.compile(r"\[(?:file(?: photo)?\s*:?\s*)?(?:AFP|AP|Reuters|Getty Images|EPA|Anadolu(?: Agency)?|"
               r"TASS|Xinhua|IRNA|Sputnik|UPI)\]\s*\.?$", re.I),
    # "Image caption, Smoke rises ...", "Media caption, Watch: ...", "Image source, Getty Images"
    re.compile(r"^(?:image|media|video|photo) (?:caption|source)\s*[,:]", re.I),
    # "Farmers prepare their fields ... (3:12)": a video's caption closes with its running time
    re.compile(r"\(\s*\d{1,2}:[0-5]\d(?::[0-5]\d)?\s*\)\s*$"),
    # "... Credit: Jane Doe/AFP" closing the line
    re.compile(r"\b(?i:credit)\s*:\s*[A-Z][^.:?!]{1,60}\.?$"),  # see _CAPTION_NEEDS
]

# "— Javad Zarif (@JZarif) October 10, 2020": an embedded post's signature line.
_SIGNATURE = re.compile(
    r"^[\u2014\u2013\-~]{1,2}\s*(?P<author>[^()\n]{1,80}?)\s*\(\s*@(?P<handle>\w{1,30})\s*\)\s*"
    r"(?P<date>[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})?\s*$"
)
# A line that reports speech ("...," Zarif said; "according to") is the
# article's own prose, not the post above a signature line.
_REPORTS_SPEECH = re.compile(
    r"\b(?:said|says|told|wrote|tweeted|posted|added|stated|claimed|according to|reported)\b", re.I)
POST_MAX_CHARS = 280  # a post is at most this long (the classic tweet limit)

SUBHEADING_MAX_WORDS = 14
CAPTION_MAX_WORDS = 80  # a longer line ending in a credit is a story pasted as one line, not a caption
TITLE_MAX_WORDS = 40
STANDFIRST_MAX_WORDS = 40  # the first line is taken for the headline only up to this length
_FINAL_PUNCT = ".!?:;,\"\u201d\u2019')]\u2026"


@dataclass(frozen=True)
class Block:
    """One block of the article: `kind` is one of BLOCK_KINDS."""

    block_id: int
    kind: str
    start: int
    end: int
    paragraph: int  # 1-based index of its first line among the non-empty lines
    reason: str = ""  # why it has this kind (for the overview notebook)
    author: str | None = None  # embedded posts only
    handle: str | None = None
    post_date: dt.date | None = None
    post_text: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence, within one paragraph of one block."""

    sentence_id: int
    block_id: int
    block_kind: str
    paragraph: int
    start: int
    end: int


@dataclass
class Metadata:
    """What the sidecar (or, lacking it, the text) says about the article."""

    outlet: str | None = None
    published: dt.date | None = None
    language: str = "en"
    headline: str | None = None
    source_id: str | None = None
    provenance: str | None = None
    published_inferred: bool = False


@dataclass
class Article:
    """A loaded article: raw text, metadata, blocks and sentences."""

    text: str
    meta: Metadata
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    path: Path | None = None

    @property
    def name(self) -> str:
        """A short name for reports and folders (file stem, or 'article')."""
        return self.path.stem if self.path else "article"

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start:sentence.end]

    def block_of(self, offset: int) -> Block | None:
        """The block whose span holds character `offset`."""
        for block in self.blocks:
            if block.start <= offset < block.end:
                return block
        return None

    def story_sentences(self) -> list[Sentence]:
        """Sentences of the story's own prose: body and embedded posts."""
        return [s for s in self.sentences if s.block_kind in ("body", "embedded_post")]

    def blocks_frame(self) -> pd.DataFrame:
        """One row per block (see data/README.md for the columns)."""
        # built by columns, not from a dict per row: the same frame, without pandas reading each row's keys
        blocks, text = self.blocks, self.text
        columns = {
            "block_id": [b.block_id for b in blocks], "kind": [b.kind for b in blocks],
            "paragraph": [b.paragraph for b in blocks], "start": [b.start for b in blocks],
            "end": [b.end for b in blocks], "text": [text[b.start:b.end] for b in blocks],
            "reason": [b.reason for b in blocks], "author": [b.author for b in blocks],
            "handle": [b.handle for b in blocks], "post_date": [b.post_date for b in blocks],
        }
        return schemas.conform("blocks", pd.DataFrame(columns, columns=list(schemas.COLUMNS["blocks"])))

    def sentences_frame(self) -> pd.DataFrame:
        """One row per sentence (see data/README.md for the columns)."""
        sentences, text = self.sentences, self.text  # (by columns, as blocks_frame)
        columns = {
            "sentence_id": [s.sentence_id for s in sentences], "block_id": [s.block_id for s in sentences],
            "block_kind": [s.block_kind for s in sentences], "paragraph": [s.paragraph for s in sentences],
            "start": [s.start for s in sentences], "end": [s.end for s in sentences],
            "text": [text[s.start:s.end] for s in sentences],  # (sentence_text, inlined)
        }
        return schemas.conform("sentences", pd.DataFrame(columns, columns=list(schemas.COLUMNS["sentences"])))


# ----------------------------------------------------------------------------
# Reading files


def read_text(path: str | Path) -> str:
    """Read an article file as text, or raise InputError saying what to do.

    UTF-8 (with or without BOM) is read as is; text that is not UTF-8 but
    decodes as Windows-1252 (a superset of Latin-1's printable range) is
    decoded as such, since that is what legacy newsroom exports use.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file; pass the path of a plain-text (.txt) article.")
    if path.is_dir():
        raise InputError(f"{path} is a directory; pass the path of a plain-text (.txt) article file.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}); check its permissions.") from None
    return decode_text(raw, str(path))


def decode_text(raw: bytes, label: str = "input") -> str:
    """Bytes -> text, rejecting empty, binary and HTML input with InputError."""
    if not raw.strip():
        raise InputError(f"{label} is empty; pass a file that holds the article's text.")
    if b"\x00" in raw[:65536]:
        raise InputError(f"{label} looks binary (it has NUL bytes), not text; pass the article as a plain-text file.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(
                f"{label} is neither UTF-8 nor Windows-1252 text; re-save it as UTF-8 "
                "(e.g. iconv -f ENCODING -t UTF-8).") from None
    if not text.strip(_BLANK):
        raise InputError(f"{label} holds only white space; pass a file that holds the article's text.")
    sample = text[:65536]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    if controls > max(8, len(sample) // 100):
        raise InputError(f"{label} looks binary (control characters), not text; pass the article as a plain-text file.")
    if looks_like_html(sample):
        raise InputError(
            f"{label} is an HTML page, not plain text; save the article's text (e.g. the browser's "
            "reader view, or `python -m html2text`) and pass that file.")
    return text


_HTML_TAG = re.compile(r"</?(?:html|head|body|div|p|span|a|script|meta|link|br|table|article|section)\b[^>]*>", re.I)
_HTML_TAG_START = re.compile(r"</?(?:html|head|body|div|p|span|a|script|meta|link|br|table|article|section)\b", re.I)


def _count_tags(text: str) -> int:
    """len(_HTML_TAG.findall(text)) in linear time (no rescans for a tag that never closes)."""
    count = pos = 0
    while True:
        m = _HTML_TAG_START.search(text, pos)
        if m is None:
            return count
        close = text.find(">", m.end())
        if close < 0:  # no '>' after this start, so none after any later start either
            return count
        count += 1
        pos = close + 1


def looks_like_html(text: str) -> bool:
    """True for an HTML page (doctype, <html>, or markup-dense text)."""
    head = text.lstrip(_EDGE + "\n")[:200].lower()
    if head.startswith("<!doctype html") or head.startswith("<html"):
        return True
    tags = _count_tags(text)
    return tags >= 5 and tags > len(text) / 400


def read_metadata(path: Path) -> dict:
    """The JSON sidecar beside `path` (same stem, .json), or {}."""
    sidecar = path.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        metadata = json.loads(sidecar.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{sidecar}: the metadata sidecar is not valid JSON ({exc}); fix or remove it.") from None
    problem = sidecar_problem(metadata)
    if problem:
        raise InputError(f"{sidecar}: {problem}; fix or remove the sidecar.")
    return metadata


_SIDECAR_TEXT_FIELDS = ("outlet", "language", "headline", "source_id", "provenance")


def sidecar_problem(metadata: object) -> str | None:
    """What is wrong with a sidecar's values, or None when they are usable."""
    if not isinstance(metadata, dict):
        return "the metadata sidecar must be a JSON object ({...})"
    for field in _SIDECAR_TEXT_FIELDS:
        value = metadata.get(field)
        if value is not None and not isinstance(value, str):
            return f"'{field}' must be a string, not {type(value).__name__}"
    published = metadata.get("published")
    if published is not None:
        try:
            dates.parse_iso(str(published))
        except ValueError:
            return f"'published' must be an ISO date (YYYY-MM-DD), not {published!r}"
    return None


def load_article(path: str | Path) -> Article:
    """Read an article file (and its sidecar) into an `Article`."""
    path = Path(path)
    text = read_text(path)
    article = parse_article(text, read_metadata(path))
    article.path = path
    return article


# ----------------------------------------------------------------------------
# Structure


def _abbreviations() -> frozenset[str]:
    return lexicon.word_list("abbreviations.txt")


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((row["note"], re.compile(row["pattern"])) for row in lexicon.table("boilerplate.csv"))


@dataclass
class _Line:
    start: int
    end: int
    text: str
    paragraph: int
    kind: str | None = None
    reason: str = ""


def _lines(text: str) -> list[_Line]:
    lines = []
    for m in re.finditer(r"[^\n\r\u2028\u2029\x85]+", text):
        raw = m.group(0)
        left = len(raw) - len(raw.lstrip(_EDGE))
        stripped = raw.strip(_EDGE)
        if not stripped or stripped.isspace():
            continue
        start = m.start() + left
        lines.append(_Line(start, start + len(stripped), stripped, len(lines) + 1))
    return lines


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.lower().split())


@lru_cache(maxsize=2)  # a line is asked for by the caption test, then by the boilerplate test
def _lowered(text: str) -> str | None:
    return dates.lowered(text)


# Words (or the bracket) one of which a caption pattern's match holds, looked for in the
# lower-cased line before the pattern's search (see dates.lowered; without a lower-cased line every
# pattern is searched). Most lines hold no bracket: an `in` test then stands for the search.
_CAPTION_NEEDS = {_CAPTION_PATTERNS[0]: ("(",), _CAPTION_PATTERNS[1]: ("(",), _CAPTION_PATTERNS[2]: ("(",),
                  _CAPTION_PATTERNS[4]: ("photo", "image", "picture"),
                  _CAPTION_PATTERNS[5]: ("getty images", "shutterstock"),
                  _CAPTION_PATTERNS[6]: ("[",), _CAPTION_PATTERNS[7]: ("[",), _CAPTION_PATTERNS[9]: ("(",),
                  _CAPTION_PATTERNS[-1]: ("credit",)}
_CAPTION_RULES = tuple((pattern, _CAPTION_NEEDS.get(pattern, ())) for pattern in _CAPTION_PATTERNS)


def _is_caption(text: str) -> bool:
    lowered = _lowered(text)
    for pattern, needs in _CAPTION_RULES:
        if needs and lowered is not None:
            for need in needs:
                if need in lowered:
                    break
            else:
                continue  # the match would hold one of `needs`
        if pattern.search(text):
            return True
    return False


@lru_cache(maxsize=1)
def _boilerplate_rules() -> tuple[tuple[str, re.Pattern, re.Pattern | None], ...]:
    """(note, pattern, twin): the twin of a case-insensitive pattern that is not anchored and
    written in lower case matches the lower-cased line where the pattern matches the line, faster
    (sre's case-insensitive scan tries every character; the anchored ones fail at once)."""
    rules = []
    for note, pattern in _boilerplate_patterns():
        source, twin = pattern.pattern, None
        if source.startswith("(?i)") and not source.startswith("(?i)^") and source == source.lower():
            twin = re.compile(source[4:])
        rules.append((note, pattern, twin))
    return tuple(rules)


def _opens_anchored(source: str) -> bool:
    """True when every match of the pattern `source` starts at the start of the text: it opens with
    "^" (after a leading "(?i)") and has no top-level "|" (read past escapes, classes and groups)."""
    body = source[4:] if source.startswith("(?i)") else source
    if not body.startswith("^"):
        return False
    depth, in_class, i = 0, False, 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            i += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if body[i + 1:i + 2] == "]":  # "[]...]": a leading "]" is a member
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
        i += 1
    return True


@lru_cache(maxsize=1)
def _boilerplate_scan() -> tuple[re.Pattern, tuple[tuple[int, str, re.Pattern, re.Pattern | None], ...]]:
    """(opening, others): the boilerplate rules whose patterns are anchored at the line's start
    and hold no group of their own, joined in file order into one pattern of groups r<i> (i: the
    rule's index) that is matched once at the start of a line (the first alternative that matches
    is the first of these rules that does: one match instead of a search per rule); and
    (i, note, pattern, twin) of the other rules, in order, searched one by one."""
    joined, others = [], []
    for i, (note, pattern, twin) in enumerate(_boilerplate_rules()):
        source = pattern.pattern
        if pattern.groups == 0 and pattern.flags & ~(re.I | re.U) == 0 and _opens_anchored(source):
            flags = "i" if source.startswith("(?i)") or pattern.flags & re.I else ""
            body = source[4:] if source.startswith("(?i)") else source
            joined.append(f"(?P<r{i}>(?{flags}:{body}))" if flags else f"(?P<r{i}>{body})")
        else:
            others.append((i, note, pattern, twin))
    return re.compile("|".join(joined) or "(?!)"), tuple(others)


def _boilerplate_reason(text: str) -> str | None:
    """The note of the first boilerplate pattern (data/lexicon/boilerplate.csv) that matches `text`."""
    opening, others = _boilerplate_scan()
    m = opening.match(text)
    first = int(m.lastgroup[1:]) if m else len(_boilerplate_rules())
    for i, note, pattern, twin in others:
        if i > first:
            break
        lowered = _lowered(text) if twin is not None else None
        if (twin.search(lowered) if lowered is not None else pattern.search(text)):
            return note
    return _boilerplate_rules()[first][0] if m else None


def _looks_like_subheading(text: str) -> bool:
    return text[-1] not in _FINAL_PUNCT and len(text.split()) <= SUBHEADING_MAX_WORDS  # (the cheap test first)


# A page's own timestamp on a line of its own: "Sat 10 Oct 2020 14.32 BST", "Oct. 10, 2020,
# 2:32 p.m. ET", "Updated: 10/10/2020 14:32", "10 October 2020 | Jane Doe | Al Jazeera".
DATE_LINE_MAX_WORDS = 16
DATE_LINE_MAX_CHARS = 200  # (a quick bound: 16 words seldom take more)
DATE_LINE_MAX_OTHER_WORDS = 6  # words left beside the date and time (a byline, "Published on")
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?", re.I)
_NUMERIC_DATE = re.compile(r"(?<![\d/.])(?:(?P<year>(?:19|20)\d\d)[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)"
                           r"|(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<year2>(?:19|20)\d\d))(?![\d/])")
_DATE_LINE_FILLER = re.compile(r"(?i)\b(?:published|updated|last|first|posted|modified|on|at|am|pm|a\.m|p\.m|"
                               r"gmt|utc|local time|time|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
                               + "|".join(dates.WEEKDAYS) + r")\b")


def _numeric_date(m: re.Match) -> dt.date | None:
    """A numeric date ("2020/10/10", "10.10.2020") when its day and month cannot be swapped."""
    if m["year"]:
        year, month, day = int(m["year"]), int(m["m"]), int(m["d"])
    else:
        a, b, year = int(m["a"]), int(m["b"]), int(m["year2"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        elif a == b:
            day = month = a
        else:
            return None  # 10/11/2020: October 11 or 10 November, depending on the outlet
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def line_date(text: str) -> tuple[bool, dt.date | None]:
    """(is `text` a date line, the full date it gives or None).

    A date line holds a full date (with its year) and, beside it, at most a
    time, a weekday, "Published on" and a short byline; a sentence ending in a
    full stop that merely mentions a date is not one.
    """
    if len(text) > DATE_LINE_MAX_CHARS or not _HAS_YEAR.search(text) or len(text.split()) > DATE_LINE_MAX_WORDS:
        return False, None
    spans, found = [], None
    for mention in dates.find_dates(text):
        if mention.has_year:
            spans.append((mention.start, mention.end))
            found = found or mention.date
    for m in _NUMERIC_DATE.finditer(text):
        spans.append(m.span())
        found = found or _numeric_date(m)
    if not spans:
        return False, None
    rest = list(text)
    for start, end in spans + [m.span() for m in _TIME.finditer(text)]:
        rest[start:end] = " " * (end - start)
    rest = _DATE_LINE_FILLER.sub(" ", "".join(rest))
    words = re.findall(r"[^\W\d_][\w.'\u2019-]*", rest)
    if len(words) > DATE_LINE_MAX_OTHER_WORDS or (words and text.rstrip()[-1:] in ".!?"):
        return False, None
    return True, found


_HAS_YEAR = re.compile(r"(?:19|20)\d\d")


def _mark_posts(lines: list[_Line]) -> list[tuple[int, int, dict]]:
    """Find signature lines and the post text above each: (first, last, info)."""
    posts = []
    for i, line in enumerate(lines):
        m = _SIGNATURE.match(line.text)
        if not m or line.kind:
            continue
        first, size = i, 0
        j = i - 1
        while j >= 0 and not lines[j].kind:
            candidate = lines[j]
            if size + len(candidate.text) > POST_MAX_CHARS or _REPORTS_SPEECH.search(candidate.text):
                break
            if posts and j <= posts[-1][1]:
                break
            size += len(candidate.text) + 1
            first = j
            j -= 1
        post_date = None
        if m["date"]:
            found = dates.find_dates(m["date"])
            post_date = found[0].date if found else None
        info = {"author": m["author"].strip(), "handle": "@" + m["handle"], "post_date": post_date,
                "post_text": "\n".join(l.text for l in lines[first:i])}
        posts.append((first, i, info))
        for line in lines[first:i + 1]:
            line.kind = "embedded_post"
            line.reason = "signature line of an embedded post (— Name (@handle) date)"
    return posts


def _classify(lines: list[_Line], headline: str | None) -> None:
    for line in lines:
        if line.kind:
            continue
        # (the word count, which splits the line, only for the few lines that look like captions)
        if _is_caption(line.text) and len(line.text.split()) <= CAPTION_MAX_WORDS:
            line.kind, line.reason = "caption", "photo credit"
        else:
            note = _boilerplate_reason(line.text)
            if note:
                line.kind, line.reason = "boilerplate", note

    title_index = None
    if headline:
        wanted = _norm(headline)
        title_index = next((i for i, l in enumerate(lines) if _norm(l.text) == wanted), None)
        if title_index is not None:
            lines[title_index].kind, lines[title_index].reason = "title", "matches the headline in the metadata"
    if title_index is None:
        title_index = next((i for i, l in enumerate(lines)
                            if not l.kind and 3 <= len(l.text.split()) <= TITLE_MAX_WORDS), None)
        if title_index is not None:
            lines[title_index].kind, lines[title_index].reason = "title", "first substantive line"
    for line in lines[: title_index or 0]:
        if not line.kind:
            line.kind, line.reason = "boilerplate", "before the headline (navigation)"

    for line in lines:
        if not line.kind and line_date(line.text)[0]:
            line.kind, line.reason = "boilerplate", "date line"
    undecided = [i for i, l in enumerate(lines) if not l.kind]
    story_begun = False
    for i in undecided:
        line = lines[i]
        if _looks_like_subheading(line.text):
            continue
        if not story_begun and i > (title_index or 0) and line.text[-1] not in _FINAL_PUNCT \
                and len(line.text.split()) <= STANDFIRST_MAX_WORDS:
            line.kind, line.reason = "subheading", "standfirst: a summary under the headline, without final punctuation"
            continue
        line.kind, line.reason = "body", "paragraph"
        story_begun = True
    body_positions = [i for i, l in enumerate(lines) if l.kind in ("body", "embedded_post")]
    first_body = body_positions[0] if body_positions else len(lines)
    last_body = body_positions[-1] if body_positions else -1
    for i in undecided:
        line = lines[i]
        if line.kind:
            continue
        if first_body < i < last_body:
            line.kind, line.reason = "subheading", "short line without final punctuation between paragraphs"
        elif i > last_body:
            line.kind, line.reason = "boilerplate", "short line after the story's last paragraph"
        else:
            line.kind, line.reason = "subheading", "short line without final punctuation before the body"


_OWN_SITE = re.compile(r"^(?P<name>[A-Z][\w .&-]{1,40}?)[\u2019']s? (?:website|site|app|apps)\b")
_COPYRIGHT = re.compile(
    r"(?:\u00a9|\(c\)|copyright)\s*(?:\u00a9\s*)?(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*)?"
    r"(?P<name>[A-Z][\w .&'-]{1,40}?)(?=[.,;|]|\s+all rights|\s*$)", re.I)
_SOURCE_LINE = re.compile(r"^source\s*:\s*(?P<name>[^.,;]{2,40}?)(?:\s+and (?:news )?agencies)?\.?$", re.I)
_DATED_DATELINE = re.compile(r"^[A-Z][A-Za-z .'\u2019-]{1,40}(?:,\s*[A-Z][A-Za-z .'\u2019-]{1,30})?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b")
_DATELINE = re.compile(r"^[A-Z][A-Za-z0-9 \u00a0.,'\u2019-]{1,60}\((?P<name>[A-Za-z .]{2,30})\)\s*[-\u2014\u2013]")


@lru_cache(maxsize=1)
def _known_outlets() -> tuple[tuple[str, ...], re.Pattern]:
    """(canonical names, one pattern with group o<i> for the i-th row of data/lexicon/outlets.csv)."""
    rows = lexicon.table("outlets.csv")
    names = "|".join(f"(?P<o{i}>{row['pattern']})" for i, row in enumerate(rows))
    return tuple(row["name"] for row in rows), re.compile(r"(?<![\w-])(?:" + names + r")(?![\w-])", re.I)


def canonical_outlet(name: str) -> str:
    """A known outlet's canonical name for `name` (data/lexicon/outlets.csv), else `name`."""
    name = name.strip()
    canonical, pattern = _known_outlets()
    m = pattern.fullmatch(name)  # the first row, in file order, that matches the whole name
    return canonical[int(m.lastgroup[1:])] if m else name


def page_date(lines: list[_Line]) -> dt.date | None:
    """The date of the page's own timestamp line: the first above the story, else the first below it."""
    first_body = next((i for i, l in enumerate(lines) if l.kind == "body"), len(lines))
    above = [l for l in lines[:first_body] if l.kind != "caption"]
    below = [l for l in lines[first_body:] if l.kind == "boilerplate"]
    for line in above + below:
        is_date_line, date = line_date(line.text)
        if is_date_line and date is not None:
            return date
    return None


def known_outlet_in(text: str) -> str | None:
    """The canonical name of the first known outlet (data/lexicon/outlets.csv) named in `text`, or None."""
    canonical, pattern = _known_outlets()
    m = pattern.search(text)
    return canonical[int(m.lastgroup[1:])] if m else None


# "(CNN) — ...", "(CNN)Armenia ...": an outlet's name in brackets opening the story
_BRACKETED_OPENING = re.compile(r"^\(\s*(?P<name>[A-Z][A-Za-z .]{1,30}?)\s*\)\s*[-\u2014\u2013]*\s*\S")
# "MOSCOW, October 10. /TASS/. ...": an agency's name between slashes after the dateline
_SLASHED_DATELINE = re.compile(r"^[A-Z][A-Za-z \u00a0.,'\u2019-]{1,60}?\d{1,2}\.?\s*/(?P<name>[A-Z][A-Za-z-]{1,20})/")
_BYLINE_NOTES = ("byline", "date line", "timestamp line")


def infer_outlet(lines: list[_Line]) -> str | None:
    """The publishing outlet, from the page's own lines.

    In order: a footer naming the outlet's own website or app, a copyright
    line, a "Source:" line, a byline or timestamp line naming a known outlet
    ("By Jane Doe, Reuters", "10 October 2020 | Al Jazeera"), then the
    opening of the story: an agency dateline ("KYIV (Reuters) -",
    "MOSCOW, October 10. /TASS/.") or a known outlet in brackets ("(CNN) -").
    Mentions inside the story ("told Reuters") and photo credits never count.
    """
    furniture = [l.text for l in lines if l.kind == "boilerplate"]
    for pattern in (_OWN_SITE, _COPYRIGHT, _SOURCE_LINE):
        for text in furniture:
            m = pattern.search(text)
            if m:
                return canonical_outlet(m["name"])
    for line in lines:
        if line.kind == "boilerplate" and line.reason in _BYLINE_NOTES:
            name = known_outlet_in(line.text)
            if name:
                return name
    for line in lines:
        if line.kind == "body":
            m = _DATELINE.match(line.text) or _SLASHED_DATELINE.match(line.text)
            if m:
                return canonical_outlet(m["name"])
            m = _BRACKETED_OPENING.match(line.text)
            return known_outlet_in(m["name"]) if m else None
    return None


def parse_article(text: str, metadata: dict | None = None) -> Article:
    """Split raw text into blocks and sentences; fill missing metadata from the text."""
    metadata = dict(metadata or {})
    meta = Metadata(
        outlet=metadata.get("outlet"),
        published=dates.parse_iso(metadata.get("published")),
        language=metadata.get("language", "en"),
        headline=metadata.get("headline"),
        source_id=metadata.get("source_id"),
        provenance=metadata.get("provenance"),
    )
    lines = _lines(text)
    posts = _mark_posts(lines)
    _classify(lines, meta.headline)
    if meta.published is None:
        meta.published = page_date(lines)
        meta.published_inferred = meta.published is not None
    if meta.published is None:
        first_body = next((l.text for l in lines if l.kind == "body"), "")
        dateline = _DATED_DATELINE.match(first_body)
        dateline = dateline.group(0) if dateline else None
        meta.published = dates.infer_publication_date(text, dateline)
        meta.published_inferred = meta.published is not None
    if meta.headline is None:
        meta.headline = next((l.text for l in lines if l.kind == "title"), None)
    if meta.outlet is None:
        meta.outlet = infer_outlet(lines)

    blocks: list[Block] = []
    line_block: dict[int, int] = {}
    post_at = {first: (last, info) for first, last, info in posts}
    i = 0
    while i < len(lines):
        line = lines[i]
        if i in post_at:
            last, info = post_at[i]
            block = Block(len(blocks), "embedded_post", line.start, lines[last].end, line.paragraph,
                          "signature line of an embedded post (— Name (@handle) date)", **info)
            for k in range(i, last + 1):
                line_block[k] = block.block_id
            blocks.append(block)
            i = last + 1
            continue
        blocks.append(Block(len(blocks), line.kind, line.start, line.end, line.paragraph, line.reason))
        line_block[i] = len(blocks) - 1
        i += 1

    sentences: list[Sentence] = []
    for i, line in enumerate(lines):
        block = blocks[line_block[i]]
        for start, end in split_sentences(text, line.start, line.end):
            sentences.append(Sentence(len(sentences), block.block_id, block.kind, line.paragraph, start, end))
    return Article(text=text, meta=meta, blocks=blocks, sentences=sentences)


# ----------------------------------------------------------------------------
# Sentences

# The lookbehind starts a match only at the first mark of a run: a later start
# in the same run could only end where the first one failed (linear, not
# quadratic, on long runs of dots). It follows the first mark rather than
# preceding it, so that sre can skip to marks instead of trying every offset:
# (?<![.!?…].) after one mark is (?<![.!?…]) before it.
_BOUNDARY = re.compile(r"[.!?\u2026](?<![.!?\u2026].)[.!?\u2026]*[\"'\u201d\u2019)\]]*(?=\s)")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def _word_before(text: str, lo: int, hi: int) -> str:
    """The run of [\\w.'-] characters ending at `hi` (or at a final newline), not before `lo`.

    Same result as re.search(r"([\\w.'-]+)$", text[lo:hi]), found by walking
    back from `hi` instead of rescanning from `lo` (linear, not quadratic, on
    long paragraphs full of abbreviations or initials).
    """
    if hi > lo and text[hi - 1] == "\n":
        hi -= 1  # `$` also matches before a final newline
    i = hi
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in "_.'-"):
        i -= 1
    return text[i:hi]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within text[start:end], offsets into `text`.

    A boundary is . ! ? (plus closing quotes/brackets) followed by white space
    and an upper-case letter, digit or opening quote; abbreviations from
    data/lexicon/abbreviations.txt, initials ("J.") and dotted acronyms
    ("U.S.") do not end a sentence.
    """
    end = len(text) if end is None else end
    spans = []
    cursor = start
    abbreviations = _abbreviations()
    for m in _BOUNDARY.finditer(text, start, end):
        nxt = m.end()
        while nxt < end and (text[nxt].isspace() or text[nxt] in _EDGE):
            nxt += 1
        if nxt >= end:
            break
        following = text[nxt]
        if not (following.isupper() or following.isdigit() or following in "\"'\u201c\u2018"):
            continue
        if m.group(0)[0] == ".":
            word = _word_before(text, cursor, m.start())
            bare = word.rstrip(".")
            if bare in abbreviations or bare.lower() in {"a.m", "p.m", "e.g", "i.e"}:
                continue
            if len(bare) == 1 and bare.isupper():
                continue  # an initial
            if "." in bare and _DOTTED_ACRONYM.fullmatch(bare):  # (every match holds a dot: a cheap test first)
                continue  # U.S, U.N, a.m
        spans.append((cursor, m.end()))
        cursor = nxt
    if cursor < end:
        spans.append((cursor, end))
    trimmed = []
    for s, e in spans:  # _trim, inlined (a call per sentence)
        while s < e and (text[s].isspace() or text[s] in _EDGE):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in _EDGE):
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _EDGE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE):
        end -= 1
    return start, end
