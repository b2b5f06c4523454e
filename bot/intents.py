"""Messages that are not questions about the articles: greetings, thanks, "what can you do?", goodbyes, a clinic's errands."""

from __future__ import annotations

import re

from . import messages
from .text import normalize

_GREETING = r"(hi|hello|hey|hiya|howdy|good (morning|afternoon|evening|day)|greetings|yo)( there)?"
# "hi, sorry, bit nervous, never used one of these before": someone new to the chat, greeting it.
_NEW_HERE = (r"(sorry|(i'?m |im )?((a )?(bit|little|very|so|quite|kinda) )*(nervous|new here|new to (this|these|chat ?bots?))"
             r"|(i'?ve |i have )?never (used|tried|done) (one of these|this|a chat ?bot|anything like this)( before)?"
             r"|(it'?s )?(my )?first time (here|using (this|one of these|a chat ?bot)))")
# "hi, just testing if this thing works": checking the chat is there, asking nothing yet.
_TESTING = (r"((just )?testing|test)(( if| whether| to see if)? (this|it|the (bot|chat))( thing| bot| chat)? (works|is working|is on))?"
            r"|(is )?(this|it|the bot|this thing) (working|on)|are you (there|working|on)|(just )?a test( message)?")
_SMALL = {
    "greeting": re.compile(rf"^({_GREETING})([ ,!.]+(how are you( doing)?( today)?|how's it going|bot))?[ ,!.?]*$"
                           rf"|^(({_GREETING})[ ,!.]+)?{_NEW_HERE}([ ,!.]+{_NEW_HERE})*[ ,!.]*$"
                           rf"|^(({_GREETING})[ ,!.]+)?({_TESTING})[ ,!.?]*$"),
    "thanks": re.compile(r"^((hey|hi|oh|ok(ay)?|great|cool|perfect|awesome|got it|right|brilliant|lovely)[ ,!.]*)*(thanks?( you)?|thx|ty|cheers|much appreciated)\b(?![^?]*([,.!;] *|\b(and|but|so|also) )(what|how|why|when|where|which|who|can|could|does|do|is|are|should|tell me)\b)[^?]*$"
                         # "that really helped, thanks", "this was very useful"
                         r"|^((ok(ay)?|great|oh|wow)[ ,!.]*)?(that|this|it|you)( (really|actually|truly|have|'ve|has))* (helped|help|been|was|were)"
                         r"( (really|very|so|super|most|a great|a big|such a))* ?(helpful|useful|great|a help|a lot|loads|so much|heaps)?"
                         r"( (help|a lot|loads|so much))?[ ,!.]*((thanks?|thank you|cheers|ty|thx)( (so|very) much)?)?[ ,!.]*$"),
    "capabilities": re.compile(
        # …after a greeting too ("hello, what can you help me with?")
        rf"^(({_GREETING})[ ,!.]+)?((what|how) (can|do|could) you (do|help( me)?( with)?)|who are you|what are you|are you (a )?(bot|human|robot|doctor|real)"
        r"|what do you know( about)?|help|what is this|what can i ask( you)?|how does this work)[ ,!.?]*$"
    ),
    "goodbye": re.compile(r"^(bye|goodbye|see you|good night|that's all|nothing else|no thanks?( you)?)[ ,!.]*$"),
    # "can u help me move my appointment to thursday", "i need you to refill my gabapentin prescription": the clinic's
    # work, asked of the chat
    "errand": re.compile(
        rf"^(({_GREETING})[ ,!.]+)?(please |pls |hi |so |ok(ay)? )*((can|could|would|will) (you|u)( please| pls)?( help me| help)?( to)?|please|pls"
        r"|i (need|want|would like|'?d like) (you )?to|i need (you )?to|how do i) "
        r"(book|move|change|reschedule|re-schedule|cancel|make|arrange|set up|schedule|refill|renew|reorder|order|send|pass|forward|email"
        r"|message|contact|call|ring|get me|put me)\b[^?]{0,60}\b(appointments?|appts?|bookings?|prescriptions?|scripts?|refills?|results?"
        r"|doctor|dr|rheum\w*|neuro\w*|nurse|gp|clinic|referrals?|sick note|fit note|records?)\b[^?]{0,40}[ ,!.?]*$"),
    # "ur kinda useless ngl", "that didn't help at all": about the replies, not about the articles' subject.
    "not_helpful": re.compile(
        r"^((wow|ugh|honestly|seriously|tbh|ngl|lol|well|ok(ay)?|so)[ ,!.]+)*"
        r"(you'?re|ur|you are|u r|this is|that'?s|that was|this bot is|this thing is|you'?re being|what a)( (so|kinda|kind of|pretty|really|totally|completely|absolutely|such an?|an?))*"
        r" (useless|unhelpful|not (very |really |at all )?helpful|no help|rubbish|garbage|trash|pointless|a waste of time|dumb|stupid)"
        r"( (tbh|ngl|lol|honestly|mate|bot|at all))*[ ,!.?]*$"
        r"|^(that|this|it|you) (didn'?t|did not|doesn'?t|does not|don'?t) (help|answer (my|the) question)( at all| much)?( (tbh|ngl|lol))*[ ,!.?]*$"),
}
_REPLIES = {
    "greeting": messages.GREETING,
    "thanks": messages.THANKS,
    "capabilities": messages.CAPABILITIES,
    "goodbye": messages.GOODBYE,
    "errand": messages.ERRAND,
    "not_helpful": messages.NOT_HELPFUL,
}


def small_talk(text: str) -> str | None:
    """The fixed reply for a greeting, thanks, goodbye or capabilities question, else None."""
    norm = " ".join(re.sub(r"[^\w' ,!.?]", " ", normalize(text)).split())
    for kind, pattern in _SMALL.items():
        if pattern.match(norm):
            return _REPLIES[kind]
    return None


_MORE = re.compile(
    r"^(and |ok(ay)?,? |so |please |can you )?(tell me more|more( please| info(rmation)?| details)?|go on|keep going|continue"
    r"|what else|anything else|say more|more about (that|it|this)|tell me more about (that|it|this)|explain more"
    r"|elaborate|and\??)[ ,!.?]*(please)?[ ,!.?]*$"
)


def wants_more(text: str) -> bool:
    """Is this "tell me more" about the previous question?"""
    return bool(_MORE.match(" ".join(normalize(text).split())))
