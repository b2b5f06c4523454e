"""Helpers shared by the benchmark scripts: the code version, Markdown tables, distinct questions."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def code_version() -> str:
    """Commit of the checkout, with '+dirty' when bot/, corpus/ or eval/ have uncommitted edits."""

    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + ("+dirty" if git("status", "--porcelain", "--", "bot", "corpus", "eval") else "")


def quiet_logging() -> None:
    """Warnings only, bm25s included (its import sets its own logger to DEBUG)."""
    import logging

    logging.basicConfig(level=logging.WARNING)
    import bm25s  # noqa: F401

    logging.getLogger("bm25s").setLevel(logging.WARNING)


def md_table(rows: list[dict], columns: list[str]) -> str:
    def cell(v):
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    lines += ["| " + " | ".join(cell(r[c]) for c in columns) + " |" for r in rows]
    return "\n".join(lines)


def distinct_questions(n: int, datasets: tuple[str, ...], rewordings: tuple[str, ...]) -> list[str]:
    """``n`` distinct questions: every turn of every dataset line, cycled through ``rewordings``
    (each a template with ``{q}``), so no question repeats and no cache is hit."""
    base = []
    for name in datasets:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                base.extend(t.strip() for t in json.loads(line)["turns"] if t.strip())
    base = list(dict.fromkeys(base))
    out, seen = [], set()
    for template in rewordings:
        for q in base:
            text = template.format(q=q)
            if text.lower() not in seen:
                seen.add(text.lower())
                out.append(text)
            if len(out) == n:
                return out
    raise ValueError(f"only {len(out)} distinct questions available, asked for {n}")


def percentile(values: list[float], p: float) -> float:
    return float(np.percentile(np.asarray(values), p)) if values else float("nan")
