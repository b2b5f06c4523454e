"""Browser fixtures: Debian's Chromium driven by Playwright for Python, the real bot server, and a
"clinic" page on another port that embeds the widget.

Without Chromium or axe-core these tests skip locally, but fail when BOT_REQUIRE_BROWSER=1 (CI sets it):
in CI a missing browser is a broken install, never a reason to pass.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("BOT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"


def need(ok: bool, reason: str) -> None:
    if ok:
        return
    if os.environ.get("BOT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (BOT_REQUIRE_BROWSER=1: browser tests must run; `bash scripts/test.sh` installs it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    need(CHROMIUM.exists(), f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    need(AXE.exists(), f"axe-core not found at {AXE} (run `npm install` in tests/browser)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def host_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def web_settings(seed_index, tmp_path_factory, host_port):
    """The bot as a clinic would run it, allowing the clinic page's origin to embed the widget."""
    db = tmp_path_factory.mktemp("web-db") / "feedback.sqlite3"
    return seed_index.with_overrides(db_path=db, record_questions=True, rate_limit="10000/minute",
                                     cors_origins=[f"http://127.0.0.1:{host_port}"],
                                     care_team_url="https://clinic.example/contact")


@pytest.fixture(scope="session")
def bot_url(web_settings, served_engine, serve):
    from bot.http.app import create_app

    with serve(create_app(web_settings, served_engine)) as url:
        yield url


HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Riverside Clinic</title>
<style>
  /* A hostile stylesheet: none of this may reach the widget. */
  * { font-family: "Comic Sans MS", cursive !important; color: #f0f !important; letter-spacing: 3px !important; }
  button, iframe, div { display: none !important; }
  body { font-size: 40px; }
</style>
</head><body>
<main><h1>Riverside Clinic</h1><p id="secret">Patient list: do not read me.</p></main>
<script>
  // Hostile scripts on the host page: they must not break the widget.
  window.fetch = function () { throw new Error("host page broke fetch"); };
  JSON.parse = function () { throw new Error("host page broke JSON.parse"); };
</script>
<script src="{bot}/widget.js" data-label="Questions about lupus nerve pain?" async></script>
</body></html>
"""


@pytest.fixture(scope="session")
def host_url(bot_url, host_port, serve):
    """A clinic's page on another origin (another port) with the one-tag embed."""
    from starlette.applications import Starlette
    from starlette.responses import HTMLResponse
    from starlette.routing import Route

    html = HOST_PAGE.replace("{bot}", bot_url)
    app = Starlette(routes=[Route("/", lambda request: HTMLResponse(html))])
    with serve(app, port=host_port, ready_path="/") as url:
        yield url


@pytest.fixture
def page_errors():
    return []


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1024, "height": 768})
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, page_errors):
    """A fresh tab (fresh sessionStorage); script errors and CSP violations fail the test."""
    pg = context.new_page()
    pg.on("pageerror", lambda exc: page_errors.append(f"page error: {exc}"))
    pg.on("console", lambda msg: page_errors.append(f"console: {msg.text}")
          if msg.type == "error" and "Content Security Policy" in msg.text else None)
    yield pg
    assert page_errors == []
