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
from .cli_eval import eval_app  # noqa: E402  (light: typer only; heavy imports are inside its commands)
app.add_typer(eval_app, name="eval")
report_app = typer.Typer(no_args_is_help=True, help="Reports for clinic staff from the feedback store.")
app.add_typer(report_app, name="report")

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
    from .embedder import SentenceTransformerEmbedder, verify_weights
    from .index_store import build_index

    settings = _settings(corpus_dir=corpus, index_dir=index)

    def go():
        from .corpus import load_corpus

        load_corpus(settings.corpus_dir)  # fail on a bad article before paying for the model
        verify_weights(settings.model_dir, settings.model_sha256)  # and on wrong weights before loading them
        embedder = SentenceTransformerEmbedder(settings.model_dir, settings.model_name, settings.torch_threads)
        manifest, problems = build_index(settings, embedder)
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
    status = check_status(settings, thorough=True)
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
    hits = _run(lambda: engine.reranker.search(text, k))
    if as_json:
        rows = [
            {"rank": h.rank, "relevance": h.relevance, "fused": round(h.fused, 6), "dense_score": h.dense_score, "dense_rank": h.dense_rank,
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
        typer.echo(f"   relevance {h.relevance or 0.0:.3f} | fused {h.fused:.4f} | dense {h.dense_score:.3f} (#{h.dense_rank}) | bm25 {h.bm25_score:.2f} (#{h.bm25_rank})")
    if not hits:
        typer.echo("no passages matched")


def _print_reply(reply, color: bool) -> None:
    """A reply for a terminal: safety first, the quoted sentences, then where each comes from."""
    style = (lambda t, **k: typer.style(t, **k)) if color else (lambda t, **k: t)
    if reply.safety:
        typer.echo(style(reply.safety.message, fg=typer.colors.RED, bold=True))
        typer.echo()
    body = reply.reply
    if reply.safety and body.startswith(reply.safety.message):
        body = body[len(reply.safety.message):].lstrip()
    if body:
        typer.echo(body)
    if reply.citations:
        typer.echo()
        for c in reply.citations:
            typer.echo(style(f"[{c.id}] {c.doc_title} › {' › '.join(c.section_path)}  (#{c.anchor})", dim=True))


def _reply_or_fail(bot, messages):
    from .conversation import ConversationError

    try:
        return bot.reply(messages)
    except ConversationError as exc:
        _fail(str(exc))


@app.command()
def ask(
    question: Annotated[Optional[str], typer.Argument(help="The question (omit with --batch).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the Reply object as JSON.")] = False,
    batch: Annotated[Optional[str], typer.Option("--batch", help='JSONL file of {"messages": [...]} ("-" = stdin).')] = None,
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    no_rebuild: NoRebuildOpt = False,
):
    """Answer one question, or a batch of conversations (one Reply per line, in order)."""
    if (question is None) == (batch is None):
        _fail("give a question or --batch FILE, not both or neither")
    engine = _engine(corpus, index, no_rebuild)
    bot = _run(lambda: engine.bot)
    if batch is None:
        reply = _reply_or_fail(bot, [{"role": "user", "content": question}])
        if as_json:
            typer.echo(json.dumps(reply.to_dict(), ensure_ascii=False, indent=2))
        else:
            _print_reply(reply, sys.stdout.isatty())
        return
    from .conversation import ConversationError

    stream = sys.stdin if batch == "-" else None
    try:
        handle = stream or open(batch, encoding="utf-8")
    except OSError as exc:
        _fail(f"cannot read {batch}: {exc.strerror}")
    failures = 0
    with handle:
        for n, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                messages = item.get("messages") if isinstance(item, dict) else None
                if messages is None:
                    raise ConversationError('each line must be {"messages": [...]}')
                out = bot.reply(messages).to_dict()
            except (ValueError, KeyError, TypeError) as exc:
                failures += 1
                out = {"error": f"line {n}: {exc}"}
            typer.echo(json.dumps(out, ensure_ascii=False))
    if failures:
        typer.secho(f"{failures} line(s) could not be answered; see the error objects", fg=typer.colors.YELLOW, err=True)
        raise typer.Exit(1)


@app.command()
def chat(corpus: CorpusOpt = None, index: IndexOpt = None, no_rebuild: NoRebuildOpt = False):
    """Interactive chat that keeps the conversation. Type :sources for the last reply's passages, :quit to leave."""
    engine = _engine(corpus, index, no_rebuild)
    bot = _run(lambda: engine.bot)
    color = sys.stdout.isatty()
    messages: list[dict] = []
    last = None
    typer.echo("Ask about the articles. :sources shows the passages behind the last reply, :clear starts over, :quit leaves.")
    while True:
        try:
            line = input("you> " if color else "").strip()
        except (EOFError, KeyboardInterrupt):
            typer.echo()
            return
        if not line:
            continue
        if line in (":quit", ":q", ":exit"):
            return
        if line == ":clear":
            messages, last = [], None
            continue
        if line == ":sources":
            if not last or not last.citations:
                typer.echo("no sources yet")
            for c in (last.citations if last else []):
                typer.echo(f"[{c.id}] {c.doc_title} › {' › '.join(c.section_path)}\n    {c.passage}")
            continue
        messages.append({"role": "user", "content": line})
        last = _reply_or_fail(bot, messages)
        messages.append({"role": "assistant", "content": last.reply})
        _print_reply(last, color)
        typer.echo()


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
    _run(engine.warm)  # build or refuse the index, and load what a first request needs, before binding the port
    typer.echo(f"serving on http://{settings.host}:{settings.port}/", err=True)
    if settings.workers > 1:
        # Worker processes build their own app: hand them the CLI's choices as the env vars Settings reads.
        import os

        for name, value in overrides.items():
            if value is not None:
                os.environ[f"BOT_{name.upper()}"] = str(value)
        uvicorn.run("bot.http.app:create_app_from_env", factory=True, host=settings.host, port=settings.port,
                    workers=settings.workers, log_level="warning")
        return
    from .http.app import create_app

    uvicorn.run(create_app(settings, engine), host=settings.host, port=settings.port, log_level="warning")


@report_app.command("gaps")
def report_gaps(
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help="Rows per list [env BOT_REPORT_LIMIT].")] = None,
    days: Annotated[Optional[int], typer.Option("--days", min=1, help="Only the last N days.")] = None,
    db: Annotated[Optional[Path], typer.Option("--db", help="Feedback SQLite file [env BOT_DB_PATH].")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
):
    """The questions the articles could not answer, most frequent first, and the replies marked not helpful."""
    import sqlite3
    import time

    from .feedback import FeedbackStore

    settings = _settings(db_path=db, report_limit=limit)
    since = time.time() - days * 86400 if days else None
    store = FeedbackStore(settings.db_path, settings.db_busy_timeout)
    try:
        gaps = store.top_gaps(settings.report_limit, since)
        downs = store.thumbs_down(settings.report_limit, since)
        counts = store.counts()
    except sqlite3.Error as exc:
        _fail(f"cannot read {settings.db_path}: {exc}")
    stamp = lambda t: time.strftime("%Y-%m-%d %H:%M", time.localtime(t))  # noqa: E731
    if as_json:
        typer.echo(json.dumps({
            "db": str(settings.db_path), "recording_questions": settings.record_questions, "totals": counts,
            "unanswered": [{"question": g.question, "count": g.count, "last_asked": stamp(g.last_asked)} for g in gaps],
            "not_helpful": [{"reply": d.reply, "question": d.question, "comment": d.comment, "abstained": d.abstained,
                             "at": stamp(d.at)} for d in downs],
        }, indent=2, ensure_ascii=False))
        return
    typer.echo(f"feedback store {settings.db_path}: {counts['questions']} unanswered questions recorded, "
               f"{counts['helpful']} helpful and {counts['not_helpful']} not-helpful votes")
    if not settings.record_questions:
        typer.echo("(question recording is off; set BOT_RECORD_QUESTIONS=1 on the server to collect unanswered questions)")
    typer.echo("\nMost frequent unanswered questions (names, emails and phone numbers redacted):")
    for g in gaps:
        typer.echo(f"  {g.count:>4}x  {g.question}   (last {stamp(g.last_asked)})")
    if not gaps:
        typer.echo("  none recorded")
    typer.echo("\nReplies marked not helpful, newest first:")
    for d in downs:
        text = " ".join(d.reply.split())
        typer.echo(f"  {stamp(d.at)}  {'[no answer] ' if d.abstained else ''}{text[:200]}{'…' if len(text) > 200 else ''}")
        if d.question:
            typer.echo(f"      question: {d.question}")
        if d.comment:
            typer.echo(f"      comment: {d.comment}")
    if not downs:
        typer.echo("  none recorded")


def main():
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":
    main()
