"""Casualty figures: the seed against its hand-checked answers, and one pattern per sentence."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis import schemas
from analysis.article import load_article, parse_article
from analysis.extractors.actors import index_actors
from analysis.extractors.casualties import extract_casualties
from analysis.paths import PROJECT_DIR, SEED_ARTICLE

INVENTED = PROJECT_DIR / "tests" / "fixtures" / "invented_article.txt"
KEY = ["reported_by", "party", "population", "outcome", "count", "qualifier", "count_low", "count_high",
       "as_of", "since"]


def casualties_of(article) -> pd.DataFrame:
    return extract_casualties(article, index_actors(article), schemas.empty("statements"))


def rows(frame: pd.DataFrame) -> list[tuple]:
    out = []
    for r in frame[KEY].itertuples(index=False):
        out.append(tuple(
            None if pd.isna(v) else (v.date().isoformat() if isinstance(v, pd.Timestamp) else v) for v in r))
    return out


def story(*paragraphs: str, published: str = "2024-03-15", outlet: str = "Test News") -> pd.DataFrame:
    """The casualties of an article made of a title and these paragraphs."""
    text = "Border clashes\n\n" + "\n\n".join(paragraphs) + "\n"
    article = parse_article(text, {"outlet": outlet, "published": published, "headline": "Border clashes"})
    return casualties_of(article)


def figures(frame: pd.DataFrame) -> list[tuple]:
    return [(r.population, r.outcome, None if pd.isna(r.count) else int(r.count), r.qualifier)
            for r in frame.itertuples()]


# --- the seed: every gold row, nothing else ------------------------------------------------------

def test_seed_matches_the_gold():
    frame = casualties_of(load_article(SEED_ARTICLE))
    assert rows(frame) == [
        ("Press TV", "all", "unspecified", "killed", 400, "more_than", 400, None, "2020-10-10", None),
        ("Armenia", "Armenia", "military", "killed", 376, "exact", 376, 376, "2020-10-09", "2020-09-27"),
        ("Armenia", "Armenia", "civilian", "killed", 22, "exact", 22, 22, "2020-10-09", "2020-09-27"),
        ("Azerbaijan", "Azerbaijan", "civilian", "killed", 31, "exact", 31, 31, None, "2020-09-27"),
        ("Azerbaijan", "Azerbaijan", "civilian", "injured", 168, "exact", 168, 168, None, "2020-09-27"),
        ("Azerbaijan", "Azerbaijan", "military", "casualties", None, "undisclosed", None, None, None, None),
    ]


def test_seed_frame_is_valid_and_offsets_slice_the_figures():
    article = load_article(SEED_ARTICLE)
    frame = schemas.validate("casualties", casualties_of(article))
    spans = [article.text[r.start:r.end] for r in frame.itertuples()]
    assert spans[0] == "over 400 lives"
    assert spans[1].startswith("376") and spans[2].startswith("22 civilians")
    assert "disclosed" in spans[5]
    for r in frame.itertuples():
        assert article.text[r.start:r.end] in r.sentence
    assert list(frame["casualty_id"]) == list(range(1, len(frame) + 1))


def test_invented_article():
    frame = casualties_of(load_article(INVENTED))
    got = rows(frame)
    assert got[0][1:] == ("Ethiopia", "military", "killed", 54, "exact", 54, 54, "2024-03-14", "2024-03-13")
    assert got[1][1:] == ("Ethiopia", "civilian", "killed", 12, "exact", 12, 12, "2024-03-14", "2024-03-13")
    # "The ministry added ...": the same claimant, dated by its claim earlier in the paragraph
    assert got[2][1:8] == ("Ethiopia", "unspecified", "injured", 80, "more_than", 80, None)
    assert got[2][8] == "2024-03-14" and got[2][0] == got[0][0]
    assert got[3][1:6] == ("Eritrea", "military", "casualties", None, "undisclosed")
    # "dozens" -> 12, a floor (ACLED)
    assert got[4][2:8] == ("civilian", "missing", 12, "at_least", 12, None)
    assert got[5][1:7] == ("all", "unspecified", "killed", 120, "at_least", 120)
    assert "United Nations" in got[5][0]
    assert len(got) == 6


# --- patterns -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Five people were killed in the attack.", [("unspecified", "killed", 5, "exact")]),
    ("Officials said 1,250 people have died since the war began.", [("unspecified", "killed", 1250, "exact")]),
    ("Shelling killed at least 12 civilians in the town.", [("civilian", "killed", 12, "at_least")]),
    ("The blast left 5 dead and 10 wounded.",
     [("unspecified", "killed", 5, "exact"), ("unspecified", "injured", 10, "exact")]),
    ("Officials reported a death toll of 30.", [("unspecified", "killed", 30, "exact")]),
    ("The toll rose to 45 overnight.", [("unspecified", "killed", 45, "exact")]),
    ("The death toll from the strike has risen to at least 45.", [("unspecified", "killed", 45, "at_least")]),
    ("Two soldiers were killed and one civilian died.",
     [("military", "killed", 2, "exact"), ("civilian", "killed", 1, "exact")]),
    ("Gunmen killed 3 and wounded 10 in the village.",
     [("unspecified", "killed", 3, "exact"), ("unspecified", "injured", 10, "exact")]),
    ("At least 20 killed and 35 wounded in the market attack.",
     [("unspecified", "killed", 20, "at_least"), ("unspecified", "injured", 35, "exact")]),
    ("Another 14 were injured in the explosion.", [("unspecified", "injured", 14, "exact")]),
    ("Dozens of civilians were wounded.", [("civilian", "injured", 12, "at_least")]),
    ("Hundreds of people have been wounded.", [("unspecified", "injured", 100, "at_least")]),
    ("Twenty-one soldiers were taken prisoner and four went missing.",
     [("military", "captured", 21, "exact"), ("military", "missing", 4, "exact")]),
    ("Seven fighters were captured near the bridge.", [("military", "captured", 7, "exact")]),
    ("A dozen soldiers sustained injuries.", [("military", "injured", 12, "exact")]),
    ("The clashes caused 23 casualties.", [("unspecified", "casualties", 23, "exact")]),
    ("Eight people were killed or wounded.", [("unspecified", "casualties", 8, "exact")]),
    ("There were 17 fatalities and 40 injuries.",
     [("unspecified", "killed", 17, "exact"), ("unspecified", "injured", 40, "exact")]),
    ("Nearly 300 civilian deaths were recorded.", [("civilian", "killed", 300, "at_most")]),
    ("Between 10 and 15 people were killed in the raid.", [("unspecified", "killed", 10, "at_least")]),
    ("Some 50 residents remain missing.", [("civilian", "missing", 50, "about")]),
    ("Thirty-two militants were killed in the operation.", [("military", "killed", 32, "exact")]),
    ("The attack on the convoy killed two children, aged 5 and 7.", [("civilian", "killed", 2, "exact")]),
    ("Hospitals treated 1,491 wounded people and three injured police officers.",
     [("unspecified", "injured", 1491, "exact"), ("military", "injured", 3, "exact")]),
])
def test_pattern(sentence, expected):
    assert figures(story(sentence)) == expected


def test_an_age_is_not_a_count():
    frame = story("A 12-year-old boy was killed when a shell hit his home.")
    assert figures(frame) == [("civilian", "killed", 1, "exact")]


def test_coordinated_figures_share_the_predicate_and_the_claimant():
    frame = story("Armenia said on Friday that 376 of its military personnel and 22 civilians had been killed.")
    assert rows(frame) == [
        ("Armenia", "Armenia", "military", "killed", 376, "exact", 376, 376, "2024-03-15", None),
        ("Armenia", "Armenia", "civilian", "killed", 22, "exact", 22, 22, "2024-03-15", None),
    ]


def test_others_inherits_party_and_population():
    frame = story("Azerbaijan claimed that 31 Azeri civilians had lost their lives and 168 others sustained "
                  "injuries since September 27.")
    assert rows(frame) == [
        ("Azerbaijan", "Azerbaijan", "civilian", "killed", 31, "exact", 31, 31, None, "2023-09-27"),
        ("Azerbaijan", "Azerbaijan", "civilian", "injured", 168, "exact", 168, 168, None, "2023-09-27"),
    ]


def test_withheld_figure():
    frame = story("Baku has not disclosed information about its military casualties.")
    assert rows(frame) == [
        ("Azerbaijan", "Azerbaijan", "military", "casualties", None, "undisclosed", None, None, None, None)]


def test_withheld_losses():
    frame = story("Eritrea has not released figures for its military losses.")
    assert figures(frame) == [("military", "casualties", None, "undisclosed")]
    assert frame.loc[0, "party"] == "Eritrea"


def test_narrator_total_is_the_outlets_as_of_publication():
    frame = story("The latest fighting has claimed over 400 lives, with each side blaming the other.")
    assert rows(frame) == [
        ("Test News", "all", "unspecified", "killed", 400, "more_than", 400, None, "2024-03-15", None)]


def test_demonyms_name_the_party():
    frame = story("Russia said it had killed 200 Ukrainian soldiers.")
    assert list(frame["party"]) == ["Ukraine"] and list(frame["reported_by"]) == ["Russia"]
    frame = story("Israeli strikes killed 20 Palestinians, officials said.")
    assert list(frame["party"]) == ["Palestine"]


def test_claimant_forms():
    assert story('"Twelve soldiers were killed," the army said.')["reported_by"].str.lower().tolist() == ["army"]
    assert story("According to Ukraine, 5 civilians died.")["reported_by"].tolist() == ["Ukraine"]
    frame = story("Azerbaijan said 31 civilians were killed, while Armenia said 22 civilians died.")
    assert frame["reported_by"].tolist() == ["Azerbaijan", "Armenia"]
    assert frame["party"].tolist() == ["Azerbaijan", "Armenia"]


def test_role_noun_takes_the_earlier_named_body():
    frame = story("Ethiopia's defense ministry accused Eritrea of attacks.",
                  "The ministry said 9 soldiers were wounded on Tuesday.")
    assert frame.loc[0, "party"] == "Ethiopia"
    assert "ministry" in frame.loc[0, "reported_by"].lower()
    assert frame.loc[0, "as_of"].date() == dt.date(2024, 3, 12)


def test_since_the_start_of_the_fighting():
    frame = story("Fighting between the two countries erupted on March 2.",
                  "Kenya said 40 of its soldiers had been killed since the beginning of the conflict.")
    assert frame.loc[0, "since"].date() == dt.date(2024, 3, 2)


def test_since_a_month_or_a_year_is_its_first_day():
    assert story("Nearly 300 civilians have died since March 2022.").loc[0, "since"].date() == dt.date(2022, 3, 1)


def test_lost_soldiers_are_the_speakers_own():
    frame = story("Kenya said it lost 12 soldiers in the ambush.")
    assert rows(frame)[0][:5] == ("Kenya", "Kenya", "military", "killed", 12)


def test_captions_and_titles_give_no_rows():
    text = ("Five soldiers killed in ambush\n\n"
            "Relatives mourn the five soldiers killed in the ambush on March 12, 2024. (Photo by AFP)\n\n"
            "The army held a ceremony.\n")
    article = parse_article(text, {"outlet": "Test News", "published": "2024-03-15",
                                   "headline": "Five soldiers killed in ambush"})
    assert casualties_of(article).empty


# --- numbers that are not casualties --------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The two sides agreed to a ceasefire from noon on Saturday after 11 hours of talks in Moscow.",
    "Forces launched an attack on the frontline at 12:05 pm (0805 GMT).",
    "Azerbaijan said at least five populated districts were under heavy shelling.",
    "A ceasefire agreed in 1994 failed to end the conflict.",
    "The talks ended nearly two weeks of heavy fighting over the region.",
    "The two countries fought a border war from 1998 to 2000.",
    "Troops patrolled the town on March 12, 2024, after a three-hour bombardment of two villages.",
    "The 45-year-old commander said 3 brigades and 12 tanks had been deployed.",
    "About 2,000 troops were sent to the border on Tuesday, up from 1,500 in 2019.",
    "The UN said 1.5 million people had been displaced and 300,000 homes destroyed.",
    "Prices rose by 40% and the president won 52 percent of the vote in the 2020 election.",
    "The army fired 200 rockets at 3 villages and shot down four drones over 24 hours.",
    "Resolution 2334 was adopted by 14 votes to one, with 1 abstention.",
    "Each of the 12 districts received $5 million in aid on the 3rd day of the crisis.",
    "The 76-year-old leader, who took office in 2014, met two envoys at 10 Downing Street.",
    "Every hour of fighting costs lives, the two ministers said after 3 rounds of talks.",
])
def test_numbers_that_are_not_casualties(sentence):
    assert story(sentence).empty


def test_long_figure_dense_article_keeps_every_figure():
    """Twenty copies of the seed's body give the seed's six figures twenty times: nothing is
    merged across copies or lost on a long text. (Speed is measured by `python -m analysis bench`.)"""
    seed = load_article(SEED_ARTICLE)
    body = [seed.text[b.start:b.end] for b in seed.blocks if b.kind == "body"]
    text = "A long article\n\n" + "\n\n".join(body * 20) + "\n"
    article = parse_article(text, {"outlet": "Test News", "published": "2020-10-10", "headline": "A long article"})
    frame = extract_casualties(article, index_actors(article), schemas.empty("statements"))
    assert len(frame) == 6 * 20
    assert frame["count"].value_counts().eq(20).all()


# --- general rules: tolls, running totals, claimants, sides ---------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Officials said the death toll in the province since March 2 had risen to 2,310.",
     [("unspecified", "killed", 2310, "exact")]),
    ("The toll from Sunday's floods and landslides now stands at 64.", [("unspecified", "killed", 64, "exact")]),
    ("The number of civilians wounded in the siege reached 410.", [("civilian", "injured", 410, "exact")]),
    ("The dead included 6 police officers.", [("military", "killed", 6, "exact")]),
    ("Rescuers pulled 19 bodies from the rubble.", [("unspecified", "killed", 19, "exact")]),
    ("Gunmen are holding 31 hostages in the school.", [("unspecified", "captured", 31, "exact")]),
    ("Three soldiers died in the ambush, bringing the army's losses this month to 27.",
     [("military", "killed", 3, "exact"), ("military", "killed", 27, "exact")]),
    ("The agency said 7,000 refugees crossed the border and 120 aid trucks arrived.", []),
])
def test_general_pattern(sentence, expected):
    assert figures(story(sentence)) == expected


def test_a_toll_names_its_side():
    frame = story("The Lebanese death toll has climbed to 140.")
    assert frame["party"].tolist() == ["Lebanon"]
    frame = story("The number of Syrians killed in the town reached 52.")
    assert frame["party"].tolist() == ["Syria"]


def test_role_noun_claimant_is_the_nearest_earlier_body():
    frame = story("Clashes spread, according to Mali's interior ministry.",
                  "The ministry said 14 people were killed.",
                  "Niger's defence ministry later condemned the attack.")
    claimant = frame.loc[0, "reported_by"].lower()
    assert "mali" in claimant and "interior" in claimant and len(frame) == 1


def test_a_body_run_by_an_actor_is_the_body():
    frame = story("At least 18 people were killed, according to the Houthi-run health ministry.")
    assert frame["reported_by"].tolist() == ["Houthi-run health ministry"]


def test_titles_and_acronyms_are_dropped_from_claimants():
    frame = story("Four people were hurt in the town, according to Gov. Maria Kovalenko.")
    assert frame["reported_by"].tolist() == ["Maria Kovalenko"]
    frame = story("More than 900 people have died, according to the Global Conflict Monitor (GCM).")
    assert frame["reported_by"].tolist() == ["Global Conflict Monitor"]


def test_a_claimants_own_attack_kills_the_other_side():
    frame = story("Armenia and Azerbaijan traded fire.",
                  'Azerbaijan said it had destroyed 12 tanks and killed "dozens of militants".')
    assert rows(frame)[0][:5] == ("Azerbaijan", "Armenia", "military", "killed", 12)
    frame = story("The army said it killed 20 gunmen near the border.")
    assert frame["party"].tolist() == ["unknown"]


def test_per_side_losses_in_one_sentence():
    frame = story("Ethiopia lost 40 soldiers and Eritrea 25, the monitors said.")
    assert [(r[1], r[4]) for r in rows(frame)] == [("Ethiopia", 40), ("Eritrea", 25)]


def test_victims_in_one_sides_city_are_that_sides():
    frame = story("Rockets hit the Syrian city of Aleppo, killing nine people, a local official said.")
    assert frame["party"].tolist() == ["Syria"]
    frame = story("Drones struck Russia's border region of Kursk, wounding 3 people, the governor said.")
    assert frame["party"].tolist() == ["Russia"]


def test_overnight_figures_are_as_of_publication():
    frame = story("Air strikes killed at least 14 people overnight, according to the civil defence agency.")
    assert frame.loc[0, "as_of"].date() == dt.date(2024, 3, 15)


def test_an_armed_forces_own_withheld_losses_are_military():
    frame = story("Ukraine's armed forces have not released figures for their own losses.")
    assert figures(frame) == [("military", "casualties", None, "undisclosed")]


@pytest.mark.parametrize("sentence, party, population, outcome", [
    ("Chad has not said how many of its soldiers have died in the fighting.", "Chad", "military", "killed"),
    ("Peru did not say how many civilians were injured.", "Peru", "civilian", "injured"),
])
def test_withheld_counts_phrased_as_how_many(sentence, party, population, outcome):
    frame = story(sentence)
    assert [(r.party, r.population, r.outcome, r.qualifier) for r in frame.itertuples()] == [
        (party, population, outcome, "undisclosed")]


def test_terms_written_with_letters_that_fold_onto_ascii():
    frame = story("Three soldiers were \u017flain on Monday, the army said.")
    assert frame[["outcome", "count"]].values.tolist() == [["killed", 3]]


def test_a_toll_declined_in_a_coordinated_clause_is_withheld_by_the_first_subject():
    frame = story("The Sudanese army said it repelled the assault.",
                  "An army spokesman confirmed that soldiers had been killed but declined to give a toll.")
    row = frame[frame["qualifier"] == "undisclosed"].iloc[0]
    assert (row["population"], row["outcome"]) == ("military", "killed") and pd.isna(row["count"])


def test_a_parenthesised_acronym_stays_in_the_claimant_and_a_role_noun_takes_the_statements_speaker():
    from analysis import pipeline

    article = parse_article("Border clashes\n\nAt least 17 civilians were killed in Sake on Tuesday, the International "
                            "Committee of the Red Cross (ICRC) said.\n\nIts teams had treated 64 wounded people by "
                            "nightfall, the organisation added.\n", {"outlet": "Test News", "published": "2024-03-15",
                                                                        "headline": "Border clashes"})
    frame = pipeline.extract(article).casualties
    assert list(frame["reported_by"]) == ["International Committee of the Red Cross"] * 2


# --- competing tolls in wire copy, anonymous sources and army communiqués --------------------------

def full(frame: pd.DataFrame) -> list[tuple]:
    return [(r.reported_by, r.party, r.population, r.outcome, None if pd.isna(r.count) else int(r.count), r.qualifier)
            for r in frame.itertuples()]


def test_killed_or_wounded_as_a_verb_and_two_joined_adjectives_before_the_victims():
    frame = story("The rebels said they had killed or wounded more than 300 federal and Chadian troops.")
    assert figures(frame) == [("military", "casualties", 300, "more_than")]
    assert frame.loc[0, "party"] == "Chad"


def test_a_plural_name_before_and_is_not_an_adjective_of_the_next_victims():
    frame = story("The strike killed 5 Palestinians and 3 Israeli soldiers, the army said.")
    assert [(r.population, int(r.count)) for r in frame.itertuples()] == [("unspecified", 5), ("military", 3)]


def test_military_and_civilian_victims_together_are_unspecified():
    frame = story("The ministry said 40 military and civilian deaths had been recorded.")
    assert figures(frame) == [("unspecified", "killed", 40, "exact")]


@pytest.mark.parametrize("sentence, expected", [
    ("Witnesses said soldiers had shot dead nine young men.", ("unspecified", "killed", 9, "exact")),
    ("The army said its units had “neutralised” more than 100 terrorists.", ("military", "killed", 100, "more_than")),
    ("The army said 20 militants were neutralised.", ("military", "killed", 20, "exact")),
])
def test_verbs_of_killing_in_military_and_wire_usage(sentence, expected):
    assert figures(story(sentence)) == [expected]


def test_a_vague_quantity_with_its_own_predicate_takes_the_victims_of_the_figure_before():
    frame = story("The army said 43 soldiers had died and dozens had been wounded.")
    assert figures(frame) == [("military", "killed", 43, "exact"), ("military", "injured", 12, "at_least")]
    assert figures(story("Dozens fled the village after the clashes, the army said.")) == []


def test_a_coordinated_reporting_verb_shares_the_subject_of_the_sentence():
    frame = story("Army spokeswoman Jane Doe told reporters that troops had pushed the rebels back.",
                  "She put the number of civilians killed at fewer than 30, and said 12 soldiers had died.")
    assert [(r.reported_by, r.outcome, int(r.count), r.qualifier) for r in frame.itertuples()] == [
        ("Jane Doe", "killed", 30, "at_most"), ("Jane Doe", "killed", 12, "exact")]


def test_anonymous_security_sources_speak_for_the_state_of_the_scene():
    frame = story("Gunmen attacked an army post in northern Mali on Monday, officials said.",
                  "A dozen soldiers were killed, according to security sources.",
                  "At least 20 soldiers were still missing, one of the sources said.",
                  "An army spokesman declined to give figures for its own losses.")
    assert full(frame) == [
        ("Security sources", "Mali", "military", "killed", 12, "exact"),
        ("Security sources", "Mali", "military", "missing", 20, "at_least"),
        ("Army spokesman", "Mali", "military", "casualties", None, "undisclosed"),
    ]


def test_no_scene_state_without_one_in_the_lead():
    frame = story("Gunmen attacked an army post on Monday.",
                  "A dozen soldiers were killed, according to security sources.")
    assert full(frame) == [("Security sources", "all", "military", "killed", 12, "exact")]


def test_the_armys_enemy_is_the_armed_group_not_the_network_it_is_linked_to():
    frame = story("Gunmen attacked an army post in northern Mali on Monday, officials said.",
                  "The al Qaeda-linked JNIM is active in the area.",
                  "The army said its units had “neutralised” more than 100 terrorists.")
    assert full(frame) == [("Malian armed forces", "Jama'at Nusrat al-Islam wal-Muslimin", "military", "killed", 100,
                            "more_than")]


def test_a_body_named_after_its_region_stays_the_body_and_the_bureau_is_it_again():
    frame = story("NAIROBI, March 15 (Test Wire) - The health bureau of Ethiopia's Tigray region said at least "
                  "2,300 civilians had been killed there since November.",
                  "The bureau, which answers to the region's former ruling party, said another 4,100 people had "
                  "been wounded.")
    assert list(frame["reported_by"]) == ["Tigray health bureau"] * 2


def test_the_subject_before_a_place_between_commas():
    frame = story("In a separate incident, a local administrator in Adigrat, near the border, said soldiers "
                  "had shot dead nine young men.")
    assert full(frame) == [("Local administrator", "all", "unspecified", "killed", 9, "exact")]


def test_she_is_the_claimant_named_last_when_that_is_no_body_else_the_person_named_last():
    frame = story("The Chadian army said it had killed 40 rebels.",
                  "Nurse Jane Doe said the clinic was full.",
                  "Twelve people were wounded, she said.")
    first, second = frame["reported_by"]
    assert first == "Chadian armed forces" and second.endswith("Jane Doe")


def test_several_dozen_victims_and_two_dozen_soldiers():
    assert figures(story("Several dozen civilians were killed, the army said.")) == [("civilian", "killed", 12, "at_least")]
    assert figures(story("The rebels said they killed more than two dozen soldiers.")) == [
        ("military", "killed", 24, "more_than")]


@pytest.mark.parametrize("sentence, expected", [
    ("The strike killed a family of six, residents said.", [("unspecified", "killed", 6, "exact")]),
    ("Fourteen soldiers and three police officers were among the dead.",
     [("military", "killed", 14, "exact"), ("military", "killed", 3, "exact")]),
    ("Officials said 26 soldiers were captured and 13 remain unaccounted for.",
     [("military", "captured", 26, "exact"), ("military", "missing", 13, "exact")]),
    ("The militants abducted more than 100 schoolgirls, police said.", [("civilian", "captured", 100, "more_than")]),
    ("The raid killed 5 gunmen, the army said, adding that two soldiers suffered minor injuries.",
     [("military", "killed", 5, "exact"), ("military", "injured", 2, "exact")]),
    ("The toll has since risen to 64, according to the ministry.", [("unspecified", "killed", 64, "exact")]),
])
def test_wire_phrasings_of_victims_and_tolls(sentence, expected):
    assert figures(story(sentence)) == expected


def test_put_the_toll_at_names_its_claimant():
    frame = story("Local officials put the death toll at 63.")
    assert full(frame) == [("Local officials", "all", "unspecified", "killed", 63, "exact")]
    # "put" that puts no toll claims nothing
    assert list(story("Troops were put on alert after 12 soldiers were killed.")["reported_by"]) == ["Test News"]


@pytest.mark.parametrize("sentence, outcome", [
    ("The army did not give a toll for its own losses.", "casualties"),
    ("The army declined to give a toll.", "killed"),
    ("The ministry did not give a figure for civilian deaths.", "killed"),
])
def test_a_withheld_toll_for_what(sentence, outcome):
    [row] = story(sentence).itertuples()
    assert (row.outcome, row.qualifier) == (outcome, "undisclosed")


def test_since_the_start_of_the_month_and_a_war_that_began_in_a_month():
    frame = story("The rebels said they had killed 300 soldiers since the start of the month.",
                  "Twelve aid workers have been killed since the conflict began, the UN said.",
                  "The conflict erupted in November 2022, when troops moved into the region.")
    assert [r.since.date() for r in frame.itertuples()] == [dt.date(2024, 3, 1), dt.date(2022, 11, 1)]


@pytest.mark.parametrize("sentence, expected", [
    ("Five people were killed in Kharkiv and three in Dnipro, officials said.",
     [("unspecified", "killed", 5, "exact"), ("unspecified", "killed", 3, "exact")]),
    ("The army said it had killed 'dozens' of militants.", [("military", "killed", 12, "at_least")]),
    ("Security forces killed two suspected militants in a raid.", [("military", "killed", 2, "exact")]),
])
def test_a_gapped_place_a_quoted_quantity_and_suspected_victims(sentence, expected):
    assert figures(story(sentence)) == expected


def test_an_abbreviated_month_inside_a_toll_and_its_since():
    frame = story("The death toll in the region since Oct. 7 has passed 30,000, according to the health ministry.")
    assert figures(frame) == [("unspecified", "killed", 30000, "exact")]
    assert frame.loc[0, "since"].date() == dt.date(2023, 10, 7)


def test_militants_a_state_reports_killed_are_its_enemy_not_its_own():
    assert full(story("Twelve militants were killed in a raid, the Pakistani army said.")) == [
        ("Pakistani armed forces", "unknown", "military", "killed", 12, "exact")]
    frame = story("The al Qaeda-linked JNIM is active in northern Mali.",
                  "Twelve militants and three soldiers were killed, the Malian army said.")
    assert list(frame["party"]) == ["Jama'at Nusrat al-Islam wal-Muslimin", "Mali"]
    # an armed group's own fighters stay its own
    assert list(story("The rebels said 300 of their fighters had died.")["party"]) == ["Rebels"]


@pytest.mark.parametrize("sentence, claimant", [
    ("The governor of the province, John Smith, said 9 people had been wounded.", "John Smith"),
    ("Jane Doe, the governor, said 9 people had been wounded.", "Jane Doe"),
    ("An official with the Sudanese health ministry said 9 people had been wounded.", "Sudanese health ministry"),
])
def test_a_name_between_commas_and_a_spokesman_for_a_body(sentence, claimant):
    assert list(story(sentence)["reported_by"]) == [claimant]


def test_victims_of_two_named_sides_together_are_a_total():
    frame = story("The press union said 7 Israeli and Palestinian journalists had been killed.")
    assert list(frame["party"]) == ["all"]
    assert list(story("The rebels said they had killed 30 federal and Chadian troops.")["party"]) == ["Chad"]


@pytest.mark.parametrize("sentence, expected", [
    ('The group said its fighters had killed 47 "enemy soldiers" in the raid.', [("military", "killed", 47, "exact")]),
    ('The group said it had killed 12 "heroic soldiers".', [("military", "killed", 12, "exact")]),
    ('The minister said "more than 30 militants" were killed.', [("military", "killed", 30, "more_than")]),
])
def test_victims_inside_quote_marks(sentence, expected):
    assert figures(story(sentence)) == expected


def test_an_armed_group_claims_killing_the_army_of_the_state_it_is_based_in():
    frame = story("Al-Shabaab fighters attacked a Somali army base near Mogadishu.",
                  "Ethiopia and Uganda contribute troops to the mission. Ethiopia declined to comment.",
                  "Al-Shabaab said its fighters had killed 20 soldiers.")
    assert list(frame["reported_by"]) == ["al-Shabaab"] and list(frame["party"]) == ["Somalia"]


@pytest.mark.parametrize("sentence, claimant", [
    ("Dr Jane Doe, director of the city hospital in Kismayo, said 9 people had been wounded.", "Jane Doe"),
    ("John Smith, head of operations for the charity, said 9 people had been wounded.", "John Smith"),
    ("Doctors Without Borders, known by its French initials MSF, said 9 people had been wounded.",
     "Doctors Without Borders"),
])
def test_a_name_before_its_role_between_commas(sentence, claimant):
    assert list(story(sentence)["reported_by"]) == [claimant]


def test_an_adjectival_outcome_is_shared_by_coordinated_victims():
    frame = story("The doctor said the hospital had received 23 wounded soldiers and two civilians.")
    assert figures(frame) == [("military", "injured", 23, "exact"), ("civilian", "injured", 2, "exact")]


def test_an_unspecified_number_of_victims_is_a_withheld_figure():
    frame = story('Rebels attacked the town. The police spokeswoman said "an unspecified number" of rebels had also been killed.')
    assert figures(frame) == [("military", "killed", None, "undisclosed")]
    assert figures(story("An unknown number of soldiers were wounded, the army said.")) == [
        ("military", "injured", None, "undisclosed")]


def test_a_hospital_treating_victims_did_not_harm_them():
    frame = story("The charity said its hospital had treated 27 people with gunshot wounds.")
    assert full(frame) == [("Charity", "all", "unspecified", "injured", 27, "exact")]


def test_people_killed_in_fighting_between_a_state_and_a_group_based_in_it_are_of_any_side():
    frame = story("Al-Shabaab fighters attacked a police station in Mogadishu, killing at least seven people, "
                  "Somali police said.")
    assert list(frame["party"]) == ["all"]
    # soldiers are still the state's own
    frame = story("Al-Shabaab fighters attacked a base in Mogadishu, killing at least seven soldiers, Somali police said.")
    assert list(frame["party"]) == ["Somalia"]


@pytest.mark.parametrize("sentence, claimant", [
    ("More than 150 people have been killed, according to the U.N., which runs the camps.", "United Nations"),
    ("The U.N. human rights office said more than 150 civilians had been killed.", "United Nations"),
])
def test_a_claimant_is_named_by_its_actor_name_not_a_surface(sentence, claimant):
    assert list(story(sentence)["reported_by"]) == [claimant]
