"""Answer hit and Recall@3 under a second, independent annotation of which sentences answer each question.

Run from the repository root::

    .venv/bin/python bench/annotation_bench.py [--dataset eval/dev.jsonl ...] [--json]

The eval sets' ``gold_any`` lists were written with the questions, often naming one sentence where several
answer. ``eval/answering.jsonl`` holds a second annotator's list for every answerable case of the nine
tuning sets: every article sentence that answers the last turn, judged from the article and the question
alone (the annotator saw neither the system nor the first gold). Each metric is reported three ways: by the
first gold, by the second annotation, and by their union (a sentence either annotator accepts). Recall@3 is
over single-turn questions, as in ``retrieval_bench.py``; answer hit over every answerable case, turns played
through the Bot as ``bot eval run`` plays them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from bot.engine import Engine
from bot.evaluation import conversation
from bot.settings import Settings
from bot.text import fold
from common import ROOT, code_version, md_table, quiet_logging
from retrieval_bench import DEPTH, build_variant, retrievers

SETS = ("dev", "dev2", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7")
ANNOTATION = ROOT / "eval" / "answering.jsonl"
GOLDS = ("first", "second", "union")


def load_cases(path: Path, second: dict[str, list[str]]) -> list[dict]:
    """Answerable cases without a safety label that the second annotation covers, with both golds."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line) if line.strip() else None
        if d and d.get("answerable") and d.get("safety") is None and d["id"] in second:
            first = [fold(g) for g in d["gold_any"]]
            other = [fold(s) for s in second[d["id"]]]
            out.append({"id": d["id"], "turns": d["turns"], "first": first, "second": other, "union": first + other})
    return out


def answers(text: str, gold: list[str]) -> bool:
    t = fold(text)
    return any(g in t for g in gold)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", action="append", help="JSONL eval set (repeatable); default the nine tuning sets")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of Markdown tables")
    args = ap.parse_args(argv)
    quiet_logging()
    version = code_version()
    second = {d["id"]: d["answering"] for d in map(json.loads, ANNOTATION.read_text(encoding="utf-8").splitlines())}
    paths = [Path(p) if Path(p).is_absolute() else ROOT / p for p in (args.dataset or [f"eval/{s}.jsonl" for s in SETS])]
    datasets = {p.stem: load_cases(p, second) for p in paths}
    base = Settings().with_overrides(corpus_dir=ROOT / "corpus")
    engine = Engine(base)
    rows = []
    with tempfile.TemporaryDirectory(prefix="annotation-bench-") as tmp:
        index = build_variant(base, engine.build_embedder, Path(tmp) / "index")
        ranked = retrievers(index, engine.build_embedder, base)
        bot = Engine(base.with_overrides(index_dir=Path(tmp) / "index")).bot
        totals: dict[str, list[int]] = {}
        for name, cases in datasets.items():
            single = [c for c in cases if len(c["turns"]) == 1]
            row = {"dataset": name, "cases": len(cases), "single-turn": len(single)}
            replies = {c["id"]: conversation(bot, c["turns"])[0] for c in cases}
            for gold in GOLDS:
                hits = sum(any(answers(cl.text, c[gold]) for cl in replies[c["id"]].claims) for c in cases)
                row[f"hit {gold}"] = hits / len(cases) if cases else 0.0
                totals.setdefault(f"hit {gold}", []).append(hits)
            for rname in ("reranked", "fused"):
                found = {g: 0 for g in GOLDS}
                for c in single:
                    top = ranked[rname].search(c["turns"][0], k=DEPTH)[:3]
                    for gold in GOLDS:
                        found[gold] += any(answers(h.sentence.text, c[gold]) for h in top)
                for gold in GOLDS:
                    row[f"R@3 {rname} {gold}"] = found[gold] / len(single) if single else 0.0
                    totals.setdefault(f"R@3 {rname} {gold}", []).append(found[gold])
            rows.append(row)
    n_cases = sum(r["cases"] for r in rows)
    n_single = sum(r["single-turn"] for r in rows)
    pooled = {"dataset": "pooled", "cases": n_cases, "single-turn": n_single}
    for key, counts in totals.items():
        pooled[key] = sum(counts) / (n_cases if key.startswith("hit") else n_single)
    rows.append(pooled)
    result = {"commit": version, "rows": rows}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"commit {version}; second annotation {ANNOTATION.relative_to(ROOT)}\n")
    print("## Answer hit (every answerable case)\n")
    print(md_table(rows, ["dataset", "cases", *(f"hit {g}" for g in GOLDS)]) + "\n")
    print("## Recall@3 (single-turn questions)\n")
    print(md_table(rows, ["dataset", "single-turn", *(f"R@3 {r} {g}" for r in ("reranked", "fused") for g in GOLDS)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
