"""Faults a clinic will meet, through the surfaces it uses: a damaged or missing index, a build killed
halfway, model weights that are not the verified ones, and a feedback database that is locked or cannot
be written.

The commands run as real processes (`bot search`, `bot ask`, `bot index build`, `bot serve`) against
private copies of the seed corpus and index, offline, on 127.0.0.1 only; the repository's own index/ is
never touched. Nothing here waits a fixed time: every wait polls something, up to a deadline.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from bot.http.app import create_app
from bot.index_store import build_index, check_status

REPO = Path(__file__).resolve().parents[1]
BOT = Path(sys.executable).with_name("bot")
DEADLINE = 240  # seconds: an upper bound for one command on a loaded 2-core machine, never a wait


# --- helpers ---------------------------------------------------------------------------------------


def bot_env(root: Path, **extra: str) -> dict[str, str]:
    """The environment of a `bot` process: offline, no stray BOT_* settings, folders inside ``root``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", NO_COLOR="1", COLUMNS="200",
               BOT_CORPUS_DIR=str(root / "corpus"), BOT_INDEX_DIR=str(root / "index"),
               BOT_DB_PATH=str(root / "var" / "feedback.sqlite3"))
    env.update(extra)
    return env


def bot(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BOT), *args], cwd=root, env=bot_env(root, **env), capture_output=True, text=True,
                          timeout=DEADLINE)


def one_line_error(result: subprocess.CompletedProcess, *words: str) -> str:
    """The command failed with exactly one line on stderr, no traceback, naming each of ``words``."""
    assert result.returncode not in (0, None), result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines[0]
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def truncate(path: Path) -> None:
    """Cut a file to half its size, as a full disk or an interrupted copy would."""
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def index_fingerprint(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file's size and mtime (cheap for the 90 MB encoder; any rewrite changes one of them)."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def workspace(seed_index, tmp_path) -> Path:
    """A private copy of the seed corpus and its index (built once per session with the real model)."""
    shutil.copytree(seed_index.corpus_dir, tmp_path / "corpus")
    shutil.copytree(seed_index.index_dir, tmp_path / "index")
    return tmp_path


# --- a missing or damaged index before start --------------------------------------------------------

DAMAGE = {
    "index folder deleted": (lambda index: shutil.rmtree(index), "missing"),
    "manifest truncated": (lambda index: truncate(index / "manifest.json"), "manifest"),
    "vectors truncated": (lambda index: truncate(index / "dense.faiss"), "dense.faiss"),
    "encoder truncated": (lambda index: truncate(index / "encoder.onnx"), "encoder.onnx"),
    "bm25 file emptied": (lambda index: (index / "bm25" / "params.index.json").write_bytes(b""), "bm25/params.index.json"),
}
SEARCH = ["search", "numb feet"]
ASK = ["ask", "Can lupus cause nerve pain?"]


@pytest.mark.parametrize("damage, command", [
    ("index folder deleted", SEARCH), ("index folder deleted", ASK), ("manifest truncated", ASK),
    ("vectors truncated", SEARCH), ("encoder truncated", ASK), ("bm25 file emptied", SEARCH),
], ids=lambda v: v if isinstance(v, str) else v[0])
def test_cli_refuses_a_damaged_index_in_one_line_when_told_not_to_rebuild(workspace, damage, command):
    spoil, word = DAMAGE[damage]
    spoil(workspace / "index")
    result = bot(workspace, *command, "--no-rebuild")
    one_line_error(result, word, "bot index build")
    assert result.stdout == ""
    assert result.stderr.count("bot index build") == 1  # said once, not once per layer


def test_cli_rebuilds_a_damaged_index_by_default(workspace):
    truncate(workspace / "index" / "dense.faiss")
    result = bot(workspace, "search", "numb feet", "-k", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1. Does Lupus Cause Nerve Pain?")  # ranked rows, whatever the ranking
    assert "Traceback" not in result.stderr
    # The only thing on stderr is the note saying why it rebuilt.
    [note] = result.stderr.strip().splitlines()
    assert "dense.faiss" in note and "rebuilding" in note
    status = bot(workspace, "index", "status")
    assert status.returncode == 0 and "fresh" in status.stdout, status.stdout


@contextlib.contextmanager
def bot_serve(root: Path, **env: str):
    """`bot serve` on a free loopback port as a real process; yields (process, base URL). Stopped on exit."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(BOT), "serve", "--host", "127.0.0.1", "--port", str(port)], cwd=root,
                            env=bot_env(root, **env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        yield proc, f"http://127.0.0.1:{port}"
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def wait_ready(proc: subprocess.Popen, url: str) -> bool:
    """Poll /readyz until it answers 200 (True) or the process exits (False), up to the deadline."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                return True
        except httpx.TransportError:
            pass
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=0.05)  # between polls: returns at once if the server dies
    raise AssertionError(f"bot serve was not ready within {DEADLINE}s")


def test_serve_refuses_to_start_on_a_missing_index_when_rebuilding_is_off(workspace):
    shutil.rmtree(workspace / "index")
    with bot_serve(workspace, BOT_AUTO_REBUILD="false") as (proc, url):
        assert not wait_ready(proc, url), "served without an index"
        stderr = proc.stderr.read()
    result = subprocess.CompletedProcess(proc.args, proc.returncode, "", stderr)
    one_line_error(result, "missing", "bot index build")
    assert not (workspace / "index").exists()


def test_serve_rebuilds_a_truncated_index_on_start_and_then_answers(workspace, seed_index):
    truncate(workspace / "index" / "articles.json")
    with bot_serve(workspace) as (proc, url):
        assert wait_ready(proc, url), proc.stderr.read()
        reply = httpx.post(url + "/api/chat", json={"messages": [{"role": "user", "content": "Can lupus cause nerve pain?"}]},
                           timeout=30)
        assert reply.status_code == 200 and reply.json()["claims"], reply.text
    stderr = proc.stderr.read()
    assert "Traceback" not in stderr, stderr
    assert "articles.json" in stderr and "rebuilding" in stderr
    assert check_status(seed_index.with_overrides(corpus_dir=workspace / "corpus", index_dir=workspace / "index")).fresh


# --- a build killed halfway --------------------------------------------------------------------------


def test_a_build_killed_halfway_leaves_the_previous_index_serving(workspace):
    before = index_fingerprint(workspace / "index")
    prefix = ".index.build-"  # index_store writes a build to a sibling temp folder named like this
    proc = subprocess.Popen([str(BOT), "index", "build"], cwd=workspace, env=bot_env(workspace),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + DEADLINE
        temp = []
        while not temp and proc.poll() is None and time.monotonic() < deadline:
            temp = [p for p in workspace.iterdir() if p.name.startswith(prefix)]
            if not temp:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=0.005)
        assert temp, f"the build finished (rc {proc.returncode}) before its temp folder was seen"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert temp[0].name.startswith(f"{prefix}{proc.pid}-") and temp[0].exists()  # killed mid-build, not after

    assert index_fingerprint(workspace / "index") == before
    status = bot(workspace, "index", "status")
    assert status.returncode == 0 and "fresh" in status.stdout, status.stdout + status.stderr
    search = bot(workspace, "search", "numb feet", "-k", "2", "--no-rebuild")
    assert search.returncode == 0, search.stderr
    assert search.stdout.startswith("1. Does Lupus Cause Nerve Pain?")
    assert search.stderr == "" and status.stderr == ""


def test_the_next_build_removes_what_a_killed_build_left(tmp_path, fake_model, fake_embedder, settings_factory):
    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "tests" / "data" / "articles", corpus)
    settings = settings_factory(corpus, tmp_path / "index", model_dir=fake_model[0], model_sha256=fake_model[1])
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = tmp_path / f".index.build-{int(finished.stdout)}-0badc0de"  # a build whose process is gone
    alive = tmp_path / f".index.build-{os.getpid()}-0000beef"  # one still running (this process)
    for folder in (dead, alive):
        folder.mkdir()
        (folder / "encoder.onnx").write_bytes(b"half an encoder")
    build_index(settings, fake_embedder)
    assert not dead.exists()
    assert alive.exists()
    assert check_status(settings).fresh


# --- model weights that are not the verified ones ---------------------------------------------------------


@pytest.fixture(scope="module")
def damaged_models(tmp_path_factory) -> dict[str, Path]:
    """Copies of the packaged model with one byte flipped: in the safetensors header, and in the tensors."""
    from bot.settings import default_model_dir

    out = {}
    for where in ("header", "tensors"):
        folder = tmp_path_factory.mktemp(f"model-{where}") / "model"
        shutil.copytree(default_model_dir(), folder)
        weights = folder / "model.safetensors"
        at = 20 if where == "header" else weights.stat().st_size // 2
        with weights.open("r+b") as f:
            f.seek(at)
            byte = f.read(1)[0]
            f.seek(at)
            f.write(bytes([byte ^ 0xFF]))
        out[where] = folder
    return out


@pytest.mark.parametrize("where", ["header", "tensors"])
def test_index_build_refuses_weights_with_the_wrong_hash_in_one_line(workspace, damaged_models, where):
    before = index_fingerprint(workspace / "index")
    result = bot(workspace, "index", "build", BOT_MODEL_DIR=str(damaged_models[where]))
    one_line_error(result, "sha256", str(damaged_models[where]))
    assert index_fingerprint(workspace / "index") == before
    assert not [p for p in workspace.iterdir() if p.name.startswith(".index.build-")]


@pytest.mark.parametrize("command", [["ask", "Can lupus cause nerve pain?"], ["serve", "--port", "0"]], ids=["ask", "serve"])
def test_a_rebuild_on_start_refuses_weights_with_the_wrong_hash_in_one_line(workspace, damaged_models, command):
    shutil.rmtree(workspace / "index")
    result = bot(workspace, *command, BOT_MODEL_DIR=str(damaged_models["header"]))
    one_line_error(result, "missing", "cannot be rebuilt", "sha256")
    assert not (workspace / "index").exists()


# --- the feedback database locked or read-only -----------------------------------------------------------

OFF_TOPIC = "How do I bake sourdough bread?"  # the articles do not cover it: the bot abstains and may record it


def rows(db: Path) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in ("feedback", "questions")}


def vote(url: str, reply_id: str) -> httpx.Response:
    return httpx.post(url + "/api/feedback", json={"reply_id": reply_id, "helpful": False, "reply": "A reply.",
                                                   "comment": "not what I asked"}, timeout=30)


def chat(url: str, text: str) -> httpx.Response:
    return httpx.post(url + "/api/chat", json={"messages": [{"role": "user", "content": text}]}, timeout=30)


def assert_refused_quickly(response: httpx.Response, took: float) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert "try again" in response.json()["detail"]
    assert took < 6, f"503 took {took:.1f}s"  # the store gives up on a lock after its busy timeout (2 s here), not 10


@pytest.fixture
def feedback_server(seed_index, served_engine, serve, tmp_path):
    """``start(db_path)`` → URL of the real app (real engine, record_questions on) storing feedback in db_path."""

    @contextlib.contextmanager
    def start(db: Path):
        settings = seed_index.with_overrides(db_path=db, record_questions=True, rate_limit="10000/minute",
                                              db_busy_timeout=2.0)
        with serve(create_app(settings, served_engine)) as url:
            yield url

    return start


def warm_up(url: str, db: Path) -> dict[str, int]:
    """One stored vote and one recorded question, so the store and its schema exist."""
    assert vote(url, "reply-before").status_code == 201
    assert chat(url, OFF_TOPIC).json()["abstained"] is True
    counts = rows(db)
    assert counts == {"feedback": 1, "questions": 1}
    return counts


def test_a_locked_database_costs_a_vote_503_but_never_the_answer(feedback_server, tmp_path):
    db = tmp_path / "var" / "feedback.sqlite3"
    with feedback_server(db) as url:
        before = warm_up(url, db)
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")  # another process writing, or a stuck backup
        try:
            started = time.monotonic()
            refused = vote(url, "reply-while-locked")
            assert_refused_quickly(refused, time.monotonic() - started)
            answered = chat(url, OFF_TOPIC)  # recording the question fails; the patient still gets the reply
            assert answered.status_code == 200 and answered.json()["abstained"] is True
            asked = chat(url, "Can lupus cause nerve pain?")
            assert asked.status_code == 200 and asked.json()["claims"]
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert rows(db) == before  # nothing half-written
        assert vote(url, "reply-after").status_code == 201  # and the store recovers once the lock is gone
        assert rows(db) == {**before, "feedback": before["feedback"] + 1}


@contextlib.contextmanager
def read_only(db: Path):
    """Make ``db`` and its folder read-only for this process, or skip if nothing available can.

    File modes do not bind root (CAP_DAC_OVERRIDE), so there the immutable attribute (chattr +i) is used,
    which root's writes do obey; if that is unavailable too, the test is skipped rather than faked.
    """
    folder = db.parent
    modes = {p: p.stat().st_mode for p in (db, folder)}
    immutable: list[Path] = []
    try:
        db.chmod(0o444)
        folder.chmod(0o555)
        if _writable(db):
            for path in (db, folder):
                if shutil.which("chattr") and subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0:
                    immutable.append(path)
            if _writable(db):
                pytest.skip("this user can write a read-only file and chattr +i is unavailable")
        yield
    finally:
        for path in immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        for path, mode in modes.items():
            path.chmod(mode)


def _writable(path: Path) -> bool:
    try:
        with path.open("r+b"):
            pass
        (path.parent / ".probe").touch()
        (path.parent / ".probe").unlink()
        return True
    except OSError:
        return False


def test_a_read_only_database_costs_a_vote_503_but_never_the_answer(feedback_server, tmp_path):
    db = tmp_path / "var" / "feedback.sqlite3"
    with feedback_server(db) as url:
        before = warm_up(url, db)
        with read_only(db):
            started = time.monotonic()
            assert_refused_quickly(vote(url, "reply-while-read-only"), time.monotonic() - started)
            answered = chat(url, OFF_TOPIC)
            assert answered.status_code == 200 and answered.json()["abstained"] is True
        assert rows(db) == before
        assert vote(url, "reply-after").status_code == 201
        assert rows(db)["feedback"] == before["feedback"] + 1


def test_a_database_folder_that_cannot_be_created_costs_a_vote_503_but_never_the_answer(feedback_server, tmp_path):
    blocker = tmp_path / "var"
    blocker.write_text("a file where the database folder should be", encoding="utf-8")
    db = blocker / "feedback.sqlite3"
    with feedback_server(db) as url:
        started = time.monotonic()
        assert_refused_quickly(vote(url, "reply-nowhere"), time.monotonic() - started)
        answered = chat(url, OFF_TOPIC)
        assert answered.status_code == 200 and answered.json()["abstained"] is True
    assert blocker.read_text(encoding="utf-8").startswith("a file")
