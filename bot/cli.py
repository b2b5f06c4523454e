"""The `bot` command. Heavy imports (torch, faiss) happen inside commands so `--help` is instant."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Grounded patient-education chatbot.")
index_app = typer.Typer(no_args_is_help=True, help="Build and inspect the index.")
app.add_typer(index_app, name="index")

CorpusOpt = Annotated[Optional[Path], typer.Option("--corpus", help="Articles folder [env BOT_CORPUS_DIR].")]
IndexOpt = Annotated[Optional[Path], typer.Option("--index", help="Index folder [env BOT_INDEX_DIR].")]
NoRebuildOpt = Annotated[bool, typer.Option("--no-rebuild", help="Refuse a stale index instead of rebuilding it.")]


def _settings(**overrides):
    from pydantic import ValidationError

    from .settings import Settings

    try:
        return Settings().with_overrides(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        _fail(f"bad setting {'.'.join(map(str, first['loc']))}: {first['msg']}")


def _fail(message: str, code: int = 2):
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def _run(fn):
    """Turn the errors a user can act on into one line on stderr instead of a traceback."""
    from .corpus import CorpusError
    from .embedder import ModelError
    from .index_store import IndexProblem

    try:
        return fn()
    except CorpusError as exc:
        for p in exc.problems:
            typer.secho(str(p), fg=typer.colors.RED, err=True)
        _fail("the corpus has problems; fix the files above (the existing index was left as it was)")
    except (IndexProblem, ModelError) as exc:
        _fail(str(exc))


def _engine(corpus, index, no_rebuild=False):
    from .engine import Engine

    overrides = dict(corpus_dir=corpus, index_dir=index)
    if no_rebuild:
        overrides["auto_rebuild"] = False
    return Engine(_settings(**overrides))


@index_app.command("build")
def index_build(corpus: CorpusOpt = None, index: IndexOpt = None):
    """Parse the articles, embed every sentence and write the index atomically."""
    from .embedder import SentenceTransformerEmbedder
    from .index_store import build_index

    settings = _settings(corpus_dir=corpus, index_dir=index)

    def go():
        from .corpus import load_corpus
        from .embedder import verify_weights

        load_corpus(settings.corpus_dir)  # fail on a bad article before paying for the model
        verify_weights(settings.model_dir, settings.model_sha256)
        manifest, problems = build_index(settings, SentenceTransformerEmbedder(settings.model_dir, settings.model_name))
        for p in problems:
            typer.secho(str(p), fg=typer.colors.YELLOW, err=True)
        typer.echo(
            f"built {settings.index_dir}: {manifest.articles} articles, {manifest.sections} sections, "
            f"{manifest.sentences} sentences, {manifest.vectors} vectors in {manifest.build_seconds:.2f}s"
        )

    _run(go)


@index_app.command("status")
def index_status(corpus: CorpusOpt = None, index: IndexOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False):
    """Say whether the index is fresh, and if not, why. Exit 1 when stale or missing."""
    import dataclasses

    from .index_store import check_status

    settings = _settings(corpus_dir=corpus, index_dir=index)
    status = check_status(settings)
    if as_json:
        typer.echo(json.dumps({"fresh": status.fresh, "exists": status.exists, "reasons": status.reasons,
                               "manifest": dataclasses.asdict(status.manifest) if status.manifest else None}, indent=2))
    else:
        word = "fresh" if status.fresh else ("stale" if status.exists else "missing")
        typer.echo(f"index {settings.index_dir}: {word}")
        for r in status.reasons:
            typer.echo(f"  - {r}")
        if m := status.manifest:
            typer.echo(f"  articles {m.articles}, sections {m.sections}, sentences {m.sentences}, vectors {m.vectors}")
            typer.echo(f"  model {m.model_name} ({m.model_sha256[:12]}…), dim {m.dim}, chunking {m.chunking_version}")
            typer.echo(f"  built {m.built_at} in {m.build_seconds:.2f}s")
        if not status.fresh:
            typer.echo("  run `bot index build` to rebuild")
    raise typer.Exit(0 if status.fresh else 1)


@app.command()
def search(
    text: str,
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="How many passages.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    no_rebuild: NoRebuildOpt = False,
):
    """Show the passages retrieval ranks highest for TEXT, with each retriever's score."""
    engine = _engine(corpus, index, no_rebuild)
    hits = _run(lambda: engine.retriever.search(text, k))
    if as_json:
        rows = [
            {"rank": h.rank, "fused": round(h.fused, 6), "dense_score": h.dense_score, "dense_rank": h.dense_rank,
             "bm25_score": h.bm25_score, "bm25_rank": h.bm25_rank, "doc_id": h.sentence.doc_id,
             "doc_title": h.article_title, "section": h.section.title, "anchor": h.section.anchor,
             "sentence_id": h.sentence.id, "text": h.sentence.text}
            for h in hits
        ]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    color = sys.stdout.isatty()
    for h in hits:
        head = f"{h.rank}. {h.article_title} › {h.section.title}"
        typer.secho(head, bold=True) if color else typer.echo(head)
        typer.echo(f"   {h.sentence.text}")
        typer.echo(f"   fused {h.fused:.4f} | dense {h.dense_score:.3f} (#{h.dense_rank}) | bm25 {h.bm25_score:.2f} (#{h.bm25_rank})")
    if not hits:
        typer.echo("no passages matched")


@app.command()
def serve(
    host: Annotated[Optional[str], typer.Option(help="Bind address [env BOT_HOST].")] = None,
    port: Annotated[Optional[int], typer.Option(help="Port [env BOT_PORT].")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Worker processes [env BOT_WORKERS].")] = None,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    no_rebuild: NoRebuildOpt = False,
):
    """Run the chat server (builds the index first when it is missing or stale)."""
    import uvicorn

    overrides = dict(host=host, port=port, workers=workers, corpus_dir=corpus, index_dir=index)
    if no_rebuild:
        overrides["auto_rebuild"] = False
    settings = _settings(**overrides)
    from .engine import Engine

    engine = Engine(settings)
    _run(lambda: engine.index)  # build or refuse before binding the port
    from .http.app import create_app

    typer.echo(f"serving on http://{settings.host}:{settings.port}/", err=True)
    uvicorn.run(create_app(settings, engine), host=settings.host, port=settings.port, log_level="warning")


def main():
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs progress at DEBUG on its own handler
    app()


if __name__ == "__main__":
    main()
