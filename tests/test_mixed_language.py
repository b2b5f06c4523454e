"""Questions that mix another language into English are read in English; English ones are left alone."""

import pytest

from bot.mixed_language import in_english, mostly_foreign


@pytest.mark.parametrize("text, english", [
    ("the nerve test came back totally normal pero sigo con mucho ardor en las piernas", "burning legs"),
    ("why does it BURN tho?? parang sinusunog yung talampakan ko every night", "soles of the feet"),
    ("why would they order an MRI if my pain is in my feet?? não faz sentido pra mim", "not makes sense"),
    ("ok so if that layer gets damaged, porqué siento hormigueo y entumecimiento?", "why i feel tingling and numbness"),
    ("yaar mujhe samajh nahi aata, kya reason hai iska", "what reason is"),
])
def test_words_of_another_language_mixed_in_are_read_in_english(text, english):
    assert english in in_english(text)


@pytest.mark.parametrize("text", ["is there a sale on pie today", "my son has lupus too, is it in the genes?",
                                  "Hola! quick question about my feet"])
def test_an_english_message_with_a_word_that_is_also_foreign_is_left_alone(text):
    assert in_english(text) == text


def test_a_word_no_english_text_uses_is_read_in_english_even_alone():
    assert in_english("they want a piece of my skin, bakit skin??") == "they want a piece of my skin, why skin??"


def test_a_message_mostly_in_another_language_is_told_apart_from_english_with_medical_words():
    knows = {"gabapentin", "amitriptyline", "nortriptyline", "pregabalin", "lupus"}.__contains__
    assert mostly_foreign("Welche Medikamente behandeln eigentlich den Lupus selbst, nicht nur die Schmerzen?", knows)
    assert not mostly_foreign("gabapentin amitriptyline nortriptyline pregabalin duloxetine", knows)
    assert not mostly_foreign("why might my nerve test be normal?", knows)
