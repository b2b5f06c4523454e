"""Claim-level grounding for answers written by any system (this bot, another chatbot, a person).

An answer is split into claims (sentences, via ``splitter``). For each claim the best evidence sentence
of the corpus is found by meaning (cosine of MiniLM vectors, reusing the index's sentence vectors) and
by words (weighted stem overlap). A candidate counts as support only when it also passes explicit checks
that embeddings are blind to:

- numbers, doses and durations stated in the claim appear in the evidence;
- negation agrees (the claim denies what the evidence asserts, or the reverse, is a contradiction);
- comparatives and superlatives agree ("the most common" against "less frequent");
- a named condition or test the claim is about (a Title-Case term of the corpus, e.g. "Small-Fiber
  Neuropathy") is named in the evidence's paragraph;
- no content word the corpus never uses that is a specialised term (rare in English) or a health word
  with no close synonym in the evidence (invented medicines, causes, treatments).

No generative model, no network. Thresholds were measured on ``eval/claims.jsonl`` (see README).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from .context import paragraph_before
from .splitter import split_sentences
from .text import STOPWORDS, content_words, lexicon, normalize, stem, words
from .types import Sentence
from . import word_table
from .word_vectors import WordVectors
from .word_frequency import zipf_frequency

# Combined score = W_DENSE * cosine + W_LEX * weighted stem overlap (both in [0, 1]).
W_DENSE, W_LEX = 0.6, 0.4
SUPPORT_SCORE = 0.5  # a candidate below this is not evidence enough
CANDIDATES = 5  # evidence sentences examined per claim, best score first
RARE_ZIPF = 3.0  # a new word rarer than this in English is a specialised term (a drug, a test)
HEALTH_SIMILARITY = 0.40  # cosine of a word to health anchors above which it may name a health subject
EVERYDAY_ZIPF = 5.0  # …unless it is an everyday word ("work", "people": MiniLM puts them near anything)
SYNONYM_SIMILARITY = 0.6  # cosine of a new word to an evidence word above which it is a rewording
_HEALTH_ANCHORS = ("medical condition", "disease symptom", "body organ", "treatment", "medicine", "health")

_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "thousand": 1000, "dozen": 12, "half": 0.5, "twice": 2, "double": 2,
}
# "one", "single" and "once" are left out: as determiners ("one mechanism", "the single most
# important step") they state no quantity, and reading them as 1 refused faithful rewordings.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_NEGATIONS = frozenset(
    "not no never without none cannot nor neither nothing nobody ineffective unable fail fails failed rarely seldom "
    "hardly unlikely".split()
)
# Comparative/superlative markers → sign; the adjective after them names the dimension.
_DEGREE = {"most": 1, "more": 1, "greater": 1, "higher": 1, "less": -1, "least": -1, "fewer": -1, "lower": -1}
# Adjectives folded into one dimension, with the sign they carry on their own (None: only with a marker).
# Vague ones ("worse", "better") are left out: "making the damage worse" rewords "exacerbate".
_DIMENSIONS = {
    "common": ("frequency", None), "frequent": ("frequency", None), "prevalent": ("frequency", None),
    "usual": ("frequency", None), "typical": ("frequency", None), "commonest": ("frequency", 1),
    "rare": ("frequency", -1), "rarer": ("frequency", -1), "uncommon": ("frequency", -1),
    "infrequent": ("frequency", -1), "severe": ("severity", None), "serious": ("severity", None),
    "intense": ("severity", None), "mild": ("severity", -1), "milder": ("severity", -1), "mildest": ("severity", -1),
    "often": ("frequency", None), "dose": ("dose", None), "doses": ("dose", None), "dosage": ("dose", None),
    "effective": ("efficacy", None), "better": ("efficacy", 1), "superior": ("efficacy", 1),
}
_CITATION_MARK = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")
_TITLE_TERM = re.compile(r"\b(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*|[A-Z]{2,})(?:\s+(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*|[A-Z]{2,}))*")


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    section: str
    sentence: str

    def to_dict(self) -> dict:
        return {"doc_id": self.doc_id, "section": self.section, "sentence": self.sentence}


@dataclass(frozen=True)
class ClaimCheck:
    text: str
    supported: bool
    score: float
    evidence: Evidence | None
    reasons: tuple[str, ...] = ()  # why the best candidate was refused ('' when supported)

    def to_dict(self) -> dict:
        return {"text": self.text, "supported": self.supported, "score": round(self.score, 4),
                "evidence": self.evidence.to_dict() if self.evidence else None, "reasons": list(self.reasons)}


@dataclass
class AnswerCheck:
    id: str
    claims: list[ClaimCheck] = field(default_factory=list)

    @property
    def grounding(self) -> float | None:
        """Supported claims / claims; None for an answer that states nothing."""
        return round(sum(c.supported for c in self.claims) / len(self.claims), 4) if self.claims else None

    def to_dict(self) -> dict:
        return {"id": self.id, "grounding": self.grounding, "claims": [c.to_dict() for c in self.claims]}


def split_claims(answer: str) -> list[str]:
    """Sentences of an answer that state something: citation marks dropped, lead-ins ("…says:") and
    questions skipped, and anything without a content word skipped."""
    out = []
    for span in split_sentences(answer):
        text = _CITATION_MARK.sub("", span.text).strip()
        if not text or text.endswith((":", "?")) or not content_words(text):
            continue
        out.append(text)
    return out


@lru_cache(maxsize=1)
def _lay_stems() -> frozenset[str]:
    return frozenset(st for key in lexicon().entries for st in key)


# Words that claim more certainty or reach than hedged evidence ("may", "often") gives.
_ABSOLUTES = re.compile(
    r"\b(always|every|everyone|everybody|invariably|guaranteed?|certainly|definitely|in all cases|sooner or later"
    r"|without exception|no matter what|cures?|cured|fully heals?|permanently)\b"
)


def absolutes(text: str) -> set[str]:
    """Certainty words of a claim ("always", "every", "cures")."""
    return set(_ABSOLUTES.findall(normalize(text)))


def numbers(text: str) -> set[float]:
    """Numbers stated in digits or words ("two or more", "300 mg", "40%")."""
    found = {float(m.replace(",", ".")) for m in _NUMBER.findall(normalize(text))}
    found.update(float(_NUMBER_WORDS[w]) for w in words(text) if w in _NUMBER_WORDS)
    return found


def negated(text: str) -> bool:
    toks = words(text)
    return any(w in _NEGATIONS or w.endswith("n't") for w in toks)


def comparisons(text: str) -> set[tuple[str, int]]:
    """(dimension, sign) of every comparative or superlative: "the most common" → ("frequency", 1)."""
    toks = words(text.replace("-", " "))
    out: set[tuple[str, int]] = set()
    for i, w in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        # Only the dimensions a patient is misled by (how common, severe, effective, how big a dose): "more prone to clotting"
        # or "fewer small fibers" are rewordings, not rankings.
        if w in _DEGREE and nxt in _DIMENSIONS:
            out.add((_DIMENSIONS[nxt][0], _DEGREE[w]))
        elif w in _DIMENSIONS and _DIMENSIONS[w][1] is not None and not (i and toks[i - 1] in _DEGREE):
            out.add((_DIMENSIONS[w][0], _DIMENSIONS[w][1]))
    return out


def _stems(text: str) -> list[str]:
    return [stem(w) for w in content_words(text)]


class GroundingChecker:
    """``check(answer) -> [ClaimCheck]`` against one loaded index and its embedder."""

    def __init__(self, index, embedder):
        self.index = index
        self.embedder = embedder
        self.sentences: list[Sentence] = index.sentences
        n = index.faiss_index.ntotal
        self.vectors = np.vstack([index.faiss_index.reconstruct(i) for i in range(n)]).astype(np.float32)
        self._sent_stems = [set(_stems(s.text)) for s in self.sentences]
        self._section_stems = [set(_stems(index.section_of(s).title)) for s in self.sentences]
        titles = [sec.title for a in index.articles.values() for sec in a.sections]
        self.corpus_stems = set().union(*self._sent_stems, *(set(_stems(t)) for t in titles))
        self._corpus_choices = sorted(self.corpus_stems)
        self._words = WordVectors(embedder, _HEALTH_ANCHORS, word_table.load(index.manifest.model_sha256))
        self._words.preload(index.word_vectors)  # the index embedded every corpus word already
        self._terms = self._title_terms()

    # -- corpus facts ---------------------------------------------------------------------------
    def _title_terms(self) -> set[tuple[str, ...]]:
        """Named conditions and tests: Title-Case or upper-case runs not at the start of a sentence."""
        terms: set[tuple[str, ...]] = set()
        for s in self.sentences:
            for m in _TITLE_TERM.finditer(s.text):
                if m.start() == 0:
                    continue
                key = tuple(stem(w) for w in words(m.group()))
                if key and not all(w in STOPWORDS for w in key):
                    terms.add(key)
        return terms

    def paragraph(self, s: Sentence) -> str:
        """The sentence with the ones before it in its paragraph: where "It"/"This condition" is named."""
        return " ".join([*(p.text for p in paragraph_before(self.index.articles[s.doc_id], s)), s.text])


    def _known(self, word: str) -> bool:
        s = stem(word)
        if s in self.corpus_stems or word.isdigit():
            return True
        if s in _lay_stems():
            return True  # a word of a lay phrase the lexicon translates ("pins and needles")
        phrases = lexicon().entries.get((s,), ())
        if any(all(p in self.corpus_stems for p in phrase) for phrase in phrases):
            return True  # a lay word for something the corpus names
        return process.extractOne(s, self._corpus_choices, scorer=fuzz.ratio, score_cutoff=88) is not None

    def new_words(self, claim: str) -> list[str]:
        """Content words of the claim the corpus never uses (by stem, lay synonym or near spelling)."""
        return [w for w in dict.fromkeys(content_words(claim)) if not w.isdigit() and not self._known(w)]

    # -- checks ---------------------------------------------------------------------------------
    def _invented(self, new: list[str], evidence_text: str) -> list[str]:
        """New words that name something the evidence does not: specialised terms, or health words
        with no close synonym among the evidence words."""
        if not new:
            return []
        self.prefetch_words(new)
        out = []
        ev_words = [w for w in dict.fromkeys(content_words(evidence_text))]
        ev_vecs = self._words.vectors(ev_words)
        new_vecs = self._words.vectors(new)
        health = self._words.anchor_similarity(new)
        synonym = (new_vecs @ ev_vecs.T).max(axis=1) if len(ev_words) else np.zeros(len(new))
        for w, h, syn in zip(new, health, synonym):
            if zipf_frequency(w) < RARE_ZIPF and syn < SYNONYM_SIMILARITY:
                out.append(w)
            elif h >= HEALTH_SIMILARITY and zipf_frequency(w) < EVERYDAY_ZIPF and syn < SYNONYM_SIMILARITY:
                out.append(w)
        return out

    def _terms_in(self, text: str) -> set[tuple[str, ...]]:
        st = tuple(stem(w) for w in words(text))
        found = set()
        for term in self._terms:
            n = len(term)
            if any(st[i : i + n] == term for i in range(len(st) - n + 1)):
                found.add(term)
        return found

    def refusals(self, claim: str, s: Sentence, new: list[str]) -> list[str]:
        """Why ``s`` does not support ``claim`` (empty: it does)."""
        reasons = []
        missing = numbers(claim) - numbers(s.text)
        if missing:
            reasons.append("number not in evidence: " + ", ".join(f"{x:g}" for x in sorted(missing)))
        if negated(claim) != negated(s.text):
            reasons.append("negation differs from evidence")
        stronger = absolutes(claim) - absolutes(s.text)
        if stronger:
            reasons.append("more certain than the evidence: " + ", ".join(sorted(stronger)))
        c_cmp, e_cmp = comparisons(claim), comparisons(s.text)
        if c_cmp - e_cmp:
            reasons.append("comparison not in evidence: " + ", ".join(f"{d} {'+' if g > 0 else '-'}" for d, g in sorted(c_cmp - e_cmp)))
        context = self.paragraph(s) + " " + self.index.section_of(s).title
        unnamed = self._terms_in(claim) - self._terms_in(context)
        if unnamed:
            reasons.append("names what the evidence does not: " + ", ".join(" ".join(t) for t in sorted(unnamed)))
        invented = self._invented(new, context)
        if invented:
            reasons.append("words the articles never use: " + ", ".join(invented))
        return reasons

    def lexical(self, claim_stems: list[str], row: int) -> float:
        """Share of the claim's stems, weighted by rarity, found in the sentence or its section title."""
        from .answerability import specificity

        if not claim_stems:
            return 0.0
        have = self._sent_stems[row] | self._section_stems[row]
        weights = {s: specificity(s) for s in claim_stems}
        total = sum(weights.values())
        return sum(w for s, w in weights.items() if s in have) / total

    def check_claim(self, claim: str, vector: np.ndarray | None = None) -> ClaimCheck:
        if vector is None:
            vector = self.embedder.encode([claim])[0]
        dense = self.vectors @ vector
        claim_stems = list(dict.fromkeys(_stems(claim)))
        lex = np.array([self.lexical(claim_stems, i) for i in range(len(self.sentences))])
        score = W_DENSE * np.clip(dense, 0, 1) + W_LEX * lex
        order = np.lexsort((np.arange(len(score)), -score))[:CANDIDATES]
        new = self.new_words(claim)
        best_reasons: tuple[str, ...] = ()
        for rank, row in enumerate(order):
            reasons = self.refusals(claim, self.sentences[row], new)
            if score[row] < SUPPORT_SCORE:
                reasons.insert(0, f"best evidence scores {score[row]:.2f} < {SUPPORT_SCORE}")
            if not reasons:
                return ClaimCheck(claim, True, float(score[row]), self._evidence(row))
            if rank == 0:
                best_reasons = tuple(reasons)
            if score[row] < SUPPORT_SCORE:
                break  # candidates are in score order: the rest are weaker still
        top = int(order[0])
        return ClaimCheck(claim, False, float(score[top]), self._evidence(top), best_reasons)

    def _evidence(self, row: int) -> Evidence:
        s = self.sentences[row]
        return Evidence(s.doc_id, self.index.section_of(s).title, s.text)

    def check(self, answer: str) -> list[ClaimCheck]:
        return self.check_many([answer])[0]

    def check_many(self, answers: list[str]) -> list[list[ClaimCheck]]:
        """Claims of each answer, checked; the model runs once for all claims and once for all new words."""
        claims = [split_claims(a) for a in answers]
        flat = [c for cs in claims for c in cs]
        if not flat:
            return [[] for _ in answers]
        vectors = iter(self.embedder.encode(flat))
        self.prefetch_words([w for c in flat for w in self.new_words(c)])
        return [[self.check_claim(c, next(vectors)) for c in cs] for cs in claims]

    def prefetch_words(self, extra: list[str] = ()) -> None:
        """Embed every corpus content word (the evidence side of the synonym test) and ``extra`` in one batch."""
        if not len(self._words):
            extra = [*extra, *{w for s in self.sentences for w in content_words(s.text)},
                     *{w for a in self.index.articles.values() for sec in a.sections for w in content_words(sec.title)}]
        self._words.prefetch(list(extra))


def balanced_accuracy(labels: list[bool], predicted: list[bool]) -> float:
    """Mean of the recall on supported and the recall on unsupported claims."""
    pos = [p for l, p in zip(labels, predicted) if l]
    neg = [not p for l, p in zip(labels, predicted) if not l]
    parts = [sum(x) / len(x) for x in (pos, neg) if x]
    return round(sum(parts) / len(parts), 4) if parts else 0.0

