"""Request and response models of the HTTP API (separate from the core's dataclasses)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["user", "assistant"]
    content: str = Field(max_length=20_000)


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    messages: list[ChatMessage] = Field(min_length=1, max_length=200)


class ClaimOut(BaseModel):
    text: str
    citations: list[int]


class CitationOut(BaseModel):
    id: int
    doc_id: str
    doc_title: str
    section: str
    section_path: list[str]
    anchor: str
    passage: str
    score: float


class SafetyOut(BaseModel):
    kind: Literal["emergency", "medical_advice"]
    message: str


class ReplyOut(BaseModel):
    reply: str
    claims: list[ClaimOut]
    citations: list[CitationOut]
    abstained: bool
    safety: SafetyOut | None
    suggestions: list[str]


class SentenceOut(BaseModel):
    id: str
    text: str
    start: int
    end: int


class SectionOut(BaseModel):
    title: str
    path: list[str]
    anchor: str
    level: int
    sentences: list[SentenceOut]


class ArticleSummary(BaseModel):
    doc_id: str
    title: str
    sections: int
    sentences: int


class ArticleOut(BaseModel):
    doc_id: str
    title: str
    sections: list[SectionOut]


class Problem(BaseModel):
    detail: str


class FeedbackIn(BaseModel):
    """A thumbs up/down on one reply. The server keeps no conversation, so the browser sends what it rated."""

    model_config = ConfigDict(extra="forbid")
    reply_id: str = Field(pattern=r"^[A-Za-z0-9_-]{8,64}$", description="Id the browser gave the reply; a new vote on it replaces the old.")
    helpful: StrictBool  # JSON true/false only, as the schema says (not 0, 1 or "yes")
    reply: str = Field(max_length=10_000, description="The reply text that was rated.")
    question: str | None = Field(None, max_length=2_000, description="The question; stored (redacted) only when BOT_RECORD_QUESTIONS is on.")
    abstained: StrictBool = False
    comment: str | None = Field(None, max_length=1_000)


class FeedbackOut(BaseModel):
    status: Literal["recorded"]
