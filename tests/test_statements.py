"""Statements: who said what, about whom, on the seed and on hand-written sentences."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import SEED_ARTICLE, load_article, parse_article, schemas
from analysis.extractors.actors import index_actors
from analysis.extractors.statements import extract_statements, statement_type

FIXTURES = Path(__file__).parent / "fixtures"
HEADLINE = "Rival states trade blame over border clashes"


def article_of(*paragraphs: str, published: str = "2024-03-15"):
    text = HEADLINE + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return parse_article(text, {"published": published, "headline": HEADLINE})


def rows(*paragraphs: str, index: bool = True, **kw) -> pd.DataFrame:
    article = article_of(*paragraphs, **kw)
    frame = extract_statements(article, index_actors(article) if index else None)
    check_offsets(article, frame)
    return frame


def check_offsets(article, frame: pd.DataFrame) -> None:
    schemas.validate("statements", frame)
    for r in frame.itertuples():
        assert article.text[r.start:r.end] == r.text


def one(frame: pd.DataFrame, needle: str) -> dict:
    flat = frame["text"].str.replace("\u00a0", " ", regex=False)
    hits = frame[flat.str.contains(needle, regex=False)]
    assert len(hits) == 1, (needle, frame[["speaker", "kind", "text"]].to_string())
    return hits.iloc[0].to_dict()


def date(value) -> dt.date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


# ----------------------------------------------------------------------------
# The seed article


@pytest.fixture(scope="module")
def seed():
    article = load_article(SEED_ARTICLE)
    frame = extract_statements(article, index_actors(article))
    check_offsets(article, frame)
    return article, frame


@pytest.mark.parametrize("needle, kind, cue, type_, when", [
    ("A ceasefire is announced from 12 hours", "direct", "said", "announce", "2020-10-10"),
    ("in disregard of the previously declared", "partial", "said", "accuse", None),
    ("Armenian forces had also carried out attacks", "indirect", "said", "accuse", None),
    ("Armenia is blatantly violating", "direct", "said", "accuse", None),
    ("missiles had been fired at the region", "indirect", "said", "accuse", None),
    ("at least five populated districts", "indirect", "said", "accuse", None),
    ("had agreed to start seeking a lasting solution", "indirect", "said", "announce", "2020-10-10"),
    ("begin substantive negotiations", "direct", "told", "announce", "2020-10-10"),
    ("making any concessions to Armenia", "indirect", "ruled out", "reject", None),
    ("Let those holding talks in Moscow", "direct", "said", "reject", None),
    ("We are winning", "direct", "said", "claim", None),
    ("Let them abandon our territory", "direct", None, "demand", None),
    ("Azerbaijan had fired missiles on civilian areas", "indirect", "said", "accuse", None),
    ("Armenian armed forces are intensively shelling", "direct", "said", "accuse", None),
    ("376 of its military personnel", "indirect", "claimed", "claim", "2020-10-09"),
    ("31 Azeri civilians had lost their lives", "indirect", "claimed", "claim", None),
    ("urgent ceasefire.", "partial", "called for", "appeal", "2020-10-09"),
    ("deeply worrying that in recent days", "partial", "said", "concern", "2020-10-09"),
    ("an urgent ceasefire due to the impact", "partial", "Stressing", "appeal", "2020-10-09"),
    ("I remind all parties", "direct", "said", "appeal", "2020-10-09"),
    ("inflammatory, pejorative", "partial", "called on", "appeal", "2020-10-09"),
    ("Hate speech leads nowhere", "direct", "added", "warn", "2020-10-09"),
    ("step toward peace.", "partial", "praised", "welcome", "2020-10-10"),
    ("Iran welcomes the cessation", "direct", "said", "welcome", "2020-10-10"),
    ("We urge our neighbors", "tweet", "tweet", "welcome", "2020-10-10"),
])
def test_seed_rows_fixed_by_the_gold(seed, needle, kind, cue, type_, when):
    row = one(seed[1][seed[1]["kind"] == kind], needle)
    assert (row["kind"], row["cue"] if isinstance(row["cue"], str) else None, row["type"]) == (kind, cue, type_)
    assert date(row["date"]) == (dt.date.fromisoformat(when) if when else None)


def test_seed_speakers_are_resolved(seed):
    frame = seed[1]
    speakers = {needle: one(frame, needle)["speaker"] for needle in (
        "A ceasefire is announced", "Armenia is blatantly violating", "had agreed to start seeking",
        "Let them abandon", "I remind all parties", "Hate speech leads nowhere", "We urge our neighbors")}
    assert "Lavrov" in speakers["A ceasefire is announced"]
    assert speakers["had agreed to start seeking"] == speakers["A ceasefire is announced"]  # "Russia's top diplomat"
    assert "defense ministry" in speakers["Armenia is blatantly violating"]  # "the ministry"
    assert "Aliyev" in speakers["Let them abandon"]
    assert "Bachelet" in speakers["I remind all parties"]  # "the UN rights chief"
    assert speakers["Hate speech leads nowhere"] == speakers["I remind all parties"]  # "she added"
    assert "Zarif" in speakers["We urge our neighbors"]


def test_seed_resolutions(seed):
    frame = seed[1]
    assert one(frame, "Let them abandon")["speaker_resolution"] == "continuation"
    assert one(frame, "Hate speech leads nowhere")["speaker_resolution"] == "pronoun"
    assert one(frame, "Armenia is blatantly violating")["speaker_resolution"] == "role_noun"
    assert one(frame, "We urge our neighbors")["speaker_resolution"] == "signature"


def test_seed_targets(seed):
    frame = seed[1]
    assert set(one(frame, "I remind all parties")["target"].split("|")) == {"Armenia", "Azerbaijan"}
    assert set(one(frame, "inflammatory, pejorative")["target"].split("|")) == {"Armenia", "Azerbaijan"}
    assert one(frame, "Armenian forces were shelling civilian areas")["target"] == "Armenia"
    assert one(frame, "making any concessions to Armenia")["target"] == "Armenia"


def test_seed_headline_and_subheading_quotes_are_not_statements(seed):
    article, frame = seed
    kinds = {b.block_id: b.kind for b in article.blocks}
    assert set(frame["block_id"].map(kinds)) <= {"body", "embedded_post"}
    assert not (frame["text"] == "urgent ceasefire").any()  # only in the sub-heading, without the period


def test_seed_quote_over_two_sentences_is_one_statement(seed):
    article, frame = seed
    row = one(frame, "Armenian armed forces are intensively shelling")
    assert row["text"].endswith("Azerbaijan is taking reciprocal measures")
    first = next(s for s in article.sentences if s.start <= row["start"] < s.end)
    assert row["sentence_id"] == first.sentence_id


def test_seed_tweet_offsets_cover_the_post(seed):
    article, frame = seed
    row = frame[frame["kind"] == "tweet"].iloc[0]
    post = next(b for b in article.blocks if b.kind == "embedded_post")
    assert row["start"] == post.start and row["text"].endswith("Russian neighbors.")
    assert row["block_id"] == post.block_id


# ----------------------------------------------------------------------------
# Attribution patterns on hand-written sentences


def test_cue_after_the_quote():
    r = one(rows('"We will not retreat," Karimov said.'), "We will not retreat")
    assert (r["kind"], r["speaker_surface"], r["cue"], r["type"]) == ("direct", "Karimov", "said", "reject")


def test_cue_before_the_quote_with_colon():
    r = one(rows('Defense Minister Ruslan Karimov said: "Our troops hold every position."'), "Our troops hold")
    assert r["kind"] == "direct" and "Karimov" in r["speaker"] and r["cue"] == "said"


def test_cue_inside_the_quote():
    frame = rows('"Every hour costs lives," she said, "and the talks must resume."', index=False)
    assert list(frame["kind"]) == ["direct", "direct"]
    assert frame["speaker_surface"].tolist() == ["she", "she"]


def test_inverted_cue():
    r = one(rows('"The border is closed," said Karimov early on Thursday.'), "The border is closed")
    assert r["speaker_surface"] == "Karimov" and date(r["date"]) == dt.date(2024, 3, 14)


def test_continuation_without_cue_keeps_the_speaker():
    frame = rows('"We hold the pass," Karimov said. "Let them try to take it."')
    r = one(frame, "Let them try")
    assert r["speaker_resolution"] == "continuation" and "Karimov" in r["speaker"]
    assert r["type"] == "demand"


def test_quote_continued_in_next_paragraph():
    # a quote left open at a paragraph's end and reopened at the next one's start is one statement
    frame = rows('Karimov told reporters on Friday: "We hold the pass.',
                 '"We will hold it for as long as it takes."', index=False)
    r = one(frame, "as long as it takes")
    assert r["speaker"] == "Karimov" and r["kind"] == "direct" and len(frame) == 1
    assert r["text"].startswith("We hold the pass.") and r["text"].endswith("as long as it takes.")


def test_quote_closed_before_the_next_paragraph_is_not_joined():
    frame = rows('"We hold the pass," Karimov said.', '"We will hold it for as long as it takes."', index=False)
    assert len(frame) == 2
    r = one(frame, "as long as it takes")
    assert r["speaker"] == "Karimov" and r["speaker_resolution"] == "continuation"


def test_pull_quote_repeating_the_body_is_not_a_second_statement():
    frame = rows('"The camps are full. If the siege goes on, people will starve," said Anna Berg, an aid worker.',
                 '"If the siege goes on, people will starve."', "\u2014 Anna Berg", index=False)
    assert len(frame[frame["text"].str.contains("people will starve")]) == 1


def test_pronoun_follows_gender():
    frame = rows(
        "Foreign ministry spokeswoman Leila Hasanova said the strikes had stopped.",
        "Army spokesman Tural Mammadov said the troops were redeployed.",
        '"Nobody was hurt," she added.', index=False)
    assert one(frame, "Nobody was hurt")["speaker"] == "Leila Hasanova"


def test_role_noun_points_to_the_nearest_actor_of_its_kind():
    frame = rows(
        "Ruritania's defense ministry said enemy artillery shelled three villages overnight.",
        '"The enemy violated the truce again," the ministry said in a statement.', index=False)
    r = one(frame, "violated the truce")
    assert r["speaker"] == "Ruritania's defense ministry" and r["speaker_resolution"] == "role_noun"


def test_partial_quote_inside_reported_speech():
    frame = rows('Spokeswoman Anna Petrova said that "in breach of the truce" enemy units attacked a village.')
    r = one(frame, "in breach of the truce")
    assert r["kind"] == "partial" and r["type"] == "accuse"
    assert one(frame, "enemy units attacked a village")["kind"] == "indirect"


def test_partial_quote_after_called_for():
    r = one(rows('The envoy Omar Said called for an "immediate halt to the fighting."'), "immediate halt")
    assert (r["kind"], r["cue"], r["type"]) == ("partial", "called for", "appeal")


# ----------------------------------------------------------------------------
# Reported speech without quote marks


@pytest.mark.parametrize("sentence, needle, cue, type_", [
    ("Karimov said that the army had regained control of the town.", "the army had regained control of the town",
     "said", "claim"),
    ("Karimov claimed the enemy had lost 40 tanks.", "the enemy had lost 40 tanks", "claimed", "claim"),
    ("President Adam Novak ruled out any talks with the rebels.", "any talks with the rebels", "ruled out", "reject"),
    ("President Adam Novak denied that his forces had shelled the town.", "his forces had shelled the town", "denied", "reject"),
    ("President Adam Novak warned that any attack would be met with force.", "any attack would be met with force", "warned", "warn"),
    ("President Adam Novak welcomed the release of the prisoners.", "the release of the prisoners", "welcomed", "welcome"),
    ("President Adam Novak vowed to retaliate against any aggression.", "retaliate against any aggression", "vowed", "warn"),
    ("President Adam Novak insisted the ceasefire was holding.", "the ceasefire was holding", "insisted", "claim"),
    ("The UN envoy urged both sides to return to talks.", "return to talks", "urged", "appeal"),
    ("Karimov told Reuters that the front line was quiet.", "the front line was quiet", "told", "claim"),
    ("Karimov said in a statement that the front line was quiet.", "the front line was quiet", "said", "claim"),
    ("Karimov wrote on Telegram that the front line was quiet.", "the front line was quiet", "wrote", "claim"),
])
def test_reported_speech(sentence, needle, cue, type_):
    frame = rows(sentence)
    r = one(frame, needle)
    assert (r["kind"], r["cue"], r["type"]) == ("indirect", cue, type_)
    assert r["text"] == needle


def test_called_on_someone_to_act_targets_them():
    frame = rows("Ethiopia and Eritrea have fought for weeks.",
                 "The UN chief called on Ethiopia and Eritrea to stop the fighting.")
    r = one(frame, "stop the fighting")
    assert r["type"] == "appeal" and set(r["target"].split("|")) == {"Ethiopia", "Eritrea"}


def test_mutual_accusations_keep_the_whole_sentence():
    frame = rows("Ruritania and Borduria accused each other of shelling border villages.")
    r = one(frame, "accused each other")
    assert r["text"] == "Ruritania and Borduria accused each other of shelling border villages"
    assert pd.isna(r["speaker"]) and r["type"] == "accuse"


def test_according_to():
    r = one(rows("At least 30 people were killed, according to the Red Crescent."), "At least 30 people")
    assert r["cue"] == "according to" and "Red Crescent" in r["speaker"]


def test_two_reported_clauses_in_one_sentence():
    frame = rows("Karimov said two villages were hit while Novak said the shelling had stopped.")
    assert one(frame, "two villages were hit")["text"] == "two villages were hit"
    assert one(frame, "the shelling had stopped")["speaker_surface"] == "Novak"


def test_noun_subjects_are_not_speakers():
    frame = rows("The latest fighting has claimed over 400 lives, with each side blaming the other.")
    assert frame.empty


def test_dates_frame_the_cue_not_the_reported_events():
    frame = rows("President Adam Novak ruled out concessions before the talks began on Friday.",
                 "Karimov said on Thursday that the attack began on Monday.")
    assert date(one(frame, "concessions")["date"]) is None
    assert date(one(frame, "the attack began on Monday")["date"]) == dt.date(2024, 3, 14)


def test_date_of_a_related_development_carries_to_the_speaker():
    frame = rows("In a related development on Wednesday, UN envoy Maria Lopez voiced alarm at the fighting.",
                 'Lopez said it was "deeply worrying" for civilians.')
    assert date(one(frame, "deeply worrying")["date"]) == dt.date(2024, 3, 13)


# ----------------------------------------------------------------------------
# Embedded posts, headlines, robustness, speed


def test_invented_article():
    article = load_article(FIXTURES / "invented_article.txt")
    frame = extract_statements(article, index_actors(article))
    check_offsets(article, frame)
    r = one(frame, "Our forces were attacked")
    assert "Alemu" in r["speaker"] and date(r["date"]) == dt.date(2024, 3, 14)
    assert one(frame, "We will not give up")["speaker_resolution"] == "continuation"
    assert "Tesfay" in one(frame, "a reckless provocation")["speaker"]
    assert one(frame, "return to the negotiating table")["type"] == "appeal"
    assert "ministry" in one(frame, "more than 80 people were wounded")["speaker"].lower()
    tweet = frame[frame["kind"] == "tweet"].iloc[0]
    assert "Diallo" in tweet["speaker"] and date(tweet["date"]) == dt.date(2024, 3, 15)
    assert tweet["speaker_resolution"] == "signature" and tweet["type"] == "welcome"


def test_quotes_in_headlines_are_not_statements():
    text = ('UN calls for "urgent ceasefire" in the region\n\nTalks "will resume" soon\n\n'
            "The envoy Omar Said spoke in Geneva on Friday about the situation.\n")
    article = parse_article(text, {"published": "2024-03-15"})
    assert extract_statements(article, index_actors(article)).empty


def test_unbalanced_marks_never_swallow_the_article():
    frame = rows('Karimov said "the town is surrounded and more.',
                 '"We will hold," Novak said.',
                 "Novak said the road was open.")
    assert one(frame, "We will hold")["speaker_surface"] == "Novak"
    assert one(frame, "the road was open")["kind"] == "indirect"
    stray = one(frame, "surrounded")  # the open mark runs to its own paragraph's end, no further
    assert stray["text"].endswith("and more.") and stray["speaker_surface"] == "Karimov"


def test_long_article_without_quotes_or_speech():
    paragraph = ("The river runs through the valley and the farms along it grow wheat and barley. "
                 "Winters are long and the roads close for weeks at a time.")
    article = article_of(*[paragraph] * 400)
    frame = extract_statements(article, index_actors(article))
    assert frame.empty and list(frame.columns) == list(schemas.COLUMNS["statements"])


def test_long_article_without_the_actor_index():
    """Forty copies of the seed's body give forty times the statements of one copy.
    (Speed is measured by `python -m analysis bench`.)"""
    article = load_article(SEED_ARTICLE)
    body = "\n\n".join(article.text[b.start:b.end] for b in article.blocks if b.kind == "body")
    one = extract_statements(article_of(body, published="2020-10-10"), None)
    big = extract_statements(article_of(*[body] * 40, published="2020-10-10"), None)
    assert len(one) > 0
    assert len(big) == 40 * len(one)
    assert big["text"].value_counts().eq(40).all()


def test_type_rules_strong_cue_wins():
    from analysis.extractors.statements import _cues
    forms = _cues()[1]
    assert statement_type("its forces shelled the town", forms["denied"]) == "reject"
    assert statement_type("its forces shelled the town", forms["said"]) == "accuse"
    assert statement_type("the weather is fine", forms["said"]) == "claim"


QUOTE_TEXT = st.lists(st.one_of(
    st.sampled_from(['"', "\u201c", "\u201d", "'", "\u2019", " said ", ", ", ". ", "\n\n", " she added. ",
                     " Karimov ", " the ministry ", " called on ", " accused each other of ", " according to "]),
    st.text(alphabet="abcdefg XYZ.,", max_size=12)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(QUOTE_TEXT)
def test_arbitrary_text_never_raises_and_offsets_slice_back(parts):
    text = HEADLINE + "\n\n" + "".join(parts) + "\n"
    article = parse_article(text, {"published": "2024-03-15", "headline": HEADLINE})
    frame = extract_statements(article, None)
    check_offsets(article, frame)


# ----------------------------------------------------------------------------
# Wire and web copy: one invented sentence per general rule


def test_reported_clause_before_its_source():
    frame = rows("Artillery fire on a bus depot in Velmora killed 14 people on Monday, the interior ministry said, "
                 "as both armies traded blame.",
                 "Two border guards died in an ambush near Tarsk, the army said, bringing its losses this month to 31.")
    r = one(frame, "Artillery fire on a bus depot")
    assert r["kind"] == "indirect" and r["text"].endswith("on Monday") and r["speaker"] == "interior ministry"
    r = one(frame, "Two border guards died")
    assert r["text"].endswith("near Tarsk") and r["speaker_surface"] == "the army"
    assert not frame["text"].str.contains("bringing its losses").any()


def test_dateline_is_not_part_of_a_fronted_clause():
    frame = rows("VELMORA, Ruritania (AP) \u2014 Drones struck a fuel depot outside the capital overnight, "
                 "regional Gov. Anton Kessel said Thursday.")
    r = one(frame, "Drones struck a fuel depot")
    assert r["text"].startswith("Drones") and r["speaker"] == "Anton Kessel"


def test_a_clause_with_its_own_cue_is_not_reported_again():
    frame = rows("Envoy Mara Lind praised the truce and urged both sides to reopen the corridor, "
                 "her deputy Olaf Brenner told reporters in Geneva.")
    assert not frame["text"].str.contains("Geneva").any()
    assert one(frame, "reopen the corridor")["speaker"] == "Mara Lind"


def test_lower_case_role_words_before_a_title_and_name():
    frame = rows("\"The convoy was hit twice,\" navy spokesman Rear Admiral Piet Hollis said in a statement.",
                 "\"We will rebuild,\" said Ilse Marr, the city's deputy mayor.", index=False)
    assert one(frame, "The convoy was hit twice")["speaker"] == "Piet Hollis"
    assert one(frame, "We will rebuild")["speaker"] == "Ilse Marr"


def test_body_nouns_point_back_never_forward():
    frame = rows("Shellfire hit a market in Dorvan, according to the Ruritanian health ministry.",
                 "The ministry said 40 people were still missing.",
                 "Talks were due in Lisk, Moravia's foreign ministry said later.", index=False)
    assert "health ministry" in one(frame, "40 people were still missing")["speaker"]


def test_the_group_points_to_the_nearest_armed_group():
    frame = rows("The Northern Front denied involvement. On its Telegram channel, the group said government "
                 "troops had staged the raid.", index=False)
    assert one(frame, "government troops had staged")["speaker"] == "Northern Front"
    r = one(frame, "involvement")
    assert (r["kind"], r["type"]) == ("indirect", "reject")


def test_nominal_calls_for_is_no_cue():
    frame = rows("President Ivo Rask rejected calls for new elections, saying the vote would be \"a gift to the "
                 "invaders\".", index=False)
    assert not (frame["cue"] == "calls for").any()
    r = one(frame, "a gift to the invaders")
    assert r["speaker"] == "Ivo Rask" and r["type"] == "reject"


def test_several_quoted_labels_make_one_reported_clause():
    frame = rows("The navy said it had sunk two \"hostile vessels\" near the strait and detained \"a dozen "
                 "saboteurs\".", index=False)
    assert len(frame) == 1
    r = frame.iloc[0]
    assert r["kind"] == "indirect" and r["text"].startswith("it had sunk") and r["type"] == "claim"


def test_own_acts_and_anonymous_counts_are_claims_not_accusations():
    frame = rows("The air force said its jets had bombed three depots used by the rebels.",
                 "Shelling of the stadium killed 12 people, the health office said.",
                 "Mayor Lena Voss said rebel drones had hit the power plant.", index=False)
    assert one(frame, "its jets had bombed")["type"] == "claim"
    assert one(frame, "Shelling of the stadium")["type"] == "claim"
    assert one(frame, "rebel drones had hit")["type"] == "accuse"


def test_type_words_for_distress_tolls_and_blame():
    assert statement_type("the hospital is overwhelmed", None) == "concern"
    assert statement_type("conditions in the camp are dire", None) == "concern"
    assert statement_type("the number of dead could rise further", None) == "warn"
    assert statement_type("the militia bears full responsibility for the massacre", None) == "accuse"
    assert statement_type("mediators met on Friday", None) == "claim"


def test_told_reporters_and_a_place_is_no_clause():
    frame = rows("Minister Dana Kovac told reporters in Lisk that the bridge would reopen.", index=False)
    assert one(frame, "the bridge would reopen")["speaker"] == "Dana Kovac"


def test_quoted_as_saying_and_participial_asides():
    frame = rows("The state agency quoted a border official as saying that the crossing was closed.",
                 "General Ana Pryor, speaking to troops in Dorvan, said the offensive would continue.", index=False)
    assert one(frame, "the crossing was closed")["speaker"] == "border official"
    assert one(frame, "the offensive would continue")["speaker"] == "Ana Pryor"


def test_colon_quote_and_impersonal_passive():
    frame = rows("The Northern Front issued a statement: \"No convoy will pass.\"",
                 "It was announced later that the talks would resume.", index=False)
    assert one(frame, "No convoy will pass")["speaker"] == "Northern Front"
    r = one(frame, "the talks would resume")
    assert pd.isna(r["speaker"]) and r["speaker_surface"] == "It"


def test_unnamed_officials_keep_their_surface():
    frame = rows("Officials said at least 30 homes were destroyed.", index=False)
    assert one(frame, "30 homes were destroyed")["speaker_surface"] == "Officials"


def test_past_participle_asides_and_relative_clauses_leave_the_subject():
    frame = rows("The Lorran army, known by its initials LDF, said its units had \"held every position\".",
                 "The Civic Council, formed by exiled lawmakers, called the raid \"a war crime\".",
                 "A farmer who asked not to be named said the first shell hit the school.", index=False)
    assert one(frame, "held every position")["speaker_surface"] == "The Lorran army"
    assert one(frame, "a war crime")["speaker_surface"] == "The Civic Council"
    assert one(frame, "the first shell hit the school")["speaker_surface"] == "A farmer"


def test_a_negated_cue_reports_nothing():
    frame = rows("The ministry has not said how many soldiers died. Officials haven\u2019t said when talks resume.",
                 "The army did not immediately say whether troops were hurt.",
                 "The army said it was not targeting civilians.", index=False)
    assert list(frame["text"]) == ["it was not targeting civilians"]


def test_a_fronted_clause_may_open_with_at_least():
    frame = rows("At least 17 civilians were killed in Sake on Tuesday, the Red Cross said.",
                 "On Friday, the ministry said the talks had failed.", index=False)
    assert one(frame, "At least 17 civilians were killed in Sake on Tuesday")["cue"] == "said"
    assert "On Friday" not in " ".join(frame["text"])


def test_an_appositive_stays_with_the_accusation():
    frame = rows("The spokesman accused the army of fighting alongside the Rift Front, a militia founded in 1994.",
                 index=False)
    assert one(frame, "fighting alongside")["text"] == "fighting alongside the Rift Front, a militia founded in 1994"


def test_a_role_noun_does_not_point_back_to_a_speaker_with_another_role():
    frame = rows("The spokesman said the talks had failed.", "The minister condemned the attack.",
                 "The official added that no date had been set.", index=False)
    assert one(frame, "the attack")["speaker"] == "The minister"
    assert one(frame, "no date had been set")["speaker"] == "The minister"  # any official may be "the official"


def test_threats_distress_and_passive_blame_types():
    assert statement_type("If the army keeps shelling our positions, we will answer", None) == "warn"
    assert statement_type("the army would not stop until order is restored", None) == "warn"
    assert statement_type("Families here are being displaced for the third time", None) == "concern"
    assert statement_type("5,000 civilians had been killed by the military", None) == "accuse"
    assert statement_type("a genocidal militia on our border", None) == "accuse"


def test_the_strikes_just_blamed_on_someone_are_still_blamed():
    frame = rows("The Lake Front said the army carried out air strikes on the market.",
                 "The Lake Front said the strikes killed twelve civilians.",
                 "The health office said shelling killed 27 people.", index=False)
    assert one(frame, "the strikes killed twelve civilians")["type"] == "accuse"
    assert one(frame, "shelling killed 27 people")["type"] == "claim"  # a count naming no doer


def test_a_cue_whose_subject_opens_a_reported_clause_is_inside_it():
    frame = rows("She said the envoy urged the rebels to lift the siege at once.",
                 "The agency says famine conditions have been confirmed in two camps near the city.", index=False)
    assert list(frame["text"]) == ["the envoy urged the rebels to lift the siege at once",
                                   "famine conditions have been confirmed in two camps near the city"]


def test_a_stretch_that_only_frames_a_partial_quote_is_no_statement():
    frame = rows('The army said its jets had hit "terror infrastructure" in the north of the province, '
                 'including two depots.',
                 'The rebels accused the army of using villagers as "human shields".', index=False)
    assert list(frame["kind"]) == ["partial", "partial"]


def test_officials_say_but_not_declined_to_say():
    frame = rows("Officials say at least 22 soldiers have been killed since May.",
                 "The army declined to say how many soldiers died, and officials would say nothing.", index=False)
    assert list(frame["text"]) == ["at least 22 soldiers have been killed since May"]


def test_according_to_a_tally_based_on_figures():
    frame = rows("More than 500 people have been killed since May, according to a Tidewater Press tally based "
                 "on health ministry figures.", index=False)
    assert one(frame, "More than 500")["speaker"] == "Tidewater Press"


def test_dateline_with_a_two_letter_word_and_a_dash_is_left_out():
    frame = rows("EL OBEID, Sudan \u2014 Shelling killed at least 38 people in the city on Wednesday, "
                 "the city\u2019s resistance committee said.", index=False)
    assert frame["text"].iloc[0].startswith("Shelling killed")


def test_speakers_through_an_office_an_owner_and_an_unnamed_spokesman():
    frame = rows("Prime Minister Omar Tahan accused the rebels of shelling the port.",
                 "Ruritania would file a complaint with the Security Council, his office said.",
                 "Rebels shelled a road near the port, according to Ruritania's state-run National Wire Service.",
                 "The Ruritanian army said it repelled the attack. An army spokesman confirmed that two soldiers "
                 "were killed.")
    assert one(frame, "file a complaint")["speaker"] == "Omar Tahan"
    assert one(frame, "file a complaint")["type"] == "announce"
    assert one(frame, "shelled a road")["speaker"] == "National Wire Service"
    r = one(frame, "two soldiers were killed")
    assert r["speaker"] == one(frame, "repelled the attack")["speaker"] and r["type"] == "claim"


def test_threat_denial_and_distress_types():
    assert statement_type("Every attack on our villages will be met with a response", None) == "warn"
    assert statement_type("Lebanon will pay the price for this", None) == "warn"
    assert statement_type("If the siege is not lifted, people will starve to death.", None) == "warn"
    assert statement_type("We do not want a wider war, but we are ready for one.", None) == "warn"
    assert statement_type('the fighters had "not targeted a single civilian"', None) == "reject"
    assert statement_type("it had no troops fighting on foreign soil", None) == "reject"
    assert statement_type("What is happening in the city is a catastrophe", None) == "concern"
    assert statement_type("the enemy's assassination of a commander", None) == "accuse"


def test_own_acts_victims_and_forces_in_blame():
    frame = rows('The rebel group\u2019s spokesman Ali Faris said on Monday that the group had targeted '
                 '"military sites" near the border.',
                 "Army spokesman Karim Said said 31 Front fighters had been killed in the air strikes since Friday.",
                 "The UN said more than 5,000 civilians had been killed by the military since the coup.",
                 'The group said it fired rockets in response to "the enemy\u2019s assassination" of a commander.')
    assert one(frame, "military sites")["type"] == "claim"
    assert one(frame, "31 Front fighters")["type"] == "claim"
    assert one(frame, "5,000 civilians")["type"] == "accuse"
    assert one(frame, "assassination")["type"] == "accuse"


def test_the_strikes_told_just_before_with_their_doer_are_blamed_on_it():
    frame = rows("Russian jets struck three villages in the south on Monday.",
                 "The regional health office said the strikes killed seven people.",
                 "The health office said shelling killed 27 people.", index=True)
    assert one(frame, "the strikes killed seven people")["type"] == "accuse"
    assert one(frame, "shelling killed 27 people")["type"] == "claim"  # no earlier shelling with a doer


def test_an_unnamed_official_is_someone_new_and_an_infinitive_is_the_speakers_own_act():
    frame = rows('"We have lost everything," said Umm Salma, a mother of five.',
                 "A UN official said aid trucks were turned back.",
                 "An army official, speaking on condition of anonymity, said the operation would go on.",
                 "The Lake Front vowed to continue attacks on the port until the siege ends.")
    assert one(frame, "aid trucks")["speaker"] == "United Nations"
    assert one(frame, "operation would go on")["speaker"] != "Umm Salma"
    assert one(frame, "continue attacks")["type"] == "warn"


def test_the_rest_of_a_quoted_appeal_and_labels_inside_a_fragment():
    frame = rows("The president called on Western partners to 'act now' and deliver more air defence systems.",
                 'The army said its jets had hit "Lake Front terror infrastructure" near the port.',
                 '"The enemy deliberately targeted our homes," the governor said. "This is terror."')
    assert list(frame["kind"]) == ["partial", "partial", "direct", "direct"]
    assert one(frame, "terror infrastructure")["type"] == "claim"  # a label of the target, not an act
    assert one(frame, "This is terror")["type"] == "accuse"


def test_an_office_named_after_its_head_a_naming_participle_and_a_clause_a_quote_completes():
    frame = rows("Prime Minister Omar Tahan visited the border town on Sunday.",
                 "Tahan's office said in a statement that the army would continue to operate \"with full force\".",
                 'The ministry said the army had killed 20 civilians in the town, calling it "a massacre".',
                 'The opposition called the raid "a war crime".')
    r = one(frame, "with full force")
    assert r["speaker"] == "Omar Tahan" and r["kind"] == "partial"
    assert "continue to operate" not in " ".join(frame["text"])
    m = one(frame, "a massacre")
    assert (m["cue"], m["type"]) == ("calling", "accuse")
    assert one(frame, "killed 20 civilians in the town")["text"] == "the army had killed 20 civilians in the town"
    assert one(frame, "a war crime")["speaker"] in ("opposition", "The opposition")


def test_a_nickname_in_quote_marks_is_no_quote_and_hides_no_speaker():
    frame = rows('Its leader Omar Tahan, who goes by the name "Big Fox", warned that his men would "not stop".')
    assert list(frame["text"]) == ["not stop"]
    assert one(frame, "not stop")["speaker"] == "Omar Tahan"


def test_an_apposition_opening_with_its_role_noun_and_a_titled_person_of_a_body():
    frame = rows("Dr Amina Yusuf Omar, director of Lakeside hospital in Port Vale, said the hospital had "
                 "received 12 wounded soldiers.",
                 "The rebels shelled the port overnight, Captain Idris Kamal Aden of the Lake Army told the "
                 "Daily Courier by phone from the nearby town of Hollow Bay.")
    assert one(frame, "received 12 wounded")["speaker"] == "Amina Yusuf Omar"
    r = one(frame, "shelled the port")
    assert (r["speaker"], r["text"]) == ("Idris Kamal Aden", "The rebels shelled the port overnight")
    assert "by phone" not in " ".join(frame["text"])


def test_a_statement_broadcast_on_its_radio_is_an_adverbial():
    frame = rows("The Lake Front said in a statement broadcast on its Voice radio that its fighters had "
                 "seized the port.")
    assert list(frame["text"]) == ["its fighters had seized the port"]


def test_a_role_noun_before_where_the_speaker_is_and_a_counts_aside_after_the_cue():
    frame = rows("In a separate incident, a local administrator in Port Vale, near the border, said soldiers "
                 "had shot dead nine young men on Thursday.",
                 "Hundreds of people were wounded, a doctor at Central Hospital said, many of them children.")
    r = one(frame, "nine young men")
    assert (r["speaker"], r["type"]) == ("local administrator", "accuse")
    r = one(frame, "Hundreds of people")
    assert (r["speaker"], r["text"]) == ("doctor", "Hundreds of people were wounded")
    assert len(frame) == 2


@pytest.mark.parametrize("sentence, expected", [
    ("We are running out of blood and medicine.", "concern"),
    ("We are receiving patients faster than we can treat them.", "concern"),
    ("The government would ask the council to send a larger force.", "announce"),
    ("It would send an additional $40 million.", "announce"),
    ("The attackers had suffered heavy losses.", "claim"),
    ("The so-called council is a mouthpiece of the rebels.", "reject"),
    ("The police cannot protect you.", "warn"),
])
def test_content_types_of_new_phrasings(sentence, expected):
    assert statement_type(sentence, None) == expected


def test_nobody_claiming_a_claimed_attack_and_an_appeal_running_through_while():
    frame = rows("No group had claimed the attack by Thursday evening.",
                 "The Lake Front claimed the attack in a video posted on social media.",
                 "The ministry urged Port Vale to halt deportations while the fighting continues.")
    assert "No group" not in set(frame["speaker_surface"])
    r = one(frame, "the attack")
    assert (r["text"], r["type"]) == ("the attack", "claim")
    assert one(frame, "halt deportations")["text"] == "halt deportations while the fighting continues"
    assert len(frame) == 2


def test_a_fronted_clause_before_a_cue_and_a_new_clause_after_it():
    frame = rows("More than 1,500 people were killed in the first two months, the monitoring group said in a "
                 "report published on Wednesday, and some 60,000 people have fled their homes.")
    assert list(frame["text"]) == ["More than 1,500 people were killed in the first two months"]


def test_sources_speak_and_one_of_them_too():
    frame = rows("A dozen soldiers were killed in the raid, according to security sources, who spoke on "
                 "condition of anonymity. At least 20 soldiers were still missing, one of the sources said.",
                 "Military sources said the road was cut.")
    assert list(frame["speaker"]) == ["security sources", "security sources", "Military sources"]


def test_of_inside_a_name_is_not_the_charge_and_a_standing_pledge_is_no_statement():
    frame = rows("Rights groups have accused the army and the Volunteers for the Defence of the Lake of killing "
                 "civilians.",
                 "The government, which seized power in 2022, has vowed to retake the north.")
    assert list(frame["text"]) == ["killing civilians"]


def test_a_second_verb_after_and_the_subject_of_a_reduced_relative_and_a_rising_toll():
    frame = rows('Government spokeswoman Amina Yusuf said the rebels had lost 300 fighters. She put the number '
                 'of civilians killed at fewer than 30, and said 43 soldiers had died.',
                 'The bureau said 2,300 civilians had been killed, a toll the federal government dismissed as '
                 '"fabricated propaganda".',
                 "The death toll from Tuesday's air strike rose to 51, a doctor said.")
    assert one(frame, "43 soldiers had died")["speaker"] == "Amina Yusuf"
    assert one(frame, "fabricated propaganda")["speaker_surface"] == "the federal government"
    assert one(frame, "rose to 51")["type"] == "claim"


def test_an_unnamed_military_officer_and_who_after_according_to():
    frame = rows("Fighters overran an army base, killing 14 soldiers, a military officer said.",
                 "Two officers were among the dead, according to police spokeswoman Inspector Amina Yusuf, who "
                 'told reporters that "a number" of gunmen had also been killed.',
                 "Gunmen from the Lake Front set fire to a police station, police said.")
    assert one(frame, "killing 14 soldiers")["text"] == "Fighters overran an army base, killing 14 soldiers"
    assert one(frame, "gunmen had also been killed")["speaker"] == "Amina Yusuf"
    assert one(frame, "set fire to")["type"] == "accuse"


def test_one_short_label_inside_a_clause_that_runs_on():
    frame = rows('The Lake Front said in a statement that its fighters had killed 47 "enemy soldiers" and seized '
                 'four armoured vehicles.')
    assert list(frame["kind"]) == ["indirect"]
    assert one(frame, "seized four")["text"].startswith("its fighters had killed 47")
