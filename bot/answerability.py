"""Does a sentence answer the question? Decided from the question's key terms, not from similarity.

Each content word of the question is a key term, weighted by how specific it is in everyday English
(wordfreq's Zipf scale: "kidney" matters more than "really"). A sentence covers a term when its own
words or its section headings contain the term's stem, a lay-term synonym of it, or a near spelling;
the article title covers only its own words (every sentence of "Does Lupus Cause Nerve Pain?" is about
lupus, but not every one is about pain). A sentence answers when it covers most of the weight and no
*blocking* term is missing: a subject word the corpus never uses ("failure" in "Does lupus cause kidney
failure?"), a very specific word, or a two-word concept the corpus names ("side effects").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from rapidfuzz import fuzz, process

from .text import STOPWORDS, all_stems, content_words, lexicon, medicine_names, normalize, stem, words
from .word_frequency import zipf_frequency

# People a patient mentions ("my mum…"), also typed as a possessive without its apostrophe ("mums appointment").
_PEOPLE = frozenset("""mom dad mother father husband wife daughter son sister brother friend mum mummy grandma grandmother
    grandpa grandfather aunt uncle partner boyfriend girlfriend granddaughter grandson niece nephew cousin stepdaughter
    stepson stepmom stepdad stepmother stepfather hubby mam nan gran doctor neurologist rheumatologist specialist gp
    nurse physician consultant rheumy neuro pharmacist pharmacists boss employer manager supervisor colleague coworker
    teacher""".split())
_FEELINGS = frozenset("""anxious nervous scared terrified frightened worried worrying panic panicking panicky nightmares upset
    overwhelmed desperate frustrated annoyed helpless hopeless miserable""".split())
_FED_UP = frozenset("sick tired fed".split())
_SINCE = frozenset("diagnosis diagnosed dx".split())
# A child named as someone's own ("my kid", "our toddler") is the patient; "can kids get it?" asks about children.
_YOUNG = frozenset("kid kids child children toddler toddlers baby teen teenager teenagers".split())
_POSSESSIVE = frozenset("my our his her their your".split())
_AGE_WORDS = frozenset("teenage teen teenaged adult grown elderly older old young younger little baby infant".split())
# …unless asked whether the children will get it too ("will my kids get it?", "is it passed down to my daughter's kids?").
_INHERIT = frozenset("pass passed passing passes inherit inherited genetic hereditary".split())
# Words about the conversation rather than its subject ("my rheumatologist mentioned…").
SCAFFOLDING = frozenset(
    """dr doctors doc clinician appointment visit visits mentioned mention mentions told tell said say says asked ask
    forgot forget heard hear read reading saw seen wondering curious explain explained understand understanding mean
    means meaning meant called call name named names exactly even basically literally honestly supposed question
    questions answer article articles info information anything everything something stuff bit little lately recently
    today yesterday week weeks month months year years ago time times day days people person guy someone friends
    family also like likely possible possibly thing things ok okay everyone everybody talks talking chart plain
    english word words rheum hello hi hey good morning afternoon evening kindly please sorry thanks thank keep keeps
    kept came come comes positive negative result results dear sir madam booked booking scheduled wear wearing wore
    wat wut wot u ur pls plz thx tho cuz coz bc abt idk pt pts rn ngl lowkey highkey smth sth imo imho fr rly prob def
    letter letters ones others else tend tends tended typically general generally mostly vs versus yr yrs hr hrs mins wk wks
    expect expecting expected order ordering ordered ordinarily normally usually next monday tuesday wednesday
    thursday friday saturday sunday weekend tomorrow let lets totally clearly absolutely completely definitely
    seriously obviously crazy though already straightforward terms layman laymans complain complains complaining
    complained meantime meanwhile actual wise whether seems seem seemed send sent sending paperwork leaflet leaflets
    website websites online internet google googled forum forums one instead hospital clinic ward write writes writing
    wrote written notes gets nothing translate translated translation simpler simply wth wtf omg smh tbh lol lmao ffs
    ppl bunch heaps tons anywhere everywhere somewhere straight onto away appointments drugstore pharmacy pharmacies
    chemist granddaughters grandsons grandchild grandchildren grandkids want wants wanted wanting sticking overkill
    excessive drastic genuinely truly bother bothering surely earth heck rheumatology neurology eventually since
    pray kindly grateful obliged confess appreciate capable learn remind discharge happen happens happened happening worried worry worrying scared frightened terrified farmacia pharmacie papers que qué es eso esto nana granny gonna
    wanna gotta gunna kinda sorta thinks reckon reckons referral referrals referred tf waste problem problems exist
    exists metaphor metaphors analogy analogies weird anymore trouble troubles troubled troubling hope hopes hoped hoping simple rather true truth
    calls calling along matters concerned concern concerns suppose supposing clue report reports legit advice portal portals sound sounds sounding
    behind rationale reasoning whose hell freaking frickin friggin flipping bloody damn dang effing supposed list
    section sections paragraph paragraphs printout handout intro introduction heading subheading page pages latin particular
    trying idea overrated nonsense rubbish fluff bogus hype mouthful jargon gibberish huh hmm hm um umm uh eh ah ahh ooh""".split()
) | _PEOPLE

# "…they don't actually die off, right?": a closing tag asking for agreement names nothing (the text may come
# without its punctuation), unlike "my right" or "left or right".
_TAGS = frozenset("right correct".split())
_REQUEST = frozenset("give show walk talk run fill".split())
_NOT_TAG_AFTER = frozenset("the my her his your their our or and".split())

_NUMBER = re.compile(r"\d+(?:am|pm|ish|th|st|nd|rd|s)?")

MAX_WEIGHT = 4.0
MIN_WEIGHT = 0.3
# A term at least this specific (Zipf ≤ 5.2: "failure", "kidney", "hair") may name a subject.
SUBJECT_WEIGHT = 1.3
# Everyday words ("heart", "food", "water": Zipf ≤ 5.7) may name a subject too, on stronger evidence.
COMMON_SUBJECT_WEIGHT = 0.8
# Rare words (Zipf ≤ 4.0: "gluten", "rituximab") name a subject on weaker evidence.
RARE_WEIGHT = 2.5
# Share of the question's weighted key terms a sentence must cover. Unanswerable questions are caught by
# their blockers (below), so this can be lenient with chatty questions: over all eight eval sets, 0.45
# against 0.5 answered more (answer hit 0.816 → 0.824, false abstention 0.041 → 0.034) at the same
# abstention recall (0.919); 0.40 began to answer unanswerable ones.
MIN_COVERAGE = 0.45
ASKED_COVERAGE = 0.6
# A key term the corpus never uses blocks an answer when it looks like the question's subject. Its subject
# score is its cosine to a few health anchors plus CENTRALITY_SHARE × its cosine to the whole question
# (MiniLM vectors for both). The first tells health words ("kidney" 0.56, "coffee" 0.35) from chatter
# ("switches" 0.12); it is weak on its own ("wearing" 0.32, "pregnancy" 0.24). The second tells the word
# the question is about ("coffee" in "is coffee bad for my nerves" 0.66) from an aside ("why on earth…"
# 0.04). The score must reach HEALTH_SIMILARITY, or STRONG_HEALTH_SIMILARITY for an everyday word, or
# RARE_SUBJECT_SCORE for a rare one. With the question term, on eval/dev, dev2, holdout, holdout2, holdout3
# and holdout4 (mean of the six), answer hit went 0.812 → 0.846, false abstention 0.057 → 0.031 and
# abstention recall 0.901 → 0.920 (with this session's lexicon and spelling changes); eval/holdout5 was kept
# out of the choice to measure it. HEALTH_SIMILARITY 0.48 answered a little more but also "Does lupus cause
# kidney failure?" ("failure" scores 0.33 + 0.5 × 0.24).
CENTRALITY_SHARE = 0.5
# Centrality is weak too: "failure" in "can lupus lead to kidney failure" scores 0.21, "earth" in "why on
# earth does my nerve pain burn" 0.18. So a word right after an organ ("kidney" 0.56, "liver", "brain",
# "blood", "muscle": cosine to "body organ" ≥ 0.43; not "lupus" 0.28 or "medicine" 0.36, whose next word is
# often a verb) blocks on its own health similarity alone (≥ 0.30: "failure" 0.33, "problems" 0.34, not
# "options" 0.26): the pair names a condition of that organ, and the corpus never names this one.
COMPOUND_HEAD_ORGAN = 0.43
COMPOUND_TAIL_HEALTH = 0.30
HEALTH_SIMILARITY = 0.44
STRONG_HEALTH_SIMILARITY = 0.56
RARE_SUBJECT_SCORE = 0.36
# Cosine of a question word to a word of the sentence above which the sentence rewords it ("die" and
# "death" 0.76, "weaker" and "strength" 0.66) rather than leaving it out ("failure" and "damage" 0.41,
# "hair" and "skin" 0.59). MiniLM word vectors, as for HEALTH_SIMILARITY.
SYNONYM_SIMILARITY = 0.65
_FUZZY = 88  # rapidfuzz ratio for "near spelling"
# Who a question is about. An article that never mentions pregnancy does not answer for a pregnant patient,
# and general facts quoted to her could mislead; MiniLM's health similarity misses
# these words ("pregnancy" 0.24), so they block by name when the corpus does not use them.
POPULATION_STEMS = frozenset(stem(w) for w in """pregnant pregnancy pregnancies trimester breastfeeding breastfeed
    conceive conceiving fertility ivf""".split())


# …and subjects patients ask about that MiniLM scores as everyday words ("shorten" 0.21, "diet" 0.33): how long a life
# is, what to eat, men against women, children, the law and insurers. An article that never names them does not answer "is lupus going to
# shorten her life?" or "can kids get it?"; told in a story ("34, male, just diagnosed…", "work, kids, money") they
# veto nothing, unlike a pregnancy, which changes what any answer may say.
ASKED_SUBJECT_STEMS = frozenset(stem(w) for w in """shorten shortens shortened lifespan expectancy prognosis outlook
    mortality survival curable incurable diet diets dietary nutrition nutritional vitamin vitamins supplement
    supplements gluten dairy men women male males female females gender bloke blokes lads fellas child children kid
    kids baby babies infant infants toddler toddlers newborn pediatric paediatric adolescent adolescents teenager
    teenagers legally legal lawyer lawyers employment insurance insurer insurers lawsuit""".split())


@dataclass(frozen=True)
class Term:
    word: str
    stem: str
    weight: float
    alternatives: frozenset[tuple[str, ...]]  # clinical phrases that also cover it (lay-term synonyms)
    position: int  # index among the question's words, for two-word concepts
    centrality: float = 0.0  # cosine of the word to the whole question (0 when not measured)
    story: bool = False  # only in the message's statements around its question ("clauses.story_words")
    either: str = ""  # stem of the other side of an "X or Y" choice ("feeling or moving nerves")


# Terms the article title names are its topic: true of every sentence, so they count for little.
TOPIC_DISCOUNT = 0.25


@dataclass(frozen=True)
class Coverage:
    covered: tuple[Term, ...]
    missing: tuple[Term, ...]
    blockers: tuple[Term, ...]
    topic: tuple[Term, ...] = ()  # covered only through the article title

    @property
    def fraction(self) -> float:
        got = sum(t.weight for t in self.covered) + TOPIC_DISCOUNT * sum(t.weight for t in self.topic)
        total = got + sum(t.weight for t in self.missing)
        return 1.0 if total == 0 else got / total

    @property
    def asked_fraction(self) -> float:
        """The share of the question's own words (not its story) covered, and 0 when it names no subject of its own."""
        asked = [t for t in self.covered if not t.story]
        if not any(t.weight >= SUBJECT_WEIGHT for t in asked):
            return 0.0
        got = sum(t.weight for t in asked)
        return got / (got + sum(t.weight for t in self.missing if not t.story))

    @property
    def answers(self) -> bool:
        # A long story around a question ("From an engineering standpoint, the body seems to have separate circuits…")
        # can outweigh the question it tells: covering most of the question's own words answers it too.
        # …but one word asked about a story the sentence shares nothing with is not enough: "my phone battery dies so
        # fast rn, any fix" asks about the phone, whatever "fix" matches.
        # A follow-up's carried topic (told turns before, position < 0) is not such a story: "and the amitriptyline one,
        # how does that work?" after gabapentin asks about amitriptyline alone.
        # …while a rare word of the question itself, covered, is what it asks ("Can lupus leave you paralysed? I'm
        # terrified, my foot already slaps down…").
        story_met = (any(t.story for t in self.covered) or not any(t.story and t.position >= 0 for t in self.missing)
                     or sum(not t.story for t in self.covered) >= 2
                     or any(not t.story and t.weight >= RARE_WEIGHT for t in self.covered))
        return (bool(self.covered or self.topic) and not self.blockers
                and (self.fraction >= MIN_COVERAGE or (self.asked_fraction >= ASKED_COVERAGE and story_met)))


@lru_cache(maxsize=20_000)
def specificity(word: str) -> float:
    """How much a word says about the subject: 6.5 minus its Zipf frequency, clipped."""
    return max(MIN_WEIGHT, min(MAX_WEIGHT, 6.5 - zipf_frequency(word)))


# What a word of the story around a question ("…climbing stairs is hard now. how can they tell…") weighs
# against a word of the question itself.
STORY_SHARE = 0.5
_GENERIC_HEADS = frozenset("condition conditions illness disease problem problems thing things issue issues".split())


def key_terms(text: str, story: frozenset[str] = frozenset()) -> list[Term]:
    """The question's subject words with weights and synonym stems; ``story`` words weigh less."""
    toks = words(text)
    alternatives = lexicon().matches(all_stems(text))
    content = set(content_words(text))
    terms: dict[str, Term] = {}
    for i, w in enumerate(toks):
        # "my wifes pain", "mums appointment": a possessive typed without its apostrophe is the person still.
        if w not in content or w in SCAFFOLDING or (w[-1:] == "s" and w[:-1] in _PEOPLE) or _NUMBER.fullmatch(w):
            continue  # "4am", "2nd", "20s": a time, an order or an age names nothing
        if w in story and (w in _FEELINGS or w in _FED_UP and toks[i + 1 : i + 2] == ["of"]):
            continue  # "I'm so anxious I keep having nightmares", "sick of medicine": how they feel, told, names no subject
        if w in _SINCE and "since" in toks[max(0, i - 3) : i]:
            continue  # "awful since my lupus diagnosis": a time, like "2 months ago"
        if (w in _YOUNG and i and toks[i - 1] in _POSSESSIVE and not _INHERIT.intersection(toks[max(0, i - 4) : i])
                and toks[i + 1 : i + 2] not in (["get"], ["gets"], ["getting"], ["inherit"], ["catch"], ["develop"])):
            continue  # "my kid's hand", "our toddler": who the patient is, like "my son", not children asked about
        if (w in _AGE_WORDS and i and toks[i - 1] in _POSSESSIVE
                and (toks[i + 1 : i + 2] and toks[i + 1] in _PEOPLE | _YOUNG
                     or toks[i + 2 : i + 3] and toks[i + 2] in _PEOPLE)):
            continue  # "my teenage daughter", "my elderly mum": which one of them, not a population asked about
        if w in _TAGS and i == len(toks) - 1 and i and toks[i - 1] not in _NOT_TAG_AFTER:
            continue
        if "'" in w and w.split("'")[0] in STOPWORDS:
            continue  # "what'll", "they'd": a small word with its verb
        if toks[i + 1 : i + 2] in (["question"], ["questions"], ["q"]):
            continue  # "diff question", "quick question", "silly question": about the asking
        if w in _REQUEST and toks[i + 1 : i + 2] in (["me"], ["us"]):
            continue  # "give me the names of the others": a request, unlike "can lupus give you nerve pain?"
        if w in _GENERIC_HEADS and i and toks[i - 1] in ("that", "this", "those", "these"):
            continue  # "what does that condition do?": a pointer back at what was named, like "it"
        s = stem(_base_form(w))
        # A stem told in the story and asked in the question ("type 2 diabetic… couldn't the diabetes be…") is asked.
        if s not in terms or (terms[s].story and w not in story):
            weight = (MIN_WEIGHT if _manner(w) else specificity(w)) * (STORY_SHARE if w in story else 1.0)
            terms[s] = Term(w, s, weight, frozenset(alternatives.get(i, set())), i, story=w in story)
    return _pair_choices(list(terms.values()), toks)


def story_as_subject(terms: list[Term], off_title: Callable[[list[Term]], list[Term]],
                     points_back: bool = True, knows: Callable[[Term], bool] = lambda t: False) -> list[Term]:
    """``terms`` with the story's words made full subjects again when the question names none of its own but
    points back at the story ("my hair keeps falling out, could that be the lupus?" asks about the hair), or is all
    story; ``off_title`` drops article-title words; ``points_back``: the question points at its story ("that");
    ``knows``: the corpus uses the word."""
    off = off_title(terms)
    # A question naming a subject of its own is about that: a specific word, or a lay phrase the lexicon translates,
    # however common its words ("…can lupus do that to just one area?").
    asked = [t for t in off if not t.story and (t.weight >= SUBJECT_WEIGHT or t.alternatives)]
    # Else a question pointing back at the story is about it ("…could that be the lupus?", "ibuprofen does nothing for
    # my feet. is that normal or am i taking it wrong"), and so is one asking nothing of its own ("…something about
    # the blood vessels. Can you tell me what that is, in simple terms?"), pointing back or not.
    told_only = all(t.story for t in terms)
    if asked or not any(t.story for t in terms) or not told_only and not points_back:
        return terms
    # "…start my wife on cyclophosphamide… I thought that was a chemo drug. Why would it be used for her nerves?"
    # is about the treatment the corpus names; the word it does not ("chemo") is a remark beside it.
    named = [t for t in off if t.story and t.weight >= SUBJECT_WEIGHT and knows(t)]
    if named:
        return [replace(t, story=False, weight=t.weight / STORY_SHARE) if t in named else t for t in terms]
    return [replace(t, story=False, weight=t.weight / STORY_SHARE) if t.story else t for t in terms]


_CHOICE = frozenset({"or", "vs", "versus"})
_UNNAMED = frozenset("different else other another similar".split())
_CHOICE_REACH = 5  # words between a choice word and the terms it joins


def _pair_choices(terms: list[Term], toks: list[str]) -> list[Term]:
    """Mark the two sides of each "X or Y" choice: a sentence answering for one side answers the choice
    ("are the nerves for feeling or the ones for moving hit more?" is answered by "Sensory nerves are…")."""
    out = {t.position: t for t in terms}
    for i, w in enumerate(toks):
        if w not in _CHOICE:
            continue
        left = max((t for t in terms if i - _CHOICE_REACH <= t.position < i), key=lambda t: t.position, default=None)
        right = min((t for t in terms if i < t.position <= i + _CHOICE_REACH), key=lambda t: t.position, default=None)
        # "…a steroid or something different?" weighs the steroid against nothing named: no choice to answer half of.
        if left and right and not {left.word, right.word} & _UNNAMED:
            out[left.position] = replace(out[left.position], either=right.stem)
            out[right.position] = replace(out[right.position], either=left.stem)
    return list(out.values())


@lru_cache(maxsize=20_000)
def _manner(word: str) -> bool:
    """Is ``word`` an adverb made from a common word ("easily", "properly")? It says how, not what: "why is this kind
    so easily missed?" asks about missing it."""
    return (len(word) >= 6 and word.endswith("ly")
            and max(zipf_frequency(word[:-2]), zipf_frequency(word[:-3] + "y")) >= 3.5)


@lru_cache(maxsize=20_000)
def _base_form(word: str) -> str:
    """"weaker" → "weak", "evenly" → "even": the stemmer keeps comparatives and -ly adverbs whole."""
    for suffix in ("est", "er", "ly"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3:
            if len(base) > 3 and base[-1] == base[-2]:
                base = base[:-1]  # "bigger" → "big"
            if zipf_frequency(base) >= max(3.0, zipf_frequency(word)):
                return base
    return word


def topical_count(text: str, keep: Callable[[list[Term]], list[Term]] = lambda terms: terms) -> int:
    """How many of a message's key terms (those ``keep`` keeps) name a subject."""
    return sum(1 for t in keep(key_terms(text)) if t.weight >= SUBJECT_WEIGHT)


@dataclass(frozen=True)
class CorpusTerms:
    """What the corpus knows, for telling a missing subject from missing chatter."""

    stems: frozenset[str]
    bigrams: frozenset[tuple[str, str]]  # adjacent content stems: the corpus's two-word concepts
    health_similarity: Callable[[str], float]
    organ_similarity: Callable[[str], float]  # cosine to "body organ" alone
    # Every stem, small words too: a lay word's clinical phrase ("over-the-counter pain relievers" for "ibuprofen")
    # is known when all its words are there.
    phrase_stems: frozenset[str]

    def knows(self, term: Term) -> bool:
        return term.stem in self.stems or _any_phrase(term, self.phrase_stems) or _near(term.stem, self.stems)


def corpus_terms(texts: list[str], health_similarity: Callable[[str], float],
                 organ_similarity: Callable[[str], float]) -> CorpusTerms:
    stems: set[str] = set()
    bigrams: set[tuple[str, str]] = set()
    every: set[str] = set()
    for t in texts:
        cs = [stem(w) for w in content_words(t)]
        stems.update(cs)
        bigrams.update(zip(cs, cs[1:]))
        every.update(all_stems(t))
    return CorpusTerms(frozenset(stems), frozenset(bigrams), health_similarity, organ_similarity, frozenset(every))


def cover(terms: list[Term], evidence: frozenset[str], title: frozenset[str], corpus: CorpusTerms,
          around: frozenset[str] = frozenset()) -> Coverage:
    """Which terms a sentence covers (``evidence``: its stems and synonyms' targets; ``title``: article
    title stems, matched exactly), and which missing ones block an answer (``around``: stems of the
    sentences before it in its paragraph, which name what it goes on about)."""
    covered, missing, topic = [], [], []
    for t in terms:
        if t.stem in evidence or _any_phrase(t, evidence) or _near(t.stem, evidence):
            covered.append(t)
        elif t.stem in title:
            topic.append(t)
        else:
            missing.append(t)
    # One side of a choice answered answers the choice: the other side is neither missing nor a blocker.
    answered = {t.stem for t in covered}
    sides = [t for t in missing if t.either in answered]
    covered += sides
    missing = [t for t in missing if t not in sides]
    by_position = {t.position: t for t in terms}
    missing_set = set(missing)
    blockers = []
    for t in missing:
        if (t.stem in POPULATION_STEMS or (t.stem in ASKED_SUBJECT_STEMS and not t.story)) and not corpus.knows(t):
            blockers.append(t)
            continue
        if t.story or t.weight < COMMON_SUBJECT_WEIGHT or corpus.knows(t):
            continue  # the story around a question does not veto an answer to it
        health = corpus.health_similarity(t.word)
        subject = health + CENTRALITY_SHARE * t.centrality
        head = by_position.get(t.position - 1)
        if head and health >= COMPOUND_TAIL_HEALTH and corpus.organ_similarity(head.word) >= COMPOUND_HEAD_ORGAN:
            blockers.append(t)  # "kidney failure": an organ's condition the corpus never names
        elif t.weight < SUBJECT_WEIGHT:
            if subject >= STRONG_HEALTH_SIMILARITY:  # an everyday word that plainly names a body part or the like
                blockers.append(t)
        elif subject >= (RARE_SUBJECT_SCORE if t.weight >= RARE_WEIGHT else HEALTH_SIMILARITY):
            blockers.append(t)
    # A two-word concept the corpus names elsewhere ("side effects") and this sentence lacks entirely, unless
    # its paragraph is about it ("Sensory nerves are particularly vulnerable." closes one on peripheral neuropathy).
    for t in terms:
        nxt = by_position.get(t.position + 1)
        if (nxt and (t.stem, nxt.stem) in corpus.bigrams and t in missing_set and nxt in missing_set
                and not (t.story or nxt.story) and not (t.stem in around and nxt.stem in around)):
            blockers.extend((t, nxt))
    return Coverage(tuple(covered), tuple(missing), tuple(dict.fromkeys(blockers)), tuple(topic))


# A question asking for a number, dose, duration or frequency is answered only by a sentence stating one.
_ASKS_QUANTITY = re.compile(
    r"\b(what|which) (percent(age)?|proportion|fraction|number|dose|dosage)\b|\bwhat ?%|\bhow (many|much|often|likely)\b"
    r"|\b(odds|chances?|statistics?|stats|rate) (of|that)\b|\b(normal|usual|typical|healthy|reference) (numbers?|values?|range|levels?|readings?)\b"
    r"|\b(is|are) (that|it|this|these|those) (number |reading |result |value )?(too |very |really )?(low|high)\b"
    r"|\b(usual|normal|typical|standard|starting|max\w*|recommended|average|safe) ([a-z]{3,}(in|ine|one|am|ol|ide|ate|ab|il|en|ex) )?(dose|dosage|amount)\b|\bhow many (mg|milligrams?)\b"
)
# A share of people ("what percent of patients get it?") is stated as one, not by any number ("two or more separate
# nerve areas").
_ASKS_SHARE = re.compile(r"\b(what|which) (percent(age)?|proportion|fraction)\b|\bwhat ?%|\b(odds|chances?|rate) (of|that)\b"
                         r"|\bhow many (people|patients|of us|sufferers|women|men|kids|children|lupus (patients|sufferers))\b")
_STATES_SHARE = re.compile(r"\d|%|\b(percent|half|third|quarter|majority|minority|one in)\b")
# "one" is left out: as a determiner ("One primary mechanism…") it states no quantity.
_STATES_QUANTITY = re.compile(
    r"\d|%|\b(percent|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|half|third|quarter"
    r"|once|twice|daily|weekly|monthly|yearly)\b"
)


# Whether damage or a symptom recovers ("will the feeling ever come back?", "is it permanent?") is answered only by a
# sentence saying so; "will she be on those forever?" asks about a treatment, and a result may "come back normal".
_ASKS_RECOVERY = re.compile(
    r"\b(ever|eventually|completely|fully|properly) (go away|come back|get better|heal|recover|return|clear up|disappear)\b"
    r"(?! (completely |totally )?(normal|negative|clear|fine))"
    r"|\b(go away|clear up|disappear|heal|recover) (for good|completely|fully|properly|permanently|forever|forevr)\b"
    r"|\b(go|get|come|be) back to normal\b|\b(is|be|it'?s|stay|that) (it |this |the damage |the numbness |this damage )?"
    r"(permanent|reversible|irreversible)\b|\bgrow back\b|\b(regrow|regenerate|repair themselves|heal themselves)\b"
    r"|\bis this it now\b"
    # "does the feeling come back?": what comes back is the feeling, not a result
    r"|\b(feeling|sensation|strength) (in (my|her|his|the) \w+ )?(ever |eventually )?(come|comes|coming) back\b(?! (completely |totally )?(normal|negative|clear|fine))")
# …as is "will it go away once the lupus is treated?" ("will it go away with…?" asks what treats it).
_ASKS_GOING_AWAY = re.compile(r"\b(will|would|does|do|can) (it|this|that|they|the \w+|my \w+|her \w+|his \w+) (\w+ )?(ever )?"
                              r"(go away|clear up|disappear|heal|recover|go back to normal)\b(?! (with|if|on|using|by)\b)")
_RECOVERY_WORDS = (r"permanent\w*|revers\w*|irreversib\w*|recover\w*|heal(s|ed|ing)?|regenerat\w*|regrow\w*|resolv\w*"
                   r"|prognosis|outlook|restor\w*")
_STATES_RECOVERY = re.compile(rf"\b({_RECOVERY_WORDS})\b")


# Whether a test or procedure hurts ("what's an EMG for?" then "does it hurt?") is answered only by a sentence saying
# how it feels to have it, not by one about the pain being tested for.
_ASKS_PROCEDURE_FEEL = re.compile(r"\b(does|will|would|is|do|did) (it|that|this|they|(the|an?|my|his|her) ([\w-]+ ){0,3}[\w-]+) (hurt|sting|painful|uncomfortable)\b"
                                  r"|\b(going to|gonna) (hurt|sting|be painful|be uncomfortable)\b"
                                  r"|\bhow (painful|uncomfortable|sore)\b")
_PROCEDURE = re.compile(r"\b(tests?|testing|biops(y|ies)|emg|ncs|electromyography|nerve conduction|scans?|mri|ct|needles?"
                        r"|procedure|injections?|infusions?|exam|examination)\b")
_STATES_PROCEDURE_FEEL = re.compile(r"\b(uncomfortable|discomfort|painless|sting\w*|hurts?|anaesthe\w*|anesthe\w*|numbing)\b")


# Whether it shortens a life ("will i die sooner cause of lupus") is answered only by a sentence about survival.
_ASKS_LIFESPAN = re.compile(r"\b(die|dying|death) (sooner|earlier|early|young|younger)\b|\blive (as long|shorter|less)\b"
                            r"|\bhow long (will|do|can|would) (i|we|people|patients|she|he|they|you) (live|survive|have left)\b"
                            r"|\bkills? (me|her|him|you|us|people|patients|someone)\b"
                            r"|\blife expectancy\b|\bshorten\w* (\w+ )?(life|lives|lifespan)\b|\bhow many years (\w+ ){0,2}(left|to live)\b")
_STATES_LIFESPAN = re.compile(r"\b(life expectancy|lifespan|survival|mortality|prognosis|fatal|live longer|life-threatening)\b")
# When in the day it is worse ("why is the burning SO much worse at night?") is answered only by a sentence naming a time.
_ASKS_TIME_OF_DAY = re.compile(r"\b(worse|better|bad|flares?|flaring|hurts?|burns?)\b[^.?!]{0,25}\b(at night|in the (evening|morning)"
                               r"|during the (day|night)|at bedtime|nighttime|night time)\b")
_STATES_TIME_OF_DAY = re.compile(r"\b(night|nights|nighttime|evening|morning|bedtime|nocturnal|sleep)\b")
# Which of two treatments does better ("which works better, gabapentin or lyrica?", "is it easier on your body than
# cyclophosphamide?") is answered only by a sentence comparing: one naming both answers nothing of the choice.
_ASKS_BETTER = re.compile(r"\b(which|what)( one| drug| medicine| med| medication| treatment| option| of (the|them|those|these)( two)?)?"
                          r" (works?|is|would (work|be)|does|helps?|do you think (works?|is))( \w+)? (better|best|more effective|stronger|safer"
                          r"|easier|gentler|worse|the most effective)\b|\b(easier|harder|gentler|rougher|safer) on (your|my|the|her|his) body\b"
                          r"|\b(work|works|working) (any )?better than\b|\b(better|safer|stronger|more effective) than (the |my )?("
                          + "|".join(map(re.escape, medicine_names())) + r"|(the )?(other|others|pills?|tablets?|cream|patch))\b")
_STATES_BETTER = re.compile(r"\b(better|best|worse|worst|superior|inferior|preferred|first-line|than|most effective|more effective"
                            r"|less effective|more severe|less severe|more serious|less serious|milder)\b")
# Where to find someone ("is there a lupus nerve doctor near me in ohio") is answered only by a sentence naming a place.
_ASKS_PLACE = re.compile(r"\b(near me|nearby|near here|in my area|close to (me|home)|around here|where can i find|who can i see in"
                         r"|recommend (me )?(a |an |any )?(good |great |decent )?(doctor|rheumatologist|neurologist|specialist|clinic|hospital)"
                         r"|(who|what)('?s| is| are) the (best|top|leading) (\w+ )?(doctors?|rheumatologists?|neurologists?|specialists?"
                         r"|clinics?|hospitals?))\b")
_STATES_PLACE = re.compile(r"\b(clinics?|hospitals?|centers?|centres?|located|address|directory)\b")

# Which kind of doctor to see or who leads ("a neurologist or a rheumatologist?", "do I need a referral?") is answered
# only by a sentence naming a specialty or a referral; "A physician begins with…" names neither.
_DOCTOR_KIND = r"(neurologists?|rheumatologists?|rheumy|rheum|neuro|specialists?|gp|pcp|family doctor|primary care( doctor)?)"
_ASKS_SPECIALIST = re.compile(rf"\b{_DOCTOR_KIND}\b[^.?!]{{0,40}}\bor (is |are )?(a |an |the |my |just |just my |just a |see a )?{_DOCTOR_KIND}\b"
                              r"|\b(which|what) (kind|type|sort) of (doctor|specialist|physician)s?\b|\bwhich (doctor|specialist)s?\b"
                              r"|\bwho (should|do|would|can) (i|we|she|he|they) (see|go to|ask)\b|\bwho (normally |usually |should )?(leads|be in charge|is in charge|manages|treats)\b"
                              r"|\b(need|get|want|ask for) a referral\b")
_STATES_SPECIALIST = re.compile(r"\b(neurologists?|rheumatologists?|neurology|rheumatology|specialists?|referr\w+|refer)\b")

# Whether it comes before the diagnosis or as its first sign ("can nerve pain start before you're even diagnosed?") is
# answered only by a sentence on what comes first; the stocking-and-glove "starts in the feet" says where, not when.
_ASKS_ORDER = re.compile(r"\b(first|earliest|early|initial) (warning )?(signs?|symptoms?|clues?)\b"
                         r"|\bbefore (you'?re|you are|you get|i was|i'?m|i am|being|getting|they (are|were)|she (is|was)|he (is|was)|anyone|lupus is|it'?s|the lupus)"
                         r" (even |actually |officially |properly )?(diagnosed|found|picked up|confirmed)\b|\bbefore (the |a |any )?diagnosis\b")
_STATES_ORDER = re.compile(r"\b(first|earliest|early|initial|presenting) (signs?|symptoms?|manifestations?|features?)\b|\bprecede[sd]?\b"
                           r"|\bpreceding\b|\bbefore (the |a )?(diagnosis|lupus is diagnosed|other symptoms)\b")


# …where saying it lasts answers too ("is lupus for life or can it clear up?" → "…a chronic autoimmune disease").
_STATES_LASTING = re.compile(rf"\b({_RECOVERY_WORDS}|chronic|persist\w*|lifelong)\b")


# Whether it is catching ("is lupus catching? can i get it from looking after my wife") is answered only by a sentence
# saying so, and a blood test asked about ("does nerve damage show up on a blood test?") only by one naming a blood test:
# "blood clotting" and "blood vessels" say nothing of one.
_ASKS_CONTAGIOUS = re.compile(r"\b(catching|contagious|infectious)\b|\b(catch|get) it (from|off) (my |her |his |someone|somebody|a |an )")
_STATES_CONTAGIOUS = re.compile(r"\b(contagio\w*|infectious|transmissible|catch(ing|able)?)\b")
_ASKS_BLOOD_TEST = re.compile(r"\bblood ?(tests?|work|panels?)\b|\bbloods\b")
_STATES_BLOOD_TEST = re.compile(r"\bblood ?(tests?|work|panels?|levels?|samples?)\b|\blab(oratory)? (tests?|work)\b|\bserum\b")


# Whether it is inherited ("is it passed down?", "does it run in families?") is answered only by a sentence saying so.
_ASKS_INHERITED = re.compile(r"\b(passed (down|on)|pass (it )?(down|on)|pass\w* (\w+ ){0,4}(down|on) to\b|hereditary|inherit\w*|genetic\w*|runs? in (the |my |our )?famil\w*)\b"
                             # "my mom has lupus with neuropathy. are my kids and I more likely to get it?"
                             r"|\b(my|our|her|his) (kids|children|sons?|daughters?|grandkids|grandchildren|babies|baby|siblings)\b[^?]{0,30}"
                             r"\b(more likely|at (higher |more |greater )?risk|going to get|get it|get this|develop it|have it too)\b")
_STATES_INHERITED = re.compile(r"\b(inherit\w*|hereditar\w*|genetic\w*|famil(y|ies|ial)|passed (down|on))\b")


# How long or how soon ("…small fiber neuropathy?" then "how long does it last") is answered only by a sentence giving a
# time: "damage to two or more separate nerve areas" gives a number, but no duration.
_ASKS_DURATION = re.compile(r"\bhow (long|soon)\b")
# ("chronic" says it lasts, not for how long: "how long do people with lupus live?" is no question it answers.)
_STATES_DURATION = re.compile(r"\b(\d+|a few|few|several|one|two|three|four|five|six|ten|many)[ -](hours?|days?|weeks?|months?|years?)\b")
# How long a treatment goes on ("how long does the immune treatment go on for?", "how long will she be on them?") is said
# by "long-term" too; how long pain takes to go once treatment starts is not.
_ASKS_TREATMENT_LENGTH = re.compile(
    r"\bhow long (?:(?:do|does|will|would|is|are|must|should) )?(?:(?:the|this|that|her|his|my|these|those) )?(?:[\w-]+ )?"
    r"(?:treatments?|therap(?:y|ies)|medications?|medicines?|meds|drugs?|pills|immunosuppressants?|steroids?)"
    r" (?:go on|goes on|last|lasts|continue|continues|carry on|keep going|run)\b"
    r"|\bhow long (?:do|does|will|would|must|should) (?:i|you|we|she|he|they|people|patients) (?:\w+ )?(?:be|stay|keep|remain) (?:on|taking)\b")
_STATES_TREATMENT_LENGTH = re.compile(_STATES_DURATION.pattern + r"|\b(long|short)[ -]term\b|\blife-?long\b")


def statements_needed(question: str, context: str = "") -> list[re.Pattern]:
    """What a sentence must state to answer ``question`` (``context``: the turns before it) when it asks for
    something particular: a number or dose, a duration, whether something recovers, is inherited or catching, a blood test,
    whether a test or procedure hurts, where to find someone, whether it shortens a life, when in the day it is worse, which kind of doctor to see, whether it comes first, which of two does better."""
    q = normalize(question)
    needed = [(_ASKS_QUANTITY.search(q), _STATES_QUANTITY), (_ASKS_SHARE.search(q), _STATES_SHARE),
              (_ASKS_DURATION.search(q), _STATES_TREATMENT_LENGTH if _ASKS_TREATMENT_LENGTH.search(q) else _STATES_DURATION),
              (_ASKS_RECOVERY.search(q), _STATES_RECOVERY), (_ASKS_GOING_AWAY.search(q), _STATES_LASTING),
              (_ASKS_INHERITED.search(q), _STATES_INHERITED),
              (_ASKS_CONTAGIOUS.search(q), _STATES_CONTAGIOUS), (_ASKS_BLOOD_TEST.search(q), _STATES_BLOOD_TEST),
              (_ASKS_PROCEDURE_FEEL.search(q) and _PROCEDURE.search(normalize(f"{question} {context}")),
               _STATES_PROCEDURE_FEEL), (_ASKS_PLACE.search(q), _STATES_PLACE), (_ASKS_LIFESPAN.search(q), _STATES_LIFESPAN),
              (_ASKS_TIME_OF_DAY.search(q), _STATES_TIME_OF_DAY), (_ASKS_SPECIALIST.search(q), _STATES_SPECIALIST),
              (_ASKS_ORDER.search(q), _STATES_ORDER), (_ASKS_BETTER.search(q), _STATES_BETTER)]
    return [states for asked, states in needed if asked]


def _any_phrase(term: Term, stems: frozenset[str]) -> bool:
    return any(all(s in stems for s in phrase) for phrase in term.alternatives)


@lru_cache(maxsize=200_000)
def _near(s: str, evidence: frozenset[str]) -> bool:
    """A near spelling, the stem inside a longer one ("depress" in "antidepress") or a short one ending a
    compound ("motor" in "sensorimotor"). Cached: the same
    sentence's stems meet the same question words again and again (a frozenset keeps its hash)."""
    if len(s) < 5:
        return False
    longer = [e for e in evidence if len(e) >= 5]
    if len(s) >= 6 and any(s in e for e in longer):
        return True
    if any(len(e) >= len(s) + 4 and e.endswith(s) for e in longer):
        return True  # a compound ending in the word: "motor" in "sensorimotor"
    # extractOne runs the comparisons in C; a Python loop over fuzz.ratio cost ~5 ms a reply.
    return process.extractOne(s, longer, scorer=fuzz.ratio, score_cutoff=_FUZZY) is not None
