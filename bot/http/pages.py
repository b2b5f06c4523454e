"""HTML surfaces: the full-page chat (/), the widget's iframe (/embed), article pages and /widget.js.

Pages are Jinja2 templates under ``web/templates`` (autoescaped); behaviour is in ``web/static``. Page
configuration reaches the scripts through ``data-`` attributes, never inline script, so the CSP can
forbid inline code altogether.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates

from ..settings import Settings
from .article_view import article_sections, cited_ids
from .deps import EngineDep, SettingsDep

WEB_DIR = Path(__file__).resolve().parents[2] / "web"
STATIC_DIR = WEB_DIR / "static"

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=64)
def _file_hash(path: Path, mtime: float) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def static_url(name: str) -> str:
    """``/static/name?v=<content hash>`` so a changed file is never served stale from a cache."""
    path = STATIC_DIR / name
    return f"/static/{name}?v={_file_hash(path, path.stat().st_mtime)}"


templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
templates.env.globals["static_url"] = static_url


def _chat_context(request: Request, settings: Settings, mode: str) -> dict:
    config = {
        "mode": mode,
        "starters": list(settings.starter_questions),
        "maxMessages": settings.max_messages,
        "maxChars": settings.max_message_chars,
        "maxBodyBytes": settings.max_body_bytes,
    }
    return {"request": request, "settings": settings, "mode": mode, "config": json.dumps(config)}


@router.get("/", response_class=HTMLResponse)
def chat_page(request: Request, settings: SettingsDep):
    """The full-page chat."""
    return templates.TemplateResponse(request, "chat.html", _chat_context(request, settings, "page"))


@router.get("/embed", response_class=HTMLResponse)
def embed_page(request: Request, settings: SettingsDep):
    """The chat panel that /widget.js puts in an iframe on a clinic's page."""
    return templates.TemplateResponse(request, "chat.html", _chat_context(request, settings, "embed"))


@router.get("/articles/{doc_id}", response_class=HTMLResponse)
def article_page(request: Request, doc_id: str, engine: EngineDep, settings: SettingsDep,
                 cite: Annotated[str | None, Query(max_length=5000)] = None):
    """One article; ``?cite=<passage>`` highlights the sentences that passage quotes."""
    article = engine.index.articles.get(doc_id)
    if article is None:
        raise HTTPException(404, f"no article '{doc_id}'")
    cited = cited_ids(article, cite)
    return templates.TemplateResponse(request, "article.html", {
        "request": request, "settings": settings, "article": article,
        "sections": article_sections(article, cited), "cited": bool(cited), "cite_missing": bool(cite) and not cited,
    })


@router.get("/widget.js")
def widget_script():
    """The one script a clinic's page includes; it adds a chat button and an iframe of /embed."""
    return FileResponse(STATIC_DIR / "widget.js", media_type="text/javascript; charset=utf-8",
                        headers={"cache-control": "public, max-age=300"})
