"""A letter's salutation, sign-off and self-introduction come off; the question inside, and anything that only looks
like a sign-off, stay."""

import pytest

from bot.framing import as_read, unframe


@pytest.mark.parametrize("letter, body", [
    ("Dear Sir or Madam,\nWhat does the NCS measure?\nYours sincerely,\nMrs Winifred Hale", "What does the NCS measure?"),
    ("DEAR SIR, WHY DO MY FEET BURN? YOURS, NORA KEMP", "WHY DO MY FEET BURN?"),
    ("Good morning. What is lupus? Kind regards, Mr Harold Finch (aged 81)", "What is lupus?"),
    ("What is NCS? Thanks, Tom", "What is NCS?"),
    ("My name is Mrs Dorothy Pemberton and I have lupus. Why do my feet hurt?", "and I have lupus. Why do my feet hurt?"),
])
def test_the_letter_around_a_question_comes_off(letter, body):
    assert unframe(letter).strip() == body


@pytest.mark.parametrize("text", [
    "Thank you for explaining what the tests show",  # thanks for something, not a signature
    "I do my exercises faithfully.",  # a valediction word inside a sentence
    "thanks",  # nothing would be left
])
def test_what_only_looks_like_a_letter_stays(text):
    assert unframe(text) == text


@pytest.mark.parametrize("typed, meant", [
    ("why dose lupus make my nerves hurt", "why does lupus make my nerves hurt"),
    ("how dose a docter no if it is lupus", "how does a docter know if it is lupus"),
    ("were on the body does it start", "where on the body does it start"),
    ("it dosent hurt", "it doesn't hurt"),
    # …and left as typed where the words around them say they are meant
    ("what dose of gabapentin is normal", "what dose of gabapentin is normal"),
    ("the dose my doctor gave", "the dose my doctor gave"),
    ("i said no if possible", "i said no if possible"),
    ("we were in the car", "we were in the car")])
def test_sound_alike_slips_are_read_as_meant_only_where_the_words_around_them_are_sure(typed, meant):
    assert as_read(typed) == meant

