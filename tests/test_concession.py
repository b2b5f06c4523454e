"""A sentence opening with a concession: what it grants, and what it asserts after the comma that ends it."""

from bot.concession import split_concession


def test_the_concession_ends_at_the_main_clause_not_inside_its_list():
    granted, main = split_concession("While lupus is often recognized for its effects on the joints, skin, and kidneys, it can "
                                     "also significantly target the nervous system.")
    assert granted.strip().endswith("joints, skin, and kidneys")
    assert main.startswith("it can also")


def test_a_while_of_time_before_a_plain_subject_is_no_concession():
    assert split_concession("While the underlying disease is being treated, symptomatic pain management is necessary.") is None
    assert split_concession("Sensory nerves are particularly vulnerable.") is None
