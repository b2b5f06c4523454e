"""What kind of answer a question asks for: the cues both ranking stages reward."""

import pytest

from bot.question_type import W_ANSWER_TYPE, question_type

NAMED = "This involvement, known as neuropsychiatric lupus, frequently manifests as nerve pain, or neuropathic pain."
RESTATED = "Systemic Lupus Erythematosus (SLE), commonly known as lupus, is a chronic autoimmune disease."


def test_a_name_question_rewards_a_name_it_did_not_use_itself():
    kind = question_type("what's it called when lupus attacks the nervous system?")
    assert kind.asks_for(NAMED)
    assert not kind.asks_for(RESTATED)  # "known as lupus" names nothing new


@pytest.mark.parametrize("question", [
    "how do they know my tingling is from the lupus and not something else?",
    "i have diabetes too, which one is causing it?",
])
def test_which_cause_is_it_wants_other_causes_ruled_out(question):
    kind = question_type(question)
    assert kind.attribution
    assert kind.bonus("The doctor must rule out these other potential causes first.") > W_ANSWER_TYPE


def test_a_plain_question_asks_for_no_kind():
    kind = question_type("does lupus cause nerve pain")
    assert kind.bonus(NAMED) == 0 and not kind.attribution


@pytest.mark.parametrize("question, sentence", [
    ("what will the neurologist do first at my appointment?", "A physician begins with a detailed history."),
    ("which nerves get hit the worst?", "Sensory nerves are particularly vulnerable."),
    ("is the brain fog the same thing as my burning feet?", "However, these CNS symptoms are distinct from it."),
    ("which painkillers do they use for it?", "These include pregabalin and duloxetine."),
    ("apart from tablets what else can i do?", "Beyond medication, supportive therapies help."),
    ("why would they send me to physio?", "Physical therapy helps maintain muscle strength."),
    ("which one do people get most?", "The most common form of nerve damage is Peripheral Neuropathy."),
    ("can lupus really damage your nerves or is that a myth?", "Lupus mechanisms directly cause damage to nerves."),
    ("In the common peripheral type, what sensations do patients usually report?", "Patients often describe sensations of burning."),
    ("Between sensory and motor fibres, which are more at risk?", "Sensory nerves are particularly vulnerable."),
    ("what's the rationale for immunosuppressing her?", "Medications are used because they calm the immune system."),
])
def test_visit_and_hardest_hit_questions_reward_their_kind_of_answer(question, sentence):
    assert question_type(question).asks_for(sentence)


@pytest.mark.parametrize("question", [
    "my daughter was just diagnosed and honestly i dont know what it is. what is lupus actually?",
    "I'm trying to understand what it even is before her appointment - can you explain what lupus actually is?",
])
def test_a_definition_asked_after_a_story_names_its_subject(question):
    assert question_type(question).defines == "lupus"


@pytest.mark.parametrize("question, subject", [
    ("what is vasculitis and what has it got to do with my feet hurting", "vasculitis"),
    ("what is peripheral neuropathy, and how is it treated?", "peripheral neuropathy"),
])
def test_a_definition_followed_by_a_second_question_names_its_subject(question, subject):
    assert question_type(question).defines == subject


@pytest.mark.parametrize("question, subject", [
    ("they want to do an EMG on my arm - what's that for?", "emg"),
    ("they mentioned vasculitis, what's that?", "vasculitis"),
])
def test_what_that_points_at_is_the_thing_named_not_where_it_is_done(question, subject):
    assert question_type(question).defines == subject


@pytest.mark.parametrize("question", ["whats it calld when lupus gets into the nerves", "is there a fancy name for it?"])
def test_a_name_is_asked_for_in_a_misspelling_or_with_an_adjective(question):
    assert question_type(question).asks_name


def test_a_hyphenated_name_is_defined_by_its_unhyphenated_question():
    assert question_type("what is small fiber neuropathy?").defined_by(
        "A specific, often under-recognized form is Small-Fiber Neuropathy, which damages the small nerve fibers.")


@pytest.mark.parametrize("question", ["could my other pills be doing it instead of the lupus?",
                                      "so couldn't it just be the diabetes instead?"])
def test_instead_of_the_lupus_asks_which_cause_it_is(question):
    assert question_type(question).attribution


def test_a_visits_first_step_sets_the_story_aside():
    kind = question_type("Got an appointment about my tingly hands. What does the doctor do first?")
    assert kind.story_aside and not kind.attribution


def test_what_do_they_call_it_is_a_name_question():
    assert question_type("what do the doctors call it when lupus goes after the brain?").asks_for(NAMED)
