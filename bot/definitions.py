"""Terms an article defines in apposition ("vasculitis, the inflammation of blood vessels"), so a later
sentence that says what the term means ("inflammation in these tiny vessels") still counts as being about it."""

from __future__ import annotations

import re

from .text import content_words, stem

# "<term>, the <definition>" up to the next clause boundary; the term is one or two words.
_APPOSITION = re.compile(r"\b([A-Za-z][\w-]+(?: [A-Za-z][\w-]+)?), the ([a-z][^,.;:()]*?)(?=,|\.|;|:| that | which | who |$)")
_MAX_DEFINITION = 4  # content words: a longer appositive describes rather than defines


def defined_terms(texts: list[str]) -> dict[str, frozenset[str]]:
    """Stem of each defined term's head word → the stems of its definition (first definition wins)."""
    found: dict[str, frozenset[str]] = {}
    for text in texts:
        for m in _APPOSITION.finditer(text):
            head = content_words(m.group(1))
            definition = frozenset(stem(w) for w in content_words(m.group(2)))
            if head and 2 <= len(definition) <= _MAX_DEFINITION:
                found.setdefault(stem(head[-1]), definition)
    return found


def says_what_it_means(definition: frozenset[str], evidence: frozenset[str]) -> bool:
    """Does ``evidence`` hold the definition, all but one of its words at most?"""
    return len(definition & evidence) >= max(2, len(definition) - 1)
