"""Embeddings of single words, cached: how close an unknown word is to health subjects, or to a word of
the evidence. Shared by the answerability check and the grounding checker."""

from __future__ import annotations

import numpy as np

from .embedder import Embedder
from .word_table import WordTable

_CACHE_LIMIT = 50_000  # words are open-ended input: bound the memory


class WordVectors:
    """Cached word embeddings and their closeness to a fixed set of anchor phrases."""

    def __init__(self, embedder: Embedder, anchors: tuple[str, ...], table: WordTable | None = None):
        self.embedder = embedder
        self.table = table  # common words' vectors, computed ahead (see ``word_table``)
        self.anchors = anchors
        self._anchor_vectors: np.ndarray | None = None
        self._anchor_cosines: dict[str, np.ndarray] = {}
        self._cache: dict[str, np.ndarray] = {}
        self._known: dict[str, np.ndarray] = {}  # given up front (the corpus's words): never evicted

    def preload(self, vectors: dict[str, np.ndarray]) -> None:
        """Words whose vectors are already known (the index stores every corpus word's)."""
        self._known.update(vectors)

    def prefetch(self, ws: list[str]) -> None:
        """Embed the words not seen before, all in one call (each call streams the whole model)."""
        missing = [w for w in dict.fromkeys(ws) if w not in self._cache and self._stored(w) is None]
        if missing:
            if len(self._cache) + len(missing) > _CACHE_LIMIT:
                self._cache.clear()
                missing = [w for w in dict.fromkeys(ws) if self._stored(w) is None]
            for w, v in zip(missing, self.embedder.encode(missing)):
                self._cache[w] = v

    def vectors(self, ws: list[str]) -> np.ndarray:
        """One row per word (embedding the ones not seen before in one batch)."""
        self.prefetch(ws)
        if not ws:
            return np.zeros((0, self.embedder.dim), np.float32)
        return np.vstack([self._cache[w] if (v := self._stored(w)) is None else v for w in ws])

    def _stored(self, w: str) -> np.ndarray | None:
        """The vector of a corpus word or a table word, else None."""
        v = self._known.get(w)
        if v is None and self.table is not None:
            v = self.table.get(w)
        return v

    def anchor_similarity(self, ws: list[str]) -> np.ndarray:
        """Highest cosine of each word to any anchor phrase."""
        return (self.vectors(ws) @ self._anchors().T).max(axis=1)

    def anchor_cosines(self, word: str) -> np.ndarray:
        """Cosine of ``word`` to each anchor phrase, in ``anchors`` order; cached, as the answer stage asks
        it of the same few words for every candidate sentence."""
        found = self._anchor_cosines.get(word)
        if found is None:
            if len(self._anchor_cosines) > _CACHE_LIMIT:
                self._anchor_cosines.clear()
            found = self._anchor_cosines[word] = self.vectors([word])[0] @ self._anchors().T
        return found

    def _anchors(self) -> np.ndarray:
        if self._anchor_vectors is None:
            self._anchor_vectors = self.embedder.encode(list(self.anchors))
        return self._anchor_vectors

    def __len__(self) -> int:
        return len(self._cache)
