"""FastAPI app factory: assembles routers, middleware and error handlers; holds no retrieval logic."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..engine import Engine
from ..feedback import FeedbackStore
from ..settings import Settings
from . import pages
from .routes import router
from .security import BodyLimit, CatchAll, RateLimit, SecurityHeaders

log = logging.getLogger(__name__)


def create_app(settings: Settings, engine: Engine | None = None) -> FastAPI:
    """The HTTP app for one set of settings (tests pass their own engine)."""
    app = FastAPI(title="Lupus nerve-pain patient-education bot", version="0.1.0")
    app.state.engine = engine or Engine(settings)
    app.state.settings = settings
    app.state.feedback = FeedbackStore(settings.db_path, settings.db_busy_timeout)
    app.include_router(router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC_DIR), name="static")

    # Added innermost first: a request meets SecurityHeaders, then CORS, then the rate limit, then the body
    # limit, then CatchAll (whose 500 thus passes back out through the others).
    app.add_middleware(CatchAll)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RateLimit, limit=settings.rate_limit)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["content-type"], max_age=600)
    app.add_middleware(SecurityHeaders, embed_origins=list(settings.cors_origins))
    app.openapi = lambda: _openapi_with_middleware_answers(app)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # One line a developer can act on, instead of pydantic's nested list.
        first = exc.errors()[0]
        if first.get("type") == "json_invalid":  # loc is ("body", <character offset>): say what and where
            reason = (first.get("ctx") or {}).get("error", "JSON decode error")
            pos = [p for p in first.get("loc", ()) if p != "body"]
            at = f" at character {pos[0]}" if pos else ""
            return JSONResponse({"detail": f"the request body is not valid JSON: {reason}{at}"}, status_code=422)
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "body"
        return JSONResponse({"detail": f"{where}: {first.get('msg', 'invalid')}"}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        # Browsers asking for a page get a page; everything else gets the API's {"detail": ...}.
        wants_html = "text/html" in request.headers.get("accept", "") and not request.url.path.startswith("/api/")
        if wants_html and exc.status_code in (404, 405):
            return pages.templates.TemplateResponse(
                request, "error.html", {"request": request, "settings": settings, "status": exc.status_code,
                                        "message": "We could not find that page."},
                status_code=exc.status_code)
        detail = exc.detail
        if exc.status_code == 400 and isinstance(exc.__cause__, (UnicodeDecodeError, RecursionError)):
            # FastAPI's "There was an error parsing the body" does not say what to fix.
            detail = ("the request body is not valid UTF-8; send JSON encoded as UTF-8"
                      if isinstance(exc.__cause__, UnicodeDecodeError) else "the request body is JSON nested too deeply")
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        # Never a stack trace to the client; the log keeps it.
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal error; the problem was logged"}, status_code=500)

    return app


# What the middleware and the body parser answer to any POST /api/*, before a route sees the request.
_POST_PROBLEMS = {
    "400": "The body is not UTF-8, is JSON nested too deeply, or has a bad Content-Length.",
    "413": "The body is larger than BOT_MAX_BODY_BYTES.",
    "429": "Over BOT_RATE_LIMIT for this client; the Retry-After header says when to try again.",
}


def _openapi_with_middleware_answers(app: FastAPI) -> dict:
    """FastAPI's schema plus the 400/413/429 answers of POST /api/*, so clients built from it expect them."""
    if app.openapi_schema is None:
        schema = FastAPI.openapi(app)
        problem = {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for path, operations in schema.get("paths", {}).items():
            if path.startswith("/api/") and "post" in operations:
                responses = operations["post"].setdefault("responses", {})
                for code, description in _POST_PROBLEMS.items():
                    responses.setdefault(code, {"description": description, "content": problem})
        app.openapi_schema = schema
    return app.openapi_schema


def create_app_from_env() -> FastAPI:
    """Factory for ``bot serve --workers N``: each worker process reads its settings from ``BOT_*`` env vars.

    Each worker keeps its own rate-limit counters, so a client may get up to N times ``BOT_RATE_LIMIT``.
    """
    settings = Settings()
    engine = Engine(settings)
    engine.warm()  # each worker loads before it accepts requests, as the single-process server does
    return create_app(settings, engine)
