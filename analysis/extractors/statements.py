"""Statements: direct, partial and reported quotes and embedded posts.

In:  an `Article` and its `ActorIndex`.
Out: the `statements` frame: one row per statement, with the speaker as
     written (`speaker_surface`) and as a canonical actor (`speaker`), the
     statement's words and their offsets in the raw text (`text ==
     article.text[start:end]`), its cue, type, targets and date.

How it reads a body paragraph (headlines, sub-headlines, captions and
boilerplate are never read for statements):
1. Quote spans (analysis.quotes) are found and masked out of the narration.
2. Speech cues from data/lexicon/speech_verbs.csv are found in the narration;
   each gets a subject: the noun phrase before it, the one after it when it
   follows a quote ("...," said Lavrov) or is "according to", the subject of
   the clause it hangs on for a participle (", adding that ...") or a
   coordinated verb ("... and called for ...") or a naming ("condemned what
   it called ..."), the one quoted in "quoted X as saying". Cue words that
   stand as nouns ("rejected calls for", "a statement posted on") are no cues;
   "it was announced" has no speaker.
3. A quote is `direct` when it stands as a sentence of its own (at the start
   of a sentence, or after a comma or colon) and `partial` when it is a
   fragment inside reported speech. A direct quote takes the cue right after
   it or right before it; with neither, it continues the previous statement
   (same speaker). A partial quote takes the nearest cue of its sentence.
   Several short quoted labels inside one reported clause make no partials:
   the clause is one indirect statement. A quote after "X issued a
   statement:" is X's.
4. Every cue not used up by a direct quote gives an `indirect` statement: the
   reported clause after the cue (and its addressee, "that", adverbials),
   or, when nothing but a sentence end or ", bringing/as ..." follows the
   cue, the clause before its source ("Shelling killed 27, the ministry
   said"; an agency dateline left out; none when that clause has a cue of
   its own, as in "X urged ..., his spokesman told reporters"),
   cut at the end of the sentence, at "while", ", adding", a coordinated cue,
   and for noun-phrase cues (welcomed, ruled out) at "before", "after" ...;
   quoted fragments inside it are left to their partial statements (an
   unquoted stretch beside them is kept only when it reads as a clause of its
   own, not as a place or reason framing the quote: "... "terror targets" in
   the province"). A cue whose subject opens this clause ("She said the envoy
   urged ...") is reported inside it and gives no statement of its own.
5. Embedded posts become `tweet` statements of their signature's author. A
   quote left open at a paragraph's end and reopened at the next one's start
   is one statement; a quote with no cue repeating words quoted just before
   (a pull quote) is none.
6. Speakers are resolved in reading order: names through the actor index
   (falling back to the name after a title, or the phrase as written);
   pronouns to the nearest earlier person of compatible gender, preferring
   earlier speakers; person role nouns ("the UN rights chief") to the nearest
   earlier compatible speaker; body nouns ("the ministry", "the group") back,
   never forward, to the nearest earlier phrase with the same head noun, else
   the nearest earlier actor of that kind in subject position; a descriptive
   body phrase no actor covers ("the health ministry") stands for itself.
   An indefinite role phrase ("a local mayor") is someone new.
7. `type` comes from the cue when the cue is strong (ruled out -> reject),
   else from the content rules of data/lexicon/statement_types.csv (an
   accusation only when the hostile act is someone else's: see `_accuses`),
   else from the cue; a participle after a strong cue (", saying ...") takes
   that cue's type; `target` from TARGET_RULES; `date` from a date expression that
   frames the cue (not one inside the reported words or after "before",
   "since" ...), else from the speaker's previous dated statement in the same
   section, else the post date for embedded posts.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from .. import dates, lexicon, schemas
from ..article import Article
from ..quotes import MASK, QuoteSpan, find_quotes, mask, opens_with_quote
from .actors import ActorIndex

# ----------------------------------------------------------------------------
# Literal gates: a cheap test before a costly case-insensitive search
#
# The content rules and a few patterns here are case-insensitive alternations that the
# regex engine tries at every word. Every match of such a pattern holds one of a few
# literal words that can be read off the pattern ("worr", "concern", ... for "concern"),
# so a text whose lower-cased form holds none of them cannot match and is not searched.

try:  # the regex module's own parser (private, as in Python 3.11+); without it nothing is gated
    from re import _constants as _sre, _parser as _sre_parser
except ImportError:  # pragma: no cover
    _sre = _sre_parser = None

#: Characters that match an ASCII letter case-insensitively but do not lower-case to it
#: (dotted capital I, dotless i, long s): a text holding one is searched without a gate.


def _plain_char(ch: str) -> bool:
    """True for a literal whose case-insensitive matches all lower-case to its lower case."""
    return ch.isascii() or (ch.lower() == ch and ch.upper() == ch)


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two sets of required words (longer shortest word, then fewer words)."""
    if a is None or b is None:
        return a if b is None else b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a


def _required_words(items) -> set[str] | None:
    """Lower-cased words one of which every match of the parsed pattern `items` holds (None: no such set)."""
    best, run = None, []
    for op, av in list(items) + [(None, None)]:
        if op is _sre.LITERAL and _plain_char(chr(av)):
            run.append(chr(av).lower())
            continue
        if run:  # consecutive literals are matched side by side
            best, run = _better(best, {"".join(run)}), []
        if op is _sre.SUBPATTERN:
            best = _better(best, _required_words(av[-1]))
        elif op is _sre.ATOMIC_GROUP:
            best = _better(best, _required_words(av))
        elif op is _sre.BRANCH:
            alternatives = [_required_words(branch) for branch in av[1]]
            if all(alternatives):
                best = _better(best, set().union(*alternatives))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            best = _better(best, _required_words(av[2]))
        # anything else (classes, anchors, look-arounds, optional parts) requires no word
    return best


def _pattern_words(pattern: re.Pattern) -> set[str] | None:
    """`_required_words` of a compiled pattern (None when they cannot be read)."""
    if _sre_parser is None:
        return None
    try:
        return _required_words(_sre_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # an unexpected parse tree: no gate, never a wrong answer
        return None


def _alternation(words) -> re.Pattern:
    """A case-sensitive pattern for any of `words`, written as a trie ("a(?:larm|ttack)") so the
    engine tests one letter per branch, not every word. Where several words start at one offset
    it finds the longest (the others are prefixes of it)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:
        alternatives = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return "(?:" + body + ")?" if "" in node else body  # greedy: the longer word first

    return re.compile(branch(trie))


def _lower_only(items) -> bool:
    """True when the parsed pattern `items` names no upper-case letter and no non-ASCII character
    that has a case, sets no flags of its own and refers to no group."""
    for op, av in items:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL):
            if not _caseless_or_lower(av):
                return False
        elif op is _sre.IN:
            for set_op, set_av in av:
                if set_op is _sre.LITERAL and not _caseless_or_lower(set_av):
                    return False
                if set_op is _sre.RANGE and not all(_caseless_or_lower(c) for c in range(set_av[0], set_av[1] + 1)):
                    return False
                if set_op not in (_sre.LITERAL, _sre.RANGE, _sre.NEGATE, _sre.CATEGORY):
                    return False
        elif op is _sre.SUBPATTERN:
            if av[1] or av[2] or not _lower_only(av[3]):  # (?-i:...) and the like
                return False
        elif op is _sre.BRANCH:
            if not all(_lower_only(branch) for branch in av[1]):
                return False
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            if not _lower_only(av[2]):
                return False
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            if not _lower_only(av[1]):
                return False
        elif op is _sre.ATOMIC_GROUP:
            if not _lower_only(av):
                return False
        elif op not in (_sre.AT, _sre.ANY):
            return False  # group references, conditionals, anything unforeseen
    return True


def _caseless_or_lower(code: int) -> bool:
    """True for a lower-case ASCII character or an ASCII non-letter, or a character without case."""
    ch = chr(code)
    return (ch.isascii() and not ch.isupper()) or (ch.lower() == ch and ch.upper() == ch)


def _lower_twin(pattern: re.Pattern) -> re.Pattern | None:
    """`pattern`, case-insensitive, made case-sensitive for the lower-cased text (see _lowered):
    there it matches exactly where `pattern` matches the text, at the same offsets, when all the
    letters it names are lower case (case-sensitive matching is faster: the engine skips ahead
    on literal letters). None when `pattern` is not case-insensitive or names other letters."""
    if _sre_parser is None or not pattern.flags & re.IGNORECASE:
        return None
    try:
        if not _lower_only(_sre_parser.parse(pattern.pattern, pattern.flags)):
            return None
        twin = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    except Exception:  # an unexpected parse tree: no twin, never a wrong answer
        return None
    return None if twin.flags & re.IGNORECASE else twin


class _Gated:
    """A compiled pattern with its gate: `may_match(low)` is False only when the pattern
    cannot match a text whose lower case is `low`; `search` uses it. `twin`: see _lower_twin."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        words = _pattern_words(pattern)
        self.gate = _alternation(words) if words else None
        self.twin = _lower_twin(pattern)

    def may_match(self, low: str | None) -> bool:
        """`low`: `dates.lowered(text)`, the text lower-cased or None."""
        return self.gate is None or low is None or self.gate.search(low) is not None

    def may_match_at(self, low: str, start: int, end: int) -> bool:
        """`may_match(low[start:end])` without the slice (the gate, literal words only, finds in
        the stretch what it finds in the slice)."""
        return self.gate is None or self.gate.search(low, start, end) is not None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        endpos = len(text) if endpos is None else endpos
        if self.gate is not None and not self.may_match(_lowered(text[pos:endpos])):
            return None
        return self.pattern.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        if self.gate is not None and not self.may_match(_lowered(text[pos:endpos])):
            return iter(())
        return self.pattern.finditer(text, pos, endpos)


class _GatedRules:
    """Patterns tried in order, gated together: `candidates(text)` holds the indices of those
    that may match `text`, read in one pass over its lower case."""

    def __init__(self, patterns):
        word_sets = [_pattern_words(p) for p in patterns]
        self.every = frozenset(range(len(word_sets)))
        self.ungated = frozenset(i for i, words in enumerate(word_sets) if not words)
        words = set().union(*(w for w in word_sets if w))
        self.gate = _alternation(words) if words else None
        # the gate reports the longest word at an offset: it stands for every word that is a prefix of it
        self.rules_of = {
            word: self.ungated | {i for i, own in enumerate(word_sets) if own and any(word.startswith(w) for w in own)}
            for word in words}

    def candidates(self, text: str, low: str | None = None) -> frozenset[int]:
        """`low`: `_lowered(text)` when the caller has it (None: worked out here)."""
        low = _lowered(text) if low is None else low
        if low is None or self.gate is None:
            return self.every
        words = set()
        m = self.gate.search(low)
        while m:
            words.add(m.group())
            m = self.gate.search(low, m.start() + 1)
        return self.ungated.union(*map(self.rules_of.__getitem__, words))


_lowered = dates.lowered  # (a gate's view of a text: see dates.lowered)


# ----------------------------------------------------------------------------
# Word lists (closed-class English; open-class knowledge lives in data/lexicon)

DETERMINERS = frozenset("the a an his her its their our this that these those".split())
PRONOUNS = {"he": "male", "she": "female", "it": None, "they": None}
# Words that may open a sentence before its subject ("But", "Meanwhile").
_LEADING = frozenset(
    "but and also meanwhile however still yet so separately earlier later now then instead moreover "
    "furthermore besides in_turn nonetheless nevertheless".split())
# Words that may stand between a subject and its cue ("Lavrov also said").
_BETWEEN = frozenset(
    "also had has have was were is are would will later earlier then again further previously reportedly "
    "separately repeatedly already once publicly firmly strongly openly angrily immediately quickly recently "
    "subsequently reiterated formally officially flatly explicitly just only even too itself himself herself "
    "not never".split())
_PREPOSITIONS = frozenset("in on at during via through after before with without for from by under near".split())
# Words that end a noun phrase read after a cue ("said Lavrov early on Saturday").
_NOBODY = re.compile(r"(?i)(?:no|none|nobody|no one)\b")
# The object of "claimed" when it is a noun phrase, not a clause: "claimed the attack", "claimed responsibility".
_CLAIMED_ACT = re.compile(r"(?i)(?:the|its|their|an?|responsibility)\b(?:\s+(?!(?:had|has|have|was|were|is|are|did|"
                          r"would|will)\b)[\w'’-]+(?<!ed)){0,3}\s*$")
# "one of the sources", "two of the officials": a member speaks for the group named after "of"
_ONE_OF = re.compile(r"(?i)(?:one|two|three|some|several|many|most|each|another|either)\s+of\s+(?=(?:the|these|those)\s)")
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:(?:also|long|repeatedly|previously|already)\s+)?$", re.I)
_OPENING_SUBJECT = re.compile(r"\s*((?:[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}))\s+[a-z]+\b")
_REDUCED_RELATIVE = re.compile(r"(?:a|an|the)\s+[a-z][\w-]*\s+((?:the|a|an)\s+\S.*)$")
_ACCORDING_LEAD = re.compile(r"\s*according\s+to\s+", re.I)
_PLACED = frozenset("in near from".split())  # "a doctor in X": where an unnamed speaker is
_NONSPACE = re.compile(r"\S+")
_NP_AFTER_STOP = frozenset(
    "early late on in at after before during when while as who which from to told adding saying last this "
    "today yesterday earlier later also that said says added".split())
# Nouns that name a source document, not the source ("a United Nations estimate").
_SOURCE_DOCS = frozenset("estimate estimates report reports statement statements figures data count tally "
                         "tallies sources count toll".split())
# Nouns for a message that a participle cue may modify ("a statement posted on", "a video released").
_DOCUMENTS = (_SOURCE_DOCS - {"sources"}) | frozenset("message messages post posts video videos letter letters tweet tweets "
                                      "communique communiqué document documents".split())
_SOURCE_OF = re.compile(r"(?:[\w-]+\s+){0,2}?(?:" + "|".join(sorted(_SOURCE_DOCS)) + r")\s+(?:from|of|by)\s+(.+)$", re.I)
_GROUP_TARGET = _Gated(re.compile(
    r"\b(?:all|both|the two|the warring|the conflicting|the) (?:parties|sides|countries|neighbou?rs)\b"
    r"|\beach other\b|\bone another\b|\bour neighbou?rs\b", re.I))
_SUBORDINATORS = _Gated(re.compile(
    r"\b(?:before|after|since|until|when|while|as|because|though|although|which|who|where|whereas)\b", re.I))
_WEEKDAY_OR_DATE = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|"
                    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?|"
                    r"\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*)")
# A date phrase ending a subject's narration ("Lavrov on Friday said"), and a word ending it ("also").
_TRAILING_DATE = re.compile(r"(?:\s|^)((?:early |late )?(?:on |this |last )?" + _WEEKDAY_OR_DATE + r")$")
_TRAILING_WORD = re.compile(r"(?:^|\s)([\w'’-]+)$")
_DATE_WORDS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday today yesterday tonight".split())
_MONTH_ABBREVIATIONS = tuple("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())


def _may_close_date(word: str) -> bool:
    """False when `word` cannot be the last word of a _WEEKDAY_OR_DATE phrase (a weekday or day
    word, a day or year number, a month after its day)."""
    return word in _DATE_WORDS or word.isdecimal() or word.startswith(_MONTH_ABBREVIATIONS)


# Adverbials between a cue and its clause: "said on Friday in a statement that".
_ADVERBIALS = re.compile(
    r"(?:\s*,?\s*(?:"
    r"(?:(?:early|late|earlier|later)\s+)?(?:on|this|last)\s+" + _WEEKDAY_OR_DATE +
    r"|(?:early|late|earlier|later)\s+" + _WEEKDAY_OR_DATE +
    r"|today|yesterday|tonight|earlier|later|also|further|again|repeatedly|previously|publicly|"
    r"in\s+an?\s+(?:\w+\s+){0,2}?(?:statement|tweet|post|interview|speech|briefing|press conference|"
    r"news conference|message|address|letter|report|communiqu\w+|video)"
    r"(?:\s+(?:posted\s+|published\s+|broadcast\s+)?(?:on|to|with)\s+(?:(?:the\s+)?(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)|"
    r"(?:its|his|her|their|the)\s+(?:official\s+)?(?:website|account|channel|page|radio|television|station|"
    r"\w+\s+(?:account|channel|page|radio|television|station))))?"
    r"|on\s+(?:Twitter|X|Telegram|Facebook|Instagram|social media|state television|state TV|television|"
    r"its website|his website|her website)"
    r"|(?:at|during)\s+an?\s+(?:\w+\s+){0,2}?(?:briefing|press conference|news conference|meeting|summit|"
    r"rally|ceremony|event|session)"
    r"|" + _WEEKDAY_OR_DATE + r"(?![\w'’])"
    r"|(?:in|at|from)\s+(?:the\s+)?(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)(?=\s*(?:[,.;]|that\b|on\b|$))"
    r"))*\s*,?\s*", re.I)
#: The characters other than ASCII letters that match one case-insensitively (dotted capital I,
#: dotless i, long s, the Kelvin sign).
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_FOLDS_TO_ASCII_SET = frozenset(_FOLDS_TO_ASCII)
#: Every adverbial of _ADVERBIALS opens with a digit or, lower-cased, with one of these.
_ADVERBIAL_OPENINGS = tuple(
    "early late earlier later on this last today yesterday tonight also further again repeatedly previously "
    "publicly in at during from monday tuesday wednesday thursday friday saturday sunday "
    "jan feb mar apr may jun jul aug sep oct nov dec".split())


def _skip_adverbials(text: str, pos: int) -> int:
    """`_ADVERBIALS.match(text, pos).end()`, without trying the adverbials where none can open.

    The adverbials open neither with white space nor with a comma, so after the white space and
    comma that `_SPACE_COMMA` skips, at `at`, either one opens (a digit, or a word from
    _ADVERBIAL_OPENINGS, case-insensitively) or the match ends at `at`. Past a non-ASCII
    character that matches an ASCII letter case-insensitively the full pattern decides."""
    at = _SPACE_COMMA.match(text, pos).end()
    head = text[at:at + 12]
    if not head[:1].isdigit() and not head.lower().startswith(_ADVERBIAL_OPENINGS) and \
            _FOLDS_TO_ASCII_SET.isdisjoint(head):
        return at
    return _ADVERBIALS.match(text, pos).end()


# The addressee of "told": "told reporters", "told Reuters", "told the BBC".
_ADDRESSEE = re.compile(
    r"\s*(?:(?:the|a|an|state|local)\s+)?(?:reporters|journalists|lawmakers|legislators|parliament|press|media|"
    r"news agency|news conference|press conference|(?:[A-Z][\w.'’&-]*)(?:\s+(?:[A-Z][\w.'’&-]*|of|news agency))*)")
_THAT = re.compile(r"\s*(?:that\b\s*)?")
# A sentence that introduces a quote after a colon with no speech verb: "The army issued a statement:".
_ISSUED = re.compile(
    r"^(\s*[^,;:]*?\s)((?:issued|released|published|posted|put out|shared|sent|gave|read out|made)\s+"
    r"(?:a|an|the|its|his|her|their)\s+(?:\w+\s+){0,2}?(?:statement|message|post|communiqu\w*|declaration|"
    r"video|letter|tweet|warning|response|reply))[^:]*:$")
# What may follow a cue whose reported clause came before it: a sentence end, or a comma and a non-clause.
# "At least 17 ...", "At most ...", "In all, ...": a figure, not a prepositional phrase.
_QUANTIFIER_OPENING = re.compile(r"\s*(?:at\s+(?:least|most)|in\s+(?:all|total))\b", re.I)
# ("told Reuters by phone from the town of X.": how and where from, no clause of its own)
_FRONTED_REST = re.compile(
    r"\s*(?:(?:by|via|over)\s+(?:telephone|phone|e-?mail|text message|messaging app|video link|radio)\b"
    r"(?:\s+(?:from|in)(?:\s+(?!that\b)[\w'’-]+){1,6})?\s*)?"
    r"(?:[.!?]|$|,\s+(?:[a-z]+ing|as|while|amid|after|before|with|but|and|which|who|in|citing|according)\b"
    # ("..., he said, many of them children.": the count's own aside)
    r"|,\s+(?:many|most|some|several|all|none|half|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"dozens|hundreds|thousands|\d[\d,]*)\s+(?:of\s+)?(?:them|whom)\b)")
# An agency dateline opening a story's first paragraph: "KYIV, Ukraine (AP) — ", "KHARTOUM, June 3 (Reuters) - ".
_DATELINE = re.compile(r"\s*(?:[A-Z][A-Z.'’-]{2,}|[A-Z]{2}(?=\s+[A-Z]{3}))(?:\s+[A-Z][A-Z.'’-]+)*(?:,[^()\n\u2014\u2013]{1,40})?"
                       r"(?:\s*\([^)\n]{1,40}\))?\s*[-\u2014\u2013]+\s+")
# Where a reported clause ends (searched in the masked narration; gated, as most clauses have no end
# but the sentence's).
_STOP_REPORT = _Gated(re.compile(
    r";|\s+(?:while|whereas)\s+|\s+in\s+an?\s+(?:\w+\s+)?(?:video|audio|recording|message)\s+"
    r"(?:posted|published|released|broadcast|shared|sent)\b|,\s+(?:adding|underlining|stressing|saying|noting|insisting|warning|"
    r"explaining|arguing|according|but)\b|\s+according to\b"))
_STOP_RECIPROCAL = _Gated(re.compile(
    r";|\s+(?:while|whereas)\s+|,\s+(?:as|amid|after|before|when|while|but|with)\b"))
# (an appositive after a comma, ", a Rwandan militia founded ...", stays with the object)
_STOP_OBJECT = _Gated(re.compile(
    r";|,\s+(?!(?:a|an|the)\s)|\s+(?:while|whereas|before|after|amid|as|despite|until|because|since|during|when|following)\s+"
    r"|\s+according to\b"))
# (what others are asked to do runs on through "while ..." and "until ...": "urged X to halt Y while Z lasts")
_STOP_APPEAL = _Gated(re.compile(r";|,\s+(?!(?:a|an|the)\s)|\s+(?:whereas|despite|because)\s+|\s+according to\b"))
# Words that cannot make a reported clause on their own.
_FUNCTION_ONLY = frozenset("what it he she they we them him her this that these those which who its their there "
                           "the a an".split())
# Words a complete clause does not end with ("there was a need for").
_DANGLING = frozenset("for of to a an the as that was is were are be been by with from in on at and or "
                      "than its their his her our".split())
_TRAIL = " \t\n\r\u00a0,;:.\u2014\u2013-"
_LETTERS = re.compile(r"[A-Za-z]+")
_LOWER_LETTERS = re.compile(r"[a-z]+")
_WORD = re.compile(r"[\w][\w.'’-]*")
_SENT_END = re.compile(r"[.!?]")
_DIGIT = re.compile(r"\d")
#: The first three letters of every month name (dates.MONTHS), lower case.
_MONTH_START = re.compile("|".join(sorted({name[:3] for name in dates.MONTHS})))
_SAID_OR_TOLD = re.compile(r"\b(?:said|told)\b")
# Pieces of a subject's narration (_np_before, _subject, _indirect).
_QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+(.+?)\s+as\s*$")  # "quoted X as saying"
_WHAT_IT_CALLED = re.compile(r"\bwhat\s+(?:it|he|she|they|the\s+\w+)\s+$")
_CLAUSE_PIECE = re.compile(r"[^,;:]+")
_RELATIVE_PRONOUN = re.compile(r"\s*(?:who|which)\b")
# Person role nouns that any official may be called ("the official said" after "the minister said").
_GENERIC_ROLES = frozenset("official officials leader head chief representative aide adviser advisor source "
                           "staff deputy".split())
# A negation right before a cue ("has not said", "did not immediately say", "never said").
_NEGATED = re.compile(r"(?:\bnot|\bnever|n[’']t)\s+(?:(?:yet|immediately|publicly|officially|directly)\s+)?$",
                      re.I)
_NEGATED_LOWER = _lower_twin(_NEGATED)  # (on the masked narration's lower case)
#: Every match of _NEGATED holds one of these (lower-cased).
_NEGATION_WORDS = ("not", "never", "n't", "n\u2019t")
_IMPERSONAL = re.compile(r"^\s*(?:is|was|has been|had been|will be)\s+(?:\w+ly\s+|also\s+)?$")  # "it was announced"
_SPACES = re.compile(r"\s+")
_NP_TOKEN = re.compile(r"[^\s,;:!?()" + MASK + r"]+")
_THAT_AT_END = re.compile(r"\bthat\s*$")
_JOINT = {"appeal": re.compile(r"\s+to\s+"), "accuse": re.compile(r"\s+(?:of|for)\s+")}
# A word that opens or closes a capitalised name ("the Volunteers for the Defence of the Homeland").
_NAME_BEFORE = re.compile(r"[A-Z][\w'’.-]*$")
_NAME_AFTER = re.compile(r"(?:the\s+)?[A-Z]")
_RECIPROCAL = re.compile(r"(?:each other|one another)\b")
_SPACE_COMMA = re.compile(r"\s*,?\s*")
_AND_AT_END = re.compile(r"(?:,?\s+and(?:\s+also)?|,)\s*$")
_OBJECT_LEAD = re.compile(r"(?i)(?:at|over|about|on)\s+")
_FRAGMENT_LEAD = re.compile(r"(?i)(?:that|to|as|for)\b")
# Words that open a stretch modifying the quoted fragment before it (a place, a reason, a time),
# not a reported clause of its own.
_MODIFIER_LEADS = frozenset(
    "in on at from by with near into across along around against within without during after before since "
    "until because as while when where including amid despite toward towards over under through".split())
_TO_LEAD = re.compile(r"to\s+")
_UP_TO_COMMA = re.compile(r"[^,]*,\s*")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_CLAUSE_END = re.compile(r"[.;!?]")
_BY = re.compile(r"\bby\b")
_RELATIVE_INSIDE = re.compile(r"\s(?:who|which)\s")
# Past participles not ending in -ed, which open an aside such as ", known as FARDC,".
_IRREGULAR_PARTICIPLES = frozenset(
    "known led born held sworn seen written given run built made set taken chosen drawn thrown shown "
    "brought caught bought fought sent spent left kept put cut hit struck hidden driven".split())
_CLAUSE_OPENER = re.compile(r"\b(?:that|while|whereas|but|when|after|before|because|since|although|though|"
                            r"where|which|who|what|if|as)\s+")
_FIRST_WORD = re.compile(r"\s*([\w'’-]+)\s+")
_REPORTED_BY = re.compile(r"\b(?:said|says|told(?:\s+(?:reporters|journalists))?)\s+(?:that\s+)?")
_UNQUOTED = re.compile(r"[^" + MASK + r"]+")

#: How `target` is found for each type (types not listed get no target beyond
#: group phrases such as "all parties", which always name the conflict's parties):
#: - agents: actors mentioned before the first hostile-act word of the
#:   statement (the doers), else after "by", else any actor mentioned;
#: - addressees: actors named as the addressee of the cue ("called on Yerevan
#:   and Baku to"), else any actor mentioned;
#: - mentioned: any actor mentioned in the statement.
#: Actors are mapped to the state they belong to ("Armenian forces" -> Armenia);
#: the speaker and the speaker's own side are never targets. For the types in
#: OPPONENT_FALLBACK, a statement naming no one, by a speaker on one side of a
#: two-party conflict, targets the other side ("Let them abandon our territory").
TARGET_RULES = {
    "accuse": "agents", "appeal": "addressees", "demand": "addressees", "warn": "addressees",
    "reject": "mentioned",
}
#: "since ..." phrases frame a count in time; a hostile word inside them accuses no one.
_SINCE = _Gated(re.compile(r"\bsince\b[^,;.]*", re.I))
#: A definite article right before a hostile word: "the strikes", "the attack".
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|this|that)\s+(?:\w+\s+)?$", re.I)
#: A reported clause whose doer is the speaker itself ("it had struck", "its forces destroyed", "we hit",
#: "the group had targeted", "vowed to continue attacks").
_SELF_AGENT = re.compile(r"[\W]*(?:that\s+)?(?:it|its|we|our|us|the\s+(?:group|movement)(?:['’]s)?|to)\b", re.I)
#: Nouns for those a person speaks through ("his office said").
_OWN_STAFF = frozenset("office team campaign".split())
#: A name after its owner and lower-case modifiers: "Lebanon's state-run National News Agency".
_OWNED_NAME = re.compile(r"^(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s\s+(?:[a-z][\w-]*\s+)+"
                         r"([A-Z][\w.'’&-]*(?:\s+(?:of|for|and|[A-Z][\w.'’&-]*))*)$")
#: A possessive noun right before a hostile act (up to one word between): "the enemy's (brutal) assassination".
_POSSESSOR = re.compile(r"\b([\w-]+)['’]s\s+(?:[\w-]+\s+)?$")
#: What may follow the head noun of a phrase: its end, punctuation, or a preposition.
_HEAD_END = re.compile(r"\s*(?:$|[^\w\s]|(?:of|against|on|in|by|at|from|with|for)\b)")
_OWN_POSSESSORS = frozenset("it let that what who there here".split())
#: A passive verb of harm: the phrase before it names victims ("31 AA fighters had been killed in ...").
_PASSIVE_HARM = re.compile(r"\b(?:been|were|was|are|is)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|hurt|captured)\b", re.I)
_BY_PHRASE = re.compile(r"\s*((?:[\w'’-]+\s+){0,3}[\w'’-]+)")


def _force_after_by(rest: str) -> bool:
    """True when the phrase after "by" ends in a noun for an armed force ("the military", "government troops")."""
    m = _BY_PHRASE.match(rest)
    if not m:
        return False
    roles = _roles()
    return any((roles.get(w.lower()) or {}).get("kind") == "armed_forces" for w in m.group(1).split())
_NUMBER_WORDS = ("(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                 "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)")
#: A casualty count: a number and a word for killed or wounded.
_CASUALTY_COUNT = _Gated(re.compile(
    r"\b(?:\d[\d,.]*|dozens|scores|hundreds|thousands|" + _NUMBER_WORDS + r")\b[^.;]{0,60}?\b(?:killed|killing|dead|died|wounded|"
    r"wounding|injured|injuring|casualties|lost their lives)\b"
    r"|\b(?:killed|killing|wounded|wounding|injured|injuring)\s+(?:at least |more than |over |nearly |about |some )?"
    r"(?:\d|dozens|scores|hundreds|thousands|" + _NUMBER_WORDS + r")"
    r"|\b(?:death|casualty) toll\b[^.;]{0,80}?\b(?:to|at|of|reached|hit)\s+(?:at least |more than |over |nearly |about |some )?\d",
    re.I))
#: How many earlier statements pronouns, role nouns and dates look back over.
HISTORY = 40
#: How far back (characters) a definite hostile act ("the strikes") looks for the same act told with its doer.
DOER_LOOKBACK = 600
#: How many earlier statements a quote with no cue is compared with (a pull quote repeats one of them).
PULL_QUOTE_LOOKBACK = 12
OPPONENT_FALLBACK = frozenset({"accuse", "demand", "reject"})


# ----------------------------------------------------------------------------
# Lexicon tables, read once


@dataclass(frozen=True)
class Cue:
    """One row of speech_verbs.csv."""

    cue: str
    frame: str
    type: str
    strong: bool


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern, dict[str, Cue], frozenset[str]]:
    """(regex matching any cue form at a position, form -> Cue, first words of the forms)."""
    forms: dict[str, Cue] = {}
    for row in lexicon.table("speech_verbs.csv"):
        cue = Cue(row["cue"], row["frame"], row["type"], row["strength"] == "strong")
        for form in row["forms"].split("|"):
            forms[" ".join(form.lower().split())] = cue
    alternatives = sorted(forms, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, f.split())) for f in alternatives)
    firsts = frozenset(f.split()[0] for f in forms)
    return re.compile(r"(?:" + body + r")(?![\w-])", re.I), forms, firsts


@lru_cache(maxsize=1)
def _cues_lower() -> re.Pattern | None:
    """The cue pattern, case-sensitive, for lower-cased text (its forms are lower case; see
    _lowered); None when a form holds a non-ASCII letter, whose case variants lower-casing may miss."""
    pattern = _cues()[0].pattern
    return re.compile(pattern) if pattern.isascii() else None


@lru_cache(maxsize=1)
def _type_rules() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((row["type"], re.compile(row["pattern"], re.I)) for row in lexicon.table("statement_types.csv"))


@lru_cache(maxsize=1)
def _type_gates() -> _GatedRules:
    """The content rules' patterns, gated together."""
    return _GatedRules(p for _, p in _type_rules())


@lru_cache(maxsize=1)
def _hostile() -> _Gated:
    return _Gated(next(p for t, p in _type_rules() if t == "accuse"))


@lru_cache(maxsize=1)
def _roles() -> dict[str, dict[str, str]]:
    return {row["noun"].lower(): row for row in lexicon.table("role_nouns.csv")}


def statement_type(text: str, cue: Cue | None, skip: tuple[str, ...] = (), low: str | None = None) -> str:
    """The type of a statement with words `text` and cue `cue` (None: no cue).

    `skip` leaves content rules of those types out (an "accuse" rule that
    matched only the speaker's own acts). `low`: see `content_type`.
    """
    if cue is not None and cue.strong:
        return cue.type
    found = content_type(text, skip, low)
    if found:
        return found
    return cue.type if cue is not None else "claim"


@lru_cache(maxsize=1)
def _type_twins() -> tuple[re.Pattern | None, ...]:
    """The content rules' patterns for the lower-cased text (see _lower_twin)."""
    return tuple(_lower_twin(p) for _, p in _type_rules())


def content_type(text: str, skip: tuple[str, ...] = (), low: str | None = None) -> str | None:
    """The type the first matching content rule gives, None when none matches.

    `low`: `_lowered(text)` when the caller has it (None: worked out here)."""
    rules, twins = _type_rules(), _type_twins()
    low = _lowered(text) if low is None else low
    for i in sorted(_type_gates().candidates(text, low)):  # the rules that may match, in order
        kind, pattern = rules[i]
        if kind in skip:
            continue
        if low is not None and twins[i] is not None:
            if twins[i].search(low):
                return kind
        elif pattern.search(text):
            return kind
    return None


# ----------------------------------------------------------------------------
# Noun phrases


def _words(text: str) -> list[str]:
    return text.split()


@lru_cache(maxsize=16384)
def _bare(word: str) -> str:
    word = word.strip(".,;:!?\"'“”‘’()[]")
    for suffix in ("'s", "’s"):
        if word.lower().endswith(suffix):
            word = word[: -len(suffix)]
    return word.rstrip("'’")


@lru_cache(maxsize=16384)
def _capitalised(word: str) -> bool:
    w = _bare(word)
    return bool(w) and (w[0].isupper() or w.startswith("@"))


@lru_cache(maxsize=16384)
def _head_role(surface: str) -> dict[str, str] | None:
    words = _words(surface)
    if not words:
        return None
    head = _bare(words[-1]).lower()
    return _roles().get(head) if not _capitalised(words[-1]) else None


@lru_cache(maxsize=16384)
def _np_ok(surface: str) -> bool:
    """True for a phrase that can name a speaker: a proper name, a pronoun, or a role noun phrase."""
    words = _words(surface)
    if not words or len(words) > 12 or MASK in surface:
        return False
    first = words[0].lower()
    if len(words) == 1 and first in PRONOUNS:
        return True
    one_of = _ONE_OF.match(surface) if " of " in surface else None
    if one_of:
        return _np_ok(surface[one_of.end():])
    doc = _SOURCE_OF.match(surface)
    if doc and doc.start(1) > 0 and _np_ok(doc.group(1)):
        return True  # "figures from the health ministry"
    last = _bare(words[-1])
    if last and not _capitalised(last) and _head_role(surface) is None and last.lower() not in _SOURCE_DOCS \
            and _verb_like(last):
        return False  # "Prime Minister X rejected": a clause, not a noun phrase
    if not (_capitalised(words[0]) or first in DETERMINERS):
        # lower-case modifiers before a title and a name ("army spokesman Brig. Gen. X", "regional Gov. X"),
        # or a short role phrase ("officials", "security sources", "army spokesman")
        return _name_after_title(surface) is not None and len(words) <= 10 or \
            (len(words) <= 3 and _head_role(surface) is not None and all(w.islower() for w in words))
    proper = [w for i, w in enumerate(words) if _capitalised(w) and not (i == 0 and w.lower() in DETERMINERS)]
    return bool(proper) or _head_role(surface) is not None


@lru_cache(maxsize=16384)
def _verb_like(word: str) -> bool:
    """True for a lower-case word that reads as a finite verb (a cue form, or a past tense)."""
    low = word.lower()
    return low in _cues()[1] or (len(low) > 4 and low.endswith("ed"))


@lru_cache(maxsize=16384)
def _name_after_title(surface: str) -> str | None:
    """The personal name in a title + name phrase ("Foreign Minister Mohammad Javad Zarif")."""
    words = _words(surface)
    roles = _roles()
    last = None
    for i, w in enumerate(words):
        row = roles.get(_bare(w).lower())
        if row and row["title"] == "yes":
            last = i
    if last is None or last == len(words) - 1:
        return None
    rest = words[last + 1:]
    if not all(_capitalised(w) for w in rest):
        tail = words[-2:]  # "Commissioner for Human Rights Michelle Bachelet": the name closes the phrase
        return " ".join(tail) if all(_capitalised(w) for w in tail) else None
    return " ".join(rest)


#: Actor kinds a body noun may point back to (default: the kind role_nouns.csv gives).
_BODY_KINDS = {"group": ("organization", "armed_forces"), "organization": ("organization", "armed_forces"),
               "organisation": ("organization", "armed_forces"), "movement": ("organization", "armed_forces"),
               "militia": ("armed_forces", "organization"), "army": ("armed_forces",),
               "military": ("armed_forces",), "forces": ("armed_forces",)}
#: Modifiers that describe a body without identifying it ("the militant group" is still an anaphor).
_GENERIC_MODIFIERS = frozenset(
    "same latter former militant armed rebel paramilitary islamist jihadist insurgent separatist extremist "
    "aid humanitarian medical charity rights watchdog monitoring global international regional local "
    "country's group's nation's".split())
#: How far back (characters) a bare role noun looks for what it points to.
LOOKBACK = 4000


def _in_object(text: str, offset: int) -> bool:
    """True when the words just before `offset` (same sentence) put a mention after a preposition
    or a verb: "at an Israeli army post", "accused the army"."""
    before = text[max(0, offset - 50):offset]
    before = re.split(r"[.;:!?\n]", before)[-1]
    words = before.split()[-4:]
    for w in reversed(words):
        low = _bare(w).lower()
        if low in DETERMINERS or (w[:1].islower() and not _verb_like(w) and low not in _PREPOSITIONS
                                  and low not in ("of", "to", "against", "into", "by")):
            continue  # determiners and adjectives between
        return low in _PREPOSITIONS or low in ("of", "to", "against", "into", "by") or _verb_like(w)
    return False


@lru_cache(maxsize=16384)
def _strip_det(surface: str) -> str:
    return re.sub(r"^(?:the|a|an|its|their|his|her|our)\s+", "", surface.strip(), flags=re.I)


@lru_cache(maxsize=16384)
def _bare_anaphor(surface: str) -> bool:
    """True for a determiner and a role noun with at most generic modifiers ("the ministry", "the armed group")."""
    words = surface.split()
    if len(words) < 2 or words[0].lower() not in DETERMINERS:
        return False
    return all(w.lower() in _GENERIC_MODIFIERS for w in words[1:-1])


def _head_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the phrase's last word (its head noun)."""
    s = end
    while s > start and not text[s - 1].isspace():
        s -= 1
    return s, end


def _phrase_ending(text: str, s: int, e: int) -> str:
    """The noun phrase whose head word is text[s:e]: the determiner and modifiers before it."""
    words = []
    pos = s
    while len(words) < 5:
        window = text[max(0, pos - 40):pos]
        at, w = _word_before_space(window, "_'’.&-")
        if w is None:
            break
        low = w.lower()
        if low in _PREPOSITIONS or low in ("and", "or", "to", "of", "said", "says") or _verb_like(w):
            break
        words.insert(0, w)
        pos -= len(window) - at
        if low in DETERMINERS or w.endswith(("'s", "’s")):
            break
    return " ".join(words + [text[s:e]])


@lru_cache(maxsize=16384)
def _abbreviation(token: str) -> bool:
    """True for a word whose full stop is part of it: "U.N.", "Gov.", "Brig.", "Gen."."""
    if not token.endswith("."):
        return False
    if re.fullmatch(r"(?:[A-Z]\.){2,}", token):
        return True
    row = _roles().get(token[:-1].lower())
    return bool(row) and row["title"] == "yes" and len(token) <= 6 and token[0].isupper()


@lru_cache(maxsize=16384)
def _name_after_role(surface: str) -> tuple[str, str] | None:
    """(name, kind) for a role noun followed by a name: "state news agency NNA" -> ("NNA", "organization")."""
    words = _words(surface)
    roles = _roles()
    for i in range(len(words) - 2, -1, -1):
        w = words[i]
        row = roles.get(_bare(w).lower())
        if row and not _capitalised(w):
            if row["kind"] == "person":
                return None  # titles: _name_after_title, which also reads the gender they fix
            rest = words[i + 1:]
            if rest and all(_capitalised(x) for x in rest) and len(rest) <= 5:
                return " ".join(rest), row["kind"] if row["kind"] != "group" else "organization"
            return None
    return None


@lru_cache(maxsize=16384)
def _name_like(chunk: str) -> bool:
    words = _words(chunk)
    return 0 < len(words) <= 5 and all(_capitalised(w) or w.lower() in ("bin", "al", "de", "van", "von", "der")
                                       for w in words)


# ----------------------------------------------------------------------------
# The actor index, read defensively (its lookups may be partial)


#: A mention of an actor: (start, end, actor, kind), a plain tuple (see _Actors).
_Mention = tuple[int, int, str, str]


class _Actors:
    """Lookups over an ActorIndex, with cheap fallbacks when it knows nothing.

    The mentions are kept and handed out as plain (start, end, actor, kind) tuples (`_Mention`),
    sorted by start and then longest first: tuples of strings and numbers cost less to make than
    objects, and the garbage collector stops tracking them (so they do not make it sweep the heap).
    """

    def __init__(self, index: ActorIndex | None):
        self.index = index
        self.mentions: list[_Mention] = []
        self.kinds: dict[str, str] = {}
        self.affiliations: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        self.genders: dict[str, str | None] = {}  # see gender
        self.parties: list[str] = []
        self.starts: list[int] = []
        if index is None:
            return
        frame = getattr(index, "mentions", None)
        if frame is not None and len(frame):
            starts, ends = frame["start"].to_numpy(dtype="int64"), frame["end"].to_numpy(dtype="int64")
            order = np.lexsort((-ends, starts))  # by start, then longest first, then in the frame's order (stable)
            self.mentions = list(zip(starts[order].tolist(), ends[order].tolist(),
                                     frame["actor"].astype(str).to_numpy()[order].tolist(),
                                     frame["actor_kind"].astype(str).to_numpy()[order].tolist()))
        self.starts = [m[0] for m in self.mentions]
        actors = getattr(index, "actors", None)
        if actors is not None and len(actors):
            for row in actors.itertuples(index=False):
                self.kinds[str(row.name)] = str(row.kind)
                if isinstance(row.affiliation, str) and row.affiliation:
                    self.affiliations[str(row.name)] = row.affiliation
                if isinstance(row.role, str) and row.role:
                    self.roles[str(row.name)] = row.role
            story = actors[(actors["kind"] == "state") & actors["in_story"].astype(bool)]
            story = story.sort_values(["mentions", "first_offset"], ascending=[False, True])
            self.parties = [str(n) for n in story["name"].head(2)]

    def resolve(self, surface: str, start: int | None) -> str | None:
        if self.index is None:
            return None
        if start is not None:
            # the mention at exactly this span, else the smallest covering it (cheap, no frame filtering)
            end = start + len(surface)
            covering = None
            for k in range(bisect.bisect_right(self.starts, start) - 1, -1, -1):
                m_start, m_end, actor, _ = self.mentions[k]
                if m_start == start and m_end == end:
                    return actor
                if m_end >= end and (covering is None or m_end - m_start < covering[1] - covering[0]):
                    covering = (m_start, m_end, actor)
                if start - m_start > 200:
                    break
            if covering is not None:
                return covering[2]
        try:
            name = self.index.resolve(surface, start)
        except Exception:  # a partial actor index must not stop statements
            name = None
        return str(name) if name else None

    def kind(self, name: str | None) -> str | None:
        if not name:
            return None
        if name in self.kinds:
            return self.kinds[name]
        getter = getattr(self.index, "actor", None)
        if getter is not None:
            try:
                row = getter(name)
            except Exception:
                row = None
            if row:
                return row.get("kind")
        return None

    def gender(self, name: str | None) -> str | None:
        getter = getattr(self.index, "gender", None)
        if getter is None or not name:
            return None
        if name not in self.genders:  # (the index's answer for a name does not change)
            try:
                self.genders[name] = getter(name)
            except Exception:
                self.genders[name] = None
        return self.genders[name]

    def within(self, start: int, end: int) -> list[_Mention]:
        """Mentions lying inside [start, end), in order."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end, lo)
        return [m for m in self.mentions[lo:hi] if m[1] <= end]

    def before(self, offset: int):
        """Mentions ending at or before `offset`, nearest first (a generator)."""
        mentions = self.mentions
        for k in range(bisect.bisect_left(self.starts, offset) - 1, -1, -1):
            if mentions[k][1] <= offset:
                yield mentions[k]

    def side(self, name: str) -> str:
        """The state an actor belongs to (itself for a state or an unknown actor)."""
        kind = self.kinds.get(name)
        aff = self.affiliations.get(name)
        if kind != "state" and aff and self.kinds.get(aff) == "state":
            return aff
        return name


# ----------------------------------------------------------------------------
# Reading a paragraph


@dataclass(slots=True)
class _Hit:
    """A speech cue found in the narration (offsets into the raw text)."""

    start: int
    end: int
    form: str
    cue: Cue
    sentence: int  # index into the paragraph's sentence list
    subject: tuple[int, int] | None = None
    ref: int | None = None  # hit whose speaker this one shares
    after_quote: QuoteSpan | None = None
    consumed: bool = False
    impersonal: bool = False  # "it was announced that ...": no speaker


@dataclass(slots=True)
class _Draft:
    kind: str
    start: int
    end: int
    sentence_id: int
    hit: int | None  # index into the paragraph's hits
    cue_text: str | None
    cue: Cue | None
    type_text: str
    paragraph: int
    block_id: int
    content_start: int
    continuation: bool = False
    reciprocal_subject: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None  # where targets are looked for (default: the words)


@dataclass(slots=True)
class _Said:
    """A resolved statement, remembered for later pronouns and role nouns."""

    speaker: str | None
    surface: str | None
    kind: str | None
    gender: str | None
    paragraph: int
    section: int
    date: dt.date | None
    end: int


class _Reader:
    """Statements of one article, read paragraph by paragraph in order."""

    def __init__(self, article: Article, index: ActorIndex | None):
        self.article = article
        self.text = article.text
        self.actors = _Actors(index)
        self.published = article.meta.published
        #: the last HISTORY statements, oldest first (no look-back reads further)
        self.history: deque[_Said] = deque(maxlen=HISTORY)
        self.said = 0  # how many statements have been read
        #: (number in reading order, statement) of the dated statements by the last word of their speaker's
        #: name, for the date look-back in _emit (_same_actor pairs only names with the same last word)
        self.dated: dict[str, list[tuple[int, _Said]]] = {}
        self.rows: list[tuple] = []  # in the order of _ROW_COLUMNS
        self.date_cache: dict[int, list] = {}  # sentence start -> dates, for the paragraph being read
        self.subjects: dict[str, tuple[int, int] | None] = {}  # see _np_before
        self.block_id, self.block_ordered = None, None  # the paragraph being read and its _ordered
        self.cue_re, self.forms, self.cue_firsts = _cues()
        #: the cue forms that may stand as plural nouns (only they need _nominal's test)
        self.nominal_forms = frozenset(f for f in self.forms if f.split()[0] in _NOMINAL_FIRSTS)
        # the text lower-cased once for the gates (None when lower-casing moves offsets or a gate
        # cannot be trusted on it: see _lowered)
        low = _lowered(self.text)
        self.gate_low = low if low is not None and len(low) == len(self.text) else None

    def _may_match(self, gated: _Gated, start: int, end: int) -> bool:
        """False only when `gated` cannot match text[start:end] nor its masked narration (which
        holds fewer words): its gate read in the article's lower case."""
        if self.gate_low is None:
            return gated.may_match(_lowered(self.text[start:end]))
        return gated.may_match_at(self.gate_low, start, end)

    def _search(self, gated: _Gated, start: int, end: int) -> re.Match | None:
        """`gated.pattern.search(text, start, end)`, in the article's lower case when it can be."""
        low = self.gate_low
        if low is None:
            return gated.search(self.text, start, end)
        if not gated.may_match_at(low, start, end):
            return None
        return gated.twin.search(low, start, end) if gated.twin else gated.pattern.search(self.text, start, end)

    def _finditer(self, gated: _Gated, start: int, end: int):
        """`gated.pattern.finditer(text, start, end)`, in the article's lower case when it can be."""
        low = self.gate_low
        if low is None:
            return gated.finditer(self.text, start, end)
        if not gated.may_match_at(low, start, end):
            return iter(())
        return gated.twin.finditer(low, start, end) if gated.twin else gated.pattern.finditer(self.text, start, end)

    def _found_in(self, gated: _Gated, start: int, end: int) -> bool:
        """True when `gated.pattern` matches the string text[start:end] (a slice: ^ and \\b see
        its ends)."""
        low = self.gate_low
        if low is None:
            return gated.search(self.text[start:end]) is not None
        if not gated.may_match_at(low, start, end):
            return False
        if gated.twin:
            return gated.twin.search(low[start:end]) is not None
        return gated.pattern.search(self.text[start:end]) is not None

    def _lowered(self, start: int, end: int) -> str | None:
        """`_lowered(text[start:end])`, cut from the article's lower case when it can be."""
        return self.gate_low[start:end] if self.gate_low is not None else _lowered(self.text[start:end])

    def _remember(self, said: _Said) -> None:
        """Add a resolved statement to the history (and to the dated ones when it has a date)."""
        if said.date is not None and said.speaker:
            self.dated.setdefault(_last_word(said.speaker), []).append((self.said, said))
        self.history.append(said)
        self.said += 1

    # -- driver ----------------------------------------------------------
    def run(self) -> list[tuple]:
        by_block: dict[int, list] = {}
        for s in self.article.sentences:
            by_block.setdefault(s.block_id, []).append(s)
        self.block_sentences = by_block
        self.block_starts: dict[int, tuple[tuple[int, ...], tuple[int, ...]] | None] = {}  # see _ordered
        blocks = self.article.blocks
        section = 0
        for i, block in enumerate(blocks):
            if block.kind == "subheading":
                section += 1
            elif block.kind == "body":
                nxt = blocks[i + 1] if i + 1 < len(blocks) else None
                continues = bool(nxt and nxt.kind == "body" and opens_with_quote(self.text, nxt.start, nxt.end))
                self._paragraph(block, by_block.get(block.block_id, []), section, continues)
            elif block.kind == "embedded_post":
                self._post(block, by_block.get(block.block_id, []), section)
        return self.rows

    # -- embedded posts --------------------------------------------------
    def _post(self, block, sentences, section: int) -> None:
        text = self.text
        end = text.rfind("\n", block.start, block.end)
        if end <= block.start:
            return
        while end > block.start and text[end - 1].isspace():
            end -= 1
        start = block.start
        if end <= start:
            return
        author = block.author or block.handle
        speaker = (self.actors.resolve(block.handle, None) if block.handle else None) \
            or (self.actors.resolve(author, None) if author else None) or author
        words = text[start:end]
        first = next((s for s in sentences if s.start <= start < s.end), sentences[0] if sentences else None)
        kind = statement_type(words, None)
        self.rows.append((  # _ROW_COLUMNS
            speaker, author, "signature", "tweet",
            words, "tweet", self._targets(kind, start, end, speaker, None, words),
            kind, block.post_date,
            first.sentence_id if first else -1, block.block_id,
            block.paragraph, start, end,
        ))
        self._remember(_Said(speaker, author, self.actors.kind(speaker) or "person", None,
                             block.paragraph, section, block.post_date, end))

    # -- body paragraphs -------------------------------------------------
    def _paragraph(self, block, sentences, section: int, continues: bool) -> None:
        text = self.text
        p0, p1 = block.start, block.end
        self.date_cache = {}  # (statements read only their own paragraph's sentences)
        # the paragraph's sentence order, read once here (every statement's sentence id and date reads it)
        self.block_id, self.block_ordered = block.block_id, self._ordered(block.block_id)
        quotes = find_quotes(text, p0, p1, continues)
        self.quote_cuts = sorted((q.open_mark, q.outer_end) for q in quotes)  # (for _may_frame)
        masked = mask(text, quotes, p0, p1)
        spans = [(s.start, s.end) for s in sentences] or [(p0, p1)]

        ends = [e for _, e in spans]
        if all(a <= b for a, b in zip(ends, ends[1:])):
            def sentence_at(offset: int) -> int:
                """The first sentence ending after `offset` (else the last)."""
                return min(bisect.bisect_right(ends, offset), len(ends) - 1)
        else:
            def sentence_at(offset: int) -> int:
                for k, (s, e) in enumerate(spans):
                    if offset < e:
                        return k
                return len(spans) - 1

        hits: list[_Hit] = []
        # words first (fast), the full cue pattern only where a cue's first word stands; matched
        # case-sensitively in the lower-cased narration when that is safe (see _lowered)
        low = self.masked_low = _lowered(masked)  # (the same length: see _lowered)
        if low is not None and (len(low) != len(masked) or _cues_lower() is None):
            low = None
        cue_re, cue_text = (self.cue_re, masked) if low is None else (_cues_lower(), low)
        for start in _word_starts(masked, self.cue_firsts, low):
            if start and (masked[start - 1] == "-" or masked[start - 1].isalnum()):
                continue
            m = cue_re.match(cue_text, start)
            if not m:
                continue
            surface = masked[m.start():m.end()]
            if masked[start].isupper() and _after_name(masked, start):
                continue  # "Omar Said", "Ahmed Said": a name, not a cue
            form = " ".join((surface.lower() if low is None else low[m.start():m.end()]).split())
            if form in _BARE_FORMS and _after_modal(masked, start):
                continue  # "declined to say", "would say": no statement
            if (form in self.nominal_forms and _nominal(masked, start, form)) or _after_document(masked, start):
                continue  # "rejected calls for a ceasefire", "growing calls for talks": a noun, not a cue
            hits.append(_Hit(p0 + m.start(), p0 + m.end(), surface, self.forms[form], sentence_at(p0 + m.start())))
        for k, h in enumerate(hits):
            self._subject(h, k, hits, quotes, masked, p0, spans)

        drafts: list[_Draft] = []
        for q in quotes:
            draft = self._quote(q, quotes, hits, masked, p0, spans, sentence_at, block)
            if draft:
                drafts.append(draft)
        for k, h in enumerate(hits):
            if not h.consumed:
                drafts.extend(self._indirect(k, h, hits, quotes, masked, p0, p1, spans, block))

        drafts.sort(key=lambda d: (d.start, d.end))
        resolved: dict[int, tuple] = {}
        for d in drafts:
            self._emit(d, hits, resolved, block, section, sentences, quotes, masked, p0)

    # -- subjects --------------------------------------------------------
    def _subject(self, h: _Hit, k: int, hits: list[_Hit], quotes, masked: str, p0: int, spans) -> None:
        s_start = spans[h.sentence][0]
        left = masked[s_start - p0:h.start - p0]
        if MASK in left:
            cut = left.rindex(MASK)
            h.after_quote = next((q for q in quotes if q.outer_end == s_start + cut + 1), None)
            left_start = s_start + cut + 1
            left = left[cut + 1:]
        else:
            left_start = s_start
        participle = h.cue.frame != "according" and _participle(h.form)
        stripped = left.strip(" \t\u00a0\"'“”‘’—–-")
        if h.cue.frame == "according":
            h.subject = self._np_after(h.end, masked, p0, through_of=True)
            return
        if not stripped.strip(","):
            if h.after_quote is not None:
                h.subject = self._np_after(h.end, masked, p0)
            elif participle:
                h.ref = next((j for j in _same_sentence(hits, h) if j > k and hits[j].ref is None), None)
            return
        if participle:
            # "the agency quoted a local official as saying ...": the one quoted is the speaker
            quoted = _QUOTED_AS.search(left) if "quot" in left else None
            if quoted and _np_ok(quoted.group(1)):
                h.subject = (left_start + quoted.start(1), left_start + quoted.end(1))
                return
        if participle and stripped.rstrip().endswith(","):
            h.ref = next((j for j in reversed(_same_sentence(hits, h))
                          if j < k and (hits[j].subject or hits[j].ref is not None)), None)
            if h.ref is not None:
                return
        if "what" in left and _WHAT_IT_CALLED.search(left):
            # "condemned what it called ...": the naming belongs to the main cue's statement
            h.ref = next((j for j in reversed(_same_sentence(hits, h))
                          if j < k and (hits[j].subject or hits[j].ref is not None)), None)
            if h.ref is not None:
                return
        words = stripped.rstrip(" ,").rsplit(None, 2)  # (its last two words are all that is read)
        if words and words[-1].lower() == "and" or (len(words) > 1 and words[-2].lower() == "and"
                                                     and words[-1].lower() in _BETWEEN):
            h.ref = next((j for j in reversed(_same_sentence(hits, h)) if j < k), None)
            if h.ref is not None:
                return
            opening = _OPENING_SUBJECT.match(left) if left_start == s_start else None
            if opening and opening.group(1).split()[0].lower() not in _PREPOSITIONS | _LEADING and \
                    _np_ok(opening.group(1)):
                # "She put the toll at 300, and said ...": the sentence's subject, whose other verb is no cue
                h.subject = (left_start + opening.start(1), left_start + opening.end(1))
                return
        h.subject = self._np_before(left, left_start)
        if h.subject is not None and self.text[h.subject[0]:h.subject[1]].lower() == "it" and \
                _IMPERSONAL.search(self.text[h.subject[1]:h.start]):
            h.impersonal = True  # "It was announced that ...", "it has been reported"

    def _np_before(self, left: str, left_start: int) -> tuple[int, int] | None:
        """The subject phrase ending `left` (narration before a cue), as raw offsets."""
        # a function of `left` alone, remembered for the article: its narration repeats short
        # lead-ins ("The ministry", "Lavrov said")
        if left in self.subjects:
            found = self.subjects[left]
        else:
            found = self.subjects[left] = _subject_in(left)
        return (left_start + found[0], left_start + found[1]) if found else None

    def _np_after(self, offset: int, masked: str, p0: int, through_of: bool = False) -> tuple[int, int] | None:
        """The noun phrase right after a cue ("said Lavrov", "according to the ministry").

        `through_of` lets "of", "from" and "by" continue the phrase ("a statement from the ministry").
        """
        rest = masked[offset - p0:]
        m = _SPACES.match(rest)
        if not m:
            return None
        pos = m.end()
        words = []
        for w in _NP_TOKEN.finditer(rest[pos:pos + 160]):
            if words and rest[pos + words[-1][1]:pos + w.start()].strip():
                break  # punctuation between words ends the phrase
            token = w.group(0)
            abbreviation = _abbreviation(token)
            stop_here = False
            if token.endswith(".") and not abbreviation:
                token = token.rstrip(".")
                stop_here = True  # a full stop ends the phrase
            if not token:
                break
            bare = token.lower()
            if bare in _NP_AFTER_STOP and words and not (through_of and bare in ("of", "from", "by")):
                break
            words.append((w.start(), w.start() + len(token)))
            if stop_here or len(words) >= 10:
                break
        if not words:
            return None
        s, e = pos + words[0][0], pos + words[-1][1]
        surface = rest[s:e]
        while not _np_ok(surface) and len(words) > 1 and rest[pos + words[-1][0]:pos + words[-1][1]].islower() \
                and _verb_like(rest[pos + words[-1][0]:pos + words[-1][1]]):
            words.pop()  # "according to a tally based on ...": the phrase ends before the participle
            e = pos + words[-1][1]
            surface = rest[s:e]
        if not _np_ok(surface):
            return None
        return offset + s, offset + e

    # -- quotes ------------------------------------------------------------
    def _quote(self, q: QuoteSpan, quotes, hits: list[_Hit], masked: str, p0: int, spans, sentence_at,
               block) -> _Draft | None:
        text = self.text
        k_open = sentence_at(q.open_mark)
        s_start = spans[k_open][0]
        before = masked[s_start - p0:q.open_mark - p0].rstrip(" \t\u00a0")
        pre_char = before[-1] if before else ""
        first_char = text[q.start] if q.start < q.end else ""
        direct = (pre_char in ("", ",", ":", ".", "!", "?", "\u2014", "\u2013", "-", MASK)
                  and (first_char.isupper() or first_char.isdigit() or pre_char in (",", ":")))
        sid = self._sentence_id(block, q.start)
        if direct:
            hit = None
            # cue after the quote: "...," Aliyev said / "...," said Lavrov
            for k, h in enumerate(hits):
                if h.after_quote is q and (h.subject is not None or h.ref is not None):
                    hit = k
                    break
            ends_sentence = text[q.start:q.end].rstrip()[-1:] == "." and not hits_after_comma(text, q)
            if hit is not None and ends_sentence:
                hit = None
            if hit is None:
                # cue before the quote: Aliyev said: "..." / the UN rights chief said, "..."
                for k in range(len(hits) - 1, -1, -1):
                    h = hits[k]
                    if h.end > q.open_mark or h.start < s_start:
                        continue
                    between = masked[h.end - p0:q.open_mark - p0]
                    if MASK in between or len(between.strip()) > 60 or _THAT_AT_END.search(between):
                        break
                    if h.subject is not None or h.ref is not None:
                        hit = k
                    break
            if hit is not None:
                hits[hit].consumed = True
                h = hits[hit]
                return _Draft("direct", q.start, q.end, sid, hit, h.form, h.cue, text[q.start:q.end],
                              block.paragraph, block.block_id, q.start)
            if pre_char == ":":
                # "The army issued a statement: "..."": the subject that issued it is the speaker
                intro = _ISSUED.match(before)
                if intro:
                    subject = self._np_before(intro.group(1), s_start)
                    if subject is not None:
                        hits.append(_Hit(s_start + intro.start(2), s_start + intro.end(2), intro.group(2),
                                         _cues()[1]["said"], k_open, subject=subject, consumed=True))
                        return _Draft("direct", q.start, q.end, sid, len(hits) - 1, intro.group(2), hits[-1].cue,
                                      text[q.start:q.end], block.paragraph, block.block_id, q.start)
            if before.strip(MASK + " ") == "" or pre_char in ".!?":
                return _Draft("direct", q.start, q.end, sid, None, None, None, text[q.start:q.end],
                              block.paragraph, block.block_id, q.start, continuation=True)
            return None
        # partial: the nearest cue of the sentence before the quote, else after it
        prior = later = None  # the last cue of the sentence before the quote, the first after it
        for k, h in enumerate(hits):
            if h.sentence == k_open:
                if h.end <= q.open_mark:
                    prior = k
                elif later is None and h.start >= q.outer_end:
                    later = k
        hit = prior if prior is not None else later
        if hit is None:
            return None
        h = hits[hit]
        if prior is not None and self._labels(hit, hits, quotes, masked, p0, spans[k_open][1]):
            return None  # quoted labels inside one reported clause: the clause is the statement
        # the reported clause around the fragment: from the cue to the next quote or cue of the sentence
        clause_end = spans[k_open][1]
        rest = masked[q.outer_end - p0:clause_end - p0]
        nxt = rest.find(MASK)
        if nxt >= 0:
            clause_end = q.outer_end + nxt
        for o in hits:
            if q.outer_end <= o.start < clause_end:
                clause_end = (o.subject[0] if o.subject and o.subject[0] >= q.outer_end else o.start)
                break
        clause_start = min(h.end, q.start)
        if h.cue.frame == "object_quote" and h.end <= q.open_mark:
            clause_start = q.start  # 'calling it "a massacre"': typed on the naming, not on its object ("it")
        addressee = (h.end, q.open_mark) if h.cue.frame in ("appeal", "accuse") and h.end <= q.open_mark else None
        return _Draft("partial", q.start, q.end, sid, hit, h.form, h.cue, text[clause_start:clause_end],
                      block.paragraph, block.block_id, q.start, addressee=addressee,
                      target_span=(clause_start, clause_end))

    def _labels(self, k: int, hits: list[_Hit], quotes, masked: str, p0: int, s_end: int) -> bool:
        """True when the clause reported by hit k quotes two or more short labels inside running
        narration ("said it had struck 150 "terror targets" and killed "dozens of terrorists""):
        one indirect statement, not a row per fragment."""
        h = hits[k]
        if h.cue.frame not in ("report", "tell"):
            return False
        end = s_end
        for o in hits[k + 1:]:
            if o.sentence == h.sentence and o.start > h.end:
                end = min(end, o.subject[0] if o.subject and o.subject[0] > h.end else o.start)
                break
        stop = _STOP_REPORT.pattern.search(masked, h.end - p0, end - p0) if self._may_match(_STOP_REPORT, h.end, end) \
            else None
        if stop:
            end = p0 + stop.start()
        inside = [q for q in quotes if h.end <= q.open_mark and q.outer_end <= end]
        if len(inside) == 1 and masked.startswith(" and ", inside[0].outer_end - p0) and \
                self.text.count(" ", inside[0].start, inside[0].end) <= 2:
            # one short label inside a clause that runs on ('had killed 47 "apostate soldiers" and seized
            # four vehicles'): the clause is the statement
            q = inside[0]
            before = _WORD.findall(masked, h.end - p0, q.open_mark - p0)
            after = _WORD.findall(masked, q.outer_end - p0, end - p0)
            return len(before) >= 3 and len(after) >= 3 and after[0] == "and"
        if len(inside) < 2 or any(len(self.text[q.start:q.end].split()) > 4 for q in inside):
            return False
        narration = masked[h.end - p0:end - p0].replace(MASK, " ")
        return len(_WORD.findall(narration)) >= 4

    def _ordered(self, block_id: int) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        """(starts, ids) of the block's sentences when they follow one another without overlap
        (then an offset lies in at most one of them, and bisect finds it), else None."""
        try:
            return self.block_starts[block_id]
        except KeyError:  # (worked out on the block's first statement)
            sents = self.block_sentences.get(block_id, [])
            ordered = all(a.start <= a.end <= b.start for a, b in zip(sents, sents[1:]))
            found = self.block_starts[block_id] = \
                (tuple(s.start for s in sents), tuple(s.sentence_id for s in sents)) if ordered else None
            return found

    def _sentence_id(self, block, offset: int) -> int:
        """The id of the block's last sentence starting at or before `offset` (else its first; -1: none)."""
        ordered = self.block_ordered if block.block_id == self.block_id else self._ordered(block.block_id)
        if ordered is not None:
            starts, ids = ordered
            if not ids:
                return -1
            k = bisect.bisect_right(starts, offset) - 1
            return ids[k] if k >= 0 else ids[0]
        best = -1
        for s in self.block_sentences.get(block.block_id, ()):
            if best < 0:
                best = s.sentence_id
            if s.start <= offset:
                best = s.sentence_id
        return best

    # -- reported speech ----------------------------------------------------
    def _indirect(self, k: int, h: _Hit, hits: list[_Hit], quotes, masked: str, p0: int, p1: int, spans,
                  block) -> list[_Draft]:
        text = self.text
        if h.subject is None and h.ref is None:
            return []
        a, b = max(0, h.start - p0 - 40), h.start - p0
        low = self.masked_low
        if low is None or _NEGATED_LOWER is None:
            negated = _NEGATED.search(masked, a, b)
        else:  # (no negation word, no match)
            negated = (low.find("not", a, b) >= 0 or low.find("never", a, b) >= 0 or low.find("n't", a, b) >= 0
                       or low.find("n\u2019t", a, b) >= 0) and _NEGATED_LOWER.search(low, a, b)  # _NEGATION_WORDS
        if negated:
            return []  # "has not said how many ...", "did not say whether ...": nothing was said
        frame = h.cue.frame
        s_start, s_end = spans[h.sentence]
        # a quote running past the sentence end belongs to the clause
        for q in quotes:
            if q.open_mark < s_end < q.outer_end:
                s_end = q.outer_end
        if frame == "according":
            return self._according(k, h, hits, masked, p0, s_start, s_end, block)
        pos = h.end
        addressee = None
        if frame == "tell":
            pos = p0 + _skip_adverbials(masked, pos - p0)
            m = _ADDRESSEE.match(masked, pos - p0)
            if m:
                pos = p0 + m.end()
        pos = p0 + _skip_adverbials(masked, pos - p0)
        reciprocal = None
        if frame in ("appeal", "accuse"):
            window = masked[pos - p0:min(s_end, pos + 120) - p0]
            m = _JOINT[frame].search(window)
            while m and frame == "accuse" and _NAME_BEFORE.search(window, 0, m.start()) and \
                    _NAME_AFTER.match(window, m.end()):
                m = _JOINT[frame].search(window, m.end())  # "of"/"for" inside a name
            if m:
                addressee = (pos + (len(window[:m.start()]) - len(window[:m.start()].lstrip())), pos + m.start())
                obj = text[addressee[0]:addressee[1]].lower().strip()
                if frame == "accuse" and _RECIPROCAL.match(obj):
                    reciprocal = h.subject
                pos = pos + m.end()
            elif frame == "accuse":
                return []
        if frame in ("report", "tell"):
            fronted = self._fronted(k, h, hits, masked, p0, pos, s_start, s_end, block)
            if fronted is not None:
                return fronted
            m = _THAT.match(masked, pos - p0)
            pos = p0 + m.end()
            # "She said the envoy urged ...": a cue whose subject opens this clause is reported
            # inside it, not a statement of its own
            for o in hits[k + 1:]:
                if o.sentence != h.sentence:
                    break
                if o.subject is not None and o.subject[0] == pos:
                    o.consumed = True
        pos = self._skip(_SPACE_COMMA, masked, p0, pos)
        stop_re = _STOP_RECIPROCAL if reciprocal else _STOP_REPORT if frame in ("report", "tell") else \
            _STOP_APPEAL if frame == "appeal" else _STOP_OBJECT
        # (no stop pattern looks behind its start: searching the stretch in place finds what
        # searching it cut out finds)
        cut = s_end - pos
        m = stop_re.pattern.search(masked, pos - p0, s_end - p0) if self._may_match(stop_re, pos, s_end) else None
        if m and masked.startswith(MASK, m.end()) and m.group(0).strip() == "as":
            m = None  # 'accused the army of using residents as "human shields"': the quote ends the clause
        if m:
            cut = m.start() - (pos - p0)
        # a later cue of the same sentence ends this clause when it has its own speaker or shares this one
        for o in hits[k + 1:]:
            if o.sentence != h.sentence or o.start >= pos + cut:
                continue
            if o.start > pos:
                if o.ref is not None and o.start - pos < cut:
                    joint = _AND_AT_END.search(masked[pos - p0:o.start - p0])
                    cut = min(cut, joint.start() if joint else o.start - pos)
                elif o.subject is not None and o.subject[0] > pos:
                    cut = min(cut, o.subject[0] - pos)
        end = pos + cut
        while end > pos and (text[end - 1] in _TRAIL or text[end - 1].isspace()):
            end -= 1
        if reciprocal is not None and h.subject is not None:
            start = h.subject[0]
            return [_Draft("indirect", start, end, self._sentence_id(block, start), k, h.form, h.cue,
                           text[start:end], block.paragraph, block.block_id, h.start,
                           reciprocal_subject=h.subject)]
        if end - pos < 3 or frame == "object_quote":
            return []
        if frame in ("object", "call_for"):
            lead = _OBJECT_LEAD.match(text, pos, end)
            if lead:
                pos = lead.end()
        clause = masked[pos - p0:end - p0]
        if MASK in clause and frame in ("report", "tell") and self._labels(k, hits, quotes, masked, p0, s_end):
            pass  # quoted labels ("struck 150 "terror targets" and killed "dozens of terrorists""): keep it whole
        elif MASK in clause:
            # the quoted fragments are partial statements; keep a long unquoted stretch beside them
            best = max((m.span() for m in _UNQUOTED.finditer(clause)),
                       key=lambda se: se[1] - se[0], default=None)
            if best is None:
                return []
            s, e = pos + best[0], pos + best[1]
            while s < e and (text[s] in _TRAIL + "\"'“”‘’" or text[s].isspace()):
                s += 1
            while e > s and (text[e - 1] in _TRAIL + "\"'“”‘’" or text[e - 1].isspace()):
                e -= 1
            seg = text[s:e]
            if len(seg.split()) < 5 or _FRAGMENT_LEAD.match(seg) or \
                    seg.split()[-1].lower() in _DANGLING:
                return []
            if best[1] < len(clause) and "," not in seg and not clause[best[1]:].strip(MASK + _TRAIL + "\"'“”‘’"):
                # 'said the army would continue to operate "with full force"': one clause that the
                # quote completes is the partial statement's, not a second one
                return []
            if best[0] and clause[best[0] - 1] == MASK:
                lead_words = seg.split()
                if lead_words[0].lower() in _MODIFIER_LEADS or (
                        lead_words[0].lower() in ("and", "or") and lead_words[1].lower() != "that"):
                    # '... hit "terror infrastructure" in the province, including ...', 'urged them to "act
                    # now" and deliver ...': the quote's own frame or the rest of its clause
                    return []
            pos, end = s, e
        lead = _TO_LEAD.match(text, pos, end)
        typed = None
        if lead and frame == "report" and not h.cue.strong and \
                _PERFECT_BEFORE.search(masked, max(0, h.start - p0 - 30), h.start - p0):
            return []  # "the government has vowed to retake ...": a standing pledge the story recalls
        if lead and frame != "appeal":
            typed = (pos, end)  # (typed with its "to": "vowed to continue attacks" is the speaker's own act)
            pos = lead.end()
        # a strong cue may take a bare noun ("denied responsibility", "threatened retaliation")
        needed = 1 if frame in ("object", "call_for") or h.cue.strong else 2
        count, own = 0, False  # words read, whether one is not a function word (read no further than needed)
        for w in _WORD.finditer(text, pos, end):
            count += 1
            own = own or w.group().lower() not in _FUNCTION_ONLY
            if own and count >= needed:
                break
        if not own:
            return []  # "condemned what it (called ...)": no words of its own
        if count < needed:
            return []
        return [_Draft("indirect", pos, end, self._sentence_id(block, pos), k, h.form, h.cue,
                       text[typed[0]:end] if typed else text[pos:end],
                       block.paragraph, block.block_id, pos, addressee=addressee, target_span=typed)]

    def _fronted(self, k: int, h: _Hit, hits: list[_Hit], masked: str, p0: int, pos: int, s_start: int,
                 s_end: int, block) -> list[_Draft] | None:
        """The reported clause before its source: "Shelling killed 27 people, the ministry said."

        Applies when the cue's subject follows a comma and nothing but a
        sentence end, or a comma and a non-clause ("bringing ...", "as ..."),
        follows the cue. Returns None when the pattern does not apply, [] when
        it applies but the clause before is no statement of this speaker (it
        has a cue of its own, or is a quote).
        """
        if h.subject is None or h.after_quote is not None or h.subject[0] <= s_start:
            return None
        rest = masked[pos - p0:s_end - p0]
        if masked[h.end - p0:pos - p0].rstrip().endswith(","):
            rest = ", " + rest  # the adverbial skip ate the comma
        if not _FRONTED_REST.match(rest):
            return None
        left = masked[s_start - p0:h.subject[0] - p0]
        stripped = left.rstrip(" \t\u00a0")
        if not stripped.endswith(","):
            return None
        if any(o is not h and o.sentence == h.sentence and o.start < h.subject[0] for o in hits):
            h.consumed = True
            return []
        start = s_start
        m = _DATELINE.match(left)
        if m:
            start += m.end()
        end = s_start + len(stripped) - 1
        while end > start and (self.text[end - 1] in _TRAIL or self.text[end - 1].isspace()):
            end -= 1
        body = masked[start - p0:end - p0]
        words = body.split()
        if MASK in body or len(words) < 4:
            return None if MASK not in body else []
        if words[0].lower() in _PREPOSITIONS and "," not in body and not _QUANTIFIER_OPENING.match(body):
            return None  # "On Friday, the ministry said ..." (but "At least 17 people were killed, ...")
        h.consumed = True
        return [_Draft("indirect", start, end, self._sentence_id(block, start), k, h.form, h.cue,
                       self.text[start:end], block.paragraph, block.block_id, start)]

    def _according(self, k, h: _Hit, hits: list[_Hit], masked: str, p0: int, s_start: int, s_end: int, block) -> list[_Draft]:
        text = self.text
        left = masked[s_start - p0:h.start - p0]
        if any(o is not h and o.sentence == h.sentence and o.start < h.start and
               (o.subject is not None or o.ref is not None) for o in hits):
            return []  # "X accused Y of ..., according to Z": the clause is X's statement
        if left.strip(" ,\u00a0"):
            start, end = s_start, s_start + len(left.rstrip(" ,\u00a0"))
        elif h.subject is not None:
            rest = masked[h.subject[1] - p0:s_end - p0]
            m = _UP_TO_COMMA.match(rest)
            if not m:
                return []
            start, end = h.subject[1] + m.end(), s_end
        else:
            return []
        while end > start and (text[end - 1] in _TRAIL or text[end - 1].isspace()):
            end -= 1
        if MASK in masked[start - p0:end - p0] or len(text[start:end].split()) < 3:
            return []
        h.consumed = True
        return [_Draft("indirect", start, end, self._sentence_id(block, start), k, "according to", h.cue,
                       text[start:end], block.paragraph, block.block_id, start)]

    @staticmethod
    def _skip(pattern: re.Pattern, masked: str, p0: int, pos: int) -> int:
        m = pattern.match(masked, pos - p0)
        return p0 + m.end() if m else pos

    # -- speakers ------------------------------------------------------------
    def _hit_speaker(self, k: int, hits: list[_Hit], resolved: dict, paragraph: int, seen: set | None = None):
        if k in resolved:
            return resolved[k]
        h = hits[k]
        if h.ref is not None and (seen is None or h.ref not in seen):
            seen = seen or set()  # (made only for a hit that shares another's speaker)
            seen.add(k)
            out = self._hit_speaker(h.ref, hits, resolved, paragraph, seen)
        elif h.impersonal and h.subject is not None:
            out = (None, self.text[h.subject[0]:h.subject[1]], None, None, None)
        elif h.subject is not None:
            out = self._speaker(h.subject[0], h.subject[1], paragraph)
        else:
            out = (None, None, None, None, None)
        resolved[k] = out
        return out

    def _speaker(self, start: int, end: int, paragraph: int):
        """(speaker, surface, resolution, kind, gender) for the phrase at text[start:end]."""
        surface = self.text[start:end]
        words = surface.split()
        low = surface.lower()
        if low in PRONOUNS:
            return self._pronoun(low, surface, start, paragraph)
        one_of = _ONE_OF.match(surface) if " of " in surface else None
        if one_of:
            name, _, resolution, kind, gender = self._speaker(start + one_of.end(), end, paragraph)
            return name, surface, resolution, kind, gender
        role = _head_role(surface)
        # (the first word and the bare head noun lower-cased once: the tests below read them often)
        first = words[0].lower() if words else None
        head_noun = _bare(words[-1]).lower() if words else None
        body = _roles().get(head_noun) if words else None
        if len(words) == 2 and first in ("his", "her") and head_noun in _OWN_STAFF:
            # "his office said": the person speaks through it
            name, _, _, kind, gender = self._pronoun("he" if first == "his" else "she", surface,
                                                     start, paragraph)
            return (name or surface), surface, "pronoun", kind, gender
        if 2 <= len(words) <= 4 and head_noun in _OWN_STAFF and words[-2].endswith(("'s", "’s")) \
                and all(_capitalised(w) for w in words[:-1]):
            # "Netanyahu's office said": the person named
            owner = " ".join(words[:-1])[:-2]
            name = self.actors.resolve(owner, start)
            if name and self.actors.kind(name) == "person":
                return name, surface, "name", "person", self.actors.gender(name)
        of_at = surface.find(" of ") if role is None and " of " in surface and words[0][:1].isupper() else -1
        if of_at > 0:
            # "Captain X of the National Army": the person titled, not the body after "of"
            titled = _name_after_title(surface[:of_at])
            if titled:
                found = self.actors.resolve(titled, start)
                name = found if found and " of " not in found else titled
                return name, surface, "name", "person", self.actors.gender(name)
        if body is not None and body["kind"] in ("organization", "armed_forces"):
            # "the ministry", "Ukraine's General Staff", "the Defense Ministry": a body, never a person
            name, kind = self._body(surface, start, end, body)
            return name, surface, "role_noun", kind, None
        if role is None and len(words) > 3 and first in ("a", "an") and \
                (" in " in surface or " near " in surface or " from " in surface):
            # "a local administrator in X": someone unnamed, placed; the role phrase speaks
            for i in range(2, len(words) - 1):
                if words[i].lower() in _PLACED and _head_role(words[i - 1]) is not None:
                    cut = [m.start() for m in _NONSPACE.finditer(surface)][i]
                    return self._speaker(start, start + len(surface[:cut].rstrip()), paragraph)
        anaphoric = role is not None and first in DETERMINERS
        name = None
        inside = None  # the mentions within the phrase (read once, when first needed)
        if role is None and name is None:
            inside = self.actors.within(start, end)
            # "Foreign Minister Mohammad Javad Zarif": the mention that closes the phrase names it
            head = [m for m in inside if m[1] >= end - 1]
            if head:
                name = max(head, key=lambda m: m[1] - m[0])[2]
        tail_kind = None
        if name is None and role is None:
            # "the state news agency NNA", "the rights group Truth Now": the name after a role noun
            tail = _name_after_role(surface)
            if tail:
                name, tail_kind = tail
        indefinite = anaphoric and first in ("a", "an")
        if name is None and indefinite and role["kind"] == "person":
            name = None  # "an Israeli official": someone new, whoever the index last took an official for
        else:
            name = name or self.actors.resolve(surface, start)
        if name is None:
            if inside is None:
                inside = self.actors.within(start, end)
            if inside and not anaphoric:
                # prefer the mention closest to the phrase's head (its end), then the longest
                _, best_end, best, _ = max(inside, key=lambda m: (m[1], m[1] - m[0]))
                if role is None or best_end >= end - 1 or self.actors.kinds.get(best) == role["kind"]:
                    name = best
        if anaphoric and first in ("a", "an") and name is None:
            if role["kind"] == "person":
                # "an army spokesman", "a UN official": someone unnamed who speaks for the body named
                bodies = [m for m in inside if m[3] in ("organization", "armed_forces", "state")]
                if bodies:
                    best = max(bodies, key=lambda m: (m[1], m[1] - m[0]))
                    return best[2], surface, "role_noun", best[3], None
                for w in words[1:-1]:
                    if _capitalised(w):
                        found = self.actors.resolve(_bare(w), None)
                        found_kind = self.actors.kind(found) if found else None
                        if found and (found_kind in ("organization", "armed_forces", "state") or
                                      (found_kind is None and found != _bare(w))):
                            return found, surface, "role_noun", found_kind or "organization", None
                        continue
                    row = _roles().get(w.lower()) if w.islower() else None
                    if row and row["kind"] in ("organization", "armed_forces"):
                        found = self._earlier_body(w.lower(), _BODY_KINDS.get(w.lower(), (row["kind"],)), start)
                        if found:
                            return found[0], surface, "role_noun", found[1], None
            # "a local mayor", "an official": someone new and unnamed, not an earlier speaker
            return _strip_det(surface), surface, "role_noun", role["kind"], role.get("gender") or None
        if anaphoric:
            if name is None:
                name, kind, gender = self._antecedent(role, start)
            else:
                kind, gender = self.actors.kind(name), self.actors.gender(name)
            return (name or surface, surface, "role_noun", kind or role["kind"], gender or role.get("gender") or None)
        resolution = "role_noun" if role is not None and role["kind"] == "person" else "name"
        kind = (self.actors.kind(name) or tail_kind) if name else None
        gender = self.actors.gender(name) if name else None
        owned = _OWNED_NAME.match(surface) if name is None and "s " in surface else None
        if owned:
            name = owned.group(1)  # "Lebanon's state-run National News Agency": the name, not its owner
        if name is None:
            name = _name_after_title(surface)
            if name:
                kind = "person"
            elif role is None and _name_like(surface):
                name = _strip_det(surface) if words[0] in ("The", "the") and len(words) > 1 else surface
            else:
                name = _ARTICLE.sub("", surface)
                doc = _SOURCE_OF.match(name)
                if doc:
                    name = _ARTICLE.sub("", doc.group(1))
                last = name.split()[-1].lower() if name.split() else ""
                if last in _SOURCE_DOCS and last != "sources" and len(name.split()) > 1:
                    name = name.rsplit(None, 1)[0]
                parts = name.split()
                for i in range(1, len(parts) - 1):
                    # "a doctor at Central Hospital", "a local administrator in X": the role, not where
                    row = _roles().get(parts[i - 1].lower()) if parts[i].lower() in _PREPOSITIONS else None
                    if row is not None and row["kind"] == "person":
                        name = " ".join(parts[:i])
                        kind = "person"
                        break
            # titles that fix gender ("spokeswoman") also hold for the name after them
            roles = _roles()
            for w in words:
                row = roles.get(_bare(w).lower())
                if row and row.get("gender"):
                    gender = gender or row["gender"]
                if row and row["kind"] == "person" and row["title"] == "yes" and kind is None:
                    kind = "person"
        if role is not None and kind is None:
            kind = role["kind"]
            gender = gender or role.get("gender") or None
        return name, surface, resolution, kind, gender

    def _body(self, surface: str, start: int, end: int, role: dict) -> tuple[str, str]:
        """(name, kind) for a phrase headed by a body noun: "the ministry", "the Hamas-run health ministry".

        The actor named at the head noun, else the actor index's reading of
        the phrase when it names that kind of body; a bare anaphor ("the
        ministry", "the militant group") then points back, never forward, to
        the nearest earlier phrase with the same head noun, else to the
        nearest earlier actor of that kind; a descriptive phrase ("the health
        ministry") stands for itself, without its determiner.
        """
        noun = role["noun"].lower()
        kinds = _BODY_KINDS.get(noun, (role["kind"],))
        head = _head_span(self.text, start, end)
        found = self._named_at(head)
        if found:
            return found
        if _bare_anaphor(surface):
            # the index's own reading of a bare anaphor may point forward: only look back
            found = self._earlier_body(noun, kinds, start)
            if found:
                return found
        else:
            name = self.actors.resolve(surface, start)
            if name and noun in name.lower() and self.actors.kind(name) != "person":
                return name, self.actors.kind(name) or role["kind"]
            owned = _OWNED_NAME.match(surface) if "s " in surface else None
            if owned:
                return owned.group(1), role["kind"]  # "Lebanon's state-run National News Agency"
        return _strip_det(surface), role["kind"]

    def _named_at(self, span: tuple[int, int]) -> tuple[str, str] | None:
        """The actor whose mention covers text[span] (a head noun), if any."""
        s, e = span
        best = None
        for m_start, m_end, actor, kind in self.actors.within(max(0, s - 120), e):
            if kind == "person":
                continue
            if m_start <= s and m_end >= e and (best is None or m_end - m_start < best[1] - best[0]):
                best = (m_start, m_end, actor, kind)
        return (best[2], best[3]) if best else None

    def _earlier_body(self, noun: str, kinds: tuple[str, ...], start: int) -> tuple[str, str] | None:
        """What a bare "the <noun>" at `start` points back to."""
        lo = max(0, start - LOOKBACK)
        window = self.text[lo:start]
        for m in reversed(list(re.finditer(r"\b" + re.escape(noun) + r"\b", window, re.I))):
            s, e = lo + m.start(), lo + m.end()
            found = self._named_at((s, e))
            if found:
                return found
            phrase = _phrase_ending(self.text, s, e)
            if phrase and not _bare_anaphor(phrase):
                return _strip_det(phrase), kinds[0]
        # the nearest earlier actor of that kind standing as a subject, not inside an object or a
        # prepositional phrase ("fired rockets at an Israeli army post"); then an earlier speaker; then any
        fallback = None
        for m_start, m_end, actor, kind in self.actors.before(start):
            if start - m_end > LOOKBACK:
                break
            if kind in kinds:
                if not _in_object(self.text, m_start):
                    return actor, kind
                fallback = fallback or (actor, kind)
        for said in reversed(self.history):
            if said.speaker and (said.kind in kinds or (said.kind is None and _name_like(said.speaker))):
                return said.speaker, said.kind or kinds[0]
        return fallback

    def _compatible(self, said_kind: str | None, said_gender: str | None, kind: str, gender: str | None) -> bool:
        if kind == "body":  # "it": a state, an organisation, an armed force, an outlet
            return said_kind not in ("person", "group", "territory")
        if kind == "person":
            if said_kind not in (None, "person"):
                return False
        elif said_kind is not None and said_kind != kind and not (kind == "organization" and said_kind == "state"):
            return False
        return gender is None or said_gender is None or said_gender == gender

    def _pronoun(self, low: str, surface: str, start: int, paragraph: int):
        if low == "they":
            return None, surface, "pronoun", None, None
        kind = "person" if low in ("he", "she") else "body"
        gender = PRONOUNS[low]
        for said in reversed(self.history):
            if said.speaker and self._compatible(said.kind, said.gender, kind, gender):
                if paragraph - said.paragraph <= 3:
                    return said.speaker, surface, "pronoun", said.kind, said.gender
                break
        for _, _, actor, mk in self.actors.before(start):
            if self._compatible(mk, self.actors.gender(actor) if mk == "person" else None, kind, gender):
                return actor, surface, "pronoun", mk, self.actors.gender(actor)
        for said in reversed(self.history):
            if said.speaker and self._compatible(said.kind, said.gender, kind, gender):
                return said.speaker, surface, "pronoun", said.kind, said.gender
        return None, surface, "pronoun", kind, gender

    def _other_role(self, noun: str, said: "_Said") -> bool:
        """True when an earlier speaker is known by another specific role than `noun`:
        "the minister" does not point back to a spokesman."""
        if noun in _GENERIC_ROLES:
            return False
        described = " ".join(filter(None, (said.surface, self.actors.roles.get(said.speaker or "")))).lower()
        words = {_bare(w) for w in described.split()}
        if noun in words:
            return False
        roles = _roles()
        return any(w not in _GENERIC_ROLES and (roles.get(w) or {}).get("kind") == "person" for w in words)

    def _antecedent(self, role: dict, start: int):
        """The nearest earlier actor a role noun ("the ministry") can point to."""
        kind = role["kind"]
        gender = role.get("gender") or None
        noun = role["noun"].lower()
        for said in reversed(self.history):
            if not said.speaker:
                continue
            if kind in ("organization", "armed_forces", "group"):
                named = " ".join(filter(None, (said.speaker, said.surface))).lower()
                if noun in named or (said.kind == kind and kind != "group"):
                    return said.speaker, said.kind, said.gender
            elif self._compatible(said.kind, said.gender, kind, gender) and not self._other_role(noun, said):
                return said.speaker, said.kind, said.gender
        for _, _, actor, m_kind in self.actors.before(start):
            if m_kind == kind:
                return actor, m_kind, None
        return None, kind, gender

    # -- rows -------------------------------------------------------------
    def _emit(self, d: _Draft, hits, resolved, block, section, sentences, quotes, masked, p0) -> None:
        text = self.text
        date = None
        if d.continuation:
            prev = self.history[-1] if self.history else None
            if prev is None or block.paragraph - prev.paragraph > 1 or \
                    (block.paragraph != prev.paragraph and d.start > block.start + 2):
                return
            speaker, surface, resolution, kind, gender = prev.speaker, prev.surface, "continuation", prev.kind, prev.gender
            date = prev.date
            if self._repeated(d):
                return  # a pull quote: words the article has already quoted
            if self._run_on(d, prev, block):
                return  # the second paragraph of a quote running over two: one statement
        elif d.reciprocal_subject is not None:
            s, e = d.reciprocal_subject
            speaker, surface, resolution, kind, gender = None, text[s:e], None, None, None
        else:
            speaker, surface, resolution, kind, gender = self._hit_speaker(d.hit, hits, resolved, block.paragraph)
        if surface and surface[0] in "Nn" and _NOBODY.match(surface):
            return  # "No group has claimed the attack": nobody said anything
        if d.hit is not None and date is None:
            date = self._date(d, hits[d.hit], hits, quotes, sentences)
        if date is None and speaker and not d.continuation:
            # the speaker's latest dated statement among the last HISTORY ones of this section, looked
            # for among those whose speaker's name ends with the same word (sections only grow along
            # the history: the first of another section ends the look-back)
            first = self.said - HISTORY
            for at, said in reversed(self.dated.get(_last_word(speaker), ())):
                if at < first or said.section != section:
                    break
                if _same_actor(said.speaker, speaker):
                    date = said.date
                    break
        ts, te = d.target_span or (d.start, d.end)  # where d.type_text lies
        strong = d.cue is not None and d.cue.strong
        if strong:
            kind_type = d.cue.type  # (what statement_type gives a strong cue, without reading the words)
        else:
            low = self._lowered(ts, te)
            kind_type = statement_type(d.type_text, d.cue, low=low)
            if kind_type == "accuse" and d.reciprocal_subject is None and not self._accuses((ts, te), speaker):
                kind_type = statement_type(d.type_text, d.cue, skip=("accuse",), low=low)
        if d.kind == "partial" and kind_type != "accuse" and not strong and \
                self._fragment_accuses(d.start, d.end, speaker):
            kind_type = "accuse"  # 'said it fired in response to "the enemy's assassination" of a commander'
        if d.hit is not None and d.cue is not None and not strong and hits[d.hit].ref is not None \
                and hits[d.hit].form.lower().endswith("ing"):
            # "rejected calls for a truce, saying ...": the participle reports what the main cue says
            ref = hits[hits[d.hit].ref]
            if ref.cue.strong:
                kind_type = ref.cue.type
        if kind_type == "accuse" and d.cue is not None and d.cue.cue == "claim" and d.kind == "indirect" and \
                _CLAIMED_ACT.match(d.type_text):
            kind_type = "claim"  # "claimed the attack": the speaker's own act
        if d.reciprocal_subject is not None:
            target = "|".join(self._side_names(*d.reciprocal_subject, None))
        else:
            target = self._targets(kind_type, ts, te, speaker, d.addressee, d.type_text)
        self.rows.append((  # _ROW_COLUMNS
            speaker, surface, resolution, d.kind,
            text[d.start:d.end], d.cue_text, target, kind_type, date,
            d.sentence_id, d.block_id, d.paragraph,
            d.start, d.end,
        ))
        self._remember(_Said(speaker, surface, kind, gender, block.paragraph, section, date, d.end))

    def _repeated(self, d: _Draft) -> bool:
        """True when the words of a quote with no cue of its own were already quoted, as they stand,
        in one of the last statements (a pull quote repeating the body)."""
        words = self.text[d.start:d.end].strip(_TRAIL + "\"'“”‘’")
        if words.count(" ") < 3:
            return False
        for row in self.rows[-PULL_QUOTE_LOOKBACK:]:
            if row[_KIND] != "indirect" and words in row[_TEXT]:
                return True
        return False

    def _run_on(self, d: _Draft, prev: "_Said", block) -> bool:
        """Join a quote opening a paragraph to the previous statement when that one is a quote left
        open at the end of the paragraph before (the convention for a quote running over several
        paragraphs). True when joined."""
        if not self.rows or block.paragraph == prev.paragraph:
            return False
        row = self.rows[-1]
        if row[_KIND] != "direct" or row[_END] != prev.end or d.start <= row[_END]:
            return False
        gap = self.text[row[_END]:d.start]
        if gap.strip(" \t\r\n\u00a0\"“„«") or "\n" not in gap:
            return False
        start = row[_START]
        words = self.text[start:d.end]
        kind_type = row[_TYPE]
        if kind_type == "claim":
            found = content_type(words, skip=("accuse",))
            kind_type = found or kind_type
        self.rows[-1] = row[:_TEXT] + (words,) + row[_TEXT + 1:_TYPE] + (kind_type,) + row[_TYPE + 1:_END] + (d.end,)
        prev.end = d.end
        prev.paragraph = block.paragraph
        return True

    def _date(self, d: _Draft, h: _Hit, hits, quotes, sentences) -> dt.date | None:
        """A date expression of the statement's sentence that frames its cue."""
        if self.published is None and not sentences:
            return None
        sent = sentences[h.sentence] if h.sentence < len(sentences) else None
        ordered = self.block_ordered if d.block_id == self.block_id else self._ordered(d.block_id)
        if sent is None or not sent.start <= h.start < sent.end or ordered is None:
            sent = next((s for s in sentences if s.start <= h.start < s.end), None)  # (sentences overlap)
        if sent is None:
            return None
        text = self.text
        anchor_start = h.subject[0] if h.subject and h.subject[0] < h.start else h.start
        found = self.date_cache.get(sent.start)
        if found is None:
            if not self._may_frame(d, h, sent, quotes):
                return None  # (no date the loop below takes can start anywhere: the sentence is not read)
            found = self.date_cache[sent.start] = self._sentence_dates(sent.start, sent.end)
        for m in found:
            ds, de = sent.start + m.start, sent.start + m.end
            if any(q.open_mark <= ds < q.outer_end for q in quotes):
                continue
            if d.content_start <= ds < d.end and d.reciprocal_subject is None:
                continue
            if ds < anchor_start:
                between = text[sent.start:ds]
                if self._found_in(_SUBORDINATORS, sent.start, ds) or _SAID_OR_TOLD.search(between):
                    continue
                if any(o is not h and o.sentence == h.sentence and o.start < ds and o.subject and
                       o.subject != h.subject for o in hits):
                    continue
                return m.date
            between = text[h.end:ds]
            if MASK in between or len(between) > 60 or self._found_in(_SUBORDINATORS, h.end, ds):
                continue
            if _CLAUSE_END.search(between):
                continue
            return m.date
        return None

    def _may_frame(self, d: _Draft, h: _Hit, sent, quotes) -> bool:
        """False when no date expression can start where `_date` would take one: before the cue's
        end or at most 60 characters after it, outside the quotes and the statement's own words.
        (`quotes` are the paragraph's, whose stretches _paragraph keeps sorted in self.quote_cuts.)

        A date expression (see dates) starts with a digit, a month name (its first three letters),
        or a weekday, "today", "yesterday", "tonight", "this morning/evening" (which hold "day",
        "tonight" or "this " in their first 12 characters): those are looked for in the article's
        lower case, stretch by stretch."""
        low = self.gate_low
        if low is None:
            return True
        text = self.text
        limit = sent.end if sent.end < h.end + 61 else h.end + 61
        pos = sent.start
        # the tests below find in a stretch only what they find in a wider one: when the whole of
        # [sentence start, limit) holds nothing, no stretch of it does (half the calls end here)
        if not (limit > pos and (_DIGIT.search(text, pos, limit) or _MONTH_START.search(low, pos, limit + 2) or
                                 low.find("day", pos, limit + 12) >= 0 or low.find("tonight", pos, limit + 12) >= 0
                                 or low.find("this ", pos, limit + 12) >= 0)):
            return False
        # the quotes' stretches, sorted, are the paragraph's (see _paragraph): a copy takes this
        # statement's own words
        cuts = list(self.quote_cuts)
        if d.reciprocal_subject is None:
            bisect.insort(cuts, (d.content_start, d.end))
        cuts.append((limit, limit))
        for cut_start, cut_end in cuts:
            stop = cut_start if cut_start < limit else limit
            if stop > pos and (_DIGIT.search(text, pos, stop) or _MONTH_START.search(low, pos, stop + 2) or
                               low.find("day", pos, stop + 12) >= 0 or low.find("tonight", pos, stop + 12) >= 0 or
                               low.find("this ", pos, stop + 12) >= 0):
                return True
            if cut_end > pos:
                pos = cut_end
            if pos >= limit:
                return False
        return False

    def _sentence_dates(self, start: int, end: int) -> list:
        """`dates.find_dates(text[start:end], published)`, not called where it cannot find a date.

        Every date expression holds a digit or, lower-cased, "day" (weekdays, today, yesterday),
        "tonight" or "this " (this morning, this evening); the sentence's lower case is read in
        the article's (most sentences name no date, and the call would lower-case each again)."""
        low = self.gate_low
        if low is not None and _DIGIT.search(self.text, start, end) is None and (
                self.published is None or (low.find("day", start, end) < 0 and low.find("tonight", start, end) < 0
                                           and low.find("this ", start, end) < 0)):
            return []
        return dates.find_dates(self.text[start:end], self.published)

    def _accuses(self, span: tuple[int, int], speaker: str | None) -> bool:
        """True when the hostile act an "accuse" content rule found in text[span] is laid at
        someone else's door: not the speaker's own act ("it had struck 150 targets", "our
        forces destroyed ..."), not only the frame of a count ("killed since the invasion
        began"), not a casualty count that names no doer ("shelling killed 27 people")."""
        s, e = span
        text = self.text
        frames = [(m.start(), m.end()) for m in self._finditer(_SINCE, s, e)]
        skip = None
        for m in self._finditer(_hostile(), s, e):
            if any(a <= m.start() < b for a, b in frames):
                continue
            before = text[s:m.start()]
            if _SELF_AGENT.match(before):
                return False
            if skip is None:
                skip = _skip_adverbials(text, s)
            if skip > s and _SELF_AGENT.match(text, skip, m.start()):
                return False  # "said on Wednesday that the group had": the clause of a partial opens at its cue
            own = self.actors.side(speaker) if speaker else None
            # (the actors before a passive "had been killed" are its victims, not the doers)
            agents = [x for x in self.actors.within(s, m.start()) if x[3] not in ("media", "territory")]
            if agents and ("been" in before or " were " in before or " was " in before):
                passive = _PASSIVE_HARM.search(before)
                if passive:
                    agents = [x for x in agents if x[1] > s + passive.start()]
            if agents:
                return not all(a in (speaker, own) or self.actors.side(a) == speaker for _, _, a, _ in agents)
            by = _BY.search(text[m.end():e])
            if by and any(x[3] not in ("media", "territory")
                          for x in self.actors.within(m.end() + by.end(), e)):
                return True
            if by and _force_after_by(text[m.end() + by.end():e]):
                return True  # "killed by the military", "shelled by government troops"
            if _DEFINITE_BEFORE.search(before):
                if self._accused_just_before(speaker):
                    return True  # "the strikes killed twelve": the strikes this speaker has just blamed on someone
                if not (self.rows and speaker and self.rows[-1][_SPEAKER] == speaker):
                    doers = self._earlier_doers(m, s, speaker)
                    if doers is not None:
                        return doers  # "the strikes" the story has just laid at someone's door
            return not self._search(_CASUALTY_COUNT, s, e)

    def _earlier_doers(self, act: re.Match, start: int, speaker: str | None) -> bool | None:
        """For a definite hostile act ("the strikes killed seven"): whether the same act, told shortly
        before with its doer named in its sentence ("Israeli jets struck ..."), was someone else's
        (None: no such earlier act)."""
        stem = act.group(0)[:3].lower()
        lo = max(0, start - DOER_LOOKBACK)
        text = self.text
        low = self.gate_low if self.gate_low is not None else text.lower()
        hostile = _hostile().pattern
        m = None
        at = low.rfind(stem, lo, start)
        while at >= 0:  # the nearest earlier word opening with the same letters that is a hostile act
            if (at == 0 or not low[at - 1].isalnum()):
                m = hostile.match(text, at, start)
                if m:
                    break
            at = low.rfind(stem, lo, at)
        if m is None:
            return None
        s0 = max(text.rfind(". ", lo, m.start()), text.rfind("\n", lo, m.start()), lo)
        agents = [x[2] for x in self.actors.within(s0, m.start()) if x[3] not in ("media", "territory")
                  and not _PASSIVE_HARM.search(text, x[1], m.start())]
        if not agents:
            return None
        own = self.actors.side(speaker) if speaker else None
        return not all(a in (speaker, own) or self.actors.side(a) == speaker for a in agents)

    def _fragment_accuses(self, start: int, end: int, speaker: str | None) -> bool:
        """True when a quoted fragment names a hostile act and, before it, its doer: an actor not on
        the speaker's side, or a possessive ("the enemy's assassination", "Russia's invasion")."""
        m = self._search(_hostile(), start, end)
        if m is None or not _HEAD_END.match(self.text, m.end(), end):
            return False  # (the act must head the phrase: not "Hezbollah terror infrastructure")
        own = self.actors.side(speaker) if speaker else None
        agents = [x[2] for x in self.actors.within(start, m.start()) if x[3] not in ("media", "territory")]
        if agents:
            return not all(a in (speaker, own) or self.actors.side(a) == speaker for a in agents)
        owner = _POSSESSOR.search(self.text, start, m.start())
        return owner is not None and owner.group(1).lower() not in _OWN_POSSESSORS

    def _accused_just_before(self, speaker: str | None) -> bool:
        """True when this speaker's previous statement, in this or the paragraph before, was an accusation."""
        if not speaker or not self.rows:
            return False
        last = self.rows[-1]
        return last[_SPEAKER] == speaker and last[_TYPE] == "accuse"
        return False

    # -- targets -------------------------------------------------------------
    def _side_names(self, start: int, end: int, speaker: str | None) -> list[str]:
        out: list[str] = []
        own = self.actors.side(speaker) if speaker else None
        for _, _, actor, kind in self.actors.within(start, end):
            if kind in ("media", "territory"):
                continue
            name = self.actors.side(actor)
            if name in (speaker, own) or name in out:
                continue
            out.append(name)
        return out

    def _targets(self, kind: str, start: int, end: int, speaker: str | None, addressee, words: str) -> str | None:
        found: list[str] = []
        # (`words` is text[start:end]; the gate is read here first, as most statements name no group)
        low, gate = self.gate_low, _GROUP_TARGET.gate
        may_name_group = low is None or gate is None or gate.search(low, start, end) is not None or \
            bool(addressee and gate.search(low, *addressee))
        if may_name_group and (self._found_in(_GROUP_TARGET, start, end) or
                               (addressee and self._found_in(_GROUP_TARGET, *addressee))):
            found = [p for p in self.actors.parties if p != speaker and p != self.actors.side(speaker or "")] \
                if kind != "accuse" else []
            if kind != "accuse" and not found:
                found = list(self.actors.parties)
        rule = TARGET_RULES.get(kind)
        if rule and not found:
            if rule == "addressees" and addressee:
                found = self._side_names(addressee[0], addressee[1], speaker)
            if not found and rule == "agents":
                hostile = self._search(_hostile(), start, end)
                if hostile:
                    found = self._side_names(start, hostile.start(), speaker)
                    if not found:
                        by = _BY.search(self.text[hostile.end():end])
                        if by:
                            found = self._side_names(hostile.end() + by.end(), end, speaker)
            if not found:
                found = self._side_names(start, end, speaker)
            if not found and kind in OPPONENT_FALLBACK and speaker:
                own = self.actors.side(speaker)
                if own in self.actors.parties and len(self.actors.parties) == 2:
                    found = [p for p in self.actors.parties if p != own]
        return "|".join(found) or None


def _subject_in(left: str) -> tuple[int, int] | None:
    """(start, end) in `left` (narration before a cue) of the subject phrase ending it."""
    end = len(left)
    # strip adverbs, auxiliaries and date phrases between subject and cue
    while True:
        trimmed = left[:end].rstrip(" \t\u00a0,")
        # the patterns end at the last word: try them only when that word can close a match
        last = trimmed.rsplit(None, 1)[-1] if trimmed.strip() else ""
        m = _TRAILING_DATE.search(trimmed) if _may_close_date(last) else None
        if m:
            end = m.start(1)
            continue
        m = _TRAILING_WORD.search(trimmed) if last.lower() in _BETWEEN else None
        if m and m.group(1).lower() in _BETWEEN:
            end = m.start(1)
            continue
        end = len(trimmed)
        break
    head = left[:end]
    closed_apposition = left[end:end + 1] == "," or head.rstrip().endswith(",")
    head = head.rstrip(" ,")
    pieces = [m.span() for m in _CLAUSE_PIECE.finditer(head)]
    if not pieces:
        return None
    # the chunk after the last separator; a fronted phrase or a clause before it is not the subject
    s, e = pieces[-1]
    chunk = head[s:e]
    # "Karimov, who leads the delegation, said": the name before the relative clause
    if len(pieces) >= 2 and closed_apposition and _RELATIVE_PRONOUN.match(chunk):
        ps, pe = pieces[-2]
        if _name_like(head[ps:pe].strip()) or _np_ok(head[ps:pe].strip()):
            s, e = ps, pe
            chunk = head[s:e]
    # "according to spokeswoman X, who told reporters": the one the relative pronoun stands for
    if len(pieces) >= 2 and chunk.strip() in ("who", "Who"):
        ps, pe = pieces[-2]
        lead = _ACCORDING_LEAD.match(head, ps, pe)
        if lead:
            ps = lead.end()
        if _np_ok(head[ps:pe].strip()):
            s, e = ps, pe
            chunk = head[s:e]
    # "A resident who asked not to be named said": the noun phrase before the relative clause
    relative = _RELATIVE_INSIDE.search(chunk) if ("who" in chunk or "which" in chunk) else None
    if relative and _np_ok(chunk[:relative.start()].strip()):
        e = s + relative.start()
        chunk = head[s:e]
    sub = None
    for sub in _CLAUSE_OPENER.finditer(chunk):
        pass
    if sub:
        s += sub.end()
        chunk = head[s:e]
    # "She said the envoy urged ...": the subject of a cue reported by another starts after that one
    if "said" in chunk or "says" in chunk or "told" in chunk:
        inner = None
        for inner in _REPORTED_BY.finditer(chunk):
            pass
        if inner and inner.end() < len(chunk):
            s += inner.end()
            chunk = head[s:e]
    # "Artak Beglaryan, the region's rights ombudsman, said": the name before the apposition
    if len(pieces) >= 2 and closed_apposition:
        ps, pe = pieces[-2]
        prev = head[ps:pe].strip()
        first = chunk.split()[0].lower() if chunk.split() else ""
        # ("X, director of Y hospital in Z, said": an apposition opening with its role noun)
        if _name_like(prev) and (first in DETERMINERS or _head_role(chunk.strip()) or
                                 (first.isalpha() and _head_role(first) is not None)):
            s, e, chunk = ps, pe, head[ps:pe]
    # ", in a statement, X said" / "In a statement, X said": skip prepositional chunks;
    # "X, speaking to reporters, said": skip a participial aside
    first_word = chunk.split()[0] if chunk.split() else ""
    # "The army, known by its French acronym FARDC, said": skip a past-participle aside too
    if first_word.lower() in _PREPOSITIONS or (first_word.islower() and (
            first_word.endswith(("ing", "ed")) or first_word in _IRREGULAR_PARTICIPLES)):
        if len(pieces) < 2:
            return None  # "In a statement posted on ...": no subject in a prepositional phrase
        ps, pe = pieces[-2]
        s, e, chunk = ps, pe, head[ps:pe]
    # leading conjunctions and sentence adverbs
    while True:
        m = _FIRST_WORD.match(chunk)
        if m and m.group(1).lower() in _LEADING and len(chunk.split()) > 1:
            s += m.end()
            chunk = head[s:e]
            continue
        break
    bare = chunk.lstrip()
    reduced = _REDUCED_RELATIVE.match(bare) if bare.startswith(("a ", "an ", "the ")) else None
    if reduced:
        # "a toll the federal government dismissed as ...": the subject of the reduced relative
        s += len(chunk) - len(bare) + reduced.start(1)
        chunk = head[s:e]
    lead = len(chunk) - len(chunk.lstrip(" \t\u00a0\"'“”‘’"))
    s += lead
    chunk = head[s:e].rstrip()
    if not _np_ok(chunk):
        return None
    return s, s + len(chunk)


def _same_sentence(hits: list[_Hit], h: _Hit) -> list[int]:
    """Indices of the hits in h's sentence, in order."""
    return [j for j, o in enumerate(hits) if o.sentence == h.sentence]


@lru_cache(maxsize=1024)
def _participle(form: str) -> bool:
    """True for a cue form whose first word ends in -ing ("saying", "adding that")."""
    return form.split()[0].lower().endswith("ing")


_NOMINAL_FIRSTS = frozenset(("calls", "demands", "claims", "pledges", "promises", "threats", "warnings"))


def _nominal(masked: str, offset: int, form: str) -> bool:
    """True when a cue form that doubles as a plural noun ("calls for") stands as a noun here:
    after a determiner, an adjective, a preposition or a verb, not after its subject."""
    first = form.split()[0]
    if first not in _NOMINAL_FIRSTS:
        return False
    m = re.search(r"([\w'’.-]+)\W*$", masked[max(0, offset - 40):offset])
    if not m:
        return False
    prev = m.group(1)
    low = prev.lower()
    if low in PRONOUNS or low in _BETWEEN or _capitalised(prev) or _roles().get(_bare(prev).lower()):
        return False
    return True


#: For _after_document's quick test.
_DOCUMENT_ENDINGS = tuple(sorted(_DOCUMENTS))
_LONGEST_DOCUMENT = max(map(len, _DOCUMENTS))
#: Cue forms that are also infinitives ("officials say", but "declined to say", "could not say").
_BARE_FORMS = frozenset({"say"})
_MODALS = frozenset("to would could will can may might should must did does do not never cannot".split())


def _after_modal(masked: str, offset: int) -> bool:
    """True when the word before `offset` is "to", a modal or an auxiliary: the cue is an infinitive."""
    _, word = _word_before_space(masked[max(0, offset - 30):offset], "'’")
    return word is not None and (word.lower() in _MODALS or word.lower().endswith(("n't", "n’t")))


def _after_document(masked: str, offset: int) -> bool:
    """True when the cue word follows a document noun it modifies: "a statement posted on ..."."""
    window = masked[max(0, offset - 30):offset]
    if not window.rstrip()[-_LONGEST_DOCUMENT:].lower().endswith(_DOCUMENT_ENDINGS):
        return False  # (a cheap necessary test: most cues follow no document noun)
    _, word = _word_before_space(window, "_'’-")
    return word is not None and word.lower() in _DOCUMENTS


def _after_name(masked: str, offset: int) -> bool:
    """True when the word at `offset` follows a capitalised word in the same sentence."""
    _, word = _word_before_space(masked[max(0, offset - 40):offset], "_'’.-")
    return word is not None and word[0].isupper() and not word.endswith(".")


def _word_before_space(window: str, marks: str) -> tuple[int, str | None]:
    r"""(offset, word) of the word that ends `window` before its trailing white space, a word being
    a run of word characters and `marks` ((0, None) when `window` does not end so): what
    re.search(r"([\w<marks>]+)\s+$", window) captures, without trying every offset."""
    stripped = window.rstrip()
    end = len(stripped)
    if end == len(window):
        return 0, None
    start = end
    while start and (stripped[start - 1].isalnum() or stripped[start - 1] in marks):
        start -= 1
    return (start, stripped[start:]) if start < end else (0, None)


def _word_starts(text: str, words: frozenset[str], low: str | None = None) -> list[int]:
    """Offsets, in order, of the runs of ASCII letters in `text` whose lower case is in `words`
    (lower-case ASCII words): the runs `_LETTERS` finds, without a Python step per word.
    `low`: text.lower(), when already made."""
    low = text.lower() if low is None else low
    if len(low) != len(text) or "\u212a" in text:
        # lower-casing moved offsets or made an ASCII letter (the Kelvin sign): word by word
        return [w.start() for w in _LETTERS.finditer(text) if w.group(0).lower() in words]
    starts = []
    for word in words.intersection(_LOWER_LETTERS.findall(low)):
        i = low.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not "a" <= low[i - 1] <= "z") and (j == len(low) or not "a" <= low[j] <= "z"):
                starts.append(i)
            i = low.find(word, j)
    starts.sort()
    return starts


def _last_word(name: str) -> str:
    """The last word of a name ("" for none)."""
    words = name.rsplit(None, 1)
    return words[-1] if words else ""


def _same_actor(a: str | None, b: str | None) -> bool:
    """True for two names of one actor: equal, or a surname and the full name."""
    if not a or not b:
        return False
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    return (len(wa) == 1 or len(wb) == 1) and wa[-1] == wb[-1] and wa[-1][:1].isupper()


def hits_after_comma(text: str, q: QuoteSpan) -> bool:
    """True when a comma follows the closing mark ("...". said X is rare; ...", X said is common)."""
    return q.close_mark is not None and text[q.close_mark + 1:q.close_mark + 2] == ","


#: The fields of a row as _Reader gathers them (plain tuples: cheaper to make and to frame than dicts).
_ROW_COLUMNS = ("speaker", "speaker_surface", "speaker_resolution", "kind", "text", "cue", "target", "type", "date",
                "sentence_id", "block_id", "paragraph", "start", "end")
_SPEAKER, _TYPE = _ROW_COLUMNS.index("speaker"), _ROW_COLUMNS.index("type")
_KIND, _TEXT, _START, _END = (_ROW_COLUMNS.index(c) for c in ("kind", "text", "start", "end"))


def extract_statements(article: Article, index: ActorIndex | None = None) -> pd.DataFrame:
    """One row per statement, speaker resolved to a canonical actor name.

    `index` is the article's ActorIndex; without one (or with an empty one)
    speakers fall back to the name or phrase as written.
    """
    rows = _Reader(article, index).run()
    if not rows:
        return schemas.empty("statements")
    frame = pd.DataFrame.from_records(rows, columns=_ROW_COLUMNS).sort_values(["start", "end"], kind="stable") \
        .reset_index(drop=True)
    frame.insert(0, "statement_id", range(len(frame)))
    return schemas.conform("statements", frame)
