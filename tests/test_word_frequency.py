"""The shipped word table must say what wordfreq says, for every word the answer code can tell apart."""

import random

import wordfreq

from bot.word_frequency import FLOOR, most_common, zipf_frequency


def test_the_table_agrees_with_wordfreq_on_a_sample_of_its_list():
    words = [w for w in wordfreq.top_n_list("en", 200_000) if w.isalpha()]
    sample = random.Random(7).sample(words, 3000) + ["nerve", "lupus", "numbness", "kidney", "don't", "the"]
    for word in sample:
        expected = wordfreq.zipf_frequency(word, "en")
        got = zipf_frequency(word)
        if expected >= FLOOR:
            assert got == expected, word
        else:
            assert got == 0.0, word  # below the floor every use treats words alike


def test_unknown_words_read_as_zero():
    assert zipf_frequency("xqzvnotaword") == 0.0


def test_the_ranking_is_wordfreqs():
    ours = [w for w in most_common(20_000) if w.isalpha()]
    theirs = [w for w in wordfreq.top_n_list("en", 20_000) if w.isalpha()]
    # top_n_list keeps words with one digit ("1st"), the table none, so their lengths differ slightly.
    assert ours[:19_000] == theirs[:19_000]
