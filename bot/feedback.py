"""Thumbs up/down and unanswered questions, stored in SQLite so staff can see which article to write next.

Patients' questions are health information, so everything free-text is redacted (emails, phone numbers,
dates, long numbers, names after cue words) *before* it is written, and abstained questions are only
recorded when ``Settings.record_questions`` is on. Each write is one transaction in WAL mode: a crash
leaves either the whole row or none of it, and readers (``bot report gaps``) never block the server.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY,
    asked_at REAL NOT NULL,
    question TEXT NOT NULL,      -- redacted
    normalized TEXT NOT NULL     -- for grouping repeats
);
CREATE INDEX IF NOT EXISTS questions_normalized ON questions(normalized);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    reply_id TEXT NOT NULL UNIQUE,  -- chosen by the browser; a changed vote updates the row
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    helpful INTEGER NOT NULL,
    abstained INTEGER NOT NULL,
    question TEXT,                  -- redacted; only kept when record_questions is on
    reply TEXT NOT NULL,            -- redacted (normally article sentences)
    comment TEXT                    -- redacted
);
"""

# --- redaction -------------------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)
_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_DIGITS = re.compile(r"(?<![\w])\+?\(?\d[\d\s().-]{4,}\d(?![\w])")
_NAME = r"[A-Z][a-zA-Z'’-]+"
_NOT_A_NAME = r"(?!(?i:at|on|in|to|a|an|the|and|or|but|back|if|when|now|later|please|tomorrow|today|after|before)\b)"
# "my name is sam lee", "name: Sam", "call me Sam": the next word is a name whatever its case, and up to
# two more when capitalised.
_NAMED = re.compile(rf"\b((?i:my name is|my name's|name is|name:|call me|i am called|i'm called))\s+{_NOT_A_NAME}"
                    rf"[A-Za-z][a-zA-Z'’-]*(?:\s+{_NAME}){{0,2}}")
# "I'm Sam", "hi, this is Sam Lee": only a capitalised word counts, so "I'm tired" stays.
_INTRO = re.compile(rf"((?i:\bI'm|\bI’m|\bI am|(?:hi|hello|hey|dear)[,!]?\s+this is)\s+)(?!I\b){_NAME}(?:\s+{_NAME}){{0,2}}")
# A message opening "This is Tom." names its writer; "This is Lupus related?" does not: the bare form
# counts only when the capitalised words end the clause.
_THIS_IS = re.compile(rf"^(\s*(?i:this is)\s+){_NAME}(?:\s+{_NAME}){{0,2}}(?=\s*(?:[.,!;:]|$))")
_TITLED = re.compile(rf"\b((?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Nurse|Doctor)\.?\s+){_NAME}(?:\s+{_NAME})?")
_SIGNOFF = re.compile(rf"\b((?i:thanks|thank you|regards|cheers|best|sincerely|love|from)[,!.]?\s+){_NAME}(?:\s+{_NAME})?\s*[.!]?\s*$")


def _phone_or_number(m: re.Match) -> str:
    digits = sum(ch.isdigit() for ch in m.group(0))
    if digits >= 7:
        return "[PHONE]"
    return "[NUMBER]" if digits >= 5 else m.group(0)


def redact(text: str) -> str:
    """Best-effort removal of personal details from free text before it is stored."""
    out = _EMAIL.sub("[EMAIL]", text)
    out = _URL.sub("[URL]", out)
    out = _DATE.sub("[DATE]", out)
    out = _DIGITS.sub(_phone_or_number, out)
    out = _NAMED.sub(lambda m: f"{m.group(1)} [NAME]", out)
    out = _INTRO.sub(lambda m: f"{m.group(1)}[NAME]", out)
    out = _THIS_IS.sub(lambda m: f"{m.group(1)}[NAME]", out)
    out = _TITLED.sub(lambda m: f"{m.group(1)}[NAME]", out)
    out = _SIGNOFF.sub(lambda m: f"{m.group(1)}[NAME]", out)
    return out


def normalize_question(text: str) -> str:
    """Lower case, no punctuation, single spaces: how repeats of one question are grouped."""
    return " ".join(re.sub(r"[^\w\s\[\]]", " ", text.lower()).split())


# --- the store -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GapRow:
    question: str  # the latest redacted wording
    count: int
    last_asked: float


@dataclass(frozen=True)
class DownvoteRow:
    reply: str
    question: str | None
    comment: str | None
    abstained: bool
    at: float


class FeedbackStore:
    """One SQLite file; a short-lived connection per call keeps it safe across threads and workers.

    Every failure to write (locked, read-only, folder cannot be made) is a ``sqlite3.Error``, after at most
    ``busy_timeout`` seconds of waiting for another writer: a feedback request answers 503 quickly instead
    of hanging, and a chat request that records a question is not held up for long.
    """

    def __init__(self, path: Path | str, busy_timeout: float = 5.0):
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        self._ready = False
        # Writers in this process take turns here rather than in SQLite: its busy handler polls with
        # growing sleeps, and under 32 concurrent requests an unlucky writer starved past the timeout.
        self._write_turn = threading.Lock()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one ``BEGIN IMMEDIATE`` transaction, committed on exit."""
        if not self._write_turn.acquire(timeout=self.busy_timeout):
            raise sqlite3.OperationalError(f"{self.path} is busy: other writes did not finish in {self.busy_timeout:g} s")
        try:
            with closing(self._connect()) as conn, conn:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
        finally:
            self._write_turn.release()

    def _connect(self) -> sqlite3.Connection:
        if not self._ready:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise sqlite3.OperationalError(f"cannot create {self.path.parent}: {exc.strerror or exc}") from None
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)
        try:
            return self._prepare(conn)
        except BaseException:
            conn.close()
            raise

    def _prepare(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        if not self._ready:
            conn.execute("PRAGMA journal_mode = WAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise sqlite3.DatabaseError(f"{self.path} has schema {version}, newer than this bot's {SCHEMA_VERSION}")
            conn.executescript(f"BEGIN IMMEDIATE; {_SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
            self._ready = True
        conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses at most the last commit
        return conn

    def journal_mode(self) -> str:
        with closing(self._connect()) as conn:
            return conn.execute("PRAGMA journal_mode").fetchone()[0]

    def record_question(self, question: str, now: float | None = None) -> None:
        """Store an abstained question, redacted."""
        clean = redact(question.strip())[:2000]
        if not clean:
            return
        with self._writing() as conn:
            conn.execute("INSERT INTO questions (asked_at, question, normalized) VALUES (?, ?, ?)",
                         (now or time.time(), clean, normalize_question(clean)))

    def record_feedback(self, reply_id: str, helpful: bool, reply: str, *, abstained: bool = False,
                        question: str | None = None, comment: str | None = None, now: float | None = None) -> None:
        """Store or update (same ``reply_id``) one vote; free text is redacted first."""
        now = now or time.time()
        row = (reply_id, now, now, int(helpful), int(abstained),
               redact(question)[:2000] if question else None, redact(reply)[:10000],
               redact(comment)[:2000] if comment else None)
        with self._writing() as conn:
            conn.execute(
                """INSERT INTO feedback (reply_id, created_at, updated_at, helpful, abstained, question, reply, comment)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(reply_id) DO UPDATE SET updated_at = excluded.updated_at, helpful = excluded.helpful,
                       comment = COALESCE(excluded.comment, feedback.comment)""",
                row,
            )

    def top_gaps(self, limit: int = 20, since: float | None = None) -> list[GapRow]:
        """The most frequently abstained questions, most asked first."""
        if not self.path.exists():
            return []
        with closing(self._connect()) as conn:
            rows = conn.execute(
                """SELECT (SELECT q2.question FROM questions q2 WHERE q2.normalized = q.normalized
                           ORDER BY q2.asked_at DESC, q2.id DESC LIMIT 1), COUNT(*), MAX(asked_at)
                   FROM questions q WHERE asked_at >= ? GROUP BY normalized
                   ORDER BY COUNT(*) DESC, MAX(asked_at) DESC, normalized LIMIT ?""",
                (since or 0, limit),
            ).fetchall()
        return [GapRow(q, n, t) for q, n, t in rows]

    def thumbs_down(self, limit: int = 20, since: float | None = None) -> list[DownvoteRow]:
        """The replies marked not helpful, newest first."""
        if not self.path.exists():
            return []
        with closing(self._connect()) as conn:
            rows = conn.execute(
                """SELECT reply, question, comment, abstained, updated_at FROM feedback
                   WHERE helpful = 0 AND updated_at >= ? ORDER BY updated_at DESC, id DESC LIMIT ?""",
                (since or 0, limit),
            ).fetchall()
        return [DownvoteRow(r, q, c, bool(a), t) for r, q, c, a, t in rows]

    def counts(self) -> dict[str, int]:
        if not self.path.exists():
            return {"questions": 0, "helpful": 0, "not_helpful": 0}
        with closing(self._connect()) as conn:
            q = conn.execute("SELECT COUNT(*) FROM questions").fetchone()[0]
            up, down = conn.execute("SELECT COALESCE(SUM(helpful), 0), COALESCE(SUM(1 - helpful), 0) FROM feedback").fetchone()
        return {"questions": q, "helpful": up, "not_helpful": down}
