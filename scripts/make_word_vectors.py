"""Regenerate bot/lexicon/english_vectors.npz: the vectors of common English words (see bot/word_table.py).

Run after changing the model or the word list: ``.venv/bin/python scripts/make_word_vectors.py``. It embeds
with the verified sentence-transformers model, as an index build embeds corpus words (~20 s on 2 cores).
"""

from __future__ import annotations

import time

from bot.embedder import SentenceTransformerEmbedder, verify_weights
from bot.settings import Settings
from bot.word_frequency import _table
from bot.word_table import MIN_ZIPF, TABLE, save


def main() -> None:
    settings = Settings()
    sha = verify_weights(settings.model_dir, settings.model_sha256)
    words = [w for w, z in _table().items() if z >= MIN_ZIPF]
    started = time.perf_counter()
    embedder = SentenceTransformerEmbedder(settings.model_dir, settings.model_name, threads=2)
    vectors = embedder.encode(words)
    save(TABLE, words, vectors, sha)
    print(f"wrote {TABLE} ({len(words)} words, {TABLE.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
