"""The second stage of retrieval: the fused candidates re-ordered by how much of the question each
sentence covers (``coverage``), then by closeness in meaning and in words.

Fusion alone ranks by resemblance; a sentence that resembles the question but leaves out what it asks
about ("kidney" in a kidney question) should not rank first. Measured in ``bench/retrieval_bench.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .answerability import STORY_SHARE, Coverage, Term, key_terms, story_as_subject
from .clauses import claimed_words, imagery_words, points_back, story_words
from .coverage import CoverageJudge
from .framing import as_read
from .query import Query
from .question_type import W_SURE_CUE, QuestionType, question_type
from .retrieval import HybridRetriever
from .text import content_words, fold, words
from .types import Hit

# Weights of a sentence's relevance (set on eval/dev, dev2 and holdout answers; the answer stage adds
# its own boosts on top).
W_OWN, W_COVER, W_DENSE, W_BM25 = 1.0, 0.5, 1.0, 0.3
# The reranker also keeps some of the fused score: a sentence both retrievers put first ("numb feet" and
# the stocking-and-glove sentence) should not drop far for covering one word less. Pooled R@3 over the
# four question sets 0.907 without it, 0.916 with it; the answer stage gained nothing from it, so only
# search uses it.
W_FUSED = 5.0
DEPTH = 20  # fused candidates re-ordered
KIND_SECTIONS = 5  # first hits whose sections are searched for a surely marked kind of answer


def relevance(own: Coverage, cov: Coverage, hit: Hit, top_bm25: float) -> float:
    """What the sentence's own words cover, what it covers with its headings, then meaning and words."""
    return (W_OWN * own.fraction + W_COVER * cov.fraction + W_DENSE * (hit.dense_score or 0.0)
            + W_BM25 * (hit.bm25_score or 0.0) / (top_bm25 or 1.0))


def judge_hit(judge: CoverageJudge, terms: list[Term], hit: Hit, top_bm25: float) -> tuple[float, Coverage]:
    """A hit's relevance, and its coverage with headings (what the answer stage's answerability reads)."""
    own = judge.cover(terms, hit.sentence, judge.own_evidence(hit.sentence))
    cov = judge.cover(terms, hit.sentence)
    return relevance(own, cov, hit, top_bm25), cov


class Reranker:
    """``search`` as ``HybridRetriever.search``, with the top ``DEPTH`` fused hits re-ordered by relevance."""

    def __init__(self, retriever: HybridRetriever, judge: CoverageJudge, depth: int = DEPTH):
        self.retriever = retriever
        self.judge = judge
        self.depth = depth

    def search(self, query: Query | str, k: int = 10) -> list[Hit]:
        """Top ``k`` sentences by relevance (ties keep the fused order); ``Hit.relevance`` holds the score."""
        if isinstance(query, str):
            query = self.retriever.analyze(query)
        kind, terms = question_terms(query.text, query.corrected, self.retriever.analyze, self.judge)
        hits = self.retriever.search(query, k=max(k, self.depth), also=also_examined(self.judge, kind))
        if not hits or not terms:
            return hits[:k]
        top_bm25 = max((h.bm25_score or 0.0) for h in hits)
        terms = self.judge.prepare(terms, self.retriever.embedder.encode([query.corrected])[0])
        scored = [(judge_hit(self.judge, terms, h, top_bm25)[0] + W_FUSED * h.fused + kind.bonus(h.sentence.text), h)
                  for h in hits]
        scored.sort(key=lambda p: (-p[0], p[1].rank))
        return [replace(h, rank=i, relevance=round(score, 6)) for i, (score, h) in enumerate(scored[:k], start=1)]


def question_terms(text: str, corrected: str, analyze: Callable[[str], Query],
                   judge: CoverageJudge) -> tuple[QuestionType, list[Term]]:
    """The kind of answer a message asks for and its key terms, with the story around the question read as that
    kind needs: the symptoms told before "which one is doing it?" are set aside, and a story the question points
    back at ("…could that be the lupus?") is its subject. Shared by the reranker and the answer stage."""
    text = as_read(text)  # "how dr kno its lupus not smth else" asks as "how doctor know… something else"
    kind = question_type(text)
    # "i have diabetes and lupus, how would they tell which one…": a cause named beside the question stays in it.
    imagery = imagery_words(text)
    if imagery:  # …as the key terms read them ("kneading" mended to a corpus word is still the doing told)
        imagery |= frozenset(words(analyze(" ".join(sorted(imagery))).corrected))
    story = story_words(text, lambda part: analyze(part).corrected, clauses=not kind.attribution) | imagery
    # "my friend says duloxetine is the best… is that one used for lupus?": the claim checked is asked about.
    claimed = claimed_words(text)
    if claimed:
        story -= frozenset(words(analyze(" ".join(sorted(claimed))).corrected)) | claimed
    terms = key_terms(corrected, story)
    terms = _as_story(terms, kind.aside)
    terms = [t for t in terms if t.word not in kind.against] or terms
    described = _NAME_FOR.search(text.lower()) if kind.asks_name else None
    if described and content_words(described["what"]):  # (not "a name for it when lupus…": that asks on)
        # "…some latin name for the tiny blood vessels that feed the nerves when he was explaining my numb feet. What was
        # that called?": what the name is for is asked about, the rest is story.
        what = set(words(described["what"]))
        terms = [replace(t, story=False, weight=t.weight / STORY_SHARE) if t.story and t.word in what else t
                 for t in terms]
        return kind, _as_story(terms, frozenset(t.word for t in terms if t.word not in what))
    if kind.story_aside:
        # "first appt with neuro for my numb feet, what do they do?" tells everything: the visit is still asked about.
        return kind, [t for t in terms if not t.story] or [t for t in terms if t.word not in kind.aside] or terms
    named = set(kind.defines.split()) if kind.defines else set()
    # "my report says "axonal sensorimotor polyneuropathy" what does axonal mean?": the rest of the quote it was
    # found in is where the word was read, not what is asked.
    quoted_with = {w for q in _QUOTED.findall(fold(text)) if named and named <= set(words(q)) for w in words(q)}
    terms = _as_story(terms, frozenset(quoted_with - named))
    if any(t.story and t.word in named for t in terms):
        # "…they said mono something multiplex. what is that": the word defined is the subject, the rest is story.
        return kind, [replace(t, story=False, weight=t.weight / STORY_SHARE) if t.story and t.word in named else t
                      for t in terms]
    if any(t.story for t in terms):
        terms = story_as_subject(terms, judge.off_title, points_back(text), judge.corpus.knows)
        # …but a likeness is never the subject ("his feet is burning and like needles. lupus can make this?"), nor is what
        # the question sets aside ("why tho, the problem is burning in my feet, not my head").
        terms = _as_story(terms, imagery | kind.aside)
    return kind, terms


_QUOTED = re.compile(r"\"([^\"]{3,80})\"")
_NAME_FOR = re.compile(r"\b(?:name|word|term)s? (?:for|of) (?:the |a |an |these |those |this |that )?(?P<what>[\w'-]+(?: (?!(?:when|while|because"
                       r"|and (?:he|she|they|i))\b)[\w'-]+){0,7})")


def _as_story(terms: list[Term], told: frozenset[str]) -> list[Term]:
    """``terms`` with the words in ``told`` weighed like the story around a question, vetoing nothing."""
    return [replace(t, story=True, weight=t.weight * STORY_SHARE) if t.word in told and not t.story else t
            for t in terms]


def also_examined(judge: CoverageJudge, kind: QuestionType) -> Callable[[list[Hit]], list[str]]:
    """For ``HybridRetriever.search(also=…)``: ``carried_on_by``, and for a question surely asking for one kind of
    answer, the sentences giving that kind in the sections of its first hits ("what do people say it feels like?" →
    "Patients often describe sensations…", which shares no word with it)."""
    carried = carried_on_by(judge)
    if kind.cue is None or kind.weight < W_SURE_CUE:
        return carried

    def extra(hits: list[Hit]) -> list[str]:
        out = carried(hits)
        have = {h.sentence.id for h in hits} | set(out)
        sections = {(h.sentence.doc_id, h.sentence.section) for h in hits[:KIND_SECTIONS]}
        for doc_id in dict.fromkeys(d for d, _ in sections):
            out += [s.id for s in judge.index.articles[doc_id].sentences
                    if (doc_id, s.section) in sections and s.id not in have and kind.asks_for(s.text)]
        return out
    return extra


def carried_on_by(judge: CoverageJudge) -> Callable[[list[Hit]], list[str]]:
    """For ``HybridRetriever.search(also=…)``: the sentences carrying on from a hit that were not retrieved.
    Their own words rarely match the question, their antecedent's do, and the coverage judge reads them with it."""
    def carried(hits: list[Hit]) -> list[str]:
        have = {h.sentence.id for h in hits}
        out: list[str] = []
        for h in hits:
            nxt = judge.carried_on(h.sentence)
            if nxt is not None and nxt.id not in have:
                have.add(nxt.id)
                out.append(nxt.id)
        return out
    return carried
