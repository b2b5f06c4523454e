"""Vectors of common English words, computed once from the verified model and shipped with the package.

A reply embeds the question's words the corpus lacks, for the health and synonym checks in ``coverage``,
and each encoder call costs ~3–5 ms however short its text: about a third of first-time questions paid it.
With the ~15,000 commonest words (Zipf ≥ 3.5) looked up here instead, few do. Embedding them takes ~20 s,
too long for every index build, so ``scripts/make_word_vectors.py`` does it once; the table records the
weights' sha256 and is ignored under any other model. Components are stored as int8 with one scale per word
(cosine to the float vector > 0.9999); ``tests/test_word_table.py`` checks it against the live encoder.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

TABLE = Path(__file__).parent / "lexicon" / "english_vectors.npz"
MIN_ZIPF = 3.5


@dataclass(frozen=True)
class WordTable:
    """Word → unit vector, for the words of the table."""

    rows: dict[str, int]
    codes: np.ndarray  # int8, one row per word
    scales: np.ndarray  # float32, one per row
    model_sha256: str

    def get(self, word: str) -> np.ndarray | None:
        """The word's vector, or None when the table lacks it."""
        row = self.rows.get(word)
        if row is None:
            return None
        return self.codes[row].astype(np.float32) * self.scales[row]


def quantize(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 codes and per-row scales such that ``codes * scales[:, None]`` ≈ ``vectors``."""
    scales = np.abs(vectors).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    codes = np.round(vectors / scales[:, None]).astype(np.int8)
    return codes, scales.astype(np.float32)


def save(path: Path, words: list[str], vectors: np.ndarray, model_sha256: str) -> None:
    """Write the table (to a temp file, then renamed, so a reader never sees half of it)."""
    codes, scales = quantize(np.asarray(vectors, dtype=np.float32))
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as f:
        np.savez(f, words=np.array("\n".join(words)), codes=codes, scales=scales, model_sha256=np.array(model_sha256))
    tmp.replace(path)


@lru_cache(maxsize=4)
def load(model_sha256: str, path: Path = TABLE) -> WordTable | None:
    """The shipped table when it was made from the weights ``model_sha256``; None otherwise."""
    try:
        with np.load(path, allow_pickle=False) as saved:
            made_by = str(saved["model_sha256"])
            if made_by != model_sha256:
                log.info("word table %s was made by other weights (%s…): not used", path.name, made_by[:12])
                return None
            words = str(saved["words"]).split("\n")
            return WordTable({w: i for i, w in enumerate(words)}, saved["codes"], saved["scales"], made_by)
    except (OSError, KeyError, ValueError) as exc:
        log.warning("word table %s unreadable (%s): words are embedded as needed", path, exc.__class__.__name__)
        return None
