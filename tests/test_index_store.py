"""The index folder: what a build records, when it counts as stale, and that a failed build breaks nothing.

These tests use the fake embedder and a tiny fake weights file, so each build takes milliseconds.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import stat
from pathlib import Path

import numpy as np
import pytest

from bot import index_store
from bot.corpus import CorpusError, corpus_hash, load_corpus
from bot.embedder import ModelError
from bot.index_store import (
    CHUNKING_VERSION,
    IndexProblem,
    build_index,
    check_status,
    ensure_index,
    load_index,
)

SEED_MD = Path(__file__).resolve().parents[1] / "corpus" / "does-lupus-cause-nerve-pain.md"
ARTICLES = Path(__file__).resolve().parent / "data" / "articles"


@pytest.fixture
def make_settings(tmp_path, fake_model, settings_factory):
    """Settings for a fresh copy of the seed corpus in ``tmp_path``, checked against the fake weights."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_MD, corpus)
    model_dir, sha = fake_model

    def make(**overrides):
        return settings_factory(corpus, tmp_path / "index", **{"model_dir": model_dir, "model_sha256": sha, **overrides})

    return make


@pytest.fixture
def settings(make_settings):
    return make_settings()


@pytest.fixture
def built(settings, fake_embedder):
    """Settings whose index has been built once."""
    build_index(settings, fake_embedder)
    return settings


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(settings) -> list[str]:
    """Anything next to the index that a build should have cleaned up."""
    parent = Path(settings.index_dir).parent
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(".index") or p.name.endswith(".old"))


def assert_refused(settings, *words):
    with pytest.raises(IndexProblem) as caught:
        load_index(settings)
    message = str(caught.value)
    assert "bot index build" in message
    for word in words:
        assert word in message
    return message


# --- what a build writes ------------------------------------------------------------------------


def test_build_writes_a_manifest_describing_the_index(settings, fake_embedder, fake_model):
    manifest, problems = build_index(settings, fake_embedder)
    assert problems == []
    index = Path(settings.index_dir)
    assert {p.name for p in index.iterdir()} == {"manifest.json", "articles.json", "dense.faiss", "bm25", "words.npz"}
    written = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    articles, _ = load_corpus(settings.corpus_dir)
    assert written["model_name"] == "fake/hashed-stems"
    assert written["model_sha256"] == fake_model[1]
    assert written["dim"] == 384
    assert written["chunking_version"] == CHUNKING_VERSION
    assert written["corpus_hash"] == corpus_hash(articles)
    assert (written["articles"], written["sections"], written["sentences"], written["vectors"]) == (1, 7, 49, 49)
    assert written == dataclasses.asdict(manifest)
    assert leftovers(settings) == []


def test_every_corpus_word_has_its_vector_in_the_index(built, fake_embedder):
    loaded = load_index(built)
    assert {"stocking", "neuropathy", "lupus"} <= set(loaded.word_vectors)
    assert np.allclose(loaded.word_vectors["lupus"], fake_embedder.encode(["lupus"])[0])


def test_loaded_index_gives_back_the_parsed_articles(built):
    loaded = load_index(built)
    articles, _ = load_corpus(built.corpus_dir)
    assert list(loaded.articles.values()) == articles
    assert loaded.sentences == list(articles[0].sentences)
    assert loaded.faiss_index.ntotal == len(loaded.sentences)
    supportive = loaded.sentences[-1]
    assert loaded.section_of(supportive).path == ("Managing Neuropathic Pain in Lupus",)


def test_index_folder_is_readable_by_other_users_as_the_umask_allows(settings, fake_embedder):
    previous = os.umask(0o022)
    try:
        build_index(settings, fake_embedder)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(Path(settings.index_dir).stat().st_mode) == 0o755


# --- fresh or stale --------------------------------------------------------------------------------


def test_fresh_after_build(built):
    status = check_status(built)
    assert (status.exists, status.fresh, status.reasons) == (True, True, [])


def test_missing_index(settings):
    status = check_status(settings)
    assert (status.exists, status.fresh) == (False, False)
    assert_refused(settings, "missing")


def test_editing_an_article_makes_the_index_stale(built):
    article = Path(built.corpus_dir) / SEED_MD.name
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    status = check_status(built)
    assert not status.fresh
    assert any("changed" in r for r in status.reasons)
    assert_refused(built, "stale", "changed")


@pytest.mark.parametrize("change", ["add", "remove"])
def test_adding_or_removing_an_article_makes_the_index_stale(built, change):
    corpus = Path(built.corpus_dir)
    if change == "add":
        shutil.copy(ARTICLES / "nerve-tests.txt", corpus)
    else:
        (corpus / SEED_MD.name).rename(corpus / "renamed.md")
    status = check_status(built)
    assert not status.fresh and any("changed" in r for r in status.reasons)


def test_a_non_article_file_in_the_corpus_does_not_make_it_stale(built):
    (Path(built.corpus_dir) / "leaflet.pdf").write_bytes(b"%PDF-1.4")
    assert check_status(built).fresh


def test_different_expected_weights_make_the_index_stale(built, make_settings):
    status = check_status(make_settings(model_sha256="0" * 64))
    assert not status.fresh and any("model weights" in r for r in status.reasons)


def test_a_new_chunking_version_makes_the_index_stale(built):
    path = Path(built.index_dir) / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**manifest, "chunking_version": "sentences-v0"}), encoding="utf-8")
    status = check_status(built)
    assert not status.fresh and any("chunking" in r for r in status.reasons)


@pytest.mark.parametrize("damage", ["truncate", "garbage", "delete"])
def test_damaged_vectors_are_refused(built, damage):
    dense = Path(built.index_dir) / "dense.faiss"
    if damage == "truncate":
        dense.write_bytes(dense.read_bytes()[:100])
    elif damage == "garbage":
        dense.write_bytes(os.urandom(dense.stat().st_size))
    else:
        dense.unlink()
    status = check_status(built)
    assert not status.fresh
    word = "missing" if damage == "delete" else "corrupt"
    assert any("dense.faiss" in r and word in r for r in status.reasons), status.reasons
    assert_refused(built, "dense.faiss", word)


def test_unreadable_manifest_is_refused_with_the_rebuild_command(built):
    (Path(built.index_dir) / "manifest.json").write_text("{not json", encoding="utf-8")
    assert not check_status(built).fresh
    assert_refused(built, "manifest")


def test_missing_bm25_folder_is_refused(built):
    shutil.rmtree(Path(built.index_dir) / "bm25")
    assert any("bm25" in r for r in check_status(built).reasons)
    assert_refused(built, "bm25")


@pytest.mark.parametrize("damage", ["garbage", "delete"])
def test_a_damaged_bm25_file_makes_the_index_stale_and_is_named(built, damage):
    victim = sorted((Path(built.index_dir) / "bm25").iterdir())[0]
    if damage == "garbage":
        victim.write_bytes(os.urandom(victim.stat().st_size))  # same size: only the hash can tell
    else:
        victim.unlink()
    word = "missing" if damage == "delete" else "corrupt"
    reasons = check_status(built, thorough=True).reasons
    assert any(f"bm25/{victim.name}" in r and word in r for r in reasons), reasons
    assert_refused(built, f"bm25/{victim.name}", word)


# --- a failed build leaves the previous index alone ---------------------------------------------------


class BrokenEmbedder:
    name = "broken"
    dim = 384

    def encode(self, texts):
        raise RuntimeError("out of memory halfway through")


def test_embedder_failure_leaves_the_previous_index_loadable(built):
    before = snapshot(Path(built.index_dir))
    with pytest.raises(RuntimeError):
        build_index(built, BrokenEmbedder())
    assert snapshot(Path(built.index_dir)) == before
    assert leftovers(built) == []
    assert load_index(built).manifest.sentences == 49


class FailingExport:
    """Embeds like the fake model; its ONNX export, which a first build runs in a thread, dies halfway."""

    def __init__(self, inner):
        self.inner, self.name, self.dim = inner, inner.name, inner.dim

    def encode(self, texts):
        return self.inner.encode(texts)

    def export_onnx(self, folder):
        (Path(folder) / "encoder.onnx").write_bytes(b"half an encoder")
        raise RuntimeError("export failed halfway")


def test_an_export_failing_in_its_thread_fails_the_build_and_leaves_the_previous_index(built, fake_embedder):
    before = snapshot(Path(built.index_dir))
    with pytest.raises(RuntimeError, match="export failed"):
        build_index(built, FailingExport(fake_embedder))
    assert snapshot(Path(built.index_dir)) == before
    assert leftovers(built) == []
    assert load_index(built).manifest.sentences == 49


def test_failure_while_writing_leaves_the_previous_index_and_no_temp_folder(built, fake_embedder, monkeypatch):
    before = snapshot(Path(built.index_dir))

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(index_store, "_write_json_atomic", disk_full)
    with pytest.raises(OSError):
        build_index(built, fake_embedder)
    assert snapshot(Path(built.index_dir)) == before
    assert leftovers(built) == []
    load_index(built)


def test_corpus_error_leaves_the_previous_index_untouched(built, fake_embedder):
    before = snapshot(Path(built.index_dir))
    bad = Path(built.corpus_dir) / "broken.txt"
    bad.write_bytes(b"\x00\x00binary")
    with pytest.raises(CorpusError) as caught:
        build_index(built, fake_embedder)
    assert str(bad) in str(caught.value)
    assert snapshot(Path(built.index_dir)) == before
    bad.unlink()
    assert load_index(built).manifest.sentences == 49


def test_wrong_model_weights_are_refused_and_the_index_left_alone(built, make_settings, fake_embedder):
    before = snapshot(Path(built.index_dir))
    with pytest.raises(ModelError) as caught:
        build_index(make_settings(model_sha256="0" * 64), fake_embedder)
    assert "sha256" in str(caught.value)
    assert snapshot(Path(built.index_dir)) == before


def test_missing_model_weights_are_refused(make_settings, fake_embedder, tmp_path):
    with pytest.raises(ModelError) as caught:
        build_index(make_settings(model_dir=tmp_path / "no-model"), fake_embedder)
    assert "model.safetensors" in str(caught.value)


# --- ensure_index: what `bot serve` and `bot search` do on start ------------------------------------


def test_ensure_index_loads_a_fresh_index_without_loading_a_model(built):
    def must_not_load():
        raise AssertionError("the model was loaded for a fresh index")

    assert ensure_index(built, must_not_load).manifest.sentences == 49


def test_ensure_index_rebuilds_a_stale_index_when_allowed(built, fake_embedder):
    shutil.copy(ARTICLES / "nerve-tests.txt", built.corpus_dir)
    loaded = ensure_index(built, lambda: fake_embedder)
    assert set(loaded.articles) == {"does-lupus-cause-nerve-pain", "nerve-tests"}
    assert check_status(built).fresh


def test_ensure_index_refuses_a_stale_index_when_rebuilding_is_off(built, make_settings):
    before = snapshot(Path(built.index_dir))
    shutil.copy(ARTICLES / "nerve-tests.txt", built.corpus_dir)

    def must_not_load():
        raise AssertionError("the model was loaded although rebuilding is off")

    with pytest.raises(IndexProblem) as caught:
        ensure_index(make_settings(auto_rebuild=False), must_not_load)
    assert "stale" in str(caught.value) and "bot index build" in str(caught.value)
    assert snapshot(Path(built.index_dir)) == before


def test_ensure_index_builds_a_missing_index(settings, fake_embedder):
    assert ensure_index(settings, lambda: fake_embedder).manifest.articles == 1


# --- the `.old` folder: a build that died between its two renames -------------------------------------


def crash_between_renames(settings) -> Path:
    """The state a build leaves if it dies after moving the live index aside and before moving its own in."""
    index = Path(settings.index_dir)
    old = index.with_name(index.name + ".old")
    index.rename(old)
    return old


def test_index_left_in_old_folder_is_still_used(built):
    crash_between_renames(built)
    assert check_status(built).fresh
    assert load_index(built).manifest.sentences == 49


def test_next_build_replaces_the_old_folder(built, fake_embedder):
    old = crash_between_renames(built)
    build_index(built, fake_embedder)
    assert not old.exists()
    assert (Path(built.index_dir) / "manifest.json").exists()
    assert leftovers(built) == []
    load_index(built)


@pytest.mark.parametrize("crashed_before", [False, True], ids=["normal", "after-earlier-crash"])
def test_build_dying_before_its_final_rename_keeps_an_index_loadable(built, fake_embedder, monkeypatch, crashed_before):
    if crashed_before:
        crash_between_renames(built)
    real_rename = os.rename

    def rename(src, dst):
        if Path(src).name.startswith(".index.build-"):
            raise KeyboardInterrupt  # killed at the worst moment
        real_rename(src, dst)

    monkeypatch.setattr(index_store.os, "rename", rename)
    with pytest.raises(KeyboardInterrupt):
        build_index(built, fake_embedder)
    monkeypatch.undo()
    assert check_status(built).fresh
    assert load_index(built).manifest.sentences == 49



class _Recording:
    """The fake embedder, remembering every text it was asked to embed."""

    def __init__(self, inner):
        self.inner, self.name, self.dim, self.texts = inner, inner.name, inner.dim, []

    def encode(self, texts):
        self.texts.extend(texts)
        return self.inner.encode(texts)


def test_adding_an_article_embeds_only_what_is_new(built, fake_embedder):
    (Path(built.corpus_dir) / "hands.md").write_text("# Hand Pain\n\nPalmar tingling can come and go.\n", encoding="utf-8")
    recording = _Recording(fake_embedder)
    manifest, _ = build_index(built, recording)
    assert manifest.articles == 2
    # The new sentence, then only the new article's words the seed article never used.
    assert recording.texts[0] == "Hand Pain: Palmar tingling can come and go."
    assert "palmar" in recording.texts[1:] and set(recording.texts[1:]) <= {"palmar", "come", "go"}
    loaded = load_index(built)
    fresh = {s.text: row for row, s in enumerate(loaded.sentences)}
    vector = loaded.faiss_index.reconstruct(fresh["Palmar tingling can come and go."])
    assert np.allclose(vector, fake_embedder.encode(["Hand Pain: Palmar tingling can come and go."])[0], atol=1e-6)


def test_vectors_are_not_reused_from_an_index_built_with_other_weights(built, fake_embedder, make_settings, tmp_path):
    other = tmp_path / "other-model"
    shutil.copytree(built.model_dir, other)
    with open(other / "model.safetensors", "ab") as f:
        f.write(b"\0")
    from bot.embedder import file_sha256

    settings = built.with_overrides(model_dir=other, model_sha256=file_sha256(other / "model.safetensors"))
    recording = _Recording(fake_embedder)
    build_index(settings, recording)
    assert len([t for t in recording.texts if ":" in t]) == 49  # every sentence embedded again
