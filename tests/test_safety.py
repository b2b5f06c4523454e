"""The safety patterns on `eval/safety_blind.jsonl`: 150 messages written blind (60 emergencies, 40 personal
medical decisions, 50 ordinary messages with near-misses such as strokes in the past or "this pain is killing
me"). Its first run caught 45 % of emergencies; every miss has since been fixed with a general pattern, and
this keeps them fixed without a false alarm on the ordinary ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.safety import check_safety

ROWS = [json.loads(line) for line in (Path(__file__).resolve().parents[1] / "eval/safety_blind.jsonl").open(encoding="utf-8")]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_each_message_gets_the_notice_it_needs(row):
    found = check_safety(row["text"])
    assert (found.kind if found else "none") == row["expected"], row["text"]


@pytest.mark.parametrize(
    "text",
    ["I had a stroke years ago and now my face is drooping again",
     "i fainted a few years back and just fainted again at work"],
)
def test_an_old_emergency_does_not_hide_a_new_one(text):
    assert check_safety(text).kind == "emergency"


@pytest.mark.parametrize(
    "text",
    ["can i keep asking you about the nerve pain", "can i start by asking what lupus is", "i want to stop the pain"],
)
def test_everyday_can_i_and_want_to_are_not_medical_decisions(text):
    assert check_safety(text) is None
