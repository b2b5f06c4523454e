"""Plain data objects passed between stages: corpus → sections/sentences → index → retrieval → answer."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    """A heading and the text under it, up to the next heading of any level."""

    doc_id: str
    title: str
    path: tuple[str, ...]  # titles of the parents, outermost first, excluding the article title
    anchor: str  # URL fragment, unique within the article
    level: int
    start: int  # character offsets into the article source
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article with its offsets back into the source."""

    id: str  # stable: hash of article, section and text
    doc_id: str
    section: int  # index into Article.sections
    position: int  # order within the article
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    doc_id: str
    title: str
    source_path: str
    text: str
    content_hash: str
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Problem:
    """A corpus problem tied to a file: errors stop a build, warnings do not."""

    path: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.severity}: {self.path}: {self.message}"


@dataclass(frozen=True)
class Hit:
    """One retrieved sentence with the evidence from each retriever."""

    sentence: Sentence
    article_title: str
    section: Section
    fused: float
    rank: int
    dense_score: float | None = None
    dense_rank: int | None = None
    bm25_score: float | None = None
    bm25_rank: int | None = None
    relevance: float | None = None  # the reranker's score, when it ordered the hits (``rank`` is then its order)


@dataclass
class Claim:
    text: str
    citations: list[int]


@dataclass
class Citation:
    id: int
    doc_id: str
    doc_title: str
    section: str
    section_path: list[str]
    anchor: str
    passage: str
    score: float
    sentence_id: str = field(default="", repr=False)


@dataclass
class Safety:
    kind: str  # "emergency" | "medical_advice"
    message: str


@dataclass
class Reply:
    """The answer object every surface shows unchanged."""

    reply: str
    claims: list[Claim] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    safety: Safety | None = None
    suggestions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The serialised contract: exactly the documented keys."""
        return {
            "reply": self.reply,
            "claims": [{"text": c.text, "citations": list(c.citations)} for c in self.claims],
            "citations": [
                {
                    "id": c.id,
                    "doc_id": c.doc_id,
                    "doc_title": c.doc_title,
                    "section": c.section,
                    "section_path": list(c.section_path),
                    "anchor": c.anchor,
                    "passage": c.passage,
                    "score": round(float(c.score), 4),
                }
                for c in self.citations
            ],
            "abstained": self.abstained,
            "safety": None if self.safety is None else {"kind": self.safety.kind, "message": self.safety.message},
            "suggestions": list(self.suggestions),
        }
