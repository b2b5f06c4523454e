"""Hostile and odd input over real HTTP (127.0.0.1, the real model and index), beyond test_http_api.py.

Every request here must get either a 4xx whose JSON ``detail`` names the problem, or a normal 200 whose
body is the Reply object: never a 500, never a stack trace. Question recording is on, so odd text also
goes through redaction and the SQLite store.
"""

import json

import httpx
import pytest

from bot.feedback import FeedbackStore
from bot.http.app import create_app
from bot.http.models import ReplyOut

REPLY_KEYS = {"reply", "claims", "citations", "abstained", "safety", "suggestions"}


@pytest.fixture(scope="module")
def bad_settings(seed_index, tmp_path_factory):
    db = tmp_path_factory.mktemp("bad-input-db") / "feedback.sqlite3"
    return seed_index.with_overrides(db_path=db, record_questions=True, rate_limit="100000/minute")


@pytest.fixture(scope="module")
def client(bad_settings, served_engine, serve):
    with serve(create_app(bad_settings, served_engine)) as url, httpx.Client(base_url=url, timeout=30) as c:
        yield c


def post_raw(client, body: bytes, path="/api/chat", content_type="application/json") -> httpx.Response:
    return client.post(path, content=body, headers={"content-type": content_type})


def chat(client, *turns: tuple[str, str]) -> httpx.Response:
    return client.post("/api/chat", json={"messages": [{"role": r, "content": c} for r, c in turns]})


def assert_problem(r: httpx.Response, *fragments: str, status: int = 422) -> str:
    """A client error with one plain-language ``detail`` line naming the problem."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    detail = r.json()["detail"]
    assert isinstance(detail, str) and detail, r.text
    assert "Traceback" not in r.text and "File \"" not in r.text
    for fragment in fragments:
        assert fragment.lower() in detail.lower(), detail
    return detail


def assert_reply(r: httpx.Response) -> dict:
    """A normal answer (or a polite abstention): the Reply object and nothing else."""
    assert r.status_code == 200, r.text
    data = r.json()
    assert set(data) == REPLY_KEYS
    ReplyOut.model_validate(data)
    assert data["reply"].strip()
    assert "Traceback" not in r.text
    return data


# --- not JSON, or not UTF-8 ------------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    b'{"messages": [',  # truncated
    b'{"messages": [{"role": "user", "content": "hi"}],}',  # trailing comma
    b"{'messages': [{'role': 'user', 'content': 'hi'}]}",  # single quotes
    b'{"messages": [{"role": "user", "content": "hi"}]} trailing',
])
def test_invalid_json_says_it_is_not_json_and_where(client, body):
    detail = assert_problem(post_raw(client, body), "not valid JSON", "at character")
    assert not detail[0].isdigit()  # not a bare offset such as "14: JSON decode error"


@pytest.mark.parametrize("body", [
    b'{"messages": [{"role": "user", "content": "nerve \xff\xfe pain"}]}',
    b'{"messages": [{"role": "user", "content": "truncated \xc3"}]}',
    "{\"messages\": [{\"role\": \"user\", \"content\": \"caf\u00e9\"}]}".encode("latin-1"),
])
def test_invalid_utf8_bytes_are_a_400_that_says_utf8(client, body):
    assert_problem(post_raw(client, body), "UTF-8", status=400)


def test_json_nested_too_deeply_is_a_400_that_says_so(client):
    assert_problem(post_raw(client, b"[" * 5000 + b"]" * 5000), "nested too deeply", status=400)


def test_a_form_post_is_refused_with_a_reason(client):
    assert_problem(post_raw(client, b"messages=hi", content_type="application/x-www-form-urlencoded"), "body")


def test_lone_surrogates_are_refused_as_not_a_string(client):
    body = b'{"messages": [{"role": "user", "content": "nerve \\ud800 pain"}]}'
    assert_problem(post_raw(client, body), "messages.0.content", "string")


# --- wrong types and shapes ------------------------------------------------------------------------


@pytest.mark.parametrize("payload, fragments", [
    ({"messages": None}, ["messages", "list"]),
    ({"messages": 5}, ["messages", "list"]),
    ({"messages": {"role": "user", "content": "hi"}}, ["messages", "list"]),
    ({"messages": ["hi"]}, ["messages.0", "object"]),
    ({"messages": [["user", "hi"]]}, ["messages.0", "object"]),
    ({"messages": [{"role": "user", "content": 5}]}, ["messages.0.content", "string"]),
    ({"messages": [{"role": "user", "content": None}]}, ["messages.0.content", "string"]),
    ({"messages": [{"role": "user", "content": ["hi"]}]}, ["messages.0.content", "string"]),
    ({"messages": [{"role": "user"}]}, ["messages.0.content", "required"]),
    ({"messages": [{"content": "hi"}]}, ["messages.0.role", "required"]),
    ({"message": "hi"}, ["messages", "required"]),
    ({"messages": [{"role": "user", "content": "hi"}], "stream": True}, ["stream", "extra"]),
    ({"messages": [{"role": "user", "content": "hi", "name": "Sam"}]}, ["messages.0.name", "extra"]),
    ("hi", ["body", "object"]),
    (1e308, ["body", "object"]),
])
def test_wrong_types_name_the_field(client, payload, fragments):
    assert_problem(client.post("/api/chat", json=payload), *fragments)


@pytest.mark.parametrize("role", ["system", "tool", "User", "", None, 1, "assistant "])
def test_unknown_roles_are_refused(client, role):
    r = client.post("/api/chat", json={"messages": [{"role": role, "content": "hi"}, {"role": "user", "content": "hi"}]})
    assert_problem(r, "messages.0.role", "'user' or 'assistant'")


def test_a_conversation_ending_with_the_assistant_is_refused(client):
    r = chat(client, ("user", "can lupus cause nerve pain?"), ("assistant", "It can."), ("user", "why?"), ("assistant", "Because."))
    assert_problem(r, "last message must be from the user")


# --- empty and oversized ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n", "\t \r\n ", "\u00a0\u3000\u2003"])
def test_empty_or_whitespace_questions_are_refused(client, text):
    assert_problem(chat(client, ("user", text)), "empty")


def test_a_100_kb_message_is_a_413(client, bad_settings):
    r = chat(client, ("user", "why does lupus hurt " * 5_000))  # 100,000 characters
    assert_problem(r, "larger than", str(bad_settings.max_body_bytes), status=413)


def test_an_earlier_message_over_the_model_cap_is_refused(client):
    r = chat(client, ("user", "x" * 20_001), ("assistant", "ok"), ("user", "can lupus cause nerve pain?"))
    assert_problem(r, "messages.0.content", "20000 characters")


def test_a_thousand_turns_are_refused(client):
    turns = [("user" if i % 2 == 0 else "assistant", "hi") for i in range(1_000)]
    assert_problem(chat(client, *turns), "messages", "at most", "1000")


# --- odd but legitimate text: a normal reply -------------------------------------------------------


@pytest.mark.parametrize("text", [
    "can lupus cause\x00 nerve\x07 pain\x1b[31m?\x7f",  # NUL, bell, an ANSI escape, DEL
    "can lupus cause nerve pain?\u2028\u2029\u0085",  # Unicode line and paragraph separators
    "can lupus cause nerve pain? 😢🙏🏽👩‍⚕️",
    "😢" * 400,
    "هل يسبب مرض الذئبة ألم الأعصاب؟",  # Arabic
    "האם זאבת גורמת לכאבי עצבים?",  # Hebrew
    "\u202eniap evren esuac supul nac\u202c",  # right-to-left override
    "can lupus cause nerve pain? مرحبا שלום",  # mixed directions
    "cañ lúpus cause nérve pain\u0301\u0301\u0301?",  # combining accents
    "<script>alert(1)</script> can lupus cause nerve pain?",
    "<img src=x onerror=alert(1)>",
    "</textarea><b>bold</b> & &amp; &#x3c;",
    "'; DROP TABLE questions; --",
    "{{7*7}} ${7*7} %s %n",
])
def test_odd_text_gets_a_normal_reply(client, text):
    data = assert_reply(chat(client, ("user", text)))
    assert "<script" not in data["reply"] and "onerror" not in data["reply"]  # the question is never echoed back


def test_odd_text_in_earlier_turns_gets_a_normal_reply(client):
    r = chat(client, ("user", "<script>x</script>\x00 😢"), ("assistant", "\u202e\x1b[0m</div>"),
             ("user", "can lupus cause nerve pain?"))
    data = assert_reply(r)
    assert data["claims"] and not data["abstained"]


def test_odd_abstained_questions_are_recorded_intact_and_readable(client, bad_settings):
    # "'; DROP TABLE questions; --" above must not have dropped anything: the store still answers.
    text = "does lupus cause kidney failure? \x00 😢 האם <b>"
    assert assert_reply(chat(client, ("user", text)))["abstained"] is True
    gaps = FeedbackStore(bad_settings.db_path).top_gaps(limit=1000)
    assert any(g.question == text.strip() for g in gaps)


# --- the other endpoints ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/articles/%00", "/api/articles/%ff%fe", "/api/articles/" + "a" * 4000,
                                  "/api/articles/%3Cscript%3E", "/api/articles/..%5C..%5Cwin.ini"])
def test_odd_article_ids_are_a_404_that_points_to_the_listing(client, path):
    assert_problem(client.get(path), "no article", "GET /api/articles", status=404)


def test_an_encoded_slash_in_an_article_id_matches_no_route(client):
    assert_problem(client.get("/api/articles/..%2F..%2Fetc%2Fpasswd"), "not found", status=404)


@pytest.mark.parametrize("body, fragments", [
    ({"reply_id": "reply-00001", "helpful": True, "reply": "x\ud800y"}, ["reply", "string"]),
    ({"reply_id": "reply-00002", "helpful": True, "reply": "r", "comment": "c" * 1001}, ["comment", "1000"]),
    ({"reply_id": "reply-00003", "helpful": True, "reply": "r" * 10_001}, ["reply", "10000"]),
    ({"reply_id": "reply 00004", "helpful": True, "reply": "r"}, ["reply_id", "pattern"]),
    ({"reply_id": "reply-00005\n", "helpful": True, "reply": "r"}, ["reply_id", "pattern"]),
    ({"reply_id": "reply-00006", "helpful": None, "reply": "r"}, ["helpful", "boolean"]),
    ({"reply_id": "reply-00008", "helpful": 1, "reply": "r"}, ["helpful", "boolean"]),  # JSON true/false only
    ({"reply_id": "reply-00009", "helpful": "yes", "reply": "r"}, ["helpful", "boolean"]),
    ({"reply_id": "reply-00010", "helpful": True, "reply": "r", "abstained": 0}, ["abstained", "boolean"]),
    ([{"reply_id": "reply-00007", "helpful": True, "reply": "r"}], ["body", "object"]),
])
def test_bad_feedback_names_the_field(client, body, fragments):
    raw = json.dumps(body).encode()  # json.dumps keeps a lone surrogate as \ud800
    assert_problem(post_raw(client, raw, path="/api/feedback"), *fragments)


def test_feedback_with_odd_text_is_stored(client, bad_settings):
    body = {"reply_id": "reply-odd-text-1", "helpful": False, "reply": "<script>x</script>\x00 😢 مرحبا",
            "comment": "\u202e'; DROP TABLE feedback; --"}
    assert client.post("/api/feedback", json=body).status_code == 201
    downs = FeedbackStore(bad_settings.db_path).thumbs_down(limit=1000)
    assert any(d.reply == body["reply"] and d.comment == body["comment"] for d in downs)
