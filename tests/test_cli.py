"""The `bot` console script as a user runs it: real process, real model, tmp corpus and index folders."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BOT = Path(sys.executable).with_name("bot")


def bot(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}  # flags only, no stray settings
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", NO_COLOR="1", COLUMNS="200")
    return subprocess.run([str(BOT), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def folders(root: Path) -> list[str]:
    return ["--corpus", str(root / "corpus"), "--index", str(root / "index")]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A corpus and an index made by `bot index build`, once for this module. Tests copy it before editing."""
    root = tmp_path_factory.mktemp("cli")
    shutil.copytree(REPO / "corpus", root / "corpus")
    return root, bot("index", "build", *folders(root), cwd=root)


@pytest.fixture
def workspace(built, tmp_path) -> Path:
    """A private copy of the built corpus and index that a test may change."""
    root, result = built
    assert result.returncode == 0, result.stderr
    shutil.copytree(root / "corpus", tmp_path / "corpus")
    shutil.copytree(root / "index", tmp_path / "index")
    return tmp_path


def test_help_lists_the_commands(tmp_path):
    result = bot("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("index", "search", "serve"):
        assert command in result.stdout
    assert "Traceback" not in result.stderr


def test_build_then_status_is_fresh(built):
    root, result = built
    assert result.returncode == 0, result.stderr
    assert "1 articles" in result.stdout and "49 sentences" in result.stdout
    status = bot("index", "status", *folders(root), cwd=root)
    assert status.returncode == 0, status.stdout + status.stderr
    assert "fresh" in status.stdout and "stale" not in status.stdout


def test_build_keeps_stderr_quiet(built):
    _, result = built
    assert result.stderr.strip() == ""


def test_editing_the_corpus_makes_status_stale(workspace):
    article = workspace / "corpus" / "does-lupus-cause-nerve-pain.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8")
    status = bot("index", "status", *folders(workspace), cwd=workspace)
    assert status.returncode == 1
    assert "stale" in status.stdout and "bot index build" in status.stdout
    as_json = json.loads(bot("index", "status", "--json", *folders(workspace), cwd=workspace).stdout)
    assert as_json["fresh"] is False and as_json["reasons"]


def test_search_json_gives_ranked_rows_with_each_retrievers_score(built):
    root, _ = built
    result = bot("search", "numb feet", "--json", "-k", "3", "--no-rebuild", *folders(root), cwd=root)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["rank"] for r in rows] == [1, 2, 3]
    assert [r["relevance"] for r in rows] == sorted((r["relevance"] for r in rows), reverse=True)
    for r in rows:
        assert isinstance(r["dense_score"], float) and isinstance(r["bm25_score"], float)
        assert r["dense_rank"] >= 1 and r["bm25_rank"] >= 1
        assert r["doc_id"] == "does-lupus-cause-nerve-pain" and r["anchor"] and r["sentence_id"]
    assert "“stocking-and-glove”" in " ".join(r["text"] for r in rows)


def test_search_refuses_a_stale_index_in_one_line(workspace):
    (workspace / "corpus" / "extra.md").write_text("# Extra\n\nA new article.\n", encoding="utf-8")
    result = bot("search", "numb feet", "--no-rebuild", *folders(workspace), cwd=workspace)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "stale" in lines[0] and "bot index build" in lines[0]
    assert result.stdout == ""


def test_build_with_a_binary_file_names_it_and_keeps_the_previous_index(workspace):
    before = snapshot(workspace / "index")
    (workspace / "corpus" / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = bot("index", "build", *folders(workspace), cwd=workspace)
    assert result.returncode != 0
    assert "scan.txt" in result.stderr and "binary" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(workspace / "index") == before
    (workspace / "corpus" / "scan.txt").unlink()
    assert bot("index", "status", *folders(workspace), cwd=workspace).returncode == 0
