"""Query analysis: spelling repair against the corpus vocabulary, stems and lay-term expansion."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz, process

from .text import STOPWORDS, all_stems, content_words, lexicon, stem, words

# Below this similarity (0-100) a word is left as the patient typed it.
SPELLING_CUTOFF = 80


@dataclass(frozen=True)
class Query:
    """A question as the retrievers and the answerability check see it."""

    text: str  # as typed
    corrected: str  # spelling repaired against the corpus vocabulary
    stems: tuple[str, ...]  # content stems of the corrected text
    expansion: tuple[str, ...]  # stems added by lay-term expansion

    @cached_property
    def search_stems(self) -> list[str]:
        return [*self.stems, *(s for s in self.expansion if s not in self.stems)]


class Vocabulary:
    """Words the corpus and the lay-term table know; anything else may be a typo."""

    def __init__(self, texts: list[str]):
        known: set[str] = set()
        for t in texts:
            known.update(words(t))
        for key, vals in lexicon().entries.items():
            known.update(key)
        self.words = known
        self._stems = {stem(w) for w in known}
        # Only correct towards long-enough words; short ones collide too easily ("pin" → "pain").
        self._choices = sorted(w for w in known if len(w) >= 4)

    def knows(self, word: str) -> bool:
        return word in self.words or stem(word) in self._stems

    def correct(self, word: str) -> str:
        """The closest corpus word for a likely typo, else the word unchanged."""
        if len(word) < 4 or word in STOPWORDS or self.knows(word) or word.isdigit():
            return word
        match = process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=SPELLING_CUTOFF)
        return match[0] if match else word


def analyze(text: str, vocabulary: Vocabulary) -> Query:
    """Repair spelling, stem and expand a question."""
    raw_words = words(text)
    corrected_words = [vocabulary.correct(w) for w in raw_words]
    corrected = " ".join(corrected_words)
    stems = tuple(dict.fromkeys(stem(w) for w in content_words(corrected)))
    expansion = tuple(s for s in lexicon().expand(all_stems(corrected)) if s not in stems)
    return Query(text=text, corrected=corrected, stems=stems, expansion=expansion)
