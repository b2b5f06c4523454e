"""Assemble the pipeline once per process: settings → model → index → retriever → bot."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property

from .embedder import Embedder, SentenceTransformerEmbedder
from .index_store import LoadedIndex, ensure_index
from .retrieval import HybridRetriever, RetrieverConfig
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Engine:
    """Lazily loaded model, index and retriever for one set of settings."""

    settings: Settings
    embedder_override: Embedder | None = None

    @cached_property
    def embedder(self) -> Embedder:
        if self.embedder_override is not None:
            return self.embedder_override
        return SentenceTransformerEmbedder(self.settings.model_dir, self.settings.model_name, self.settings.torch_threads)

    @cached_property
    def index(self) -> LoadedIndex:
        return ensure_index(self.settings, lambda: self.embedder)

    @cached_property
    def retriever(self) -> HybridRetriever:
        config = RetrieverConfig(
            candidates=self.settings.candidates, rrf_k=self.settings.rrf_k, dense_weight=self.settings.dense_weight
        )
        return HybridRetriever(self.index, self.embedder, config)

    @cached_property
    def bot(self):
        from .answer import Bot

        return Bot(self.retriever, self.settings)
