"""Shared fixtures: the real model and seed index once per session, and a fake embedder for fast unit tests."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from bot.settings import Settings
from bot.text import index_tokens

REPO = Path(__file__).resolve().parents[1]

# The test process never reaches for the model hub; the packaged weights are local.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


class FakeEmbedder:
    """Deterministic stand-in for the real model: a hashed bag of stems, L2-normalised.

    Texts sharing stems get similar vectors, so retrieval over it still behaves sensibly,
    and it costs microseconds instead of a model load.
    """

    name = "fake/hashed-stems"
    dim = 384

    def __init__(self):
        self.calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in index_tokens(text):
                digest = hashlib.sha1(token.encode("utf-8")).digest()
                out[row, int.from_bytes(digest[:4], "little") % self.dim] += 1.0 if digest[4] & 1 else -1.0
            norm = np.linalg.norm(out[row])
            if norm == 0:
                out[row, 0], norm = 1.0, 1.0  # a text with no content words still gets a unit vector
            out[row] /= norm
        return out


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def settings_factory():
    """``make(corpus_dir, index_dir, **overrides)`` → Settings, so no test depends on the working directory."""

    def make(corpus_dir: Path, index_dir: Path, **overrides) -> Settings:
        return Settings(corpus_dir=Path(corpus_dir), index_dir=Path(index_dir), **overrides)

    return make


@pytest.fixture(scope="session")
def fake_model(tmp_path_factory) -> tuple[Path, str]:
    """A model folder whose weights hash in microseconds: (folder, sha256) for FakeEmbedder builds."""
    folder = tmp_path_factory.mktemp("fake-model")
    weights = b"not a real model, only something to hash"
    (folder / "model.safetensors").write_bytes(weights)
    return folder, hashlib.sha256(weights).hexdigest()


@pytest.fixture(scope="session")
def embedder():
    """The real all-MiniLM-L6-v2, loaded once for the whole session."""
    from bot.embedder import SentenceTransformerEmbedder

    settings = Settings()
    return SentenceTransformerEmbedder(settings.model_dir, settings.model_name)


@pytest.fixture(scope="session")
def seed_corpus(tmp_path_factory) -> Path:
    """A private copy of the shipped corpus (tests may not edit the real one)."""
    folder = tmp_path_factory.mktemp("seed") / "corpus"
    shutil.copytree(REPO / "corpus", folder)
    return folder


@pytest.fixture(scope="session")
def seed_index(seed_corpus, embedder, settings_factory) -> Settings:
    """Settings for an index of the seed corpus built once with the real model. Read-only for tests."""
    from bot.index_store import build_index

    settings = settings_factory(seed_corpus, seed_corpus.parent / "index")
    build_index(settings, embedder)
    return settings


@pytest.fixture(scope="session")
def loaded_index(seed_index):
    from bot.index_store import load_index

    return load_index(seed_index)


@pytest.fixture(scope="session")
def retriever(loaded_index, embedder, seed_index):
    """The hybrid retriever configured the way the engine configures it."""
    from bot.retrieval import HybridRetriever, RetrieverConfig

    config = RetrieverConfig(candidates=seed_index.candidates, rrf_k=seed_index.rrf_k, dense_weight=seed_index.dense_weight)
    return HybridRetriever(loaded_index, embedder, config)


@pytest.fixture(scope="session")
def answer_bot(retriever, seed_index):
    """The real Bot over the real seed index and model."""
    from bot.answer import Bot

    return Bot(retriever, seed_index)


@pytest.fixture(scope="session")
def reranker(retriever, answer_bot):
    """Fused retrieval re-ordered by coverage, as `bot search` ranks (sharing the bot's coverage caches)."""
    from bot.rerank import Reranker

    return Reranker(retriever, answer_bot.judge)


# --- live servers (API and browser tests) ----------------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(app, port: int | None = None, ready_path: str = "/healthz") -> Iterator[str]:
    """Serve an ASGI app with uvicorn on 127.0.0.1 in a thread; yields its base URL once it answers."""
    import threading

    import httpx
    import uvicorn

    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(1000):  # wait for the socket to answer, not for a fixed time
        if not thread.is_alive():
            raise RuntimeError(f"server on port {port} did not start")
        try:
            httpx.get(url + ready_path, timeout=0.5)
            break
        except httpx.TransportError:
            threading.Event().wait(0.02)
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def served_engine(seed_index, embedder):
    """The real engine over the seed index, loaded before any server uses it."""
    from bot.engine import Engine

    engine = Engine(seed_index, embedder_override=embedder)
    engine.bot  # load before serving so the first request is not the slow one
    return engine


@pytest.fixture(scope="session")
def serve():
    """``with serve(app) as url:`` runs an ASGI app on a free local port for the block."""
    return running_server
