"""Sentence splitting: every cited passage must be a whole sentence, quoted exactly from its source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.splitter import split_sentences
from bot.text import fold

DATA = Path(__file__).resolve().parent / "data"
ARTICLES = DATA / "articles"
SEED_TXT = DATA / "seed" / "does-lupus-cause-nerve-pain.txt"
SEED_MD = DATA.parents[1] / "corpus" / "does-lupus-cause-nerve-pain.md"


def texts(source: str) -> list[str]:
    return [s.text for s in split_sentences(source)]


def assert_offsets_exact(source: str, offset: int = 0) -> list:
    spans = split_sentences(source[offset:], offset)
    previous_end = offset
    for span in spans:
        assert source[span.start : span.end] == span.text
        assert span.text and span.text == span.text.strip()
        assert span.start >= previous_end, "sentences overlap or are out of order"
        previous_end = span.end
    return spans


@pytest.mark.parametrize(
    "source, expected",
    [
        (
            "Some medicines, e.g. gabapentin, calm nerves. Others, i.e. opioids, rarely help. Ask Dr. Patel first.",
            ["Some medicines, e.g. gabapentin, calm nerves.", "Others, i.e. opioids, rarely help.", "Ask Dr. Patel first."],
        ),
        (
            "Standard nerve conduction studies (NCS) may appear normal. Electromyography (EMG) is often paired with NCS.",
            ["Standard nerve conduction studies (NCS) may appear normal.", "Electromyography (EMG) is often paired with NCS."],
        ),
        (
            "It can cause issues like cognitive dysfunction (“lupus brain fog”). Sensory nerves are vulnerable.",
            ["It can cause issues like cognitive dysfunction (“lupus brain fog”).", "Sensory nerves are vulnerable."],
        ),
        (
            "It starts in a classic “stocking-and-glove” distribution. Doctors call this “brain fog.” It comes and goes.",
            ["It starts in a classic “stocking-and-glove” distribution.", "Doctors call this “brain fog.”", "It comes and goes."],
        ),
        (
            "Is it lupus? Maybe! Tests will tell.",
            ["Is it lupus?", "Maybe!", "Tests will tell."],
        ),
    ],
    ids=["abbreviations", "acronyms-in-brackets", "quotes-in-brackets", "curly-quotes", "question-marks"],
)
def test_splits_where_a_reader_would(source, expected):
    assert texts(source) == expected
    assert_offsets_exact(source)


def test_closing_quote_stays_with_its_sentence_when_the_quote_began_in_an_earlier_paragraph():
    source = "“I kept a diary of my symptoms.\n\nIt helped my doctor see the pattern.” Diaries are worth trying."
    assert texts(source) == [
        "“I kept a diary of my symptoms.",
        "It helped my doctor see the pattern.”",
        "Diaries are worth trying.",
    ]
    assert_offsets_exact(source)


def test_list_items_are_sentences_without_their_markers():
    source = (
        "Common signs include:\n\n- burning pain\n* tingling, e.g. in the toes\n1. numbness\n2) weakness\n\n"
        "Tell your doctor about each one."
    )
    assert texts(source) == [
        "Common signs include:",
        "burning pain",
        "tingling, e.g. in the toes",
        "numbness",
        "weakness",
        "Tell your doctor about each one.",
    ]
    assert_offsets_exact(source)


def test_paragraph_breaks_end_sentences_even_without_a_full_stop():
    assert texts("A heading-like line\n\nThe paragraph under it.") == ["A heading-like line", "The paragraph under it."]


def test_a_soft_wrapped_sentence_is_one_sentence():
    source = "Pain that spreads\nup the legs is common. It may come\nand go."
    spans = assert_offsets_exact(source)
    assert [fold(s.text) for s in spans] == ["Pain that spreads up the legs is common.", "It may come and go."]


def test_offsets_are_relative_to_the_whole_source():
    source = "# Title\n\nFirst sentence here. Second (NCS) one.\n"
    body_start = source.index("First")
    spans = assert_offsets_exact(source, body_start)
    assert [s.text for s in spans] == ["First sentence here.", "Second (NCS) one."]
    assert spans[0].start == body_start


@pytest.mark.parametrize("path", [SEED_MD, SEED_TXT, *sorted(ARTICLES.iterdir())], ids=lambda p: p.name)
def test_offsets_index_the_source_for_every_fixture(path):
    assert_offsets_exact(path.read_text(encoding="utf-8"))


def test_every_seed_sentence_appears_verbatim_and_nothing_is_lost():
    source = SEED_TXT.read_text(encoding="utf-8")
    spans = split_sentences(source)
    paragraphs = [p for p in source.split("\n\n") if p.strip()]
    prose = [p for p in paragraphs if p.rstrip().endswith(".")]  # the rest are the title and headings
    assert len(prose) == 12
    for paragraph in prose:
        start = source.index(paragraph)
        inside = [s.text for s in spans if start <= s.start and s.end <= start + len(paragraph)]
        assert " ".join(inside) == paragraph.strip()
        assert all(s.endswith(".") for s in inside), inside
    for sentence in [
        "It usually starts in the feet and hands in a classic “stocking-and-glove” distribution.",
        "It is sometimes overlooked because standard nerve conduction studies (NCS) may appear normal, "
        "as these tests only assess the function of larger, myelinated nerve fibers.",
        "Lupus can also affect the Central Nervous System (CNS), causing issues like headaches, seizures, "
        "or cognitive dysfunction (“lupus brain fog”).",
        "Sensory nerves are particularly vulnerable.",
    ]:
        assert sentence in [s.text for s in spans]


_PIECES = st.sampled_from(
    [
        "Lupus", "nerve", "pain.", "e.g.", "i.e.", "Dr.", "(NCS)", "“stocking-and-glove”", "tests?", "Yes!",
        "2.5", "mg.", "(a lack of oxygen).", "”", "“", ")", "'", '"', "\n", "\n\n", "- ", "1. ", "U.S.", "a", "The",
    ]
)
_MARKER = re.compile(r"(?m)^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")


@settings(
    max_examples=300, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.lists(_PIECES, min_size=1, max_size=25).map(" ".join))
def test_any_text_splits_into_exact_non_overlapping_spans_that_lose_nothing(source):
    spans = assert_offsets_exact(source)
    covered = set()
    for span in spans:
        covered.update(range(span.start, span.end))
    for marker in _MARKER.finditer(source):  # list markers are dropped on purpose
        covered.update(range(marker.start(), marker.end()))
    lost = "".join(ch for i, ch in enumerate(source) if i not in covered and not ch.isspace())
    assert not lost
