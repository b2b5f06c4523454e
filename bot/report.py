"""Write the reports of ``bot eval run --report DIR``: ``rows.json`` (every row of every system),
``report.md`` (summary table and the failures question by question) and ``report.html`` (the same
table plus two inline SVG charts; no scripts, no external files)."""

from __future__ import annotations

import html
import json
from pathlib import Path

from .evaluation import Row, row_dict

METRICS = ("answer_hit", "citation_accuracy", "grounding", "abstention_recall", "false_abstention",
           "safety_recall", "recall_at_3", "mrr", "p50_ms", "p95_ms", "n")
LOWER_IS_BETTER = {"false_abstention", "p50_ms", "p95_ms"}
LABELS = {"answer_hit": "answer hit", "citation_accuracy": "citations", "grounding": "grounding",
          "abstention_recall": "abstains when it should", "false_abstention": "false abstention",
          "safety_recall": "safety", "recall_at_3": "R@3", "mrr": "MRR", "p50_ms": "p50 ms", "p95_ms": "p95 ms", "n": "n"}


def _asked(row: Row) -> str:
    """The conversation's user turns, earlier ones first."""
    return " → ".join(row.turns) if row.turns else row.question


def failures(row: Row) -> list[str]:
    """What went wrong for one conversation, in words (empty: nothing)."""
    out = []
    if not row.grounded:
        out.append("a claim is not verbatim in its cited passage, or a passage is not in its section")
    if row.safety_expected and row.safety_got != row.safety_expected:
        out.append(f"safety: expected {row.safety_expected}, got {row.safety_got or 'none'}")
    if row.answerable:
        if row.abstained:
            out.append("abstained on an answerable question")
        elif not row.answer_hit:
            out.append("no claim contains a gold passage")
        elif not row.citation_ok:
            out.append("the answering claim cites a section not listed")
    elif row.claims:
        out.append(f"stated {row.claims} claim(s) on a question the articles do not answer")
    return out


def _fmt(key: str, value) -> str:
    if value is None:
        return "n/a"
    if key in ("n",):
        return str(value)
    if key.endswith("_ms"):
        return f"{value:.0f}"
    return f"{value:.2f}"


def markdown(results: dict[str, tuple[list[Row], dict]], dataset: str) -> str:
    lines = [f"# Evaluation of `{dataset}`", "", "| system | " + " | ".join(METRICS) + " |",
             "|---|" + "---:|" * len(METRICS)]
    for name, (_, s) in results.items():
        lines.append(f"| {name} | " + " | ".join(_fmt(k, s.get(k)) for k in METRICS) + " |")
    for name, (rows, _) in results.items():
        failed = [(r, failures(r)) for r in rows if failures(r)]
        lines += ["", f"## Failures: {name} ({len(failed)} of {len(rows)})", ""]
        if not failed:
            lines.append("None.")
        for r, why in failed:
            lines.append(f"### {r.id}: {_asked(r)}")
            lines += [f"- {w}" for w in why]
            claims = r.reply.get("claims") or []
            if claims:
                first = claims[0]["text"]
                lines.append(f"- first claim: “{first[:200]}{'…' if len(first) > 200 else ''}”")
            elif r.reply.get("reply"):
                lines.append(f"- reply: “{r.reply['reply'].splitlines()[0][:200]}”")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# -- SVG charts ---------------------------------------------------------------------------------
_W, _H, _PAD = 520, 300, 46
_BLUE, _ORANGE, _GREY = "#2b6cb0", "#dd6b20", "#718096"


def _axes(x_label: str, y_label: str, x_ticks, y_ticks, x0, x1, y0, y1) -> list[str]:
    def sx(x):
        return _PAD + (x - x0) / (x1 - x0) * (_W - 2 * _PAD)

    def sy(y):
        return _H - _PAD - (y - y0) / (y1 - y0) * (_H - 2 * _PAD)

    out = [f'<line x1="{_PAD}" y1="{_H - _PAD}" x2="{_W - _PAD}" y2="{_H - _PAD}" stroke="#333"/>',
           f'<line x1="{_PAD}" y1="{_PAD}" x2="{_PAD}" y2="{_H - _PAD}" stroke="#333"/>']
    for t in x_ticks:
        out.append(f'<text x="{sx(t):.1f}" y="{_H - _PAD + 16}" font-size="11" text-anchor="middle">{t:g}</text>')
    for t in y_ticks:
        out.append(f'<line x1="{_PAD}" y1="{sy(t):.1f}" x2="{_W - _PAD}" y2="{sy(t):.1f}" stroke="#e2e8f0"/>')
        out.append(f'<text x="{_PAD - 6}" y="{sy(t) + 4:.1f}" font-size="11" text-anchor="end">{t:g}</text>')
    out.append(f'<text x="{_W / 2}" y="{_H - 8}" font-size="12" text-anchor="middle">{html.escape(x_label)}</text>')
    out.append(f'<text x="14" y="{_H / 2}" font-size="12" text-anchor="middle" '
               f'transform="rotate(-90 14 {_H / 2})">{html.escape(y_label)}</text>')
    return out


def _svg(title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" width="{_W}" height="{_H}" '
            f'role="img" aria-label="{html.escape(title)}"><title>{html.escape(title)}</title>'
            + "".join(body) + "</svg>")


def _legend(items: list[tuple[str, str]], x: float, y: float) -> list[str]:
    out = []
    for i, (color, label) in enumerate(items):
        yy = y + i * 16
        out.append(f'<rect x="{x}" y="{yy - 9}" width="10" height="10" fill="{color}" fill-opacity="0.75"/>')
        out.append(f'<text x="{x + 15}" y="{yy}" font-size="11">{html.escape(label)}</text>')
    return out


def histogram_svg(rows: list[Row], bins: int = 20) -> str:
    """Top query-passage cosine of answerable vs unanswerable questions, side-by-side bars per bin."""
    groups = {True: [r.confidence for r in rows if r.answerable and r.confidence is not None],
              False: [r.confidence for r in rows if not r.answerable and r.confidence is not None]}
    lo, hi = 0.0, 1.0
    counts = {k: [0] * bins for k in groups}
    for k, vals in groups.items():
        for v in vals:
            counts[k][min(bins - 1, max(0, int((v - lo) / (hi - lo) * bins)))] += 1
    top = max([1, *counts[True], *counts[False]])
    step = max(1, round(top / 5))
    body = _axes("top cosine of the question to any sentence", "questions", [0, 0.2, 0.4, 0.6, 0.8, 1.0],
                 list(range(0, top + 1, step)), lo, hi, 0, top)
    bw = (_W - 2 * _PAD) / bins
    for b in range(bins):
        for j, (k, color) in enumerate(((True, _BLUE), (False, _ORANGE))):
            c = counts[k][b]
            if not c:
                continue
            h = c / top * (_H - 2 * _PAD)
            x = _PAD + b * bw + j * bw / 2
            body.append(f'<rect x="{x:.1f}" y="{_H - _PAD - h:.1f}" width="{bw / 2 - 1:.1f}" height="{h:.1f}" '
                        f'fill="{color}" fill-opacity="0.8"><title>{c}</title></rect>')
    body += _legend([(_BLUE, f"answerable ({len(groups[True])})"), (_ORANGE, f"unanswerable ({len(groups[False])})")],
                    _PAD + 12, _PAD + 4)
    return _svg("Score distribution of answerable and unanswerable questions", body)


def tradeoff_svg(rows: list[Row], points: dict[str, dict]) -> str:
    """Abstaining whenever the top cosine is below a threshold, swept: false abstention (x) against
    abstention recall (y). Each system's actual operating point is a labelled dot."""
    ans = [r.confidence for r in rows if r.answerable and r.confidence is not None]
    unans = [r.confidence for r in rows if not r.answerable and r.confidence is not None]
    curve = []
    for t in sorted({0.0, 1.01, *ans, *unans}):
        fa = sum(c < t for c in ans) / len(ans) if ans else 0.0
        ar = sum(c < t for c in unans) / len(unans) if unans else 0.0
        curve.append((fa, ar))
    body = _axes("false abstention on answerable questions", "abstention recall on unanswerable",
                 [0, 0.2, 0.4, 0.6, 0.8, 1.0], [0, 0.2, 0.4, 0.6, 0.8, 1.0], 0, 1, 0, 1)

    def sx(x):
        return _PAD + x * (_W - 2 * _PAD)

    def sy(y):
        return _H - _PAD - y * (_H - 2 * _PAD)

    path = " ".join(f"{'M' if i == 0 else 'L'}{sx(x):.1f},{sy(y):.1f}" for i, (x, y) in enumerate(curve))
    body.append(f'<path d="{path}" fill="none" stroke="{_GREY}" stroke-width="2"/>')
    colors = [_BLUE, _ORANGE, "#38a169", "#805ad5", "#d53f8c"]
    legend = [(_GREY, "cosine threshold, swept")]
    for i, (name, s) in enumerate(points.items()):
        if s.get("false_abstention") is None or s.get("abstention_recall") is None:
            continue
        color = colors[i % len(colors)]
        x, y = sx(s["false_abstention"]), sy(s["abstention_recall"])
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{color}" stroke="#fff"><title>{html.escape(name)}: '
                    f'false abstention {s["false_abstention"]:.2f}, abstention recall {s["abstention_recall"]:.2f}</title></circle>')
        legend.append((color, name))
    body += _legend(legend, _W - _PAD - 150, _H - _PAD - 12 - 16 * len(legend))
    return _svg("Abstention trade-off", body)


_CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:1100px;margin:24px auto;padding:0 16px;color:#1a202c}
table{border-collapse:collapse;margin:12px 0;font-size:14px}th{font-weight:600;vertical-align:bottom}
.sys{white-space:nowrap;font-weight:600}th,td{padding:4px 8px;border-bottom:1px solid #e2e8f0;text-align:right}
th:first-child,td:first-child{text-align:left}.good{color:#276749;font-weight:600}.charts{display:flex;flex-wrap:wrap;gap:24px}
figure{margin:0}figcaption{font-size:13px;color:#4a5568;max-width:520px}details{margin:4px 0}summary{cursor:pointer}
.why{color:#9b2c2c}code{font-size:13px}"""


def html_report(results: dict[str, tuple[list[Row], dict]], dataset: str) -> str:
    esc = html.escape
    names = list(results)
    best = {}
    for k in METRICS:
        vals = [results[n][1].get(k) for n in names if results[n][1].get(k) is not None]
        if vals and k != "n":
            best[k] = min(vals) if k in LOWER_IS_BETTER else max(vals)
    head = "".join(f'<th title="{esc(k)}">{esc(LABELS[k])}</th>' for k in METRICS)
    body_rows = []
    for n in names:
        s = results[n][1]
        cells = "".join(
            f'<td class="{"good" if len(names) > 1 and s.get(k) is not None and s.get(k) == best.get(k) else ""}">'
            f"{_fmt(k, s.get(k))}</td>" for k in METRICS)
        body_rows.append(f'<tr><td class="sys">{esc(n)}</td>{cells}</tr>')
    bot_rows = results[names[0]][0]
    points = {n: results[n][1] for n in names}
    charts = (f'<div class="charts"><figure>{histogram_svg(bot_rows)}<figcaption>How close each question comes to '
              f"the nearest article sentence (cosine). Where the two colours overlap, no threshold on this score "
              f"alone can separate answerable from unanswerable questions.</figcaption></figure>"
              f"<figure>{tradeoff_svg(bot_rows, points)}<figcaption>The grey curve is what abstaining below a cosine "
              f"threshold would give; dots are each system as run. Top-left is best.</figcaption></figure></div>")
    fails = []
    for n in names:
        rows = results[n][0]
        failed = [(r, failures(r)) for r in rows if failures(r)]
        items = "".join(
            f"<details><summary><code>{esc(r.id)}</code> {esc(_asked(r))}</summary>"
            + "".join(f'<div class="why">{esc(w)}</div>' for w in why)
            + (f"<div>first claim: “{esc(r.reply['claims'][0]['text'][:300])}”</div>" if r.reply.get("claims") else "")
            + "</details>" for r, why in failed)
        fails.append(f"<h3>{esc(n)}: {len(failed)} of {len(rows)} conversations failed</h3>{items or '<p>None.</p>'}")
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evaluation of {esc(dataset)}</title>"
            f"<style>{_CSS}</style></head><body><h1>Evaluation of <code>{esc(dataset)}</code></h1>"
            f"<table><thead><tr><th>system</th>{head}</tr></thead><tbody>{''.join(body_rows)}</tbody></table>"
            f"<p>Best value per column in green. Rates are over the questions they apply to; latency in ms.</p>"
            f"<h2>Charts</h2>{charts}<h2>Failures</h2>{''.join(fails)}</body></html>\n")


def write_reports(out_dir: Path, results: dict[str, tuple[list[Row], dict]], dataset: str) -> list[Path]:
    """rows.json, report.md and report.html in ``out_dir``; returns their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = [row_dict(r) for _, (rs, _) in results.items() for r in rs]
    paths = [out_dir / "rows.json", out_dir / "report.md", out_dir / "report.html"]
    paths[0].write_text(json.dumps({"summary": {n: s for n, (_, s) in results.items()}, "rows": rows},
                                   ensure_ascii=False, indent=1), encoding="utf-8")
    paths[1].write_text(markdown(results, dataset), encoding="utf-8")
    paths[2].write_text(html_report(results, dataset), encoding="utf-8")
    return paths
