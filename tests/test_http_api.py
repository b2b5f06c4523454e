"""The HTTP API over real HTTP: a uvicorn server on 127.0.0.1 with the real model and index."""

import socket
import threading

import httpx
import pytest
import uvicorn

from bot.engine import Engine
from bot.http.app import create_app


@pytest.fixture(scope="module")
def base_url(seed_index, embedder):
    engine = Engine(seed_index, embedder_override=embedder)
    engine.bot  # load before serving so the first request is not the slow one
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(seed_index, engine), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(500):  # wait for the socket, not a fixed time
        try:
            httpx.get(url + "/healthz", timeout=0.2)
            break
        except httpx.TransportError:
            threading.Event().wait(0.02)
    yield url
    server.should_exit = True
    thread.join(timeout=5)


def test_chat_returns_the_reply_object(base_url):
    r = httpx.post(base_url + "/api/chat", json={"messages": [{"role": "user", "content": "why might my nerve test be normal?"}]})
    assert r.status_code == 200
    data = r.json()
    assert set(data) == {"reply", "claims", "citations", "abstained", "safety", "suggestions"}
    assert any("may appear normal" in c["text"] for c in data["claims"])


def test_follow_up_over_http_is_stateless(base_url):
    msgs = [{"role": "user", "content": "what is small fiber neuropathy"}]
    first = httpx.post(base_url + "/api/chat", json={"messages": msgs}).json()
    msgs += [{"role": "assistant", "content": first["reply"]}, {"role": "user", "content": "How is it diagnosed?"}]
    second = httpx.post(base_url + "/api/chat", json={"messages": msgs}).json()
    assert any("biopsy" in c["text"] for c in second["claims"])


@pytest.mark.parametrize(
    "body, fragment",
    [
        (b"{not json", "JSON"),
        (b'{"messages": "hi"}', "messages"),
        (b'{"messages": []}', "messages"),
        (b'{"messages": [{"role": "robot", "content": "hi"}]}', "role"),
        (b'{"messages": [{"role": "assistant", "content": "hi"}]}', "last message must be from the user"),
        (b'{"messages": [{"role": "user", "content": "   "}]}', "empty"),
    ],
)
def test_malformed_requests_get_422_with_a_reason(base_url, body, fragment):
    r = httpx.post(base_url + "/api/chat", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert fragment.lower() in r.json()["detail"].lower()


def test_articles_and_readiness(base_url):
    listing = httpx.get(base_url + "/api/articles").json()
    assert listing == [{"doc_id": "does-lupus-cause-nerve-pain", "title": "Does Lupus Cause Nerve Pain?", "sections": 7, "sentences": 49}]
    art = httpx.get(base_url + "/api/articles/does-lupus-cause-nerve-pain").json()
    assert [s["anchor"] for s in art["sections"]][:2] == ["introduction", "the-direct-link-between-lupus-and-nerve-damage"]
    assert httpx.get(base_url + "/api/articles/nope").status_code == 404
    ready = httpx.get(base_url + "/readyz").json()
    assert ready["status"] == "ready" and ready["sentences"] == 49
    assert httpx.get(base_url + "/docs").status_code == 200
