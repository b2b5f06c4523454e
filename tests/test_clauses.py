"""How a message's words are read: the story around its question, and the sides of an either-or choice."""

import pytest

from bot.answerability import key_terms
from bot.clauses import claimed_words, imagery_words, points_back, story_words


def test_statements_before_the_question_are_story():
    words = story_words("my thighs are weak and the stairs are hard now. how do they tell nerves from muscles?")
    assert {"thighs", "stairs"} <= words and "nerves" not in words and "muscles" not in words


def test_a_question_without_a_question_mark_is_still_the_question():
    assert "tingling" not in story_words("I saw my GP today. why is the tingling worse at night")


def test_what_follows_the_question_elaborates_on_it():
    assert story_words("can diet help lupus nerve pain? like going gluten free") == frozenset()


def test_a_message_that_asks_nothing_outright_is_all_question():
    assert story_words("my feet burn every night. it keeps me awake.") == frozenset()


def test_a_word_in_both_the_story_and_the_question_is_the_question_s():
    assert "nerve" not in story_words("the nerve test was normal. why is my nerve test normal?")


@pytest.mark.parametrize("message, story, asked", [
    # a few words naming the subject before the comma are the question's
    ("and the amitriptyline one, how does that work", set(), {"amitriptyline"}),
    # …not a remark, nor what is set aside
    ("that seems weird, is that a real test for this?", {"weird"}, {"test"}),
    ("other than the creams, what about something like therapy", {"creams"}, {"therapy"}),
    # someone close told of after the question, without "my"
    ("what's she looking for? mum can still walk ok but she can barely feel the floor", {"floor", "walk"}, set()),
])
def test_what_comes_before_a_comma_or_after_the_question(message, story, asked):
    words = story_words(message)
    assert story <= words and not asked & words, words


def test_either_or_sides_are_paired():
    sides = {t.word: t.either for t in key_terms("are the nerves for feeling or the ones for moving hit harder")}
    assert sides["feeling"] == "move" and sides["moving"] == "feel" and sides["nerves"] == ""


def test_a_statement_and_a_question_joined_by_a_comma_are_told_apart():
    story = story_words("my neurologist wrote mononeuritis multiplex on my paperwork, what is that in plain english")
    assert {"paperwork", "mononeuritis"} <= story
    assert "english" not in story


def test_a_sentence_that_opens_with_its_question_has_no_story_after_a_comma():
    assert story_words("can lupus cause this, my feet burn at night") == frozenset()


def test_whole_sentences_only_when_asked():
    text = "i have diabetes and lupus both, how would they tell which one is causing my numb feet"
    assert "diabetes" in story_words(text)
    assert story_words(text, clauses=False) == frozenset()


def test_a_feeling_closing_a_message_is_not_part_of_its_question():
    story = story_words("my nerve test was normal but my feet burn. how can that be?? starting to feel like nobody believes me")
    assert {"nobody", "believes"} <= story


def test_a_fear_of_something_stays_part_of_the_question():
    assert "needles" not in story_words("does the nerve conduction test hurt? im scared of needles")


def test_what_someone_close_makes_of_it_closing_a_message_is_story():
    story = story_words("is brain fog a lupus thing? i keep losing words mid sentence and my husband thinks im just tired")
    assert {"tired", "husband"} <= story


def test_why_they_ask_closing_a_message_is_story():
    story = story_words("what does it feel like? trying to work out how to describe mine to the GP")
    assert {"describe", "gp"} <= story


@pytest.mark.parametrize("text, expected", [
    ("my hair keeps falling out. could that be the lupus?", True),
    ("could you explain what lupus is? my physician keeps writing SLE on my forms", False),
    ("could that be the lupus?", False),  # no story to point at
])
def test_a_question_points_back_at_its_story_only_with_a_pronoun(text, expected):
    assert points_back(text) is expected


def test_a_telling_before_a_dash_is_story_but_a_named_subject_is_not():
    told = story_words("my sister's feet burn and I've read so many websites — what's going on in lupus that hurts nerves?")
    assert {"websites", "sister"} <= told
    assert story_words("the coating that wraps around nerves - what happens when lupus damages it?") == frozenset()


def test_a_word_naming_the_question_itself_is_not_a_subject():
    assert "diff" not in {t.word for t in key_terms("diff question - can the over the counter stuff help?")}


def test_a_simile_told_is_imagery_but_one_asked_is_not():
    from bot.clauses import imagery_words

    assert {"coals", "night"} <= imagery_words("why does it burn? my feet feel like they're on hot coals every night")
    assert imagery_words("does it feel like kidney pain?") == frozenset()
    assert {"grit", "teeth"} <= imagery_words("so I just grit my teeth through it?")
    assert {"going", "mad"} <= imagery_words("what does that mean?? psychiatric?? am i going mad or what")


def test_a_word_told_in_the_story_and_asked_again_is_asked():
    terms = key_terms("I am diabetic. could the diabetes be doing it", frozenset({"i", "am", "diabetic"}))
    assert [t.story for t in terms if t.stem == "diabet"] == [False]


def test_the_doing_it_happens_during_and_a_bracketed_telling_are_imagery_but_a_state_is_not():
    from bot.clauses import imagery_words

    assert {"kneading", "bread"} <= imagery_words("why would that make my hands tingle when im kneading bread?")
    assert {"long", "runs"} <= imagery_words("does that have anything to do with my toes going numb on long runs?")
    assert "knitting" in imagery_words("is the brain fog I get (can't keep track of my knitting pattern) the same?")
    assert imagery_words("does it get worse when I'm pregnant?") == frozenset()
    assert imagery_words("is it worse when i drink alcohol") == frozenset()
    assert "damage" not in imagery_words("does it hurt when i walk and is that nerve damage?")


def test_how_work_is_going_told_after_the_question_is_story():
    told = story_words("does stress play into nerve pain? work is nuts and my spin class is my only outlet")
    assert {"nuts", "outlet"} <= told and "stress" not in told


def test_a_telling_between_two_questions_is_story_unless_the_next_one_asks_about_it():
    told = story_words("Does stress make it worse? I've been a nervous wreck since the diagnosis and my job is on the "
                       "line. My friend says I should try yoga. Is there anything in that?")
    assert {"wreck", "job"} <= told and "stress" not in told
    assert story_words("what does it feel like? I get these zaps in my calves. is that it?") == frozenset()


def test_a_belief_told_with_a_question_mark_before_the_question_is_story():
    told = story_words("I always thought lupus was a joints and rash kind of illness?? Can it actually hurt nerves?")
    assert {"joints", "rash"} <= told and "nerves" not in told


def test_each_question_of_a_message_asking_two_things_keeps_the_story_before_them():
    from bot.clauses import each_question

    assert each_question("They booked me in for a nerve test. What is that measuring? Do they stick needles in you?") == [
        "They booked me in for a nerve test. What is that measuring?",
        "They booked me in for a nerve test. Do they stick needles in you?"]
    assert each_question("what does the nerve test measure?") == []



def test_a_few_words_after_an_emoji_or_a_lol_are_a_remark_not_the_question():
    assert {"moon", "era"} <= story_words("will they put me on steroids for this 😩 moon face era incoming")
    assert {"harry", "potter"} <= story_words("whats the vasa nervorum lmao sounds like a harry potter spell")
    # …but a question after one is still asked
    assert "biopsy" not in story_words("my feet burn 😩 does the skin biopsy hurt?")


@pytest.mark.parametrize("message, claimed", [
    ("My neighbour swears acupuncture fixed her neuropathy. Does it work for lupus nerve pain?", {"acupuncture"}),
    ("I read that going gluten-free calms lupus neuropathy down. Any truth in that?", {"gluten"}),
    ("My cousin insists burning pain can't be from lupus. Is she wrong?", {"burning"}),
])
def test_a_claim_reported_before_a_question_checking_it_is_what_is_asked(message, claimed):
    assert claimed <= claimed_words(message)


@pytest.mark.parametrize("message", [
    "my wife has lupus. they said mono something multiplex. what is that",  # defined, not checked
    "letter says trial of gabapentin. how does that work on nerve pain?",  # explained, not checked
    "my doctor threw out the term small fibre after I said my feet burn. is that right?",  # the writer's own words
    "the report says reduced fibre density. does that mean they found what's wrong?",
])
def test_a_claim_not_checked_or_told_by_the_writer_stays_story(message):
    assert claimed_words(message) == frozenset()


def test_a_remark_a_reason_or_being_too_tired_after_the_question_is_no_part_of_it():
    assert {"harry", "potter", "mood"} <= story_words(
        "what's mononeuritis multiplex? sounds like a harry potter spell and I'm really not in the mood")
    assert "tired" in story_words("what does SLE stand for? too tired to look it up")
    assert "miracle" in story_words("is gabapentin the only thing they've got? because it's not exactly a miracle")
    # …but what it sounds like to them, told of the subject, and "because of…" still ask
    assert "nerve" not in story_words("why do my feet burn? sounds like the nerve thing")
    assert "lupus" not in story_words("why do my feet burn? because of the lupus?")


def test_a_sentence_opening_with_when_tells_when_and_the_question_comes_after():
    story = story_words("When I read the label at home it said it's for epilepsy, which threw me a bit. "
                        "What I'd like to understand is how a seizure medicine works on nerve pain?")
    assert {"label", "epilepsy", "threw"} <= story and "seizure" not in story


def test_a_wish_to_know_is_the_question_only_when_nothing_is_asked_outright():
    story = story_words("My GP wants me to see a physio but I thought physio was for athletes. My partner likes the "
                        "idea. It would help to know what physio actually does for nerve problems.")
    assert {"athletes", "partner"} <= story and "physio" not in story
    # …someone else's wish is no question of the writer's
    assert "boss" in story_words("My boss wants to know when I'll be back. It would help to know how long the EMG takes.")
    # …and a question asked outright stays the question
    assert {"partner", "hurts"} <= story_words("Does physio help nerve pain? My partner likes the idea. I'd love to know if it hurts.")


def test_what_a_sensation_is_like_told_after_the_question_is_imagery_or_story():
    assert {"pokers"} <= imagery_words("why are my feet worse than anywhere else? like hot pokers on the soles")
    assert imagery_words("why burning? like what does it even do") == frozenset()
    assert {"foot", "nettles"} <= story_words("can a cream help at all? the top of my foot feels like I walked "
                                              "through nettles")
    # …and a likeness ends where a change is told plainly
    assert "white" not in imagery_words("my toes feel like ice cubes and go white when it's cold")
