"""Speed benchmark: model load, index build, warm query latency and a cold CLI search.

Run from the repository root::

    .venv/bin/python bench/speed_bench.py [--first-builds 5] [--builds 5] [--queries 200] [--cold-runs 3] [--torch-threads N] [--json]

Run it on an otherwise idle machine: with another CPU-bound process on 2 cores, torch's default thread
pool stalls and query latency grew 30-40x in our runs. The 1-minute load average is printed to make
that visible.

* model load: importing sentence-transformers/torch, then constructing ``SentenceTransformerEmbedder``
  (measured first, in this fresh process).
* index build: ``build_index`` of the seed corpus with the model already loaded: median of
  ``--first-builds`` first builds, each into an empty folder (every vector embedded, the ONNX encoder
  exported), and of ``--builds`` builds into one folder (after the first, each reuses the vectors and the
  export of the one before). Every build re-hashes the model weights (shown separately).
* warm query latency: ``HybridRetriever.search`` (fused, default settings) over ``--queries`` distinct
  questions taken from eval/*.jsonl, reworded on each pass through the list so none repeats; a few
  unrelated warm-up queries run first and are not timed.
* cold CLI: wall time of ``bot search "why is my nerve test normal" --index <built> --corpus corpus
  --no-rebuild`` as a subprocess (new interpreter, imports, model load, index load, one query).
* ONNX serving: the encoder every real build exports (``encoder.onnx``) against the torch model, side by
  side: load time, single-query encode latency, warm ``HybridRetriever.search`` latency over the same
  distinct questions, and cold ``bot ask "why might my nerve test be normal?" --json`` wall time on the
  built index (ONNX path) and on a second index built without the export (torch path, as before).
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
from retrieval_bench import DATASETS, load_questions

COLD_QUERY = "why is my nerve test normal"
ASK_QUESTION = "why might my nerve test be normal?"


class TorchOnly:
    """The torch embedder without ``export_onnx``: its index has no encoder, so the CLI embeds with torch."""

    def __init__(self, inner):
        self.inner, self.name, self.dim = inner, inner.name, inner.dim

    def encode(self, texts):
        return self.inner.encode(texts)


ONNX_LOAD_PROBE = """
import json, sys, time
t0 = time.perf_counter()
import onnxruntime, tokenizers
from bot.embedder import OnnxEmbedder
t1 = time.perf_counter()
OnnxEmbedder(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
print(json.dumps([t1 - t0, time.perf_counter() - t1]))
"""


def time_each(fn, items) -> list[float]:
    return [timed(fn, item)[1] * 1000 for item in items]


def summary(values_ms: list[float]) -> dict:
    return {"n": len(values_ms), "p50_ms": percentile(values_ms, 50), "p95_ms": percentile(values_ms, 95),
            "mean_ms": statistics.fmean(values_ms), "max_ms": max(values_ms)}


def cold_runs(cmd: list[str], runs: int) -> list[float]:
    """Wall seconds of ``runs`` fresh subprocesses of ``cmd`` (each must exit 0)."""
    out = []
    for _ in range(runs):
        proc, elapsed = timed(subprocess.run, cmd, cwd=ROOT, capture_output=True, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"`{' '.join(cmd[:2])}` failed ({proc.returncode}): {proc.stderr.strip()}")
        out.append(elapsed)
    return out
# Each pass through the question list uses the next wording, so every timed query is a new string.
REWORDINGS = ("{q}", "so {q}", "{q} please", "quick question {q}", "i was wondering {q}", "{q} thanks")


def timed(fn, *args, **kwargs):
    """(result, seconds)"""
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--first-builds", type=int, default=5, help="builds into an empty folder to time (median reported)")
    ap.add_argument("--builds", type=int, default=5, help="rebuilds to time (median reported; the first is a first build)")
    ap.add_argument("--queries", type=int, default=200, help="distinct warm queries to time")
    ap.add_argument("--cold-runs", type=int, default=3, help="cold `bot search` subprocesses to time")
    ap.add_argument("--torch-threads", type=int, help="torch.set_num_threads(N) before loading (default: torch's)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of Markdown tables")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    load_before, version = os.getloadavg()[0], code_version()

    # 1. Model load, first thing in this process so the import cost is real.
    t0 = time.perf_counter()
    import bm25s  # noqa: F401  (imported here so its cost is not billed to the first build)
    import sentence_transformers  # noqa: F401
    import_s = time.perf_counter() - t0
    import torch

    if args.torch_threads:
        torch.set_num_threads(args.torch_threads)
    logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG on import

    from bot.embedder import SentenceTransformerEmbedder, weights_sha256
    from bot.index_store import build_index, load_index
    from bot.retrieval import HybridRetriever, RetrieverConfig
    from bot.settings import Settings

    settings = Settings().with_overrides(corpus_dir=ROOT / "corpus")
    embedder, construct_s = timed(SentenceTransformerEmbedder, settings.model_dir, settings.model_name)
    _, first_encode_s = timed(embedder.encode, ["warm-up sentence for the first forward pass"])
    _, hash_s = timed(weights_sha256, settings.model_dir)

    result: dict = {"model": {"import_s": import_s, "construct_s": construct_s, "load_total_s": import_s + construct_s,
                              "first_encode_s": first_encode_s, "weights_sha256_s": hash_s}}
    n_questions = {Path(d).stem: len(load_questions(ROOT / d)) for d in DATASETS}

    with tempfile.TemporaryDirectory(prefix="speed-bench-") as tmp:
        index_dir = Path(tmp) / "index"
        build_settings = settings.with_overrides(index_dir=index_dir)

        # 2. Index builds with the model in memory. First builds go into an empty folder each (nothing to
        # reuse: every vector embedded, the encoder exported); rebuilds into the same folder reuse the vectors
        # and export of the build before.
        first_times = []
        for i in range(args.first_builds):
            first_times.append(timed(build_index, settings.with_overrides(index_dir=Path(tmp) / f"first{i}"), embedder)[1])
        build_times = []
        for _ in range(args.builds):
            (manifest, _problems), elapsed = timed(build_index, build_settings, embedder)
            build_times.append(elapsed)
        result["build"] = {"runs_s": build_times, "median_s": statistics.median(build_times),
                           "min_s": min(build_times), "max_s": max(build_times),
                           "sentences": manifest.sentences, "articles": manifest.articles,
                           "first_runs_s": first_times, "first_median_s": statistics.median(first_times)}
        index, load_s = timed(load_index, build_settings)
        result["build"]["load_index_s"] = load_s

        # 3. Warm query latency.
        retriever = HybridRetriever(index, embedder, RetrieverConfig(candidates=settings.candidates,
                                                                     rrf_k=settings.rrf_k,
                                                                     dense_weight=settings.dense_weight))
        for i in range(5):
            retriever.search(f"warm up query number {i} about lupus", k=settings.top_k)
        queries = distinct_questions(args.queries, DATASETS, REWORDINGS)
        latencies_ms = [timed(retriever.search, q, settings.top_k)[1] * 1000 for q in queries]
        result["query"] = {"n": len(queries), "distinct": len(set(queries)), "k": settings.top_k,
                           "p50_ms": percentile(latencies_ms, 50), "p95_ms": percentile(latencies_ms, 95),
                           "mean_ms": statistics.fmean(latencies_ms), "max_ms": max(latencies_ms)}

        # 4. Cold CLI search against the index just built.
        cmd = [str(ROOT / ".venv/bin/bot"), "search", COLD_QUERY, "--index", str(index_dir),
               "--corpus", str(ROOT / "corpus"), "--no-rebuild"]
        cold = []
        for _ in range(args.cold_runs):
            proc, elapsed = timed(subprocess.run, cmd, cwd=ROOT, capture_output=True, text=True)
            if proc.returncode != 0:
                raise SystemExit(f"`bot search` failed ({proc.returncode}): {proc.stderr.strip()}")
            cold.append(elapsed)
        result["cold_cli"] = {"command": f'.venv/bin/bot search "{COLD_QUERY}" --index <built> --corpus corpus --no-rebuild',
                              "runs_s": cold, "median_s": statistics.median(cold),
                              "top_hit": proc.stdout.splitlines()[1].strip() if proc.stdout else None}

        # 5. ONNX serving against the torch path, same index, same questions.
        from bot.embedder import OnnxEmbedder

        # Load cost in a fresh interpreter: this one already imported torch.onnx (and maybe onnx) for the build.
        probe = subprocess.run([sys.executable, "-c", ONNX_LOAD_PROBE, str(index.folder), manifest.model_name,
                                str(manifest.dim), str(settings.onnx_threads)], capture_output=True, text=True, check=True)
        onnx_import_s, onnx_construct_s = json.loads(probe.stdout)
        onnx = OnnxEmbedder(index.folder, manifest.model_name, manifest.dim, settings.onnx_threads)
        sample = ["Can lupus cause nerve pain?", "why is my nerve test normal", "Névropathie : douleur brûlante 🔥",
                  " ".join(["Small-fiber neuropathy damages small nerve fibers."] * 40)]
        ours, theirs = onnx.encode(sample), embedder.encode(sample)
        for i in range(5):
            onnx.encode([f"warm up query number {i} about lupus"])
        onnx_retriever = HybridRetriever(index, onnx, retriever.config)
        for i in range(5):
            onnx_retriever.search(f"warm up query number {i} about lupus", k=settings.top_k)
        encode_queries = queries  # neither path caches, so both see the same strings
        # What serving embeds questions with: the int8 copy of the same export.
        int8 = OnnxEmbedder(index.folder, manifest.model_name, manifest.dim, settings.onnx_threads,
                            file=manifest.query_encoder)
        for i in range(5):
            int8.encode([f"warm up query number {i} about lupus"])
        result["onnx"] = {
            "import_s": onnx_import_s, "construct_s": onnx_construct_s,
            "encoder_mb": (index.folder / manifest.encoder).stat().st_size / 1e6,
            "min_cosine_vs_torch": float((ours * theirs).sum(axis=1).min()),
            "threads": settings.onnx_threads,
            "encode_torch": summary(time_each(lambda q: embedder.encode([q]), encode_queries)),
            "encode_onnx": summary(time_each(lambda q: onnx.encode([q]), encode_queries)),
            "encode_int8": summary(time_each(lambda q: int8.encode([q]), encode_queries)),
            "min_cosine_int8_vs_torch": float((int8.encode(sample) * theirs).sum(axis=1).min()),
            "search_torch": result["query"],
            "search_onnx": summary(time_each(lambda q: onnx_retriever.search(q, settings.top_k),
                                                queries)),
        }

        # 6. Cold `bot ask` on the ONNX index and on an index built without the export (the torch path).
        torch_index = Path(tmp) / "index-torch"
        build_index(settings.with_overrides(index_dir=torch_index), TorchOnly(embedder))
        bot = str(ROOT / ".venv/bin/bot")
        for label, folder in (("onnx", index_dir), ("torch", torch_index)):
            for command in ("ask", "search"):
                text = ASK_QUESTION if command == "ask" else COLD_QUERY
                cmd = [bot, command, text, *(["--json"] if command == "ask" else []), "--index", str(folder),
                       "--corpus", str(ROOT / "corpus"), "--no-rebuild"]
                runs = cold_runs(cmd, args.cold_runs)
                result["onnx"][f"cold_{command}_{label}"] = {"runs_s": runs, "median_s": statistics.median(runs)}
    result["questions_in_datasets"] = n_questions
    # Other processes on the box skew every number here; the 1-minute load average lets a reader judge.
    result["commit"] = version
    result["torch_threads"] = torch.get_num_threads()
    result["loadavg_1m"] = {"start": load_before, "end": os.getloadavg()[0], "cpus": os.cpu_count()}

    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    m, b, q, c = result["model"], result["build"], result["query"], result["cold_cli"]
    la = result["loadavg_1m"]
    print(f"commit {result['commit']}; torch threads {result['torch_threads']}; 1-minute load average "
          f"{la['start']:.2f} at start, {la['end']:.2f} at end, {la['cpus']} CPUs "
          "(numbers are only comparable on an otherwise idle machine)\n")
    print("## Model load\n\n" + md_table([
        {"step": "import sentence-transformers + torch + bm25s", "seconds": m["import_s"]},
        {"step": "SentenceTransformerEmbedder(...)", "seconds": m["construct_s"]},
        {"step": "model load total", "seconds": m["load_total_s"]},
        {"step": "first encode (1 text)", "seconds": m["first_encode_s"]},
        {"step": "sha256 of model.safetensors (done by every build)", "seconds": m["weights_sha256_s"]},
    ], ["step", "seconds"]) + "\n")
    print(f"## Index build ({b['articles']} article, {b['sentences']} sentences, model loaded)\n\n" + md_table([
        {"builds": f"{len(b['first_runs_s'])} first builds (empty folder)", "median s": b["first_median_s"],
         "min s": min(b["first_runs_s"]), "max s": max(b["first_runs_s"]),
         "all runs s": ", ".join(f"{t:.3f}" for t in b["first_runs_s"]), "load_index s": ""},
        {"builds": f"{len(b['runs_s'])} builds into one folder", "median s": b["median_s"], "min s": b["min_s"], "max s": b["max_s"],
         "all runs s": ", ".join(f"{t:.3f}" for t in b["runs_s"]), "load_index s": b["load_index_s"]},
    ], ["builds", "median s", "min s", "max s", "all runs s", "load_index s"]) + "\n")
    print(f"## Warm query latency (HybridRetriever.search, fused, k={q['k']})\n\n" + md_table([
        {"queries": q["n"], "distinct": q["distinct"], "p50 ms": q["p50_ms"], "p95 ms": q["p95_ms"],
         "mean ms": q["mean_ms"], "max ms": q["max_ms"]},
    ], ["queries", "distinct", "p50 ms", "p95 ms", "mean ms", "max ms"]) + "\n")
    print(f"## Cold CLI\n\n`{c['command']}`\n\n" + md_table([
        {"runs": len(c["runs_s"]), "median s": c["median_s"], "all runs s": ", ".join(f"{t:.2f}" for t in c["runs_s"])},
    ], ["runs", "median s", "all runs s"]) + f"\n\ntop hit: {c['top_hit']}\n")
    o = result["onnx"]
    ratio = lambda a, b: f"{a / b:.1f}x" if b else "-"  # noqa: E731
    rows = [
        {"what": "import, s (onnxruntime + tokenizers + bot.embedder vs sentence-transformers + torch + bm25s)", "torch": m["import_s"],
         "onnx": o["import_s"], "torch / onnx": ratio(m["import_s"], o["import_s"])},
        {"what": "construct embedder, s", "torch": m["construct_s"], "onnx": o["construct_s"],
         "torch / onnx": ratio(m["construct_s"], o["construct_s"])},
    ]
    for key, label in (("encode", "encode one query"), ("search", "HybridRetriever.search")):
        for p in ("p50", "p95"):
            t, x = o[f"{key}_torch"][f"{p}_ms"], o[f"{key}_onnx"][f"{p}_ms"]
            rows.append({"what": f"{label}, {p} ms ({o[f'{key}_onnx']['n']} distinct)", "torch": t, "onnx": x,
                         "torch / onnx": ratio(t, x)})
    for p in ("p50", "p95"):
        t, x = o["encode_torch"][f"{p}_ms"], o["encode_int8"][f"{p}_ms"]
        rows.append({"what": f"encode one query with the int8 query encoder (min cosine vs torch "
                             f"{o['min_cosine_int8_vs_torch']:.3f}), {p} ms", "torch": t, "onnx": x,
                     "torch / onnx": ratio(t, x)})
    for command in ("ask", "search"):
        t, x = o[f"cold_{command}_torch"], o[f"cold_{command}_onnx"]
        rows.append({"what": f"cold `bot {command}` wall, median s (torch runs {', '.join(f'{v:.2f}' for v in t['runs_s'])};"
                             f" onnx runs {', '.join(f'{v:.2f}' for v in x['runs_s'])})",
                     "torch": t["median_s"], "onnx": x["median_s"], "torch / onnx": ratio(t["median_s"], x["median_s"])})
    print(f"## ONNX serving (encoder.onnx {o['encoder_mb']:.1f} MB, onnxruntime threads {o['threads']}, "
          f"min cosine vs torch {o['min_cosine_vs_torch']:.6f})\n\n"
          + md_table(rows, ["what", "torch", "onnx", "torch / onnx"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
