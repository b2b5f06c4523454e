"""The feedback store: redaction before storage, WAL, concurrent writers, and `bot report gaps`."""

import json
import sqlite3
import threading

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.feedback import FeedbackStore, normalize_question, redact


@pytest.mark.parametrize("text, expected", [
    ("email me at jo.smith+lupus@example.co.uk please", "email me at [EMAIL] please"),
    ("call 555-123-4567 or (02) 9876 5432", "call [PHONE] or [PHONE]"),
    ("+44 20 7946 0958", "[PHONE]"),
    ("born 12/03/1980, MRN 884512", "born [DATE], MRN [NUMBER]"),
    ("My name is sarah and I have burning feet", "My name is [NAME] and I have burning feet"),
    ("my name is Sarah Jane Smith.", "my name is [NAME]."),
    ("I'm Sarah Jones, is lupus inherited?", "I'm [NAME], is lupus inherited?"),
    ("Hi, this is Tom. Why are my feet numb?", "Hi, this is [NAME]. Why are my feet numb?"),
    ("This is Tom Baker, my feet burn", "This is [NAME], my feet burn"),
    ("Dr. Patel said my NCS was normal", "Dr. [NAME] said my NCS was normal"),
    ("Does it spread? Thanks, Anna", "Does it spread? Thanks, [NAME]"),
    ("call me at 0412 345 678", "call me at [PHONE]"),
    ("see https://example.com/me?id=1", "see [URL]"),
])
def test_redaction_removes_personal_details(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "Does lupus cause kidney failure?",
    "I am tired of burning feet",
    "I'm in pain at night",
    "I take 2 or 3 tablets of 300 mg",
    "Is this Raynaud's?",
    "This is Lupus related?",
    "What does an NCS test show?",
])
def test_redaction_keeps_ordinary_questions(text):
    assert redact(text) == text


def test_the_store_uses_wal_and_redacts_before_writing(tmp_path):
    db = tmp_path / "sub" / "feedback.sqlite3"
    store = FeedbackStore(db)
    store.record_question("I'm Ana Diaz, ana@example.com, does lupus cause hair loss?")
    assert store.journal_mode() == "wal"
    raw = sqlite3.connect(db).execute("SELECT question FROM questions").fetchall()
    assert raw == [("I'm [NAME], [EMAIL], does lupus cause hair loss?",)]
    # Nothing personal anywhere in the file, not even in the WAL.
    for f in db.parent.iterdir():
        assert b"ana@example.com" not in f.read_bytes() and b"Ana Diaz" not in f.read_bytes()


def test_gaps_group_repeats_and_rank_by_count(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    for i, q in enumerate(["Does lupus cause hair loss?", "does lupus cause hair loss", "Is lupus contagious?",
                           "DOES LUPUS CAUSE HAIR LOSS?!"]):
        store.record_question(q, now=1000 + i)
    gaps = store.top_gaps()
    assert [(g.question, g.count) for g in gaps] == [("DOES LUPUS CAUSE HAIR LOSS?!", 3), ("Is lupus contagious?", 1)]
    assert store.top_gaps(since=1003)[0].count == 1
    assert normalize_question("Hair loss?!  Lupus") == "hair loss lupus"


def test_votes_update_by_reply_id_and_list_thumbs_down(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    store.record_feedback("r1", True, "reply one", now=1)
    store.record_feedback("r1", False, "reply one", comment="not what I asked", now=2)
    store.record_feedback("r2", False, "reply two", abstained=True, now=3)
    store.record_feedback("r3", True, "reply three", now=4)
    downs = store.thumbs_down()
    assert [(d.reply, d.abstained, d.comment) for d in downs] == [("reply two", True, None), ("reply one", False, "not what I asked")]
    assert store.counts() == {"questions": 0, "helpful": 1, "not_helpful": 2}


def test_concurrent_writers_lose_nothing(tmp_path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    store.counts()

    def write(n):
        for i in range(25):
            store.record_question(f"question {n} {i}")
            store.record_feedback(f"reply-{n}-{i}", i % 2 == 0, "r")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.counts() == {"questions": 100, "helpful": 52, "not_helpful": 48}


def test_a_newer_schema_is_refused(tmp_path):
    db = tmp_path / "f.sqlite3"
    sqlite3.connect(db).execute("PRAGMA user_version = 99")
    with pytest.raises(sqlite3.DatabaseError, match="newer"):
        FeedbackStore(db).counts()


def test_report_gaps_cli(tmp_path):
    db = tmp_path / "f.sqlite3"
    store = FeedbackStore(db)
    for q in ["Does lupus cause hair loss?", "does lupus cause hair loss", "Is lupus contagious?"]:
        store.record_question(q)
    store.record_feedback("r1", False, "Here is what the article says:\n\nSomething unhelpful. [1]", comment="wrong topic")
    runner = CliRunner()
    out = runner.invoke(app, ["report", "gaps", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "2x  does lupus cause hair loss" in out.output
    assert "Something unhelpful" in out.output and "comment: wrong topic" in out.output
    data = json.loads(runner.invoke(app, ["report", "gaps", "--db", str(db), "--json", "-n", "1"]).output)
    assert data["unanswered"] == [{"question": "does lupus cause hair loss", "count": 2, "last_asked": data["unanswered"][0]["last_asked"]}]
    assert data["totals"] == {"questions": 3, "helpful": 0, "not_helpful": 1}


def test_report_gaps_on_an_empty_store(tmp_path):
    out = CliRunner().invoke(app, ["report", "gaps", "--db", str(tmp_path / "none.sqlite3")])
    assert out.exit_code == 0 and "none recorded" in out.output
    assert not (tmp_path / "none.sqlite3").exists()
