"""Acronyms an article defines, so a sentence using only the short form is about the long one."""

from bot.acronyms import defined_acronyms


def test_initials_and_single_words_are_recognised():
    found = defined_acronyms([
        "Lupus can affect the Central Nervous System (CNS). It is often paired with Electromyography (EMG).",
        "standard nerve conduction studies (NCS) may appear normal", "a form called Small-Fiber Neuropathy (SFN)",
    ])
    assert found == {"cns": "Central Nervous System", "emg": "Electromyography", "ncs": "nerve conduction studies",
                     "sfn": "Small-Fiber Neuropathy"}


def test_a_bracketed_word_that_abbreviates_nothing_is_ignored():
    assert defined_acronyms(["leading to ischemia (a lack of oxygen)", "a CT scan (CT) or an MRI (MR)"]) == {}


def test_the_first_definition_wins():
    assert defined_acronyms(["Magnetic Resonance Imaging (MRI)", "a modern robotic imager (MRI)"]) == {
        "mri": "Magnetic Resonance Imaging"}


def test_only_an_acronym_of_the_articles_subject_counts_as_the_subject(answer_bot):
    titles = set().union(*answer_bot.judge.titles.values())
    assert "sle" in titles  # Systemic Lupus Erythematosus: the lupus article's subject
    assert "ncs" not in titles  # nerve conduction studies: shares only "nerve" with the title
