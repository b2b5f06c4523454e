"""Sentence splitting with character offsets.

pysbd (rule-based, the Golden Rules set) handles abbreviations such as "e.g.", "i.e." and "Dr."
that a regex splitter breaks on; we add paragraph and list-item boundaries, which it does not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def blocks(text: str, offset: int = 0) -> list[Span]:
    """Paragraphs and list items of ``text`` (offsets shifted by ``offset``), markers stripped."""
    out: list[Span] = []
    pos = 0
    for para_match in [*_BLANK_LINE.finditer(text), None]:
        para_end = para_match.start() if para_match else len(text)
        para = text[pos:para_end]
        lines = para.split("\n")
        is_list = any(_LIST_MARKER.match(line) for line in lines)
        if is_list:
            line_start = pos
            for line in lines:
                m = _LIST_MARKER.match(line)
                cut = m.end() if m else 0
                _append_trimmed(out, line[cut:], offset + line_start + cut)
                line_start += len(line) + 1
        else:
            _append_trimmed(out, para, offset + pos)
        pos = para_match.end() if para_match else len(text)
    return out


def _append_trimmed(out: list[Span], text: str, start: int) -> None:
    stripped = text.strip()
    if stripped:
        lead = len(text) - len(text.lstrip())
        out.append(Span(stripped, start + lead, start + lead + len(stripped)))


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Sentences of ``text`` with offsets such that ``source[start:end] == span.text``."""
    spans: list[Span] = []
    for block in blocks(text, offset):
        # Line breaks inside a paragraph are soft wraps; pysbd keeps offsets only if we give it the raw text.
        for piece in _segmenter().segment(block.text):
            raw = block.text[piece.start : piece.end]
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            start = block.start + piece.start + lead
            spans.append(Span(stripped, start, start + len(stripped)))
    return _merge_fragments(spans)


def _merge_fragments(spans: list[Span]) -> list[Span]:
    """Rejoin pieces pysbd cut after a closing quote or bracket that holds no sentence of its own."""
    merged: list[Span] = []
    for span in spans:
        if merged and not re.search(r"[A-Za-z0-9]{2}", span.text):
            prev = merged[-1]
            merged[-1] = Span(prev.text + " " * (span.start - prev.end) + span.text, prev.start, span.end)
        else:
            merged.append(span)
    return merged
