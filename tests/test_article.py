"""Article structure: blocks, sentences, metadata, on the seed and on invented text."""
from __future__ import annotations

import datetime as dt

import pytest

from analysis import schemas
from analysis.article import known_outlet_in, line_date, load_article, parse_article, split_sentences
from analysis.paths import SEED_ARTICLE

FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def seed():
    return load_article(SEED_ARTICLE)


def kinds_of(article, needle: str) -> list[str]:
    return [b.kind for b in article.blocks if needle in article.text[b.start:b.end]]


def test_seed_is_the_shared_seed_byte_for_byte():
    shared = SEED_ARTICLE.parents[3] / "shared" / "seed" / "000_1935a116eeee51d1.txt"
    if not shared.exists():
        pytest.skip("shared seed not beside the project")
    assert SEED_ARTICLE.read_bytes() == shared.read_bytes()


def test_seed_metadata_comes_from_the_sidecar(seed):
    assert seed.meta.outlet == "Press TV"
    assert seed.meta.published == dt.date(2020, 10, 10)
    assert seed.meta.headline == "Armenia, Azerbaijan accuse each other of new attacks after ceasefire"
    assert not seed.meta.published_inferred


def test_seed_block_kinds(seed):
    assert kinds_of(seed, "Ilhan Omar") == ["caption"]
    assert kinds_of(seed, "aftermath of recent shelling") == ["caption"]
    assert kinds_of(seed, "News") [0] == "boilerplate"
    assert kinds_of(seed, "alternate addresses") == ["boilerplate"]
    assert kinds_of(seed, "Press TV News Roku") == ["boilerplate"]
    assert [seed.text[b.start:b.end].strip() for b in seed.blocks if b.kind == "subheading"] == [
        "Baku rules out concessions",
        "Shelling, missile fire ahead of ceasefire",
        "UN calls for 'urgent ceasefire' in Karabakh",
        "Iran welcomes ceasefire in Karabakh",
    ]
    titles = [seed.text[b.start:b.end] for b in seed.blocks if b.kind == "title"]
    assert titles == ["Armenia, Azerbaijan accuse each other of new attacks after ceasefire"]


def test_seed_embedded_post(seed):
    posts = [b for b in seed.blocks if b.kind == "embedded_post"]
    assert len(posts) == 1
    post = posts[0]
    assert post.handle == "@JZarif"
    assert post.author == "Javad Zarif"
    assert post.post_date == dt.date(2020, 10, 10)
    assert post.post_text.startswith("Iran welcomes cessation of hostilities")
    assert post.post_text.endswith("constructive efforts of our Russian neighbors.")
    assert "Zarif said in a tweet" not in seed.text[post.start:post.end]


def test_offsets_index_the_raw_text(seed):
    for block in seed.blocks:
        assert seed.text[block.start:block.end] == seed.text[block.start:block.end].strip()
    frame = seed.sentences_frame()
    for row in frame.itertuples():
        assert seed.text[row.start:row.end] == row.text
    schemas.validate("sentences", frame)
    schemas.validate("blocks", seed.blocks_frame())


def test_seed_sentences_keep_abbreviations_and_times_together(seed):
    texts = [seed.sentence_text(s) for s in seed.sentences]
    assert any(t.startswith("US Rep. Ilhan Omar") for t in texts)
    assert any("at 12:05 pm (0805 GMT)." in t and t.startswith("But") for t in texts)
    assert "Let them abandon our territory in peace.\u201d" in texts[texts.index(
        next(t for t in texts if t.startswith("\u201cWe are winning"))) + 1]


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("The U.S. Army said so. Then it left.", ["The U.S. Army said so.", "Then it left."]),
    ("He arrived at 3 p.m. on Monday. It rained.", ["He arrived at 3 p.m. on Monday.", "It rained."]),
    ('"It is over." She left.', ['"It is over."', "She left."]),
    ("Talks began at 12:05 pm. Fighting resumed.", ["Talks began at 12:05 pm.", "Fighting resumed."]),
    ("Sen. J. Doe spoke. Rep. Roe did too!", ["Sen. J. Doe spoke.", "Rep. Roe did too!"]),
    ("Is it over? no, it is not.", ["Is it over? no, it is not."]),
    ("Prices rose 2.5 percent. Analysts agreed.", ["Prices rose 2.5 percent.", "Analysts agreed."]),
])
def test_split_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_without_sidecar_date_and_headline_come_from_the_text():
    text = ("Home | World\n\nRebels seize northern town after week of fighting\n\n"
            "Rebels took the town on Tuesday, officials said on March 3, 2021.\n\n"
            "The army said it would respond. The earlier offensive began on February 20, 2021.\n")
    article = parse_article(text)
    assert article.meta.published == dt.date(2021, 3, 3)
    assert article.meta.published_inferred
    assert article.meta.headline == "Rebels seize northern town after week of fighting"
    assert [b.kind for b in article.blocks] == ["boilerplate", "title", "body", "body"]


@pytest.mark.parametrize("line", [
    "Soldiers walk past a damaged building in the capital. (Getty Images)",
    "A rally in the city centre on Monday. (Photo by AP)",
    "Photo: Jane Smith / Example Agency",
    "Smoke rises over the port on May 2, 2022. (AFP photo)",
    "Rescue workers search the rubble. (Reuters)",
])
def test_captions_are_recognised_by_their_credit(line):
    article = parse_article(f"Title of a story about the war\n\n{line}\n\nThe army said it had advanced.\n")
    assert [b.kind for b in article.blocks] == ["title", "caption", "body"]


def test_embedded_post_with_handle_signature():
    text = ("Minister hails truce\n\nThe minister welcomed the truce, officials said on Monday.\n\n"
            "A good day for peace. We thank all mediators.\n\n"
            "\u2014 Ana Lima (@analima) March 4, 2023\n\nThe fighting had lasted a month.\n")
    article = parse_article(text)
    post = next(b for b in article.blocks if b.kind == "embedded_post")
    assert (post.author, post.handle, post.post_date) == ("Ana Lima", "@analima", dt.date(2023, 3, 4))
    assert post.post_text == "A good day for peace. We thank all mediators."
    assert [b.kind for b in article.blocks] == ["title", "body", "embedded_post", "body"]


def test_subheading_needs_body_on_both_sides():
    text = ("Headline about a ceasefire deal\n\nFirst paragraph of the story.\n\n"
            "Talks in the capital\n\nSecond paragraph of the story.\n\nFollow the live feed\n")
    kinds = [b.kind for b in parse_article(text).blocks]
    assert kinds == ["title", "body", "subheading", "body", "boilerplate"]


def test_invented_article_structure():
    article = load_article(FIXTURES / "invented_article.txt")
    assert kinds_of(article, "Home / World") == ["boilerplate"]
    assert kinds_of(article, "(Photo by AFP)") == ["caption"]
    assert kinds_of(article, "Talks in Nairobi")[0] == "subheading"
    post = next(b for b in article.blocks if b.kind == "embedded_post")
    assert post.handle == "@AminaDialloAU" and post.post_date == dt.date(2024, 3, 15)
    assert post.post_text.startswith("The AU welcomes")
    assert kinds_of(article, "Copyright") == ["boilerplate"]
    assert kinds_of(article, "Follow us on Twitter") == ["boilerplate"]


def test_seed_without_sidecar_gives_the_same_metadata(seed):
    bare = parse_article(SEED_ARTICLE.read_text(encoding="utf-8"))
    assert (bare.meta.outlet, bare.meta.published, bare.meta.headline) == (
        seed.meta.outlet, seed.meta.published, seed.meta.headline)
    assert [b.kind for b in bare.blocks] == [b.kind for b in seed.blocks]


@pytest.mark.parametrize("text, outlet", [
    ("Town falls to rebels after siege\n\nGOMA, Congo (Reuters) - Rebels took the town, officials said.\n",
     "Reuters"),
    ("Town falls to rebels after siege\n\nRebels took the town, officials said.\n\n"
     "Source: Al Jazeera and news agencies\n", "Al Jazeera"),
    ("Town falls to rebels after siege\n\nRebels took the town, officials said.\n\n"
     "Copyright \u00a9 2023 Lakeside Herald. All rights reserved.\n", "Lakeside Herald"),
    ("Town falls to rebels after siege\n\nRebels took the town, an official told Reuters.\n", None),
])
def test_outlet_inferred_from_page_furniture(text, outlet):
    assert parse_article(text).meta.outlet == outlet


def test_a_trailing_photo_credit_stays_in_its_sentence():
    text = "Troops march in the capital on May 9, 2022 in Moscow, Russia. (AFP photo)"
    assert [text[s:e] for s, e in split_sentences(text)] == [text]


def test_wire_dateline_gives_outlet_and_date_when_no_full_date():
    text = ("Army and rebels trade blame over market shelling\n\nBy Jane Roe\n\n"
            "GOMA, June 3 (Reuters) - Shelling killed 12 people on Saturday, officials said.\n\n"
            "The fighting began in April 2023.\n\n(Reporting by Jane Roe; Editing by John Doe)\n")
    article = parse_article(text)
    assert article.meta.outlet == "Reuters"
    assert article.meta.published == dt.date(2023, 6, 3)
    assert [b.kind for b in article.blocks] == ["title", "boilerplate", "body", "body", "boilerplate"]


@pytest.mark.parametrize("line", [
    "Palestinians inspect the rubble of a house in the south. [Jane Roe/Reuters]",
    "A soldier stands guard at a checkpoint. [File: AP]",
])
def test_bracketed_credits_mark_captions(line):
    article = parse_article(f"Title of a story about the war\n\n{line}\n\nThe army said it had advanced.\n")
    assert [b.kind for b in article.blocks] == ["title", "caption", "body"]


def test_military_rank_abbreviations_do_not_split():
    text = "Pentagon spokesman Brig. Gen. Pat Ryder told reporters. Lt. Col. Ana Ruiz agreed."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Pentagon spokesman Brig. Gen. Pat Ryder told reporters.", "Lt. Col. Ana Ruiz agreed."]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\u2028"])
def test_any_line_break_separates_blocks(seed, newline):
    """Files saved with Windows or classic Mac line ends, or Unicode line separators, give the same blocks."""
    raw = seed.text.replace("\n", newline)
    other = parse_article(raw, {})
    same = parse_article(seed.text, {})
    assert [(b.kind, raw[b.start:b.end].replace(newline, "\n"), b.author) for b in other.blocks] == \
        [(b.kind, seed.text[b.start:b.end], b.author) for b in same.blocks]
    assert [raw[s.start:s.end].replace(newline, "\n") for s in other.sentences] == [seed.text[s.start:s.end] for s in same.sentences]


def test_a_story_pasted_as_one_line_is_body_not_a_caption_or_title(seed):
    """A long line ending in a photo credit is a story without line breaks, still read as body."""
    body = " ".join(seed.text[b.start:b.end] for b in seed.blocks if b.kind == "body")
    line = body + " (Photo by AFP)"
    article = parse_article(line, {})
    assert [b.kind for b in article.blocks] == ["body"]
    assert len(article.sentences) == len(split_sentences(line))


def test_a_short_line_ending_in_a_credit_is_still_a_caption():
    article = parse_article("Fighting resumes near the front\n\nSmoke rises over the town on Sunday. (Photo by AFP)\n\n"
                            "The army said it had repelled an attack overnight, officials said on Monday.\n", {})
    assert [b.kind for b in article.blocks] == ["title", "caption", "body"]


_BODY = ("\n\nThe army said it had repelled an attack near the border on Saturday, officials said.\n\n"
         "Elections are due on December 5, 2021, the commission said.\n")


@pytest.mark.parametrize("line, expected", [
    ("Published On 10 Oct 2020", dt.date(2020, 10, 10)),
    ("October 10, 2020 3:45 PM GMT", dt.date(2020, 10, 10)),
    ("Updated: 10/10/2020 14:32", dt.date(2020, 10, 10)),
    ("Updated: 25/10/2020 14:32", dt.date(2020, 10, 25)),
    ("2020-10-10T14:32:00Z", dt.date(2020, 10, 10)),
    ("Sat 10 Oct 2020 14.32 BST", dt.date(2020, 10, 10)),
    ("Oct. 10, 2020, 2:32 p.m. ET", dt.date(2020, 10, 10)),
    ("10 October 2020 | Jane Doe | Al Jazeera", dt.date(2020, 10, 10)),
])
def test_a_timestamp_line_dates_the_page_before_any_later_date_in_the_text(line, expected):
    article = parse_article("Fighting resumes near the border\n\n" + line + _BODY, {})
    assert article.meta.published == expected
    assert article.blocks[1].kind == "boilerplate"


def test_day_and_month_that_could_be_swapped_give_no_date():
    assert line_date("Updated: 10/11/2020 14:32") == (True, None)


@pytest.mark.parametrize("text", [
    "Fighting broke out again on October 10, 2020.",
    "The ceasefire agreed in Moscow on October 10, 2020 collapsed within minutes of taking effect",
])
def test_sentences_that_mention_a_date_are_not_date_lines(text):
    assert line_date(text)[0] is False


@pytest.mark.parametrize("furniture, outlet", [
    ("By Jane Doe, Reuters", "Reuters"),
    ("By JANE DOE and JOHN ROE Associated Press", "Associated Press"),
    ("10 October 2020 | Jane Doe | Al Jazeera", "Al Jazeera"),
    ("By Jane Doe, BBC News, Moscow", "BBC"),
])
def test_outlet_from_a_byline_or_timestamp_line(furniture, outlet):
    assert parse_article("Fighting resumes near the border\n\n" + furniture + _BODY, {}).meta.outlet == outlet


@pytest.mark.parametrize("opening, outlet", [
    ("(CNN)The army said it had repelled an attack.", "CNN"),
    ("(CNN) \u2014 The army said it had repelled an attack.", "CNN"),
    ("MOSCOW, October 10. /TASS/. The army said it had repelled an attack.", "TASS"),
    ("ADDIS ABABA, June\u00a014 (Horn Wire) - The army said it had repelled an attack.", "Horn Wire"),
    ("(Pictured) The army said it had repelled an attack.", None),
])
def test_outlet_from_the_opening_of_the_story(opening, outlet):
    article = parse_article("Fighting resumes near the border\n\n" + opening + "\n\nMore fighting followed, he said.\n", {})
    assert article.meta.outlet == outlet


def test_known_outlet_in_names_the_canonical_outlet():
    assert known_outlet_in("Jane Doe | al jazeera English") == "Al Jazeera"
    assert known_outlet_in("Reporting by Jane Doe; Editing by John Roe") is None


@pytest.mark.parametrize("line, kind", [
    ("Image caption, Smoke rises over the town after shelling on Saturday", "caption"),
    ("Media caption, Watch: shelling hits the town", "caption"),
    ("Image source, Getty Images", "caption"),
    ("Smoke rises over the town. Credit: Jane Doe/AFP", "caption"),
    ("Farmers prepare their fields for the planting season, says a farmer. (3:12)", "caption"),
    ("Skip to main content", "boilerplate"),
    ("More on this story", "boilerplate"),
    ("You may also like", "boilerplate"),
    ("Tags: Armenia, Azerbaijan", "boilerplate"),
    ("Facebook Twitter WhatsApp Email", "boilerplate"),
    ("This article was originally published by Example News.", "boilerplate"),
    ("The credit: was it due?", "body"),
    ("Most readers agree.", "body"),
])
def test_page_furniture_between_paragraphs(line, kind):
    body = "The army said it had repelled an attack near the border on Saturday, officials said."
    article = parse_article(f"Fighting resumes near the border\n\n{body}\n\n{line}\n\n{body}\n", {})
    assert article.blocks[2].kind == kind


@pytest.mark.parametrize("line", ["By Jane Doe in Addis Ababa", "By Jane Doe and John Roe in Goma",
                                  "Read also: Five soldiers killed in an attack near the border",
                                  "Read more: Two neighbouring states pledge fresh troops as a third contingent lands in the capital"])
def test_bylines_with_a_place_and_related_links_are_boilerplate(line):
    body = "The army said it had repelled an attack near the border on Saturday, officials said."
    article = parse_article(f"Fighting resumes near the border\n\n{line}\n\n{body}\n\n{body}\n", {})
    assert article.blocks[1].kind == "boilerplate"


def test_a_summary_line_under_the_headline_without_final_punctuation_is_no_paragraph():
    text = ("Residents flee the capital's eastern districts\n\n"
            "Residents flee two districts after a night of gunfire; the aid group says its hospital is overwhelmed "
            "and running out of beds\n\n"
            "Gunmen attacked the two districts overnight, residents said.\n\n"
            "The police said they had restored order by morning\n\n"
            "The aid group said it had treated 27 people.\n")
    kinds = [b.kind for b in parse_article(text, {}).blocks]
    assert kinds == ["title", "subheading", "body", "subheading", "body"]
