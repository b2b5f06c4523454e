"""Read a folder of articles into Articles with sections and sentences.

Formats: ``.md`` with ATX headings (``#`` title, ``##``/``###`` sections) and ``.txt`` whose first
line is the title and whose short stand-alone lines without a closing period are headings.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .splitter import split_sentences
from .types import Article, Problem, Section, Sentence

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".md", ".txt")
INTRO_ANCHOR = "introduction"
_ATX = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_MAX_TXT_HEADING_WORDS = 14


class CorpusError(Exception):
    """The corpus cannot be indexed; ``problems`` says which files and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass(frozen=True)
class _Heading:
    level: int
    title: str
    line_start: int  # where the heading line starts
    body_start: int  # where the text under it starts


def slugify(text: str) -> str:
    """GitHub-style anchor slug: lowercase ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words) or "section"


def load_corpus(corpus_dir: Path) -> tuple[list[Article], list[Problem]]:
    """Parse every article in ``corpus_dir``; raise CorpusError listing every file that cannot be used."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError([Problem(str(corpus_dir), "corpus folder does not exist; create it and add .md or .txt articles")])
    problems: list[Problem] = []
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for path in sorted(corpus_dir.iterdir()):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            problems.append(Problem(str(path), "not an article (.md or .txt); ignored", "warning"))
            continue
        try:
            article, warnings = parse_article(path)
        except ValueError as exc:
            problems.append(Problem(str(path), str(exc)))
            continue
        except OSError as exc:  # e.g. a dangling symlink: name the file rather than crash
            problems.append(Problem(str(path), f"cannot be read ({exc.strerror or exc}); fix or remove the file"))
            continue
        problems.extend(warnings)
        if article.doc_id in seen:
            problems.append(
                Problem(str(path), f"article id '{article.doc_id}' is also used by {seen[article.doc_id]}; rename one file")
            )
            continue
        seen[article.doc_id] = str(path)
        articles.append(article)
    errors = [p for p in problems if p.severity == "error"]
    if not articles and not errors:
        errors.append(Problem(str(corpus_dir), "no articles found; add a .md or .txt file"))
    if errors:
        raise CorpusError(errors)
    return articles, problems


def read_text(path: Path) -> str:
    """The file as UTF-8 text, or ValueError saying why it cannot be an article."""
    return decode_article(path.read_bytes())


def decode_article(data: bytes) -> str:
    """Article bytes as text with Unix newlines; ValueError for empty, binary or non-UTF-8 data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a BOM: Windows editors save "Unicode" as UTF-16
        raise ValueError("UTF-16 text; re-save the file as UTF-8")
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes); articles must be UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 (byte {exc.start}); re-save the file as UTF-8") from None
    if not text.strip():
        raise ValueError("file is empty; write the article or remove the file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_article(path: Path) -> tuple[Article, list[Problem]]:
    """One article file → Article (raises ValueError for unusable files)."""
    data = path.read_bytes()
    text = decode_article(data)
    doc_id = slugify(path.stem)
    if path.suffix.lower() == ".md":
        title, headings = _markdown_headings(text)
    else:
        title, headings = _txt_headings(text)
    warnings: list[Problem] = []
    if title is None:
        title = path.stem.replace("-", " ").replace("_", " ").strip().capitalize()
        warnings.append(Problem(str(path), f"no title line; using '{title}'", "warning"))
    if not headings:
        warnings.append(Problem(str(path), "no section headings; the whole text is one section", "warning"))
    sections, sentences = _sections_and_sentences(doc_id, title, text, headings)
    if not sentences:
        raise ValueError("no sentences found under the title; write the article body")
    content_hash = hashlib.sha256(data).hexdigest()
    article = Article(doc_id, title, str(path), text, content_hash, tuple(sections), tuple(sentences))
    return article, warnings


def _markdown_headings(text: str) -> tuple[str | None, list[_Heading]]:
    headings = [
        _Heading(len(m.group(1)), m.group(2).strip(), m.start(), min(m.end() + 1, len(text)))
        for m in _ATX.finditer(text)
    ]
    title = None
    if headings and headings[0].level == 1 and not text[: headings[0].line_start].strip():
        title = headings.pop(0).title
        title_end = _ATX.search(text).end()
        # Text between the title and the first section belongs to the introduction.
        return title, [_Heading(0, title, title_end, title_end), *headings]
    return title, headings


def _txt_headings(text: str) -> tuple[str | None, list[_Heading]]:
    first = re.search(r"\S[^\n]*", text)
    title = first.group(0).strip()
    title_end = first.end()
    headings = [_Heading(0, title, title_end, title_end)]
    if not _looks_like_heading(title):  # the file starts with body text: no title line, keep the text
        title, title_end, headings = None, 0, []
    pos = title_end
    for para in re.finditer(r"(?:^|\n)[ \t]*\n([^\n]+)(?=\n[ \t]*\n|\n?$)", text[title_end:]):
        line = para.group(1).strip()
        start = title_end + para.start(1)
        if start < pos:
            continue
        if _looks_like_heading(line):
            headings.append(_Heading(2, line, start, min(title_end + para.end(1) + 1, len(text))))
        pos = start
    return title, headings


def _looks_like_heading(line: str) -> bool:
    if _LIST_MARKER.match(line) or len(line.split()) > _MAX_TXT_HEADING_WORDS:
        return False
    return not line.endswith((".", ":", ";", ",", "!")) and not line.startswith(('"', "“", "("))


def _sections_and_sentences(
    doc_id: str, title: str, text: str, headings: list[_Heading]
) -> tuple[list[Section], list[Sentence]]:
    if not headings or headings[0].level != 0:
        headings = [_Heading(0, title, 0, 0), *headings]
    sections: list[Section] = []
    sentences: list[Sentence] = []
    anchors: set[str] = set()
    ids: set[str] = set()
    stack: list[_Heading] = []
    for i, head in enumerate(headings):
        end = headings[i + 1].line_start if i + 1 < len(headings) else len(text)
        if head.level == 0:
            anchor, path = INTRO_ANCHOR, ()
        else:
            while stack and stack[-1].level >= head.level:
                stack.pop()
            path = tuple(h.title for h in stack)
            stack.append(head)
            anchor = _unique(slugify(head.title), anchors)
        anchors.add(anchor)
        body = text[head.body_start : end]
        if head.level == 0 and not body.strip():
            continue  # no introduction text: no introduction section
        section_index = len(sections)
        sections.append(Section(doc_id, head.title, path, anchor, max(head.level, 1), head.line_start, end))
        for span in split_sentences(body, head.body_start):
            sid = _unique(_sentence_id(doc_id, anchor, span.text), ids)
            ids.add(sid)
            sentences.append(Sentence(sid, doc_id, section_index, len(sentences), span.text, span.start, span.end))
    return sections, sentences


def _sentence_id(doc_id: str, anchor: str, text: str) -> str:
    digest = hashlib.sha1(f"{doc_id}\x1f{anchor}\x1f{text}".encode("utf-8")).hexdigest()[:12]
    return f"s{digest}"


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def corpus_hash(articles: list[Article]) -> str:
    """Hash of every article's id and raw bytes, order-independent."""
    return _combine((a.doc_id, a.content_hash) for a in articles)


def scan_corpus_hash(corpus_dir: Path) -> str | None:
    """Same hash as ``corpus_hash`` from file bytes alone (no parsing); None when there is no folder."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        return None
    pairs = [
        (slugify(p.stem), hashlib.sha256(p.read_bytes()).hexdigest())
        for p in corpus_dir.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES
    ]
    return _combine(pairs)


def _combine(pairs) -> str:
    h = hashlib.sha256()
    for doc_id, content in sorted(pairs):
        h.update(f"{doc_id}\x1f{content}\n".encode())
    return h.hexdigest()
