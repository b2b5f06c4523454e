"""The claim-level grounding checker: its explicit checks, its accuracy on eval/claims.jsonl, and the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.grounding import balanced_accuracy, comparisons, negated, numbers, split_claims

REPO = Path(__file__).resolve().parents[1]
CLAIMS = REPO / "eval" / "claims.jsonl"
BOT = Path(sys.executable).with_name("bot")


# -- explicit checks, no model ------------------------------------------------------------------
def test_numbers_in_digits_and_words():
    assert numbers("Gabapentin is started at 300 mg, 40% of the time, for two or more weeks") == {300.0, 40.0, 2.0}
    assert numbers("no quantity here") == set()


def test_negation_cues():
    assert negated("Lupus does not affect the nerves")
    assert negated("Pain relievers don't work") and negated("Pain relievers are generally ineffective")
    assert not negated("Lupus can target the nervous system")


def test_comparatives_have_a_dimension_and_a_sign():
    assert comparisons("The most common form is peripheral neuropathy") == {("frequency", 1)}
    assert comparisons("A more severe, though less frequent, manifestation") == {("severity", 1), ("frequency", -1)}
    assert comparisons("used at lower doses") == {("dose", -1)}
    assert comparisons("it is milder than that") == {("severity", -1)}
    assert comparisons("commonly prescribed") == set()


def test_split_claims_drops_lead_ins_questions_and_citation_marks():
    answer = 'Here is what the article says:\n\nLupus can affect the nerves. [1] Does it hurt? It often burns [2].'
    assert split_claims(answer) == ["Lupus can affect the nerves.", "It often burns."]


def test_balanced_accuracy():
    assert balanced_accuracy([True, True, False, False], [True, False, False, False]) == 0.75


# -- with the real model and index --------------------------------------------------------------
@pytest.fixture(scope="module")
def checker(loaded_index, embedder):
    from bot.grounding import GroundingChecker

    return GroundingChecker(loaded_index, embedder)


def test_every_article_sentence_supports_itself(checker):
    results = checker.check_many([s.text for s in checker.sentences])
    refused = [s.text for s, r in zip(checker.sentences, results) if not r or not all(c.supported for c in r)]
    assert not refused


@pytest.mark.parametrize(
    "path, floor",
    [
        (CLAIMS, 0.90),  # the set the checker was tuned on
        # written later by someone who saw neither the checker nor the first set; its misses led to
        # general fixes (determiners read as numbers, certainty words), so it is no longer blind
        (REPO / "eval" / "claims_holdout.jsonl", 0.85),
    ],
)
def test_balanced_accuracy_on_the_labelled_claims(checker, path, floor):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 50 and sum(r["supported"] for r in rows) * 2 == len(rows)
    results = checker.check_many([r["claim"] for r in rows])
    predicted = [bool(res) and all(c.supported for c in res) for res in results]
    wrong = [r["id"] for r, p in zip(rows, predicted) if p != r["supported"]]
    assert balanced_accuracy([r["supported"] for r in rows], predicted) >= floor, wrong


def test_refusals_say_why(checker):
    dose = checker.check("Gabapentin is usually started at 300 mg a day.")[0]
    assert not dose.supported and any("number" in r for r in dose.reasons)
    drug = checker.check("Duloxetine is commonly prescribed to slow the firing of damaged nerve cells.")[0]
    assert not drug.supported and any("duloxetine" in r for r in drug.reasons)
    flipped = checker.check("Mononeuritis multiplex is the most common form of nerve damage in lupus.")[0]
    assert not flipped.supported
    ok = checker.check("Physical therapy helps maintain muscle strength and function.")[0]
    assert ok.supported and ok.evidence.section == "Supportive Therapies" and ok.score > 0.8


def test_grounding_cli_json(seed_index, tmp_path):
    answers = tmp_path / "answers.jsonl"
    answers.write_text("\n".join(json.dumps(x) for x in [
        {"id": "llm-1", "question": "what helps?", "answer": "Gabapentin and pregabalin are often prescribed. "
                                                             "Duloxetine 60 mg daily cures it."},
        {"id": "llm-2", "answer": "Hello!"},
    ]) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", NO_COLOR="1")
    result = subprocess.run([str(BOT), "eval", "grounding", "--answers", str(answers), "--corpus", str(seed_index.corpus_dir),
                             "--index", str(seed_index.index_dir), "--no-rebuild", "--json"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    first, second = out["answers"]
    assert first["id"] == "llm-1" and first["grounding"] == 0.5
    assert [c["supported"] for c in first["claims"]] == [True, False]
    assert set(first["claims"][0]["evidence"]) == {"doc_id", "section", "sentence"}
    assert second["claims"] == [] and second["grounding"] is None
    assert out["summary"]["claims"] == 2 and out["summary"]["supported"] == 1 and out["summary"]["grounding"] == 0.5


def test_grounding_cli_bad_line(tmp_path):
    from typer.testing import CliRunner

    from bot.cli import app

    bad = tmp_path / "answers.jsonl"
    bad.write_text('{"id": "a", "answer": "fine"}\n{"id": 3}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "grounding", "--answers", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:2:" in result.output and "Traceback" not in result.output
