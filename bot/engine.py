"""Assemble the pipeline once per process: settings → model → index → retriever → bot."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property

from .embedder import CachingEmbedder, Embedder
from .index_store import LoadedIndex, ensure_index
from .retrieval import HybridRetriever, RetrieverConfig
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Engine:
    """Lazily loaded model, index and retriever for one set of settings.

    Queries are embedded by the ONNX encoders stored in a fresh index, so serving never imports torch;
    sentence-transformers is loaded only when the index has to be built (and then also embeds queries,
    since it is in memory anyway). Questions go through the int8 encoder (fast, approximate: they are only
    ranked against sentence vectors); single words through the fp32 one, because their cosines to the
    corpus words stored in the index are compared with fixed thresholds.
    """

    settings: Settings
    embedder_override: Embedder | None = None

    @cached_property
    def build_embedder(self) -> Embedder:
        """The torch model: what builds the index."""
        if self.embedder_override is not None:
            return self.embedder_override
        from .embedder import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(self.settings.model_dir, self.settings.model_name, self.settings.torch_threads)

    @cached_property
    def embedder(self) -> Embedder:
        """What embeds queries: the override, else the index's ONNX encoder, else the torch model."""
        if self.embedder_override is not None:
            return self.embedder_override
        index = self.index
        if "build_embedder" in self.__dict__ or not index.manifest.encoder or index.folder is None:
            return self.build_embedder
        from .embedder import OnnxEmbedder

        m = index.manifest
        return OnnxEmbedder(index.folder, m.model_name, m.dim, self.settings.onnx_threads, file=m.query_encoder)

    @cached_property
    def word_embedder(self) -> Embedder:
        """What embeds single words: the index's fp32 ONNX encoder (loaded on first use), else ``embedder``."""
        index = self.index
        # Only when questions go through the int8 copy do words need an encoder of their own.
        int8_questions = (self.embedder_override is None and "build_embedder" not in self.__dict__
                          and index.folder is not None and index.manifest.query_encoder is not None)
        if not int8_questions:
            return self.embedder
        from .embedder import LazyEmbedder, OnnxEmbedder

        m = index.manifest
        return LazyEmbedder(lambda: OnnxEmbedder(index.folder, m.model_name, m.dim, self.settings.onnx_threads),
                            m.model_name, m.dim)

    @cached_property
    def index(self) -> LoadedIndex:
        return ensure_index(self.settings, lambda: self.build_embedder)

    @cached_property
    def retriever(self) -> HybridRetriever:
        config = RetrieverConfig(
            candidates=self.settings.candidates, rrf_k=self.settings.rrf_k, dense_weight=self.settings.dense_weight
        )
        return HybridRetriever(self.index, CachingEmbedder(self.embedder), config)

    @cached_property
    def judge(self):
        """Key-term coverage of the indexed sentences (reranking and answers share its caches)."""
        from .coverage import CoverageJudge

        return CoverageJudge(self.index, self.word_embedder)

    @cached_property
    def reranker(self):
        """What ``bot search`` ranks with: fused candidates re-ordered by coverage of the question."""
        from .rerank import Reranker

        return Reranker(self.retriever, self.judge)

    @cached_property
    def bot(self):
        from .answer import Bot

        return Bot(self.retriever, self.settings, self.judge)

    def warm(self) -> None:
        """Load everything a first request would otherwise wait for (index, encoder, bot, word lists)."""
        self.bot.retriever.vocabulary.warm()
        if hasattr(self.word_embedder, "load"):
            self.word_embedder.load()
        self.bot.reply([{"role": "user", "content": "warm up: what is lupus?"}])
