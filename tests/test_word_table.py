"""The shipped vectors of common English words: made by the verified model, used instead of embedding."""

from __future__ import annotations

import logging
import random

import numpy as np
import pytest

from bot import word_table
from bot.word_frequency import _table as zipf_table
from bot.word_vectors import WordVectors


@pytest.fixture(scope="module")
def table(seed_index):
    found = word_table.load(seed_index.model_sha256)
    assert found is not None, "the shipped table was not made by the configured weights: run scripts/make_word_vectors.py"
    return found


def test_the_table_holds_the_common_words_and_nothing_else(table):
    expected = {w for w, z in zipf_table().items() if z >= word_table.MIN_ZIPF}
    assert set(table.rows) == expected
    assert {"heart", "feeling", "worse", "legs"} <= set(table.rows)


def test_table_vectors_are_what_the_model_says(table, embedder):
    words = random.Random(3).sample(sorted(table.rows), 300) + ["heart", "die", "numb"]
    live = embedder.encode(words)
    stored = np.stack([table.get(w) for w in words])
    cosines = (live * stored).sum(axis=1) / np.linalg.norm(stored, axis=1)
    assert cosines.min() >= 0.999, words[int(cosines.argmin())]
    # Used as cosines against fixed thresholds, so their length must stay one too.
    np.testing.assert_allclose(np.linalg.norm(stored, axis=1), 1.0, atol=0.005)


def test_a_table_word_is_looked_up_and_only_other_words_are_embedded(table, fake_embedder):
    fake = fake_embedder
    words = WordVectors(fake, ("health",), table)
    words.prefetch(["heart", "feeling"])
    assert fake.calls == 0
    np.testing.assert_array_equal(words.vectors(["heart"])[0], table.get("heart"))
    words.prefetch(["heart", "zzyzxqword"])
    assert fake.calls == 1 and len(words) == 1  # only the unknown word went to the encoder


def test_a_table_made_by_other_weights_is_ignored(tmp_path):
    path = tmp_path / "vectors.npz"
    vectors = np.eye(3, 8, dtype=np.float32)
    word_table.save(path, ["one", "two", "three"], vectors, "a" * 64)
    assert word_table.load("b" * 64, path) is None
    mine = word_table.load("a" * 64, path)
    np.testing.assert_allclose(mine.get("two"), vectors[1], atol=0.01)
    assert mine.get("four") is None


def test_an_unreadable_table_warns_and_is_not_used(tmp_path, caplog):
    path = tmp_path / "vectors.npz"
    path.write_bytes(b"not a numpy file")
    with caplog.at_level(logging.WARNING, logger="bot.word_table"):
        assert word_table.load("a" * 64, path) is None
    assert "unreadable" in caplog.text
