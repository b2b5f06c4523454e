"""The API router: translates HTTP to ``Bot.reply`` and back. No retrieval logic lives here."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from ..conversation import ConversationError
from ..engine import Engine
from ..settings import Settings
from .models import ArticleOut, ArticleSummary, ChatRequest, Problem, ReplyOut, SectionOut, SentenceOut

router = APIRouter()


def get_engine(request: Request) -> Engine:
    return request.app.state.engine


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


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
async def chat(body: ChatRequest, engine: EngineDep, settings: SettingsDep) -> dict:
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
    return reply.to_dict()


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
