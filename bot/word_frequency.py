"""How common an English word is, on wordfreq's Zipf scale, from a table shipped with the package.

wordfreq itself costs about a quarter of a second to import and load, which a one-shot ``bot ask`` cannot
afford; the table holds the same numbers for every word the answer code can tell apart and loads in a few
milliseconds. ``scripts/make_word_table.py`` regenerates it; ``tests/test_word_frequency.py`` checks it
still agrees with the installed wordfreq.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).parent / "lexicon" / "english_zipf.tsv"
# Every use treats all words below this alike (the specificity cap, the rare-word thresholds are all at or
# above it), so rarer words need no row and read as 0, as a word wordfreq has never seen does.
FLOOR = 2.5


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    rows = TABLE.read_text(encoding="utf-8").split("\n")
    table: dict[str, float] = {}
    for row in rows:
        if row and not row.startswith("#"):
            word, _, zipf = row.partition("\t")
            table[word] = float(zipf)
    return table


def zipf_frequency(word: str) -> float:
    """wordfreq's ``zipf_frequency(word, "en")`` for a lower-case word; 0 for words rarer than ``FLOOR``."""
    return _table().get(word, 0.0)


def most_common(n: int) -> list[str]:
    """The ``n`` most frequent English words without digits, most frequent first."""
    table = _table()
    return list(table)[:n]


def warm() -> None:
    """Load the table now (a server does this before its first request)."""
    _table()
