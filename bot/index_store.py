"""Build, save, check and load the index folder.

The folder holds plainly named files: ``manifest.json`` (what it was built from), ``articles.json``
(sections and sentences with offsets), ``dense.faiss`` (one normalised vector per sentence), ``words.npz``
(one vector per distinct corpus word, for the synonym check) and ``bm25/`` (bm25s files). A build with the real model also writes ``encoder.onnx`` and ``tokenizer.json``,
the same model exported so queries are embedded without torch (see ``onnx_export``). A build is written to
a sibling temp folder and swapped in, so a build that dies halfway leaves the previous index in place.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from .corpus import corpus_hash, load_corpus, scan_corpus_hash
from .embedder import Embedder, ModelError, file_sha256, verify_weights
from .onnx_export import QUERY_ENCODER_FILE
from .settings import Settings
from .text import content_words, index_tokens
from .types import Article, Problem, Section, Sentence

log = logging.getLogger(__name__)

# 2: the manifest names an ONNX encoder (``encoder``) whose files it hashes.
# 3: ``words.npz`` holds the vector of every word of the corpus (the synonym check in ``coverage``).
# 4: the manifest names a quantized ONNX encoder for questions (``query_encoder``).
FORMAT_VERSION = 4
# Bump when splitting, unit text or word tokens change: old indexes then read as stale.
CHUNKING_VERSION = "sentences-v2+section-title+unaccented"  # words lose accents ("qué" is "que")
REBUILD_HINT = "run `bot index build`"
_FILES = ("articles.json", "dense.faiss", "words.npz")
BM25_DIR = "bm25"  # bm25s writes several files here; each is hashed in the manifest as "bm25/<name>"


class IndexProblem(Exception):
    """The index is missing, stale or unreadable; the message says how to fix it."""


@dataclass(frozen=True)
class Manifest:
    format_version: int
    model_name: str
    model_sha256: str
    dim: int
    chunking_version: str
    corpus_hash: str
    built_at: str
    build_seconds: float
    articles: int
    sections: int
    sentences: int
    vectors: int
    file_sha256: dict[str, str]
    encoder: str | None = None  # ONNX file in the folder for query embedding; None when the embedder has no export
    file_size: dict[str, int] = dataclasses.field(default_factory=dict)
    query_encoder: str | None = None  # the int8 ONNX file questions are embedded with; None: use ``encoder``


@dataclass(frozen=True)
class Status:
    exists: bool
    fresh: bool
    reasons: list[str]
    manifest: Manifest | None


@dataclass
class LoadedIndex:
    """Everything retrieval needs, in memory."""

    manifest: Manifest
    articles: dict[str, Article]
    sentences: list[Sentence]  # row i of the vector index is sentences[i]
    faiss_index: object
    bm25: object
    folder: Path | None = None  # where the files were read from (the encoder is loaded from here)
    word_vectors: dict[str, np.ndarray] = dataclasses.field(default_factory=dict)  # every corpus word's vector

    def section_of(self, sentence: Sentence) -> Section:
        return self.articles[sentence.doc_id].sections[sentence.section]


def unit_text(article: Article, sentence: Sentence) -> str:
    """What is embedded for a sentence: its section heading gives it a topic, the sentence the facts."""
    section = article.sections[sentence.section]
    return f"{section.title}: {sentence.text}"


def lexical_text(article: Article, sentence: Sentence) -> str:
    """What BM25 indexes for a sentence: the sentence and its section path."""
    section = article.sections[sentence.section]
    return " ".join([*section.path, section.title, sentence.text])


def _bm25s():
    # bm25s imports scipy.sparse if it can, but only its optional scipy backend uses it; we use the default
    # numpy one. Hiding scipy during the import saves a cold `bot ask` ~0.13 s (scipy clones all of numpy).
    hide = "scipy" not in sys.modules
    if hide:
        sys.modules["scipy"] = None  # type: ignore[assignment]  # makes `import scipy...` raise ImportError
    try:
        import bm25s
    finally:
        if hide:
            del sys.modules["scipy"]

    # bm25s sets its own logger to DEBUG on import; its progress lines are noise on our stderr.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


def build_index(settings: Settings, embedder: Embedder) -> tuple[Manifest, list[Problem]]:
    """Parse the corpus, embed it and atomically replace ``settings.index_dir``."""
    import faiss

    bm25s = _bm25s()

    started = time.perf_counter()
    articles, problems = load_corpus(settings.corpus_dir)
    weights = verify_weights(settings.model_dir, settings.model_sha256)
    sentences = [s for a in articles for s in a.sentences]
    by_id = {a.doc_id: a for a in articles}
    index_dir = Path(settings.index_dir)
    # Texts the previous build embedded with the same weights keep their vectors: adding one article to a
    # large corpus embeds that article, not the corpus again.
    old_units, old_words = _previous_vectors(index_dir, weights, embedder.name)
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_dead_builds(index_dir)
    # Not mkdtemp: its mode 0700 would lock a server running as another user out of the index.
    tmp = index_dir.with_name(f"{_build_prefix(index_dir)}{os.getpid()}-{uuid.uuid4().hex[:8]}")
    tmp.mkdir()
    exporting = None
    try:
        # The model exported next to the vectors it made, so queries can be embedded without torch. Adding
        # an article changes no weights: the previous build's verified export is reused (~1 s saved).
        export = getattr(embedder, "export_onnx", None)
        encoder_files, digests = (), {}
        if export is not None:
            encoder_files = _reuse_encoder(index_dir, weights, embedder.name, tmp) or ()
            if not encoder_files:
                # A first build exports while the sentences are embedded: the trace is mostly Python, the
                # embedding mostly torch kernels that release the GIL, so on 2 cores the two overlap
                # (3.2 s → ~1.6 s for the seed article).
                exporting = ThreadPoolExecutor(1, thread_name_prefix="onnx-export")
                pending = exporting.submit(_export_and_hash, export, tmp)
        vectors = _embed([unit_text(by_id[s.doc_id], s) for s in sentences], embedder, old_units)
        # Each word embedded once here, so a reply never waits to embed a corpus word for the synonym check;
        # the shipped table (same weights) already holds most of them.
        vocabulary = sorted({w for s in sentences for w in content_words(s.text)})
        word_vectors = _embed(vocabulary, embedder, _known_words(vocabulary, old_words, weights))
        if vectors.shape != (len(sentences), embedder.dim):
            raise IndexProblem(f"embedder returned shape {vectors.shape}, expected ({len(sentences)}, {embedder.dim})")
        flat = faiss.IndexFlatIP(embedder.dim)
        flat.add(vectors)
        faiss.write_index(flat, str(tmp / "dense.faiss"))
        with open(tmp / "words.npz", "wb") as f:
            np.savez(f, words=np.array(vocabulary, dtype=str), vectors=np.asarray(word_vectors, dtype=np.float32))
        bm25 = bm25s.BM25()
        bm25.index([index_tokens(lexical_text(by_id[s.doc_id], s)) or ["_"] for s in sentences], show_progress=False)
        bm25.save(str(tmp / BM25_DIR))
        lexical_files = tuple(sorted(f"{BM25_DIR}/{f.name}" for f in (tmp / BM25_DIR).iterdir()))
        if exporting is not None:
            digests = pending.result()
            encoder_files = tuple(digests)
        (tmp / "articles.json").write_text(json.dumps([dataclasses.asdict(a) for a in articles]), encoding="utf-8")
        manifest = Manifest(
            format_version=FORMAT_VERSION,
            model_name=embedder.name,
            model_sha256=weights,
            dim=embedder.dim,
            chunking_version=CHUNKING_VERSION,
            corpus_hash=corpus_hash(articles),
            built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            build_seconds=round(time.perf_counter() - started, 3),
            articles=len(articles),
            sections=sum(len(a.sections) for a in articles),
            sentences=len(sentences),
            vectors=int(flat.ntotal),
            file_sha256={name: digests.get(name) or _sha256(tmp / name)
                         for name in (*_FILES, *lexical_files, *encoder_files)},
            file_size={name: (tmp / name).stat().st_size for name in (*_FILES, *lexical_files, *encoder_files)},
            encoder=encoder_files[0] if encoder_files else None,
            query_encoder=QUERY_ENCODER_FILE if QUERY_ENCODER_FILE in encoder_files else None,
        )
        _write_json_atomic(tmp / "manifest.json", dataclasses.asdict(manifest))
        _fsync_dir(tmp)
        _swap_in(tmp, index_dir)
    except BaseException:
        if exporting is not None:
            exporting.shutdown(wait=True, cancel_futures=True)  # the export may still be writing into tmp
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if exporting is not None:
            exporting.shutdown(wait=False)
    log.info("built index: %d articles, %d sentences in %.2fs", manifest.articles, manifest.sentences, manifest.build_seconds)
    return manifest, problems


def _embed(texts: list[str], embedder: Embedder, known: dict[str, np.ndarray]) -> np.ndarray:
    """One vector per text: ``known`` ones reused, the rest embedded in one call."""
    todo = [t for t in dict.fromkeys(texts) if t not in known]
    fresh = dict(zip(todo, embedder.encode(todo))) if todo else {}
    if not texts:
        return np.zeros((0, embedder.dim), np.float32)
    return np.stack([fresh[t] if t in fresh else known[t] for t in texts]).astype(np.float32)


def _export_and_hash(export, folder: Path) -> dict[str, str]:
    """Run ``export(folder)``; its file names with their sha256, hashed here while the build goes on."""
    return {name: _sha256(folder / name) for name in export(folder)}


def _known_words(words: list[str], previous: dict[str, np.ndarray], weights: str) -> dict[str, np.ndarray]:
    """Vectors already at hand for ``words``: the previous build's, then the shipped word table's."""
    from . import word_table

    table = word_table.load(weights)
    known = dict(previous)
    if table is not None:
        for w in words:
            if w not in known and (v := table.get(w)) is not None:
                known[w] = v
    return known


def _same_model_index(index_dir: Path, weights: str, model_name: str, names) -> tuple[Manifest, Path] | None:
    """The live index's manifest and folder when it was built by this format from the same weights and the
    files ``names`` (a callable picking them from the manifest) still hash as built; else None."""
    try:
        old = read_manifest(index_dir)
    except IndexProblem:
        return None
    live = _live_dir(index_dir)
    if old.format_version != FORMAT_VERSION or old.model_sha256 != weights or old.model_name != model_name:
        return None
    if any(not (live / n).is_file() or _sha256(live / n) != old.file_sha256.get(n) for n in names(old)):
        return None
    return old, live


def _read_word_vectors(live: Path) -> dict[str, np.ndarray]:
    with np.load(live / "words.npz", allow_pickle=False) as saved:
        return dict(zip(saved["words"].tolist(), saved["vectors"]))


def _previous_vectors(index_dir: Path, weights: str, model_name: str) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Sentence vectors by unit text and word vectors by word from the live index, when it was built from the
    same weights by this format and its files still hash as built; two empty dicts otherwise."""
    import faiss

    found = _same_model_index(index_dir, weights, model_name, lambda m: _FILES)
    if found is None:
        return {}, {}
    old, live = found
    try:
        articles = [_article_from_dict(a) for a in json.loads((live / "articles.json").read_text(encoding="utf-8"))]
        flat = faiss.read_index(str(live / "dense.faiss"))
        words = _read_word_vectors(live)
    except Exception:  # unreadable after all: embed everything, as a first build does
        return {}, {}
    units = [unit_text(a, s) for a in articles for s in a.sentences]
    if flat.ntotal != len(units) or flat.d != old.dim:
        return {}, {}
    return dict(zip(units, flat.reconstruct_n(0, flat.ntotal))), words


def _reuse_encoder(index_dir: Path, weights: str, model_name: str, tmp: Path) -> tuple[str, ...] | None:
    """Link the live index's encoder files into ``tmp`` when they were exported from the same weights by
    this index format and still hash as built; None when there is nothing safe to reuse."""
    def encoder_files(m: Manifest) -> list[str]:
        return [n for n in m.file_sha256 if n not in _FILES and not n.startswith(f"{BM25_DIR}/")]

    found = _same_model_index(index_dir, weights, model_name, encoder_files)
    if found is None or not found[0].encoder or found[0].encoder not in encoder_files(found[0]):
        return None
    old, live = found
    names = encoder_files(old)
    for n in names:
        try:
            os.link(live / n, tmp / n)  # the old folder is deleted after the swap; the link keeps the data
        except OSError:
            shutil.copy2(live / n, tmp / n)
    return (old.encoder, *(n for n in names if n != old.encoder))


def _build_prefix(index_dir: Path) -> str:
    return f".{index_dir.name}.build-"


def _remove_dead_builds(index_dir: Path) -> None:
    """Delete the temp folders of builds that were killed (SIGKILL, power cut): each holds a ~90 MB encoder."""
    prefix = _build_prefix(index_dir)
    for leftover in index_dir.parent.iterdir():
        pid = leftover.name[len(prefix):].split("-")[0] if leftover.name.startswith(prefix) else ""
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
            continue  # that build is still running
        except ProcessLookupError:
            pass
        except PermissionError:
            continue  # alive, owned by another user
        log.info("removing %s, left by a build that did not finish", leftover)
        shutil.rmtree(leftover, ignore_errors=True)


def _swap_in(tmp: Path, index_dir: Path) -> None:
    # Two renames: if we die between them, `load_index` finds the `.old` folder and uses it.
    old = index_dir.with_name(index_dir.name + ".old")
    if index_dir.exists():
        shutil.rmtree(old, ignore_errors=True)
        os.rename(index_dir, old)
    # else an earlier build died between the renames and `.old` is the live index: keep it until ours is in place
    os.rename(tmp, index_dir)
    shutil.rmtree(old, ignore_errors=True)
    _fsync_dir(index_dir.parent)


def _live_dir(index_dir: Path) -> Path:
    old = index_dir.with_name(index_dir.name + ".old")
    if not (index_dir / "manifest.json").exists() and (old / "manifest.json").exists():
        return old
    return index_dir


def read_manifest(index_dir: Path) -> Manifest:
    """The manifest, or IndexProblem saying the index is missing or unreadable."""
    path = _live_dir(Path(index_dir)) / "manifest.json"
    if not path.exists():
        raise IndexProblem(f"no index in {index_dir}; {REBUILD_HINT}")
    try:
        return Manifest(**json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError) as exc:
        raise IndexProblem(f"index manifest {path} is unreadable ({exc.__class__.__name__}); {REBUILD_HINT}") from None


# Hashing the 90 MB encoder costs ~70 ms on every start; for files this big a start compares sizes (a
# truncated or missing file) and leaves byte-level checks to ``bot index status`` (thorough=True).
QUICK_CHECK_BYTES = 8 * 1024 * 1024


def check_status(settings: Settings, thorough: bool = False) -> Status:
    """Is the index there and does it match the corpus, model and chunker? Cheap: hashes files, loads nothing."""
    try:
        manifest = read_manifest(settings.index_dir)
    except IndexProblem as exc:  # the reason without the hint, which whoever reports the status adds
        return Status(False, False, [str(exc).removesuffix(f"; {REBUILD_HINT}")], None)
    reasons = []
    if manifest.format_version != FORMAT_VERSION:
        reasons.append(f"index format {manifest.format_version} != {FORMAT_VERSION}")
    if manifest.model_sha256 != settings.model_sha256:
        reasons.append("built with different model weights")
    if manifest.chunking_version != CHUNKING_VERSION:
        reasons.append(f"chunking changed ({manifest.chunking_version} → {CHUNKING_VERSION})")
    current = scan_corpus_hash(settings.corpus_dir)
    if current is None:
        reasons.append(f"corpus folder {settings.corpus_dir} does not exist")
    elif current != manifest.corpus_hash:
        reasons.append(f"articles in {settings.corpus_dir} changed since the build")
    live = _live_dir(Path(settings.index_dir))
    for name, digest in manifest.file_sha256.items():
        path = live / name
        size = manifest.file_size.get(name)
        if not path.exists():
            reasons.append(f"{name} is missing")
        elif size is not None and path.stat().st_size != size:
            reasons.append(f"{name} is corrupt (size {path.stat().st_size} bytes, built as {size})")
        elif size is not None and size >= QUICK_CHECK_BYTES and not thorough:
            continue
        elif _sha256(path) != digest:
            reasons.append(f"{name} is corrupt (hash mismatch)")
    if not (live / BM25_DIR).is_dir():
        reasons.append("bm25/ is missing")
    return Status(True, not reasons, reasons, manifest)


def load_index(settings: Settings, status: Status | None = None) -> LoadedIndex:
    """Load a fresh index or raise IndexProblem naming the problem and the rebuild command.

    ``status`` is a ``check_status`` result the caller has just computed (saves hashing the files twice).
    """
    import faiss

    # One thread, as for torch and onnxruntime: a search of one query gains nothing from OpenMP's second
    # thread on 2 cores, which spins against the other requests (27.7 ms CPU vs 5.4 ms at 1,000 articles).
    faiss.omp_set_num_threads(1)
    bm25s = _bm25s()

    status = status or check_status(settings)
    if not status.fresh:
        raise IndexProblem(f"index in {settings.index_dir} is {'stale' if status.exists else 'missing'}: "
                          f"{'; '.join(status.reasons)}; {REBUILD_HINT}")
    live = _live_dir(Path(settings.index_dir))
    try:
        raw = json.loads((live / "articles.json").read_text(encoding="utf-8"))
        articles = {a["doc_id"]: _article_from_dict(a) for a in raw}
        flat = faiss.read_index(str(live / "dense.faiss"))
        bm25 = bm25s.BM25.load(str(live / BM25_DIR))
        word_vectors = _read_word_vectors(live)
    except Exception as exc:  # any unreadable file means the same thing to the user
        raise IndexProblem(f"index in {settings.index_dir} is unreadable ({exc.__class__.__name__}: {exc}); {REBUILD_HINT}") from None
    sentences = [s for a in articles.values() for s in a.sentences]
    if flat.ntotal != len(sentences) or flat.d != status.manifest.dim:
        raise IndexProblem(f"index in {settings.index_dir} has {flat.ntotal} vectors for {len(sentences)} sentences; {REBUILD_HINT}")
    return LoadedIndex(status.manifest, articles, sentences, flat, bm25, live, word_vectors)


def ensure_index(settings: Settings, embedder_factory) -> LoadedIndex:
    """Load the index, rebuilding it first when missing or stale and ``settings.auto_rebuild`` allows."""
    status = check_status(settings)
    if not status.fresh:
        if not settings.auto_rebuild:
            return load_index(settings)  # raises with the reasons
        word = "stale" if status.exists else "missing"
        try:  # wrong weights are refused before they are loaded: a damaged file can crash the loader outright
            verify_weights(settings.model_dir, settings.model_sha256)
        except ModelError as exc:
            raise ModelError(f"index in {settings.index_dir} is {word} and cannot be rebuilt: {exc}") from None
        log.warning("index %s: %s; rebuilding", word, "; ".join(status.reasons))
        build_index(settings, embedder_factory())
        return load_index(settings)
    return load_index(settings, status)


def _article_from_dict(d: dict) -> Article:
    return Article(
        doc_id=d["doc_id"],
        title=d["title"],
        source_path=d["source_path"],
        text=d["text"],
        content_hash=d["content_hash"],
        sections=tuple(Section(**{**s, "path": tuple(s["path"])}) for s in d["sections"]),
        sentences=tuple(Sentence(**s) for s in d["sentences"]),
    )


def _sha256(path: Path) -> str:
    return file_sha256(path)


def _write_json_atomic(path: Path, data) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
