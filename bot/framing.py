"""A message written as a letter read as the question inside it: "Dear Sir or Madam," before it, "Kind regards,
Mrs Iris Whitworth" after it and "my name is …" within it say nothing about what is asked, yet an unknown name
would otherwise be a key term no sentence covers."""

from __future__ import annotations

import re

from .mixed_language import in_english
from .text import expand_chat

_TITLE = r"(?:(?:mr|mrs|ms|miss|mx|dr|rev|prof|sr|sister|nurse)\.?\s+)"
_NAME = r"[A-Z][A-Za-z'’.-]*"

_SALUTATION = re.compile(
    r"^\s*(?:(?i:dear)\b[^,\n.!?:;]{0,40}[,\n:;!]|(?i:dear)\s+(?i:sir|madam|doctor|team|all)\b[.!]?"
    r"|(?i:to whom it may concern|good (?:morning|afternoon|evening|day)(?: to you| all| there)?"
    r"|greetings|hello there|hi there)\b[\s,.!:;-]*)\s*")

# A sign-off ends the message and is followed by nothing but a name (capitalised, or in capitals in a message
# typed in capitals) and perhaps "(aged 81)"; "thank you for explaining" ends no letter and stays.
_VALEDICTION = (r"(?i:(?:kind|best|warm|warmest|kindest|many|with (?:kind|best|warm|many))\s+(?:regards|wishes|thanks)"
                r"|yours\s+(?:faithfully|sincerely|truly|respectfully|gratefully|ever)|(?:with\s+)?(?:many\s+)?thanks"
                r"(?:\s+(?:again|in advance))?|thank\s+you(?:\s+(?:kindly|again|in advance|very much|so much))?"
                r"|respectfully|sincerely|faithfully|regards|yours|god bless(?: you)?|best)")
_SIGN_OFF = re.compile(rf"(?:(?<=[.!?,;:\n])|^)\s*{_VALEDICTION}[,.!]?(?:\s+(?i:{_TITLE})?{_NAME}){{0,4}}"
                       r"\s*(?:\([^()\n]{1,30}\))?\s*[.!]?\s*$")
# "my name is Mrs Dorothy Pemberton and…": the name goes, the rest of the sentence stays.
# After "my name is" the next word is a name whatever its case; more only when capitalised.
_INTRODUCED = re.compile(rf"\b(?i:my (?:good )?name is|my name's|i am called|i'm called)\s+(?i:{_TITLE})?(?i:[a-z][a-z'’-]*)"
                         rf"(?:\s+{_NAME}){{0,2}}")


def unframe(text: str) -> str:
    """``text`` without a letter's salutation, sign-off and self-introduction; unchanged when nothing else is left."""
    body = _SIGN_OFF.sub("", _SALUTATION.sub("", text, count=1), count=1)
    body = _INTRODUCED.sub("", body)
    return body if body.strip(" \n\t,.!") else text


def as_read(text: str) -> str:
    """The message as every reading of it starts: the letter around it taken off, words of another language mixed in
    read in English, chat spellings written out."""
    return expand_chat(in_english(unframe(text)))
