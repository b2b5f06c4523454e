"""A question that mixes another language into English ("the nerve test came back normal pero sigo con mucho ardor en
las piernas") read in English: the mixed-in words the table knows are replaced by their English reading, and those
that only frame a sentence ("que", "po", "hai") are dropped. Without this they are taken for subjects no article
covers, or "corrected" into English words they never meant ("ardor" into "armor")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from .text import words
from .word_frequency import zipf_frequency

# A message mixes another language in when it has at least this many words of the table that are no everyday English
# word: one ("hola", "sale") can be English or a name.
MIN_MARKERS = 2
# Below this Zipf frequency a table word is no everyday English word ("pero", "nahi"; not "no", "me", "pie").
ENGLISH_ZIPF = 3.0

# A message of at least this many words, fewer than this share of them everyday English or the articles' own once the
# table has read it, is written in another language: no English-only article can answer it. No English turn of any
# eval set scores below 0.4; questions in Italian, German or Polish score 0.2–0.38.
MIN_WORDS = 5
ENGLISH_SHARE = 0.4
# A table word this common in English ("no", "me", "in") says nothing about the language of the message.
COMMON_ENGLISH_ZIPF = 4.5

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    raw = resources.files("bot").joinpath("lexicon/mixed_in.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in raw.splitlines():
        if line.strip() and not line.startswith("#"):
            word, _, english = line.partition("\t")
            out.setdefault(_plain(word), english.strip())
    return out


@lru_cache(maxsize=1)
def _phrases() -> list[tuple[re.Pattern, str]]:
    """The table's entries of two words or more ("por que": why), longest first."""
    many = sorted((w for w in _table() if " " in w), key=len, reverse=True)
    return [(re.compile(r"\b" + r"\s+".join(map(re.escape, w.split())) + r"\b", re.I), _table()[w]) for w in many]


@lru_cache(maxsize=1)
def _markers() -> frozenset[str]:
    return frozenset(w for w in _table() if zipf_frequency(w) < ENGLISH_ZIPF)


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _plain(word: str) -> str:
    return _unaccented(word.lower())


def _replaced(text: str, tokens: list[re.Match], english_of: Callable[[str], str | None]) -> str:
    """``text`` with each token that ``english_of`` reads (its plain form) replaced by that reading."""
    out, last = [], 0
    for m in tokens:
        english = english_of(_plain(m[0]))
        if english is not None:
            out += [text[last : m.start()], english]
            last = m.end()
    return "".join(out) + text[last:]


def in_english(text: str) -> str:
    """``text`` with the words of another language mixed into it read in English: all the table knows when it mixes
    one in, else only those no English text ever uses ("bakit skin??")."""
    tokens = list(_TOKEN.finditer(text))
    said = {_plain(m[0]) for m in tokens}
    markers = said & _markers()
    # One marker with another table word of any frequency ("suena como si estuviera loca") mixes a language in too, and
    # so do words written with letters English does not use ("nie wiem, czy to się zdarza").
    others = {w for w in said & _table().keys() if zipf_frequency(w) < COMMON_ENGLISH_ZIPF} - markers
    accented = [m for m in tokens if not m[0].isascii() and _plain(m[0]) not in _table()]
    if len(markers) < MIN_MARKERS and not (markers and others) and len(accented) < MIN_MARKERS:
        # …else only the table words no English text uses ("bakit" → "why").
        return _replaced(text, tokens, lambda w: _table()[w] if w in _table() and zipf_frequency(w) == 0 else None)
    # …and in a message that mixes a language in, a word written with such letters is of that language: no article's
    # subject, whatever spelling repair would make of it.
    for m in reversed(accented):
        text = text[: m.start()] + text[m.end() :]
    text = _unaccented(text)
    for phrase, english in _phrases():
        text = phrase.sub(english, text)
    return re.sub(r"[ \t]{2,}", " ", _replaced(text, list(_TOKEN.finditer(text)), _table().get))


def mostly_foreign(read: str, knows: Callable[[str], bool]) -> bool:
    """Is a message, as read (``framing.as_read``), mostly words that are neither everyday English nor words the
    articles use (``knows``)?"""
    toks = [w for w in words(read) if w.isalpha()]
    if len(toks) < MIN_WORDS:
        return False
    english = sum(1 for w in toks if zipf_frequency(w) >= ENGLISH_ZIPF and w not in _table() or knows(w))
    return english / len(toks) < ENGLISH_SHARE
