"""Load over real HTTP: 5,000 requests at concurrency 32 against a real ``bot serve`` on 127.0.0.1.

The server is a subprocess (the real CLI, the real model's ONNX encoder and the seed index) so its
memory can be read from ``/proc/<pid>/status`` without the test process's own allocations in it.
Mostly POST /api/chat with distinct questions, some POST /api/feedback with distinct reply ids, some GETs.
Asserted: no 5xx and no transport error (every request gets its expected status), every feedback 201 is
a row in SQLite (none lost under concurrent writers), and resident memory grows less than 10% from
after a warm-up batch to the end.
"""

from __future__ import annotations

import json
import os
import queue
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[1]
BOT = Path(sys.executable).with_name("bot")
DATASETS = ("eval/dev.jsonl", "eval/dev2.jsonl", "eval/holdout.jsonl", "eval/holdout2.jsonl")
REWORDINGS = ("{q}", "so {q}", "{q} please", "quick question: {q}", "i was wondering, {q}", "{q} thanks",
              "hi, {q}", "{q}?? asking for my mum", "sorry if this is silly but {q}", "{q} (asking again)",
              "my doctor said to ask: {q}", "{q} - thank you")
CONCURRENCY = 32
WARMUP = 500  # of the TOTAL requests; RSS is read after these and again at the end
TOTAL = 5_000
REQUEST_TIMEOUT_S = 30.0
RUN_DEADLINE_S = 300.0  # the whole load, so a hung server fails the test instead of stalling CI
READY_DEADLINE_S = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError(f"no VmRSS for pid {pid}")


@dataclass
class Server:
    url: str
    proc: subprocess.Popen
    log: Path  # the server's stdout and stderr


def clean_env(**overrides: str) -> dict[str, str]:
    """This process's environment without any ``BOT_*`` setting (so defaults are the defaults), plus ``overrides``."""
    return {**{k: v for k, v in os.environ.items() if not k.startswith("BOT_")}, **overrides}


@contextmanager
def bot_serve(index_settings, workdir: Path, env: dict[str, str]):
    """``bot serve`` (the real CLI) on a free loopback port over the seed index, run in ``workdir`` with
    ``env``; yields once GET /readyz answers 200, and stops the server afterwards."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = workdir / "server.log"
    cmd = [str(BOT), "serve", "--host", "127.0.0.1", "--port", str(port), "--no-rebuild",
           "--index", str(index_settings.index_dir), "--corpus", str(index_settings.corpus_dir)]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=workdir, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_DEADLINE_S
        with httpx.Client(base_url=url, timeout=1.0) as client:
            while True:
                if proc.poll() is not None:
                    raise AssertionError(f"bot serve exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
                try:
                    if client.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise AssertionError(f"bot serve not ready after {READY_DEADLINE_S:.0f} s")
                time.sleep(0.02)  # poll interval only: readiness is decided by /readyz answering
        yield Server(url, proc, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)


def distinct_questions(n: int) -> list[list[dict]]:
    """``n`` conversations, no two alike: every eval question under each rewording in turn; a multi-turn
    eval line becomes a follow-up conversation (its earlier turns with a stand-in assistant reply)."""
    lines = []
    for name in DATASETS:
        for line in (REPO / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                turns = [t.strip() for t in json.loads(line)["turns"] if t.strip()]
                if turns:
                    lines.append(turns)
    out, seen = [], set()
    for template in REWORDINGS:
        for turns in lines:
            last = template.format(q=turns[-1])
            key = (tuple(turns[:-1]), last.lower())
            if key in seen:
                continue
            seen.add(key)
            messages = []
            for earlier in turns[:-1]:
                messages += [{"role": "user", "content": earlier}, {"role": "assistant", "content": "Here is what the article says."}]
            out.append(messages + [{"role": "user", "content": last}])
            if len(out) == n:
                return out
    raise AssertionError(f"only {len(out)} distinct conversations, need {n}")


def plan(total: int) -> list[tuple[str, str, object, int]]:
    """(method, path, json body, expected status) per request: ~84% chat, 8% feedback, 8% GETs, interleaved."""
    n_feedback = n_get = total * 8 // 100
    chats = iter(distinct_questions(total - n_feedback - n_get))
    gets = ["/api/articles", "/readyz", "/api/articles/does-lupus-cause-nerve-pain", "/healthz", "/api/articles/nope"]
    out = []
    f = g = 0
    for i in range(total):
        if i % 12 == 5 and f < n_feedback:
            body = {"reply_id": f"load-{f:06d}", "helpful": f % 3 != 0, "reply": f"Here is what the article says ({f}).",
                    "abstained": f % 5 == 0, "comment": "useful, thanks Sam" if f % 7 == 0 else None,
                    "question": f"my email is pat{f}@example.com, is this normal?" if f % 2 else None}
            out.append(("POST", "/api/feedback", body, 201))
            f += 1
        elif i % 12 == 11 and g < n_get:
            path = gets[g % len(gets)]
            out.append(("GET", path, None, 404 if path.endswith("/nope") else 200))
            g += 1
        else:
            out.append(("POST", "/api/chat", {"messages": next(chats)}, 200))
    assert (f, g) == (n_feedback, n_get)
    return out


def run_batch(url: str, requests: list[tuple[str, str, object, int]]) -> list[tuple[str, str, int | str, int]]:
    """Send ``requests`` from CONCURRENCY threads, each with its own keep-alive client (a sync client per
    thread costs the shared cores about a third of the CPU an asyncio client does per request);
    (method, path, status or error, expected status) for each."""
    work: queue.SimpleQueue = queue.SimpleQueue()
    for item in requests:
        work.put(item)
    results: list[tuple[str, str, int | str, int]] = []

    def worker():
        with httpx.Client(base_url=url, timeout=REQUEST_TIMEOUT_S) as client:
            while True:
                try:
                    method, path, body, expected = work.get_nowait()
                except queue.Empty:
                    return
                try:
                    r = client.request(method, path, json=body)
                    outcome: int | str = r.status_code
                    if r.status_code == 200 and path == "/api/chat" and "reply" not in r.json():
                        outcome = f"200 without a reply: {r.text[:200]}"
                except httpx.HTTPError as exc:
                    outcome = f"{type(exc).__name__}: {exc}"
                results.append((method, path, outcome, expected))  # list.append is atomic

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(CONCURRENCY)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + RUN_DEADLINE_S
    for t in threads:
        t.join(timeout=max(0.0, deadline - time.monotonic()))
    assert not any(t.is_alive() for t in threads), f"load not finished within {RUN_DEADLINE_S:.0f} s"
    return results


@pytest.fixture(scope="module")
def load_server(seed_index, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("load")
    db = workdir / "feedback.sqlite3"
    # Question recording on: abstained questions are SQLite writes too, racing the feedback writes.
    env = clean_env(BOT_DB_PATH=str(db), BOT_RATE_LIMIT="1000000/minute", BOT_RECORD_QUESTIONS="true")
    with bot_serve(seed_index, workdir, env) as server:
        yield server, db


def test_5000_requests_at_concurrency_32(load_server):
    server, db = load_server
    requests = plan(TOTAL)
    assert len(requests) == TOTAL
    started = time.monotonic()
    warm = run_batch(server.url, requests[:WARMUP])
    rss_after_warmup = rss_kb(server.proc.pid)
    rest = run_batch(server.url, requests[WARMUP:])
    rss_at_end = rss_kb(server.proc.pid)
    elapsed = time.monotonic() - started
    results = warm + rest

    transport = [r for r in results if isinstance(r[2], str)]
    server_errors = [r for r in results if isinstance(r[2], int) and r[2] >= 500]
    unexpected = [r for r in results if r[2] != r[3]]
    by_status = Counter((m, p.split("/")[2] if p.startswith("/api/") else p, s) for m, p, s, _ in results)
    print(f"\n{TOTAL} requests in {elapsed:.1f} s ({TOTAL / elapsed:.0f}/s); RSS after warm-up {rss_after_warmup / 1024:.0f} MB, "
          f"at end {rss_at_end / 1024:.0f} MB; {dict(by_status)}")
    assert not transport, transport[:5]
    assert not server_errors, server_errors[:5]
    assert not unexpected, unexpected[:5]
    assert server.proc.poll() is None, "the server died under load"

    # Zero lost feedback: every 201 is one row (each request had its own reply_id).
    created = sum(1 for m, p, s, _ in results if p == "/api/feedback" and s == 201)
    assert created == TOTAL * 8 // 100
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        rows = conn.execute("SELECT COUNT(*) FROM feedback WHERE reply_id LIKE 'load-%'").fetchone()[0]
    assert rows == created

    growth = (rss_at_end - rss_after_warmup) / rss_after_warmup
    assert growth < 0.10, f"RSS grew {growth:.1%}: {rss_after_warmup} kB after warm-up, {rss_at_end} kB at the end"

    log = server.log.read_text(errors="replace")
    assert "Traceback" not in log and "ERROR" not in log, log[-3000:]
