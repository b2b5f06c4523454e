"""Sentences that lean on the one before ("This condition…", "It is…") and what they lean on.

Shared by the coverage judge (a back-referencing sentence covers a question with its antecedent's words,
so "It is sometimes overlooked…" counts as about small-fiber neuropathy) and by answers (which quote both).
Indexing the antecedents' words with the sentence for BM25 was measured and left out (bench/RESULTS.md).
"""

from __future__ import annotations

import re

from .types import Article, Sentence

_LEANS_BACK = re.compile(
    r"^(This|These|That|Those|It|Its|They|Their|Such|He|She|Both|The latter|The former)\b"
    # …or points back within its first words: "Damage to this insulation…", "However, these CNS symptoms…"
    # ("that" is left out here: after a word it is mostly a conjunction, "such" mostly "such as")
    r"|^(?:[\w-]+,?\s+){1,3}(this|these|those)\s+\w"
)


def leans_back(text: str) -> bool:
    """Does the sentence open with a reference to something said before it?"""
    return bool(_LEANS_BACK.match(text))


def previous_in_section(article: Article, s: Sentence) -> Sentence | None:
    """The sentence before ``s`` in the same section, if any."""
    if s.position == 0:
        return None
    prev = article.sentences[s.position - 1]
    return prev if prev.section == s.section else None


def antecedents(article: Article, s: Sentence, depth: int = 2) -> list[Sentence]:
    """The sentences before ``s`` that it leans on, earliest first (at most ``depth``)."""
    out: list[Sentence] = []
    while depth and leans_back(s.text) and (prev := previous_in_section(article, s)):
        out.insert(0, prev)
        s, depth = prev, depth - 1
    return out


def carried_on(article: Article, s: Sentence) -> Sentence | None:
    """The sentence after ``s`` when it leans on ``s`` ("This condition often results in…" after the one
    naming Mononeuritis Multiplex): it answers through ``s``, though its own words rarely match a question."""
    nxt = article.sentences[s.position + 1] if s.position + 1 < len(article.sentences) else None
    return nxt if nxt is not None and s in antecedents(article, nxt) else None


def paragraph_before(article: Article, s: Sentence) -> list[Sentence]:
    """The sentences before ``s`` in its paragraph, earliest first: where its subject was named."""
    out: list[Sentence] = []
    i = s.position
    while i > 0:
        prev = article.sentences[i - 1]
        if prev.section != s.section or "\n\n" in article.text[prev.end : article.sentences[i].start]:
            break
        out.insert(0, prev)
        i -= 1
    return out
