"""Invented, news-like articles of any length, for tests and benchmarks.

In:  a word count and a seed.
Out: the text of a plain-text article (title line, dateline, body paragraphs
     with direct, partial and reported quotes, casualty figures, dates,
     places, people and organisations, an occasional subheading and photo
     caption) and a matching metadata sidecar dict.

Every person, quote and figure is invented; place and country names are real
so that the gazetteer has something to find. The same (words, seed) always
gives the same text.
"""
from __future__ import annotations

import random

__all__ = ["synthetic_article", "synthetic_metadata", "PUBLISHED"]

#: Publication date written into `synthetic_metadata`.
PUBLISHED = "2023-06-17"

_SIDES = [
    # (country, demonym, capital, city, region, minister, spokesperson, force)
    ("Sudan", "Sudanese", "Khartoum", "Omdurman", "Darfur", "Hamid Osman", "Nadia Salih", "army"),
    ("Chad", "Chadian", "N'Djamena", "Abeche", "Ouaddai", "Idriss Kabro", "Fatime Zara", "army"),
    ("Ethiopia", "Ethiopian", "Addis Ababa", "Mekele", "Tigray", "Dawit Bekele", "Hanna Girma", "defense forces"),
    ("Eritrea", "Eritrean", "Asmara", "Keren", "Gash-Barka", "Yonas Habte", "Selam Tekle", "army"),
    ("Mali", "Malian", "Bamako", "Gao", "Kidal", "Moussa Traore", "Awa Keita", "armed forces"),
    ("Niger", "Nigerien", "Niamey", "Agadez", "Tillaberi", "Ibrahim Garba", "Zeinab Issa", "army"),
    ("Yemen", "Yemeni", "Sanaa", "Aden", "Marib", "Khaled Nasser", "Amal Qasim", "forces"),
    ("Colombia", "Colombian", "Bogota", "Cali", "Cauca", "Andres Rojas", "Lucia Mejia", "military"),
]
_MEDIATORS = [
    ("the African Union", "AU commissioner Grace Mwangi"),
    ("the United Nations", "UN envoy Pieter Lindqvist"),
    ("the International Committee of the Red Cross", "ICRC delegate Marta Oliveira"),
    ("the European Union", "EU foreign policy chief Henrik Aalto"),
]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_NUMBER_WORDS = ["two", "three", "five", "seven", "dozens of", "scores of", "hundreds of", "a dozen"]
_HEDGES = ["at least", "more than", "about", "nearly", "up to", ""]
_VICTIMS = ["soldiers", "civilians", "people", "fighters", "children", "aid workers", "police officers"]
_OUTCOMES = ["killed", "wounded", "injured", "missing", "taken prisoner"]
_SAY = ["said", "told reporters", "said in a statement", "told state television", "added", "wrote on X"]
_OPEN, _CLOSE = "\u201c", "\u201d"


class _Writer:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def pick(self, seq):
        return self.rng.choice(seq)

    def side(self):
        return self.pick(_SIDES)

    def date(self) -> str:
        r = self.rng.random()
        if r < 0.4:
            return "on " + self.pick(_WEEKDAYS)
        if r < 0.8:
            return f"on {self.pick(_MONTHS)} {self.rng.randint(1, 28)}"
        return f"on {self.rng.randint(1, 28)} {self.pick(_MONTHS)} {self.rng.choice([2022, 2023])}"

    def count(self) -> str:
        r = self.rng.random()
        if r < 0.6:
            hedge = self.pick(_HEDGES)
            n = self.rng.choice([self.rng.randint(2, 60), self.rng.randint(100, 2500)])
            number = f"{n:,}" if n >= 1000 else str(n)
            return f"{hedge} {number}".strip()
        return self.pick(_NUMBER_WORDS)

    def sentence(self) -> str:
        a = self.side()
        b = self.side()
        while b is a:
            b = self.side()
        country, demonym, capital, city, region, minister, spokes, force = a
        med, envoy = self.pick(_MEDIATORS)
        surname = minister.split()[-1]
        templates = [
            lambda: f"{demonym} Foreign Minister {minister} {self.pick(_SAY)} {self.date()} that "
                    f"{b[1]} troops had shelled villages near {city}.",
            lambda: f"{_OPEN}We will defend every inch of our land,{_CLOSE} {surname} {self.pick(_SAY)}. "
                    f"{_OPEN}Nobody should doubt our resolve.{_CLOSE}",
            lambda: f"{_OPEN}The attack on {city} was a clear violation of the truce,{_CLOSE} said "
                    f"{spokes}, a spokeswoman for the {demonym} {force}.",
            lambda: f"{country}'s defense ministry said {self.count()} {self.pick(_VICTIMS)} had been "
                    f"{self.pick(_OUTCOMES)} in {region} since {self.pick(_MONTHS)} {self.rng.randint(1, 28)}.",
            lambda: f"The fighting has {self.pick(['killed', 'left dead'])} {self.count()} "
                    f"{self.pick(_VICTIMS)}, according to {med}.",
            lambda: f"{envoy} called on both sides to {_OPEN}return to talks without delay{_CLOSE} and said "
                    f"the situation in {region} was {_OPEN}deeply alarming.{_CLOSE}",
            lambda: f"Officials in {capital} accused {b[2]} of {_OPEN}deliberately targeting civilians{_CLOSE} "
                    f"in {b[3]}, a charge {b[1]} officials rejected {self.date()}.",
            lambda: f"Talks mediated by {med} are due to resume in {self.pick(['Geneva', 'Nairobi', 'Doha', 'Vienna'])} "
                    f"{self.date()}, {self.rng.randint(2, 14)} days after the last round collapsed.",
            lambda: f"\"We have lost {self.rng.randint(3, 90)} homes in a single night,\" a resident of {city} "
                    f"told the paper by phone.",
            lambda: f"Hospitals in {city} treated {self.count()} wounded {self.pick(_VICTIMS)} overnight, "
                    f"a local health official said, speaking on condition of anonymity.",
            lambda: f"{minister} warned that {country} would respond {_OPEN}with force{_CLOSE} if the "
                    f"attacks on {region} continued.",
            lambda: f"At 06:30 am ({self.rng.randint(1, 12):02d}00 GMT) on {self.pick(_WEEKDAYS)}, residents "
                    f"reported {self.rng.randint(2, 40)} explosions near the U.S.-funded clinic.",
            lambda: f"{b[0]} has not released figures for its military losses since {self.pick(_MONTHS)} "
                    f"{self.rng.randint(1, 28)}, {self.rng.choice([2022, 2023])}.",
        ]
        return self.pick(templates)()

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(1, 4)))


def synthetic_article(words: int = 1000, seed: int = 0) -> str:
    """An invented article of about `words` words (at least one paragraph).

    The text is built from varied news-like sentence templates, so its
    frames are realistic in density: quotes, figures, dates and names.
    """
    rng = random.Random(seed)
    w = _Writer(rng)
    a, b = rng.sample(_SIDES, 2)
    lines = [
        "Home / World / Conflict",
        f"{a[0]}, {b[0]} trade blame as fighting spreads to {a[4]}",
        f"Displaced families wait for aid near {a[3]} on {rng.choice(_MONTHS)} {rng.randint(1, 28)}, 2023. (Photo by AFP)",
    ]
    count = sum(len(line.split()) for line in lines)
    n = 0
    while count < words:
        n += 1
        if n % 12 == 0:
            line = f"Fighting in {w.side()[4]}"  # a subheading: short, no final punctuation
        elif n % 17 == 0:
            side = w.side()
            line = f"{side[5]} speaks during a news conference in {side[2]}. (Reuters photo)"
        else:
            line = w.paragraph()
        lines.append(line)
        count += len(line.split())
    lines.append("Follow us on social media.")
    return "\n\n".join(lines) + "\n"


def synthetic_metadata(seed: int = 0) -> dict:
    """A metadata sidecar for `synthetic_article(..., seed)` (headline included)."""
    text = synthetic_article(1, seed)
    return {
        "outlet": "Invented Wire",
        "published": PUBLISHED,
        "language": "en",
        "headline": text.split("\n\n")[1],
        "source_id": f"synthetic-{seed}",
        "provenance": "Generated by analysis.synthetic: invented text for tests and benchmarks.",
    }
