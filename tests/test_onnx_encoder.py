"""The ONNX encoder an index build exports: same vectors as sentence-transformers, hashed, and torch-free to serve.

Uses the real model and the session's seed index (built once by ``conftest.seed_index``, which exports it).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bot.embedder import OnnxEmbedder
from bot.index_store import check_status, load_index, read_manifest

SENTENCES = [
    "Can lupus cause nerve pain?",
    "Why might my nerve test be normal?",
    "Névropathie périphérique : douleur brûlante aux pieds — est-ce fréquent ? 🔥",
    "神经病变会引起疼痛吗？",
    "مرض الذئبة يسبب ألم الأعصاب",
    "",
    "pain",
    # Longer than the model's 256-token limit: both encoders must truncate at the same place.
    " ".join(["Small-fiber neuropathy damages the small, unmyelinated nerve fibers responsible for pain."] * 40),
]


@pytest.fixture(scope="module")
def onnx_embedder(seed_index) -> OnnxEmbedder:
    manifest = read_manifest(seed_index.index_dir)
    return OnnxEmbedder(seed_index.index_dir, manifest.model_name, manifest.dim)


def test_a_real_build_exports_the_encoder_and_hashes_it(seed_index):
    manifest = read_manifest(seed_index.index_dir)
    assert manifest.encoder == "encoder.onnx" and manifest.query_encoder == "encoder-int8.onnx"
    assert {"encoder.onnx", "tokenizer.json", "encoder-int8.onnx"} <= set(manifest.file_sha256)
    assert (Path(seed_index.index_dir) / "encoder.onnx").is_file()
    # The quantized copy is the smaller one: its matrices are 8-bit.
    assert (Path(seed_index.index_dir) / "encoder-int8.onnx").stat().st_size < 0.7 * manifest.file_size["encoder.onnx"]


@pytest.fixture(scope="module")
def query_embedder(seed_index) -> OnnxEmbedder:
    manifest = read_manifest(seed_index.index_dir)
    return OnnxEmbedder(seed_index.index_dir, manifest.model_name, manifest.dim, file=manifest.query_encoder)


def test_the_quantized_query_encoder_stays_close_to_sentence_transformers(query_embedder, embedder):
    ours, theirs = query_embedder.encode(SENTENCES), embedder.encode(SENTENCES)
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.95 and cosines.mean() >= 0.98, dict(zip(SENTENCES, cosines.round(4)))


def test_the_quantized_query_encoder_ranks_sentences_as_the_full_one_does(seed_index, query_embedder, embedder):
    """What it is used for: ranking a question against the indexed sentence vectors."""
    index = load_index(seed_index)
    units = embedder.encode([s.text for s in index.sentences])
    questions = ["why might my nerve test be normal?", "my feet feel numb like socks", "what treats nerve pain in lupus",
                 "can nerve damage from lupus get better", "how do doctors diagnose small fiber neuropathy"]
    for q in questions:
        full, quick = units @ embedder.encode([q])[0], units @ query_embedder.encode([q])[0]
        assert int(quick.argmax()) in set(np.argsort(-full)[:2].tolist()), q
        assert np.abs(full - quick).max() < 0.05, q


def test_onnx_and_sentence_transformers_agree_in_a_batch(onnx_embedder, embedder):
    ours, theirs = onnx_embedder.encode(SENTENCES), embedder.encode(SENTENCES)
    assert ours.shape == theirs.shape == (len(SENTENCES), 384)
    assert ours.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.999, dict(zip(SENTENCES, cosines.round(5)))


def test_onnx_and_sentence_transformers_agree_one_at_a_time(onnx_embedder, embedder):
    for text in SENTENCES:
        cosine = float(onnx_embedder.encode([text])[0] @ embedder.encode([text])[0])
        assert cosine >= 0.999, (text[:40], cosine)


def test_batching_does_not_change_a_vector(onnx_embedder):
    """Padding a short sentence next to a long one must not leak into its vector."""
    alone = onnx_embedder.encode([SENTENCES[0]])[0]
    batched = onnx_embedder.encode(SENTENCES)[0]
    assert float(alone @ batched) >= 0.9999


def test_onnx_encoder_uses_one_thread_by_default(onnx_embedder):
    assert onnx_embedder.session.get_session_options().intra_op_num_threads == 1


def test_engine_embeds_queries_with_the_onnx_encoder_of_a_fresh_index(seed_index):
    from bot.engine import Engine

    engine = Engine(seed_index)
    assert isinstance(engine.embedder, OnnxEmbedder)
    assert engine.embedder.path.name == "encoder-int8.onnx"
    # Single words go through the full-precision encoder, made only when a word needs embedding.
    assert engine.word_embedder._inner is None
    assert engine.word_embedder.encode(["zzyzxqword"]).shape == (1, 384)
    assert engine.word_embedder.load().path.name == "encoder.onnx"
    assert "build_embedder" not in engine.__dict__  # the torch model was never loaded


@pytest.mark.parametrize("name", ["encoder.onnx", "tokenizer.json", "encoder-int8.onnx"])
def test_a_corrupt_encoder_file_makes_the_index_stale(seed_index, tmp_path, name):
    index = tmp_path / "index"
    shutil.copytree(seed_index.index_dir, index)
    settings = seed_index.with_overrides(index_dir=index)
    assert check_status(settings).fresh
    path = index / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    # `bot index status` hashes every file; a start hashes the small ones and sizes the 90 MB encoder.
    status = check_status(settings, thorough=True)
    assert not status.fresh
    assert any(name in r and "corrupt" in r for r in status.reasons), status.reasons
    if name == "tokenizer.json":
        with pytest.raises(Exception, match="bot index build"):
            load_index(settings)


def test_a_truncated_encoder_is_caught_at_start_without_hashing_it(seed_index, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(seed_index.index_dir, index)
    settings = seed_index.with_overrides(index_dir=index)
    with open(index / "encoder.onnx", "r+b") as f:
        f.truncate(1024)
    status = check_status(settings)
    assert not status.fresh
    assert any("encoder.onnx" in r and "size" in r for r in status.reasons), status.reasons
    with pytest.raises(Exception, match="bot index build"):
        load_index(settings)


def test_a_deleted_encoder_makes_the_index_stale(seed_index, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(seed_index.index_dir, index)
    (index / "encoder.onnx").unlink()
    status = check_status(seed_index.with_overrides(index_dir=index))
    assert any("encoder.onnx" in r and "missing" in r for r in status.reasons), status.reasons


def test_an_index_from_before_the_encoder_reads_as_stale(seed_index, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(seed_index.index_dir, index)
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    del manifest["encoder"]
    manifest["format_version"] = 1
    (index / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    status = check_status(seed_index.with_overrides(index_dir=index))
    assert status.exists and not status.fresh
    assert any("format" in r for r in status.reasons)


# Runs `bot ask` in a fresh interpreter, then reports which heavy modules it imported.
_WRAPPER = """
import json, sys
from bot.cli import app
sys.argv = ["bot", *sys.argv[1:]]
try:
    app()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
heavy = sorted(m for m in ("torch", "sentence_transformers", "transformers") if m in sys.modules)
print(json.dumps({"code": code, "heavy": heavy}), file=sys.stderr)
"""


def test_cold_ask_on_a_fresh_index_never_imports_torch(seed_index):
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", NO_COLOR="1")
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, "ask", "why might my nerve test be normal?", "--json",
         "--corpus", str(seed_index.corpus_dir), "--index", str(seed_index.index_dir), "--no-rebuild"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    report = json.loads(proc.stderr.strip().splitlines()[-1])
    assert report == {"code": 0, "heavy": []}, proc.stderr
    reply = json.loads(proc.stdout)
    assert any("nerve conduction studies (NCS)" in c["text"] for c in reply["claims"]), reply["reply"]


class _NoExport:
    """The real model, but exporting it again is an error: the build must reuse the previous export."""

    def __init__(self, inner):
        self.inner, self.name, self.dim = inner, inner.name, inner.dim

    def encode(self, texts):
        return self.inner.encode(texts)

    def export_onnx(self, folder):
        raise AssertionError("exported again although the weights did not change")


def test_adding_an_article_reuses_the_previous_export(seed_index, embedder, tmp_path):
    from bot.index_store import build_index

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(seed_index.corpus_dir, corpus)
    shutil.copytree(seed_index.index_dir, index)
    (corpus / "new-article.md").write_text("# Hand Pain\n\nLupus can cause pain in the hands.\n", encoding="utf-8")
    settings = seed_index.with_overrides(corpus_dir=corpus, index_dir=index)
    before = read_manifest(index).file_sha256
    manifest, _ = build_index(settings, _NoExport(embedder))
    assert manifest.articles == 2 and manifest.encoder == "encoder.onnx"
    names = ("encoder.onnx", "tokenizer.json", "encoder-int8.onnx")
    assert manifest.query_encoder == "encoder-int8.onnx"
    assert {n: manifest.file_sha256[n] for n in names} == {n: before[n] for n in names}
    assert check_status(settings, thorough=True).fresh


def test_our_quantizer_writes_what_onnxruntimes_does(seed_index, query_embedder, onnx_embedder, tmp_path):
    """``onnx_export.quantize`` rebuilds onnxruntime's per-channel dynamic quantization in numpy for speed:
    the two graphs must embed alike, and as close to the fp32 encoder. (Single short texts come out
    identical; in padded batches the runtime's kernels round activations a little differently.)"""
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    folder = tmp_path / "reference"
    folder.mkdir()
    for name in ("encoder.onnx", "tokenizer.json"):
        os.link(Path(seed_index.index_dir) / name, folder / name)
    logging.disable(logging.WARNING)  # it suggests pre-processing on the root logger
    try:
        quantize_dynamic(folder / "encoder.onnx", folder / "reference-int8.onnx", weight_type=QuantType.QInt8,
                         per_channel=True, op_types_to_quantize=["MatMul"])
    finally:
        logging.disable(logging.NOTSET)
    manifest = read_manifest(seed_index.index_dir)
    reference = OnnxEmbedder(folder, manifest.model_name, manifest.dim, file="reference-int8.onnx")
    ours, theirs, full = query_embedder.encode(SENTENCES), reference.encode(SENTENCES), onnx_embedder.encode(SENTENCES)
    # Padded batches go through the runtime's int8 kernels, which round by CPU: 0.9944 at the lowest on a machine
    # where another had 0.995, the same code and wheels. Single texts below must still come out identical.
    assert (ours * theirs).sum(axis=1).min() >= 0.99
    assert abs((ours * full).sum(axis=1).mean() - (theirs * full).sum(axis=1).mean()) < 0.002
    for text in SENTENCES[:3]:
        assert float(query_embedder.encode([text])[0] @ reference.encode([text])[0]) >= 0.9999, text
