"""Spot messages that need a safety notice before (or instead of) an answer.

Deliberately high-recall regular expressions: a false alarm costs a sentence of text, a miss could
cost far more. Matched on the normalised text (lowercase, straight quotes).
"""

from __future__ import annotations

import re

from . import messages
from .text import normalize
from .types import Safety

_EMERGENCY = [
    # stroke signs (FAST)
    r"\b(face|mouth|smile)\b[^.?!]{0,30}\b(droop\w*|drooping|numb and)",
    r"\bdroop\w*\b[^.?!]{0,20}\b(face|mouth|eye|side)\b",
    r"\bslurr\w*\b",
    r"\b(can'?t|cannot|unable to|trouble|can not)\b[^.?!]{0,15}\b(speak|talk|get words out)\b",
    r"\bsudden\w*\b[^.?!]{0,40}\b(weak\w*|numb\w*|confus\w*|vision|headache|dizz\w*)\b",
    r"\b(one|left|right) side of (my|his|her|their|the) (face|body)\b",
    r"\bsudden\w*\b[^.?!]{0,40}\b(can'?t|cannot|couldn'?t|could not|unable to)\b[^.?!]{0,10}\b(move|feel|walk|stand|see|speak|talk)\b",
    r"\b(can'?t|cannot|couldn'?t) feel anything\b|\b(below|from) (my|his|her|the) waist\b",
    r"\bstroke\b",
    r"\b(can'?t|cannot|unable to|can not|could ?n'?t)\b[^.?!]{0,10}\b(lift|move|raise|feel|use)\b[^.?!]{0,15}\b(arm|leg|hand|face|side)\b",
    r"\b(words?|speech|talking)\b[^.?!]{0,25}\b(garbled|jumbled|slurr\w*|nonsense|mixed up)\b|\bgarbled\b",
    # breathing
    r"\b(can'?t|cannot|can not|could ?n'?t|struggling to|hard to|trouble|difficulty|unable to)\b[^.?!]{0,12}\bbreath\w*",
    r"\b(lips?|face) (is |are )?(turning |going )?(blue|gr[ae]y)\b",
    r"\bchok(e|ing)\b",
    r"\bshort(ness)? of breath\b",
    # chest pain / heart
    r"\bchest\b[^.?!]{0,25}\b(pain|pressure|tight\w*|crush\w*|hurts?)\b",
    r"\b(crushing|tight|heavy|pressure|squeez\w*)\b[^.?!]{0,20}\bchest\b",
    r"\bheart attack\b",
    # self-harm
    r"\b(kill|hurt\w*|harm\w*|cutting) (myself|my self)\b",
    r"\bsuicid\w*\b",
    r"\bself[- ]?harm\w*\b",
    r"\bend (my|it all|my own) ?(life)?\b",
    r"\b(don'?t|do not) want to (live|be alive|be here)\b",
    r"\bwant to die\b|\bbetter off dead\b|\bno reason to live\b",
    r"\b(no ?one|nobody|anyone)\b[^.?!]{0,25}\bmiss me\b|\bbetter off without me\b|\bnot worth living\b",
    r"\b(can'?t|cannot) (go on|do this anymore|take (it|this) anymore)\b|\bi'?m done\b[^?]{0,60}\b(pills?|bottle|life|living)\b",
    r"(?<!the )\b(just )?(end|ended|ending) (it|things|everything)( all)?\b",  # not "in the end it got better"
    r"\b(everyone|everybody|every one|family|kids|husband|wife|partner|they|people)\b[^.?!]{0,30}\bbetter off\b",
    r"\bwish (i|i'?d) (was|were|had) (dead|never been born|not here|gone)\b|\bwish i (wasn'?t|was not|weren'?t) (here|alive|around)\b",
    r"\b(no|not any|don'?t see (a|the|any)|what'?s the) point (in |of )?(living|going on|life|being alive|carrying on)\b",
    r"\b(take|taking) my (own )?life\b|\bhang(ing)? myself\b|\bgive up on (life|living|everything)\b",
    r"\b(go to sleep|fall asleep) and (never|not) wake up\b",
    r"\b(full|whole) bottle of\b",
    r"\b(saving|saved|stockpil\w*|hoard\w*|collecting) (up )?(my |all my |the )?(pills|tablets|meds|medication|medicines)\b",
    # other emergencies
    r"\bseizure\w*\b[^.?!]{0,40}\b(won'?t stop|not stopping|for (over |more than )?\d+ ?min\w*|keeps? going)\b",
    r"\b(having|has|had|is in|in the middle of) (a )?(seizure|fit|convulsion)\w*\b[^.?!]{0,25}\b(right now|rite now|now|help)\b",
    r"\b(fitting|seizing|convulsing)\b[^.?!]{0,40}\b(isn'?t|is not|won'?t|wont|not|hasn'?t|has not) (stopping|stop|stopped)\b",
    # A seizure told as what it looks like ("shaking on the floor").
    r"\b(shaking|jerking|twitching|convuls\w*)\b[^.?!]{0,30}\b(on the floor|on the ground|unresponsive|eyes rolled)\b",
    r"\b(fitting|seizing|convulsing|seizure\w*|fit)\b[^.?!]{0,10}\bfor (about |over |more than |nearly |almost )?(\d+|five|ten|several) ?min\w*",
    r"\b(heart|pulse)\b[^.?!]{0,15}\b(racing|pounding|stopping|stopped)\b",
    r"\b(took|taken|swallowed|had)\b[^.?!]{0,12}\btoo (many|much)\b",
    r"\b(unconscious|unresponsive|passed out|won'?t wake|not breathing|overdos\w*)\b",
    # "faint" alone is also an adjective ("a faint tingling")
    r"\b(collaps(ed|es|ing)|black(ed|s|ing)? out|faint(ed|ing|s)|(feel|felt|feeling|going to) faint|lost consciousness|losing consciousness|keeled over)\b",
    r"\b(took|swallowed|taken)\b[^.?!]{0,15}\b(all|whole bottle|bottle|too many|handful|bunch|lot)\b[^.?!]{0,35}\b(pills?|tablets?|meds|medications?|medicines?)\b",
    r"\b(coughing|vomiting|throwing) up blood\b",
]

_ADVICE = [
    r"\bshould (i|he|she|they|we|my (mum|mom|dad|son|daughter|husband|wife|partner|child|kid|father|mother))\b[^.?!]{0,25}\b(stop|start|take|quit|switch|change|increase|decrease|reduce|double|skip|cut|lower|raise|try|keep taking|come off|go off|use|cancel|postpone|delay|put off|miss|not go|not bother|swap)\b",
    r"\b(can|could|may) i\b[^.?!]{0,20}\b(cancel|postpone|put off|miss|not go to)\b[^.?!]{0,25}\b(appointment|appt|test|scan|emg|ncs|biopsy|check ?up|visit|infusion)\b",
    r"\bdo i (still |really |even )?(need|have) to (take|keep|go|have|get|do|see)\b|\bdo i (still |really )?need (my|the|this|that) (test|scan|emg|ncs|biopsy|appointment|appt|meds?|medicine|medication|tablets?|pills?)\b",
    r"\b(can|could|may) i\b[^.?!]{0,20}\b(stop|quit|double|skip|cut|increase|reduce|decrease|lower|raise|switch|mix|combine|come off|go off)\b",
    r"\b(can|could|may) i\b[^.?!]{0,20}\btake\b[^.?!]{0,40}\b(with|and|together|more|extra|instead)\b",
    r"\bhow (much|many)\b[^.?!]{0,40}\b(take|have|use|mg|milligrams?|pills?|tablets?)\b",
    r"\b(what|which|right|correct|max\w*|safe) (dose|dosage)\b",
    r"\b(my|the) (dose|dosage)\b",
    r"\b\d+ ?(mg|milligrams?|mcg)\b",
    r"\b(is it|would it be|will it be|it'?s) (ok|okay|safe|fine|alright|all right|bad)\b[^.?!]{0,20}\b(to|if i|if we) (just )?(take|stop|mix|combine|drink|skip|use|double|cancel|miss|postpone|not go|quit|delay|reschedule|push (it|this|that|them|the \w+|my \w+) back|push back (my|the)|put (it|this|that) off)\b",
    r"\b(safe|ok|okay|dangerous|harm\w*)\b[^.?!]{0,40}\b(pregnan\w*|the baby|breast ?feed\w*|nursing)\b",
    r"\b(pregnan\w*|breast ?feed\w*|nursing)\b[^.?!]{0,40}\b(safe|ok|okay|take|use)\b",
    r"\bthinking (of|about) (just )?(quitting|stopping|not taking|skipping|coming off|switching)\b",
    r"\b(two|2|three|3|double|extra) (of )?my\b[^.?!]{0,20}\b(pills?|tablets?|doses?|[a-z]+(in|ine|one|am|ol))\b",
    r"\b(stop\w*|quit\w*|come off|go off|wean off|skip\w*|up|raise|increase|lower|decrease|reduce|double|halve|cut|adjust|change) (taking )?my\b(?! (diet|life|lifestyle|mind|routine|habits?)\b)",
    r"\b(together|at the same time|interact\w*)\b[^.?!]{0,30}\?",
]

_EMERGENCY_RE = re.compile("|".join(f"(?:{p})" for p in _EMERGENCY))
_ADVICE_RE = re.compile("|".join(f"(?:{p})" for p in _ADVICE))


def check_safety(text: str) -> Safety | None:
    """An emergency or medical-advice notice for this message, or None (patterns only)."""
    norm = normalize(text)
    if _EMERGENCY_RE.search(norm):
        return Safety("emergency", messages.EMERGENCY)
    if _ADVICE_RE.search(norm):
        return Safety("medical_advice", messages.MEDICAL_ADVICE)
    return None


# One plain description per kind of emergency. A message this close in meaning to any of them is
# treated as one even when no pattern matches its wording ("nobody would notice if I was gone").
EMERGENCY_EXAMPLES = (
    "I want to kill myself",
    "I am thinking about ending my life",
    "nobody would miss me if I was gone",
    "I don't want to be alive anymore",
    "I can't breathe",
    "I am struggling to breathe and my lips are blue",
    "crushing chest pain spreading to my arm",
    "I think I'm having a heart attack",
    "my face is drooping and my speech is slurred",
    "I took too many pills",
    "I swallowed a whole bottle of my medication",
    "a seizure that won't stop",
    "he passed out and won't wake up",
)
# Cosine (all-MiniLM-L6-v2) at or above which a message counts as an emergency. Over the 432 user turns
# of eval/dev, dev2 and holdout the highest non-emergency turn scored 0.54; the patterns above catch the
# emergencies there, so this is a net for wordings they miss, set high to keep false alarms away.
EMERGENCY_SIMILARITY = 0.60


class SafetyCheck:
    """Patterns first; then, with an embedder, closeness in meaning to known emergencies."""

    def __init__(self, embedder=None, prepare=lambda text: text):
        self.embedder = embedder
        self.prepare = prepare  # the text retrieval will embed too, so a caching embedder encodes it once
        self._examples = None

    def __call__(self, text: str) -> Safety | None:
        found = check_safety(text)
        if found and found.kind == "emergency" or self.embedder is None:
            return found
        if self._examples is None:
            self._examples = self.embedder.encode(list(EMERGENCY_EXAMPLES))
        closeness = float((self.embedder.encode([self.prepare(text)]) @ self._examples.T).max())
        return Safety("emergency", messages.EMERGENCY) if closeness >= EMERGENCY_SIMILARITY else found
