"""Naive path vs shipped path, side by side in one run: start-up, query embedding, retrieval and reply latency.

Run from the repository root::

    .venv/bin/python bench/naive_bench.py [--queries 200] [--cold-runs 5] [--articles N] [--quick] [--json]

* naive path: what a first RAG prototype does. sentence-transformers on torch in the serving process
  (``SentenceTransformerEmbedder``, ``--torch-threads``, default 1 like the product's builds), the corpus cut
  into fixed 500-character chunks (``bot.baselines.fixed_chunks``), every chunk embedded when the process
  starts (there is no saved index), and brute-force cosine (one matrix-vector product) over all chunks. Its
  reply is ``bot.baselines.ChunkBaseline.reply``: the top chunk, quoted and cited, nothing else.
* shipped path: ``bot.engine.Engine`` on an index built beforehand with ``bot index build`` (not timed):
  the ONNX query encoder stored in the index (onnxruntime, one thread), hybrid BM25 + FAISS retrieval with
  weighted RRF over sentences, and the full ``Bot.reply`` (spelling repair, safety net, answerability,
  selection, citations).
* import + load: in a fresh interpreter per run, both paths alternating: importing what the path needs, then
  loading it (naive: build the torch model, parse, chunk and embed the corpus; shipped: check and load the
  index, create the ONNX session, build the Bot), then one first reply. The wall time of the whole
  subprocess (interpreter start to exit) is the cold process start. Median of ``--cold-runs``.
  ``VmHWM`` (peak RSS) is read at the end of each probe.
* warm, in this process: both paths loaded side by side and warmed; then for each of ``--queries`` distinct
  questions (every turn of eval/dev.jsonl and eval/holdout.jsonl, reworded on each pass so none repeats) the
  two paths take turns (who goes first alternates), so a change in machine load hits both alike.
  - query embedding: ``encode([q])`` of the torch model vs the ONNX encoder;
  - retrieval: naive = encode + cosine against every chunk + top 5; shipped = ``HybridRetriever.search(q, 5)``
    with the ONNX encoder and no query-vector cache;
  - reply: ``ChunkBaseline.reply`` vs ``Engine.bot.reply`` on a one-message conversation (the bot's own
    query-vector cache cannot hit: every question is new).
  Wall and process-CPU milliseconds are both recorded; CPU time barely moves when other processes share
  the cores. Loading torch in this process sets one OpenMP thread for it, which FAISS then inherits
  (``bot serve`` never loads torch); on the seed corpus's 49 sentences that changes nothing measurable
  (shipped search p50 5.5-5.7 ms without torch, 5.6-5.9 ms with), but with ``--articles`` in the thousands
  of sentences it flatters the shipped path (see bench/growth_bench.py, which serves from a torch-free child).

Ratios are naive / shipped: above 1 means the shipped path is faster.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, code_version, distinct_questions, md_table, percentile

DATASETS = ("eval/dev.jsonl", "eval/holdout.jsonl")
REWORDINGS = ("{q}", "so {q}", "{q} please", "quick question {q}", "i was wondering {q}", "{q} thanks")
FIRST_QUESTION = "why might my nerve test be normal?"
TOP_K = 5

PROBE = r"""
import json, sys, time
t0 = time.perf_counter()
mode, corpus, index, threads, question = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
msgs = [{"role": "user", "content": question}]
if mode == "naive":
    import torch, sentence_transformers  # noqa: F401
    from bot.baselines import ChunkBaseline
    from bot.corpus import load_corpus
    from bot.embedder import SentenceTransformerEmbedder
    from bot.settings import Settings
    t1 = time.perf_counter()
    settings = Settings()
    embedder = SentenceTransformerEmbedder(settings.model_dir, settings.model_name, threads)
    t2 = time.perf_counter()
    articles, _ = load_corpus(corpus)
    class Corpus:  # what fixed_chunks reads: the parsed articles
        pass
    c = Corpus(); c.articles = {a.doc_id: a for a in articles}
    system = ChunkBaseline(c, embedder)
    t3 = time.perf_counter()
    reply = system.reply(msgs)
else:
    from pathlib import Path
    from bot.engine import Engine
    from bot.settings import Settings
    t1 = time.perf_counter()
    engine = Engine(Settings().with_overrides(corpus_dir=Path(corpus), index_dir=Path(index), auto_rebuild=False))
    engine.embedder  # the ONNX session
    t2 = time.perf_counter()
    system = engine.bot  # Vocabulary, corpus terms
    t3 = time.perf_counter()
    reply = system.reply(msgs)
t4 = time.perf_counter()
status = open("/proc/self/status").read().splitlines()
hwm = int(next(l for l in status if l.startswith("VmHWM")).split()[1]) / 1024
print(json.dumps({"import_s": t1 - t0, "model_s": t2 - t1, "prepare_s": t3 - t2, "first_reply_s": t4 - t3,
                  "to_first_reply_s": t4 - t0, "peak_rss_mb": hwm, "reply": reply.reply[:80]}))
"""


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def probe(mode: str, corpus: Path, index: Path, threads: int) -> dict:
    cmd = [sys.executable, "-c", PROBE, mode, str(corpus), str(index), str(threads), FIRST_QUESTION]
    proc, wall = timed(subprocess.run, cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} probe failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_wall_s"] = wall
    return out


def side_by_side(naive, shipped, questions: list[str]) -> tuple[dict, dict]:
    """Wall and CPU ms of ``naive(q)`` and ``shipped(q)`` for every question, taking turns (first alternates)."""
    times = {"naive": ([], []), "shipped": ([], [])}
    fns = (("naive", naive), ("shipped", shipped))
    for i, q in enumerate(questions):
        for name, fn in (fns if i % 2 == 0 else fns[::-1]):
            c0, t0 = time.process_time(), time.perf_counter()
            fn(q)
            times[name][0].append((time.perf_counter() - t0) * 1000)
            times[name][1].append((time.process_time() - c0) * 1000)
    return tuple({"n": len(w), "p50_ms": percentile(w, 50), "p95_ms": percentile(w, 95), "p99_ms": percentile(w, 99),
                  "mean_ms": statistics.fmean(w), "cpu_p50_ms": percentile(c, 50), "cpu_mean_ms": statistics.fmean(c)}
                 for w, c in times.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=int, default=200, help="distinct questions timed in process")
    ap.add_argument("--cold-runs", type=int, default=5, help="fresh-process probes per path (median reported)")
    ap.add_argument("--torch-threads", type=int, default=1, help="torch threads of the naive path (product builds use 1)")
    ap.add_argument("--articles", type=int, help="use the first N articles of bench/growth_bench.py's generated "
                    "corpus instead of corpus/ (the naive path then embeds all their chunks at start)")
    ap.add_argument("--quick", action="store_true", help="60 queries and 2 cold runs (a smoke run)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of Markdown tables")
    args = ap.parse_args(argv)
    if args.quick:
        args.queries, args.cold_runs = 60, 2
    logging.basicConfig(level=logging.WARNING)
    load_start, version = os.getloadavg()[0], code_version()
    questions = distinct_questions(args.queries, DATASETS, REWORDINGS)

    with tempfile.TemporaryDirectory(prefix="naive-bench-") as tmp:
        corpus = ROOT / "corpus"
        if args.articles:
            from growth_bench import generate_articles, write_corpus

            corpus = Path(tmp) / "corpus"
            write_corpus(corpus, generate_articles(args.articles, seed=6))
        index = Path(tmp) / "index"
        subprocess.run([str(ROOT / ".venv/bin/bot"), "index", "build", "--corpus", str(corpus), "--index", str(index)],
                       cwd=ROOT, check=True, capture_output=True, text=True)

        # 1. Cold processes, alternating so both see the same machine load.
        cold = {"naive": [], "shipped": []}
        for _ in range(args.cold_runs):
            for mode in ("naive", "shipped"):
                cold[mode].append(probe(mode, corpus, index, args.torch_threads))
        print(f"cold probes done, load avg {os.getloadavg()[0]:.2f}", file=sys.stderr)

        # 2. Both paths in this process, warm.
        from bot.baselines import ChunkBaseline
        from bot.embedder import SentenceTransformerEmbedder
        from bot.engine import Engine
        from bot.retrieval import HybridRetriever
        from bot.settings import Settings

        settings = Settings().with_overrides(corpus_dir=corpus, index_dir=index, auto_rebuild=False)
        engine = Engine(settings)
        engine.warm()
        torch_model = SentenceTransformerEmbedder(settings.model_dir, settings.model_name, args.torch_threads)
        naive = ChunkBaseline(engine.index, torch_model)
        onnx = engine.embedder
        plain = HybridRetriever(engine.index, onnx, engine.retriever.config)  # no query-vector cache

        def naive_search(q):
            scores = naive.vectors @ torch_model.encode([q])[0]
            return scores.argsort()[::-1][:TOP_K]

        for i in range(5):
            w = f"warm-up number {i}: does lupus affect the nerves?"
            naive.reply([{"role": "user", "content": w}]), engine.bot.reply([{"role": "user", "content": w}])
            naive_search(w), plain.search(w, TOP_K)
        conv = lambda q: [{"role": "user", "content": q}]  # noqa: E731
        warm = {
            "encode": side_by_side(lambda q: torch_model.encode([q]), lambda q: onnx.encode([q]), questions),
            "retrieval": side_by_side(naive_search, lambda q: plain.search(q, TOP_K), questions),
            "reply": side_by_side(lambda q: naive.reply(conv(q)), lambda q: engine.bot.reply(conv(q)), questions),
        }
        units = {"naive": f"{len(naive.chunks)} chunks of <= 500 characters",
                 "shipped": f"{len(engine.index.sentences)} sentences"}

    med = lambda runs, key: statistics.median(r[key] for r in runs)  # noqa: E731
    result = {
        "commit": version, "queries": len(questions), "distinct": len(set(questions)), "cold_runs": args.cold_runs,
        "torch_threads": args.torch_threads, "corpus": str(corpus.relative_to(ROOT)) if not args.articles
        else f"generated, {args.articles} articles", "units": units,
        "cold": {m: {k: med(runs, k) for k in ("import_s", "model_s", "prepare_s", "first_reply_s",
                                               "to_first_reply_s", "process_wall_s", "peak_rss_mb")}
                 for m, runs in cold.items()},
        "cold_runs_wall_s": {m: [r["process_wall_s"] for r in runs] for m, runs in cold.items()},
        "warm": {k: {"naive": v[0], "shipped": v[1]} for k, v in warm.items()},
        "loadavg_1m": {"start": load_start, "end": os.getloadavg()[0], "cpus": os.cpu_count()},
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    la = result["loadavg_1m"]
    print(f"commit {version}; corpus {result['corpus']} (naive: {units['naive']}; shipped: {units['shipped']}); "
          f"naive torch threads {args.torch_threads}; {len(questions)} distinct questions; cold runs {args.cold_runs} "
          f"(medians); 1-minute load average {la['start']:.2f} at start, {la['end']:.2f} at end, {la['cpus']} CPUs\n")
    ratio = lambda a, b: "-" if not b else f"{a / b:.1f}x" if a >= b else f"{a / b:.2f}x"  # noqa: E731
    c = result["cold"]
    rows = []
    for key, label in (("import_s", "import, s"),
                       ("model_s", "load the model, s (naive: torch model; shipped: index + ONNX session)"),
                       ("prepare_s", "prepare, s (naive: parse, chunk, embed the corpus; shipped: build the Bot)"),
                       ("first_reply_s", "first reply, s"),
                       ("to_first_reply_s", "import + load + first reply, s (in the process)"),
                       ("process_wall_s", "cold process start to exit, s (wall)"),
                       ("peak_rss_mb", "peak RSS, MB")):
        rows.append({"what": label, "naive": f"{c['naive'][key]:.3f}", "shipped": f"{c['shipped'][key]:.3f}",
                     "naive / shipped": ratio(c["naive"][key], c["shipped"][key])})
    print(f"## Cold process (median of {args.cold_runs} fresh interpreters each)\n\n"
          + md_table(rows, ["what", "naive", "shipped", "naive / shipped"]) + "\n")
    rows = []
    for key, label in (("encode", "query embedding (torch vs ONNX)"),
                       ("retrieval", f"retrieval, top {TOP_K} (brute-force cosine over chunks vs hybrid over sentences)"),
                       ("reply", "reply (top chunk vs full Bot.reply)")):
        n, s = result["warm"][key]["naive"], result["warm"][key]["shipped"]
        for p in ("p50", "p99", "cpu_p50"):
            name = {"p50": "p50 ms", "p99": "p99 ms", "cpu_p50": "CPU p50 ms"}[p]
            rows.append({"what": f"{label}, {name}", "naive": f"{n[p + '_ms']:.2f}", "shipped": f"{s[p + '_ms']:.2f}",
                         "naive / shipped": ratio(n[p + "_ms"], s[p + "_ms"])})
    print(f"## Warm, in process ({len(questions)} distinct questions, paths taking turns)\n\n"
          + md_table(rows, ["what", "naive", "shipped", "naive / shipped"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
