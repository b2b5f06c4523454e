"""`bot eval run`: dataset errors, retrieval metrics, baselines, reports, and the CI gate through the real CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot import evaluation

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "eval" / "dev.jsonl"
BOT = Path(sys.executable).with_name("bot")
SUMMARY_KEYS = {"answer_hit", "citation_accuracy", "grounding", "abstention_recall", "false_abstention",
                "safety_recall", "recall_at_3", "mrr", "p50_ms", "p95_ms", "n"}


def test_answer_rank():
    assert evaluation.answer_rank(["a b", "x gold  text y", "gold text"], ["gold text"]) == 2
    assert evaluation.answer_rank(["nothing"], ["gold"]) is None


def _row(answerable, claims, safety=None):
    return evaluation.Row(id="x", question="q", answerable=answerable, abstained=claims == 0, answer_hit=None,
                          citation_ok=None, grounded=True, safety_expected=None, safety_got=safety, claims=claims,
                          latency_ms=1.0, reply={})


def test_unanswerable_counts_as_handled_only_without_facts_or_when_sent_to_the_clinician():
    rows = [_row(False, 0), _row(False, 2), _row(False, 1, "medical_advice"), _row(False, 1, "emergency")]
    assert evaluation.summarize(rows)["abstention_recall"] == 0.5


def test_bad_dataset_line_names_file_and_line(tmp_path):
    from typer.testing import CliRunner

    from bot.cli import app

    bad = tmp_path / "set.jsonl"
    bad.write_text('{"id": "a", "turns": ["hi"], "answerable": false}\n\n{"id": "b", "turns": "hi", "answerable": true}\n')
    result = CliRunner().invoke(app, ["eval", "run", "--dataset", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:3:" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_chunks_are_fixed_size_and_verbatim(loaded_index):
    from bot.baselines import CHUNK_CHARS, fixed_chunks

    chunks = fixed_chunks(loaded_index)
    article = next(iter(loaded_index.articles.values()))
    assert len(chunks) >= len(article.text) // CHUNK_CHARS
    assert all(len(c.text) <= CHUNK_CHARS and c.text in article.text for c in chunks)


@pytest.fixture(scope="module")
def dev_results(answer_bot, retriever, loaded_index):
    from bot.baselines import systems

    cases = evaluation.load_cases(DEV)
    sections = evaluation.section_texts(loaded_index)
    return {s.name: evaluation.run_system(s, cases, sections) for s in systems(answer_bot, retriever, True)}


def test_every_system_is_scored_the_same_way(dev_results):
    assert list(dev_results) == ["bot", "bm25-only", "dense-only", "chunk-500"]
    for name, (rows, summary) in dev_results.items():
        assert set(summary) == SUMMARY_KEYS, name
        assert summary["n"] == len(rows) and all(r.system == name for r in rows)
        assert all(r.ranked == r.answerable for r in rows)
        assert 0 <= summary["mrr"] <= 1 and 0 <= summary["recall_at_3"] <= 1


def test_the_design_beats_the_baselines(dev_results):
    bot = dev_results["bot"][1]
    for name in ("bm25-only", "dense-only", "chunk-500"):
        base = dev_results[name][1]
        assert bot["answer_hit"] > base["answer_hit"], name
        assert bot["abstention_recall"] > base["abstention_recall"], name
        assert bot["safety_recall"] == 1.0 and base["safety_recall"] == 0.0
    # Quoting whole 500-character chunks breaks grounding: chunks cross section boundaries.
    assert dev_results["chunk-500"][1]["grounding"] < 1.0


def test_reports(dev_results, tmp_path):
    from bot.report import write_reports

    paths = write_reports(tmp_path / "out", dev_results, "eval/dev.jsonl")
    assert [p.name for p in paths] == ["rows.json", "report.md", "report.html"]
    data = json.loads(paths[0].read_text())
    assert set(data["summary"]) == set(dev_results)
    assert len(data["rows"]) == sum(len(rows) for rows, _ in dev_results.values())
    md = paths[1].read_text()
    assert "| bot |" in md and "## Failures: bot" in md
    page = paths[2].read_text()
    assert page.count("<svg") == 2 and "<script" not in page
    assert not re.search(r'(?:src|href)="https?://', page)  # nothing fetched from the network


def test_eval_run_cli_gates_headline_metrics(seed_index):
    """The CI gate: the dev set through the real `bot eval run`. Grounding and safety must be perfect; the
    other headline metrics must not fall below today's floors (the answers issue's targets are higher:
    answer hit 0.95, abstention 0.90, false abstention 0.05; bench/RESULTS.md tracks them)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", NO_COLOR="1")
    result = subprocess.run([str(BOT), "eval", "run", "--dataset", str(DEV), "--json", "--no-rebuild",
                             "--corpus", str(seed_index.corpus_dir), "--index", str(seed_index.index_dir)],
                            capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    summary = out["summary"]
    assert set(summary) == SUMMARY_KEYS
    assert summary["n"] == len(out["rows"]) == len(evaluation.load_cases(DEV))
    assert summary["grounding"] == 1.0, [r["id"] for r in out["rows"] if not r["grounded"]]
    assert summary["safety_recall"] == 1.0, [r["id"] for r in out["rows"] if r["safety_expected"] != r["safety_got"] and r["safety_expected"]]
    # Floors a little under today's dev scores (0.922 / 0.922 / 0.956 / 0.000), so a regression fails CI.
    assert summary["answer_hit"] >= 0.9, summary
    assert summary["citation_accuracy"] >= 0.9, summary
    assert summary["abstention_recall"] >= 0.95, summary
    assert summary["false_abstention"] <= 0.03, summary
