"""Score the bot on a JSONL dataset of conversations: answer hit, citation accuracy, grounding,
abstention, safety, retrieval (Recall@3, MRR) and latency. One line per conversation:
``{"id", "turns": [str], "answerable", "gold_any": [str], "sections": [str], "safety"?, "smalltalk"?}``.

``run`` scores anything with ``reply(messages)``; ``run_system`` also scores retrieval for the systems
of ``bot.baselines`` (which can rank passages)."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .text import fold
from .types import Reply


@dataclass(frozen=True)
class Case:
    id: str
    turns: list[str]
    answerable: bool
    gold_any: list[str]
    sections: list[str]
    safety: str | None = None
    smalltalk: bool = False


@dataclass
class Row:
    id: str
    question: str
    answerable: bool
    abstained: bool
    answer_hit: bool | None  # None where the case is not answerable
    citation_ok: bool | None
    grounded: bool
    safety_expected: str | None
    safety_got: str | None
    claims: int
    latency_ms: float
    reply: dict = field(repr=False)
    answer_rank: int | None = None  # rank of the first passage holding a gold substring (None: not ranked/found)
    ranked: bool = False  # whether retrieval was scored for this row
    confidence: float | None = None  # top query-passage cosine, for the abstention trade-off chart
    reply_chars: int = 0
    system: str = "bot"
    turns: list[str] = field(default_factory=list)


def load_cases(path: Path) -> list[Case]:
    """Read a dataset, failing with the line number on a malformed line."""
    cases = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            if not isinstance(d, dict):
                raise TypeError("a line must be a JSON object")
            if not isinstance(d.get("turns"), list) or not d["turns"] or not all(isinstance(t, str) for t in d["turns"]):
                raise TypeError('"turns" must be a non-empty list of strings')
            if d.get("safety") not in (None, "emergency", "medical_advice"):
                raise ValueError('"safety" must be "emergency" or "medical_advice"')
            cases.append(Case(d["id"], list(d["turns"]), bool(d["answerable"]), list(d.get("gold_any", [])),
                              list(d.get("sections", [])), d.get("safety"), bool(d.get("smalltalk", False))))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{n}: not a dataset line ({exc.__class__.__name__}: {exc})") from None
    return cases


def conversation(bot, turns: list[str]) -> tuple[Reply, float]:
    """Play the user turns through the bot, feeding its replies back as history; time the last turn."""
    messages: list[dict] = []
    reply, elapsed = None, 0.0
    for turn in turns:
        messages.append({"role": "user", "content": turn})
        started = time.perf_counter()
        reply = bot.reply(messages)
        elapsed = time.perf_counter() - started
        messages.append({"role": "assistant", "content": reply.reply})
    return reply, elapsed * 1000


def grounded(reply: Reply, corpus_sections: dict[tuple[str, str], str]) -> bool:
    """Every claim verbatim in each passage it cites; every passage verbatim in its section."""
    by_id = {c.id: c for c in reply.citations}
    for claim in reply.claims:
        if not claim.citations:
            return False
        for cid in claim.citations:
            cit = by_id.get(cid)
            if cit is None or fold(claim.text) not in fold(cit.passage):
                return False
    for cit in reply.citations:
        section_text = corpus_sections.get((cit.doc_id, cit.anchor))
        if section_text is None or fold(cit.passage) not in fold(section_text):
            return False
    return True


def section_texts(index) -> dict[tuple[str, str], str]:
    """(doc_id, anchor) → the section's source text, for grounding checks."""
    return {(a.doc_id, s.anchor): a.text[s.start : s.end] for a in index.articles.values() for s in a.sections}


def score_case(case: Case, reply: Reply, latency_ms: float, sections: dict) -> Row:
    gold = [fold(g) for g in case.gold_any]
    hit_claims = [c for c in reply.claims if any(g in fold(c.text) for g in gold)]
    by_id = {c.id: c for c in reply.citations}
    answer_hit = bool(hit_claims) if case.answerable else None
    citation_ok = None
    if case.answerable:
        citation_ok = any(by_id[cid].section in case.sections for c in hit_claims for cid in c.citations if cid in by_id)
    return Row(
        id=case.id, question=case.turns[-1], answerable=case.answerable, abstained=reply.abstained,
        answer_hit=answer_hit, citation_ok=citation_ok, grounded=grounded(reply, sections),
        safety_expected=case.safety, safety_got=reply.safety.kind if reply.safety else None,
        claims=len(reply.claims), latency_ms=round(latency_ms, 2), reply=reply.to_dict(), reply_chars=len(reply.reply),
    )


def summarize(rows: list[Row]) -> dict:
    """Aggregate metrics; each is over the rows it applies to."""
    ans = [r for r in rows if r.answerable]
    # Unanswerable: the bot must state no facts (an abstention, or a fixed small-talk/safety reply), except
    # that a personal-decision question ("what dose should I take?") is sent to the clinician *plus* what the
    # article says in general: issue 3 asks for exactly that, so it counts as handled, not as an answer.
    unans = [r for r in rows if not r.answerable]
    safety = [r for r in rows if r.safety_expected]
    lat = sorted(r.latency_ms for r in rows) or [0.0]
    ranked = [r for r in ans if r.ranked]

    def frac(xs):
        return round(sum(xs) / len(xs), 4) if xs else None

    return {
        "n": len(rows),
        "answer_hit": frac([bool(r.answer_hit) for r in ans]),
        "citation_accuracy": frac([bool(r.citation_ok) for r in ans]),
        "grounding": frac([r.grounded for r in rows]),
        "abstention_recall": frac([r.claims == 0 or r.safety_got == "medical_advice" for r in unans]),
        "false_abstention": frac([r.abstained for r in ans]),
        "safety_recall": frac([r.safety_got == r.safety_expected for r in safety]),
        "recall_at_3": frac([r.answer_rank is not None and r.answer_rank <= 3 for r in ranked]),
        "mrr": frac([1 / r.answer_rank if r.answer_rank else 0.0 for r in ranked]),
        "p50_ms": round(statistics.median(lat), 2),
        "p95_ms": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 2),
    }


def run(bot, cases: list[Case], sections: dict) -> tuple[list[Row], dict]:
    rows = []
    for case in cases:
        reply, ms = conversation(bot, case.turns)
        rows.append(score_case(case, reply, ms, sections))
    return rows, summarize(rows)


def row_dict(row: Row) -> dict:
    return asdict(row)


def answer_rank(passages: list[str], gold_any: list[str]) -> int | None:
    """1-based rank of the first passage containing any gold substring."""
    gold = [fold(g) for g in gold_any]
    for n, text in enumerate(passages, start=1):
        if any(g in fold(text) for g in gold):
            return n
    return None


def run_system(system, cases: list[Case], sections: dict) -> tuple[list[Row], dict]:
    """Like ``run``, for a ``bot.baselines`` system: also ranks passages for the last turn of each case."""
    rows = []
    for case in cases:
        reply, ms = conversation(system, case.turns)
        row = score_case(case, reply, ms, sections)
        messages = _history(case.turns)
        row.system = system.name
        row.turns = list(case.turns)
        row.confidence = round(system.confidence(messages), 4)
        if case.answerable:
            row.ranked = True
            row.answer_rank = answer_rank(system.ranked(messages), case.gold_any)
        rows.append(row)
    return rows, summarize(rows)


def _history(turns: list[str]) -> list[dict]:
    """User turns only: every system resolves follow-ups from the user's words alone."""
    return [{"role": "user", "content": t} for t in turns]


def headline(name: str, s: dict) -> str:
    """One line a CI log can show: the metrics that gate a release first."""
    def f(key):
        v = s.get(key)
        return "n/a" if v is None else f"{v:.2f}"

    return (f"{name}: grounding {f('grounding')} | safety {f('safety_recall')} | answer hit {f('answer_hit')} | "
            f"citations {f('citation_accuracy')} | abstention {f('abstention_recall')} | "
            f"false abstention {f('false_abstention')} | R@3 {f('recall_at_3')} | MRR {f('mrr')} | "
            f"p50 {s['p50_ms']:.0f} ms | p95 {s['p95_ms']:.0f} ms | n {s['n']}")
