"""Growth benchmark: index build, index size, reply and search latency at 1, 10, 100 and 1,000 articles.

Run from the repository root::

    .venv/bin/python bench/growth_bench.py [--sizes 1,10,100,1000] [--questions 200] [--quick] [--profile]
                                           [--keep DIR] [--json]

Run it on an otherwise idle machine if you can; the 1-minute load average is printed at start and end.
The 1,000-article build embeds ~25,000 sentences on one torch thread (5-6 minutes when quiet, ~10 under load);
``--keep DIR`` keeps the corpora and indexes, and a later run with the same folder reuses the fresh indexes
(reporting the build times recorded when they were built), so serving can be re-measured in ~3 minutes.

* corpus: article 1 is the seed article (corpus/does-lupus-cause-nerve-pain.md) as it is; articles 2..N are
  generated from it with a seeded RNG (``--seed``): each has a distinct title (subject x angle x reader) and
  file name, an introduction, 3-5 ``##`` sections (sometimes a ``###`` one) whose headings are the seed's or
  variants of them, half of them naming the article's subject, and paragraphs of the seed's sentences drawn
  without repetition, mostly from the seed section the heading comes from (~25 sentences an article; the
  seed has 49). Every generated file is parsed by ``bot.corpus.load_corpus`` with no problems (checked).
  The corpus for size N is the first N articles, so each size contains the smaller ones. Because the text is
  recombined, the vocabulary barely grows with N (a real corpus's would), and each sentence occurs in many
  articles.
* index build: ``build_index`` into a folder with the torch model already loaded (the same object for every
  size; ``--torch-threads``, default 1 like the product). The ONNX export that every real build does **is
  included**; the time spent embedding and exporting is shown separately too.
* index size: every file of the built folder, with and without the ONNX encoder (``encoder.onnx`` and
  ``tokenizer.json``, about 91 MB whatever the corpus size).
* serving: in a child process that never imports torch (as ``bot serve`` on a fresh index; torch would set
  one OpenMP thread for the whole process, and FAISS would inherit it), one ``Engine`` per size, loaded as
  ``bot serve`` loads it (index, ONNX query encoder, Bot), then ``Engine.warm()`` and five unrelated warm-up
  replies; its load time is shown, and the peak RSS (VmHWM) of a separate process that loads and warms the
  same Engine.
* reply p50 / p95: ``engine.bot.reply`` on one-message conversations, in process, over ``--questions``
  distinct questions: every turn of eval/dev.jsonl, reworded on each pass through the list, so no question
  repeats and the query-vector cache never hits. The same list at every size, and the sizes take turns on
  each question (rotating who goes first), so a change in machine load hits every size alike. Wall and
  process-CPU milliseconds are both recorded; the CPU figure barely moves when other processes share the
  cores, but it includes FAISS's OpenMP threads spinning on after a search, which the turn-taking partly
  bills to the next size (compare wall times across sizes). Replies that abstain also compute suggestions;
  their p50 is shown separately.
* search p50 / p95: ``HybridRetriever.search`` (k = 5, default fusion) with the same ONNX encoder but without
  the caching wrapper, over the same questions, sizes taking turns.
* profile: with ``--profile``, or when the reply p50 at the largest size is more than twice the one at the
  smallest, cProfile over ``--profile-questions`` further distinct replies at the largest size.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import logging
import os
import pstats
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, code_version, distinct_questions, md_table, percentile

SEED_ARTICLE = ROOT / "corpus" / "does-lupus-cause-nerve-pain.md"
DATASETS = ("eval/dev.jsonl",)
REWORDINGS = ("{q}", "so {q}", "{q} please", "quick question {q}", "i was wondering {q}", "{q} thanks")
PROFILE_REWORDINGS = ("hello, {q}", "{q} (asking for a friend)", "one more: {q}", "sorry, {q}")
TARGET_RATIO = 2.0  # reply p50 at the largest size within 2x of the smallest (issue 6)

# Title parts: 25 x 8 x 5 = 1,000 distinct titles before any number is needed.
SUBJECTS = (
    "Lupus Nerve Pain", "Small-Fiber Neuropathy", "Peripheral Neuropathy", "Mononeuritis Multiplex",
    "Vasculitis and the Nerves", "Neuropsychiatric Lupus", "Burning Feet", "Tingling Hands",
    "Numbness in Lupus", "Nerve Conduction Studies", "Skin Punch Biopsy", "Electromyography",
    "Autoantibodies and Nerves", "Antiphospholipid Antibodies", "Lupus Brain Fog", "Gabapentin and Pregabalin",
    "Tricyclic Antidepressants", "Lidocaine Patches", "Corticosteroids for Lupus", "Immunosuppressive Therapy",
    "Cyclophosphamide", "Mycophenolate Mofetil", "Physical Therapy", "Stocking-and-Glove Pain", "Myelin Damage",
)
ANGLES = ("A Plain Guide", "What to Expect", "Questions Patients Ask", "First Steps", "Common Myths",
          "Living With It", "Key Facts", "When to See a Doctor")
READERS = ("for Patients", "for Families", "After a New Diagnosis", "for Caregivers", "for Young Adults")
# Headings for each seed section group (the seed's own heading first); sentences come mostly from that group.
HEADINGS = {
    "link": ("The Direct Link Between Lupus and Nerve Damage", "How Lupus Damages Nerves", "Why Nerves Get Hurt",
             "Inflammation and the Nerves", "Blood Vessels and Nerve Injury"),
    "types": ("Specific Types of Nerve Involvement", "Kinds of Nerve Problems", "Where the Pain Shows Up",
              "Less Common Nerve Problems", "Patterns of Nerve Damage"),
    "diagnosis": ("Confirming the Diagnosis", "Tests Your Doctor May Order", "Ruling Out Other Causes",
                  "Nerve Tests and Biopsy", "How Doctors Check the Nerves"),
    "managing": ("Managing Neuropathic Pain in Lupus", "Treating the Underlying Lupus", "Medicines for Nerve Pain",
                 "Therapy and Daily Life", "Relief From Nerve Pain"),
}
SUBHEADINGS = ("Pharmacological Management", "Supportive Therapies", "What Patients Describe", "Questions to Ask",
               "A Closer Look", "In Short")
# Seed section index -> group (0 is the introduction).
SEED_GROUPS = {1: "link", 2: "types", 3: "diagnosis", 4: "managing", 5: "managing", 6: "managing"}


def slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def seed_pools() -> tuple[list[str], dict[str, list[str]]]:
    """The seed article's sentences: the introduction's, and each section group's."""
    from bot.corpus import parse_article

    article, _ = parse_article(SEED_ARTICLE)
    intro, groups = [], {g: [] for g in HEADINGS}
    for s in article.sentences:
        (intro if s.section == 0 else groups[SEED_GROUPS[s.section]]).append(s.text)
    return intro, groups


def generate_articles(n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` (file name, Markdown) pairs: the seed article, then ``n - 1`` recombinations of it."""
    intro, groups = seed_pools()
    everything = intro + [s for g in groups.values() for s in g]
    rng = random.Random(seed)
    titles = [f"{s}: {a} {r}" for s in SUBJECTS for a in ANGLES for r in READERS]
    rng.shuffle(titles)
    out = [(SEED_ARTICLE.name, SEED_ARTICLE.read_text(encoding="utf-8"))]
    used = {SEED_ARTICLE.stem}
    for i in range(n - 1):
        title = titles[i] if i < len(titles) else f"{titles[i % len(titles)]}, Part {i // len(titles) + 1}"
        subject = title.split(":")[0]
        taken: set[str] = set()

        def draw(pool: list[str], k: int) -> list[str]:
            free = [s for s in pool if s not in taken] or [s for s in everything if s not in taken]
            picked = rng.sample(free, min(k, len(free)))
            taken.update(picked)
            return picked

        lines = [f"# {title}", ""]
        opening = f"This page covers {subject.lower()} in people with lupus."
        lines += [" ".join([opening, *draw(intro, rng.randint(1, 3))]), ""]
        chosen = rng.sample(list(HEADINGS), rng.randint(3, 4))
        if rng.random() < 0.25:
            chosen.append(rng.choice(list(HEADINGS)))  # a fifth section, from a group already used
        for group in chosen:
            heading = rng.choice(HEADINGS[group])
            if rng.random() < 0.5:
                heading = f"{subject}: {heading}"
            lines += [f"## {heading}", ""]
            for _ in range(rng.randint(1, 2)):
                pool = groups[group] if rng.random() < 0.8 else everything
                lines += [" ".join(draw(pool, rng.randint(2, 5))), ""]
            if rng.random() < 0.2:
                lines += [f"### {rng.choice(SUBHEADINGS)}", "", " ".join(draw(everything, rng.randint(2, 4))), ""]
        name = slug(title)
        assert name not in used, name
        used.add(name)
        out.append((f"{name}.md", "\n".join(lines).rstrip() + "\n"))
    return out


def write_corpus(folder: Path, articles: list[tuple[str, str]]) -> None:
    folder.mkdir(parents=True)
    for name, text in articles:
        (folder / name).write_text(text, encoding="utf-8")


def folder_bytes(folder: Path) -> dict[str, int]:
    sizes = {"total": 0, "encoder": 0, "dense.faiss": 0, "bm25": 0, "articles.json": 0}
    for p in folder.rglob("*"):
        if p.is_file():
            size = p.stat().st_size
            sizes["total"] += size
            rel = p.relative_to(folder).parts
            if p.name in ("encoder.onnx", "tokenizer.json"):
                sizes["encoder"] += size
            elif rel[0] == "bm25":
                sizes["bm25"] += size
            elif p.name in sizes:
                sizes[p.name] += size
    return sizes


class TimedEmbedder:
    """The torch embedder, timing its encode and ONNX export calls (what a build spends in the model)."""

    def __init__(self, inner):
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.encode_s = self.export_s = 0.0

    def encode(self, texts):
        t0 = time.perf_counter()
        try:
            return self.inner.encode(texts)
        finally:
            self.encode_s += time.perf_counter() - t0

    def export_onnx(self, folder):
        t0 = time.perf_counter()
        try:
            return self.inner.export_onnx(folder)
        finally:
            self.export_s += time.perf_counter() - t0


RSS_PROBE = """
import sys
from pathlib import Path
from bot.engine import Engine
from bot.settings import Settings
engine = Engine(Settings().with_overrides(corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]), auto_rebuild=False))
engine.warm()
status = Path("/proc/self/status").read_text()
print(int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1]) / 1024)
"""


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def conversation(q: str) -> list[dict]:
    return [{"role": "user", "content": q}]


def build_size(n: int, work: Path, articles: list[tuple[str, str]], embedder, settings) -> dict:
    """Write the corpus of the first ``n`` articles and build its index, or reuse a fresh one from an earlier
    ``--keep`` run (its timings are read back from ``build-N.json`` and marked as reused). ``embedder``
    is a function returning the torch model."""
    from bot.corpus import corpus_hash, load_corpus
    from bot.index_store import build_index, check_status

    corpus, index_dir = work / f"corpus-{n}", work / f"index-{n}"
    s = settings.with_overrides(corpus_dir=corpus, index_dir=index_dir, auto_rebuild=False)
    record = work / f"build-{n}.json"
    if corpus.exists() and record.exists() and check_status(s).fresh:
        out = json.loads(record.read_text())
        out["reused"] = True
        return out
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(index_dir, ignore_errors=True)  # from scratch: a rebuild over an index would reuse its ONNX export
    write_corpus(corpus, articles[:n])
    loaded, problems = load_corpus(corpus)
    if problems or len(loaded) != n:
        raise SystemExit(f"generated corpus of {n} articles has problems: {problems[:3]}")
    timer = TimedEmbedder(embedder())
    (manifest, _), build_s = timed(build_index, s, timer)
    out = {"articles": manifest.articles, "sections": manifest.sections, "sentences": manifest.sentences,
           "corpus_hash": corpus_hash(loaded)[:12], "build_s": build_s, "embed_s": timer.encode_s,
           "export_s": timer.export_s, "bytes": folder_bytes(index_dir), "reused": False,
           "loadavg_after": os.getloadavg()[0]}
    record.write_text(json.dumps(out))
    return out


def load_engine(n: int, work: Path, settings) -> tuple[object, dict]:
    from bot.engine import Engine

    engine = Engine(settings.with_overrides(corpus_dir=work / f"corpus-{n}", index_dir=work / f"index-{n}",
                                            auto_rebuild=False))
    _, load_s = timed(lambda: engine.bot)  # check_status (hashes the files), load_index, OnnxEmbedder, Bot(...)
    _, warm_s = timed(engine.warm)
    for i in range(5):
        engine.bot.reply(conversation(f"warm-up number {i}: does lupus affect the nerves?"))
    return engine, {"engine_load_s": load_s, "warm_s": warm_s}


def interleaved(fns: list, questions: list[str]) -> list[dict]:
    """Wall and process-CPU milliseconds of ``fns[j](q)`` for every question, the sizes taking turns
    (rotated per question), so a change in machine load hits every size alike."""
    wall = [[] for _ in fns]
    cpu = [[] for _ in fns]
    abstained = [[] for _ in fns]  # wall ms of the replies that abstained (they also compute suggestions)
    for i, q in enumerate(questions):
        for k in range(len(fns)):
            j = (i + k) % len(fns)
            c0, t0 = time.process_time(), time.perf_counter()
            r = fns[j](q)
            wall[j].append((time.perf_counter() - t0) * 1000)
            cpu[j].append((time.process_time() - c0) * 1000)
            if getattr(r, "abstained", False):
                abstained[j].append(wall[j][-1])
    return [{"n": len(w), "p50_ms": percentile(w, 50), "p95_ms": percentile(w, 95), "p99_ms": percentile(w, 99),
             "mean_ms": statistics.fmean(w), "cpu_p50_ms": percentile(c, 50), "cpu_mean_ms": statistics.fmean(c),
             "abstained": len(a), "abstained_p50_ms": percentile(a, 50)} for w, c, a in zip(wall, cpu, abstained)]


def peak_rss_mb(n: int, work: Path) -> float:
    """VmHWM of a fresh process that loads and warms the Engine for size ``n`` (what one server worker holds)."""
    probe = subprocess.run([sys.executable, "-c", RSS_PROBE, str(work / f"corpus-{n}"), str(work / f"index-{n}")],
                           cwd=ROOT, capture_output=True, text=True)
    return float(probe.stdout.strip()) if probe.returncode == 0 else float("nan")


def profile_replies(engine, questions: list[str], top: int) -> str:
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for q in questions:
        engine.bot.reply(conversation(q))
    prof.disable()
    wall = time.perf_counter() - t0
    out = io.StringIO()
    out.write(f"{len(questions)} replies, {wall:.2f} s under the profiler ({wall * 1000 / len(questions):.1f} ms a reply)\n")
    stats = pstats.Stats(prof, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def serve_child(work: Path, sizes: list[int], n_questions: int, profile: bool, profile_questions: int) -> dict:
    """Load every size's Engine in this (torch-free) process, time replies and searches, maybe profile."""
    from bot.retrieval import HybridRetriever
    from bot.settings import Settings

    settings = Settings()
    questions = distinct_questions(n_questions, DATASETS, REWORDINGS)
    results, engines = [], []
    for n in sizes:
        engine, load = load_engine(n, work, settings)
        results.append(load)
        engines.append(engine)
    replies = interleaved([lambda q, e=e: e.bot.reply(conversation(q)) for e in engines], questions)
    # The same questions again, through retrievers without the query-vector cache (new Vocabulary too).
    plain = [HybridRetriever(e.index, e.embedder, e.retriever.config) for e in engines]
    for p in plain:
        for i in range(5):
            p.search(f"warm-up number {i}: does lupus affect the nerves?", k=settings.top_k)
    searches = interleaved([lambda q, p=p: p.search(q, settings.top_k) for p in plain], questions)
    for r, rep, sea in zip(results, replies, searches):
        r["reply"], r["search"] = rep, sea
    print(f"replies and searches timed, load avg {os.getloadavg()[0]:.2f}; torch imported: "
          f"{'torch' in sys.modules}", file=sys.stderr)
    text = None
    if profile or results[-1]["reply"]["p50_ms"] / results[0]["reply"]["p50_ms"] > TARGET_RATIO:
        text = profile_replies(engines[-1], distinct_questions(profile_questions, DATASETS, PROFILE_REWORDINGS), 25)
    return {"results": results, "profile": text, "torch_imported": "torch" in sys.modules}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,10,100,1000", help="comma-separated article counts (default 1,10,100,1000)")
    ap.add_argument("--questions", type=int, default=200, help="distinct questions timed per size")
    ap.add_argument("--quick", action="store_true", help="sizes 1,10,100 and 60 questions (a smoke run)")
    ap.add_argument("--seed", type=int, default=6, help="RNG seed of the generated corpus")
    ap.add_argument("--torch-threads", type=int, default=1, help="torch threads for the builds (product default 1)")
    ap.add_argument("--profile", action="store_true", help="cProfile replies at the largest size even if the target is met")
    ap.add_argument("--profile-questions", type=int, default=100, help="distinct replies profiled")
    ap.add_argument("--keep", type=Path, help="keep corpora and indexes in this folder instead of a temp one; a later "
                    "run with the same folder reuses its fresh indexes (and reports their recorded build times)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of Markdown tables")
    ap.add_argument("--serve-child", type=Path, help=argparse.SUPPRESS)  # internal: the serving phase
    args = ap.parse_args(argv)
    sizes = [1, 10, 100] if args.quick else sorted({int(x) for x in args.sizes.split(",") if x.strip()})
    n_questions = 60 if args.quick else args.questions
    logging.basicConfig(level=logging.WARNING)
    if args.serve_child:
        print(json.dumps(serve_child(args.serve_child, sizes, n_questions, args.profile, args.profile_questions)))
        return 0
    load_start, version = os.getloadavg()[0], code_version()

    from bot.embedder import SentenceTransformerEmbedder
    from bot.settings import Settings

    settings = Settings()
    model: dict = {}

    def embedder():
        """The torch model, loaded on first use (a run that reuses every index never loads it)."""
        if "embedder" not in model:
            model["embedder"], model["load_s"] = timed(SentenceTransformerEmbedder, settings.model_dir,
                                                       settings.model_name, args.torch_threads)
            model["embedder"].encode(["warm-up sentence for the first forward pass"])
        return model["embedder"]

    questions = distinct_questions(n_questions, DATASETS, REWORDINGS)
    articles = generate_articles(max(sizes), args.seed)

    work = args.keep or Path(tempfile.mkdtemp(prefix="growth-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    profile_text = None
    try:
        results = []
        for n in sizes:
            results.append(build_size(n, work, articles, embedder, settings))
            r = results[-1]
            print(f"[{n} articles] build {r['build_s']:.1f} s{' (reused)' if r['reused'] else ''}, "
                  f"load avg {os.getloadavg()[0]:.2f}", file=sys.stderr)
        # Serving is measured in a child process that never imports torch, as `bot serve` on a fresh index:
        # loading torch here set one OpenMP thread for the whole process, and FAISS would inherit it.
        cmd = [sys.executable, str(Path(__file__).resolve()), "--serve-child", str(work),
               "--sizes", ",".join(map(str, sizes)), "--questions", str(n_questions),
               "--profile-questions", str(args.profile_questions), *(["--profile"] if args.profile else [])]
        child = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        if child.returncode != 0:
            raise SystemExit(f"serving child failed ({child.returncode})")
        served = json.loads(child.stdout)
        for r, s in zip(results, served["results"]):
            r.update(s)
        profile_text = served["profile"]
        for n, r in zip(sizes, results):
            r["peak_rss_mb"] = peak_rss_mb(n, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    base = results[0]["reply"]["p50_ms"]
    summary = {
        "commit": version, "sizes": sizes, "questions": len(questions), "distinct": len(set(questions)),
        "seed": args.seed, "torch_threads": args.torch_threads, "model_load_s": model.get("load_s"),
        "loadavg_1m": {"start": load_start, "end": os.getloadavg()[0], "cpus": os.cpu_count()},
        "results": results, "reply_p50_ratio": results[-1]["reply"]["p50_ms"] / base,
        "reply_cpu_p50_ratio": results[-1]["reply"]["cpu_p50_ms"] / results[0]["reply"]["cpu_p50_ms"],
        "target_met": results[-1]["reply"]["p50_ms"] / base <= TARGET_RATIO, "profile": profile_text,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    la = summary["loadavg_1m"]
    print(f"commit {version}; seed {args.seed}; torch threads {args.torch_threads} (builds); "
          f"{len(questions)} distinct questions from {', '.join(DATASETS)}; 1-minute load average "
          f"{la['start']:.2f} at start, {la['end']:.2f} at end, {la['cpus']} CPUs\n")
    mb = lambda b: b / 1e6  # noqa: E731
    rows = []
    for r in results:
        b = r["bytes"]
        rows.append({
            "articles": r["articles"], "sentences": r["sentences"],
            "build s": f"{r['build_s']:.2f}" + (" (earlier run)" if r["reused"] else ""), "of which embed s": f"{r['embed_s']:.2f}",
            "of which ONNX export s": f"{r['export_s']:.2f}",
            "index MB": f"{mb(b['total']):.1f}", "without encoder MB": f"{mb(b['total'] - b['encoder']):.2f}",
            "dense.faiss MB": f"{mb(b['dense.faiss']):.2f}", "bm25/ MB": f"{mb(b['bm25']):.2f}",
            "articles.json MB": f"{mb(b['articles.json']):.2f}",
        })
    print("## Index build and size\n\n" + md_table(rows, list(rows[0])) + "\n")
    rows = []
    for r in results:
        rows.append({
            "articles": r["articles"], "engine load s": f"{r['engine_load_s']:.2f}", "warm s": f"{r['warm_s']:.2f}",
            "peak RSS MB": f"{r['peak_rss_mb']:.0f}",
            "reply p50 ms": f"{r['reply']['p50_ms']:.1f}", "reply p95 ms": f"{r['reply']['p95_ms']:.1f}",
            "reply p50 vs 1st size": f"{r['reply']['p50_ms'] / base:.2f}x",
            "reply CPU p50 ms": f"{r['reply']['cpu_p50_ms']:.1f}",
            "abstained": f"{r['reply']['abstained']}/{r['reply']['n']}",
            "abstained reply p50 ms": f"{r['reply']['abstained_p50_ms']:.1f}",
            "search p50 ms": f"{r['search']['p50_ms']:.1f}", "search p95 ms": f"{r['search']['p95_ms']:.1f}",
        })
    print("## Serving (in process)\n\n" + md_table(rows, list(rows[0])) + "\n")
    verdict = "met" if summary["target_met"] else "NOT met"
    print(f"Target reply p50 at {sizes[-1]} articles within {TARGET_RATIO:.0f}x of {sizes[0]}: "
          f"{summary['reply_p50_ratio']:.2f}x, {verdict} (reply CPU p50: {summary['reply_cpu_p50_ratio']:.2f}x).\n")
    if profile_text:
        print(f"## cProfile of replies at {sizes[-1]} articles\n\n```\n{profile_text}```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
