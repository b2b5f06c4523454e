"""Extractive, cited replies: pick the article sentences that answer, quote them, or say plainly that
the articles do not cover the question. No generative model: every fact is a verbatim sentence."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain

from . import messages as text_of
from .answerability import (ASKED_SUBJECT_STEMS, POPULATION_STEMS, STORY_SHARE, SUBJECT_WEIGHT, Coverage, Term,
                            key_terms, statements_needed, topical_count)
from .clauses import asked_part, checks_claim, each_question, imagery_words
from .coverage import CoverageJudge
from .context import leans_back
from .conversation import Resolved, parse_messages, resolve
from .framing import as_read
from .intents import small_talk
from .mixed_language import mostly_foreign
from .question_type import LISTS, W_SURE_CUE, question_type
from .rerank import DEPTH as RERANK_DEPTH, also_examined, judge_hit, question_terms
from .retrieval import HybridRetriever
from .safety import SafetyCheck, carried, check_safety
from .settings import Settings
from .text import fold, lexicon, normalize, stem, words
from .types import Article, Citation, Claim, Hit, Reply, Safety, Section, Sentence

log = logging.getLogger(__name__)

_SEARCH_DEPTH = RERANK_DEPTH  # fused candidates examined per question: the ones the reranker orders
_IT = re.compile(r"\b(it|its|it's)\b")  # a turn pointing back at one earlier subject
_THOSE = re.compile(r"\b(those|these|one of them)\b")  # …or at several things (not "they": the doctors)
# Asking for more of the same kind ("what else do doctors try?"), not for one like it or for the other of a pair named
# ("…vs the other kind"), which the quoted sentence may answer itself.
_BESIDES = re.compile(r"\b(what|anything|who|how) else\b|\b(any|some|what|which) other (options|treatments|things|ways|medications|medicines"
                      r"|meds|drugs|therapies|pills)\b")
_HAPPENING = frozenset(stem(w) for w in "affect affects affected affecting cause causes caused causing happen happens "
                       "happened make makes made get gets got go goes went".split())
# …nor a word asking for kinds ("what kinds of nerve damage can lupus cause?" is about the nerve damage)
_KIND_WORDS = frozenset(stem(w) for w in "kind kinds type types sort sorts form forms".split())
_ALIKE = re.compile(r"\blike (it|that|this|them|those|these)\b|\bsimilar\b")
# "got my gabapentin today" then "what side effects should I watch out for?": a medicine's own side effects, not any.
_ITS_OWN = re.compile(r"\bside[- ]?effects?\b")
_ACTS_ON = re.compile(r"\b(?:stop|stopping|quit|quitting|start|starting|take|taking|try|trying|add|adding|use|using|keep|skip|skipping"
                      r"|refuse|refusing|come off|go on|switch to|swap to|give up|cut out|drop|dropping|give|giving)"
                      r"\s+(?:taking |using |doing |giving |on )?(?:(?:him|her|them|dad|mum|mom|my (?:son|daughter|husband|wife|partner"
                      r"|child|kid|boy|girl|mother|father|mum|mom|dad|brother|sister|baby)) )?"
                      r"(?:(?:my|the|some|a|an|her|his|their|more|extra|another|any|other|less) )*"
                      # (what a quantity is of: "take a greater quantity of it" acts on "it")
                      r"(?:(?:(?:greater|larger|bigger|higher|smaller|lower|double|extra) )?(?:quantity|amount|dose|doses|number|lot|bit) of "
                      r"(?:(?:my|the|some|her|his|their) )*)?(?P<object>[a-z][\w-]+)")


def _acted_on(focus: str, terms: list[Term]) -> Term | None:
    """The term a decision acts on: the first word after one of its verbs that is a term."""
    for m in _ACTS_ON.finditer(focus.lower()):
        found = next((t for t in terms if t.word == m["object"]), None)
        if found is not None:
            return found
    return None


# "what is it?", "so what's that exactly?": a definition of the topic carried from the turn before.
_WHAT_IS_IT = re.compile(r"^\W*((so|ok|okay|and|but|wait|sorry|um|hmm|right)\W+)*(what|wat|wht) ?('?s|is|are) (it|that|this|those|these|they)"
                         r"( (exactly|actually|again|then|even|now))*\W*$")
_THAT_ONE = re.compile(r"\b(that|this) (one|kind|type|form|sort|version|variety)\b(?! of)")  # …or at one the last reply named
# "like which ones exactly?", "such as?", "what sort of thing?": examples of what the last reply spoke of.
_EXAMPLES = re.compile(r"^\W*(?:(?:and|so|ok|okay|like|but|um|hmm|right)\W+)*(?:which|what) ones?\b(?!\s+(?:is|are|do|does|of)\b)"
                       r"|^\W*(?:(?:and|so|ok|okay|but)\W+)*like (?:what|which)\b|\bsuch as\W*$|\b(?:for example|for instance|examples?)\W*$"
                       r"|\bwhat (?:sort|kind|type)s? of (?:things?|stuff|ones?)\b|\bname (?:some|them|a few)\b")
# …and examples asked for in so many words ("examples?", not "which ones?"): given again when the last reply gave them.
_FOR_EXAMPLE = re.compile(r"\b(?:examples?|for (?:example|instance)|such as|like what|name (?:some|them|a few))\b")
_EXAMPLE_STEMS = frozenset(stem(w) for w in "example examples instance instances".split())
_EXAMPLES_REACH = 6  # sentences after the last quote where its examples may follow
# A message this long may ask two separate things; a shorter one asking twice asks one thing twice ("is lupus
# passed down? will my kids get it too"), and a part of it alone is no question of its own.
_SEPARATE_ASKS_WORDS = 15
# …or asks each with its own question mark ("Isn't that a chemo drug? Why would they use it for nerves?").
_MARKED_ASKS_WORDS = 8
# …and its first few questions are tried one by one, not every one of a 2,000-character list (each is a search).
_MOST_ASKS = 3
_EXTRA_RANK = 6  # a second or third sentence must rank at least this high
_EXTRA_SLACK = 0.15  # …and cover nearly as much of the question as the best one
# What leaning back on sentences not yet quoted ("This condition…") costs a candidate. Mean answer hit over the nine
# tuning sets: 0 → 0.826, 0.2 → 0.825, 0.4 → 0.838, 0.5 → 0.831, 0.8 → 0.827. Charged once, however many sentences it
# leans on: a second antecedent ("Damage to this insulation…" after two) added a cost that buried the sentence (+7
# over the read sets, bench/RESULTS.md).
LEAN_COST = 0.4
W_SIBLING = 0.3  # a sentence beside those quoted, when a follow-up asks for another one
# Verbs of a personal decision ("should i refuse it?"): what is decided, not what it is about.
_DECISION_STEMS = frozenset(stem(w) for w in "refuse decline skip cancel stop quit double halve bump take keep "
                            "continue carry start switch swap change try upping up raise raising increase lower "
                            "reduce".split())


@dataclass(frozen=True)
class Candidate:
    hit: Hit
    coverage: Coverage
    score: float


class Bot:
    """``Bot.reply(messages) -> Reply``: the contract every surface shares."""

    def __init__(self, retriever: HybridRetriever, settings: Settings, judge: CoverageJudge | None = None):
        self.retriever = retriever
        self.index = retriever.index
        self.settings = settings
        self.judge = judge or CoverageJudge(retriever.index, retriever.embedder)
        self.safety = SafetyCheck(retriever.embedder, prepare=lambda text: retriever.analyze(text).corrected)
        self._prose_cache: dict[str, str] = {}
        self._suggestion_ok: dict[str, bool] = {}

    # -- public ---------------------------------------------------------------------------------
    def reply(self, raw_messages: list) -> Reply:
        """Answer the last user message of a conversation (raises ConversationError on bad input)."""
        msgs = parse_messages(raw_messages)
        question = msgs[-1].content[: self.settings.max_message_chars]
        safety = self.safety(question)
        if not safety or safety.kind != "emergency":
            # a follow-up during an emergency ("is this my lupus nerve pain??" after chest pain) is still one
            safety = carried(self._urgent_before(msgs), question) or safety
        if safety and safety.kind == "emergency":
            # nothing beside the urgent message: a quote would read as an answer to "is this just my nerves?"
            return Reply(reply=safety.message, abstained=True, safety=safety)
        if not safety and (fixed := small_talk(question)):
            return Reply(reply=fixed, suggestions=self.suggestions(question))
        resolved = resolve(msgs, self._topical_count)
        if mostly_foreign(as_read(question), self.retriever.vocabulary.knows):
            # "Welche Medikamente behandeln eigentlich den Lupus…?": say why, rather than that the articles don't cover it.
            return self._abstain(resolved, safety, text_of.ENGLISH_ONLY)
        chosen = self._select(resolved, general=bool(safety))
        if not chosen:
            return self._abstain(resolved, safety)
        return self._compose(chosen, resolved, safety)

    def _urgent_before(self, msgs) -> Safety | None:
        """The emergency the user's earlier turns are still in, if any, as the patterns found it: the embedding net's
        rarer false alarms ("i hate taking pills") would otherwise silence the follow-ups too."""
        urgent = None
        for m in msgs[:-1]:
            if m.role == "user":
                found = check_safety(m.content[: self.settings.max_message_chars])
                urgent = found if found and found.kind == "emergency" else carried(urgent, m.content)
        return urgent

    def suggestions(self, question: str = "", limit: int = 3) -> list[str]:
        """Up to ``limit`` questions the corpus answers, nearest to ``question`` first."""
        out: list[str] = []
        for article, sec in self._sections_near(question):
            q = _suggestion_text(sec.title, self._prose(article.doc_id))
            if q not in out and self._answers(q):
                out.append(q)
            if len(out) == limit:
                break
        return out

    def _sections_near(self, question: str) -> Iterator[tuple[Article, Section]]:
        """Every section once: those of the question's best hits first, then the rest in corpus order.
        Lazy, so a large corpus is walked only as far as the suggestions need."""
        seen: set[tuple[str, str]] = set()
        hits = self.retriever.search(question, k=_SEARCH_DEPTH) if question.strip() else []
        pairs = ((self.index.articles[h.sentence.doc_id], h.section) for h in hits)
        everything = ((a, sec) for a in self.index.articles.values() for sec in a.sections)
        for article, sec in chain(pairs, everything):
            if (article.doc_id, sec.anchor) not in seen:
                seen.add((article.doc_id, sec.anchor))
                yield article, sec

    def _topical_count(self, text: str) -> int:
        """How many of a turn's key terms name a subject of their own. In a turn pointing back, the articles' own
        subject ("lupus") does not: "what happens when lupus eats it away?" still leans on the turn before, nor does a
        word the articles never use ("there isn't any actual test that proves that, is there? it's basically a guess?")."""
        return topical_count(text, self._known_subjects) if _IT.search(text.lower()) else topical_count(text)

    def _known_subjects(self, terms: list[Term]) -> list[Term]:
        """The terms beside the articles' own subject that the articles use."""
        return self._known(self.judge.off_title(terms))

    def _known(self, terms: list[Term]) -> list[Term]:
        """The terms the articles use."""
        return [t for t in terms if self.judge.corpus.knows(t)]

    # -- selection ------------------------------------------------------------------------------
    def _select(self, r: Resolved, general: bool = False) -> list[tuple[Sentence, float]]:
        kind, terms = question_terms(r.focus, self.retriever.analyze(r.focus).corrected, self.retriever.analyze,
                                     self.judge)
        if general:
            # A personal-decision question ("should I stop my prednisone?"): say what the article says
            # about its subject in general, so only the subject words must be covered.
            # Its subject is what the decision is about ("…amitriptyline… should i refuse it?"), even when told
            # before the question, not the decision itself.
            # …but never what it is set against ("a cream instead of swallowing more tablets").
            off = [t for t in self.judge.off_title(terms) if t.stem not in _DECISION_STEMS and t.word not in kind.aside]
            # …and who it is for, when the articles never speak to them ("can I try for a baby while on treatment?").
            who = [t for t in terms if t.stem in POPULATION_STEMS or t.stem in ASKED_SUBJECT_STEMS and not t.story]
            # …and of those, the one the decision acts on ("should I quit exercising since it might make my neuropathy
            # worse?", "can I take ibuprofen on top of my pregabalin?"), else the weightiest.
            acted = _acted_on(r.focus, off)
            top = [acted] if acted else sorted(off, key=lambda t: -t.weight / (STORY_SHARE if t.story else 1.0))[:1]
            terms = [*top, *(t for t in who if t not in top)]
        focus_terms = terms
        if r.context and r.shown and not r.more:
            own = [t for t in self.judge.off_title(terms) if t.weight >= SUBJECT_WEIGHT and not t.story
                   and t.stem not in _EXAMPLE_STEMS]  # "examples?" asks for them, naming nothing
            if _EXAMPLES.search(r.focus.lower()) and not own:
                listed = self._examples_after(r.shown[-1:], again=bool(_FOR_EXAMPLE.search(r.focus.lower())))
            elif kind.cue is LISTS:
                # "which drugs are those?", "the ones after the steroids, what are their names?": the list that
                # carries on from what a quoted sentence named ("These include…"), when one of them names it.
                listed = self._examples_after(r.shown, own or terms)
            else:
                listed = []
            if listed:
                return listed
        # A which-cause question keeps to its own words, unless it has none ("how does the doctor sort out which
        # one it is?"), names only the effect attributed ("i have diabetes and lupus" then "…which one is making my
        # feet numb") or asks about things named before ("are those the things that go after the nerves, or is it
        # something else?").
        names_own = terms and not all(t.story for t in terms)
        if r.context and (not kind.attribution or not names_own or _THOSE.search(r.focus.lower())):
            # A follow-up stays on the earlier topic: its most specific word (not the article's own
            # subject, which every sentence shares) must be covered too.
            said = key_terms(self.retriever.analyze(r.context).corrected)
            # (a doubt, a likeness or a medicine doing nothing told beside the question names no topic: "…or is my doctor
            # guessing", "ibuprofen isn't touching…")
            told_aside = imagery_words(r.context) | {w for m in _NO_EFFECT.finditer(normalize(r.context))
                                                     for w in words(m.group(0))}
            said = [t for t in said if t.word not in told_aside] or said
            # "which one is the worst kind?" then "what does that one actually do?": the one the last reply gave as
            # the answer is the topic, not the words of the question before.
            named = self._answered_before(r, said) if _THAT_ONE.search(r.focus.lower()) else None
            if named is not None:
                said = key_terms(self.retriever.analyze(named.text).corrected)
            # "what kinds of nerve problems are there?" then "which one do people get most?": a topic named only in
            # the articles' own words is still the topic when the follow-up names none of its own.
            context_terms = self.judge.off_title(said) or ([] if terms else said)
            # The topic carried is one the articles speak to, when the turn before named one ("pins and needles", not
            # "creeping"): a word they never use is a poor topic and would veto every answer.
            known = [t for t in context_terms if self.judge.corpus.knows(t)]
            # …and a medicine told as taken ("I'm on prednisone and plaquenil and tingling just started in both hands")
            # is what the patient is on, not what the follow-up asks about, when anything else was told
            taken = _taken_stems(r.context, r.focus)

            def on_it(t: Term) -> bool:
                return t.stem in taken and _is_medicine(t)

            on = [t for t in known if not on_it(t)]
            if (_OTHERS_ASKED.search(normalize(r.focus)) and _NO_EFFECT.search(normalize(r.context))
                    and any(t.weight >= SUBJECT_WEIGHT for t in self.judge.off_title(terms) if not t.story)):
                # "paracetamol isn't touching my nerve pain" then "so which drugs actually work for it?": the one that
                # failed is no topic, even when nothing else was named
                known, context_terms = on, [t for t in context_terms if not on_it(t)]
            known = on or known
            topic = _heaviest_concept(known or context_terms)
            # …with the words naming it beside it when the articles name it so too ("small fiber neuropathy", not any
            # neuropathy: "I keep seeing small fiber neuropathy mentioned" then "what is it?")
            # (only for a follow-up naming nothing of its own, and a name told once: "peripheral neuropathy and small
            # fiber neuropathy" then "whats the second one" names no one neuropathy)
            phrase = []
            if topic and not [t for t in self.judge.off_title(terms) if not t.story]:
                if [stem(w) for w in words(r.context)].count(topic.stem) == 1:
                    phrase = self._named_with(topic, known or context_terms)
            if topic and kind.defines is None and _WHAT_IS_IT.match(r.focus.lower()):
                kind = replace(kind, defines=" ".join(t.word for t in sorted([topic, *phrase], key=lambda t: t.position)))
            if kind.story_aside and not kind.attribution and not _IT.search(r.focus.lower()):
                # "…finally got a neuro referral." then "what will they actually do at the first appointment?": what
                # comes first is asked, the symptoms told before are why they go (as in one message, see rerank).
                topic = None
            if topic and all(t.stem != topic.stem for t in terms):
                # …but, unless the follow-up points back at it ("what are its side effects?"), weighs no more than
                # the follow-up's own subject and, like a story, vetoes nothing: "and the one with the needles in the
                # muscle?" after tingly hands asks about the needle test, not about tingling.
                # …or when all it says of its own is story or set aside ("why tho, the problem is burning in my feet,
                # not my head" after the brain scan).
                if _IT.search(r.focus.lower()) or _ITS_OWN.search(r.focus.lower()) or terms and not names_own:
                    topic = replace(topic, position=-10)
                else:
                    own = max((t.weight for t in self.judge.off_title(terms)), default=topic.weight)
                    topic = replace(topic, position=-10, weight=min(topic.weight, max(own, SUBJECT_WEIGHT)), story=True)
                terms = [*terms, topic, *(replace(t, position=-10, weight=min(t.weight, topic.weight), story=topic.story)
                                          for t in phrase if all(u.stem != t.stem for u in terms))]
        query = self.retriever.analyze(" ".join(x for x in (r.focus, r.context) if x))
        shown = self._shown_ids(r.shown) if r.more or r.new else set()
        # "any other meds that work like that?": the others are the quoted sentences' neighbours, searched or not.
        siblings = {(s.doc_id, s.section) for s in self.index.sentences if s.id in shown} if r.new else set()
        examined = also_examined(self.judge, kind)

        def also(found: list[Hit]) -> list[str]:
            extra = examined(found)
            have = {h.sentence.id for h in found} | set(extra) | shown
            return [*extra, *(s.id for s in self.index.sentences if (s.doc_id, s.section) in siblings and s.id not in have)]

        hits = self.retriever.search(query, k=_SEARCH_DEPTH, also=also)
        if not hits or not terms:
            return []
        # The search embedded this text already; the caching embedder hands the vector back.
        terms = self.judge.prepare(terms, self.retriever.embedder.encode([query.corrected])[0])
        focus_terms = [t for t in terms if t.position >= 0]  # the same terms, centred
        top_bm25 = max((h.bm25_score or 0.0) for h in hits) or 1.0
        earlier = [fold(x) for x in r.shown]

        def said(s: Sentence) -> bool:  # quoted in an earlier reply of this conversation
            return s.id in shown or _quoted(s, earlier)

        cands = []
        for h in hits:
            if h.sentence.id in shown:
                continue
            score, cov = judge_hit(self.judge, terms, h, top_bm25)
            score += kind.bonus(h.sentence.text) + W_SIBLING * ((h.sentence.doc_id, h.sentence.section) in siblings)
            # A sentence that leans back is quoted with what it leans on and covers with its words too:
            # the longer quote must earn its place against a sentence that answers on its own.
            score -= LEAN_COST * any(not said(s) for s in self.judge.antecedents(h.sentence))
            cands.append(Candidate(h, cov, score))
        # "…explain what lupus actually is in normal english before I see the specialist": the sentence defining what
        # a definition question names answers it, whatever else the message tells.
        # "…what else do doctors usually try?" after gabapentin names nothing of its own: what sits beside the quoted
        # sentences answers it. ("is there another one like it?" may be answered by the quoted sentence itself.)
        bare = (r.new and not any(t.weight >= SUBJECT_WEIGHT for t in focus_terms) and _BESIDES.search(r.focus.lower())
                and not _ALIKE.search(r.focus.lower()))
        answering = [c for c in cands if c.coverage.answers
                     or (kind.defined_by(c.hit.sentence.text) and not c.coverage.blockers)
                     or (bare and (c.hit.sentence.doc_id, c.hit.sentence.section) in siblings and not c.coverage.blockers)]
        # A follow-up with words of its own is answered on them, when any sentence covers them: "now my hands tingle"
        # then "what tests will they do?" is not answered by a sentence on tingling that names no test.
        # (words beside the articles' own subject: "could that be the lupus?" asks about what was told; and a sentence
        # covering any of them answers too: "does that actually help with the nerve stuff?" after the physio is answered
        # by what helps, though it never says "nerve")
        asked_stems = {t.stem for t in self.judge.off_title(focus_terms) if not t.story}

        def on_own(c: Candidate) -> bool:
            return c.coverage.asked_fraction > 0 or any(t.stem in asked_stems for t in c.coverage.covered)

        if r.context and asked_stems and any(c.coverage.asked_fraction > 0 for c in answering):
            answering = [c for c in answering if on_own(c)]
        # "what's the usual dose?", "will the feeling ever come back?", "does the EMG hurt?": only a sentence saying so.
        for needed in ([] if general else statements_needed(asked_part(r.focus), r.context)):
            answering = [c for c in answering if needed.search(normalize(c.hit.sentence.text))]
        if not answering and r.new and shown:
            # "is there another one like it?" when the quoted sentence named the other one too: it still answers.
            return self._select(replace(r, new=False), general)
        if not answering and not r.more and (len(r.focus.split()) >= _SEPARATE_ASKS_WORDS or not general
                                             and r.focus.count("?") >= 2 and len(r.focus.split()) >= _MARKED_ASKS_WORDS):
            # A message asking two things is answered for the one the articles answer, when the whole is not:
            # "what is that measuring? do they stick needles in you?" gets what the study measures.
            for one in each_question(r.focus)[:_MOST_ASKS]:
                part = asked_part(one)
                if checks_claim(part) and not topical_count(part, self._known):
                    continue  # "…is that accurate?" checks what the message told: alone it asks nothing the articles know
                picked = self._select(replace(r, focus=one), general)
                if picked:
                    return picked
        if not answering:
            return self._continue_topic(shown) if r.more else []
        # A definition asked for comes first when the articles give it, whatever else matches the story around it
        # ("…just got told she has lupus. what is it actually? im her mum and so confused").
        # So does a name asked for, given by a sentence covering as much as any ("…what is it called?" → "This
        # involvement, known as neuropsychiatric lupus…", which loses on its own score for leaning on the one before),
        # and any answer of a surely marked kind ("where does small fiber pain show up?" → "This condition causes…
        # particularly in the lower extremities").
        # Covering is judged on the question's own words: the story told with it ("the form for my employer wants a
        # diagnosis") is covered by chance.
        own_words = any(c.coverage.asked_fraction for c in answering)

        def share(cov: Coverage) -> float:
            return cov.asked_fraction if own_words else cov.fraction

        most = max(share(c.coverage) for c in answering)
        answering.sort(key=lambda c: (not kind.defined_by(c.hit.sentence.text),
                                      not ((kind.asks_name or kind.weight >= W_SURE_CUE)
                                           and kind.asks_for(c.hit.sentence.text) and share(c.coverage) >= most),
                                      -c.score, c.hit.rank))
        best = answering[0]
        if r.context:
            # A follow-up's further sentences come from the best one's section and need only answer
            # the follow-up itself ("how does that hurt the nerves?" after "what is vasculitis?").
            same_section = [c for c in cands if c is not best and c.hit.sentence.doc_id == best.hit.sentence.doc_id
                            and c.hit.sentence.section == best.hit.sentence.section]
            # A follow-up naming nothing of its own ("and what does it actually tell the doctor?") is about the topic.
            followers = [c for c in same_section if self.judge.cover(focus_terms or terms, c.hit.sentence).answers]
            answering = [best, *sorted(followers, key=lambda c: (-c.score, c.hit.rank))]
        # The sentence that carries on from the best one ("This condition often results in…" after the one
        # naming Mononeuritis Multiplex) answers through it, though its own words rarely match the question.
        carried = self._carried_on(best.hit.sentence, shown)
        if carried and not (self.judge.cover(focus_terms, carried).answers or kind.asks_for(carried.text)):
            carried = None
        picked: dict[str, tuple[Sentence, float]] = {}
        # One sentence beyond max_claims is allowed only to complete a back-reference.
        budget = self.settings.max_claims + 1
        # A definition asked for is answered from where the article gives it: "…diagnosed with SLE. can you
        # explain what lupus is?" gets the definition, not the diagnosis sentences its story also matches.
        defined = kind.defined_by(best.hit.sentence.text)

        def beside_definition(c: Candidate) -> bool:
            return (not defined or c.hit.sentence.section == best.hit.sentence.section
                    or kind.defined_by(c.hit.sentence.text))

        # An answer of a surely marked kind ("how will they know which one is causing it?" → ruling other causes out)
        # is not padded with sentences of another kind that merely share its words.
        sure = kind.weight >= W_SURE_CUE and kind.asks_for(best.hit.sentence.text)

        def same_kind(c: Candidate) -> bool:
            return not sure or kind.asks_for(c.hit.sentence.text)

        for c in answering:
            if c is not best and not r.context and not self._continues(c, best) and not (
                c.hit.sentence.doc_id == best.hit.sentence.doc_id
                and beside_definition(c)
                and same_kind(c)
                and c.hit.rank <= _EXTRA_RANK
                and c.coverage.fraction >= best.coverage.fraction - _EXTRA_SLACK
            ):
                continue
            group = [s for s in self.judge.antecedents(c.hit.sentence) if s.id not in shown and s.id not in picked]
            group.append(c.hit.sentence)
            if picked and (len(picked) + len(group) > budget or len(picked) >= self.settings.max_claims):
                break
            for s in group:
                picked.setdefault(s.id, (s, c.hit.fused))
        if carried and carried.id not in picked and len(picked) < budget:
            picked[carried.id] = (carried, best.hit.fused)
        return sorted(picked.values(), key=lambda p: (p[0].doc_id, p[0].position))

    def _named_with(self, topic: Term, terms: list[Term]) -> list[Term]:
        """The terms right beside ``topic`` in its turn that an article also writes right beside it: the rest of
        the name ("small", "fiber" with "neuropathy"), not any word next to it ("numb" with "feet")."""
        together = self.retriever.vocabulary.stem_pairs
        at = {t.position: t for t in terms}
        named = []
        for step in (-1, 1):
            here = topic
            while (nxt := at.get(here.position + step)) is not None and (
                    (nxt.stem, here.stem) if step < 0 else (here.stem, nxt.stem)) in together:
                named.append(nxt)
                here = nxt
        return named

    def _answered_before(self, r: Resolved, asked: list[Term]) -> Sentence | None:
        """The sentence of the last reply that best answers the turn before ("that one" points at it), if any."""
        ids = self._shown_ids(r.shown[-1:])
        quoted = [s for s in self.index.sentences if s.id in ids]
        kind = question_type(r.context)
        return max(quoted, key=lambda s: self.judge.cover(asked, s).fraction + kind.bonus(s.text), default=None)

    def _examples_after(self, replies: tuple[str, ...], asked: list[Term] | None = None,
                        again: bool = False) -> list[tuple[Sentence, float]]:
        """The examples of what the last reply spoke of: the sentences listing them that first follow its last quote
        ("…responds better to medications that modulate nerve signals." then "like which ones?" → "Anti-seizure
        medications, such as gabapentin…" and the ones beside it), or, when a quoted sentence lists examples itself,
        the list carrying on from it ("…corticosteroids, such as glucocorticoids, often followed by long-term
        immunosuppressive therapies." → "These include cyclophosphamide…"). With ``asked`` (a list question naming
        its subject) only that carrying-on list after a quote covering it, in any of ``replies``, latest first. None
        when nothing follows closely: the question is then answered as any other. ``again``: examples asked for in so
        many words ("examples?"), which the list the last reply carried on to gives again."""
        per_reply = [self._shown_ids((reply,)) for reply in reversed(replies)]
        ids = set().union(*per_reply)
        quoted: list[Sentence] = []
        for got in per_reply:
            quoted += sorted((s for s in self.index.sentences if s.id in got and s not in quoted), key=lambda s: -s.position)
        if asked is not None:
            quoted = [s for s in quoted if self.judge.cover(asked, s).answers]
        first = None
        for n, q in enumerate(quoted):
            article = self.index.articles[q.doc_id]
            after = article.sentences[q.position + 1 : q.position + 1 + _EXAMPLES_REACH]
            listed = next((s for s in after if LISTS.search(s.text)), None)
            # (asked for by name, a list already quoted is quoted again: the patient asks for it again)
            if listed is None or (listed.id in ids and asked is None):
                continue
            # A list carrying on from a quote ("These include…") gives its examples; any other list only those of the
            # last quote, and only when no quote lists its own.
            if listed.section == q.section and leans_back(listed.text) or (
                    n == 0 and asked is None and not any(LISTS.search(s.text) for s in quoted)):
                first = listed
                break
        if first is None and again and per_reply:
            # "examples?" when the last reply gave them already, carrying on from what it quoted ("…calm the immune
            # system…" then "These include…"): they are asked for again.
            given = [s for s in quoted if s.id in per_reply[0] and LISTS.search(s.text) and leans_back(s.text)]
            first = max(given, key=lambda s: s.position, default=None)  # the last thing it spoke of
        if first is None:
            return []
        article = self.index.articles[first.doc_id]
        run = [first]
        for s in article.sentences[first.position + 1 :]:
            if s.section != first.section or not LISTS.search(s.text) or len(run) == self.settings.max_claims:
                break
            run.append(s)
        # …each with what it leans on, quoted before or not, so the reply reads on its own
        picked = [p for s in run for p in (*self.judge.antecedents(s), s)]
        return [(s, 0.0) for s in sorted(dict.fromkeys(picked), key=lambda s: s.position)][: self.settings.max_claims + 1]

    def _carried_on(self, s: Sentence, shown: set[str]) -> Sentence | None:
        """The next sentence of ``s``'s section when it leans back on ``s``, and was not shown before."""
        nxt = self.judge.carried_on(s)
        return None if nxt is None or nxt.id in shown else nxt

    def _continues(self, c: Candidate, best: Candidate) -> bool:
        """Does ``c`` carry on from the best sentence ("These include…" after "…immunosuppressive
        therapies.")? It answers through it, so it belongs beside it whatever its own rank."""
        return best.hit.sentence in self.judge.antecedents(c.hit.sentence)

    def _continue_topic(self, shown: set[str]) -> list[tuple[Sentence, float]]:
        """"Tell me more" when nothing else answers the question: the next unshown sentences of the
        sections already quoted, in reading order."""
        quoted = [s for s in self.index.sentences if s.id in shown]
        if not quoted:
            return []
        sections = {(s.doc_id, s.section) for s in quoted}
        last = max(s.position for s in quoted)
        rest = [s for s in self.index.sentences if (s.doc_id, s.section) in sections and s.id not in shown]
        rest.sort(key=lambda s: (s.position <= last, s.position))  # what follows the last quote first
        return [(s, 0.0) for s in sorted(rest[: self.settings.max_claims], key=lambda s: (s.doc_id, s.position))]

    def _prose(self, doc_id: str) -> str:
        """An article's sentences without its headings (headings are title-cased, prose is not)."""
        if doc_id not in self._prose_cache:
            self._prose_cache[doc_id] = " ".join(s.text for s in self.index.articles[doc_id].sentences)
        return self._prose_cache[doc_id]

    def _shown_ids(self, replies: tuple[str, ...]) -> set[str]:
        folded = [fold(r) for r in replies]
        return {s.id for s in self.index.sentences if _quoted(s, folded)}

    def _answers(self, question: str) -> bool:
        if question not in self._suggestion_ok:
            r = Resolved(question, question, "", False, ())
            self._suggestion_ok[question] = bool(self._select(r))
        return self._suggestion_ok[question]

    # -- composition ----------------------------------------------------------------------------
    def _compose(self, picked: list[tuple[Sentence, float]], r: Resolved, safety: Safety | None) -> Reply:
        citations, claims, lines = [], [], []
        chosen = [s for s, _ in picked]
        for n, (s, score) in enumerate(picked, start=1):
            article = self.index.articles[s.doc_id]
            section = article.sections[s.section]
            citations.append(Citation(
                id=n, doc_id=s.doc_id, doc_title=article.title, section=section.title,
                section_path=[*section.path, section.title], anchor=section.anchor, passage=s.text,
                score=score, sentence_id=s.id,
            ))
            claims.append(Claim(text=s.text, citations=[n]))
            lines.append(f"{s.text} [{n}]")
        titles = {self.index.articles[s.doc_id].title for s in chosen}
        intro_tpl = text_of.MORE_INTRO if r.more else text_of.ANSWER_INTRO_ONE
        intro = intro_tpl.format(title=next(iter(titles))) if len(titles) == 1 else text_of.ANSWER_INTRO_MANY
        if safety:
            intro = f"{safety.message}\n\n{text_of.MEDICAL_ADVICE_GENERAL}"
        body = f"{intro}\n\n" + " ".join(lines)
        return Reply(reply=body, claims=claims, citations=citations, abstained=False, safety=safety)

    def _abstain(self, r: Resolved, safety: Safety | None, body: str | None = None) -> Reply:
        suggestions = self.suggestions(r.focus)
        body = body or (text_of.NO_MORE if r.more else text_of.ABSTAIN)
        if safety:
            body = f"{safety.message}\n\n{body}"
        if suggestions:
            body += "\n\n" + text_of.ABSTAIN_SUGGEST + "\n" + "\n".join(f"- {q}" for q in suggestions)
        return Reply(reply=body, abstained=True, safety=safety, suggestions=suggestions)


def _quoted(s: Sentence, folded_replies: list[str]) -> bool:
    """Is ``s`` quoted in one of the replies (folded with ``text.fold``)?"""
    return any(fold(s.text) in r for r in folded_replies)


_TAKING = re.compile(r"\b(?:i|she|he|we|they|mum|mom|dad)(?:'m| am|'s| is| are|'re)? (?:on|taking|take|takes|using|prescribed)\b"
                     r"(?P<taken>[^.?!]*)")


@lru_cache(maxsize=1)
def _medicine_kinds() -> frozenset[tuple[str, ...]]:
    """The kinds of medicine the lexicon knows ("corticosteroids", "anti-seizure medications"), as stemmed phrases."""
    return frozenset(lexicon().kinds.get((stem("medication"),), ()))


def _is_medicine(t: Term) -> bool:
    """Does ``t`` name a medicine ("prednisone", read as a corticosteroid; "ibuprofen", an over-the-counter pain
    reliever)?"""
    kinds = _medicine_kinds()
    return (t.stem,) in kinds or any(alt[-n:] in kinds for alt in t.alternatives for n in range(1, len(alt) + 1))


# A medicine told as doing nothing is what a follow-up asks about ("dad takes ibuprofen but it does nothing" then "is
# that normal?")…
_NO_EFFECT = re.compile(r"\b(?:does|did|do) (?:absolutely |literally )?nothing\b|\b(?:barely|hardly|not really|not) (?:helping|working|touching)\b"
                        r"|\b(?:is|are|was|were|does|did|do|has|have) ?n[o']?t (?:even )?(?:touching|touch|helping|help|helped|working|work|worked)\b")
# …unless it asks for others ("…isn't touching my burning feet" then "list the drugs that actually work for it").
_OTHERS_ASKED = re.compile(r"\b(?:actually|really|that|which|what) (?:works?|helps?)\b|\binstead\b|\bother\b|\belse\b|\balternatives?\b")


def _taken_stems(context: str, focus: str) -> frozenset[str]:
    """Stems of what the earlier turns tell someone is taking ("I'm on prednisone and plaquenil…"), but for what they
    tell does nothing, unless the follow-up (``focus``) asks for something else."""
    norm = normalize(context)
    taken = {stem(w) for m in _TAKING.finditer(norm) for w in words(m["taken"])}
    tried = {stem(w) for part in re.split(r"[.?!;]", norm) if _NO_EFFECT.search(part) for w in words(part)}
    if _NO_EFFECT.search(normalize(focus)):
        tried |= taken  # "if they're barely helping, is that normal?"
    return frozenset(taken | tried if _OTHERS_ASKED.search(normalize(focus)) else taken - tried)


def _heaviest_concept(terms: list[Term]) -> Term | None:
    """The term naming the most of what a turn says: words sharing a clinical phrase weigh together ("tapped my knees
    and ankles with a rubber hammer" is about the neurological exam, "a physical therapist for my weak ankles" about
    the therapy), then the heaviest word."""
    def together(t: Term) -> float:
        return sum(u.weight for u in terms if u is t or u.alternatives & t.alternatives)
    # A verb saying only that something happens ("lupus can affect the brain too") is no topic; what it happens to is.
    named = [t for t in terms if t.stem not in _HAPPENING | _KIND_WORDS] or terms
    return max(named, key=lambda t: (together(t), t.weight), default=None)


def _suggestion_text(title: str, article_text: str) -> str:
    """A heading as a question a patient could click: question headings as they are, others as
    "Tell me about …" in sentence case, keeping acronyms and names the article capitalises mid-sentence."""
    if title.endswith("?"):
        return title
    lower = set(re.findall(r"\b[a-z][\w-]*", article_text))
    proper = {w for w in re.findall(r"(?<=[a-z,] )([A-Z][\w-]*)", article_text) if w.lower() not in lower}
    phrase = " ".join(w if w.isupper() or w in proper else w.lower() for w in title.split())
    return f"Tell me about {phrase}"
