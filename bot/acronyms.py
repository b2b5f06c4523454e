"""Acronyms an article defines ("Nerve Conduction Studies (NCS)"), so a later sentence that uses only the
short form ("NCS helps differentiate…") still counts as being about the long one."""

from __future__ import annotations

import re

_DEFINED = re.compile(r"((?:[\w-]+\s+){0,5}[\w-]+)\s+\(([A-Z][A-Za-z]{1,7})\)")


def _long_form(words: list[str], acronym: str) -> list[str] | None:
    """The shortest run of trailing ``words`` the acronym abbreviates: one initial per word or per hyphenated
    part ("Central Nervous System" → CNS), or one word holding its letters in order ("Electromyography" → EMG)."""
    letters = acronym.lower()
    for n in range(1, min(len(words), 6) + 1):
        tail = words[-n:]
        parts = [p for w in tail for p in w.split("-") if p]  # "Small-Fiber Neuropathy" → SFN too
        if letters in ("".join(w[0] for w in tail).lower(), "".join(p[0] for p in parts).lower()):
            return tail
    last = words[-1].lower()
    if (not words[-1].isupper() and last[:1] == letters[:1] and len(last) > len(letters)
            and _in_order(letters, last)):
        return words[-1:]
    return None


def _in_order(letters: str, word: str) -> bool:
    it = iter(word)
    return all(ch in it for ch in letters)


def defined_acronyms(texts: list[str]) -> dict[str, str]:
    """Lower-case acronym → its long form, for every "Long Form (LF)" in ``texts`` (first definition wins)."""
    found: dict[str, str] = {}
    for text in texts:
        for m in _DEFINED.finditer(text):
            words = m.group(1).split()
            long_form = _long_form(words, m.group(2))
            if long_form:
                found.setdefault(m.group(2).lower(), " ".join(long_form))
    return found
