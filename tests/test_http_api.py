"""The HTTP API over real HTTP: a uvicorn server on 127.0.0.1 with the real model and index."""

import json
import re

import httpx
import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from bot.feedback import FeedbackStore
from bot.http.app import create_app

ALLOWED = "http://clinic.example"


@pytest.fixture(scope="module")
def api_settings(seed_index, tmp_path_factory):
    db = tmp_path_factory.mktemp("api-db") / "feedback.sqlite3"
    return seed_index.with_overrides(db_path=db, record_questions=True, cors_origins=[ALLOWED],
                                     rate_limit="10000/minute", care_team_url="https://clinic.example/contact",
                                     care_team_label="Call the lupus clinic")


@pytest.fixture(scope="module")
def base_url(api_settings, served_engine, serve):
    with serve(create_app(api_settings, served_engine)) as url:
        yield url


def ask(base_url, text, **kw):
    return httpx.post(base_url + "/api/chat", json={"messages": [{"role": "user", "content": text}]}, **kw)


def test_chat_returns_the_reply_object(base_url):
    r = ask(base_url, "why might my nerve test be normal?")
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


# --- bounds ----------------------------------------------------------------------------------------


def test_too_many_messages_and_too_long_a_question_are_refused(base_url, api_settings):
    many = [{"role": "user", "content": "hi"}] * (api_settings.max_messages + 1)
    r = httpx.post(base_url + "/api/chat", json={"messages": many})
    assert r.status_code == 422 and "too many messages" in r.json()["detail"]
    r = ask(base_url, "why " * (api_settings.max_message_chars // 4 + 1))
    assert r.status_code == 422 and "longer than" in r.json()["detail"]


def test_oversized_bodies_get_413_with_or_without_content_length(base_url, api_settings):
    big = json.dumps({"messages": [{"role": "user", "content": "x" * api_settings.max_body_bytes}]}).encode()
    r = httpx.post(base_url + "/api/chat", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "larger than" in r.json()["detail"]

    def chunks():  # no Content-Length: chunked transfer encoding
        for i in range(0, len(big), 4096):
            yield big[i:i + 4096]

    r = httpx.post(base_url + "/api/chat", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["messages", "role", "content", "helpful", "reply_id", "reply", "x"]), inner, max_size=4),
    max_leaves=12,
)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=JSONISH, path=st.sampled_from(["/api/chat", "/api/feedback"]))
def test_no_input_gets_a_500_or_a_stack_trace(base_url, payload, path):
    r = httpx.post(base_url + path, json=payload)
    assert r.status_code in (200, 201, 413, 422), r.text
    assert "Traceback" not in r.text
    if r.status_code >= 400:
        assert isinstance(r.json()["detail"], str)


@pytest.mark.parametrize("raw", [b"\xff\xfe\x00garbage", b"", b"null", b"[]", b'{"messages": [{"role": "user", "content": "\\ud800"}]}'])
def test_odd_bodies_get_a_client_error(base_url, raw):
    r = httpx.post(base_url + "/api/chat", content=raw, headers={"content-type": "application/json"})
    assert 400 <= r.status_code < 500 or r.status_code == 200
    assert "Traceback" not in r.text


def test_rate_limit_answers_429_with_retry_after(seed_index, served_engine, tmp_path, serve):
    limited = seed_index.with_overrides(rate_limit="3/minute", db_path=tmp_path / "f.sqlite3")
    with serve(create_app(limited, served_engine)) as url:
        codes = [ask(url, "what is small fiber neuropathy").status_code for _ in range(3)]
        assert codes == [200, 200, 200]
        r = ask(url, "what is small fiber neuropathy")
        assert r.status_code == 429
        assert 0 < int(r.headers["retry-after"]) <= 60
        assert "try again" in r.json()["detail"]
        assert httpx.get(url + "/healthz").status_code == 200  # reading pages is not limited


def test_an_internal_error_is_a_plain_500_without_a_trace(seed_index, tmp_path, serve):
    class Broken:
        class bot:
            @staticmethod
            def reply(messages):
                raise RuntimeError("secret internal detail")

    app = create_app(seed_index.with_overrides(db_path=tmp_path / "f.sqlite3"), Broken())
    with serve(app) as url:
        r = ask(url, "anything")
    assert r.status_code == 500
    assert r.json() == {"detail": "internal error; the problem was logged"}
    assert "secret" not in r.text
    # Even a crash carries the hardening headers.
    assert r.headers["x-content-type-options"] == "nosniff" and "frame-ancestors" in r.headers["content-security-policy"]
    assert r.headers["cache-control"] == "no-store"


# --- headers, CORS ---------------------------------------------------------------------------------


def test_security_headers_on_pages_and_api(base_url):
    for path in ("/", "/articles/does-lupus-cause-nerve-pain", "/api/articles"):
        h = httpx.get(base_url + path).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert h["x-content-type-options"] == "nosniff"
        assert h["x-frame-options"] == "DENY"
        assert h["referrer-policy"] == "no-referrer"
    assert httpx.get(base_url + "/api/articles").headers["cache-control"] == "no-store"


def test_the_widget_iframe_may_be_framed_only_by_configured_origins(base_url):
    h = httpx.get(base_url + "/embed").headers
    assert f"frame-ancestors {ALLOWED}" in h["content-security-policy"]
    assert "x-frame-options" not in h
    js = httpx.get(base_url + "/widget.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert js.headers["cross-origin-resource-policy"] == "cross-origin"


def test_cors_only_for_configured_origins(base_url):
    preflight = {"access-control-request-method": "POST", "access-control-request-headers": "content-type"}
    ok = httpx.options(base_url + "/api/chat", headers={"origin": ALLOWED, **preflight})
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == ALLOWED
    bad = httpx.options(base_url + "/api/chat", headers={"origin": "http://evil.example", **preflight})
    assert "access-control-allow-origin" not in bad.headers
    simple = ask(base_url, "what is small fiber neuropathy", headers={"origin": "http://evil.example"})
    assert "access-control-allow-origin" not in simple.headers
    simple = ask(base_url, "what is small fiber neuropathy", headers={"origin": ALLOWED})
    assert simple.headers["access-control-allow-origin"] == ALLOWED


def test_no_cors_headers_when_no_origin_is_configured(seed_index, served_engine, tmp_path, serve):
    with serve(create_app(seed_index.with_overrides(db_path=tmp_path / "f.sqlite3"), served_engine)) as url:
        r = ask(url, "what is small fiber neuropathy", headers={"origin": ALLOWED})
        assert "access-control-allow-origin" not in r.headers
        assert "frame-ancestors 'none'" in httpx.get(url + "/embed").headers["content-security-policy"]


# --- pages -----------------------------------------------------------------------------------------


def test_chat_page_has_disclaimer_care_team_link_and_starters(base_url, api_settings):
    html = httpx.get(base_url + "/").text
    assert "not medical advice" in html
    assert '<a href="https://clinic.example/contact">Call the lupus clinic</a>' in html
    for q in api_settings.starter_questions:
        assert f'data-question="{q}"' in html
    assert "<script>" not in html  # no inline script: the CSP forbids it


def test_article_page_has_section_anchors_and_sentence_ids(base_url):
    art = httpx.get(base_url + "/api/articles/does-lupus-cause-nerve-pain").json()
    html = httpx.get(base_url + "/articles/does-lupus-cause-nerve-pain").text
    for section in art["sections"]:
        assert f'id="{section["anchor"]}"' in html
        for s in section["sentences"]:
            assert f'id="{s["id"]}"' in html
    assert "data-cited" not in html


def test_article_page_marks_the_cited_passage(base_url):
    reply = ask(base_url, "why might my nerve test be normal?").json()
    c = reply["citations"][0]
    r = httpx.get(base_url + f"/articles/{c['doc_id']}", params={"cite": c["passage"]})
    marked = re.findall(r'<mark class="s cited" id="(s[0-9a-f]+)"[^>]*><span[^>]*>[^<]*</span>([^<]*)</mark>', r.text)
    assert [text for _, text in marked] == [c["passage"]]
    section = next(s for s in httpx.get(base_url + f"/api/articles/{c['doc_id']}").json()["sections"] if s["anchor"] == c["anchor"])
    assert marked[0][0] in {s["id"] for s in section["sentences"]}


def test_unknown_article_is_a_404_page_for_browsers_and_json_for_clients(base_url):
    page = httpx.get(base_url + "/articles/nope", headers={"accept": "text/html"})
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]
    assert httpx.get(base_url + "/articles/nope").json()["detail"] == "no article 'nope'"


def test_user_text_in_a_cite_parameter_is_escaped(base_url):
    r = httpx.get(base_url + "/articles/does-lupus-cause-nerve-pain", params={"cite": "<script>alert(1)</script>"})
    assert r.status_code == 200 and "<script>alert" not in r.text


# --- feedback and recorded questions ---------------------------------------------------------------


def test_feedback_is_stored_and_a_new_vote_replaces_the_old(base_url, api_settings):
    body = {"reply_id": "reply-0001", "helpful": True, "reply": "Here is what the article says", "question": "my email is a@b.co"}
    assert httpx.post(base_url + "/api/feedback", json=body).status_code == 201
    assert httpx.post(base_url + "/api/feedback", json={**body, "helpful": False, "comment": "call me on 0412 345 678"}).status_code == 201
    rows = [d for d in FeedbackStore(api_settings.db_path).thumbs_down() if d.reply == body["reply"]]
    assert len(rows) == 1
    assert rows[0].question == "my email is [EMAIL]" and rows[0].comment == "call me on [PHONE]"


@pytest.mark.parametrize("body", [
    {"reply_id": "x", "helpful": True, "reply": "r"},  # id too short
    {"reply_id": "reply-0002", "helpful": "maybe", "reply": "r"},
    {"reply_id": "reply-0002", "helpful": True},
    {"reply_id": "reply-0002", "helpful": True, "reply": "r", "extra": 1},
])
def test_bad_feedback_is_a_422(base_url, body):
    r = httpx.post(base_url + "/api/feedback", json=body)
    assert r.status_code == 422 and r.json()["detail"]


def test_abstained_questions_are_recorded_redacted(base_url, api_settings):
    r = ask(base_url, "My name is Sam Lee, does lupus cause kidney failure? sam@example.com")
    assert r.json()["abstained"] is True
    gaps = FeedbackStore(api_settings.db_path).top_gaps()
    assert any(g.question == "My name is [NAME], does lupus cause kidney failure? [EMAIL]" for g in gaps)
    assert not any("Sam" in g.question or "@" in g.question for g in gaps)


def test_nothing_is_recorded_when_recording_is_off(seed_index, served_engine, tmp_path, serve):
    db = tmp_path / "f.sqlite3"
    with serve(create_app(seed_index.with_overrides(db_path=db, record_questions=False), served_engine)) as url:
        assert ask(url, "does lupus cause kidney failure?").json()["abstained"] is True
        r = httpx.post(url + "/api/feedback", json={"reply_id": "reply-0003", "helpful": False, "reply": "r", "question": "q"})
        assert r.status_code == 201
    store = FeedbackStore(db)
    assert store.top_gaps() == []
    assert [d.question for d in store.thumbs_down()] == [None]
