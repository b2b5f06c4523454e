"""Regenerate the README screenshots: the widget on a clinic page answering a question.

    .venv/bin/python tests/browser/screenshot.py            # writes docs/screenshot.png and docs/screenshot-375.png

Starts the bot (default settings: corpus/ and index/) and a plain "clinic" page on free local ports,
drives Debian's Chromium, and keeps each PNG small (palette-quantised when Pillow is present).
"""

from __future__ import annotations

import socket
import sys
import threading
from pathlib import Path

import httpx
import uvicorn
from playwright.sync_api import expect, sync_playwright
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

CLINIC = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Riverside Rheumatology</title>
<style>body{margin:0;font:17px/1.6 Georgia,serif;color:#333;background:#faf8f5}
header{background:#2d4a3e;color:#fff;padding:18px 32px;font-size:22px}
main{max-width:640px;padding:24px 32px}h1{font-weight:normal}</style></head><body>
<header>Riverside Rheumatology</header>
<main><h1>Living with lupus</h1><p>Our nurses answer questions by phone on weekdays. Between calls, the
assistant below answers from our patient articles and shows where each answer comes from.</p>
<p>Opening hours: Monday to Friday, 8am to 6pm.</p></main>
<script src="{bot}/widget.js" data-label="Questions about lupus nerve pain?" async></script>
</body></html>"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app, port: int) -> uvicorn.Server:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    for _ in range(1000):
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=0.5)
            return server
        except httpx.TransportError:
            threading.Event().wait(0.02)
    raise RuntimeError(f"server on {port} did not start")


def shrink(path: Path) -> None:
    try:
        from PIL import Image
    except ImportError:
        return
    Image.open(path).convert("RGB").quantize(colors=128, dither=Image.Dither.NONE).save(path, optimize=True)


def main() -> None:
    from bot.engine import Engine
    from bot.http.app import create_app
    from bot.settings import Settings

    bot_port, host_port = free_port(), free_port()
    settings = Settings(cors_origins=[f"http://127.0.0.1:{host_port}"], db_path=Path("/tmp/screenshot-feedback.sqlite3"))
    engine = Engine(settings)
    engine.bot
    bot_url = f"http://127.0.0.1:{bot_port}"
    servers = [serve(create_app(settings, engine), bot_port),
               serve(Starlette(routes=[Route("/", lambda r: HTMLResponse(CLINIC.replace("{bot}", bot_url)))]), host_port)]
    out = REPO / "docs"
    out.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, viewport in (("screenshot.png", {"width": 1000, "height": 860}), ("screenshot-375.png", {"width": 375, "height": 720})):
            page = browser.new_page(viewport=viewport)
            page.goto(f"http://127.0.0.1:{host_port}/")
            box = page.locator("lupus-bot-widget").bounding_box()
            with page.expect_response(lambda r: r.url.endswith("/embed")) as response:
                page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            frame = response.value.frame
            expect(frame.locator("#chat[data-ready]")).to_have_count(1)
            frame.locator("#chat-input").fill("Why might my nerve test be normal?")
            frame.locator("#chat-input").press("Enter")
            chip = frame.locator(".msg-bot button.cite").first
            expect(chip).to_be_visible()
            chip.click()
            frame.evaluate("document.getElementById('chat-main').scrollTop = 0")
            page.screenshot(path=str(out / name))
            shrink(out / name)
            print(f"{out / name}: {(out / name).stat().st_size // 1024} KB")
            page.close()
        browser.close()
    for s in servers:
        s.should_exit = True


if __name__ == "__main__":
    main()
