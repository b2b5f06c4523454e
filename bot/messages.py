"""Every fixed sentence the bot can say that is not a quotation. Reviewed text: change with care.

Nothing here states a medical fact; facts come only from quoted article sentences.
"""

ANSWER_INTRO_ONE = "Here is what the article “{title}” says:"
ANSWER_INTRO_MANY = "Here is what the articles say:"
MORE_INTRO = "Here is more from the article “{title}”:"
NO_MORE = "I have already shared everything the articles say that matches this question."

ABSTAIN = (
    "I’m sorry, the articles I can draw on don’t cover that, so I can’t answer it without guessing. "
    "Your care team is the best place to ask."
)
ABSTAIN_SUGGEST = "Here are some questions I can answer:"
ENGLISH_ONLY = ("I can only read questions written in English, and the articles I answer from are in English. "
                "Could you ask your question in English?")

EMERGENCY = (
    "This sounds like it could be an emergency. Call 911 (or your local emergency number) or go to the "
    "nearest emergency department now. If you are thinking about harming yourself, call or text 988 "
    "(Suicide & Crisis Lifeline in the US) or your local crisis line right away. "
    "This chat cannot help in an emergency."
)

MEDICAL_ADVICE = (
    "I can’t advise on your own medicines or doses. Please don’t start, stop or change a treatment "
    "without talking to the clinician who prescribed it: they know your situation."
)
MEDICAL_ADVICE_GENERAL = "In general, the article says:"

GREETING = (
    "Hello! I answer questions using the articles on this site, quoting them and showing where each "
    "sentence comes from. What would you like to know?"
)
THANKS = "You’re welcome. Is there anything else you would like to know?"
CAPABILITIES = (
    "I’m a patient-education assistant, not a doctor. I answer questions by quoting the articles on this "
    "site, with a link to each sentence, and I tell you when they don’t cover something. I can’t give "
    "personal medical advice."
)
GOODBYE = "Take care. Come back any time you have a question."
# Asked to do a clinic's errand (book or move an appointment, renew a prescription, pass on a message).
ERRAND = (
    "I can’t book or change appointments, order prescriptions or pass messages to your care team; please "
    "contact the clinic for that. I can answer questions about the articles on this site."
)
# Said to someone unhappy with the replies: no claim, an apology and how to get more from the articles.
NOT_HELPFUL = (
    "I’m sorry that wasn’t helpful. I can only quote what the articles say, so it can help to ask about one "
    "thing at a time in your own words, or pick one of the suggested questions."
)

DISCLAIMER = "General information from our articles, not medical advice."
