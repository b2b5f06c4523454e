"""What a sentence grants in passing before what it asserts: "While lupus is often recognized for its effects on
the joints, skin, and kidneys, it can also significantly target the nervous system." names the kidneys, but says
nothing about them; a question only about the kidneys is not answered by it."""

from __future__ import annotations

import re

# The concession ends at the comma before the main clause's subject, not at a comma inside a list ("joints, skin,").
_CONCESSION = re.compile(r"^(?:While|Whilst|Although|Though|Even though)\b(?P<granted>.+?),\s+"
                         r"(?P<main>(?:it|they|this|these|he|she|we|there|its|their)\b.*)$", re.S)


def split_concession(text: str) -> tuple[str, str] | None:
    """(what is granted, what is asserted) when ``text`` opens with a concession, else None."""
    m = _CONCESSION.match(text.strip())
    return (m["granted"], m["main"]) if m else None
