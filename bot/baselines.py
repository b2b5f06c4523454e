"""The systems ``bot eval run`` scores side by side: the bot, and simpler designs it should beat.

Every system answers a conversation with a Reply (so the same scoring applies) and ranks passages for
it (for Recall@k and MRR). All of them search with the same query text: the last user turn plus the
topic of earlier turns, as the bot's conversation module resolves it, so the comparison isolates
retrieval and answer selection.

- ``bot``: the real Bot (hybrid retrieval, answerability, safety); its ranking is the reranker's.
- ``bm25-only`` / ``dense-only``: the bot's retriever with one ranker switched off; the reply quotes the
  top sentence, with no answerability check and no safety layer (abstains only when nothing matches).
- ``chunk-500``: the usual RAG baseline: each article cut into fixed 500-character chunks, ranked by
  cosine to the query; the reply is the top chunk, cited to the section where the chunk starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .answerability import topical_count
from .conversation import parse_messages, resolve
from .rerank import Reranker
from .retrieval import HybridRetriever, RetrieverConfig
from .types import Citation, Claim, Reply

CHUNK_CHARS = 500
RANK_DEPTH = 20  # passages ranked per question for MRR (a rank beyond it counts as not found)
NO_MATCH = "The articles do not seem to cover that."


class System(Protocol):
    name: str

    def reply(self, messages: list[dict]) -> Reply: ...

    def ranked(self, messages: list[dict]) -> list[str]:
        """Passage texts for the last turn, best first (at most RANK_DEPTH)."""
        ...

    def confidence(self, messages: list[dict]) -> float:
        """Top cosine of the query to any passage: the score a threshold-based abstainer would use."""
        ...


def query_text(messages: list[dict]) -> str:
    """The last user turn with the topic it inherits from earlier turns."""
    r = resolve(parse_messages(messages), topical_count)
    return " ".join(x for x in (r.focus, r.context) if x)


@dataclass
class BotSystem:
    bot: object
    retriever: HybridRetriever
    name: str = "bot"

    def reply(self, messages):
        return self.bot.reply(messages)

    def ranked(self, messages):
        # The ranking `bot search` shows: fused candidates reordered by coverage, with the bot's caches.
        reranker = Reranker(self.retriever, self.bot.judge)
        return [h.sentence.text for h in reranker.search(query_text(messages), k=RANK_DEPTH)]

    def confidence(self, messages):
        return float(self.retriever.dense_scores(self.retriever.analyze(query_text(messages))).max())


class RetrieverBaseline:
    """Quote the top sentence of one retriever."""

    def __init__(self, name: str, index, embedder, config: RetrieverConfig):
        self.name = name
        self.retriever = HybridRetriever(index, embedder if config.use_dense else None, config)
        self._dense = HybridRetriever(index, embedder, RetrieverConfig(use_bm25=False)) if embedder else None

    def reply(self, messages):
        hits = self.retriever.search(query_text(messages), k=1)
        if not hits:
            return Reply(reply=NO_MATCH, abstained=True)
        h = hits[0]
        cit = Citation(id=1, doc_id=h.sentence.doc_id, doc_title=h.article_title, section=h.section.title,
                       section_path=[*h.section.path, h.section.title], anchor=h.section.anchor,
                       passage=h.sentence.text, score=h.fused, sentence_id=h.sentence.id)
        return Reply(reply=f"{h.sentence.text} [1]", claims=[Claim(h.sentence.text, [1])], citations=[cit])

    def ranked(self, messages):
        return [h.sentence.text for h in self.retriever.search(query_text(messages), k=RANK_DEPTH)]

    def confidence(self, messages):
        d = self._dense
        return float(d.dense_scores(d.analyze(query_text(messages))).max()) if d else 0.0


@dataclass(frozen=True)
class Chunk:
    doc_id: str
    doc_title: str
    start: int
    text: str
    section_title: str
    section_path: tuple[str, ...]
    anchor: str


def fixed_chunks(index, size: int = CHUNK_CHARS) -> list[Chunk]:
    """Each article's source cut every ``size`` characters, whitespace trimmed, no overlap."""
    out = []
    for a in index.articles.values():
        for start in range(0, len(a.text), size):
            raw = a.text[start : start + size]
            text = raw.strip()
            if not text:
                continue
            at = start + len(raw) - len(raw.lstrip())
            sec = next((s for s in reversed(a.sections) if s.start <= at), a.sections[0])
            out.append(Chunk(a.doc_id, a.title, at, text, sec.title, (*sec.path, sec.title), sec.anchor))
    return out


class ChunkBaseline:
    """Fixed 500-character chunks ranked by cosine; the reply is the top chunk."""

    name = "chunk-500"

    def __init__(self, index, embedder, size: int = CHUNK_CHARS):
        self.embedder = embedder
        self.chunks = fixed_chunks(index, size)
        self.vectors = embedder.encode([c.text for c in self.chunks])

    def _scores(self, messages) -> np.ndarray:
        return self.vectors @ self.embedder.encode([query_text(messages)])[0]

    def reply(self, messages):
        scores = self._scores(messages)
        c = self.chunks[int(np.argmax(scores))]
        cit = Citation(id=1, doc_id=c.doc_id, doc_title=c.doc_title, section=c.section_title,
                       section_path=list(c.section_path), anchor=c.anchor, passage=c.text, score=float(scores.max()))
        return Reply(reply=f"{c.text} [1]", claims=[Claim(c.text, [1])], citations=[cit])

    def ranked(self, messages):
        scores = self._scores(messages)
        order = np.lexsort((np.arange(len(scores)), -scores))[:RANK_DEPTH]
        return [self.chunks[i].text for i in order]

    def confidence(self, messages):
        return float(self._scores(messages).max())


def systems(bot, retriever: HybridRetriever, with_baselines: bool) -> list:
    """The bot first, then (optionally) the three baselines over the same index and model."""
    out = [BotSystem(bot, retriever)]
    if with_baselines:
        index, embedder, cfg = retriever.index, retriever.embedder, retriever.config
        out.append(RetrieverBaseline("bm25-only", index, embedder, RetrieverConfig(
            candidates=cfg.candidates, rrf_k=cfg.rrf_k, use_dense=False)))
        out.append(RetrieverBaseline("dense-only", index, embedder, RetrieverConfig(
            candidates=cfg.candidates, rrf_k=cfg.rrf_k, use_bm25=False)))
        out.append(ChunkBaseline(index, embedder))
    return out
