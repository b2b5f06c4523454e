"""Which words of a message ask its question and which tell the story around it.

Patients wrap a question in context: "my thighs have gotten weak, climbing stairs is hard now. how can they
tell if it's the nerves or my muscles?" The article answers the question sentence; the story's words
("stairs") are not what is asked about, so they must not veto an answer, and they count for less.
"""

from __future__ import annotations

import re
from typing import Callable

from .text import normalize, words

# (a sentence may end inside its closing quote or bracket: "…the tech said 'your nerves are fine.' How can…")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?]['\"”’)])\s+|\n+")
# A doubt told ("I keep wondering whether…", "I'm not sure why…"): a question asked inside a telling of it.
_WONDERING = r"i(?:'?ve| have)? (?:keep|kept|been|was|am|'?m|always|just|still|often)(?: (?:just|still|always|really|often|been))? wonder(?:ing|ed)"
_UNSURE = (r"(?:i'?m|im|i am) (?:just |still |really |honestly |a bit |a little )?(?:not sure|unsure|curious|confused)"
           r"(?= (?:if|whether|why|how|what|when|which|about)\b)")
# A sentence that asks: ends with "?", or opens (after a filler) with a question word, an auxiliary verb or
# a request. Without the "?" many patients still ask ("how do they test for it").
_ASKS = re.compile(
    r"^(?:(?:so|and|but|ok|okay|also|just|then|well|or|oh|hi|hey|sorry|please|pls|honestly|basically|anyway|pray|kindly)\b[\s,]*)*"
    # ("When I read the leaflet, it says…" tells when; "when will it…", "when?" ask)
    r"(?:what|whats|what's|wat|why|how|hows|how's|whens|when(?=\W*$|'s| (?:do|does|did|is|are|was|were|will|would|should|can|could|might|may"
    r"|has|have|had|to)\b)|where|who|which|can(?!'t)|could|might|does|do|did|is|isnt|are|was|were"
    r"|will|would|should|has|have|any|anyone|tell|explain|help|give me|(?:list|name) (?:the|some|all|them|a few|of)|i wonder|wondering|want to know|need to know"
    # …or asked inside a telling of the doubt ("I keep wondering whether…", "I'm not sure why…", "no idea if…")
    r"|" + _WONDERING + "|" + _UNSURE +
    r"|(?:i )?(?:don'?t|do not|dont|can'?t|cannot) (?:really )?(?:understand|get|figure out|work out|see)(?= (?:if|whether|why|how|what|when|which)\b)"
    r"|(?:i have |i'?ve got |i got )?no idea(?= (?:if|whether|why|how|what|when|which)\b)"
    # …and asked as politely as in a letter ("I should be most grateful to learn whether…")
    r"|i (?:should|would|'d) (?:be )?(?:most |very |much |so |really |extremely )?(?:grateful|obliged|glad|pleased|interested|like|appreciate)"
    r"(?: (?:to (?:know|learn|hear|understand|ask)|if|for))?)\b"
)


def asks(sentence: str) -> bool:
    """Does the sentence open as a question ("how do they test for it", with or without its "?")?"""
    return bool(_ASKS.match(sentence.lower()))


# A message with no question asked outright may ask inside a wish to know ("It would help to know what physio does…",
# "the bit I don't get is whether…", "I guess what I'm asking is how…"): the writer's own, not someone else's ("my
# boss wants to know when I'll be back"), nor what they know already ("I know what it is").
_WISH_TO_KNOW = re.compile(
    r"^(?!i (?:already |really |do |totally |fully |now )?(?:know|understand|get)\b)"
    r"(?:(?:so|and|but|just|anyway|honestly|basically)\b[\s,]*)*"
    r"(?:i|i'?d|i'?m|im|it|it'?d|all i|what i|the (?:bit|thing|part|one thing|main thing|only thing) i|my (?:real |main |actual |only )?question)\b"
    r"[\w' ]{0,40}?\b(?:know|understand|explain|asking|ask|question|wondering|get|figure out|work out|find out|learn|clarify)"
    r"(?: is| was)? (?:about )?(?:whether|if|how|why|what|when|which|who)\b")


# "my feet have gone numb, so how would they work out which one is doing it": a statement, a comma (or a dash),
# then the question in the same sentence.
_COMMA_QUESTION = re.compile(r"(?P<sep>,|:|\s[—–-]+)\s+(?=" + _ASKS.pattern.lstrip("^") + ")")


# Before a dash, only a telling ("…I've confused myself — what's going on…?"); "the coating around nerves - what
# happens when lupus damages it?" names its subject first.
_TELLS = re.compile(r"\b(i|i'?m|i'?ve|im|ive|my|me|we|our|she|he|her|his|they|their)\b")


_COMMA = re.compile(r",\s+")
# "which" opening a relative clause, not a question: a verb or a new subject follows it.
_RELATIVE = re.compile(r"which (?:\w+ )?(?:seems?|sounds?|is|was|means?|makes?|made|has|had|i|i'?m|they|he|she|we|you|isn'?t|wasn'?t)\b"
                       r"|which (?:really |totally |kind of |sort of |a bit )?[a-z]+ (?:me|us|him|her|them|my|our)\b"
                       r"|who (?:is|was|has|had|lives|works|suffers|takes|is now|has now)\b")

# A few words with no verb ("and the amitriptyline one"), not a clause ("that seems weird").
_NAMING = re.compile(r"^(?!.*\b(?:is|are|was|were|am|be|been|seems?|looks?|sounds?|feels?|has|have|had|do|does|did|gets?|got"
                     r"|can|could|will|would|should|may|might|must|[a-z]+'s)\b)\W*[\w'-]+(?: [\w'-]+){0,4}\s*$")
# "out of all the ways lupus can damage nerves, which one…": the set a which-question picks from is part of it.
_PICKED_FROM = re.compile(r"^\W*(?:and |so |ok )?(?:out of|of all|among|amongst|between|from all|of the)\b")
_SET_ASIDE = re.compile(r"^\W*(?:and |so |ok )?(?:other than|apart from|aside from|besides|except|instead of|rather than|not|without|beyond|outside of)\b")


# "…give me a list of the tests so I stop getting ambushed at every appointment": what they would avoid by knowing.
_AVOIDS = r"so (?:that )?(?:i|we) (?:stop|don'?t|won'?t|am not|'?m not|'?m|am|aren'?t|are not)\b"
_AVOIDING = re.compile(r"\s+(?=" + _AVOIDS + ")", re.I)


_FOR_REASON = re.compile(r"for (?:i|we|she|he|they|(?:her|his|my|our|their|the) [\w-]+) (?:am|is|are|was|were|has|have|had|cannot|can'?t)\b")
_APPOSITIVE = re.compile(r",\s*(?:who|which|whose|whom)\b[^,]*$")
_AUXILIARY = re.compile(r"(?:has|have|had|is|are|was|were|am|do|does|did|will|would|should|can|could|might)\b")


# "I read a blog where someone called it brain fog and I'm not sure if lupus can…": the doubt after "and" is asked.
_AND_DOUBT = re.compile(r"\s+(?:and|but|so)\s+(?=" + _UNSURE + "|" + _WONDERING + r"\b)")


def _clauses(sentence: str) -> list[str]:
    """A sentence split before a question that follows a statement after a comma; whole otherwise."""
    if not asks(sentence) and (doubt := _AND_DOUBT.search(sentence.lower())):
        return [sentence[: doubt.start()], *_clauses(sentence[doubt.end():])]
    if asks(sentence):
        if avoiding := _AVOIDING.search(sentence):
            return [sentence[: avoiding.start()], sentence[avoiding.end():]]
        # …but a feeling added after a comma is no part of it ("is there anything for the skin, I'm sick of pills").
        # …nor what someone close makes of it ("what even is lupus in normal words, my mom keeps explaining it wrong").
        # …nor a reason given with an old "for" ("…reaching the nerves as well, for her mother is beside herself").
        tail = next((m for m in _COMMA.finditer(sentence) if _ASIDE.match(sentence[m.end():].lower())
                     or _OTHERS_VIEW.match(sentence[m.end():].lower()) or _FOR_REASON.match(sentence[m.end():].lower())), None)
        return [sentence[: tail.start()], sentence[tail.end():]] if tail else [sentence]
    m = _COMMA_QUESTION.search(sentence.lower())
    if m and (_RELATIVE.match(sentence[m.end():].lower())
              or _AUXILIARY.match(sentence[m.end():].lower()) and _APPOSITIVE.search(sentence[: m.start()].lower())) \
            and not sentence.rstrip().endswith("?"):
        # "…to do with my nerves, which seems very odd to me." goes on telling, as does "my granddaughter, who is but
        # twenty-six, has lately been diagnosed…": the verb after the words set off by commas
        m = None
    before = sentence[: m.start()].lower() if m else ""
    # …nor before a comma, when what comes first is a few words naming the subject ("and the amitriptyline one, how
    # does that work?"), not a telling nor what is set aside ("other than the creams, what about…").
    if m and (m["sep"] != "," or _NAMING.match(before) and not _SET_ASIDE.match(before) or _PICKED_FROM.match(before)) \
            and not _TELLS.search(before):
        return [sentence]
    return [sentence[: m.start()], *_clauses(sentence[m.end():])] if m else [sentence]


# How a patient closes a message after asking: a feeling, an apology or why they ask, not more of the question
# ("…how can the test be normal?? starting to feel like nobody believes me").
_ASIDE = re.compile(
    r"^(?:(?:and|but|so|just|honestly|tbh|lol|ugh|anyway|anyhow|again|oh)\b[\s,]*)*(?:(?:i'?m|im|i am|i feel|she'?s|he'?s|she is|he is|they'?re|they are"
    r"|(?:my|her|his) \w+(?: is|'s))(?: \d+(?: years old)?,? and)? )?(?:starting to feel|start(?:ing)? to think"
    r"|(?:so |really |just )?(?:sick and tired|tired|sick|fed up) of\b|i hate\b|(?:i )?(?:don'?t|dont|do not) want (?:to|any|a|another|more)\b"
    r"|feels? like (?:they|he|she|nobody|no one|no-one|everyone|everybody|i'?m|im|i am|i'?ve|i|my doctors?|the doctors?)\b"
    r"|i feel like|feel like|feeling (?:so |really |like )|nobody|no one|no-one|sorry|thanks|thank you|thx|ty\b|lol\b"
    r"|(?:that'?s|thats|this is|it'?s) what'?s (?:weirding|freaking|bugging|worrying|scaring|bothering|getting to) (?:me|us)\b"
    r"|(?:that'?s|thats|this is|that is) (?:what|how) (?:it|this|that) (?:feels?|felt)\b"
    r"|(?:it'?s|its|it is|they'?re) (?:all )?over (?:my|the|his|her)\b"
    r"|it'?s driving me|this is driving me|driving me|(?:so |really |just |absolutely )?(?:scared|worried|frustrated|fed up|desperate|exhausted"
    r"|miserable|upset|anxious|terrified|overwhelmed|heartbroken|struggling|suffering|in agony|in tears|helpless"
    r"|freaking out|freaked out|panicking|stressing)\W*$"
    r"|(?:i'?m|im|i am|we'?re|we are) (?:just |really |so )?hoping\b|fingers crossed\b|hopefully\b"
    r"|i just want|(?:just )?want(?:ed)? to know what (?:i'?m|im|we'?re|she'?s|he'?s) (?:in for|walking into|up against|dealing with|getting into)"
    r"|any help|appreciate|i (always |honestly )?(thought|assumed|figured|believed)\b"
    # …or what it was like ("…what was she trying to figure out? It felt a bit like being back at school")
    r"|(?:it|that|this|the whole thing) (?:felt|feels|was|seemed|seems) (?:a bit |a little |kind of |sort of |rather |quite |just )?like\b"
    # …or what it is not ("…why immunosuppressants for nerve pain? its not like i have an infection")
    r"|(?:it'?s|its|it is|this is|that'?s) not (?:like|as if|as though) (?:i|we|she|he|they|my|her|his)\b"
    # …or why they cannot look it up themselves ("too tired to look it up", "really not in the mood")
    r"|(?:i'?m |im |i am )?(?:too|so) (?:tired|exhausted|lazy|busy|foggy|wiped) to\b|(?:i'?m |im |i am )?(?:really |just |so )?not in the mood\b"
    # …or what it keeps them from ("it's stopping me doing my daughter's hair", "it's wrecking my sleep and I'm dreading…")
    r"|(?:it'?s|its|it is|this is|that'?s) (?:stopping|preventing|keeping|stopped) (?:me|her|him|us)\b"
    r"|(?:it'?s|its|it is|this is|that'?s|it has been|it'?s been) (?:really |totally |completely )?(?:wrecking|ruining|destroying|wrecked|ruined"
    r"|messing (?:up|with)|taking over|interfering with|disrupting) (?:my|her|his|our|their)\b|(?:i'?m|im|i am) (?:really |so )?dreading\b"
    # …or what they make of it ("…seems a waste of time", "sounds a bit extreme tbh")
    r"|(?:it |that |this )?(?:seems|sounds|looks)\b(?! like (?:it|the|my)\b)"
    # …or how it makes them feel ("that terrifies me", "that word keeps scaring me"), or where they read it ("it was
    # written on her discharge papers")
    r"|(?:(?:that|this|the) (?:word|thought|idea|term|name)(?: ['\"]?[\w-]+['\"]?)?|that|this|it|which)(?: \w+){0,2} (?:terrif(?:ies|ied|ying)|scar(?:es|ed|ing)|frighten(?:s|ed|ing)"
    r"|worr(?:ies|ied|ying)|freak(?:s|ed|ing)|petrif(?:ies|ied|ying)|upset(?:s|ting)?) (?:me|us|her|him|them)\b"
    r"|(?:it|that|this|the (?:word|term|name))(?: \w+)? (?:was|is|were|got) (?:written|mentioned|listed|noted|printed|typed|used|put) (?:on|in|at|down)\b"
    # …or how someone close feels about it ("dad is 81 and nervous about appointments")
    r"|(?:(?:my|her|his|our) )?(?:dad|mum|mom|mam|mother|father|husband|wife|partner|son|daughter|sister|brother|he|she|they"
    r"|grandma|grandad|grandpa|gran|nan)(?:'s| is| are)(?: \d+(?: years old)?,?(?: and)?)? (?:so |really |very |quite |a bit |a little )?"
    r"(?:scared|worried|nervous|anxious|frightened|terrified|upset|confused|overwhelmed)\b"
    # …or why they ask ("trying to work out how to describe mine to the GP", "my physician keeps writing SLE")
    r"|(just )?trying to|so (that )?i can|" + _AVOIDS + r"|just so|i (want|need|would like|'?d like|like|prefer) to (know|understand|be)"
    r"|(?:i )?(?:want|wanna|need|would like|'?d like) to (?:recogni[sz]e|remember|follow|keep up|spot|prepare|be ready)|for (a |my )?(class|essay|presentation|assignment|homework|course)"
    r"|(i )?(saw|read|heard|found|came across|spotted) (it|this|that|the word|the term|about it)"
    r"|my (doctor|physician|gp|rheumy|rheumatologist|neurologist|neuro|consultant|nurse) (keeps|kept|said|says|told|mentioned|wrote|writes)"
    # …or who wants it explained ("tell me about physical therapy for it, my insurance wants a reason")
    r"|(?:my|the|her|his|our) (?:insurance|insurer|employer|boss|school|college|uni|work|job|benefits|claim|lawyer|union|hr)"
    r"(?: company| office| people| team| form)? (?:wants?|needs?|asks?|asked|requires?|required|is asking|are asking|keeps? asking)\b)"
)
# …or a closing telling that reports what someone close makes of it ("…and my husband thinks im just tired").
_OTHERS_VIEW = re.compile(
    r"\b(?:my|her|his) (husband|wife|partner|mum|mom|mam|dad|mother|father|family|friends?|boss|sister|brother|son|daughter|kids?"
    r"|boyfriend|girlfriend|colleagues?|coworkers?) (thinks|think|says|say|said|keeps saying|reckons|believes|told me|insists"
    r"|keeps \w+ing|kept \w+ing)\b"
)


# …or what happened to someone, told after the question ("…can it stop his muscles working? my son (15) tripped twice
# this week", "…kick in? She cant sleep and cries most nights"), not what it is like ("it's always worse in winter").
_TELLING = re.compile(
    # …but a fear of something stays part of the question ("does the test hurt? im scared of needles")
    r"^(?!.*\b(?:scared|afraid|terrified|frightened|nervous|worried) (?:of|about)\b)"
    r"(?:(?:and|but|so|also|just|honestly|plus|right now|at the moment|currently|for now|these days|so far|at present|lately"
    r"|recently|today)\b[\s,]*)*(?:(?:my|our|his|her|their) (?:\w+'?s )?\w+(?: \(\d+\))?"
    r"|he|she|they|i|we|ive|im|hes|shes|theyre|theyve|weve|for (?:me|him|her)|there|mine"
    # …or someone close named without "my" ("…what's she looking for? mum can still walk ok")
    r"|dad|mum|mom|mam|mother|father|nan|gran|grandma|grandad|grandpa|doc|doctor|gp|neuro|rheumy|consultant|physio"
    r"|(?:every|each|all|most|no) (?:\w+ )?(?:doctor|doctors|doc|docs|one|body|nurse|gp|specialist|consultant)"
    r"|(?:a|the|some|one|this|that) (?:\w+ )?(?:forum|website|site|group|article|book|leaflet|video|friend"
    r"|blog|post|page|nurse|doctor|pharmacist|guy|woman|lady|man|form|forms|paperwork|application|boss|employer|job|company"
    r"|insurer|insurance))(?:'s|'ve|'d|'m|'re)? (?!(?:is|are|was|were) (?:that|this|it)\b)\w+"
    # …with its "I" left out ("cant sleep because of it", "been up all night")
    r"|(?:can'?t|cannot|couldn'?t|haven'?t|havent|been|still|kept|keep|got) \w+"
    # "…any point in going to physio? its a lot of appointments on top of everything else"
    r"|(?:it'?s|its|it is|that'?s|thats) (?:a lot|too much|so much|hard|tough|exhausting|draining)\b"
    # "…can a cream help? the top of my foot feels like i walked through nettles": what it is like, told
    r"|(?:(?:the|my|our|his|her|their|both|all) )?(?:[\w'-]+ ){0,4}(?:feels?|felt) (?:like|as if|as though)\b"
    # "…does stress make it worse? work's been mental"
    r"|(?!(?:it|this|that|there|which|what)\b)[a-z]+(?:'s| has| have|'ve) been\b"
    # …or how life is going ("…does stress play into it? work is nuts and my spin class is my only outlet")
    r"|(?:work|life|things|everything|home|school|uni|college|the job) (?:is|are|'s|has been|have been) "
    # …or what a medicine does to them ("…put on the skin? pills make me nauseous"), or what someone unnamed said
    # ("…an autoimmune thing? someone at work said its contagious")
    r"|(?:(?:the )?(?:pills?|tablets?|meds|medications?|medicines?|steroids|painkillers?)) (?:make|makes|made|give|gives|gave) (?:me|her|him|us)\b"
    r"|(?:someone|somebody|people|a (?:\w+ )?(?:friend|colleague|coworker|relative|neighbou?r))(?: (?:at|from|in|on) (?:\w+ ){0,2}?\w+)? (?:said|says|say|told|tell|think|thinks|reckon|reckons)\b"
)


# …or why they ask, given after it ("…or is gabapentin the only thing they've got? because it's not exactly a miracle").
_REASON = re.compile(r"^\W*(?:because|cause|cuz|cos|coz|bc)\b(?! of\b)")
_BELIEF = re.compile(r"^\W*(?:(?:and|but|so|honestly|also)\b[\s,]*)*i (?:always |just |honestly |really )?(?:thought|assumed|figured|believed)\b")
_POINTS_AT_IT = re.compile(r"\b(that|this|it|these|those)\b")  # "they" is mostly the doctors


# "What a mouthful!", "how awful!": an exclamation opens like a question and asks nothing.
_EXCLAIMS = re.compile(r"^(?:what an?|how|such an?)\b(?: [\w'-]+){1,3}\s*!+$", re.I)


def _is_question(part: str) -> bool:
    return part.endswith("?") or asks(part) and not _EXCLAIMS.match(part)


def _split(text: str, clauses: bool) -> tuple[list[str], list[str]]:
    """The message's story parts (statements before its first question, closing asides and tellings) and question
    parts."""
    before, asides, question = _parts(text, clauses)
    return [*before, *asides], question


# An emoji or a "lol" ends a sentence as a full stop does; a few words after one, asking nothing, are a remark on what
# came before ("will they put me on steroids for this 😩 moon face era incoming", "whats the vasa nervorum lmao sounds
# like a harry potter spell").
_REMARK_BREAK = re.compile(r"\s*(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?|\b(?:lol|lmao|lmfao|rofl|haha+|hehe+)\b)+[\s,.!]*",
                           re.I)
_REMARK_WORDS = 6


# A message typed in one breath, without a stop or a comma ("got a nerve conduction study booked thurs what does it
# actualy measure im so anxious about it"), is broken where a question or a telling plainly starts: a question word
# or an auxiliary asking, or "i'm", "i keep", "i hate"… after a word that does not lead into it.
_RUN_ON_WORDS = 10
_LEADS_IN = frozenset("""a an the and or but so if that know knows wonder wondering asking ask asked idea sure understand
    explain tell me see about of on in to from for with at by no not is are was were be do does did can could will would
    should has have had just even also then when because cause as what how why which who where it this they them i you
    we he she her him there explaining explain explains telling knowing understanding figure figuring wondered decide
    deciding learn learning show showing remember forgot forget guess care matter matters""".split())
_SUBORDINATE = frozenset("if when whenever since because once while whilst although though unless until".split())
_QUESTION_WORDS = frozenset("what whats what's why how hows how's where which who when".split())
_RUN_ON_BREAK = re.compile(
    r"(?<=[a-z0-9'])\s+(?=(?:what|whats|what's|why|how|hows|how's|where|which)\s"
    r"|(?P<aux>does|do|is|are|can|could|will|would|should|did)\s+(?:it|that|this|there|lupus|sle|the|my|a|an|you|i|they|he|she|anyone"
    # (a thing being done is told, not asked: "…can show lupus is attacking the nerves")
    r"|anything|(?<!is\s)(?<!are\s)[a-z]+ing)\b"
    r"|(?:i'?m|im|i am|i hate|i keep|i've been|ive been|i have been|i feel|i just|i really|it'?s scaring|its scaring"
    r"|it scares|it'?s driving|its driving|it'?s killing|its killing)\b)", re.I)  # "…brain fog I keep forgetting words…"


def punctuated(text: str) -> str:
    """``text`` with breaks where a run-on message starts a new question or telling (unchanged when it has stops)."""
    body = text.strip().rstrip("?!. ")
    if len(body.split()) < _RUN_ON_WORDS or re.search(r"[.?!,;:]", body):
        return text
    out, last = [], 0
    for m in _RUN_ON_BREAK.finditer(text):
        before = text[: m.start()].split()
        segment = text[last : m.start()].split()
        # (nor after a clause leading into the question: "if they're already treating my lupus why do I need…", nor at
        # the verb a question put first: "what side effects should I look out for")
        if (len(before) < 3 or before[-1].lower() in _LEADS_IN or segment[0].lower() in _SUBORDINATE
                or m["aux"] and segment[0].lower() in _QUESTION_WORDS):
            continue
        out.append(text[last : m.start()].rstrip() + ".")
        last = m.end()
    out.append(text[last:])
    return " ".join(out)


def _parts(text: str, clauses: bool) -> tuple[list[str], list[str], list[str]]:
    """The statements before the message's first question, its closing asides and tellings, and its question parts."""
    parts, remarks = [], set()
    text = punctuated(text)
    for n, chunk in enumerate(_REMARK_BREAK.split(text)):
        opening = bool(n)
        for p in _SENTENCE_END.split(chunk):
            for c in (_clauses(p) if clauses else [p]):
                if c.strip():
                    if opening and len(c.split()) <= _REMARK_WORDS and not _is_question(c.strip()):
                        remarks.add(len(parts))
                    opening = False
                    parts.append(c.strip())
    asking = [i for i, p in enumerate(parts) if _is_question(p)] or [i for i, p in enumerate(parts) if _WISH_TO_KNOW.match(p.lower())]
    # "I always thought lupus was a joints and rash kind of illness?? …Can lupus actually…?": a belief told with a
    # question mark, before the question itself, is story.
    first = next((i for i in asking if not (_BELIEF.match(parts[i].lower()) and i != asking[-1])), 0)
    # Between two questions, a telling is story too: a long message goes on with its life between what it asks
    # ("Does stress make it worse? I've been a nervous wreck since the diagnosis… Is there anything in that?"), unless
    # the question after it points back at it ("…I get these zaps like electric shocks, is that it?").
    def asked_about(i: int) -> bool:
        nxt = parts[i + 1] if i + 1 < len(parts) else ""
        return (_is_question(nxt) and bool(_POINTS_AT_IT.search(nxt.lower()))
                or bool(_COMMA_QUESTION.search(parts[i].lower())))  # …or within its own sentence

    asides = [p for i, p in enumerate(parts[first + 1 :], start=first + 1)
              if _ASIDE.match(p.lower()) or i in remarks or (not _is_question(p)
                                             and (_OTHERS_VIEW.search(p.lower()) or _REASON.match(p.lower())
                                                  or _TELLING.match(p.lower()) and not asked_about(i)))]
    return parts[:first], asides, [p for p in parts[first:] if p not in asides]


def asked_part(text: str) -> str:
    """The message without the story before its question and the asides after it: what it asks
    ("…how many tests? trying to work out how many days off I need" asks about tests, not a number)."""
    _, _, question = _parts(text, True)
    return " ".join(question) or text


def each_question(text: str) -> list[str]:
    """For a message asking two things or more ("What is that actually measuring? Do they stick needles in you?"),
    each question with the story told before the first; none for a message asking one thing."""
    before, _, question = _parts(text, True)
    asked = [p for p in question if _is_question(p)]
    return [" ".join([*before, q]) for q in asked] if len(asked) > 1 else []


def story_words(text: str, correct: Callable[[str], str] = lambda s: s, clauses: bool = True) -> frozenset[str]:
    """Words that occur only in the statements before the message's first question sentence, or in a feeling, an
    apology or a reason closing it (none when it asks nothing outright: then it is all question). Anything else
    after a question mostly elaborates on it ("…worse? it's always worse in winter", "like going gluten free"), so
    it stays part of it. ``correct`` spell-corrects a sentence the way the key terms were corrected;
    ``clauses=False`` takes whole sentences only, leaving a statement and a question joined by a comma to the
    question."""
    story, question = _split(text, clauses)
    if not story:
        return frozenset()  # the message opens with its question (most do): no story, nothing to correct
    said = {w for p in story for w in words(correct(p))}
    return frozenset(said - {w for p in question for w in words(correct(p))})


_POINTS_BACK = re.compile(r"\b(that|this|it|these|those|they|them)\b")
# A claim someone made, told before a question that checks it ("My neighbour swears acupuncture fixed her neuropathy.
# Does it work for lupus nerve pain?", "I read that going gluten-free calms it down. Any truth in that?"): what is
# claimed is what is asked about, not a story around it.
_REPORTED = re.compile(r"\b(?:says?|said|saying|told (?:me|us|her|him)|tells (?:me|us)|swears?(?: by)?|swore(?: by)?|insists?|insisted|claims?|claimed"
                       r"|recommend(?:s|ed)?|suggest(?:s|ed)?|raves? about|raved about"
                       r"|reckons?|believes?|(?:i )?(?:read|heard|saw) (?:online |somewhere |on \w+ )?that|(?:i |we )(?:read|heard)(?= \w+ (?:\w+ )?(?:is|are|can|does|do|will|causes?|makes?)\b))\b(?: that)?(?P<claim>.+)$")


# …checked as a claim: true or not, really so, really working or used ("is she right?", "does it work for lupus nerve
# pain?", "is that one used for…?"), not defined ("what does that mean?") nor explained ("how does that work?").
_CHECKS = re.compile(r"\b(true|truth|myth|legit|the case|evidence|proof)\b|,? right\s*\?"
                     r"|\b(is|are|was|were) (she|he|they|that|this|it|my \w+|the \w+) (really |actually |even )?(right|wrong|correct|accurate)\b"
                     r"|(?<!how )\b(does|do|did|would|will|can|could) (it|that|this|they) (really |actually |even )?(work|help)\b"
                     r"|\b(is|are) (that|this|it|those|these)(?: one| drug| stuff)? (really |actually |even )?(used|how|a thing|so)\b"
                     r"|\b(is|are) (that|this|it|those|these) (a |an )?(common|known|usual|normal|real|recogni[sz]ed|typical) "
                     r"(thing|side[- ]?effects?|problem|symptom|cause|reaction)s?\b")


def checks_claim(text: str) -> bool:
    """Does the question ask whether something told is so ("is that accurate?", "is she right?")?"""
    return bool(_CHECKS.search(text.lower()))


_SAID_MYSELF = re.compile(r"\b(?:i|we)\s*$")


def claimed_words(text: str) -> frozenset[str]:
    """Words of a claim reported before the question when the question points back at it (see ``_REPORTED``)."""
    before, _, question = _parts(text, True)
    if not before or not any(_CHECKS.search(p.lower()) for p in question):
        return frozenset()
    # (what the writer said themselves is their story: "…after I said my feet burn like crazy")
    return frozenset(w for p in before for m in [_REPORTED.search(p.lower())]
                     if m and not _SAID_MYSELF.search(p.lower()[: m.start()]) for w in words(m.group("claim")))




def points_back(text: str) -> bool:
    """Does the question itself point back at its story ("…could that be the lupus?"), rather than name what it
    asks about ("…could you explain what lupus is?")?"""
    # Only a story told before the question is pointed back at: a closing aside ("…can it clear up? just trying to get
    # my head round what I might be dealing with") is not what "it" is.
    before, _, question = _parts(text, True)
    return bool(before) and any(_POINTS_BACK.search(p.lower()) for p in question)


# What a symptom is like, told ("my feet feel like they're on hot coals", "mine is like walking on gravel"), and
# idioms ("grit my teeth") are imagery, not subjects: like the story around a question they weigh less and veto
# nothing. A simile asked about ("does it feel like kidney pain?") is the question's subject.
# (…up to a change told after it: "my toes feel like ice cubes and go white then blue" tells the colour plainly)
_CHANGE_TOLD = r"\s+(?:and|but|then)\s+(?:go|goes|going|went|gone|turn|turns|turning|turned|get|gets|getting|got|become|becomes|became)\b"
_SIMILE = re.compile(r"\b(?:feels?|felt|feeling|is|are|was|were|it'?s|its)\s+like\b((?:(?!" + _CHANGE_TOLD + r")[^.?!,;:])*"
                     r"(?:,\s*(?:then|and|or|plus)\b[^.?!,;:]*)*)(?=[.!,;:]|$|" + _CHANGE_TOLD + r")"
                     r"|\bas (?:if|though)\b([^.?!,;:]*)(?=[.!,;:]|$)"
                     # …and one's own told beside what others have ("mine is sort of little zaps up my shins")
                     r"|\bmine(?:'s| is| are| feels?| was)\b([^.?!,;:]*)(?=[.!,;:]|$)"
                     # …or a likeness added after a comma ("feet have felt numb for weeks, like wearing thick socks"), or
                     # after the question ("why are my feet worse? like hot pokers on the bottoms")
                     r"|,\s*(?:rather |a bit |sort of |kind of |much |just )?like\b([^.?!,;:]*)(?=[.!,;:]|$)"
                     # (not a question nor a plain telling after "like": "like what's the normal number", "like my soles are…")
                     r"|^\s*(?:a bit |sort of |kind of |just |almost )?like\b(?! (?:what|whats|why|how|is|are|does|do|can|could|when|where"
                     r"|who|which|should|would|will|i|i'?m|im)\b| (?:my|his|her|their|our|the) \w+ (?:is|are|was|were|feels?|felt)\b)"
                     r"([^.?!,;:]*)(?=[.!,;:]|$)")
# …also inside a message asking about it ("my feet burn like im standing on a hot stove is that lupus?"): a likeness
# told in the first person or of walking on something ends where the question starts.
_LIKE_TOLD = re.compile(r"(?<!feel )(?<!feels )(?<!felt )\blike (?:i'?m|im|i am|i was|i'?ve been|walking|standing|stepping|"
                        r"being|someone|somebody|they'?re|theyre|they are|they were) (?P<img>.*?)(?=\s+(?:is|are|does|do|could|can|would|will|should|might) "
                        r"(?:that|this|it|they)\b|[.?!,;:]|$)")
# …or added to a symptom ("his feet is burning and like needles"): what the likeness names is imagery too.
_AND_LIKE = re.compile(r"\b(?:and|or|kind of|sort of) like (?P<img>[a-z ]{3,30}?)(?=[.?!,;:]|\s+(?:is|are|does|do|could|can|lupus)\b|$)")
_IDIOM = re.compile(r"\b(?:grit (?:my|her|his|their|your) teeth|grin and bear it|tough it out|suck it up|wait it out"
                    r"|(?:am i|i'?m|is she|is he|she'?s|he'?s) going (?:mad|crazy|insane|nuts)|losing (?:my|her|his) mind"
                    # "is lupus brain fog a real thing or am i just lazy": the self-doubt beside the question
                    r"|(?:am i|i'?m|is she|is he|she'?s|he'?s) just (?:being )?(?:lazy|dramatic|weak|soft|sensitive|overreacting|paranoid"
                    r"|a hypochondriac|unfit|out of shape|getting old|old|stressed|clumsy)"
                    # …or of the doctor ("or is she just guessing?", "was she just going through the motions?")
                    r"|(?:is|was|are|were) (?:she|he|they|the doctor|my doctor|the doc|my doc|my gp|the gp|my rheumy|my neuro|the neurologist"
                    r"|my neurologist|my rheumatologist|the rheumatologist) (?:just )?(?:guessing|winging it|fobbing me off|covering (?:herself|himself|themselves))"
                    r"|going through the motions"
                    r"|(?:all )?in (?:my|her|his) head|making (?:it|this) up|imagining (?:it|things)"
                    # "…or do I just tough it out until it calms down": how long, not what is asked about
                    r"|like (?:hell|crazy|mad|the devil|nobody'?s business)"
                    r"|(?:a |the )?waste of (?:my|our|her|his|your|their|the) \w+(?: (?:and|or|&) (?:my |our |the )?\w+)?"
                    r"|(?:until|till|til|'til) (?:it|things|this|that|they|the \w+|lupus|my \w+) (?:calms?|settles?|clears?|goes|dies|eases?"
                    r"|wears?|quiets?) (?:down|up|away|off))\b")


# …or a sensation likened to something inside the question ("jolts like grabbing an electric fence and a deep ache like a
# bruise on the bone", "the spot that burns like a bad sunburn"): the likeness is imagery, the sensation is asked about.
_SENSATION_LIKE = re.compile(r"\b(?:aches?|aching|pain|pains|burn\w*|jolts?|shocks?|zaps?|zapping|tingl\w*|sensations?|numbness|buzz\w*"
                             r"|stabbing|throbbing|stings?|stinging|prickl\w*|cramps?|twinges?) (?:kind of |sort of |a bit |just |almost )?like "
                             # (a likeness drawn, "like a bad sunburn", not a kind named, "zaps like electric shocks")
                             r"(?P<img>(?:a|an|the|some|someone|something|being|getting|grabbing|touching|having|when)\b[a-z' ]{3,40}?)"
                             r"(?=[.?!,;:]|\s+(?:and|or|but|both|is|are|does|do|could|can|lupus|if|when)\b|$)"
                             # …or a state likened to a thing ("legs weak like jelly", "hands heavy like lead")
                             r"|\b(?:weak|heavy|stiff|dead|tight|sore|wobbly|floppy|numb) (?:kind of |sort of |just )?like (?P<thing>[a-z]{3,15})\b")


# A word or two glossed in brackets after a word ("the antibodys (Antikörper)", "nerve test (ENG)"): the same thing
# said again, often in the writer's own language, not a second subject.
_GLOSS = re.compile(r"(?<=\w)\s*\((?P<img>[^()\s]+(?:\s[^()\s]+)?)\)")


# When it happens, told by what the writer is doing ("…my hands tingle when im kneading bread", "it flares up every
# time I'm weeding", "toes going numb on long runs"): the occasion, not what is asked. Only a doing: being pregnant,
# cold or on a medicine, and taking, drinking or stopping something, may be what is asked about.
_NOT_DOING = (r"(?!(?:be|am|was|were|is|are|been|being|get|got|getting|have|has|had|having|feel|felt|feeling|take|took|taking"
              r"|drink|drank|drinking|eat|ate|eating|smoke|smoking|use|used|using|stop|stopped|stopping|start|started|starting"
              r"|miss|missed|skip|skipped|forget|forgot|on|off|in|not|pregnant|sick|ill|stressed|cold|hot|tired)\b)")
_OCCASION = re.compile(
    r"\b(?:when|whenever|while|every time|each time|any ?time)\s+(?:i|she|he|they|we|you)(?:'m| am|'re| are|'s| is|m)?\s+"
    + _NOT_DOING + r"(?P<img>[a-z]+(?: [a-z]+){0,5}?)"
    r"(?=\s+(?:and|but|or|so|is|are|does|do|could|can|would|will|should|what|why|how)\b|[.?!,;:)]|$)"
    r"|\b(?:after|before|during|on)\s+(?:a|my|her|his|our|the)?\s*(?P<img2>(?:[a-z]+ ){0,2}(?:day|run|runs|walk|walks|ride|rides"
    r"|shift|shifts|session|sessions|workout|workouts|class|game|games|hike|hikes|practice|training|match|race|season)"
    r"(?: (?:in|at|on|of) (?:the |my )?[a-z]+(?: [a-z]+)?)?)(?=[.?!,;:)]|\s+(?:and|but|or|so|is|does|could|can)\b|$)")
# A telling in brackets inside the question ("is the brain fog I get (can't keep track of my knitting pattern
# anymore) the same…?"): an aside, like the story around a question.
_BRACKETED = re.compile(r"\((?P<img>[^()]*\b(?:i|i'?m|im|i'?ve|my|me|can'?t|cant)\b[^()]*)\)")


def imagery_words(text: str) -> frozenset[str]:
    """Words of the similes a message tells (in a sentence that does not ask), of its idioms, glosses, bracketed
    asides and the doings it happens during."""
    norm = normalize(text)
    told = [p for p in _SENTENCE_END.split(norm) if not p.rstrip().endswith("?") and not asks(p)]
    # (a told likeness's own verb too: "…it feels like a tight band is squeezing my calves")
    spans = ([m.group(0) for p in told for m in _SIMILE.finditer(p)] + _IDIOM.findall(norm)
             + [m["img"] for p in (_LIKE_TOLD, _AND_LIKE, _GLOSS, _BRACKETED) for m in p.finditer(norm)]
             + [m["img"] or m["thing"] for m in _SENSATION_LIKE.finditer(norm)]
             + [m["img"] or m["img2"] for m in _OCCASION.finditer(norm)])
    return frozenset(w for span in spans for w in words(span))
