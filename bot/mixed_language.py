"""A question that mixes another language into English ("the nerve test came back normal pero sigo con mucho ardor en
las piernas") read in English: the mixed-in words the table knows are replaced by their English reading, and those
that only frame a sentence ("que", "po", "hai") are dropped. Without this they are taken for subjects no article
covers, or "corrected" into English words they never meant ("ardor" into "armor")."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from .word_frequency import zipf_frequency

# A message mixes another language in when it has at least this many words of the table that are no everyday English
# word: one ("hola", "sale") can be English or a name.
MIN_MARKERS = 2
# Below this Zipf frequency a table word is no everyday English word ("pero", "nahi"; not "no", "me", "pie").
ENGLISH_ZIPF = 3.0

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


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def in_english(text: str) -> str:
    """``text`` with the words of another language mixed into it read in English, when it mixes one in."""
    tokens = list(_TOKEN.finditer(text))
    markers = {_plain(m[0]) for m in tokens} & _markers()
    if len(markers) < MIN_MARKERS:
        return text
    table = _table()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for phrase, english in _phrases():
        text = phrase.sub(english, text)
    tokens = list(_TOKEN.finditer(text))
    out, last = [], 0
    for m in tokens:
        english = table.get(_plain(m[0]))
        if english is not None:
            out += [text[last : m.start()], english]
            last = m.end()
    out.append(text[last:])
    return re.sub(r"[ \t]{2,}", " ", "".join(out))
