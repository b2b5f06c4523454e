"""The API router: translates HTTP to ``Bot.reply`` and back. No retrieval logic lives here."""

from __future__ import annotations

import logging
import sqlite3

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool

from ..conversation import ConversationError
from .deps import EngineDep, FeedbackDep, SettingsDep
from .models import (ArticleOut, ArticleSummary, ChatRequest, FeedbackIn, FeedbackOut, Problem, ReplyOut, SectionOut,
                     SentenceOut)

log = logging.getLogger(__name__)
router = APIRouter()


@router.get("/healthz")
def healthz() -> dict:
    """Alive."""
    return {"status": "ok"}


@router.get("/readyz")
def readyz(engine: EngineDep) -> dict:
    """Index loaded, with its manifest summary."""
    m = engine.index.manifest
    return {"status": "ready", "articles": m.articles, "sections": m.sections, "sentences": m.sentences,
            "built_at": m.built_at, "model": m.model_name, "chunking_version": m.chunking_version,
            "corpus_hash": m.corpus_hash}


@router.post("/api/chat", response_model=ReplyOut, responses={422: {"model": Problem}})
async def chat(body: ChatRequest, engine: EngineDep, settings: SettingsDep, store: FeedbackDep) -> dict:
    """Answer the last user message of ``messages``; the server keeps no conversation state."""
    if len(body.messages) > settings.max_messages:
        raise HTTPException(422, f"too many messages ({len(body.messages)}); send at most the last {settings.max_messages}")
    if len(body.messages[-1].content) > settings.max_message_chars:
        raise HTTPException(422, f"the last message is longer than {settings.max_message_chars} characters; shorten it")
    messages = [m.model_dump() for m in body.messages]
    try:
        # Replies are CPU-bound (~10 ms); a thread keeps the event loop free for other clients.
        reply = await run_in_threadpool(engine.bot.reply, messages)
    except ConversationError as exc:
        raise HTTPException(422, str(exc)) from None
    if reply.abstained and reply.safety is None and settings.record_questions:
        try:
            await run_in_threadpool(store.record_question, messages[-1]["content"])
        except sqlite3.Error as exc:  # a full disk must not cost the patient the answer
            log.warning("could not record an unanswered question: %s", exc)
    return reply.to_dict()


@router.post("/api/feedback", response_model=FeedbackOut, status_code=201, responses={422: {"model": Problem}, 503: {"model": Problem}})
async def feedback(body: FeedbackIn, settings: SettingsDep, store: FeedbackDep) -> dict:
    """A thumbs up/down on a reply (free text is redacted before it is stored)."""
    question = body.question if settings.record_questions else None
    try:
        await run_in_threadpool(store.record_feedback, body.reply_id, body.helpful, body.reply,
                                abstained=body.abstained, question=question, comment=body.comment)
    except sqlite3.Error as exc:
        log.warning("could not store feedback: %s", exc)
        raise HTTPException(503, "feedback could not be stored right now; please try again later") from None
    return {"status": "recorded"}


@router.get("/api/articles", response_model=list[ArticleSummary])
def articles(engine: EngineDep) -> list[dict]:
    """Every article in the index."""
    return [{"doc_id": a.doc_id, "title": a.title, "sections": len(a.sections), "sentences": len(a.sentences)}
            for a in engine.index.articles.values()]


@router.get("/api/articles/{doc_id}", response_model=ArticleOut, responses={404: {"model": Problem}})
def article(doc_id: str, engine: EngineDep) -> ArticleOut:
    """One article's sections, anchors and sentences (with ids for highlighting)."""
    a = engine.index.articles.get(doc_id)
    if a is None:
        raise HTTPException(404, f"no article '{doc_id}'; GET /api/articles lists them")
    sections = [
        SectionOut(title=s.title, path=list(s.path), anchor=s.anchor, level=s.level,
                   sentences=[SentenceOut(id=x.id, text=x.text, start=x.start, end=x.end)
                              for x in a.sentences if x.section == i])
        for i, s in enumerate(a.sections)
    ]
    return ArticleOut(doc_id=a.doc_id, title=a.title, sections=sections)
