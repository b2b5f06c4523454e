"""ASGI middleware for the public surface: security headers, bounded bodies and a per-client rate limit.

Written as plain ASGI (not ``BaseHTTPMiddleware``) so streaming and the threadpool stay untouched.
The rate limit uses ``limits`` (the engine behind slowapi) directly: slowapi's decorators bind one
limiter at import time, while here each app built by ``create_app`` gets its own limit from its settings.
"""

from __future__ import annotations

import json
import logging
import math
import time

from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)

# The app's own pages: nothing inline, nothing from another origin.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {ancestors}")
# FastAPI's /docs page loads Swagger UI from its CDN and starts it with an inline script.
_DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
             "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
             "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
_DOCS_PATHS = ("/docs", "/redoc", "/docs/oauth2-redirect")


class CatchAll:
    """An unhandled error becomes a plain JSON 500 here, inside the other middleware, so it still gets the
    security and CORS headers: Starlette's own handler for ``Exception`` sits outside every middleware."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def tracking_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            if started:  # too late for a clean answer; let the server close the connection
                raise
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            await _send_json(500, "internal error; the problem was logged")(send)


def _send_json(status: int, detail: str, extra: list[tuple[bytes, bytes]] = ()):
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *extra]

    async def respond(send):
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return respond


class SecurityHeaders:
    """Adds CSP and the usual hardening headers to every HTTP response.

    ``/embed`` (the widget's iframe) may be framed by ``embed_origins`` only; ``/widget.js`` may be
    loaded by any page (it is the one thing a clinic's page includes); every other page refuses framing.
    """

    def __init__(self, app, embed_origins: list[str]):
        self.app = app
        self.embed_ancestors = " ".join(embed_origins) if embed_origins else "'none'"

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        https = scope.get("scheme") == "https"

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                if path in _DOCS_PATHS:
                    csp = _DOCS_CSP
                elif path == "/embed":
                    csp = _CSP.format(ancestors=self.embed_ancestors)
                else:
                    csp = _CSP.format(ancestors="'none'")
                headers += [
                    (b"content-security-policy", csp.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
                    (b"cross-origin-resource-policy", b"cross-origin" if path == "/widget.js" else b"same-origin"),
                ]
                if path != "/embed":
                    headers += [(b"x-frame-options", b"DENY"), (b"cross-origin-opener-policy", b"same-origin")]
                if path.startswith("/api/"):
                    headers.append((b"cache-control", b"no-store"))
                if https:
                    headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies over ``max_bytes`` with 413, whether or not Content-Length is sent (chunked)."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        too_big = f"request body is larger than {self.max_bytes} bytes; send fewer or shorter messages"
        for key, value in scope.get("headers", []):
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await _send_json(400, "bad Content-Length header")(send)
                if declared > self.max_bytes:
                    return await _send_json(413, too_big)(send)
        # Bodies here are small: read the whole one (stopping at the limit), then hand it on in one piece.
        chunks, received = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            received += len(chunk)
            if received > self.max_bytes:
                return await _send_json(413, too_big)(send)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class RateLimit:
    """A moving-window limit per client address on the API's POST endpoints; 429 with Retry-After beyond it.

    The client is the connection's address; behind a reverse proxy run uvicorn with ``--proxy-headers``
    (and ``--forwarded-allow-ips``) so that address is the patient's, not the proxy's.
    """

    def __init__(self, app, limit: str, prefix: str = "/api/"):
        self.app = app
        self.item = parse(limit)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())
        self.prefix = prefix

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or not scope.get("path", "").startswith(self.prefix):
            return await self.app(scope, receive, send)
        client = (scope.get("client") or ("unknown", 0))[0]
        if not self.limiter.hit(self.item, client):
            reset = self.limiter.get_window_stats(self.item, client).reset_time
            retry = max(1, math.ceil(reset - time.time()))
            detail = f"too many requests; try again in {retry} seconds"
            return await _send_json(429, detail, [(b"retry-after", str(retry).encode())])(send)
        await self.app(scope, receive, send)
