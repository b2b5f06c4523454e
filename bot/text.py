"""Text normalisation, tokens, stems, lay-term expansion and spelling repair.

Shared by BM25 indexing, query analysis and the answerability check so all three see the same words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "′": "'", "–": "-", "—": "-"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

# Function words and question scaffolding that never decide what a question is about.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before being
    below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
    each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
    herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most
    mine mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she
    she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
    there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
    we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's
    with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
    tell please know want wondering wonder explain mean means really just actually kind sort lot lots thing things
    get got getting go goes going make makes made say says said anyone anybody someone something way ways
    im ive dont doesnt cant isnt whats theyre youre thats wont didnt wasnt arent shouldnt wouldnt couldnt hasnt
    havent id ill hes shes theres heres whos esp etc pls plz u ur hi hey hello thanks thank ok okay yes yeah well may might will shall must
    appt appts
    need needs also much many even still ever always often usually sometimes normally probably""".split()
)


def normalize(text: str) -> str:
    """Lowercase, NFKC, straight quotes and hyphens: the form every comparison uses."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()


# Chat spellings too short for the spelling repair ("wat dat mean", "how dr kno its lupus"), and none an English word
# in a health question, written out; also a few regional words.
_CHAT = {
    "wat": "what", "wot": "what", "wut": "what", "wht": "what", "dat": "that", "kno": "know", "knw": "know",
    "shud": "should", "shld": "should", "cud": "could", "wud": "would", "wld": "would", "u": "you", "ur": "your",
    "r": "are", "y": "why", "tho": "though", "thru": "through", "tmrw": "tomorrow", "tmr": "tomorrow",
    "wich": "which", "wch": "which", "smth": "something", "sth": "something", "dr": "doctor", "drs": "doctors",
    "bc": "because", "cuz": "because", "coz": "because", "pls": "please", "plz": "please", "thx": "thanks",
    "ppl": "people", "abt": "about", "rly": "really", "b4": "before", "w": "with", "wen": "when", "hw": "how",
    "hav": "have", "n": "and", "nd": "and", "lil": "little", "idk": "i don't know", "rn": "right now",
    "summat": "something", "bloods": "blood tests", "sed": "said", "sez": "says", "alot": "a lot", "wats": "what's",
    "reely": "really", "realy": "really", "relly": "really", "probly": "probably", "prolly": "probably", "probs": "probably",
    "prbly": "probably", "dx'd": "diagnosed", "dxd": "diagnosed", "dx": "diagnosis",
    "1st": "first", "2nd": "second", "3rd": "third", "appt": "appointment", "appts": "appointments",
    "thot": "thought", "gos": "goes", "dosent": "doesn't", "dosnt": "doesn't", "dosen't": "doesn't", "dosn't": "doesn't",
    # …and regional words the table lacks or would take for another ("necking" is not "pecking")
    "whereabouts": "where", "righto": "ok", "necking": "taking",
}
_CHAT_WORD = re.compile(r"(?<![\w'])(" + "|".join(sorted(map(re.escape, _CHAT), key=len, reverse=True)) + r")(?![\w'])", re.I)


# Real words typed for others that sound the same, fixed only where the words around them leave no doubt: "how dose
# that hurt" (a dose is never followed by its subject), "how do they no if" (a refusal is not followed by "if"),
# "were on the body" (a question opening on "were" goes on with a place, not a subject).
_DOSE = re.compile(r"\b(\w+\s+)?dose(?=\s+(?:it|that|this|these|those|lupus|sle|he|she|they|my|your|his|her|their|our"
                   r"|anyone|someone|everyone|having|not|anything|nerve|nerves|small|neuropathy)\b)", re.I)
_WH_DOSE = re.compile(r"\b(how|why|when|where|what|who|which)\s+dose(?=\s+(?:a|an|the)\b)", re.I)
_DOSE_NOUN = frozenset("the a an my his her their our your this that high low same full daily usual right each extra one "
                       "big next last higher lower starting first".split())
_NO = re.compile(r"\b(?:do|does|dose|did|would|will|can|could|to|even|really)\s+(?:(?:a|the|my|your|his|her)\s+)?"
                 r"(?:(?:they|you|i|we|doctors?|docters?|docs|he|she)\s+)?"
                 r"(no)(?=\s+(?:if|whether|what|why|how|which|where|when|its|it's)\b)", re.I)
_WERE = re.compile(r"(?:^|(?<=[.!?]\s))were(?=\s+(?:on|in|abouts|about|does|do|is|would|can|should)\b)", re.I)


# "small fibre neurology", "poly neurology": the specialty named for the disease, after words only the disease takes.
_NEUROLOGY = re.compile(r"\b(poly|small[- ]fib(?:re|er)s?|peripheral|autonomic|sensory|motor|sensori-?motor|diabetic)(\s*)neurology\b",
                        re.I)


# "PT" is physical therapy where it is gone to, tried or done ("would going to pt help"), not a patient.
_PT = re.compile(r"\b(?P<before>to|try|trying|tried|doing|do|does|did|start|started|starting|about|of|with|in|at|some|more"
                 r"|from|and|or)\s+pt\b(?!\s+(?:is|was|has|had|said|says|with|who)\b)"
                 r"|\bpt(?=\s+(?:help|helps|helped|work|works|exercises?|sessions?|appointments?|actually|really)\b)", re.I)


# "side affects" are side effects.
_SIDE_AFFECTS = re.compile(r"\b(side)([- ])affect(s)?\b", re.I)


# "5 diff meds" (different), not "the diff between them" (difference).
_DIFF = re.compile(r"\bdiff(?=\s+(?!between\b)[a-z]+s\b)", re.I)


def _sound_alikes(text: str) -> str:
    text = _DIFF.sub("different", _NEUROLOGY.sub(r"\1\2neuropathy", text))
    text = _SIDE_AFFECTS.sub(lambda m: m[1] + m[2] + "effect" + (m[3] or ""), text)
    text = _PT.sub(lambda m: (m["before"] + " " if m["before"] else "") + "physical therapy", text)
    text = _DOSE.sub(lambda m: m[0] if (m[1] or "").strip().lower() in _DOSE_NOUN else (m[1] or "") + "does", text)
    text = _WH_DOSE.sub(lambda m: m[1] + " does", text)
    text = _NO.sub(lambda m: m[0][: m.start(1) - m.start(0)] + "know", text)
    return _WERE.sub("where", text)


# Set phrases that ask nothing ("…by the way", "to be honest"), whose words would otherwise be taken as the subject.
# ("in the first place" stays: the lexicon reads it as asking for the underlying cause.)
_ASKS_NOTHING = re.compile(r",?\s*\b(?:in (?:plain|normal|simple|everyday|basic|regular|layman'?s?|lay) "
                           r"(?:english|terms|words|language)|at the end of the day|for what it'?s worth|if (?:it|that) makes sense"
                           r"|if you don'?t mind me asking|by the way|to be honest(?: with you)?|in a nutshell"
                           # "give me the short version of how it is treated"
                           r"|(?:give me |just )?(?:the |a )?(?:short|quick|brief|simple|basic|simplified|condensed|plain) (?:version|answer"
                           r"|summary|explanation|rundown|run-down|overview|gist)(?: of| on| about)?)\b,?", re.I)


# An acronym's plural ("MRIs", "EMGs"), lowercased, reads as a word of its own ("mris" mended to "iris").
_ACRONYM_PLURAL = re.compile(r"\b([A-Z]{2,5})'?s\b")


def expand_chat(text: str) -> str:
    """``text`` with chat spellings ("wat", "u", "dr") written out as the words they stand for, sound-alike slips
    ("how dose that hurt") as the words meant, acronyms in the singular, and set phrases that ask nothing taken out."""
    text = _ACRONYM_PLURAL.sub(r"\1", text)
    return _ASKS_NOTHING.sub(" ", _sound_alikes(_CHAT_WORD.sub(lambda m: _CHAT[m.group(1).lower()], text)))


def fold(text: str) -> str:
    """Whitespace- and quote-insensitive form for verbatim checks."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).split())


def words(text: str) -> list[str]:
    """Word tokens of the normalised text, accents and possessive endings dropped ("qué" is "que", not "qu")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", normalize(text)) if not unicodedata.combining(c))
    out = []
    for w in _WORD.findall(plain):
        if w.endswith("'s"):
            w = w[:-2]
        out.append(w)
    return out


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer: the Snowball English stemmer in C, also what bm25s uses

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def content_words(text: str) -> list[str]:
    """Words that carry meaning: no stopwords, no one-letter tokens."""
    return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]


def index_tokens(text: str) -> list[str]:
    """Stems indexed by BM25 for a corpus passage."""
    return [stem(w) for w in content_words(text)]


Phrase = tuple[str, ...]  # stems of a clinical phrase; present only when all of them are
GAP_REACH = 8  # words a gapped lay pair ("test … shocks") may span


@dataclass(frozen=True)
class Lexicon:
    """Lay phrase (as a tuple of stems) → clinical phrases it should also match."""

    entries: dict[Phrase, tuple[Phrase, ...]]
    longest: int
    # "test … shocks": two lay words a few words apart ("the test where they zap you with little shocks")
    gapped: dict[tuple[str, str], tuple[Phrase, ...]] = field(default_factory=dict)
    # "medication" → "antidepressants", …: kinds a sentence may name instead of the general word (one-word keys)
    kinds: dict[Phrase, tuple[Phrase, ...]] = field(default_factory=dict)

    def matches(self, stems: list[str], kinds: bool = True) -> dict[int, set[Phrase]]:
        """For each word position, the clinical phrases of every lay phrase covering it (and the kinds of a
        general word, unless ``kinds`` is false)."""
        out: dict[int, set[Phrase]] = {}
        for n in range(self.longest, 0, -1):
            for i in range(len(stems) - n + 1):
                for phrase in self.entries.get(tuple(stems[i : i + n]), ()):
                    for j in range(i, i + n):
                        out.setdefault(j, set()).add(phrase)
        for i, st in enumerate(stems if kinds else ()):
            if (st,) in self.kinds:
                out.setdefault(i, set()).update(self.kinds[(st,)])
        for i, first in enumerate(stems):
            for j in range(i + 1, min(len(stems), i + 1 + GAP_REACH)):
                for phrase in self.gapped.get((first, stems[j]), ()):
                    out.setdefault(i, set()).add(phrase)
                    out.setdefault(j, set()).add(phrase)
        return out

    def expand(self, stems: list[str]) -> list[str]:
        """Stems of every clinical phrase matched in ``stems``, for lexical search."""
        extra: list[str] = []
        for phrases in self.matches(stems, kinds=False).values():
            for phrase in sorted(phrases):
                extra.extend(s for s in phrase if s not in extra)
        return extra


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lay-term table, with the kinds of general words."""
    entries, gapped = _table("lay_terms.tsv")
    kinds, _ = _table("kinds.tsv")
    return Lexicon(entries, max(len(k) for k in entries), gapped, kinds)


@lru_cache(maxsize=1)
def medicine_names() -> tuple[str, ...]:
    """Names of medicines patients compare, lowercased (``lexicon/medicines.tsv``)."""
    raw = resources.files("bot").joinpath("lexicon/medicines.tsv").read_text(encoding="utf-8")
    return tuple(line.strip().lower() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


def _table(name: str) -> tuple[dict[Phrase, tuple[Phrase, ...]], dict[tuple[str, str], tuple[Phrase, ...]]]:
    """A lexicon table: lay phrases separated by ",", a tab, clinical phrases separated by ";" ("a … b" for a gapped
    pair)."""
    raw = resources.files("bot").joinpath(f"lexicon/{name}").read_text(encoding="utf-8")
    entries: dict[Phrase, tuple[Phrase, ...]] = {}
    gapped: dict[tuple[str, str], tuple[Phrase, ...]] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lays, _, clinical = line.partition("\t")
        phrases = tuple(p for p in (tuple(stem(w) for w in words(c)) for c in clinical.split(";")) if p)
        for lay in lays.split(","):
            _add(lay, phrases, entries, gapped)
    return entries, gapped


def _add(lay: str, phrases: tuple[Phrase, ...], entries: dict[Phrase, tuple[Phrase, ...]],
         gapped: dict[tuple[str, str], tuple[Phrase, ...]]) -> None:
    """One lay phrase's clinical phrases into the table (``gapped`` for an "a … b" pair)."""
    if "…" in lay:
        # "put on … skin" pairs its outer words: the ones that say what is meant ("on" is in every sentence)
        before, _, after = lay.partition("…")
        first, last = [stem(w) for w in words(before)][:1], [stem(w) for w in words(after)][-1:]
        if first and last and phrases:
            pair = (first[0], last[0])
            gapped[pair] = tuple(dict.fromkeys(gapped.get(pair, ()) + phrases))
        return
    key = tuple(stem(w) for w in words(lay))
    if key and phrases:
        entries[key] = tuple(dict.fromkeys(entries.get(key, ()) + phrases))


def all_stems(text: str) -> list[str]:
    """Stems of every word, stopwords included: lay phrases like "pins and needles" need them."""
    return [stem(w) for w in words(text)]
