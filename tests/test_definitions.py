"""Terms an article defines in apposition count as covered where a sentence says what they mean."""

from bot.definitions import defined_terms, says_what_it_means
from bot.text import all_stems
from test_answer import ask

ARTICLE = ["Another significant mechanism is vasculitis, the inflammation of blood vessels.",
           "It attacks the myelin sheath, the protective fatty layer that insulates nerves.",
           "In 2020, the patient, who was tired, the doctor said, improved."]


def test_an_appositive_definition_is_found_for_the_term_s_head_word():
    found = defined_terms(ARTICLE)
    assert found["vascul"] == frozenset({"inflamm", "blood", "vessel"})
    assert found["sheath"] == frozenset({"protect", "fatti", "layer"})  # cut at "that": the rest describes


def test_a_sentence_saying_all_but_one_defining_word_says_what_it_means():
    definition = defined_terms(ARTICLE)["vascul"]
    assert says_what_it_means(definition, frozenset(all_stems("inflammation in these tiny vessels")))
    assert not says_what_it_means(definition, frozenset(all_stems("blood flow is restricted")))


def test_the_vasculitis_follow_up_quotes_what_it_does_to_the_nerves(answer_bot):
    reply = ask(answer_bot, "what's vasculitis?", "and how does it harm the nerves?")
    assert any(c.text.startswith("When lupus causes inflammation in these tiny vessels") for c in reply.claims), reply.reply
