"""Hybrid retrieval: dense (FAISS) and lexical (BM25) ranked lists fused by reciprocal rank fusion."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .embedder import Embedder
from .index_store import LoadedIndex
from .query import Query, Vocabulary, analyze
from .types import Hit


@dataclass(frozen=True)
class RetrieverConfig:
    candidates: int = 40
    # Weighted RRF: score = Σ w / (k + rank). k=10 and dense weight 0.3 were measured on eval/dev.jsonl
    # and checked on eval/holdout.jsonl (bench/RESULTS.md): with lay-term expansion BM25 is the stronger
    # ranker on patient questions, and the classic k=60 with equal weights let weak dense ranks dilute it.
    rrf_k: int = 10
    dense_weight: float = 0.3
    bm25_weight: float = 1.0
    use_dense: bool = True
    use_bm25: bool = True

    def __post_init__(self):
        if self.candidates <= 0 or self.rrf_k <= 0:
            raise ValueError("candidates and rrf_k must be > 0")
        if self.dense_weight < 0 or self.bm25_weight < 0:
            raise ValueError("retriever weights must be >= 0")
        if not (self.use_dense or self.use_bm25):
            raise ValueError("enable at least one retriever")


class HybridRetriever:
    """Ranks corpus sentences for a query."""

    def __init__(self, index: LoadedIndex, embedder: Embedder | None, config: RetrieverConfig = RetrieverConfig()):
        if config.use_dense and embedder is None:
            raise ValueError("dense retrieval needs an embedder")
        self.index = index
        self.embedder = embedder
        self.config = config
        self._rows = {s.id: i for i, s in enumerate(index.sentences)}  # sentence id → row of the index
        self.vocabulary = Vocabulary(
            [s.text for s in index.sentences]
            + [sec.title for a in index.articles.values() for sec in a.sections]
        )

    def analyze(self, text: str) -> Query:
        return analyze(text, self.vocabulary)

    def dense_scores(self, query: Query) -> np.ndarray:
        """Cosine similarity of the query to every sentence (exact search: IndexFlatIP)."""
        vec = np.ascontiguousarray(self.embedder.encode([query.corrected]), dtype=np.float32)
        index = self.index.faiss_index
        n, dim = index.ntotal, index.d
        if hasattr(index, "get_xb") and n:
            import faiss

            # Every sentence's score is needed (each hit shows its dense rank), and a FAISS search with
            # k = n heap-sorts them all: 5.6 ms at 25k sentences against 2.2 ms for the inner products
            # alone, computed by FAISS's own single-threaded kernel over the vectors it stores.
            out = np.empty(n, dtype=np.float32)
            faiss.fvec_inner_products_ny(faiss.swig_ptr(out), faiss.swig_ptr(vec[0]), index.get_xb(), dim, n)
            return out
        scores, rows = index.search(vec, n)
        out = np.empty(n, dtype=np.float32)
        out[rows[0]] = scores[0]
        return out

    def bm25_scores(self, query: Query) -> np.ndarray:
        stems = query.search_stems
        if not stems:
            return np.zeros(len(self.index.sentences), dtype=np.float32)
        return np.asarray(self.index.bm25.get_scores(stems), dtype=np.float32)

    def search(self, query: Query | str, k: int = 10,
               also: Callable[[list[Hit]], list[str]] | None = None) -> list[Hit]:
        """Top ``k`` sentences, fused; ties broken by corpus order so results are reproducible. ``also``
        names further sentences to add after them, given those hits (with each retriever's evidence from the
        same scoring pass, a fused score of 0 and the next ranks)."""
        if isinstance(query, str):
            query = self.analyze(query)
        if not query.corrected.strip():
            return []  # no word at all ("???"): nothing to rank by
        dense = self.dense_scores(query) if self.config.use_dense else None
        bm25 = self.bm25_scores(query) if self.config.use_bm25 else None
        # Only the candidates of each ranked list get an RRF share; every other sentence fuses to 0.
        fused: dict[int, float] = {}
        for name, scores in (("dense", dense), ("bm25", bm25)):
            if scores is None:
                continue
            top = _top_rows(scores, self.config.candidates)
            if name == "bm25":
                top = top[scores[top] > 0]  # a sentence sharing no word with the query is no lexical evidence
            weight = self.config.dense_weight if name == "dense" else self.config.bm25_weight
            if not (self.config.use_dense and self.config.use_bm25):
                weight = 1.0  # a single retriever ranks alone
            for rank, row in enumerate(top.tolist(), start=1):
                fused[row] = fused.get(row, 0.0) + weight / (self.config.rrf_k + rank)
        order = sorted((row for row, f in fused.items() if f > 0), key=lambda row: (-fused[row], row))[:k]
        hits = [self._hit(row, pos, fused.get(row, 0.0), dense, bm25) for pos, row in enumerate(order, start=1)]
        if also is not None:
            extra = also(hits)
            hits += [self._hit(self._rows[sid], len(hits) + i, 0.0, dense, bm25) for i, sid in enumerate(extra, start=1)]
        return hits

    def _hit(self, row: int, rank: int, fused: float, dense: np.ndarray | None, bm25: np.ndarray | None) -> Hit:
        sentence = self.index.sentences[row]
        article = self.index.articles[sentence.doc_id]
        return Hit(
            sentence=sentence,
            article_title=article.title,
            section=article.sections[sentence.section],
            fused=float(fused),
            rank=rank,
            dense_score=None if dense is None else float(dense[row]),
            dense_rank=None if dense is None else _rank_of(dense, row),
            bm25_score=None if bm25 is None else float(bm25[row]),
            bm25_rank=None if bm25 is None else _rank_of(bm25, row),
        )


def _top_rows(scores: np.ndarray, c: int) -> np.ndarray:
    """The ``c`` best rows by score, ties broken by row: what a full sort would put first, in O(n)."""
    n = len(scores)
    if c < n:
        threshold = scores[np.argpartition(-scores, c - 1)[:c]].min()
        rows = np.flatnonzero(scores >= threshold)  # every tie at the threshold, in row order
    else:
        rows = np.arange(n)
    return rows[np.lexsort((rows, -scores[rows]))][:c]


def _rank_of(scores: np.ndarray, row: int) -> int:
    """1-based rank of ``row`` in ``scores`` sorted descending, ties broken by row."""
    s = scores[row]
    return int(np.count_nonzero(scores > s) + np.count_nonzero(scores[:row] == s) + 1)
