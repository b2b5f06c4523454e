"""Query analysis: spelling repair against the corpus vocabulary, stems and lay-term expansion."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise

import jellyfish  # Metaphone: the sound-alike spellings patients type ("fisical", "newropathy")
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .framing import as_read
from .text import STOPWORDS, all_stems, content_words, lexicon, stem, words
from .word_frequency import most_common, zipf_frequency

# Below this similarity (0-100) a word is left as the patient typed it.
SPELLING_CUTOFF = 80
# Shorter words share their sound with too many others to be matched by it.
PHONETIC_MIN_LENGTH = 6
# A word at least this common in English (Zipf scale) is taken as meant, never "corrected".
REAL_WORD_ZIPF = 3.0
# A less common word still in everyday use ("overkill", 2.98) is corrected only for one slip ("neve" → "nerve"),
# never towards a farther corpus word ("overall").
KNOWN_WORD_ZIPF = 2.5
# Each half (four letters or more) of a word typed as two run together is at least this common ("blood" 4.9, "work" 6.1).
RUN_TOGETHER_ZIPF = 3.5


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
        self._pairs: set[tuple[str, str]] = set()  # words written side by side, for a slip read with its neighbour
        for t in texts:
            ws = words(t)
            known.update(ws)
            self._pairs.update(pairwise(ws))
        # Lay words the lexicon translates are known too, but only as stems: never correct towards them.
        lay_stems = {s for key in lexicon().entries for s in key}
        self.words = known
        self._stems = {stem(w) for w in known} | lay_stems
        self._lay_stems = lay_stems - {stem(w) for w in known}
        # Only correct towards long-enough words; short ones collide too easily ("pin" → "pain").
        self._choices = sorted(w for w in known if len(w) >= 4)
        self._sounds: dict[str, list[str]] = {}
        for w in self._choices:
            if len(w) >= PHONETIC_MIN_LENGTH and w.isalpha():
                self._sounds.setdefault(jellyfish.metaphone(w), []).append(w)
        self._corrections: dict[str, str] = {}
        self._joins: dict[tuple[str, ...], str | None] = {}
        self._besides: dict[tuple[str, str | None, str | None], str | None] = {}

    def warm(self) -> None:
        """Load the English word lists now, for a server, rather than in someone's first request."""
        _common_english()
        self._lay_words  # built now, not in the first request with a slip

    def knows(self, word: str) -> bool:
        return word in self.words or stem(word) in self._stems

    def correct(self, word: str) -> str:
        """The closest corpus word for a likely typo, else the word unchanged."""
        return _remember(self._corrections, word, self._correct)

    def join(self, pieces: tuple[str, ...]) -> str | None:
        """The corpus word that split pieces make together (``_join_split_words``), if any; remembered, since every
        reply analyses its text several times and typed words recur."""
        return _remember(self._joins, pieces, lambda p: _joined(list(p), self))

    def _correct(self, word: str) -> str:
        if len(word) < 4 or word in STOPWORDS or self.knows(word) or word.isdigit():
            return word
        if len(word) >= 5 and word.endswith("in") and zipf_frequency(word + "g") >= zipf_frequency(word) + 1.0:
            return self.correct(word + "g")  # "feelin", "burnin": the g dropped as it is said
        for variant in _american(word):  # "specialised", "fibre", "oedema": the article may spell it the other way
            if self.knows(variant):
                return variant
        if zipf_frequency(word) >= REAL_WORD_ZIPF or _compares(word):
            return word  # a real word the corpus lacks ("hearing") is a question it may not answer, not a typo
        if zipf_frequency(word) >= KNOWN_WORD_ZIPF:
            near = process.extractOne(word, self._choices, scorer=OSA.distance, score_cutoff=1)
            return near[0] if near else word
        lay = self._lay_slip(word)
        if lay:
            return lay
        match = self.corpus_match(word)
        if match:
            return match
        if zipf_frequency(word) > 0 or _run_together(word):
            # a rare English word ("haywire") is meant as typed, not a slip of a common one ("hayward"); so are two
            # run together ("bloodwork" is not "woodwork")
            return word
        return self._english(word)

    def _lay_slip(self, word: str) -> str | None:
        """An English word one slip from ``word`` that the lexicon translates ("sterods" → "steroids"): a surer reading
        than a corpus word that only sounds alike ("starts")."""
        if len(word) < 6 or not word.isalpha():
            return None
        near = process.extract(word, self._lay_words, scorer=OSA.distance, score_cutoff=1, limit=None)
        return max((w for w, _, _ in near), key=zipf_frequency) if near else None

    @cached_property
    def _lay_words(self) -> list[str]:
        """English words the lexicon translates and the corpus lacks: the few a slip is checked against."""
        return [w for w in _all_english() if stem(w) in self._lay_stems]

    def split(self, word: str) -> tuple[str, str] | None:
        """Two known words run together into one no dictionary knows ("brainfog" → "brain", "fog"), if any."""
        if len(word) < 7 or not word.isalpha() or self.knows(word) or zipf_frequency(word) >= KNOWN_WORD_ZIPF:
            return None
        for i in range(3, len(word) - 2):
            head, tail = word[:i], word[i:]
            if head in self.words and tail in self.words and head not in STOPWORDS and tail not in STOPWORDS:
                return head, tail
        return None

    def beside(self, word: str, before: str | None, after: str | None) -> str | None:
        """The corpus word, two slips from ``word`` at most, that the articles write right after ``before`` or right
        before ``after`` ("mylan sheeth" → "myelin", beside "sheath"), if any; remembered like ``correct``."""
        return _remember(self._besides, (word, before, after), lambda key: self._beside(*key))

    def _beside(self, word: str, before: str | None, after: str | None) -> str | None:
        if len(word) < 4 or not word.isalpha():
            return None
        near = process.extract(word, self._choices, scorer=OSA.distance, score_cutoff=2, limit=None)
        fits = [w for w, _, _ in near if (before, w) in self._pairs or (w, after) in self._pairs]
        return min(fits, key=lambda w: (OSA.distance(word, w), w)) if fits else None

    @cached_property
    def stem_pairs(self) -> frozenset[tuple[str, str]]:
        """Stems of the words the articles write side by side ("small fiber neuropathy": both pairs)."""
        return frozenset((stem(a), stem(b)) for a, b in self._pairs)

    def complete(self, start: str) -> str | None:
        """The one corpus word beginning with ``start`` ("vasc" → "vasculitis"), if only one does."""
        found = {w for w in self._choices if w.startswith(start) and w != start}
        return found.pop() if len(found) == 1 else None

    def corpus_match(self, word: str) -> str | None:
        """The corpus word ``word`` is most likely a slip of, if any (no English fallback)."""
        match = process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=SPELLING_CUTOFF)
        if match:
            return match[0]
        # One slip (a swap counts as one: "pian" → "pain") is enough to trust in a short word.
        near = process.extractOne(word, self._choices, scorer=OSA.distance, score_cutoff=1 if len(word) < 7 else 2)
        if near:
            return near[0]
        # Spelled as it sounds ("fisical" → "physical"), before "fiscal", the one-slip English word.
        if len(word) >= PHONETIC_MIN_LENGTH and word.isalpha():
            alike = self._sounds.get(jellyfish.metaphone(word), [])
            if alike:
                return max(alike, key=lambda w: (fuzz.ratio(word, w), w))
        return None

    def _english(self, word: str) -> str:
        """A word no dictionary knows ("meen") may be a slip of a common English word ("mean")."""
        # One slip of a rarer word first: "paralize" is "paralyze", not two slips from the commoner "paradise".
        if len(word) >= 7:
            match = process.extractOne(word, _all_english(), scorer=OSA.distance, score_cutoff=1)
            if match:
                return match[0]
        # Two slips in a long word ("bizzare", "supressing"), as for corpus words.
        match = process.extractOne(word, _common_english(), scorer=OSA.distance, score_cutoff=1 if len(word) < 7 else 2)
        return match[0] if match else word


_BRITISH = ((r"is(e|ed|es|ing|ation|ations)$", r"iz\1"), (r"yse(d|s)?$", r"yze\1"), (r"our(s|ed|ing)?$", r"or\1"),
            (r"([^aeiou])re(s)?$", r"\1er\2"), (r"ae", "e"), (r"oe(?!s$)", "e"), (r"ogue$", "og"), (r"ll(ed|ing)$", r"l\1"))


def _run_together(word: str) -> bool:
    """Is ``word`` two common words written as one ("bloodwork", "lightheaded")?"""
    return word.isalpha() and any(zipf_frequency(word[:i]) >= RUN_TOGETHER_ZIPF and zipf_frequency(word[i:]) >= RUN_TOGETHER_ZIPF
                                  for i in range(4, len(word) - 3))


def _compares(word: str) -> bool:
    """Is ``word`` a comparative or superlative of a common word ("nastier", "bigger")? The word list lacks most. Only
    the spellings a slip rarely makes: -ier/-iest from -y, and a doubled consonant ("nerver" stays a slip of "nerve")."""
    m = re.fullmatch(r"(\w{2,})ie(r|st)", word)
    if m:
        return zipf_frequency(m[1] + "y") >= REAL_WORD_ZIPF
    m = re.fullmatch(r"(\w{2,}([b-df-hj-np-tv-z]))\2e(r|st)", word)
    return bool(m) and zipf_frequency(m[1]) >= REAL_WORD_ZIPF


def _american(word: str) -> list[str]:
    """The American spellings a British one may stand for, one rule at a time ("specialised" → "specialized")."""
    out = []
    for pattern, repl in _BRITISH:
        variant = re.sub(pattern, repl, word)
        if variant != word:
            out.append(variant)
    return out


@lru_cache(maxsize=1)
def _common_english() -> tuple[str, ...]:
    return tuple(w for w in most_common(40_000) if len(w) >= 4 and w.isalpha())


@lru_cache(maxsize=1)
def _all_english() -> tuple[str, ...]:
    return tuple(w for w in most_common(10**6) if len(w) >= 6 and w.isalpha())  # every word of the table


# A word cut short with a dash ("a long word beginning VASC- on my notes"): the start of a word the patient could
# not spell.
_CUT_SHORT = re.compile(r"\b([A-Za-z]{4,})-(?=\s|[.,;:!?)]|$)")


_POSSESSIVE = re.compile(r"\b([a-z]{4,})['’]s\b")


def analyze(text: str, vocabulary: Vocabulary) -> Query:
    """Repair spelling, stem and expand a question."""
    read = _CUT_SHORT.sub(lambda m: vocabulary.complete(m[1].lower()) or m[0], as_read(text))
    raw_words = [part for w in _join_split_words(words(read), vocabulary) for part in (vocabulary.split(w) or (w,))]
    # A name with its "'s" ("Raynaud's", "Sjogren's") is meant as typed unless it is a slip of a corpus word: not
    # "maynard".
    names = set(_POSSESSIVE.findall(read.lower()))
    corrected_words = [raw if raw in names and fixed not in vocabulary.words else fixed
                       for raw, fixed in ((w, vocabulary.correct(w)) for w in raw_words)]
    # A slip mended to no corpus word may be one beside a word it is written with ("mylan sheeth" is not "dylan").
    for i, (raw, fixed) in enumerate(zip(raw_words, list(corrected_words))):
        if (raw not in names and fixed not in vocabulary.words and not vocabulary.knows(raw)
                and zipf_frequency(raw) < REAL_WORD_ZIPF):
            near = vocabulary.beside(raw, corrected_words[i - 1] if i else None,
                                     corrected_words[i + 1] if i + 1 < len(corrected_words) else None)
            if near:
                corrected_words[i] = near
    corrected = " ".join(corrected_words)
    stems = tuple(dict.fromkeys(stem(w) for w in content_words(corrected)))
    expansion = tuple(s for s in lexicon().expand(all_stems(corrected)) if s not in stems)
    return Query(text=text, corrected=corrected, stems=stems, expansion=expansion)


def _join_split_words(ws: list[str], vocabulary: Vocabulary) -> list[str]:
    """Words a patient split apart joined when the corpus has them as one: "mono neuritis", "s l e", and, with a
    piece no dictionary knows, a slip of one ("anti phosphor lipid", "new ropathy")."""
    out: list[str] = []
    i = 0
    while i < len(ws):
        for n in (3, 2):
            joined = vocabulary.join(tuple(ws[i : i + n])) if i + n <= len(ws) else None
            if joined:
                out.append(joined)
                i += n
                break
        else:
            out.append(ws[i])
            i += 1
    return out


def _joined(pieces: list[str], vocabulary: Vocabulary) -> str | None:
    if not all(p.isalpha() for p in pieces):
        return None
    whole = "".join(pieces)
    if whole in vocabulary.words:
        return whole
    if len(whole) < 8 or not any(zipf_frequency(p) < REAL_WORD_ZIPF and not vocabulary.knows(p) for p in pieces):
        return None
    if vocabulary.knows(whole):
        return whole  # a lay word the lexicon translates, split as heard ("predni sone")
    # Only towards a corpus word of about its length: a joined pair is never a slip of some everyday word, and
    # "gaba pentin side" is not "gabapentin".
    match = vocabulary.corpus_match(whole)
    return match if match and abs(len(match) - len(whole)) <= 2 else None


def _remember(cache: dict, key, compute):
    """``compute(key)``, kept in ``cache``: typed words are open-ended, so the memory is bounded."""
    if key not in cache:
        if len(cache) > 50_000:
            cache.clear()
        cache[key] = compute(key)
    return cache[key]
