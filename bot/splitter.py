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
_CLOSERS = "”’\"')]}»"


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
        # Line breaks inside a paragraph are soft wraps, but pysbd ends a sentence at every one; it sees
        # spaces instead (same length, so its offsets still index the raw text we slice).
        pieces: list[Span] = []
        for piece_start, piece_end in _pieces(block.text.replace("\n", " ")):
            raw = block.text[piece_start:piece_end]
            stripped = raw.strip()
            if not stripped:
                continue
            lead = len(raw) - len(raw.lstrip())
            start = block.start + piece_start + lead
            pieces.append(Span(stripped, start, start + len(stripped)))
        spans.extend(_merge_fragments(pieces, block))
    return spans


# pysbd marks abbreviations, list numbers and the like by swapping in these characters and swaps them back
# at the end, so a sentence holding one of them comes back changed, is not found in the text, and was dropped.
_PYSBD_RESERVED = str.maketrans(dict.fromkeys("∯♨☝ȸȹᓰᓱᓳᓴᓷᓸ⌬⎋✂♭♬♟♝☉☄☇☈∮☏ƪ", "□"))


def _pieces(text: str) -> list[tuple[int, int]]:
    """pysbd's sentence spans over ``text``, made to tile it: in order, not overlapping, and any text pysbd
    left out kept as a piece of its own (an article sentence must never silently vanish)."""
    out: list[tuple[int, int]] = []
    cursor = 0
    for piece in _segmenter().segment(text.translate(_PYSBD_RESERVED)):
        start = max(piece.start, cursor)
        if text[cursor:start].strip():
            out.append((cursor, start))
        if piece.end > start:
            out.append((start, piece.end))
            cursor = piece.end
    if text[cursor:].strip():
        out.append((cursor, len(text)))
    return out


def _merge_fragments(spans: list[Span], block: Span) -> list[Span]:
    """Rejoin pieces pysbd cut after a closing quote or bracket that holds no sentence of its own,
    and give a closing quote or bracket that pysbd put at the start of the next piece back to its sentence."""

    def source(start: int, end: int) -> str:
        return block.text[start - block.start : end - block.start]

    merged: list[Span] = []
    for span in spans:
        if merged:
            prev = merged[-1]
            if not re.search(r"[A-Za-z0-9]{2}", span.text):
                merged[-1] = Span(source(prev.start, span.end), prev.start, span.end)
                continue
            closers = len(span.text) - len(span.text.lstrip(_CLOSERS))
            if closers and span.start == prev.end:  # touching the previous sentence: it closes that one
                cut = span.start + closers
                merged[-1] = Span(source(prev.start, cut), prev.start, cut)
                rest = source(cut, span.end)
                lead = len(rest) - len(rest.lstrip())
                span = Span(rest.strip(), cut + lead, span.end)
        merged.append(span)
    return merged
