"""`bot eval run` and `bot eval grounding`. Heavy imports happen inside the commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

eval_app = typer.Typer(no_args_is_help=True, help="Score the bot, baselines, or anyone's answers.")

CorpusOpt = Annotated[Optional[Path], typer.Option("--corpus", help="Articles folder [env BOT_CORPUS_DIR].")]
IndexOpt = Annotated[Optional[Path], typer.Option("--index", help="Index folder [env BOT_INDEX_DIR].")]
NoRebuildOpt = Annotated[bool, typer.Option("--no-rebuild", help="Refuse a stale index instead of rebuilding it.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _fail(message: str, code: int = 2):
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


def _engine(corpus, index, no_rebuild):
    from .cli import _engine as engine

    return engine(corpus, index, no_rebuild)


def _read_jsonl(path: Path, parse) -> list:
    """``parse(dict)`` for every non-blank line; a bad line stops with ``file:line: why``."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}")
    out = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            out.append(parse(json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            _fail(f"{path}:{n}: {exc}")
    return out


@eval_app.command("run")
def run(
    dataset: Annotated[Path, typer.Option("--dataset", help="JSONL, one conversation per line (see README).")],
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    as_json: JsonOpt = False,
    report: Annotated[Optional[Path], typer.Option("--report", help="Write rows.json, report.md, report.html here.")] = None,
    baselines: Annotated[bool, typer.Option("--baselines", help="Also score BM25-only, dense-only and 500-char chunks.")] = False,
    no_rebuild: NoRebuildOpt = False,
):
    """Run the bot over a dataset and score it: one headline line per system, or JSON."""
    from . import evaluation
    from .cli import _run

    try:
        cases = evaluation.load_cases(dataset)
    except OSError as exc:
        _fail(f"cannot read {dataset}: {exc.strerror}")
    except ValueError as exc:
        _fail(str(exc))
    if not cases:
        _fail(f"{dataset}: no conversations")
    engine = _engine(corpus, index, no_rebuild)

    def go():
        from .baselines import systems

        sections = evaluation.section_texts(engine.index)
        return {s.name: evaluation.run_system(s, cases, sections) for s in systems(engine.bot, engine.retriever, baselines)}

    results = _run(go)
    rows, summary = results["bot"]
    if report is not None:
        from .report import write_reports

        for p in write_reports(report, results, str(dataset)):
            typer.echo(f"wrote {p}", err=True)
    if as_json:
        out = {"summary": summary, "rows": [evaluation.row_dict(r) for r in rows]}
        if baselines:
            out["baselines"] = {name: s for name, (_, s) in results.items() if name != "bot"}
        typer.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    for name, (_, s) in results.items():
        typer.echo(evaluation.headline(name, s))


def _answer_line(d: dict) -> tuple[str, str]:
    if not isinstance(d, dict):
        raise TypeError('each line must be {"id": str, "answer": str, "question": str (optional)}')
    if not isinstance(d.get("id"), str) or not isinstance(d.get("answer"), str):
        raise ValueError('"id" and "answer" must be strings')
    return d["id"], d["answer"]


@eval_app.command("grounding")
def grounding(
    answers: Annotated[Path, typer.Option("--answers", help='JSONL of {"id", "answer", "question"?} (see README).')],
    corpus: CorpusOpt = None,
    index: IndexOpt = None,
    as_json: JsonOpt = False,
    no_rebuild: NoRebuildOpt = False,
):
    """Check every claim of answers written by any system against the articles."""
    from .cli import _run

    items = _read_jsonl(answers, _answer_line)
    engine = _engine(corpus, index, no_rebuild)

    def go():
        from .grounding import AnswerCheck, GroundingChecker

        checker = GroundingChecker(engine.index, engine.word_embedder)
        checked = checker.check_many([a for _, a in items])
        return [AnswerCheck(i, c) for (i, _), c in zip(items, checked)]

    results = _run(go)
    claims = [c for r in results for c in r.claims]
    scored = [r.grounding for r in results if r.grounding is not None]
    summary = {
        "answers": len(results),
        "claims": len(claims),
        "supported": sum(c.supported for c in claims),
        "grounding": round(sum(c.supported for c in claims) / len(claims), 4) if claims else None,
        "mean_answer_grounding": round(sum(scored) / len(scored), 4) if scored else None,
    }
    if as_json:
        typer.echo(json.dumps({"answers": [r.to_dict() for r in results], "summary": summary}, ensure_ascii=False, indent=1))
        return
    for r in results:
        n_ok = sum(c.supported for c in r.claims)
        g = "n/a (no claims)" if r.grounding is None else f"{r.grounding:.2f} ({n_ok}/{len(r.claims)})"
        typer.echo(f"{r.id}: grounding {g}")
        for c in r.claims:
            if not c.supported:
                typer.echo(f"  ✗ {c.text}")
                typer.echo(f"    {'; '.join(c.reasons)}")
    g = "n/a" if summary["grounding"] is None else f"{summary['grounding']:.2f}"
    typer.echo(f"grounding {g}: {summary['supported']} of {summary['claims']} claims supported in {summary['answers']} answers")
