"""HTTP serving benchmark: start to ready, memory, and POST /api/chat latency and throughput of a real server.

Run from the repository root::

    .venv/bin/python bench/http_bench.py [--single 400] [--concurrent 1200] [--clients 8] [--json]

Run it on an otherwise idle machine: client and server share the same cores, so any other CPU-bound
process (and the client threads themselves) shows up in the numbers. The 1-minute load average is
printed at start and end to make that visible.

* index: ``bot index build --index <tmp> --corpus corpus`` as a subprocess (timed, not a target).
* start to ready: ``bot serve --host 127.0.0.1 --port <free> --index <tmp> --corpus corpus --no-rebuild``
  as a subprocess, from ``Popen`` until ``GET /readyz`` first answers 200. ``/readyz`` is polled with a
  0.25 s client timeout every 10 ms, so the figure is accurate to about 10 ms. The server gets
  ``BOT_RATE_LIMIT=100000/minute`` (the limiter must not throttle the benchmark), ``BOT_RECORD_QUESTIONS=false``
  and a temp ``BOT_DB_PATH``.
* memory: ``VmRSS`` of the server process from ``/proc/<pid>/status`` once ready and after all the load
  (``VmHWM``, the peak, is shown too).
* one client: ``--single`` sequential ``POST /api/chat`` over one keep-alive ``httpx.Client``, each a
  distinct question; p50 / p95 / p99 of the wall time around each request, measured in the client.
* concurrent clients: ``--clients`` threads, each with its own keep-alive ``httpx.Client``, share a queue
  of ``--concurrent`` further distinct questions; throughput is HTTP 200 replies / wall time of the whole
  phase, p99 is over every request, and an error is any non-200 status or transport exception.
* CPU per request: the server's user + system CPU (``/proc/<pid>/stat``) and this client process's CPU
  (``time.process_time``) over each phase, divided by its request count. Unlike wall times, these barely
  move when other processes compete for the cores.
* questions: every turn of every line in eval/dev*.jsonl and eval/holdout*.jsonl, each as a one-message
  conversation, cycled with small rewordings so no question is sent twice (no cache can help). A few
  unrelated warm-up requests go first and are not timed.

Everything is loopback only and bounded: request counts are fixed, every request has a 10 s timeout,
and the server is terminated (then killed, if it does not stop) in a ``finally`` block.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from common import ROOT, code_version, distinct_questions, md_table, percentile

BOT = ROOT / ".venv/bin/bot"
DATASETS = ("eval/dev.jsonl", "eval/dev2.jsonl", "eval/holdout.jsonl", "eval/holdout2.jsonl")
# Each pass through the question list uses the next wording, so every request is a new string.
REWORDINGS = ("{q}", "so {q}", "{q} please", "quick question {q}", "i was wondering {q}", "{q} thanks",
              "hi, {q}", "{q}?? asking for my mum", "sorry if this is silly but {q}", "{q} (asking again)")
REQUEST_TIMEOUT_S = 10.0
READY_DEADLINE_S = 60.0
# Targets from issue 6 (this 2-core machine).
TARGETS = {"single_p50_ms": 10.0, "single_p99_ms": 25.0, "conc_rps": 150.0, "conc_p99_ms": 100.0,
           "conc_errors": 0, "ready_s": 3.0, "rss_mb": 400.0}


def latency_summary(values_ms: list[float]) -> dict:
    return {"n": len(values_ms), "p50_ms": percentile(values_ms, 50), "p95_ms": percentile(values_ms, 95),
            "p99_ms": percentile(values_ms, 99), "mean_ms": statistics.fmean(values_ms) if values_ms else float("nan"),
            "max_ms": max(values_ms) if values_ms else float("nan")}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_memory_mb(pid: int) -> dict:
    """VmRSS and VmHWM (peak RSS) of ``pid`` in MB (1 MB = 1024 kB, as /proc reports kB)."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) / 1024
    return out


def proc_cpu_s(pid: int) -> float:
    """User + system CPU seconds used so far by ``pid`` (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_per_reply(pid: int, phase, *args) -> dict:
    """Run ``phase(*args)`` and add the server's and this client's CPU milliseconds per request to its result."""
    server0, client0 = proc_cpu_s(pid), time.process_time()
    out = phase(*args)
    out["server_cpu_ms_per_req"] = (proc_cpu_s(pid) - server0) * 1000 / out["n"]
    out["client_cpu_ms_per_req"] = (time.process_time() - client0) * 1000 / out["n"]
    return out


def chat_body(question: str) -> dict:
    return {"messages": [{"role": "user", "content": question}]}


def wait_ready(proc: subprocess.Popen, base_url: str, started: float, log_path: Path) -> float:
    """Seconds from ``started`` until GET /readyz answers 200; fails if the server exits or the deadline passes."""
    with httpx.Client(base_url=base_url, timeout=0.25) as client:
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"`bot serve` exited with {proc.returncode} before it was ready:\n"
                                 f"{log_path.read_text(errors='replace')[-2000:]}")
            try:
                if client.get("/readyz").status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                pass
            if time.perf_counter() - started > READY_DEADLINE_S:
                raise SystemExit(f"`bot serve` not ready after {READY_DEADLINE_S:.0f} s")
            time.sleep(0.01)  # poll interval, not a timing assumption: bounds the figure's resolution


def post_chat(client: httpx.Client, question: str) -> tuple[float, str | None]:
    """(milliseconds, error or None) for one POST /api/chat."""
    start = time.perf_counter()
    try:
        r = client.post("/api/chat", json=chat_body(question))
        elapsed = (time.perf_counter() - start) * 1000
        if r.status_code != 200:
            return elapsed, f"HTTP {r.status_code}: {r.text[:200]}"
        if "reply" not in r.json():
            return elapsed, f"HTTP 200 without a reply: {r.text[:200]}"
        return elapsed, None
    except httpx.HTTPError as exc:
        return (time.perf_counter() - start) * 1000, f"{type(exc).__name__}: {exc}"


def run_single(base_url: str, questions: list[str]) -> dict:
    latencies, errors = [], []
    with httpx.Client(base_url=base_url, timeout=REQUEST_TIMEOUT_S) as client:
        phase_start = time.perf_counter()
        for q in questions:
            ms, err = post_chat(client, q)
            latencies.append(ms)
            if err:
                errors.append(err)
        wall = time.perf_counter() - phase_start
    return {**latency_summary(latencies), "errors": len(errors), "error_examples": errors[:5], "wall_s": wall,
            "replies_per_s": (len(questions) - len(errors)) / wall}


def run_concurrent(base_url: str, questions: list[str], clients: int) -> dict:
    work: queue.SimpleQueue = queue.SimpleQueue()
    for q in questions:
        work.put(q)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)

    def worker():
        with httpx.Client(base_url=base_url, timeout=REQUEST_TIMEOUT_S) as client:
            client.get("/healthz")  # open the keep-alive connection before the clock starts
            barrier.wait()
            mine, bad = [], []
            while True:
                try:
                    q = work.get_nowait()
                except queue.Empty:
                    break
                ms, err = post_chat(client, q)
                mine.append(ms)
                if err:
                    bad.append(err)
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    barrier.wait()
    phase_start = time.perf_counter()
    for t in threads:
        t.join(timeout=REQUEST_TIMEOUT_S * len(questions))
    wall = time.perf_counter() - phase_start
    ok = len(latencies) - len(errors)
    return {**latency_summary(latencies), "clients": clients, "errors": len(errors), "error_examples": errors[:5],
            "wall_s": wall, "replies_per_s": ok / wall}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--single", type=int, default=400, help="distinct questions sent one at a time (>= 300)")
    ap.add_argument("--concurrent", type=int, default=1200, help="further distinct questions sent by --clients")
    ap.add_argument("--clients", type=int, default=8, help="concurrent client threads")
    ap.add_argument("--warmup", type=int, default=10, help="untimed warm-up requests")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of Markdown tables")
    args = ap.parse_args(argv)
    if args.single < 300:
        ap.error("--single must be at least 300 (issue 6 asks for p99 over >= 300 distinct questions)")
    load_start, version = os.getloadavg()[0], code_version()
    questions = distinct_questions(args.single + args.concurrent, DATASETS, REWORDINGS)
    single_qs, conc_qs = questions[:args.single], questions[args.single:]
    warm_qs = [f"warm-up request number {i}: does lupus affect the nerves?" for i in range(args.warmup)]
    result: dict = {"commit": version, "python": sys.version.split()[0]}

    with tempfile.TemporaryDirectory(prefix="http-bench-") as tmp:
        index_dir = Path(tmp) / "index"
        build_cmd = [str(BOT), "index", "build", "--index", str(index_dir), "--corpus", str(ROOT / "corpus")]
        t0 = time.perf_counter()
        build = subprocess.run(build_cmd, cwd=ROOT, capture_output=True, text=True)
        if build.returncode != 0:
            raise SystemExit(f"`bot index build` failed ({build.returncode}): {build.stderr.strip()}")
        result["index_build"] = {"wall_s": time.perf_counter() - t0, "output": build.stdout.strip()}

        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "BOT_RATE_LIMIT": "100000/minute", "BOT_RECORD_QUESTIONS": "false",
               "BOT_DB_PATH": str(Path(tmp) / "feedback.sqlite3"), "BOT_WORKERS": "1"}
        serve_cmd = [str(BOT), "serve", "--host", "127.0.0.1", "--port", str(port), "--index", str(index_dir),
                     "--corpus", str(ROOT / "corpus"), "--no-rebuild"]
        log_path = Path(tmp) / "serve.log"
        proc = None
        with open(log_path, "wb") as log:
            try:
                started = time.perf_counter()
                proc = subprocess.Popen(serve_cmd, cwd=tmp, env=env, stdout=log, stderr=subprocess.STDOUT)
                ready_s = wait_ready(proc, base_url, started, log_path)
                mem_ready = proc_memory_mb(proc.pid)
                with httpx.Client(base_url=base_url, timeout=REQUEST_TIMEOUT_S) as client:
                    for q in warm_qs:
                        post_chat(client, q)
                single = cpu_per_reply(proc.pid, run_single, base_url, single_qs)
                load_before_concurrent = os.getloadavg()[0]
                concurrent = cpu_per_reply(proc.pid, run_concurrent, base_url, conc_qs, args.clients)
                mem_after = proc_memory_mb(proc.pid)
            finally:
                if proc is not None and proc.poll() is None:
                    proc.terminate()
                    try:
                        proc.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.wait(timeout=10)
        result["server_log_tail"] = log_path.read_text(errors="replace")[-1000:]

    result.update({
        "command": ".venv/bin/bot serve --host 127.0.0.1 --port <free> --index <tmp> --corpus corpus --no-rebuild "
                   "(BOT_RATE_LIMIT=100000/minute, BOT_RECORD_QUESTIONS=false, BOT_WORKERS=1)",
        "ready_s": ready_s,
        "memory_mb": {"ready": mem_ready, "after_load": mem_after},
        "single": single, "concurrent": concurrent,
        "distinct_questions": len(set(q.lower() for q in questions + warm_qs)),
        "questions_sent": len(questions) + len(warm_qs),
        "loadavg_1m": {"start": load_start, "before_concurrent": load_before_concurrent, "end": os.getloadavg()[0],
                       "cpus": os.cpu_count()},
    })
    rss_max = max(mem_ready["VmRSS"], mem_after["VmRSS"])
    checks = [
        ("one client p50", f"≤ {TARGETS['single_p50_ms']:.0f} ms", f"{single['p50_ms']:.1f} ms",
         single["p50_ms"] <= TARGETS["single_p50_ms"]),
        ("one client p99", f"≤ {TARGETS['single_p99_ms']:.0f} ms", f"{single['p99_ms']:.1f} ms",
         single["p99_ms"] <= TARGETS["single_p99_ms"]),
        (f"{args.clients} clients throughput", f"≥ {TARGETS['conc_rps']:.0f} replies/s",
         f"{concurrent['replies_per_s']:.0f} replies/s", concurrent["replies_per_s"] >= TARGETS["conc_rps"]),
        (f"{args.clients} clients p99", f"≤ {TARGETS['conc_p99_ms']:.0f} ms", f"{concurrent['p99_ms']:.1f} ms",
         concurrent["p99_ms"] <= TARGETS["conc_p99_ms"]),
        (f"{args.clients} clients errors", "0", str(concurrent["errors"] + single["errors"]),
         concurrent["errors"] + single["errors"] == 0),
        ("start to ready", f"≤ {TARGETS['ready_s']:.0f} s", f"{ready_s:.2f} s", ready_s <= TARGETS["ready_s"]),
        ("server RSS (max of ready, after load)", f"≤ {TARGETS['rss_mb']:.0f} MB", f"{rss_max:.0f} MB",
         rss_max <= TARGETS["rss_mb"]),
    ]
    result["targets"] = [{"what": w, "target": t, "measured": m, "met": ok} for w, t, m, ok in checks]

    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    la = result["loadavg_1m"]
    print(f"commit {version}; 1-minute load average {la['start']:.2f} at start, {la['before_concurrent']:.2f} before "
          f"the concurrent phase, {la['end']:.2f} at end, {la['cpus']} CPUs (client and server share them, and the "
          "benchmark's own threads raise the later figures; only comparable on an otherwise idle machine)\n")
    print(f"`{result['command']}`\n")
    print(f"index build (`bot index build`, subprocess): {result['index_build']['wall_s']:.2f} s wall\n")
    print("## Targets (issue 6)\n\n" + md_table(
        [{**r, "met": "yes" if r["met"] else "**no**"} for r in result["targets"]],
        ["what", "target", "measured", "met"]) + "\n")
    rows = []
    for label, s in ((f"one client, {single['n']} distinct", single),
                     (f"{concurrent['clients']} clients, {concurrent['n']} distinct", concurrent)):
        rows.append({"POST /api/chat": label, "p50 ms": s["p50_ms"], "p95 ms": s["p95_ms"], "p99 ms": s["p99_ms"],
                     "max ms": s["max_ms"], "replies/s": s["replies_per_s"], "errors": s["errors"],
                     "wall s": s["wall_s"], "server CPU ms/req": s["server_cpu_ms_per_req"],
                     "client CPU ms/req": s["client_cpu_ms_per_req"]})
    print("## Latency and throughput\n\n" + md_table(
        rows, ["POST /api/chat", "p50 ms", "p95 ms", "p99 ms", "max ms", "replies/s", "errors", "wall s",
               "server CPU ms/req", "client CPU ms/req"]) + "\n")
    print("## Server process\n\n" + md_table([
        {"what": "start to /readyz 200, s", "value": ready_s},
        {"what": "VmRSS when ready, MB", "value": mem_ready["VmRSS"]},
        {"what": "VmRSS after the load, MB", "value": mem_after["VmRSS"]},
        {"what": "VmHWM (peak RSS) after the load, MB", "value": mem_after["VmHWM"]},
    ], ["what", "value"]))
    for s in (single, concurrent):
        for e in s["error_examples"]:
            print(f"error: {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
