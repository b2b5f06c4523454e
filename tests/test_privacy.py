"""With default settings (question recording off) a patient's words are written nowhere.

A real ``bot serve`` (no ``BOT_*`` variables beyond the index location, run in a fresh working
directory with its own HOME and TMPDIR) gets questions carrying a unique marker word: answered,
abstained, an emergency, a follow-up, a rated reply, refused requests, and a ``cite`` query. Then the
marker must appear in none of its logs (stdout and stderr), nor in any file under its working
directory (where the default ``var/feedback.sqlite3`` lives), HOME, TMPDIR, the index and corpus
folders, or in files written since it started in the repository or a temp folder. ``bot ask`` likewise.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import string
import subprocess
import tempfile
import time
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from test_load import BOT, bot_serve, clean_env

REPO = Path(__file__).resolve().parents[1]
MAX_SCAN_BYTES = 256 * 1024 * 1024  # larger files (none written here) are not read


def new_marker() -> str:
    """A word no corpus, log or library contains, letters only so no redaction rule would alter it."""
    return "Zorblex" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(14))


def private_env(workdir: Path) -> dict[str, str]:
    """Default settings, with HOME, caches and temp files inside ``workdir`` so they are scanned too."""
    dirs = {name: workdir / name for name in ("home", "cache", "tmp")}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    return clean_env(HOME=str(dirs["home"]), XDG_CACHE_HOME=str(dirs["cache"]), TMPDIR=str(dirs["tmp"]))


def files_containing(marker: str, roots: list[Path], since: float | None = None) -> list[str]:
    """Every file under ``roots`` (modified at or after ``since``, when given) whose bytes contain the
    marker in any letter case, as UTF-8 or UTF-16."""
    needles = [marker.lower().encode("utf-8"), marker.lower().encode("utf-16-le")]
    hits, seen = [], set()
    for root in roots:
        if not root.exists():
            continue
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d != ".git" and d != "proc"]
            for name in names:
                path = Path(folder, name)
                try:
                    st = path.lstat()
                    if not path.is_file() or path.is_symlink() or st.st_size > MAX_SCAN_BYTES:
                        continue
                    if since is not None and max(st.st_mtime, st.st_ctime) < since:
                        continue
                    key = (st.st_dev, st.st_ino)
                    if key in seen:
                        continue
                    seen.add(key)
                    data = path.read_bytes().lower()
                except OSError:
                    continue
                if any(n in data for n in needles):
                    hits.append(str(path))
    return hits


def scan_roots(workdir: Path, seed_index) -> tuple[list[Path], list[Path]]:
    """(folders scanned whole, folders scanned for files written since the start)."""
    whole = [workdir, Path(seed_index.index_dir), Path(seed_index.corpus_dir)]
    recent = [REPO, Path(tempfile.gettempdir()), Path("/var/tmp"), Path("/dev/shm")]  # (HOME is inside workdir)
    return whole, recent


def assert_written_nowhere(marker: str, workdir: Path, seed_index, since: float):
    whole, recent = scan_roots(workdir, seed_index)
    hits = files_containing(marker, whole) + files_containing(marker, recent, since=since)
    assert not hits, f"the question's marker was written to {sorted(set(hits))}"


@pytest.fixture(scope="module")
def marker() -> str:
    return new_marker()


@pytest.fixture(scope="module")
def private_server(seed_index, tmp_path_factory, marker):
    """Run the conversation once; yields (workdir, start time, what the server answered)."""
    workdir = tmp_path_factory.mktemp("privacy-serve")
    env = private_env(workdir)
    assert not any(k.startswith("BOT_") for k in env)
    started = time.time() - 1  # mtime granularity
    seen: dict[str, httpx.Response] = {}
    with bot_serve(seed_index, workdir, env) as server, httpx.Client(base_url=server.url, timeout=30) as c:

        def chat(name, *turns, **kw):
            seen[name] = c.post("/api/chat", json={"messages": [{"role": r, "content": t} for r, t in turns]}, **kw)

        # The marker may or may not stop an answer (an unknown word might be a subject), so the questions that
        # must be answered or abstained say so for their own reasons.
        chat("answered", ("user", f"hi, I am {marker}"), ("assistant", "Hello!"), ("user", "why might my nerve test be normal?"))
        chat("abstained_name", ("user", f"My name is {marker}, does lupus make your hair fall out?"))
        chat("abstained", ("user", f"does lupus cause kidney failure? asking for {marker}"))
        chat("emergency", ("user", f"I have crushing chest pain spreading to my arm, {marker}"))
        chat("follow_up", ("user", f"what is small fiber neuropathy {marker}"), ("assistant", "It is a nerve problem."),
             ("user", f"how is it diagnosed, {marker}?"))
        seen["feedback"] = c.post("/api/feedback", json={
            "reply_id": "privacy-0001", "helpful": False, "abstained": True, "question": f"kidney failure {marker}",
            "reply": seen["abstained"].json()["reply"]})
        chat("too_long", ("user", f"{marker} " * 300))
        chat("bad_role", ("system", marker), ("user", "hi"))
        chat("not_last", ("user", "hi"), ("assistant", marker))
        seen["too_big"] = c.post("/api/chat", content=json.dumps({"messages": [{"role": "user", "content": f"{marker} " * 8000}]}),
                                 headers={"content-type": "application/json"})
        seen["bad_json"] = c.post("/api/chat", content=f'{{"messages": [{{"role": "user", "content": "{marker}"'.encode(),
                                  headers={"content-type": "application/json"})
        seen["cite"] = c.get("/articles/does-lupus-cause-nerve-pain", params={"cite": marker})
        seen["missing_article"] = c.get(f"/api/articles/{marker}")
    # The server has stopped: its log is complete and SQLite has checkpointed.
    return workdir, started, seen, server


def test_the_server_answered_as_expected(private_server):
    _, _, seen, _ = private_server
    assert seen["answered"].status_code == 200 and seen["answered"].json()["claims"]
    assert seen["abstained"].json()["abstained"] is True and seen["abstained_name"].json()["abstained"] is True
    assert seen["emergency"].json()["safety"]["kind"] == "emergency"
    assert seen["follow_up"].status_code == 200
    assert seen["feedback"].status_code == 201
    assert [seen[k].status_code for k in ("too_long", "bad_role", "not_last", "too_big", "bad_json")] == [422, 422, 422, 413, 422]
    assert seen["cite"].status_code == 200 and seen["missing_article"].status_code == 404


def test_the_server_logs_hold_no_question(private_server, marker):
    _, _, _, server = private_server
    log = server.log.read_bytes()
    assert b"serving on http://127.0.0.1:" in log  # the log was captured
    assert marker.lower().encode() not in log.lower()


def test_the_server_writes_no_question_to_disk(private_server, marker, seed_index):
    workdir, started, _, _ = private_server
    store = workdir / "var" / "feedback.sqlite3"  # the default BOT_DB_PATH, relative to the working directory
    assert store.exists(), "the feedback was not stored where the default settings put it"
    with closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True)) as conn:
        assert conn.execute("SELECT question FROM feedback WHERE reply_id = 'privacy-0001'").fetchall() == [(None,)]
        assert conn.execute("SELECT COUNT(*) FROM questions").fetchone()[0] == 0
    assert_written_nowhere(marker, workdir, seed_index, started)


def test_bot_ask_writes_no_question_to_disk(seed_index, tmp_path):
    marker = new_marker()
    env = private_env(tmp_path)
    started = time.time() - 1
    base = [str(BOT), "ask", "--no-rebuild", "--index", str(seed_index.index_dir), "--corpus", str(seed_index.corpus_dir)]
    batch = [{"messages": [{"role": "user", "content": f"does lupus cause kidney failure? {marker}"}]},
             {"messages": [{"role": "user", "content": f"hi, I am {marker}"}, {"role": "assistant", "content": "Hello!"},
                           {"role": "user", "content": "why might my nerve test be normal?"}]}]
    runs = [
        (base + [f"can lupus cause nerve pain? {marker}"], None),
        (base + ["--batch", "-"], "".join(json.dumps(line) + "\n" for line in batch)),  # stdin: no input file to find
    ]
    for cmd, stdin in runs:
        done = subprocess.run(cmd, cwd=tmp_path, env=env, input=stdin, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip()
        assert marker.lower() not in done.stderr.lower()
    assert_written_nowhere(marker, tmp_path, seed_index, started)
