"""Retrieval benchmark: does the right sentence come back, and which unit text should we index?

Run from the repository root::

    .venv/bin/python bench/retrieval_bench.py                        # dev and holdout
    .venv/bin/python bench/retrieval_bench.py --dataset eval/dev.jsonl --json

Questions are the answerable, single-turn lines without a safety label (no ``safety`` key, or null). A retrieved
sentence is *answering* when one of the line's ``gold_any`` strings is a substring of it, after curly quotes are
straightened and whitespace collapsed. For each retriever we report Recall@1/3/5 (an answering sentence
in the top k) and MRR@10 (1/rank of the first answering sentence, 0 beyond rank 10).

The unit comparison builds extra indexes in temp folders with ``bot.index_store.unit_text`` /
``lexical_text`` swapped for a variant while ``build_index`` runs; nothing under ``bot/`` is edited.
Every variant keeps one row per sentence, so a hit always maps back to that (centre) sentence.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import tempfile
from pathlib import Path

from bot import index_store
from bot.embedder import OnnxEmbedder, SentenceTransformerEmbedder
from bot.index_store import build_index, load_index
from bot.coverage import CoverageJudge
from bot.rerank import Reranker
from bot.retrieval import HybridRetriever, RetrieverConfig
from bot.settings import Settings
from bot.types import Article, Sentence
from common import ROOT, code_version, md_table, quiet_logging

DATASETS = ("eval/dev.jsonl", "eval/holdout.jsonl")
KS = (1, 3, 5)
DEPTH = 10  # MRR cut-off and how many hits we ask for
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    """Straight quotes, single spaces."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def load_questions(path: Path) -> list[dict]:
    """Answerable single-turn lines without a safety label: the retrieval questions."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r.get("answerable") and len(r["turns"]) == 1 and r.get("safety") is None]


def is_answering(text: str, gold_any: list[str]) -> bool:
    norm = normalise(text)
    return any(normalise(g) in norm for g in gold_any)


# --- unit variants: (article, sentence) -> text, same signature as bot.index_store -------------------

DEFAULT_UNIT = index_store.unit_text  # "section title: sentence"
DEFAULT_LEXICAL = index_store.lexical_text  # section path + title + sentence


def sentence_only(article: Article, sentence: Sentence) -> str:
    """The sentence alone, no heading."""
    return sentence.text


def sentence_window(article: Article, sentence: Sentence) -> str:
    """Previous + current + next sentence of the same section (the row still stands for the centre)."""
    sents = article.sentences
    i = sentence.position
    assert sents[i] is sentence or sents[i] == sentence, "Sentence.position must index Article.sentences"
    window = [s.text for s in sents[max(0, i - 1): i + 2] if s.section == sentence.section]
    return " ".join(window)


# name -> (unit_text, lexical_text); the retrievers each variant affects are listed in UNIT_GROUPS
VARIANTS = {
    "default": (DEFAULT_UNIT, DEFAULT_LEXICAL),
    "dense: sentence alone": (sentence_only, DEFAULT_LEXICAL),
    "dense: window prev+cur+next": (sentence_window, DEFAULT_LEXICAL),
    "bm25: sentence alone": (DEFAULT_UNIT, sentence_only),
}
UNIT_GROUPS = [  # (label shown, variant, retrievers to report)
    ("dense: sentence alone", "dense: sentence alone", ("dense", "fused", "reranked")),
    ("dense: title: sentence (default)", "default", ("dense", "fused", "reranked")),
    ("dense: window prev+cur+next", "dense: window prev+cur+next", ("dense", "fused", "reranked")),
    ("bm25: sentence alone", "bm25: sentence alone", ("bm25", "fused", "reranked")),
    ("bm25: path + title + sentence (default)", "default", ("bm25", "fused", "reranked")),
]


@contextlib.contextmanager
def patched_units(unit, lexical):
    """Swap the module-level unit functions that build_index calls, then restore them."""
    saved = index_store.unit_text, index_store.lexical_text
    index_store.unit_text, index_store.lexical_text = unit, lexical
    try:
        yield
    finally:
        index_store.unit_text, index_store.lexical_text = saved


def build_variant(base: Settings, embedder, folder: Path, unit=DEFAULT_UNIT, lexical=DEFAULT_LEXICAL):
    """Build an index with the given unit functions into ``folder`` and load it."""
    settings = base.with_overrides(index_dir=folder)
    with patched_units(unit, lexical):
        build_index(settings, embedder)
    return load_index(settings)


def retrievers(index, embedder, settings: Settings) -> dict[str, HybridRetriever | Reranker]:
    common = dict(candidates=settings.candidates, rrf_k=settings.rrf_k, dense_weight=settings.dense_weight)
    # Questions are embedded as the product embeds them: by the index's int8 encoder when it has one
    # (words, for the coverage judge, by the full model, as in the product).
    queries = embedder
    if index.manifest.query_encoder and index.folder is not None:
        queries = OnnxEmbedder(index.folder, index.manifest.model_name, index.manifest.dim, file=index.manifest.query_encoder)
    fused = HybridRetriever(index, queries, RetrieverConfig(**common))
    return {
        "reranked": Reranker(fused, CoverageJudge(index, embedder)),  # what `bot search` ships
        "fused": fused,
        "dense": HybridRetriever(index, queries, RetrieverConfig(**common, use_bm25=False)),
        "bm25": HybridRetriever(index, None, RetrieverConfig(**common, use_dense=False)),
    }


def evaluate(retriever: HybridRetriever, questions: list[dict]) -> tuple[dict, list[dict]]:
    """Metrics over ``questions`` and one record per question (first answering rank, top hit)."""
    records = []
    for q in questions:
        hits = retriever.search(q["turns"][0], k=DEPTH)
        rank = next((h.rank for h in hits if is_answering(h.sentence.text, q["gold_any"])), None)
        records.append({"id": q["id"], "question": q["turns"][0], "rank": rank,
                        "top_hit": hits[0].sentence.text if hits else None})
    n = len(records)
    metrics = {"n": n}
    for k in KS:
        metrics[f"R@{k}"] = sum(r["rank"] is not None and r["rank"] <= k for r in records) / n if n else 0.0
    metrics[f"MRR@{DEPTH}"] = sum(1 / r["rank"] for r in records if r["rank"]) / n if n else 0.0
    return metrics, records


def component_ranks(retriever: HybridRetriever, question: dict) -> tuple[int | None, int | None]:
    """Best dense rank and best BM25 rank of any answering sentence (why did fusion miss it?)."""
    import numpy as np

    query = retriever.analyze(question["turns"][0])
    rows = [i for i, s in enumerate(retriever.index.sentences) if is_answering(s.text, question["gold_any"])]
    out = []
    for scores in (retriever.dense_scores(query), retriever.bm25_scores(query)):
        order = np.lexsort((np.arange(len(scores)), -scores))  # same tie-break as HybridRetriever.search
        rank = {int(row): pos for pos, row in enumerate(order, start=1)}
        out.append(min((rank[r] for r in rows), default=None))
    return out[0], out[1]


def unreachable(index, questions: list[dict]) -> list[str]:
    """Ids whose gold strings match no indexed sentence (e.g. a gold span crossing a sentence break)."""
    return [q["id"] for q in questions if not any(is_answering(s.text, q["gold_any"]) for s in index.sentences)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", action="append", help="JSONL question set (repeatable); default dev and holdout")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of Markdown tables")
    args = ap.parse_args(argv)
    quiet_logging()

    version = code_version()  # before loading anything: bot/ may be edited while we run
    paths = [Path(p) if Path(p).is_absolute() else ROOT / p for p in (args.dataset or DATASETS)]
    datasets = {p.stem: load_questions(p) for p in paths}
    base = Settings().with_overrides(corpus_dir=ROOT / "corpus")
    embedder = SentenceTransformerEmbedder(base.model_dir, base.model_name)  # loaded once, shared by all builds

    metric_cols = ["n", "R@1", "R@3", "R@5", f"MRR@{DEPTH}"]
    result = {"datasets": {k: len(v) for k, v in datasets.items()}, "retrievers": [], "units": [], "misses": [],
              "unreachable": {}}
    with tempfile.TemporaryDirectory(prefix="retrieval-bench-") as tmp:
        indexes = {name: build_variant(base, embedder, Path(tmp) / f"v{i}", *fns)
                   for i, (name, fns) in enumerate(VARIANTS.items())}
        evals = {}  # (variant, retriever, dataset) -> (metrics, records)
        for name, index in indexes.items():
            for rname, retriever in retrievers(index, embedder, base).items():
                for dname, qs in datasets.items():
                    evals[name, rname, dname] = evaluate(retriever, qs)
        result["config"] = {"commit": version, "chunking": index_store.CHUNKING_VERSION,
                            "sentences": len(indexes["default"].sentences), "candidates": base.candidates,
                            "rrf_k": base.rrf_k, "dense_weight": base.dense_weight,
                            "model": base.model_name}
        fused = retrievers(indexes["default"], embedder, base)["fused"]
        by_id = {q["id"]: q for qs in datasets.values() for q in qs}
        for dname, qs in datasets.items():
            result["unreachable"][dname] = unreachable(indexes["default"], qs)
            for r in evals["default", "reranked", dname][1]:
                if r["rank"] is None or r["rank"] > 3:
                    dense_rank, bm25_rank = component_ranks(fused, by_id[r["id"]])
                    result["misses"].append({"dataset": dname, **r, "rank": r["rank"] or f">{DEPTH}",
                                             "dense#": dense_rank, "bm25#": bm25_rank})

    for rname in ("reranked", "fused", "dense", "bm25"):
        for dname in datasets:
            result["retrievers"].append({"retriever": rname, "dataset": dname, **evals["default", rname, dname][0]})
    for label, variant, rnames in UNIT_GROUPS:
        for rname in rnames:
            for dname in datasets:
                result["units"].append({"unit": label, "retriever": rname, "dataset": dname,
                                        **evals[variant, rname, dname][0]})

    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    c = result["config"]
    print(f"commit {c['commit']}, chunking {c['chunking']}; corpus {c['sentences']} sentences; "
          f"candidates={c['candidates']} rrf_k={c['rrf_k']} dense_weight={c['dense_weight']}; model {c['model']}\n")
    print(f"## Retrievers (default units)\n\n{md_table(result['retrievers'], ['retriever', 'dataset', *metric_cols])}\n")
    print(f"## Retrieval unit variants\n\n{md_table(result['units'], ['unit', 'retriever', 'dataset', *metric_cols])}\n")
    for dname, ids in result["unreachable"].items():
        print(f"{dname}: {len(ids)} question(s) whose gold matches no indexed sentence{': ' + ', '.join(ids) if ids else ''}")
    print(f"\n## Reranked misses at @3 ({len(result['misses'])})\n")
    print(md_table(result["misses"], ["dataset", "id", "question", "rank", "dense#", "bm25#", "top_hit"]) if result["misses"] else "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
