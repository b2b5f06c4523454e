"""FastAPI app factory: assembles routers; holds no retrieval logic."""

from __future__ import annotations

from fastapi import FastAPI

from ..engine import Engine
from ..settings import Settings


def create_app(settings: Settings, engine: Engine | None = None) -> FastAPI:
    """The HTTP app for one set of settings (tests pass their own engine)."""
    engine = engine or Engine(settings)
    app = FastAPI(title="Lupus nerve-pain patient education bot", version="0.1.0")
    app.state.engine = engine
    app.state.settings = settings

    @app.get("/healthz")
    def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz() -> dict:
        m = engine.index.manifest
        return {"status": "ready", "articles": m.articles, "sentences": m.sentences, "built_at": m.built_at,
                "model": m.model_name, "corpus_hash": m.corpus_hash}

    return app
