"""Which of a question's key terms each indexed sentence covers: the lexical judgement shared by the
reranker (what ranks first) and the answer stage (what may be quoted at all).

A sentence's evidence is the stems of its own words, its headings and the sentences it leans back on
(``context.antecedents``); a missing subject word also counts as covered when the sentence rewords it
(a close MiniLM word vector: "die" and "death") or says what the article defined it as
(``definitions``). See ``answerability`` for the rules themselves.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from . import word_table
from .answerability import (ASKED_SUBJECT_STEMS, COMMON_SUBJECT_WEIGHT, POPULATION_STEMS, SUBJECT_WEIGHT,
                            SYNONYM_SIMILARITY, Coverage, CorpusTerms, Term, corpus_terms, cover, specificity)
from .acronyms import defined_acronyms
from .concession import split_concession
from .context import antecedents, carried_on, paragraph_before
from .definitions import defined_terms, says_what_it_means
from .embedder import Embedder
from .index_store import LoadedIndex
from .text import all_stems, content_words, stem
from .types import Sentence
from .word_vectors import WordVectors

_CLOSEST_LIMIT = 200_000
_MATRIX_LIMIT = 512  # sentences whose word vectors are kept stacked (~45 kB each)
_HEALTH_ANCHORS = ("medical condition", "disease symptom", "body organ", "treatment", "health")
_ORGAN = _HEALTH_ANCHORS.index("body organ")
# Cosine (MiniLM word vectors) at which a question word names what a concession's main clause asserts.
ASSERTED_SIMILARITY = 0.55
_CLASS_WORDS = frozenset("organ organs tissue tissues part parts area areas system systems body bodies".split())


class CoverageJudge:
    """Key-term coverage of indexed sentences, with per-sentence caches (the corpus is fixed)."""

    def __init__(self, index: LoadedIndex, embedder: Embedder):
        self.index = index
        self.words = WordVectors(embedder, _HEALTH_ANCHORS, word_table.load(index.manifest.model_sha256))
        self.words.preload(index.word_vectors)
        headings = [sec.title for a in index.articles.values() for sec in a.sections]
        self.corpus: CorpusTerms = corpus_terms([s.text for s in index.sentences] + headings, self.health_similarity,
                                                self.organ_similarity)
        # The same corpus with each concession cut to what it asserts, and the stems those assertions make.
        split = [split_concession(s.text) for s in index.sentences]
        self._asserted_words = sorted({w for parts in split if parts for w in content_words(parts[1])})
        self._asserted = frozenset(map(stem, self._asserted_words))
        self._touch_cache: dict[str, bool] = {}
        self._asserted_corpus = corpus_terms([parts[1] if parts else s.text for s, parts in zip(index.sentences, split)]
                                             + headings, self.health_similarity, self.organ_similarity)
        # "NCS helps differentiate…" is about nerve conduction studies: the article said so once.
        self.acronyms = {short: frozenset(all_stems(long)) for short, long in
                         defined_acronyms([s.text for s in index.sentences]).items()}
        self.definitions = defined_terms([s.text for s in index.sentences])
        # An acronym standing for the article's subject ("SLE" for a lupus article) is its subject too.
        self.titles = {d: self._title_stems(a.title) for d, a in index.articles.items()}
        self._evidence: dict[str, frozenset[str]] = {}
        self._own: dict[str, frozenset[str]] = {}
        self._paragraph: dict[str, frozenset[str]] = {}
        self._passing: dict[str, frozenset[str]] = {}
        self._words: dict[str, list[str]] = {}
        self._closest_cache: dict[tuple[str, str], float] = {}
        self._matrices: dict[str, np.ndarray] = {}

    def prepare(self, terms: list[Term], question_vector: np.ndarray) -> list[Term]:
        """``terms`` ready for ``cover``: the words it may need vectors for embedded in one call, and
        ``centrality`` set for the words that may block an answer."""
        may_block = [t.weight >= COMMON_SUBJECT_WEIGHT and not self.corpus.knows(t) for t in terms]
        # Subjects need a vector for the synonym check, possible blockers for the health check. Each encoder
        # call costs a few ms however short its text; the word table and the index spare most replies one.
        self.words.prefetch([t.word for t, b in zip(terms, may_block) if b or t.weight >= SUBJECT_WEIGHT])
        # How close each possible blocker is to the whole question: the word a question is about ("heart"
        # in "can lupus affect my heart") sits close to it; an aside ("why on earth…") does not.
        return [replace(t, centrality=float(self.words.vectors([t.word])[0] @ question_vector)) if b else t
                for t, b in zip(terms, may_block)]

    def health_similarity(self, word: str) -> float:
        """Cosine of a word to a few health anchors: is an unknown word a health subject or chatter?"""
        return float(self.words.anchor_cosines(word).max())

    def organ_similarity(self, word: str) -> float:
        """Cosine of a word to "body organ": does it name an organ ("kidney") rather than a disease?"""
        return float(self.words.anchor_cosines(word)[_ORGAN])

    def antecedents(self, s: Sentence) -> list[Sentence]:
        """The sentences before ``s`` that it leans on ("This condition…")."""
        return antecedents(self.index.articles[s.doc_id], s)

    def carried_on(self, s: Sentence) -> Sentence | None:
        """The sentence after ``s`` when it leans on ``s``."""
        return carried_on(self.index.articles[s.doc_id], s)

    def evidence(self, s: Sentence) -> frozenset[str]:
        """Stems a sentence can cover a term with: its words, its headings and the sentences it leans on."""
        cached = self._evidence.get(s.id)
        if cached is None:
            section = self.index.articles[s.doc_id].sections[s.section]
            parts = [s.text, section.title, *section.path, *(p.text for p in self.antecedents(s))]
            cached = self._evidence[s.id] = self._with_long_forms(frozenset(all_stems(" ".join(parts))))
        return cached

    def own_evidence(self, s: Sentence) -> frozenset[str]:
        """Stems of the sentence itself and the sentences it leans back on (no headings)."""
        cached = self._own.get(s.id)
        if cached is None:
            parts = [p.text for p in self.antecedents(s)] + [s.text]
            cached = self._own[s.id] = self._with_long_forms(frozenset(all_stems(" ".join(parts))))
        return cached

    def _title_stems(self, title: str) -> frozenset[str]:
        """Stems of ``title``, and the acronyms whose long form holds its most specific word ("SLE" holds
        "lupus"; "NCS", "nerve conduction studies", holds only the commoner "nerve")."""
        stems = frozenset(all_stems(title))
        words = content_words(title)
        subject = stem(max(words, key=specificity)) if words else None
        return stems | {short for short, long in self.acronyms.items() if subject in long}

    def _with_long_forms(self, stems: frozenset[str]) -> frozenset[str]:
        """``stems`` plus the long form of every acronym among them (acronyms stem to themselves)."""
        extra = [self.acronyms[a] for a in self.acronyms if a in stems]
        return stems.union(*extra) if extra else stems

    def cover(self, terms: list[Term], s: Sentence, evidence: frozenset[str] | None = None) -> Coverage:
        """``answerability.cover`` over ``evidence`` (default: the full evidence of ``s``), where a missing
        subject word also counts as covered by a close synonym among the sentence's own words ("die" by
        "death", "weaker" by "strength"): paraphrase is not a new subject."""
        evidence = self.evidence(s) if evidence is None else evidence
        title = self.titles[s.doc_id]
        around = self.paragraph_stems(s)
        corpus, passing = self.corpus, frozenset()
        if self._asserted and not any(self._touches(t) for t in terms):
            # A question touching nothing the articles assert after a concession ("While lupus is often recognized
            # for … kidneys, it can also … target the nervous system") is not answered by what they grant in
            # passing: there the kidneys are a subject the corpus does not cover.
            corpus, passing = self._asserted_corpus, self.in_passing(s)
            evidence = evidence - passing
        cov = cover(terms, evidence, title, corpus, around)
        # (Who a question is for and the subjects patients ask of every article, a lifespan or a diet, are named or
        # not: "sooner" is no paraphrase of "eventual".)
        loose = [t for t in cov.missing if t.weight >= SUBJECT_WEIGHT
                 and t.stem not in POPULATION_STEMS and t.stem not in ASKED_SUBJECT_STEMS]
        synonyms = {t.stem for t in loose if self._closest(t.word, s) >= SYNONYM_SIMILARITY}
        # "inflammation in these tiny vessels" is about vasculitis: the article defined it so.
        synonyms |= {t.stem for t in cov.missing
                     if t.stem in self.definitions and says_what_it_means(self.definitions[t.stem], evidence)}
        synonyms -= passing
        return cover(terms, evidence | synonyms, title, corpus, around) if synonyms else cov

    def _touches(self, t: Term) -> bool:
        """Does the term name something a concession's main clause asserts, in its words or close to one ("nerves"
        0.70 and "brain" 0.59 to "nervous"; "kidneys" 0.26, "signs" to "significantly" 0.28)?"""
        found = self._touch_cache.get(t.word)
        if found is None:
            if t.stem in self._asserted:
                found = True
            else:
                v = self.words.vectors([t.word, *self._asserted_words])
                found = bool((v[1:] @ v[0]).max() >= ASSERTED_SIMILARITY)
            self._touch_cache[t.word] = found
        return found

    def in_passing(self, s: Sentence) -> frozenset[str]:
        """Stems the evidence of ``s`` holds only from a concession before a main clause (its own, or that of a
        sentence it leans on: "This involvement…" after "While lupus is often recognized for … kidneys, …")."""
        cached = self._passing.get(s.id)
        if cached is None:
            granted, asserted = [], []
            for x in (*self.antecedents(s), s):
                parts = split_concession(x.text)
                granted += [parts[0]] if parts else []
                asserted += [parts[1]] if parts else [x.text]
            cached = frozenset()
            if granted:
                section = self.index.articles[s.doc_id].sections[s.section]
                told = " ".join([*asserted, section.title, *section.path])
                cached = frozenset(all_stems(" ".join(granted))) - frozenset(all_stems(told)) - self.titles[s.doc_id]
            self._passing[s.id] = cached
        return cached

    def paragraph_stems(self, s: Sentence) -> frozenset[str]:
        """Stems of the sentences before ``s`` in its paragraph."""
        cached = self._paragraph.get(s.id)
        if cached is None:
            before = paragraph_before(self.index.articles[s.doc_id], s)
            cached = self._paragraph[s.id] = frozenset(all_stems(" ".join(p.text for p in before)))
        return cached

    def _closest(self, word: str, s: Sentence) -> float:
        """Highest cosine of ``word`` to a word of ``s``; cached, as each reply asks it of ~20 sentences twice."""
        key = (word, s.id)
        best = self._closest_cache.get(key)
        if best is None:
            matrix = self._sentence_matrix(s)
            best = float((matrix @ self.words.vectors([word])[0]).max()) if len(matrix) else -1.0
            if len(self._closest_cache) > _CLOSEST_LIMIT:  # question words are open-ended
                self._closest_cache.clear()
            self._closest_cache[key] = best
        return best

    def _sentence_matrix(self, s: Sentence) -> np.ndarray:
        """The vectors of a sentence's words, for up to ``_MATRIX_LIMIT`` sentences asked about: stacking them is a
        tenth of a reply's time, and the same candidates come back question after question. Not kept for every
        sentence: at 25k sentences the matrices would take ~0.5 GB."""
        found = self._matrices.get(s.id)
        if found is None:
            if len(self._matrices) >= _MATRIX_LIMIT:
                self._matrices.clear()  # like the other caches: safe under the server's threads
            found = self._matrices[s.id] = self.words.vectors(self._sentence_words(s))
        return found

    def off_title(self, terms: list[Term]) -> list[Term]:
        """Terms that are not an article's own subject (a word of some article title)."""
        return [t for t in terms if not any(t.stem in title for title in self.titles.values())]

    def _sentence_words(self, s: Sentence) -> list[str]:
        cached = self._words.get(s.id)
        if cached is None:
            # A word for a whole class ("organs", "tissues") is no synonym of one of its members ("kidneys").
            cached = self._words[s.id] = [w for w in dict.fromkeys(content_words(s.text)) if w not in _CLASS_WORDS]
        return cached
