"""FastAPI app factory: assembles routers and error handlers; holds no retrieval logic."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from ..engine import Engine
from ..settings import Settings
from .routes import router


def create_app(settings: Settings, engine: Engine | None = None) -> FastAPI:
    """The HTTP app for one set of settings (tests pass their own engine)."""
    app = FastAPI(title="Lupus nerve-pain patient-education bot", version="0.1.0")
    app.state.engine = engine or Engine(settings)
    app.state.settings = settings
    app.include_router(router)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # One line a developer can act on, instead of pydantic's nested list.
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
        return JSONResponse({"detail": f"{where}: {first.get('msg', 'invalid')}"}, status_code=422)

    return app
