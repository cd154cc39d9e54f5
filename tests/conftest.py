"""Shared fixtures: the seed article with empty frames, and with hand-built full frames."""
from __future__ import annotations

import io
import os
import tempfile
from dataclasses import replace

import pandas as pd
import pytest

from analysis import schemas
from analysis.article import load_article
from analysis.paths import SEED_ARTICLE
from analysis.pipeline import Frames

# Runs must not depend on a user's matplotlib or IPython configuration.
_SCRATCH = tempfile.mkdtemp(prefix="pytest-scratch-")
for _var, _sub in (("MPLCONFIGDIR", "mpl"), ("IPYTHONDIR", "ipython")):
    os.environ.setdefault(_var, os.path.join(_SCRATCH, _sub))
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")

# Shaped like the hand-checked answers for the seed article (a subset).
_ACTORS = """name,kind,affiliation,role,aliases,mentions,first_offset,in_story
Armenia,state,Armenia,,Armenia|Armenian|Yerevan,24,100,True
Azerbaijan,state,Azerbaijan,,Azerbaijan|Azerbaijani|Baku,27,110,True
Russia,state,Russia,,Russia|Moscow,6,300,True
Lavrov,person,Russia,foreign minister,Lavrov|Sergei Lavrov,5,400,True
Shushan Stepanyan,person,Armenia,defense ministry spokeswoman,Stepanyan,2,900,True
Artak Beglaryan,person,Nagorno-Karabakh,ombudsman,Beglaryan,2,1500,True
Azerbaijani defense ministry,organization,Azerbaijan,,Azerbaijani defense ministry,4,1100,True
Ilham Aliyev,person,Azerbaijan,president,Aliyev,4,2500,True
Michelle Bachelet,person,United Nations,High Commissioner for Human Rights,Bachelet,5,4000,True
Press TV,media,Iran,publisher,Press TV,2,0,True
Ilhan Omar,person,United States,,Omar,1,3000,False
"""
_PLACES = """name,kind,country,aliases,mentions,first_offset,lat,lon,coord_source
Nagorno-Karabakh,region,Azerbaijan,Karabakh,6,120,39.9,46.7,gazetteer
Stepanakert,city,Azerbaijan,Khankendi,2,1600,39.8153,46.7519,gazetteer
Moscow,city,Russia,Moscow,3,500,55.7522,37.6156,gazetteer
Geneva,city,Switzerland,Geneva,1,4100,46.2022,6.1457,gazetteer
Terter,district,Azerbaijan,Tartar,1,3300,40.3417,46.9322,gazetteer
South Caucasus,region,,South Caucasus,1,200,,,
"""
_STATEMENTS = """statement_id,speaker,kind,text,cue,target,type,date,paragraph
1,Lavrov,direct,A ceasefire is announced from 12 hours 00 minutes on October 10,said,,announce,2020-10-10,7
2,Shushan Stepanyan,partial,in disregard of the previously declared humanitarian ceasefire,said,Azerbaijan,accuse,,8
3,Azerbaijani defense ministry,direct,Armenia is blatantly violating the ceasefire regime,said,Armenia,accuse,,9
4,Artak Beglaryan,indirect,missiles had been fired at the region's main city Stepanakert,said,Azerbaijan,accuse,,11
5,Azerbaijan,indirect,at least five populated districts were under heavy shelling,said,Armenia,accuse,,11
6,Ilham Aliyev,direct,We are winning and will get our territory back,said,,claim,,19
7,Ilham Aliyev,direct,Let them abandon our territory in peace.,,Armenia,demand,,19
8,Armenia,indirect,376 of its military personnel and 22 civilians had been killed,claimed,,claim,2020-10-09,28
9,Michelle Bachelet,partial,urgent ceasefire.,called for,,appeal,2020-10-09,31
10,Michelle Bachelet,direct,I remind all parties to the conflict to uphold their obligations,said,Armenia|Azerbaijan,appeal,2020-10-09,33
11,,indirect,The two sides had also accused each other of attacks,accused,,accuse,,10
"""
_CASUALTIES = """casualty_id,reported_by,party,population,outcome,count,qualifier,as_of,since
1,Press TV,all,unspecified,killed,400,more_than,2020-10-10,
2,Armenia,Armenia,military,killed,376,exact,2020-10-09,2020-09-27
3,Armenia,Armenia,civilian,killed,22,exact,2020-10-09,2020-09-27
4,Azerbaijan,Azerbaijan,civilian,killed,31,exact,,2020-09-27
5,Azerbaijan,Azerbaijan,civilian,injured,168,exact,,2020-09-27
6,Azerbaijan,Azerbaijan,military,casualties,,undisclosed,,
"""


def _csv(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), keep_default_na=True)


def build_full_frames() -> Frames:
    """The seed article with hand-built actors, places, statements and casualties."""
    article = load_article(SEED_ARTICLE)
    statements = _csv(_STATEMENTS).assign(
        speaker_surface=lambda d: d["speaker"], speaker_resolution=lambda d: d["speaker"].where(d["speaker"].isna(), "name"),
        sentence_id=0, block_id=0, start=lambda d: d["statement_id"] * 10, end=lambda d: d["statement_id"] * 10 + 5)
    casualties = _csv(_CASUALTIES).assign(
        count_low=lambda d: d["count"], count_high=lambda d: d["count"], sentence_id=0,
        sentence="(sentence)", start=lambda d: d["casualty_id"] * 10, end=lambda d: d["casualty_id"] * 10 + 5,
        statement_id=None)
    frames = {
        "blocks": article.blocks_frame(), "sentences": article.sentences_frame(),
        "mentions": schemas.empty("mentions"),
        "actors": schemas.conform("actors", _csv(_ACTORS).assign(in_story=lambda d: d["in_story"].astype(bool))),
        "places": schemas.conform("places", _csv(_PLACES)),
        "statements": schemas.conform("statements", statements),
        "casualties": schemas.conform("casualties", casualties),
    }
    return Frames(article=article, **{name: schemas.validate(name, frame) for name, frame in frames.items()})


def build_empty_frames() -> Frames:
    """The seed article's blocks and sentences, every other frame empty."""
    full = build_full_frames()
    return replace(full, **{name: schemas.empty(name) for name in
                            ("mentions", "actors", "places", "statements", "casualties")})


@pytest.fixture(scope="session")
def full_frames() -> Frames:
    return build_full_frames()


@pytest.fixture(scope="session")
def empty_frames() -> Frames:
    return build_empty_frames()
