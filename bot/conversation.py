"""Turn the whole conversation into what to look up now: the server keeps no state, so follow-ups
("How is it diagnosed?", "what about the feet?", "tell me more") are resolved from ``messages`` alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .intents import wants_more
from .framing import as_read
from .text import normalize

ROLES = ("user", "assistant")
_OPENER = re.compile(r"^((ok|okay|right|alright|yeah|yes|hmm|oh) (but|so)|and|but|also|so|then|what about|how about|what if|and what|and how|same for|is that|are they|does it|do they|is it"
                     # "how does that end up messing with my nerves?": "that" as what the question is about
                     r"|(how|why) (does|do|did|would|could|can|will|is|might) (that|this)(?! (test|scan|drug|medicine|doctor)\b)"
                     r"|why (tho|though|then)|how come|(could|can|would|might|may|will) (those|these|that|this|they|it)( be)?)\b")
_ANAPHORA = re.compile(r"\b(it|its|it's|that|this|those|these|they|them|their|there|one|ones|same)\b")
# Words that can only point back ("which of the two", "the latter"): a follow-up however much it says.
_POINTS_BACK = re.compile(r"\b(the two|both of (them|those|these)|which of (the|them|those|these)|the (latter|former)"
                          r"|(that|this|the) same (thing|one|problem)|the other one"
                          r"|if (i|you|we|he|she|they) (had|have|has|got|get|gets|developed|develop) (it|that|this|them|those)"
                          r"|(that|this|the same) (test|scan|procedure|drug|medicine|medication|pill|tablet|treatment|condition|disease|study))\b")
# A follow-up asking for something besides what was quoted ("are there other ways it happens?", "what else helps?").
# "…or is it something else?" weighs an alternative cause, and asks for nothing besides what was quoted.
_SOMETHING_ELSE = re.compile(r"\b(what|anything|anyone|who|where|how) else\b|(?<!or )(?<!is it )(?<!it's )(?<!its )(?<!be )\bsomething else\b|\b(any|some|there|what|which) other\b(?! than)"
                             r"|\banother\b|\b(more|different) (ways?|causes?|things?|types?|options?|kinds?|treatments?|tests?|reasons?"
                             r"|medications?|medicines?|drugs|mechanisms?|forms?)\b"
                             r"|\bother (\w+ )?(types?|kinds?|options?|treatments?|creams?)\b")  # not "my other meds could…"
_OTHERS = re.compile(r"\b(other|others|else|another)\b")
# A turn that only narrows the question before it ("anyone tried cbd" then "for lupus neuropathy i mean"): the two
# ask one question together.
_NARROWS = re.compile(r"^\W*(?:for|in|with) (?!(?:it|that|this|them|those|these)\b)[^?]{1,50}\bi mean\W*$")
_CONTEXT_TURNS = 4  # earlier user turns that may carry the topic (a chain of follow-ups keeps the first one's); older ones rarely apply


class ConversationError(ValueError):
    """The messages list cannot be answered as given; the message says why."""


@dataclass(frozen=True)
class Message:
    role: str
    content: str


@dataclass(frozen=True)
class Resolved:
    """What the last user turn asks, with the topic it inherits from earlier turns."""

    question: str  # the last user message as typed
    focus: str  # text whose key terms the answer must cover
    context: str  # earlier topic text added to the search ('' when the question stands alone)
    more: bool  # "tell me more": show the next best sentences not yet shown
    shown: tuple[str, ...]  # assistant replies so far (to find sentences already quoted)
    new: bool = False  # a follow-up asking for something else: sentences already shown do not answer it


def parse_messages(raw: list) -> list[Message]:
    """Validate a ``[{"role", "content"}, …]`` list whose last item is from the user."""
    if not isinstance(raw, list) or not raw:
        raise ConversationError("messages must be a non-empty list of {role, content} objects")
    out = []
    for i, m in enumerate(raw):
        role = m.get("role") if isinstance(m, dict) else getattr(m, "role", None)
        content = m.get("content") if isinstance(m, dict) else getattr(m, "content", None)
        if role not in ROLES:
            raise ConversationError(f"messages[{i}].role must be 'user' or 'assistant', got {role!r}")
        if not isinstance(content, str):
            raise ConversationError(f"messages[{i}].content must be a string")
        out.append(Message(role, content))
    if out[-1].role != "user":
        raise ConversationError("the last message must be from the user")
    if not out[-1].content.strip():
        raise ConversationError("the last message is empty; type a question")
    return out


# "…needs to rule things out first" then "rule out what kinds of things?": the words of the turn before, asked back.
_ECHO = re.compile(r"^(?!(?:what|which|who|where|how|why|when|is|are|was|were|do|does|did|can|could|will|would|should|so|and|but)\b)"
                   r"[a-z'-]+(?: [a-z'-]+){0,3} (?:what|which|who|whom|where|how)\b(?!.*\b(?:is|are|was|were|do|does|did)\b)")
_ECHO_WORDS = 8


def is_follow_up(text: str, topical_terms: int) -> bool:
    """Does this turn lean on an earlier one? Openers ("what about…"), words asked back ("rule out what?") and
    pronouns with little topic of their own."""
    norm = " ".join(normalize(text).split())
    if len(norm.split()) <= _ECHO_WORDS and _ECHO.match(norm):
        return True
    if _OPENER.match(norm) or _POINTS_BACK.search(norm) or _SOMETHING_ELSE.search(norm):
        return True
    return topical_terms <= 1 or (topical_terms <= 2 and bool(_ANAPHORA.search(norm)))


def resolve(messages: list[Message], topical_count) -> Resolved:
    """Resolve the last user turn; ``topical_count(text)`` counts the words that name a subject."""
    typed = [m.content for m in messages if m.role == "user"]
    users = [as_read(t) for t in typed]
    shown = tuple(m.content for m in messages if m.role == "assistant")
    # Walk forward so each turn inherits from the already-resolved one before it.
    start = max(0, len(users) - (_CONTEXT_TURNS + 1))
    focus, context, more, new = users[start], "", False, False
    for turn in users[start + 1 :]:
        if wants_more(turn):
            more = True  # same focus and context as the turn before
            continue
        more = False
        if _NARROWS.match(normalize(turn)):
            focus = f"{focus} {turn}"
            continue
        if is_follow_up(turn, topical_count(turn)):
            context = " ".join(x for x in (focus, context) if x)
        else:
            context = ""
        # …unless the turn before already asked about others ("…rule out a bunch of other stuff?" then "like what other
        # things could it be?"): then the follow-up asks the same, and what was quoted may well answer it.
        new = bool(_SOMETHING_ELSE.search(normalize(turn))) and not _OTHERS.search(normalize(focus))
        focus = turn
    if len(users) == 1 and wants_more(users[0]):
        more = True
    return Resolved(question=typed[-1], focus=focus, context=context, more=more, shown=shown, new=new)
