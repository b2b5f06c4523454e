"""An indexed article laid out for its HTML page: sections → paragraphs or lists → sentences (with ids).

Only the sentences and headings the index holds are shown, so every sentence on the page is one a
reply can cite; the layout (paragraph breaks, bullet lists) is recovered from the source text between
sentences. A citation link carries its passage, and the sentences it quotes are marked ``cited``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..types import Article

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BULLET = re.compile(r"(?:^|\n)[ \t]*(?:[-*+•]|\d+[.)])[ \t]+$")


@dataclass
class SentenceView:
    id: str
    text: str
    cited: bool = False


@dataclass
class Block:
    kind: str  # "p" | "ul"
    items: list[list[SentenceView]] = field(default_factory=list)  # one item for "p", one per bullet for "ul"


@dataclass
class SectionView:
    title: str
    anchor: str
    level: int  # heading level on the page: 2 or deeper (h1 is the article title)
    show_heading: bool
    blocks: list[Block] = field(default_factory=list)


def _squash(text: str) -> str:
    return " ".join(text.split())


def cited_ids(article: Article, passage: str | None) -> set[str]:
    """Ids of the sentences a citation's passage quotes (normally exactly one)."""
    if not passage:
        return set()
    want = _squash(passage)
    exact = {s.id for s in article.sentences if _squash(s.text) == want}
    if exact:
        return exact
    # A passage of several sentences marks each of them; a long enough fragment marks the one holding it.
    inside = {s.id for s in article.sentences if len(s.text) > 20 and _squash(s.text) in want}
    if inside:
        return inside
    return {s.id for s in article.sentences if len(want) > 20 and want in _squash(s.text)}


def article_sections(article: Article, cited: set[str] = frozenset()) -> list[SectionView]:
    views: list[SectionView] = []
    for index, section in enumerate(article.sections):
        intro = index == 0 and section.title == article.title
        views.append(SectionView(section.title, section.anchor, min(max(section.level, 2), 6), not intro))
    previous_end = 0
    for sentence in article.sentences:
        view = views[sentence.section]
        gap = article.text[previous_end:sentence.start]
        previous_end = sentence.end
        item = SentenceView(sentence.id, sentence.text, sentence.id in cited)
        last = view.blocks[-1] if view.blocks else None
        if _BULLET.search(gap):
            marker_only = _BULLET.sub("", gap).strip() == ""
            if last is not None and last.kind == "ul" and marker_only:
                last.items.append([item])  # the next bullet of the same list
            else:
                view.blocks.append(Block("ul", [[item]]))
        elif last is None or _BLANK_LINE.search(gap) or (last.kind == "ul" and "\n" in gap):
            view.blocks.append(Block("p", [[item]]))
        else:
            last.items[-1].append(item)  # the same paragraph, or more of the same bullet
    return views
