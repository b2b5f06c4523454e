"""What kind of answer a question asks for, and whether a sentence gives that kind: a definition ("what is
X?"), a cause ("why…"), a test ("how do they check…"), a name ("what's it called…") or symptoms.

Both stages that rank sentences use it: the reranker (``bot search`` and Recall@3) and the answer stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import punctuated
from .text import content_words, fold
from .word_frequency import zipf_frequency

# Boosts on top of ``rerank.relevance`` (set on eval/dev, dev2 and holdout for the answer stage; adding them
# to the reranker raised Recall@3 on six of nine eval sets and lowered it on none).
W_DEFINITION, W_ANSWER_TYPE = 0.5, 0.3
# Some cues mark their answer more surely than "causes" marks a why-answer: ruling other causes out, going
# "beyond medication", a name the question did not use.
W_SURE_CUE = 0.6


@dataclass(frozen=True)
class QuestionType:
    defines: str | None  # the X of "what is X?"
    cue: re.Pattern | None  # words marking the kind of answer asked for
    weight: float = W_ANSWER_TYPE  # what giving that kind of answer is worth
    # "…my feet are numb. how would they work out which one is doing it?": the symptoms told around the
    # question are what is being attributed, not what the answer must name.
    attribution: bool = False
    # …nor are the symptoms told before "what will the doctor do first?": the visit's first step is asked about.
    story_aside: bool = False
    asked: frozenset[str] = frozenset()  # the question's own words, lowercased
    # Words of the question that frame it rather than name what the answer must say: the effect being attributed
    # ("…which one is causing my feet to burn?"), the reason for a visit ("first appt with neuro for my numb feet")
    # and "is that normal?".
    aside: frozenset[str] = frozenset()
    # The usual thing a rarer one is asked about against ("a worse type than the usual feet and hands thing?"): a
    # sentence about it is no answer, so its words count for nothing.
    against: frozenset[str] = frozenset()

    def asks_for(self, sentence: str) -> bool:
        """Does the sentence give the kind of answer the question asks for (a cause for "why…")? A name
        question wants a name it did not use itself: "known as neuropsychiatric lupus", not "known as lupus"."""
        if self.cue is _NAMES:
            return any(set(re.findall(r"[a-z][\w-]{3,}", m.group(2).lower())) - self.asked
                       for m in _NAMES.finditer(sentence))
        return bool(self.cue and self.cue.search(sentence))

    @property
    def asks_name(self) -> bool:
        """Does the question ask what something is called?"""
        return self.cue is _NAMES

    def defined_by(self, sentence: str) -> bool:
        """Is the sentence the definition a "what is X?" question asks for?"""
        return bool(self.defines and _is_definition(sentence, self.defines))

    def bonus(self, sentence: str) -> float:
        """What the sentence adds to its relevance for being the definition or the kind of answer asked for."""
        return (W_DEFINITION * self.defined_by(sentence)
                + self.weight * self.asks_for(sentence))


def question_type(question: str) -> QuestionType:
    """The definition subject and the answer kind a question asks for, if any."""
    cue, weight = _answer_cue(question)
    return QuestionType(_defined_subject(question), cue, weight, attribution=cue is _RULED_OUT,
                        story_aside=cue is _RULED_OUT or cue is _BEGINS,
                        asked=frozenset(re.findall(r"[a-z][\w-]*", question.lower())),
                        aside=_aside_words(question, cue),
                        against=frozenset(w for m in _BASELINE.finditer(question.lower())
                                          for w in re.findall(r"[a-z][\w-]*", m["baseline"] or m["unlike"])))


_BASELINE = re.compile(r"\bthan (?:the |your |a |an )?(?P<baseline>(?:usual|normal|common|typical|standard|regular|ordinary)"
                       r"(?: [\w-]+){1,5})"
                       # …or what it is unlike ("why is it this constant burning and not like a cramp that passes?")
                       r"|\bnot (?:just )?like (?:a |an |the |some |normal |ordinary )?(?P<unlike>[\w-]+(?: (?:that|which) [\w-]+)?)")


def _aside_words(question: str, cue: re.Pattern | None) -> frozenset[str]:
    """The words of ``question`` that frame what it asks (``QuestionType.aside``), lowercased."""
    patterns = [_IS_THAT_NORMAL]
    if cue is _RULED_OUT:
        patterns += [_ATTRIBUTED, _WHEN_TOLD]  # "…the diabetes rather than the lupus?" weighs one against the other
    else:
        patterns.append(_CONTRASTED)
    if cue is _BEGINS:
        patterns.append(_VISIT_FOR)
    if cue is _DOES:
        patterns.append(_PURPOSE)
    if cue is _NAMES:
        patterns.append(_NAME_KIND)
    if cue is _SINGLED_OUT:
        patterns.append(_COMPARED_WITH)
    if cue is _CAUSES:
        patterns.append(_ORDERED_FOR)
    low = question.lower()
    return frozenset(w for p in patterns for m in p.finditer(low)
                     for w in re.findall(r"[a-z][\w-]*", " ".join(g for g in m.groupdict().values() if g)))


# "…anything I can put on the skin instead of swallowing more pills?": what they would rather not is not asked about.
_CONTRASTED = re.compile(r"\b(?:instead of|rather than|as opposed to) (?P<aside>(?:[\w-]+ ){0,3}[\w-]+)"
                         # "why scan my head when the problem is my feet tingling?"
                         r"|(?:\bwhen |,\s*)(?:the |my |all the )?(?:problem|issue|pain|trouble|symptoms?)(?: is| are|'s)(?: only| just| all)?"
                         r" (?:in )?(?P<where>(?:[\w-]+ ){0,3}[\w-]+)"
                         # "…when it's my nerves that are damaged, not a sprain"
                         r"|,\s*not (?:a|an|just a|just an|some|like a|my|the|his|her|in my|in the) (?P<unlike>(?:[\w-]+ ){0,1}[\w-]+)\s*[?.!]*$")
# "…feeling more likely to get hit than the ones that move your muscles?": what the singled-out kind is weighed against.
_COMPARED_WITH = re.compile(r"\b(?:than|or|not|rather than|instead of)\b(?P<aside>(?: (?!(?:is|are|does|do|and|but)\b)[\w'-]+){1,6})"
                            # "between sensory and motor fibres, which…": both sides are weighed, neither need be named
                            r"|\bbetween (?P<one>[\w'-]+(?: [\w'-]+)?) and (?P<other>[\w'-]+(?: [\w'-]+)?)(?=\s*[,?]|\s+which\b)")
_IS_THAT_NORMAL = re.compile(r"\b(?:is|are) (?:that|this|it|these|those) (?:\w+ )?(?P<aside>normal|usual|common|typical|expected)\b")
# The verb is set aside too when it only says "harming" ("which one is wrecking my feet?").
_ATTRIBUTED = re.compile(r"\b(?:causing|doing|behind|why|frying|damaging|affecting|responsible for|to blame for|the cause of"
                         r"|(?:real |actual |main )?reason(?: for| why)?|(?P<harm>wrecking|ruining|messing (?:up|with)|making))"
                         r"(?P<aside>(?: [\w-]+){1,5})")
# "…so when her feet go numb how do the doctors work out which one is to blame?": the effect, told before the question.
_WHEN_TOLD = re.compile(r"\b(?:when|whenever|if) (?P<aside>(?:[\w'-]+ ){0,6}?[\w'-]+)(?:,\s*|\s+(?=(?:how|which|what|who)\b))")
# "why would the neurologist order an MRI for tingling in my hands?": why the test or treatment is asked, not the symptom.
_ORDERED_FOR = re.compile(r"\bwhy (?:would|did|do|does|are|is|will) (?:they|he|she|the \w+|my \w+|you|doctors?) (?:\w+ )?"
                          r"(?:order|do|run|send|give|prescribe|want|use|book|put|suggest|recommend)\w*\b(?! (?:me|him|her|us|them|you)\b)"
                          r"(?: [\w-]+){1,4}? for "
                          r"(?:(?:my|his|her|their|the|this|these) )?(?P<aside>(?:[\w-]+ ){0,4}[\w-]+)")
_VISIT_FOR = re.compile(r"\b(?:for|about) (?:(?:my|his|her|their|the|these|this) )?(?!(?:tests?|scans?|treatments?|checks?|results?)\b)"
                        r"(?P<aside>(?:[\w-]+ ){0,2}[\w-]+)")


_WHAT_IS = re.compile(r"^\s*(?:so |and |but |ok |okay |wait,? |um+,? |uh+,? |hmm+,? |sorry,? |(?:[\w']+,? ){1,4}but )?(?:what|whats|what's|wat)\s+(?:actually |exactly |really |even )?(?:is|are|'s)?\s*(?:a |an |the )?(.+?)"
                      r"(?:,?\s+(?:exactly|mean|means|again|actually|actualy|really|anyway|though|in the first place|in plain (?:words|english)"
                      r"|in simple (?:words|terms)|in (?:normal|everyday|easy|basic|lay|laymans?|layman's|regular|simple|plain)(?: \w+)? (?:words|terms|english|language)"
                      r"|please|pls|plz))*\s*[?.!]*\s*$", re.I)
# "neuropathic = ?": a word and an equals sign, asking what it means.
_EQUALS = re.compile(r"\b([\w-]+(?: [\w-]+)?)\s*=\s*\?")
_MEANS_FOR = re.compile(r"\bmeans? for (me|my|him|her|his|them|their|us|our)\b", re.I)
_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WHAT_DOES_MEAN = re.compile(
    r"\b(?:what|whats|what's|wat) (?:on earth |the heck |exactly )?(?:does|do|is) (?:the word |the term |a |an )?(.+?) (?:actually |really |even |exactly )?(?:mean|means|stand for|stands for|cover|covers|involve|involves)\b", re.I)
# "…can you explain what lupus actually is?": a definition asked inside a longer sentence, at its end.
# …or with how to put it around it ("explain in plain english what lupus actually is", "…what lupus is in normal
# english before I see the specialist").
_PLAINLY = r"(?:in (?:plain|simple|normal|everyday|easy|basic|lay|regular|layman'?s?)(?: \w+)? (?:words|terms|english|language)|simply|to me)"
_EXPLAIN_WHAT = re.compile(r"\b(?:explain|tell me|understand|describe|know|clue|idea)\s+(?:" + _PLAINLY + r"\s+)?what\s+(?:a |an |the )?((?:[\w-]+ ){0,4}?[\w-]+)\s+"
                           r"(?:actually |really |exactly |even |basically )?(?:is|are|means|refers to|stands for|covers|involves)(?:,?\s+(?:" + _PLAINLY
                           + r"|(?:before|for|so|because|as|to (?:my|his|her|their|our|the|a|an) )\b(?:(?!\bwhat\b)[^?.!—–-])*))*\s*[?.!]*\s*$", re.I)
# "tell me about the nerve conduction test", "explain small fiber neuropathy to me": a request to define what it names.
_TELL_ABOUT = re.compile(r"^\s*(?:so |and |ok |okay |please |pls )?(?:(?:can|could|would) (?:you|someone|somebody|anyone) )?(?:please )?(?:tell me|explain|describe)"
                         r"(?: (?:a bit |a little |more )?about)? (?:a |an |the )?((?:[\w-]+ ){0,3}?[\w-]+)(?:,? (?:to me|please|pls|for me|"
                         + _PLAINLY + r"))*\s*[?.!]*\s*$", re.I)
_SECOND_QUESTION = re.compile(r"\s*(?:,|\band\b|&|['\"”’]?\?+)\s*(?=(?:what|whats|what's|how|why|is|are|does|do|can|could|where|when|which)\b)",
                              re.I)
# "what does the SLE part of my diagnosis stand for?": the word is the part named.
_PART_OF = re.compile(r"^(?:the |that |this )?['\"“]?([\w-]+(?: [\w-]+)?)['\"”]? (?:part|bit|word|letters|abbreviation) (?:of|in|on) .+$", re.I)
# "the condition", "that label": a subject named before the question, like a pronoun.
_WHOSE_DOCTOR = re.compile(r"\b[\w-]+(?:'s)? (?:doctors?|docs?|specialists?|nurses?|consultants?|clinic|team|rheumatologists?"
                           r"|neurologists?)\b", re.I)
_NAMED_BEFORE = re.compile(r"(?:(?:the|this|that) )?(?:condition|illness|disease|label|term|word|phrase|diagnosis|thing|mouthful|jargon)")
# "I came across the word ischemia…": the word named as a word.
_THE_WORD = re.compile(r"\b(?:the|this|a) (?:word|term|phrase|diagnosis)\s+([a-z][\w-]{2,})", re.I)
# "…wants to check for something called small fiber neuropathy. What is that exactly": the name told.
_CALLED = re.compile(r"\b(?:called|named|termed)\s+(?:an? |the )?([a-z][\w-]*(?: [a-z][\w-]*){0,3})\s*(?:[.,;:!?]|$)", re.I)
# "whats the myelin thing my neuro keeps talking abt": the name before "thing", whatever follows.
_THE_X_THING = re.compile(r"^\s*(?:so |and |ok )?(?:what|whats|what's|wat)(?: is| are|'s)? (?:the|this|that|these|those) "
                          r"([\w-]+(?: [\w-]+)?) (?:thing|things|stuff|word|term|business)\b", re.I)
# A generic word after the name ("EMG test", "myelin thing", "pregabalin medicine") says what kind of thing it is.
_KIND_WORD = re.compile(r"(?<=\w) (?:test|tests|scan|scans|study|thing|things|stuff|condition|disease|medicine|medication|drug|procedure)$"
                        # …and who mentioned it after ("the myelin thing my doctor mentioned")
                        r"|(?<=\w) (?:thing|things|stuff)(?: [\w']+){1,4}$")
_PRONOUNS = frozenset({"it", "that", "this", "they", "those", "these", "them", "he", "she"})
# "my rheumy kept saying myelin, what's that?": the word just before the comma.
# …past where it is done or felt ("they want to do an EMG on my arm - what's that for?" asks about the EMG)
_X_WHATS_THAT = re.compile(r"\b([a-z][\w-]{2,})(?:\s+(?:on|in|at|of|for) (?:my|his|her|their|the|your) [\w-]+)?"
                           r"\s*[,:;—–-]+\s*(?:so )?(?:what|whats|what's|wat)(?: is| are|'s)? (?:that|this|it|those)\b(?! one)"
                           r"|\b([a-z][\w-]{2,})\s*[,:;—–-]+\s*(?:¿)?(?:qu[eé] es (?:eso|esto)|c'?est quoi|o que [eé] (?:isso|isto))"
                           # …or in a second language's order, with nothing after ("poly something, what is", "small
                           # fiber, what mean", "lupus is what kind of disease")
                           r"|\b([a-z][\w-]{2,})\s*[,:;—–-]+\s*(?:so )?(?:what|wat) (?:is|mean|means|it means|it is)\s*[?.!]*\s*$"
                           r"|^\s*(?:and |so |but )?([a-z][\w-]{2,}) (?:is|are) (?:what|wat)(?: (?:kind|type|sort) of (?:a |an )?[\w-]+)?(?=\s*[?,.!]|\s*$)", re.I)


# A sentence giving examples of what it names ("Anti-seizure medications, such as gabapentin…", "These include…").
LISTS = re.compile(r"\b(include|includes|including|such as)\b", re.I)
_DOES = re.compile(r"\b(responsible for|protective|protects?|relay|insulat\w*|covering|calm\w*|modulat\w*)\b", re.I)
# "what is their job?": the words asking for a purpose name nothing the answer must say.
_PURPOSE = re.compile(r"\b(?P<aside>job|role|purpose|function|point)\b")
# "what's the proper medical name for…": the kind of name asked for names nothing the answer must say.
_NAME_KIND = re.compile(r"\b(?P<aside>(?:(?:medical|proper|official|real|correct|right|technical|clinical|actual|scientific) ){1,2})"
                        r"(?:name|term|word)\b")
_RULED_OUT = re.compile(r"\b(rule out|exclusion|other potential causes|secondary cause|attributable|co-existing)\b", re.I)
_BEGINS = re.compile(r"\b(begins?|beginning|first|starts? with|initial)\b", re.I)
# "…known as neuropsychiatric lupus": the name and up to three words of it.
_NAMES = re.compile(r"\b(known as|called|termed|refers? to) ([\w-]+(?: [\w-]+){0,2})", re.I)
# What kind of answer a question wants, and words that mark a sentence giving that kind of answer.
_FEELING = r"(feeling|feel|sensations?|sensory|sense of touch|touch|numb\w*|tingl\w*|pins and needles)"
_STRENGTH = r"(strength|strong|muscles?|movement|moving|move|weak\w*|motor|power)"
_ANSWER_TYPES = [
    # Whether feeling or strength suffers more ("…mostly the feeling part that's affected and not the muscles?", "why is
    # her sense of touch hit way harder than anything else?"): the sentence singling one kind of nerve out, even when
    # asked as a why.
    (_FEELING_OR_STRENGTH := re.compile(r"^(?=[^?.]*\b(more|most|mostly|mainly|harder|worse|than|rather|instead|versus|vs)\b)(?=[^?.]*\b" + _FEELING
                + r"\b)(?=[^?.]*\b" + _STRENGTH + r"\b)[^?.]*\b(or|than|not|versus|vs|rather|instead|between)\b"
                r"|\b" + _FEELING + r"\b[^?.]{0,30}\b(hit|affected|damaged|attacked|targeted)\b[^?.]{0,15}\b(harder|more|worse) than\b", re.I),
     _SINGLED_OUT := re.compile(r"\b(vulnerable|susceptible|prone|predominantly|chiefly)\b", re.I), W_SURE_CUE),
    # ("could one of them be why…" asks which cause, below)
    (re.compile(r"^\s*(why|how come|what causes|what makes|how does .* (cause|damage|hurt))\b|(?<!\bbe )\bwhy\b"
                # "what is actually happening inside his body that makes his nerves hurt?"
                r"|\bwhat('?s| is) (actually |really |physically )?(going on|happening)\b"
                # "what it is about lupus that makes the nerves hurt"
                r"|\bwhat (is it|it is|it'?s) (\w+ )?about\b"
                # "what's actually behind the nerve pain?", "like what starts it"
                r"|\bwhat('?s| is) (actually |really |truly )?behind\b|\bwhat (starts|sets off|kicks off|triggers) (it|this|that|them|the)\b"
                # "what's the rationale for immunosuppressing someone whose main complaint is pain?"
                r"|\b(rationale|reasoning|logic) (for|behind|of)\b"
                # "…my own immune system is going after my nerves?? how does it even do that"
                r"|\bhow (does|do|can|could|would) (it|they|lupus|sle|that|the \w+)( \w+)? (even |actually |really )?do (that|this|it)\b", re.I),
     # …a cause, or a purpose ("why would they send me to physio?" → "…help maintain muscle strength")
     # ("rule out other causes" names none)
     _CAUSES := re.compile(r"\b((?<!other )(?<!potential )(?<!secondary )cause[sd]?|because|due to|mechanisms?|results? in|resulting in|leading to|stems from"
                r"|necessary to|in order to|so that|require|requires|helps? (to )?(maintain|improve|reduce|calm|slow))\b", re.I)),
    # What it feels like ("what do people usually say it feels like?", "…is that what lupus nerve pain feels like or something
    # else?"): how patients describe it. Before the which-cause kind, whose "or something else" it would otherwise be.
    (re.compile(r"\b(what (does|do|would|will|did) (it|the pain|nerve pain|that|they|this) (\w+ )?feel like"
                r"|what (does|do|would|will|did) (the|this|that|lupus|neuropathic|nerve) ([\w-]+ ){0,3}(pain|neuropathy|damage) feel like|(say|describe|explain)\b[^?]{0,25}\bfeels? like"
                r"|(is|are) (that|this|these|those|it) (what|how) (\w+ ){0,4}feels? like"
                r"|feels? like for (them|people|others|patients)|how (do|does|would) (other )?(people|patients|others|they)\b[^?]{0,40}\bdescribe"
                r"|\b(do|does|would) (other |most )?(\w+ )?(people|patients|sufferers|others) (\w+ )?describe (it|this|that|theirs|the \w+)\b"
                # "what sensations do patients usually report?"
                r"|what (sensations|feelings)\b[^?]{0,30}\b(report|describe|mention|complain of|notice|get|have)"
                r"|what (do|does|would) (people|patients|sufferers|others) (usually |typically |often |normally |commonly )?(report|describe|complain of))\b", re.I),
     re.compile(r"\b(describe[sd]?|sensations of)\b", re.I), W_SURE_CUE),
    # Same or different ("is brain fog the same thing as the burning?"): a sentence telling them apart. Before the
    # which-cause kind: "is that the same nerve pain as the zaps in my legs or something else?" asks whether they differ.
    (re.compile(r"\b(the same( thing)?|same as|different (from|than|to)|difference between|related to each other"
                r"|(two|2) (different|separate|distinct) (things|problems|issues|conditions|illnesses)"
                r"|connected to each other)\b", re.I),
     _TELLS_APART := re.compile(r"\b(distinct|differs?|different from|differentiate between|unlike|separate|the same)\b", re.I)),
    # Which cause is it ("how do they know it's the lupus and not something else?", "which one is doing it?"):
    # the answer is how other causes are ruled out.
    (re.compile(r"\b(which one\b(?![^?]{0,30}\b(most|more|worst|worse|common|often)\b)|which of (them|the two)(?![^?]{0,20}\b(most|more|matters?|important|best|worst|worse|first|priority)\b)|which (\w+ )?is (it|causing|doing)|(or|and not|not|be|is it|it'?s|its|from) (something|somthing|sumthing|smth|anything) else"
                r"|(instead of|rather than|and not) (the |my |his |her |their )?(lupus|sle)"
                # "could the pills be what makes my hands tingle, not the lupus?" (not "…stuff for the pain, not the lupus?")
                r"|\b(could|might|may|is it|be)\b[^?]{0,60}, not (the |my |his |her |their )?(lupus|sle)|(be|is it|it'?s|just) (the |my |his |her )?\w+ instead\b"
                r"|\b(could|couldn'?t|can'?t|might|may)\b[^?]{0,10}\b(it|this|that|the \w+|my \w+) (just )?be\b[^?]{0,40}\binstead\b"
                # "on 5 meds, could one of them be why my feet tingle?"
                r"|(could|might|may|can) (one of )?(them|those|these|my (\w+ )?(meds|pills|medications?|medicines?|tablets|drugs)"
                r"|the (\w+ )?(meds|pills|medications?|medicines?|tablets|drugs)) (\w+ )?be (why|what|the (reason|cause))"
                r"|another cause|other causes?|what else (could|might|can|would|is) (it|this|that|they) (be|is)\b|(check|rule out|look for|test for) (for )?other things"
                r"|(lupus|it) or (the |my |his |her )?\w+ (causing|doing)"
                r"|which of (his|her|my|their|the|your) (conditions|illnesses|diseases|problems)"
                r"|how (on earth |exactly |then |the hell |the heck )?(do|does|did|would|will|can|could|is|are) (they|you|the doctor|the doctors|doctors|anyone|anybody|he|she|we)\b[^?]{0,30}"
                r"\b(know|tell|be sure|decide|work out|figure out)\b[^?]{0,40}\b(lupus|caused|causing|doing|from (the |my |his |her )?(lupus|sle|it|that|this)|to blame|responsible))\b", re.I),
     _RULED_OUT, W_SURE_CUE),
    (re.compile(r"\bhow (do|does|did|would|will|can|could) (they|you|doctors?|the doctor|i|we)\b[^?]{0,25}"
                r"\b(test|check|diagnos\w*|confirm|find out|tell|know|detect|measure)", re.I),
     re.compile(r"\b(biopsy|confirmed|confirm|tests?|studies|exam|measure|assess\w*|diagnos\w*|imaging|rule out)\b", re.I)),
    # What happens first at a visit ("first neuro appt next week, what will they check?"): how the work-up begins.
    (re.compile(r"\b(first|1st|start|begin\w*|beforehand|before (any|the|ordering))\b[^?]{0,60}"
                r"\b(appointment|appt|visit|neuro\w*|doctor|physician|rheum\w*|gp|they|tests?)\b"
                r"|\b(appointment|appt|visit|neurologist|neuro|doctor|physician|they)\b[^?]{0,60}\b(first|at the start|begin\w*|start (with|by|off"
                r"|figuring|working|looking|checking|testing))\b"
                # "what will the doctor actually do to check it at the visit?"
                r"|\bwhat (will|would|do|does|did|is|are|might) (the |my |her |his )?(doctor|doc|neurologist|neuro|rheumatologist|rheum|gp|physician|they|he|she)\b"
                r"[^?]{0,40}\b(at|during|in) (the|my|this|that|her|his|our) (visit|appointment|appt|consultation|consult|check-?up)\b",
                re.I),
     _BEGINS),
    # Where it starts ("where on the body does it usually begin?", "is that the usual place it starts?"): the sentence
    # saying where.
    (re.compile(r"\bwhere(abouts)?\b[^?]{0,50}\b(start|begin|(show|shows|showing|turn|turns|crop|crops) up|appear|first)\w*|\b(start|begin)\w*\b[^?]{0,30}\bwhere(abouts)?\b"
                r"|\b(usual|normal|typical|common)\w* (place|spot|area)\b", re.I),
     re.compile(r"\b(starts?|begins?|particularly|especially|mainly|mostly|chiefly) in\b", re.I), W_SURE_CUE),
    # Which kind is the most serious ("which one is the worst kind?", "is there a worse type than the usual?"): the
    # sentence saying one is more severe.
    (re.compile(r"\b(worst|most serious|most severe|most dangerous|nastiest|scariest|more serious|more severe|worse|most aggressive)\b"
                r"[^?]{0,25}\b((kind|type|form|sort|version|variety|manifestation)s?|one)\b"
                r"|\b(kind|type|form|sort|variety)s?\b[^?]{0,25}\b(worst|most serious|most severe|most dangerous)\b"
                r"|\bwhich one\b[^?]{0,15}\b(worst|most serious|most severe|most dangerous)\b", re.I),
     re.compile(r"\b(more|most) (severe|serious)\b", re.I), W_SURE_CUE),
    # What matters most ("which of the two matters most?", "what's the priority?"): the sentence saying what comes first.
    (re.compile(r"\b(matters? (the )?most|most important|more important|(the|top|main|first) priority|prioriti[sz]e"
                r"|(the )?(main|biggest|number one|most important) (thing|step|part)|first and foremost)\b", re.I),
     re.compile(r"\b(most important|priority|crucial|essential|first)\b", re.I), W_SURE_CUE),
    # Which kind is hit hardest ("which nerves get hit the worst?", "…worse than the ones that move"): a
    # sentence singling one out.
    (re.compile(r"\bwhich\b[^?]{0,40}\b(most|worst|worse|hardest|more|mainly|mostly)\b|\b(worse|more|harder) than\b"
                r"|\bmore (the |my |your )?(\w+ ){0,2}(nerves|ones|fibres|fibers) than\b"
                r"|\bthe most (common|usual|typical|frequent)\b"
                r"|\b(more|most) (likely|often|easily) (to be |to get )?(affected|damaged|hit|hurt|attacked)\b"
                r"|\b(mostly|mainly|predominantly|largely) (the )?(\w+ )?(nerves|ones|fibres|fibers)\b", re.I),
     re.compile(r"\b(vulnerable|susceptible|prone|predominantly|mainly|chiefly|most common|most frequent|more severe|most severe)\b", re.I)),
    # How common it is ("is nerve pain a rare lupus thing or do loads of us get it?"): a sentence saying how often.
    (re.compile(r"\b(rare|uncommon|how common|is (it|this|that) common|how often do (people|patients)|how many (people|patients|of us)"
                r"|(lots|loads|plenty|a lot|many|most) of (us|people|patients|lupus patients))\b", re.I),
     re.compile(r"\b(frequently|less frequent|most common|rare|rarely)\b", re.I)),
    # "can it tell whether it's the coating or the nerve itself?": told apart by a test, asked after the test kind.
    (re.compile(r"\b(tell|show|see|distinguish|differentiate)( \w+)? (whether|if|between)\b[^?]{0,40}\bor\b", re.I), _TELLS_APART),
    # Which ones ("which immunosuppressants are used?", "what meds help?"): a sentence listing them.
    (re.compile(r"\bwhat (are|r) (the|their) names\b|\bnames? of (those|these|them|the (drugs?|medications?|medicines?|meds|pills|others|other ones|rest))\b"
                r"|\b(give|tell|send) (me|us) (the|their) names\b"
                r"|(?:^|[,.;:!?]\s+)\W*(?:so |and |ok )?(which|what) (kinds? of |types? of |sorts? of |of (the|those|these) )?([\w-]+ ){0,2}(drugs?|medications?|medicines?|meds"
                r"|pills|tablets|immunosuppressants?|immune suppressants?|antidepressants?|painkillers|pain killers|treatments?"
                r"|therapies|tests?|scans?)\b", re.I),
     LISTS),
    # Something other than what they have ("apart from tablets, what else helps?"): a sentence going beyond it.
    (re.compile(r"\b(apart from|aside from|besides|other than|except for|beyond|instead of|as well as|on top of|without|outside of"
                r"|(that|which) (isn'?t|is not|aren'?t|are not)|not)"
                r" (all )?(the |my |more |another |taking |using )?(tablets?|pills?|meds|medications?|medicines?|drugs?|painkillers?|treatment)\b", re.I),
     re.compile(r"\b(beyond|besides|in addition to|apart from|other than|supportive|lifestyle)\b", re.I), W_SURE_CUE),
    # Asking for a name: "what's it called when…", "is there a name for…".
    (re.compile(r"\b(what'?s|what is|whats|what was|what were|what are) (it|this|that|they|those|these) call?e?d\b|\b(a|the) (\w+ )?(name|term|word) for\b"
                r"|\bwhat (do|does|would|did) (\w+ ){0,2}call (it|this|that)\b|\bwhats?('?s| is)? the ((medical|proper|official|real|correct|right|technical|clinical|actual) ){0,2}(name|term)\b", re.I),
     _NAMES, W_SURE_CUE),
    # What something is for ("what are those small fibres actually for?", "what does myelin normally do?", "what is their
    # job?"): the sentence saying what it does.
    (re.compile(r"\bwhat(?:'s|s| is| are| do| does)? (?:\w+ ){0,5}?(?:actually |even |normally |usually )?(?:for|used for|there for)"
                r"(?: (?:then|exactly|anyway|again))?\s*(?:[?.!]|$)|\bwhat (?:is|are|'s) (?:the|their|its|his|her) (?:job|role|purpose|function)\b"
                r"|\bwhat (?:do|does) (?!(?:i|we|you|u|they|he|she|my|doctors?|docs?)\b)(?:\w+ ){1,3}?(?:normally |usually |actually |even |really |exactly )?do\b(?! (?:for|about|to|with|if)\b)", re.I),
     _DOES, W_SURE_CUE),
    # Whether the link is real ("is that even a real thing?", "can it actually mess with your nerves or is that a myth?"):
    # a sentence saying plainly that it does.
    (re.compile(r"\b(a real thing|even a thing|an? (known|recogni[sz]ed|documented|proper|genuine) thing|is (it|that|this) (even |really |actually )?(real|a thing|true)|a myth|made up"
                r"|(can|does|could|do) (lupus|it|sle|they) (actually|really|even|truly) (cause|give|mess|affect|damage|hurt|go after|attack|do (that|this)( to)?)"
                # "is the nerve pain actually caused by the lupus itself or…"
                r"|(is|are) (the |my |this |that |her |his )?(\w+ ){0,2}(actually|really|truly) (caused by|due to|coming from|from) (the )?(lupus|sle)"
                # …asked in a statement's order, as many who learnt English later ask it ("this sickness can make pain…?")
                r"|(lupus|sle|this (sickness|disease|illness)) can (make|cause|give|bring|do) [^.?!]*\w(?=\s*\?)"
                r"|is it true)\b", re.I),
     re.compile(r"\b(directly|frequently manifests|manifests as|can also affect)\b", re.I)),
    (re.compile(r"\b(symptoms?|signs?|feel like|feels like|what does it feel|what happens"
                r"|what (would|will|do|does|might|could|should) (i|you|we|they|he|she|people|someone) (\w+ )?(notice|experience|feel|look out for))\b",
                re.I),
     re.compile(r"\b(results? in|resulting in|causes|describe|presents?|manifests?|sensations?)\b", re.I)),
    # What doctors give for it ("…electric zaps in my toes at night. what do they usually give for that?"): a treatment.
    (re.compile(r"\bwhat (do|does|would|will|can|could|did|might) (they|doctors?|docs?|you|the doctors?|neurologists?|rheumatologists?)"
                r" (usually |normally |typically |generally |often )?(give|prescribe|put (you|people|patients|them) on)\b[^?]{0,30}\bfor\b", re.I),
     re.compile(r"\b(prescribed|medications?|therap(y|ies)|treat\w*|relievers?)\b", re.I)),
]


# A name spelled out ("something beginning with an E", "a long word beginning VASC-") asks about no first step.
_SPELLED = re.compile(r"\b(?:beginning|starting|begins|starts) with (?:an? |the letter )?['\"]?[a-z]['\"]?(?=\W|$)"
                      r"|\b(?:word|name|term|something) (?:beginning|starting) (?:with )?\S+", re.I)


def _answer_cue(question: str) -> tuple[re.Pattern | None, float]:
    """Words that mark an answer of the kind the question asks for ("why" → causes), if it asks one, and
    what such an answer is worth."""
    question = _SPELLED.sub(" ", question)
    for asks, cue, *weight in _ANSWER_TYPES:
        if asks.search(question):
            return cue, (weight[0] if weight else W_ANSWER_TYPE)
    return None, W_ANSWER_TYPE


def _defined_subject(question: str) -> str | None:
    """The X of "what is X?", "what does X mean?" or "…X, what's that?", lowercased, when the question
    asks for a definition."""
    if _MEANS_FOR.search(question):
        return None  # "what does that mean for my lupus?" asks what follows from it, not what it is
    sentences = _LAST_SENTENCE.split(punctuated(question.strip()))  # "…diagnosed this morning what even is lupus"
    # "…i dont even know what it is. what is lupus actualy?": a definition asked after the story, or before a remark.
    at = max((i for i, part in enumerate(sentences) if _WHAT_IS.match(part)), default=None)
    if at is None:
        at = next((i for i, part in enumerate(sentences) if _WHAT_DOES_MEAN.search(part) or _EXPLAIN_WHAT.search(part)), 0)
    tries = ((_WHAT_DOES_MEAN.search, question), (_WHAT_IS.match, question), (_WHAT_IS.match, sentences[at]),
             (_EXPLAIN_WHAT.search, sentences[at]), (_EXPLAIN_WHAT.search, question), (_TELL_ABOUT.match, question),
             (_TELL_ABOUT.match, sentences[at]))  # "can someone explain lupus in simple words? my grandson just…"
    # "what is vasculitis and what has it got to do with my feet?": the first question defines, the second asks on.
    # The first match naming a short subject, tried lazily in order: "what is lupus exactly? my sister just got
    # diagnosed" read whole names everything after "what is".
    tries += ((_EQUALS.search, question),)
    found = (find(text) for find, text in tries)

    def name(f: re.Match) -> str:
        first = _SECOND_QUESTION.split(f.group(1))[0]
        part = _PART_OF.match(first)
        return part.group(1) if part else first

    m = next((f for f in found if f and len(name(f).split()) <= 5), None)
    named = name(m) if m else ""
    if m:
        subject = named.lower().strip(" ?.,'\"“”‘’")
        if all(len(w) == 1 for w in subject.split()):
            subject = subject.replace(" ", "")  # "what does s l e stand for"
        subject = _KIND_WORD.sub("", subject)  # "what is EMG test?" asks what an EMG is
    elif m := _THE_X_THING.search(question):
        subject = m.group(1).lower()
    else:
        m = _X_WHATS_THAT.search(question)
        subject = next(g for g in m.groups() if g).lower() if m else None
    if m and subject and (subject in _PRONOUNS or _NAMED_BEFORE.fullmatch(subject)):
        # "my mum just got told she has lupus. what actually is it?", "…a diagnosis of SLE, but I do not understand what
        # the condition actually is": what was quoted before it, else the rarest word told ("doc said my numbness is
        # “stocking and glove”. what does that mean??"). A lone "what does it mean?" names no subject: the follow-up
        # logic finds what "it" is.
        told = fold(question[: question.find(m.group(0))])
        quoted = (re.findall(r"(?:^|\s)[\"']([^\"']{3,40})[\"'](?=\W|$)", told) or _THE_WORD.findall(told)
                  or _CALLED.findall(told))
        # "she is 19", "googling at 2am": a number names nothing; nor does whose doctor it is ("my Sjogren's doctor thinks
        # I might have small fiber neuropathy")
        named = [w for w in content_words(_WHOSE_DOCTOR.sub(" ", told)) if not any(c.isdigit() for c in w)]
        return quoted[-1].lower() if quoted else min(named, key=zipf_frequency, default=None)
    return subject


def _is_definition(sentence: str, subject: str) -> bool:
    """Does the sentence define ``subject`` ("X is a…", "X, commonly known as…", "known as X", "X (…)")?"""
    low = fold(sentence).lower().replace("-", " ")  # "small fiber neuropathy" defines "Small-Fiber Neuropathy"
    # "myelinated" is defined where the myelin is ("the myelin sheath, the protective fatty layer…")
    subj = "(?:" + "|".join(re.escape(s.replace("-", " ")) for s in {subject, re.sub(r"(?<=\w{4})ated$", "", subject)}) + ")"
    # The name itself, or its acronym in brackets, then the definition ("the myelin sheath, the protective covering…"
    # with its head noun), not "…NCS and EMG results are typically normal".
    # …or glosses it in brackets or after "or" ("the nerve fiber itself (axonal)", "nerve pain, or neuropathic pain";
    # not the last of a list, "pain, tingling, or numbness").
    if any("," not in low[max(0, m.start() - 30) : m.start()] for m in re.finditer(rf", or {subj}\b", low)):
        return True
    return bool(re.search(rf"(?:known as|called) {subj}\b|\({subj}\)"
                          rf"|\b{subj}(?:\)|\s*\([^)]{{1,12}}\))?(?:,\s+(?:the|a|an|which|commonly|also|known|characteri[sz]ed)\b"
                          # (not a one-word label naming what befalls it, "the myelin sheath (demyelinating)", as an
                          # acronym would: "Central Nervous System (CNS)")
                          rf"|\s*\((?![a-z]+(?:ing|al|ed|ic|ive)\))| (?:is|are) (?:a|an|the|when|what|how)\b| refers)"
                          # "Nerve Conduction Studies (NCS) measure…" defines "nerve conduction": the name, its acronym, what it does
                          rf"|\b{subj} [\w-]+ \([^)]{{1,12}}\) (?:measures?|assess(?:es)?|records?|checks?|tests?|shows?|looks? at)\b"
                          rf"|\b{subj} [\w-]+,\s+(?:the|a|an|which|commonly|also|known|characteri[sz]ed)\b"
                          # …or says what it does ("autoantibodies that attack healthy tissues and organs")
                          rf"|\b{subj} (?:that|which) (?!(?:is|are|was|were|can|may|might|could|will|would|do|does|did)\b)[a-z]+", low))
