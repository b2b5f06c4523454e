"""Spot messages that need a safety notice before (or instead of) an answer.

Deliberately high-recall regular expressions: a false alarm costs a sentence of text, a miss could
cost far more. Matched on the normalised text (lowercase, straight quotes).
"""

from __future__ import annotations

import re

from . import messages
from .text import expand_chat, normalize
from .types import Safety

_EMERGENCY = [
    # stroke signs (FAST)
    r"\b(face|mouth|smile)\b[^.?!]{0,30}\b(droop\w*|drooping|numb and)",
    r"\bdroop\w*\b[^.?!]{0,20}\b(face|mouth|eye|side)\b",
    r"\bslurr\w*\b",
    r"\b(can'?t|cnt|cannot|unable to|trouble|can not)\b[^.?!]{0,15}\b(speak|talk|get (my |me |his |her |the )?words out)\b",
    r"\bsudd?en\w*\b[^.?!]{0,40}\b(weak\w*|numb\w*|confus\w*|vision|headache|dizz\w*)\b",
    r"\b(one|left|right) side of (my |his |her |their |the )?(face|body)\b",
    r"\bsudd?en\w*\b[^.?!]{0,40}\b(can'?t|cannot|couldn'?t|could not|unable to)\b[^.?!]{0,10}\b(move|feel|walk|stand|see|speak|talk|lift|raise)\b",
    r"\b(can'?t|cannot|couldn'?t) feel anything\b|\b(below|from) (my|his|her|the) waist\b",
    r"\b(having|had|has|is having|is this|is it|could this be|think (it'?s|i'?m|she'?s|he'?s)( having)?|might be( having)?) a (mini[- ]?)?stroke\b|\bstroke (right )?now\b",
    r"\b(vision|sight)\b[^.?!]{0,40}\b(gone|vanished|went black|blacked out|lost|disappeared)\b|\b(half|left side|right side) of (everything|the world|my vision|what (i|he|she) (can )?sees?)\b[^.?!]{0,30}\b(gone|vanished|missing)\b",
    r"\bworst headache\b|\bthunderclap\b",
    r"\b(speech|talking|voice)\b[^.?!]{0,20}\b(sounds? drunk|sounds? strange|is weird|slurr\w*)\b",
    r"\b(doesn'?t|does not|didn'?t) recogni[sz]e (me|us|her|him)\b|\b(doesn'?t|does not|didn'?t) know (what (year|day|month) it is|who (i am|i'?m|we are)|where (she|he) is)\b|\basking what (year|day) it is\b|\btalking to (people|someone) who (isn'?t|aren'?t|is not|are not) there\b",
    r"\blegs? (just )?(gave out|gave way|went dead)\b|\bcan'?t (stand|walk) (up )?(or|and) (walk|stand)\b|\bcan'?t move my (legs?|arms?)\b",
    # Feet or hands that cannot be felt are the everyday numbness of neuropathy, an emergency only when sudden (below).
    # …and a foot that will not lift "properly" is the foot drop of a damaged nerve, come on over weeks.
    r"\b(can'?t|cannot|unable to|can not|could ?n'?t)\b[^.?!]{0,10}\b(lift|move|raise|use)\b[^.?!]{0,15}\b(arms?|legs?|hands?|face|side)\b"
    r"|\b(can'?t|cannot|unable to|can not|could ?n'?t)\b[^.?!]{0,10}\b(lift|move|raise|use)\b[^.?!]{0,15}\b(feet|foot)\b"
    r"(?!\s+(properly|very well|well|any ?more|these days|like (i|she|he) used to)\b)"
    r"|\b(can'?t|cannot|unable to|can not|could ?n'?t)\b[^.?!]{0,10}\bfeel\b[^.?!]{0,15}\b(arms?|legs?|face|side)\b",
    r"\b(words?|speech|talking)\b[^.?!]{0,25}\b(garbled|jumbled|slurr\w*|nonsense|mixed up|(coming|comin'?|come|comes) out wrong)\b|\bgarbled\b",
    # a face fallen on one side, told in everyday words
    r"\b(face|mouth|smile)\b[^.?!]{0,30}\b(dropped|drooped|fallen|fell|lopsided|crooked|uneven|sagging|slack)\b|\blopsided\b|\bcan'?t smile (properly|straight|right)\b",
    r"\b(dribbl\w*|drool\w*)\b[^.?!]{0,30}\bmouth\b|\bmouth\b[^.?!]{0,30}\b(dribbl\w*|drool\w*)\b",
    r"\b(weak\w*|numb\w*|went dead|gave way|gave out)\b[^.?!]{0,15}\bsudd?en\w*\b",
    r"\b(lose|losing|lost) (my |the |his |her )?(vision|sight)\b|\b(vision|sight|eyes?|everything)\b[^.?!]{0,20}\b(went|gone|going) (dark|black)\b",
    r"\b(can|could) (hardly|barely) breathe?\b",
    # breathing
    r"\b(can'?t|cannot|can not|could ?n'?t|struggling to|hard to|trouble|difficulty|unable to)\b[^.?!]{0,12}\bbreath\w*",
    r"\b(lips?|face) (is |are )?(turning |going )?(blue|gr[ae]y)\b",
    r"\bchok(e|ing)\b(?! off)",  # not "lupus can choke off the blood getting to the nerves"
    r"\bshort(ness)? of breath\b",
    r"\b(can'?t|cant|cannot) bre+a?the?\b|\bwheez\w*\b",
    r"\bno breathe?\b|\bgasping\b|\bblue (around|round) (the|his|her|my|their) (lips|mouth)\b|\b(breathing|breaths?) (is |are |has |have )?(gone |got |getting )?(very |really |so )?(slow\w*|shallow)\b",
    r"\b(face|lips?|tongue|throat|mouth)\b[^.?!]{0,25}\bswell\w*\b|\b(hard|difficult|trouble|can'?t|cannot|unable) (to )?swallow\w*\b",
    r"\bthroat\b[^.?!]{0,20}\b(closing|tight\w*|swell\w*)\b|\btongue\b[^.?!]{0,15}\bswell\w*\b|\b(lips?|face)\b[^.?!]{0,15}\b(puffing|swelling) up\b|\bepi-?pen\b|\banaphyla\w*\b",
    # chest pain / heart
    r"\bchest\b[^.?!]{0,25}\b(pain|pressure|tight\w*|crush\w*|hurts?|hurting)\b",
    r"\b(crushing|tight|heavy|pressure|squeez\w*|tearing|ripping)\b[^.?!]{0,20}\bchest\b",
    r"(?<!gave me a )(?<!give me a )(?<!giving me a )(?<!nearly had a )(?<!almost had a )\bheart attack\b",  # not "nearly gave me a heart attack"
    # a weight on the chest, or the chest with a cold sweat: how heart attacks are told in everyday words
    r"\b(sitting|standing|pressing|weight|elephant)\b[^.?!]{0,12}\bon (my|his|her|their|the) chest\b|\bchest\b[^.?!]{0,30}\b(sitting|standing|pressing) on (it|me|him|her)\b",
    r"\bchest\b[^?!]{0,80}\b(cold sweat|sweating|sweaty|clammy)\b|\b(cold sweat|sweating|sweaty|clammy)\b[^?!]{0,80}\bchest\b",
    r"\bch[ea]?st\b[^.?!]{0,25}\b(pain|pressure|tight\w*|crush\w*|hurts?|hurting)\b|\bpain in the (centre|center|middle) of my chest\b|\belephant\b[^.?!]{0,20}\bchest\b|\bchest\b[^.?!]{0,40}\belephant\b",
    # self-harm
    r"\b(kill\w*|hurt\w*|harm\w*|cutting) (myself|my self)\b|\btried to (kill|hang|hurt|harm|drown|poison) (himself|herself|themselves|myself)\b",
    r"(?<!cell )(?<!cellular )\bsuicid\w*\b",  # not "cell suicide" (apoptosis)
    r"\bself[- ]?harm\w*\b",
    r"\bend (my|it all|my own) ?(life)?\b",
    r"\b(don'?t|do not) want to (live|be alive|be here)\b",
    r"\b(wants?|wanted|wanna|wanting) to die\b|\bkms\b|\bunalive (myself|me)\b|\bbetter off dead\b|\bno reason to live\b",
    r"\b(no ?one|nobody|anyone)\b[^.?!]{0,25}\bmiss me\b|\bbetter off without (me|him|her|them|us)\b|\bnot worth living\b",
    r"\b(can'?t|cannot) (go on|do this anymore|take (it|this) anymore)\b|\bi'?m done\b[^?]{0,60}\b(pills?|bottle|life|living)\b",
    r"(?<!the )\b(just )?(end|ended|ending) (it|things|everything)( all)?\b",  # not "in the end it got better"
    r"\b(don'?t|do not|dont) (see|see any) (the )?point\b[^.?!]{0,20}\b(anymore|any more|in anything|of anything|going on)\b|\bburden (on|to) (everyone|my family|everybody|them)\b",
    r"\b(don'?t|do not|dont) (want|wanna) to be here\b|\b(don'?t|dont) wanna be (here|alive)\b",
    r"\btonight'?s the night\b|\btonight (might|could|will) be the night\b|\bmake it (all )?stop for good\b",
    r"\b(giving|gave|give) (away )?(my|all my) (\w+ )?(pills|things|stuff|belongings|possessions)( away)?\b|\bwon'?t need (them|it|anything) where i'?m going\b|\b(putting|put|sorting|sorted) (out )?my affairs\b",
    # goodbye letters: to the family, or named as such ("a letter to my doctor" is not one)
    r"\b(writ\w*|wrote|left) (a |goodbye )?(letters?|notes?) (to|for) ((my|the|his|her) (kids|children|family|husband|wife|partner|son|daughter|parents|mum|mom|dad|loved ones)|everyone)\b|\b(suicide|goodbye) (notes?|letters?)\b",
    r"\b(cutting|hurting) (myself )?again\b|\bburning myself again\b|\brazor\b|\b(going to|gonna) jump\b|\bjump (off|in front)\b",
    r"\bhow (many|much)\b[^.?!]{0,30}\b(it would take|would it take|to (die|end it|not wake up))\b",
    r"\b(everyone|everybody|every one|family|kids|husband|wife|partner|they|people)\b[^.?!]{0,30}\bbetter off\b",
    r"\bwish (i|i'?d) (was|were|had) (dead|never been born|not here|gone)\b|\bwish i (wasn'?t|was not|weren'?t) (here|alive|around)\b",
    r"\b(no|not any|don'?t see (a|the|any)|what'?s the) point (in |of )?(living|going on|life|being alive|carrying on)\b",
    r"\b(take|taking) my (own )?life\b|\bhang(ing)? myself\b|\bgive up on (life|living|everything)\b",
    r"\b(go to sleep|fall asleep) and (never|not) wake up\b",
    r"\b(don'?t|do not|can'?t|cannot) see (a|any) way out\b|\bno way out\b",
    r"\b(going to|gonna|about to|will) (take|swallow) (it|them|the lot|everything)( all)?\b[^.?!]{0,15}\b(tonight|now|today|at once)\b",
    r"\b(full|whole) bottle of\b",
    r"\b(saving|saved|stockpil\w*|hoard\w*|collecting) (up )?(my |all my |the )?(\w+ )?(pills|tablets|meds|medication|medicines)\b|\bstockpil\w*\b",
    # the same told the other way round ("a bunch of pills saved up"), or as a thought of taking them all at once
    r"\b(pills|tablets|meds|medications?|medicines)\b (\w+ ){0,2}(saved (up|away)|stashed( up| away)?|hoarded|put aside|set aside|squirrell?ed away)\b",
    r"\b(think|thinking|thought|thoughts) (about |of )?(just )?(taking|swallowing) (them all|all of (them|my|the|those)|all (my|the|those|these)|the (whole|entire) (lot|bottle|pack|box))\b",
    # other emergencies
    r"\b(seizure\w*|fit|fits|convulsion\w*)\b[^.?!]{0,40}\b(won'?t stop|not stopping|for (over |more than )?\d+ ?min\w*|keeps? going)\b",
    r"\b(having|has|had|is in|in the middle of) (a |some (kind|sort) of |a (kind|sort) of )?(seizure|fit|convulsion)\w*\b[^.?!]{0,25}\b(right now|rite now|now|help)\b",
    r"\b(fitting|seizing|convulsing)\b[^.?!]{0,40}\b(isn'?t|is not|won'?t|wont|not|hasn'?t|has not) (stopping|stop|stopped)\b",
    # A seizure told as what it looks like ("shaking on the floor").
    r"\b(shaking|jerking|twitching|convuls\w*)\b[^.?!]{0,30}\b(on the floor|on the ground|unresponsive|eyes rolled)\b",
    r"\b(fitting|seizing|convulsing|seizure\w*|fit)\b[^.?!]{0,15}\b(for|going on|gone on|lasting|lasted|been)\b[^.?!]{0,15}\b(\d+|five|ten|several) ?min\w*",
    r"\b(seizure|fit)\b[^?!]{0,60}\b(having|had|into) another\b|\bturning (blue|grey|gray)\b",
    r"\b(heart|pulse)\b[^.?!]{0,15}\b(racing|pounding|stopping|stopped)\b",
    r"\b(took|taken|swallowed|had)\b[^.?!]{0,12}\btoo (many|much)\b",
    r"\b(unconscious|unresponsive|passed out|passing out|(hard|difficult|impossible) to (wake|rouse)|won'?t wake|not breathing)\b|\boverdos\w*\b(?! on (\w+ )?(chocolate|sugar|sweets|candy|cake|food|coffee|caffeine|carbs|tv|netflix|sun|sunshine|cheese|pizza)\b)",
    # "faint" alone is also an adjective ("a faint tingling")
    r"\b(collaps(ed|es|ing)|black(ed|s|ing)? out|faint(ed|ing|s)|(feel|felt|feeling|going to) faint|lost consciousness|losing consciousness|keeled over)\b",
    r"\b(took|swallowed|taken)\b[^.?!]{0,15}\b(all|whole bottle|bottle|too many|handful|bunch|lot|load|loads|pile|heap)\b[^.?!]{0,35}\b(pills?|tablets?|meds|medications?|medicines?)\b",
    r"\b(took|swallowed|taken)\b[^.?!]{0,15}\b(bunch|handful|load|loads|pile|heap)\b[^.?!]{0,20}\b[a-z]{4,}(tin|ine|ol|am|one|dol|lin|ide)\b",
    r"\b(whole|entire|full) (week|month|fortnight|bottle|pack|box)'?s? (worth|supply)\b|\b(week|month|fortnight)'?s? (worth|supply)\b[^.?!]{0,30}\bat once\b|\bdouble (doses?|dosing)\b[^.?!]{0,60}\b(can'?t|cannot|barely|hardly|slow|sleepy|drowsy|confused)\b",
    # "…take 2 of my gabapentin": an overdose told, not asked about ("can i take 2 of my…" is a decision)
    r"\b(?=t|s)(?<!can i )(?<!could i )(?<!should i )(?<!may i )(?<!do i )(?<!can i just )(?<!could i just )(?<!should i just )(?<!do i just )(took|swallowed|taken|take)\b[^.?!]{0,10}\b(like |about |around |maybe )?\d+ (of )?(my|the|his|her)\b"
    # …but two "instead of one" is a dose asked about, not a handful swallowed
    r"(?![^.?!]{0,40}\binstead of (\d+|one|two|the usual|my usual)\b)|\b(took|swallowed) all (of )?my\b|\bthe whole (box|bottle|packet|pack)\b",
    r"\b(am|have|i'?ve|has|he'?s|she'?s) (take|taken|took|swallowed)\b[^.?!]{0,10}\btoo many\b|\bgot into (my|the|his|her) [\w ]{0,20}(bottle|pills|tablets|meds|medicine)\b",
    r"\b(coughing|vomiting|throwing|puking|spitting) (up )?blood\b",
    r"\bslumped over\b|\bnot (answering|responding)( to)? me\b|\b(isn'?t|is not|not) waking up\b|\b(not|won'?t|doesn'?t|didn'?t) wake up\b|\b(not|won'?t|doesn'?t|isn'?t) (answer|respond)\w* (to )?(me|us)\b",
    r"\b(two|three|four|several|\d+) (seizures|fits)\b[^.?!]{0,20}\b(in|within) (the last|an|a|the past)\b|\bstill (jerking|fitting|seizing|shaking)\b",
    r"\bbleeding\b[^.?!]{0,15}\b(won'?t|wont|doesn'?t|does not|isn'?t|is not|not) (stop|stopping|slow\w*)\b|\bsoak(ed|ing)\b[^.?!]{0,20}\b(towels?|pads?|bandages?|dressings?)\b|\bbleeding (really |very |so )?heav\w*\b|\bblood (is )?(pouring|gushing|everywhere)\b|\b(won'?t|wont|doesn'?t|does not) stop bleeding\b|\bsoaking (a|through)\b[^.?!]{0,20}\b(pad|towel)\b|\bnosebleed\b[^.?!]{0,30}\b(hour|won'?t stop|not stopping)\b",
    r"\bcan'?t tell (when|if|whether) i need to (pee|wee|go)\b|\b(accident|lost control) (with|of) my (bowels?|bladder)\b|\bwet (myself|himself|herself)\b|\b(can'?t|cannot|couldn'?t|unable to) (control|hold) (my |his |her )?(bladder|bowels?|pee|wee|urine)\b|\b(can'?t|cannot|couldn'?t|unable to) (pee|wee|urinate)\b",
    # read from the third blind safety set: whole kinds of emergency the patterns above missed
    r"\b(nothing|can'?t see( anything)?|cannot see( anything)?|black|dark|blind)\b[^.?!]{0,20}\bout of (my|his|her|one) (left |right )?eye\b|\b(left|right|one) eye\b[^.?!]{0,25}\b(gone|went) (\w+ and )?(black|dark|blind)\b",
    r"\b(suddenly|sudden)\b[^.?!]{0,30}\b(double vision|seeing double|went double|gone double|seeing two of)\b|\b(room|world|everything) (is )?spinning\b[^?!]{0,40}\b(can'?t|cannot) (walk|stand)\b",
    r"\bcoughing up\b[^.?!]{0,15}\b(pink\w*|froth\w*|foam\w*)\b|\bdrowning\b[^.?!]{0,15}\b(lie|lying|breath\w*)\b",
    r"\bpregnant\b[^?!]{0,80}\b(flashing lights|seeing spots|blurr\w* vision|(face|hands|feet) (and \w+ )?(puffed|swell\w*|swollen))\b",
    # someone swallowing a heap of pills, or a child eating any ("took some of my gabapentin" is everyday)
    r"\bswallowed\b[^.?!]{0,12}\b(a bunch|a handful|a lot|loads|all|several|the rest) of (my|his|her|the|their)\b[^.?!]{0,15}\b(pills?|tablets?|meds|medicines?|[a-z]+(in|ine|ol|am|one|dol|lin))\b"
    r"|\b(ate|eaten|chewed)\b[^.?!]{0,12}\b(a bunch|some|a handful|a lot|loads|a few|all|several) of (my|his|her|the|their)\b[^.?!]{0,15}\b(pills?|tablets?|meds|medicines?|[a-z]+(in|ine|ol|am|one|dol|lin))\b",
    r"\b(got into|been into|opened)\b[^.?!]{0,25}\b(handbag|bag|purse|cupboard|cabinet|drawer)\b[^?!]{0,60}\b(ate|eaten|swallowed|took|taken|chewed)\b",
    r"\b(extra|too many|double|several) (doses?|times|tablets|pills)\b[^?!]{0,80}\b(drowsy|sleepy|muddled|confused|can'?t stay awake|breathing)\b|\b(breathing|breaths?) (feels?|seems?|is) (very |really |so )?(slow|shallow)\b",
    r"\b(can'?t|cannot|couldn'?t|unable to) (rouse|wake) (her|him|them|my \w+)\b",
    r"\bwon'?t need\b[^.?!]{0,15}\bwhere i'?m going\b|\btired of being a burden\b|\b(got|bought|have|found|put up) (the|a) (rope|noose)\b|\bengine running\b[^.?!]{0,30}\bgarage\b",
    r"\bnosebleed\b[^.?!]{0,60}\b(won'?t|wont|not) stop\w*\b|\b(hit|banged|bumped|smacked) (my|his|her) head\b[^?!]{0,60}\b(sleepy|drowsy|vomit\w*|confused|throwing up)\b",
    r"\b(weak\w*|numb\w*)\b[^.?!]{0,40}\b(creeping|spreading|moving|going) up (into|to) (my|his|her) (arms?|chest|body|hands)\b",
    r"\brash\b[^.?!]{0,40}\b(doesn'?t|does not|won'?t|didn'?t|not) fade\b|\b(fever|temperature)\b[^?!]{0,60}\b(stiff neck|really floppy|very floppy|floppy and)\b",
    r"\bskin\b[^.?!]{0,20}\b(peeling|coming off)\b[^.?!]{0,20}\b(sheets|blisters?)\b|\bblisters?\b[^.?!]{0,20}\bin (my|his|her|the) (mouth|eyes)\b",
    r"\b(huge amount|lots|loads|a lot) of blood\b[^?!]{0,60}\b(toilet|poo|stool|lightheaded|dizzy|faint)\b",
    r"\b(hasn'?t|has not|haven'?t|not) (eaten or |eaten and )?(drunk|had anything to drink|peed|wee'?d|urinated)\b[^?!]{0,80}\b(confused|making sense|drowsy)\b|\b(he|she|they|dad|mum|mom|grandma|grandad|grandpa)('?s| is| are) (barely|not) making (any )?sense\b",
    r"\bnumb\w*\b[^.?!]{0,20}\bbetween (my|his|her) legs\b",
    # From the fourth blind set: kinds the earlier ones never named. "confused about…" is everyday.
    r"\b(got into|been into) (my|the|his|her|grandma'?s|nan'?s) (pill|tablet|medicine|meds) ?(organi[sz]er|box|bottle|cabinet|cupboard|pot)\b"
    r"|\b(toddler|baby|child|kid|son|daughter|\d+ ?(year|yr) old|grandson|granddaughter)\b[^?!]{0,60}\b(pills?|tablets?|capsules?)\b[^?!]{0,20}\bmissing\b",
    r"\b(speech|talking)\b[^.?!]{0,10}\b(went|has gone|is going|suddenly went|became|got)\b[^.?!]{0,10}\b(weird|funny|strange|slurred|garbled|jumbled|muddled)\b",
    r"\b(fever|temp\w*|burning up)\b[^?!]{0,80}\b(confused(?! (about|by|as|whether|if|why|what|which|how|with))|confusion|doesn'?t know (what|where|who)|not making sense|can'?t stop shivering|uncontrollabl\w* shiver\w*|rigors)\b",
    r"\b(on|taking|having) (cyclophosphamide|chemo\w*|immunosuppress\w*|rituximab|azathioprine|mycophenolate|methotrexate|steroids|prednisone|prednisolone)\b[^?!]{0,80}\b(fever|temp\w*|burning up)\b[^.?!]{0,20}\b(3[89]|4[01]|high|shiver\w*|unwell)\b",
    r"\b(baby|newborn|infant|\d+ (weeks?|months?) old)\b[^?!]{0,60}\bfloppy\b|\b(\d+ weeks? old|newborn)\b[^?!]{0,40}\b(fever|temp\w*)\b",
    r"\b(cough\w*|vomit\w*|threw|throwing|puk\w*|bring\w* up|brought) (up )?(\w+ ){0,3}blood\b|\bcoffee grounds?\b|\btarry (stools?|poos?|poops?)\b",
    r"\bgoodbye\b[^?]{0,140}\b(not answering|won'?t answer|isn'?t answering|not picking up|can'?t (reach|get hold of))\b|\b(not answering|won'?t answer|isn'?t answering|not picking up|can'?t (reach|get hold of))\b[^?]{0,140}\bgoodbye\b",
    r"\b(took|taken|swallowed|had)\b[^.?!]{0,15}\b(whole|entire|full)\b[^.?!]{0,25}\b(tablets|pills|meds|medication|medicines|doses)\b[^.?!]{0,15}\bat once\b",
    r"\bskin\b[^.?!]{0,20}\b(blister\w*|peel\w*)\b[^?!]{0,80}\b(mouth|eyes?)\b",
    # anchored: the lookaheads scan the whole message once, not from every position
    r"^(?=.*\b(hours?|today|yesterday|overnight|this morning|last night|by the hour)\b)(?=.*\b(weak\w*|numb\w*|can'?t feel)\b).*\b(spreading|creeping|moving|climbing|travell?ing|going|gone) (up|higher)\b",
    r"\bworst (\w+ ){0,2}pain (of|in) my (whole )?life\b|\b(belly|stomach|tummy|abdomen) (is |feels )?(hard|rigid|stiff) (as|like) a board\b",
    r"\b(spots|rash|marks|blotches)\b[^.?!]{0,50}\b(don'?t|doesn'?t|do not|does not|won'?t|not) (fade|go away|disappear|go white)\b[^.?!]{0,40}\bglass\b|\bglass test\b",
    r"\b(meter|reading|sugar|glucose|bm)\b[^.?!]{0,20}\b(says|reads|shows|showing|reading) (hi|lo)\b|\bpear drops\b|\bbreath smells (like|of) (pear|acetone|nail (polish|varnish))\b"
    r"|\b(shaky|sweaty|clammy)\b[^.?!]{0,40}\b(confused(?! (about|by|as|whether|if|why|what|which|how|with))|can'?t swallow|drowsy|unresponsive|not making sense)\b",
    r"\b(drank|drunk|swallowed|ate|eaten|drinking|chewed)\b[^.?!]{0,60}\b(bleach|dishwasher|detergent|cleaner|cleaning (fluid|liquid|product)|washing[- ]up liquid|antifreeze|button batter\w*|batter(y|ies)|laundry (pod|tablet|capsule)s?|weed ?killer|paraffin|white spirit)\b",
    r"\bstopped sweating\b[^?!]{0,60}\b(hot|heat|sun|confus\w*)\b|\b(hot|heat|sun|confus\w*)\b[^?!]{0,60}\bstopped sweating\b|\bheat ?stroke\b",
    r"\b(can'?t|cannot|haven'?t been able to|unable to|not able to|haven'?t|have not) (pee|peed|wee|weed|urinate|urinated|pass urine|passed urine|pass water)\b[^.?!]{0,40}\b(\d+ ?(hours?|hrs)|all day|since (yesterday|last night))\b",
    r"\b(can|could) (hardly|barely|not|n'?t) (rouse|wake)\b",
    r"\b(he|she|they|it|dad|mum|mom|baby) (hasn'?t|has not|haven'?t|have not) (woken|woke|come round|come to)\b"
    r"|\b(seizure|fit|collapsed|passed out)\w*\b[^?!]{0,60}\b(hasn'?t|has not|not) (woken|woke|come round|come to)\b",
    # From the fifth blind set.
    r"\bfound (him|her|them|my \w+) (on the floor|collapsed|slumped)\b|\b(not|isn'?t|is not|wasn'?t) (responding|responsive)\b"
    r"(?! to (?!(me|us|him|her|them|anything|anyone|voices?|touch|pain|shaking|his name|her name)\b))"
    r"|\b(still )?not (really |fully )?awake\b[^.?!]{0,40}\b(fit|seizure|floor|shaking)\b|\b(fit|seizure|floor|shaking)\b[^?!]{0,60}\bnot (really |fully )?awake\b",
    r"\b(stomach|belly|tummy|abdomen)\b[^.?!]{0,20}\b(rigid|board[- ]like)\b|\bworst pain\b[^.?!]{0,30}\b(ever|stomach|belly|tummy|chest|head)\b",
    r"\b(shaking|jerking|twitching|fitting|seizing)\b[^?!]{0,50}\b(\d+|five|ten|fifteen|twenty) ?min\w*|\b(can'?t|cannot|won'?t) stop (shaking and |twitching and )?jerking\b",
    r"\b(driv\w*|crash\w*|steer\w*) (the car |my car |the truck )?(into|off) (a|the) (wall|tree|bridge|cliff|road|lorry|truck|river|barrier|oncoming)\b|\bstep(ping)? in front of\b",
    r"\b(can'?t|cannot|can not|couldn'?t) (seem to |really |quite |properly )?(catch|get) (my|his|her|their) breath\b",
    r"\b(can'?t|cannot) see\b[^.?!]{0,40}\b(all of a sudden|suddenly)\b|\b(can'?t|cannot|can not) see (properly |well )?out of (either|both) eyes?\b",
    r"\b(accidentally|by mistake|by accident)\b[^?!]{0,160}\b(vomit\w*|drowsy|sleepy|confused|slow|throwing up|mouth sores|sores|bleeding|can'?t stay awake)\b"
    r"|\b(took|taken|had|swallowed)\b[^?!]{0,60}\b(by mistake|by accident)\b[^?!]{0,60}\b(vomit\w*|drowsy|sleepy|confused|slow|throwing up|bleeding)\b",
    r"\b(giving|gave|give) away (his|her|their|all (his|her|their)) (\w+ )?(pills|things|stuff|belongings|possessions)\b"
    r"|\bsaying goodbye to (everyone|everybody|us all|the family|all of us|people|friends|my friends|my family|family|loved ones)\b",
    r"\bspurt\w*\b|\bblood\b[^.?!]{0,30}\b(won'?t|wont|doesn'?t|not) stop\w*\b",
    r"\b(toddler|baby|child|kid|little one|son|daughter|grandson|granddaughter|\d+ ?(year|yr)[- ]old)\b[^?!]{0,40}\b(ate|eaten|swallowed|chewed)\b[^?!]{0,20}\b(my|his|her|the|some|a|\d+)\b",
    r"\b(lethal|fatal|deadly) (dose|amount|number)\b|\bwant (it|this|everything) (all )?to be over\b",
    r"\b(just )?(had|having) a (fit|seizure|convulsion)\b[^?!]{0,40}\b(floor|shaking|still|not waking|won'?t wake|going stiff|gone stiff|stiffening|jerking)\b",
    r"\bno (puede|puedo) (respirar|hablar|moverse|mover)\b|\bdolor (en el|de|del) pecho\b|\b(se desmay\w*|convulsionando|(está|esta|están|estan) convulsi\w*|(tiene|tuvo|le dio|le da) (una )?convulsi[oó]n|no responde)\b",
    r"\b(pulse|heart ?rate|heartbeat)\b[^.?!]{0,20}\b(slow|weak)\b[^?!]{0,40}\b(dizzy|faint|drowsy|sleepy|confused)\b"
    r"|\b(dizzy|faint|drowsy|sleepy|confused)\b[^?!]{0,40}\b(pulse|heart ?rate|heartbeat)\b[^.?!]{0,20}\b(slow|weak)\b",
    r"\b(fever|temp\w*|burning up)\b[^?!]{0,60}\bneck\b[^.?!]{0,15}\bstiff\b|\b(fever|temp\w*)\b[^?!]{0,80}\b(can'?t stand|can'?t bear|hurts?) (the )?light\b",
    # From the sixth blind set: suicide told through the plan's props, limbs gone heavy, broken English, French
    # and Spanish.
    r"\b(won'?t|will not|wont) be needing (the|my|any( more)?|those|these)\b[^.?!]{0,25}\b(refills?|prescriptions?|pills|tablets|meds|medications?|medicines?)\b(?![^.?!]{0,60}\b(since|because|as|cos|cause|now that)\b)"
    r"|\b(sorted|sorting|made|making|wrote|writing|updated|finished) (out )?my will\b[^?!]{0,80}\b(gave|given|giving) (away )?my\b"
    r"|\b(gave|given|giving) (away )?my (cat|dog|pets?)\b[^?!]{0,60}\b(my will|won'?t be needing)\b",
    r"\b(saving|saved|stockpil\w*|hoard\w*|collecting) (up )?(my |all my |the )?[a-z]{4,}(in|ine|one|am|ol|ide|ate)\b[^?!]{0,60}\b(have enough|got enough|enough (now|saved|to))\b"
    r"|\b(pills|tablets|meds|boxes|bottles)\b[^.?!]{0,30}\blined up\b|\btonight is the night\b",
    r"\b(easier|better) (for everyone )?if i (wasn'?t|was not|weren'?t|were not|was gone|wasn'?t here) ?(alive|here|around)?\b|\bwant (everything|it all|all of it|life) to (stop|end)\b",
    r"\b(took|take|taken) more and (then )?(a bunch|a lot|loads|lots|heaps|a handful) more\b",
    r"\b(arm|leg|hand|side)s?\b[^.?!]{0,20}\b(went|gone|going|suddenly went|just went|has gone) (all )?(heavy|floppy|limp|dead) and (floppy|heavy|limp|weak|numb)\b"
    r"|\b(arm|leg)s? (and (\w+ )?(arm|leg|face)s? )?(just )?(went|gone|has gone) (floppy|limp)\b",
    r"\b(no|not) can (move|speak|talk|walk|lift|feel)\b|\btalks? (very |so |really )?(strange|strangely|funny)\b[^.?!]{0,30}\b(since|minutes?|suddenly|now)\b",
    r"\b(avalé|avale|a pris|tragó|trago|se tomó|se tomo|se comió|se comio)\b[^.?!]{0,40}\b(comprimés|comprimes|cachets|médicaments|medicaments|pilules|pastillas|pildoras|píldoras|medicinas|medicamentos)\b"
    r"|\b(respirer|respire plus|respirar)\b|\bdouleur\b[^.?!]{0,25}\bpoitrine\b|\bno quiero (vivir|seguir)\b|\bquiero morir\b|\b(envie de mourir|veux mourir|me tuer|suicider)\b"
    r"|\bfiebre\b[^?!]{0,60}\bcuello\b|\bfièvre\b[^?!]{0,60}\bnuque\b|\b(todas las pastillas|toutes (les|mes) (pilules|comprimés|cachets))\b",
    # From the seventh blind set: not wanting to wake, goodbyes before "it'll be over", too much taken and now drowsy,
    # words that will not come, and Portuguese, Spanish and French told plainly.
    r"\b(don'?t|do not|dont) want to (wake up|be here|be alive|exist|live|go on)( anymore| any more| tomorrow)?\b"
    r"|\b(it'?ll|it will|this will|everything will) (all )?be over soon\b|\bsaying (my )?goodbyes?\b[^?!]{0,60}\b(nobody knows|no one knows|over soon|for good)\b",
    r"\b(took|taken|had|swallowed) (way |much |a lot |far |loads )?more\b[^.?!]{0,40}\bthan (i'?m|i am|i was|she'?s|he'?s|you'?re) (supposed|meant|allowed|told)\b"
    r"|\b(can|could) (barely|hardly) (stay awake|keep (my |his |her )?eyes open|breathe)\b",
    r"\b(suddenly|now|just now|minutes? ago)\b[^.?!]{0,25}\b(can'?t|cannot|couldn'?t|could not) find (my|his|her) words\b|\b(face|mouth|lip|cheek)\b[^.?!]{0,15}\b(went|gone|going|is) numb\b[^?!]{0,40}\b(minutes?|just now|suddenly|and now)\b",
    r"\b(convulsão|convulsao|convulsionando|desmaiou|não acorda|nao acorda|tossindo sangue|dor no peito|não consigo respirar|nao consigo respirar)\b"
    r"|\b(acabar com a minha vida|quero morrer|me matar|não aguento mais|nao aguento mais)\b"
    r"|\b(tosiendo sangre|vomitando sangre|escupiendo sangre)\b"
    r"|\b(mal à parler|mal a parler|bouche (est )?(tordue|de travers)|visage (est )?(tordu|paralysé)|(s'est )?évanoui\w*|evanoui\w*|ne se réveille pas|ne se reveille pas)\b",
    # From the eighth blind set: a last weekend planned, the last message, a will with the pets given out, breath too
    # short to finish a sentence, carbon monoxide, and Portuguese, Italian, French and German told plainly.
    r"\b(this weekend|tonight|today|tomorrow|this week|(this|next) (friday|saturday|sunday|monday|tuesday|wednesday|thursday)) (will|'?ll|is going to) be my last\b"
    r"(?! (\w+ )?(question|message|dose|shift|appointment|visit|session|day (at|of) (work|school)|week (at|of) (work|school)))"
    r"|\bmy last message (to|for) (anyone|everyone|you all|the world)\b|\btell (my|the) (kids|children|family|husband|wife|partner|son|daughter|mum|mom|dad|parents) (that )?i loved (them|him|her)\b"
    r"|\bat peace with (what i'?m (going to|gonna|about to) do|my decision to (go|end|die))\b"
    r"|\b(updated|sorted|made|wrote|writing|finished) (out )?my will\b[^?!]{0,120}\b(tonight|goodbye|nice talking|at peace|(who|someone) (takes|gets|to take|will take) (the|my) (cat|dog|pets?))\b",
    r"\bbreath\w* (is|are) (a|such a) (struggle|fight|battle)\b|\b(can'?t|cannot|unable to) finish (a|my) sentences?\b[^?!]{0,40}\bbreath\w*|\bbreath\w*[^?!]{0,40}\b(can'?t|cannot|unable to) finish (a|my) sentences?\b",
    r"\b(carbon monoxide|co) (alarm|detector)\b[^?!]{0,40}\b(going off|gone off|went off|beeping|sounding)\b|\b(going off|gone off|went off|beeping|sounding)\b[^?!]{0,10}\bcarbon monoxide\b"
    r"|\b(carbon monoxide)\b[^?!]{0,60}\b(headaches?|dizzy|throwing up|vomiting|sleepy|drowsy)\b|\b(headaches?|dizzy|throwing up|vomiting)\b[^?!]{0,80}\bcarbon monoxide (alarm|detector)\b",
    r"\b(rosto|boca) (est[aá] )?(torto|torta|caído|caido|caída|caida)\b|\b(não|nao) consegue (falar|mexer|respirar|se mexer)\b"
    r"|\b(farla finita|lettere? di addio|voglio morire|togliermi la vita|uccidermi|ammazzarmi|non riesco (più |piu )?a respirare|labbra (blu|viola)|dolore al petto|non respira|svenut[oa])\b"
    r"|\b(ne peut (plus )?(parler|bouger|respirer)|visage (qui )?tombe|moitié (de son|du|de mon) visage|lèvres bleues|levres bleues)\b"
    r"|\b(schmerzen in der brust|brustschmerz\w*|(kriege|bekomme|krieg) (kaum|keine) luft|atemnot|alle (meine |meiner )?tabletten|tabletten (mit \w+ )?genommen|umbringen|nicht mehr leben|sterben will|gesicht (hängt|haengt))\b",
    # From the ninth blind set: cutting told without "myself", many tablets counted, words that will not form, one
    # side gone weak, half the view gone, a swollen calf with breathlessness, pills mixed with drink on purpose,
    # wetting oneself with sudden leg trouble, and the clinician's words for a stroke.
    r"\b(been|started|keep|kept|still|i'?m) cutting\b|\bcut (myself|my (arms?|wrists?|legs?|thighs?))\b|\bcutting (my (arms?|wrists?|legs?|thighs?))\b",
    r"\b(took|swallowed|taken|had)\b[^.?!]{0,12}\b([2-9]\d|\d{3}) (\w+ )?(paracetamol|tylenol|acetaminophen|aspirin|ibuprofen|pills|tablets|capsules|meds)\b",
    r"\b(hard|difficult|trouble) to (talk|speak)\b[^?!]{0,60}\b(tongue|words?|side|weak\w*|face|arm)\b|\bwords? (won'?t|wont|will not|wouldn'?t|don'?t|aren'?t) (come|coming) out( right)?\b"
    r"|\b(wouldn'?t|couldn'?t|can'?t|won'?t) form (the |my |any )?words\b",
    r"\b(left|right|one) side\b (of (my|his|her) body )?(is |has gone |went |feels |gone |going )?(all )?(weak|numb|dead|heavy|floppy)\b|\b(left|right)[- ]sided (weakness|numbness|paralysis)\b|\b(expressive |receptive )?aphasia\b",
    r"\b(can'?t|cannot|can not) see (the )?(left|right) (half|side)\b|\b(left|right) half of (things|everything)\b",
    r"\bcalf\b[^.?!]{0,30}\b(swollen|swelling|swelled)\b[^?!]{0,80}\b(breath\w*|chest)\b|\b(breath\w*|chest)\b[^?!]{0,80}\bcalf\b[^.?!]{0,30}\b(swollen|swelling|swelled)\b"
    r"|\bbreathless\b[^.?!]{0,40}\b(since|this morning|today|tonight|now|just (walking|sitting|talking)|at rest)\b|\bhaving to sit up to breathe\b",
    r"\b(mixed|took|swallowed|washed down)\b[^.?!]{0,30}\b(pills|tablets|meds|medications?)\b[^.?!]{0,30}\b(bottle of|vodka|whisky|whiskey|gin|rum|alcohol|booze)\b|\b(pills|tablets|meds|overdose)\b[^?!]{0,60}\bon purpose\b",
    r"\b(peed|pooed|pooped|wet|soiled) (myself|himself|herself)\b",
    r"\b(think|thinking|plan|planning|going|want|wanna|about) (to|about|of|on) (just )?(swallow|swallowing|take|taking) (all|them all|the lot|the whole)\b"
    r"|\b(can'?t|cannot) take (this|the|my) (pain )?any ?more\b",
    # safety_blind10: a face told by how it feels or looks ("half my face feels heavy", "my smile looks wrong")
    r"\b(half|one side|side) of (my|his|her|the) face\b[^.?!]{0,25}\b(heavy|numb|dead|frozen|slipping|sliding|won'?t move|not moving)\b"
    r"|\bsmile\b[^.?!]{0,20}\b(looks?|is|went|gone|looking) (wrong|weird|odd|funny|off|strange)\b(?![^.?!]*\b(photos?|pictures?|selfies?|camera)\b)",
    # …a stroke in a clinician's shorthand, or numbness down one side
    r"\bdysphasi\w*\b|\bacute onset\b[^.?!]{0,30}\b(weak\w*|numb\w*|confus\w*|speech|vision)\b|\b[lr][- ]sided (weakness|numbness)\b"
    r"|\b(numb|weak|dead|heavy)\w*\b[^.?!]{0,15}\b(all )?down (one|the left|the right|my left|my right|his left|her left|his right|her right) side\b",
    # …sight lost as a curtain or half a room ("the whole left half of the room is missing")
    r"\bcurtain\b[^.?!]{0,30}\b(eye|vision|sight)\b|\b(eye|vision|sight)\b[^.?!]{0,30}\bcurtain\b"
    r"|\bhalf of the (room|page|screen|world|picture)\b[^.?!]{0,25}\b(gone|vanished|missing|black|dark|blank)\b"
    r"|\b(blurr\w*|double|vision)\b[^?!]{0,60}\b(came on|started|happened) (suddenly|all of a sudden)\b",
    # …a week's tablets taken at once, a child into someone's pills, breathing slowed after drugs and drink
    r"\b(took|taken|swallowed|had|taking)\b[^.?!]{0,12}\b(whole|entire|full) (week|month|fortnight|bottle|pack|box|strip)'?s?\b"
    r"|\b(took|taken|swallowed)\b[^.?!]{0,30}\ball at once\b|\bgot into\b[^.?!]{0,25}\b(pills|tablets|meds|medicine|medication"
    r"|amitriptyline|nortriptyline|pregabalin|gabapentin|painkillers)\b|\b(don'?t|dont|do not) know how many\b[^.?!]{0,20}\b(swallowed|took|taken|ate|had)\b",
    r"\b(his|her|their)\s+breathing('?s| is| sounds?)? (really |very |so |all )?(slow|shallow|noisy|rattly|raspy|funny|weird|strange)\b"
    r"|\bmixed\b[^.?!]{0,40}\b(xanax|valium|diazepam|benzos?|opioids?|oxy\w*|codeine|tramadol|morphine|pregabalin|gabapentin|amitriptyline)\b[^.?!]{0,40}\b(drinks?|alcohol|booze|vodka|wine|beers?)\b"
    r"|\btook something\b[^?!]{0,60}\b(shaking|fitting|burning hot|not making sense|unconscious|vomiting|can'?t wake)\b"
    r"|\b(he'?s|she'?s|hes|shes|he is|she is|they'?re|they are)\b[^.?!]{0,20}\b(not making (any )?sense|making no sense|talking nonsense)\b",
    r"\b(face|lips?|tongue|throat)\b[^?!]{0,25}\b(puffed|puffy|swollen|swelled)\b[^?!]{0,40}\bbreath\w* (sounds?|is|getting|gone|going) (noisy|tight|wheezy|funny|weird|rattly|raspy|hard|difficult)\b",
    # …a headache like no other, a heart attack told as a jaw and a cold sweat, pills saved up
    r"\bheadache like nothing\b|\b(headache|head pain)\b[^.?!]{0,30}\b(never|ever) (had|felt|experienced)\b[^.?!]{0,15}\bbefore\b",
    r"\b(jaw|arm|shoulder|chest)\b[^?!]{0,40}\bclammy\b|\bclammy\b[^?!]{0,40}\b(jaw|arm|shoulder|chest)\b",
    r"\b(saving|saved|stockpil\w*|hoard\w*) (up )?(my |all my |the |her |his )?(amitriptyline|nortriptyline|pregabalin|gabapentin|tramadol|codeine|oxycodone|morphine|sleeping pills)\b",
    # safety_blind11: not wanting to be here, "something stupid", a faint with a knock to the head on a blood thinner,
    # a chest tight like a band into the arm
    r"\b(rather|prefer to|like to) not (be here|be alive|exist|wake up)\b|\bnot (be|being) here any ?more\b"
    r"|\b(might|going to|gonna|about to|will) do something (stupid|silly|drastic)\b",
    r"\b(hit|banged|bumped|knocked) (my|his|her) head\b[^?]{0,80}\b(headache|sick|vomit\w*|drowsy|confused|warfarin|blood thinners?|apixaban|rivaroxaban)\b"
    r"|\b(went|gone|came over|come over) (all )?faint\b",
    r"\bchest\b[^?]{0,40}\b(tight\w*|band|pressure|squeez\w*|heavy|weight)\b[^?]{0,60}\b(arm|jaw|neck)\b|\btightness across (my|the|his|her) chest\b",
    # safety_blind12: legs gone floppy with soiling, seizures one after another, a child drinking a medicine, one side
    # of a smile, leaking with back pain, a jerking that spreads, one side's arm and leg not working, a plan with the
    # pills ready, not seeing oneself around, tablets taken on purpose, face numb with the arm weak, thick speech
    r"\b(legs?|arms?)\b (have |has |had )?(gone|went|going) (completely |totally |all |really )?(floppy|limp)\b"
    r"|\b(messed|soiled|pooed|pooped|wet) (myself|himself|herself|themselves)\b[^.?!]{0,20}\bwithout (realising|realizing|noticing|knowing)\b",
    r"\b(seizures|fits|convulsions)\b[^.?!]{0,15}\bone after (the other|another)\b|\b(seizures?|fits?|fainted|collapsed|passed out)\b[^?!]{0,60}\bnot (coming|come) (round|around|to)\b",
    r"\b(little|baby|toddler|\d+ ?(year|yr)[- ]old) (brother|sister|son|daughter|one|boy|girl)\b[^?!]{0,20}\b(drank|drunk|swallowed|ate|had)\b[^?!]{0,20}\b(my|his|her|the|some)\b",
    r"\bone side of (my|his|her) (smile|mouth|lip)\b|\b(words|speech|voice|talking)\b[^.?!]{0,10}\b(sounds?|is|are) (drunk|thick|slurred)\b"
    r"|\b(speech|voice) (is |has gone |went )?(all )?thick\b",
    r"\bcan'?t feel when (i|he|she) (need|needs) (the toilet|to (pee|wee|go|poo))\b|\bleak(ed|ing)\b[^?!]{0,40}\bback\b[^.?!]{0,15}\b(agony|pain|killing)\b",
    r"\b(jerking|twitching)\b[^?!]{0,60}\bspreading\b|\b(jerking|twitching|fitting|seizing)\b[^?!]{0,80}\bhappening (right )?now\b",
    r"\b(my|his|her) (left|right) (arm and (\w+ )?leg|leg and (\w+ )?arm)\b[^.?!]{0,30}\b(don'?t|dont|won'?t|wont|not|aren'?t|stopped|stop) (work|working|move|moving)\b",
    r"\b(have|got|made) a plan\b[^?!]{0,40}\b(tonight|pills|tablets|end it|die|rope)\b|\b(pills|tablets|meds) are (ready|lined up|counted out)\b",
    r"\b(don'?t|do not|dont|can'?t|cannot) (really )?see myself (still )?(being )?(around|here|alive)\b|\blooking up ways\b(?!\s+(to|of|for|around)\b)|\blooking up ways (to|of) (die|dying|end|kill|do it|overdose)\b",
    r"\b(took|swallowed|taken)\b[^.?!]{0,40}\bon purpose\b|\b(took|swallowed|taken) (like |about |around |maybe )?\d+ (of )?(them|those|these)\b",
    r"\bnumb\w* (in|of) (my|his|her) face\b[^?!]{0,60}\b(arm|leg|hand)\b[^.?!]{0,15}\b(weak|numb|heavy|useless)\w*",
    r"\b(hand|arm)\b[^.?!]{0,10}\b(will not|won'?t|wont|can'?t|cannot) (hold|grip)\b[^?!]{0,40}\b(speech|words|talking|face)\b",
    # safety_blind13: a weekly medicine taken daily, a note with a goodbye, a jump from a height, sight doubled on
    # waking or a headache like never before, days of tablets taken at once
    r"\b(every day|daily|each day|every morning|every night)\b[^.?!]{0,25}\binstead of (once )?(a |per |each |every )?week(ly)?\b",
    r"\b(wrote|written|writing|left) (a|my|the) note\b[^?]{0,40}\b(done|bye|goodbye|sorry|over)\b|\bi'?m done\b[^?]{0,20}\b(bye|goodbye)\b",
    r"\bjump(ing|ed)? (off|from) (the |a )?(top of (the |a )?)?(\w+ ){0,2}(bridge|roof|building|car ?park|cliff|balcony|window|tower"
    r"|multi-?store?y|platform|flyover)\b|\bjump(ing)? in front of\b",
    r"\b(head|headache)\b[^.?!]{0,25}\blike (never|nothing) (before|(i'?ve|i have) ever (had|felt))\b"
    r"|\b(woke up|suddenly|all of a sudden)\b[^?!]{0,40}\b((everything|things|the room|the world|it all) (is|looks|went|was|are|goes) (all )?double"
    r"|seeing double|double vision)\b",
    r"\b(\d+|two|three|four|five|six|a few|several|couple of) (days?|weeks?)'? ?(worth|supply)\b[^.?!]{0,40}\b(at once|in one go|all together)\b",
    # safety_blind14: speech lost for minutes, chest pain told as "pain in my chest", a face numb on one side that
    # just started, "wanna die", a sudden worst headache with a stiff neck, no point "really" in being alive, someone
    # else planning to kill himself, not getting enough air
    r"\b(couldn'?t|could not|wasn'?t able to|was unable to)\b[^.?!]{0,10}\b(speak|talk|get (my |the )?words out)\b",
    r"\bpain in (my|his|her|the) chest\b",
    r"\b(face|mouth|lip|cheek)\b[^.?!]{0,15}\b(went|gone|going|is) (all )?numb\b[^?!]{0,60}\b(just started|jus started|suddenly|and now|minutes? ago)\b"
    r"|\b(face|mouth)\b[^.?!]{0,20}\bnumb\w*\b[^.?!]{0,10}\bon one side\b",
    r"\bwanna die\b",
    r"\bsudd?en\w*\b[^.?!]{0,20}\b(head|headache)\b[^.?!]{0,30}\b(bad|worst|never)\b"
    r"|\b(head|headache)\b[^?!]{0,80}\bneck\b[^.?!]{0,15}\bstiff\b|\blike never befor\w*\b",
    r"\b(don'?t|do not|dont) (really |even |honestly )?see (the|any) point (in|of) (being alive|living|life|going on|carrying on)\b",
    r"\b(kill|hurt|harm)\w* (himself|herself|themselves|themself)\b",
    r"\b(can'?t|cannot|couldn'?t|could not) get (enough )?air\b",
    r"\bjust had a (\w+ )?(seizure|fit|convulsion)\b",
    # safety_blind15: an arm and leg gone weak on one side, a mouth pulling to one side, wanting to disappear or sleep
    # forever, a bottle found nearly empty beside someone drowsy, a plan for how, letters already written
    r"\b(left|right) (arm and (\w+ )?leg|leg and (\w+ )?arm)\b[^.?!]{0,20}\b(went|gone|going|is|are|feel|feels)\b[^.?!]{0,15}"
    r"\b(weak|numb|dead|heavy|floppy)\b|\bne (bouge|bougent) plus\b",
    r"\b(mouth|face|smile)\b[^.?!]{0,15}\b(going|gone|went|pulling|pulled|drooping|dropping) (off )?(to )?(one|the) side\b",
    r"\b(want|wanna|wanting) to (just )?disappear\b|\bdisappear (forever|for good)\b|\bsleep (forever|for good)\b",
    r"^(?=.*\b(sleepy|confused|drowsy|can'?t wake|unresponsive|won'?t wake)\b).*\b(bottle|packet|pack|box|blister|strip)s?\b[^.?!]{0,25}"
    r"\b(nearly |almost |half |completely )?empty\b",
    r"\b(planning|planned|plan|worked out) (how|when|where) (i'?d|i would|i will|i'?ll|to) (do it|end it|go|die)\b"
    r"|\b(wrote|written|writing|left) (the|my|all the) (letters|notes)\b[^?]{0,20}\b(already|for everyone|goodbye)\b",
    # safety_blind16: speech gone strange, chest pains (plural), wishing to sleep forever, lips looking blue, a hand
    # gone floppy, legs that will not move, a child who chewed a medicine, half a face that will not move, a bladder
    # that will not empty with numbness in the saddle
    r"\b(speaking|speech|talking)\b[^.?!]{0,15}\b(very |really |all |so )?(strange(ly)?|weird(ly)?|funny|odd(ly)?|nonsense)\b"
    r"|\bwords\b[^.?!]{0,15}\b(are |were )?(mixing|mixed up|muddled|stopped making sense|not making sense)\b",
    r"\bch[ea]?st pains\b[^.?!]{0,60}\b(worse|spreading|jaw|arm|sweat\w*)\b|\b(chest|jaw)\b[^.?!]{0,40}\bspreading (up )?(in)?to (my|his|her) (jaw|arm|neck|back)\b",
    r"\b(asleep|sleep) forever\b|\bbetter off (dead|asleep|gone|not (here|around|alive))\b",
    r"\b(lips?|face)\b (looks? |looking |seems? |look )?(a bit |a little |kind of |kinda |slightly |really |very )?(blue|bluish|grey|gray)\b"
    r"|\bbreathing\b[^.?!]{0,20}\b(fast and shallow|shallow and fast|really shallow|very shallow)\b",
    r"\bsudd?en\w*\b[^.?!]{0,60}\b(went|gone|go|goes|is|was) (floppy|limp|dead|useless)\b|\b(hand|arm|leg|side)\b (went|has gone|is|was) (floppy|limp)\b",
    r"\b(both )?(legs?|arms?)\b (just |suddenly |now )?(won'?t|wont|will not|stopped|can'?t|cannot) (move|moving|work|working)\b"
    r"(?! (properly|very well|well|as well|like (they|it) used to|the way)\b)",
    r"\b(chew\w*|suck\w*|swallow\w*|ate|eaten)\b[^.?!]{0,20}\b(my|his|her|the|grandma'?s|nan'?s)\b[^.?!]{0,20}\b(pills?|tablets?|patch(es)?|meds|medicines?|capsules?)\b.{0,80}?\b(floppy|drowsy|sleepy|won'?t wake|limp|vomit\w*|not (himself|herself)|acting (weird|strange|funny|odd|off)|twitch\w*|jerk\w*|confus\w*|wobbly)\b"
    r"|\b(really |very )?(floppy|limp)\b[^.?!]{0,20}\b(and )?(drowsy|sleepy|unresponsive)\b",
    r"\b(half|one side of|side of) (my|his|her|the) face\b[^.?!]{0,20}\b(doesn'?t|does not|won'?t|can'?t|isn'?t|not) (move|moving|work|working)\b"
    r"|\b(arm|leg)\b[^.?!]{0,10}\bon (that|the same) side\b[^.?!]{0,15}\b(heavy|weak|useless|dead|numb)\b",
    r"\b(haven'?t|hasn'?t|have not|has not|not) been able to (pee|wee|urinate|pass urine|pass water)\b"
    r"|\bnumb\w*\b[^.?!]{0,25}\b(groin|saddle)\b|\b(groin|saddle)\b[^.?!]{0,25}\bnumb\w*\b",
    # safety_blind17: the room gone dark and a fall, words lost this evening, a heap of tablets counted with their strength
    r"\b(room|world)\b (went|going|gone|turned) (dark|black)\b[^?!]{0,40}\b(fell|fall|floor|dizzy|faint|collaps\w*|passed out|came round|came to)\b|\b(can'?t|cannot|don'?t) (say|know|remember|tell) how long (i|he|she) (was|had been|lay) (on the floor|out|unconscious|down)\b",
    r"\b(can'?t|cannot|couldn'?t) (seem to )?(find|get) (his|her|my|their|the) words( out)?\b[^.?!]{0,25}\b(this (evening|morning|afternoon)|tonight|today|suddenly|all of a sudden|since (lunch|breakfast|dinner|tea))\b",
    r"\b(took|swallowed|taken)\b (\w+ )?([5-9]|\d\d+) [a-z]{4,} \d+ ?mg\b",
    # safety_blind18: seizures in a row without waking, a count of pills looked up, a method thought through, not
    # waking wished for, speech not understood with a strange face, someone who will not respond
    r"\b(having|is having|into|just had) another (seizure|fit|convulsion)\b|\b(isn'?t|is not|not|hasn'?t|has not|wasn'?t) (coming|come) (round|around)\b(?! to)",
    r"\bhow (many|much)\b[^.?!]{0,30}\b(it'?d|it would|would it|will it|it will|it'?ll) take\b[^.?!]{0,15}$"
    r"|\b(looking|looked|look) up how (many|much)\b[^.?!]{0,30}\btake\b",
    r"\b(no ?one|nobody|no-one)\b[^.?!]{0,15}\b(notice|care|miss me)\b[^.?!]{0,10}\bif i (was|were|wasn'?t|weren'?t|died|disappeared)\b"
    r"|\b(thinking|thought|thinkin) (about|of) how (i'?d|i would|i'?ll|i will|i could|to) (do it|end it|go|die)\b",
    r"\b(just\s+|only\s+)?(wish|hope|hoping|wishing)\b (that )?i (just )?(wouldn'?t|would not|don'?t|do not|won'?t|will not|never|didn'?t) wake up\b",
    r"\b(just had|having|had) (one|it)\b[^.?!]{0,30}\b(minutes?|an hour|mins?) ago\b(?=.*\b(seizure|fit|convulsion)s?\b)"
    r"|^(?=.*\b(seizure|fit|convulsion)s?\b).*\bjust had (one|it)\b[^.?!]{0,30}\b(minutes?|mins?|an hour) ago\b",
    r"\bface\b[^.?!]{0,20}\b(weird|strange|funny|odd|wrong|numb|heavy|tingly|droopy)\b[^.?!]{0,10}\bon one side\b"
    r"|\bsudd?en\w*\b[^.?!]{0,20}\b(can'?t|cannot|not|don'?t|unable to) understand(ing)? (what|anyone|anything|people|words)\b",
    r"\b(not|won'?t|doesn'?t|does not|isn'?t|is not) (answer|answering|respond|responding) when (i|we) (talk|speak|call|shake|say)\b"
    r"|\beyes?\b[^?!]{0,30}\bnot respond\w*\b"
    r"|\b(she|he|they|mum|mom|mam|dad|gran|nan|grandma|grandad|husband|wife|partner|son|daughter|baby|child|mother|father)\b[^.?!]{0,30}"
    r"\b(won'?t|will not|doesn'?t|does not|isn'?t|is not) (respond|responding)\b(?! (to|well|as well|at all to))"
    r"|\bbarely (respond\w*|responsive|conscious|awake)\b(?! to (?!(me|us|him|her|them|anything|anyone|voices?|touch|his name|her name)\b))|\bbreathing,? but (only )?(just|barely)\b|\bslumped (in|on|over|against)\b[^?!]{0,40}\b(won'?t|not|isn'?t|can'?t)\b",
    # safety_blind19: a car running in a closed garage, standing on a bridge, an eye suddenly painful and hard, a
    # seizure on the floor with foam, patches heaped on and the heart acting up, bladder and bowels lost by
    # someone else, weakness climbing to the arms with swallowing hard, a head knock on warfarin, arm and half
    # a face numb, a sudden foot drop getting worse by the hour, eyes rolled back
    r"\bgarage\b[^.?!]{0,40}\bengine (running|on)\b|\b(standing|sitting|been standing|been sitting) (on|at) (the |a )?(edge of (the |a )?)?(bridge|ledge|rooftop|roof edge|cliff edge|cliff)\b"
    r"|\bwhat'?s the point (anymore|any more)\b",
    r"\beye\b[^.?!]{0,30}\b(rock hard|hard as (a )?(rock|stone))\b|\bsudd?en\w*\b[^.?!]{0,30}\bpain in (my|his|her|one|the) eye\b",
    r"\bfoam\w* at the mouth\b|\bon the floor\b[^.?!]{0,20}\b(shaking|jerking|twitching|fitting|seizing|convulsing)\b"
    r"|\beyes (rolled|rolling|rolled right|went) (back|up)\b|\b(gone|went|going) (all )?(stiff and (jerk\w*|shak\w*)|rigid and (jerk\w*|shak\w*))\b",
    r"\b(put on|stuck on|applied|took|taken|swallowed|used)\b[^.?!]{0,20}\b(\d+|two|three|four|five|six|seven|eight|several|multiple|lots of|a bunch of) "
    r"(\w+ )?(patches|pills|tablets|capsules)\b[^.?!]{0,15}\b(at once|in one go|at the same time)\b"
    r"|\bheart('?s| is) (doing|going) (funny|weird|strange|odd|crazy) (things|stuff)\b",
    r"\b(accident|lost control|lose control|losing control) (with|of) (my|his|her|their) (bowels?|bladder)\b",
    r"\bswallowing (is|has become|has got|'?s|feels) (\w+ )?(hard|difficult|tricky|a struggle)\b"
    r"|\b(now|suddenly|today|this morning)\b[^.?!]{0,15}\b(can'?t|cannot|unable to) (walk|stand)( up)? at all\b",
    r"\b(bumping|hitting|banging|knocking|bumped) (my|his|her) head\b[^?]{0,80}\b(headache|sick|vomit\w*|drowsy|confused|warfarin|blood thinners?|apixaban|rivaroxaban)\b"
    r"|\b(warfarin|blood thinners?|apixaban|rivaroxaban)\b[^?]{0,120}\b(bump\w*|hit|bang\w*|knock\w*) (my|his|her) head\b",
    r"\bhalf (my|his|her|the) face\b[^.?!]{0,50}\b(gone|went|going) (\w+ )?(numb|weak|dead|heavy)\b"
    r"|\b(arm|leg|hand)\b[^.?!]{0,10}\b(won'?t|wont|doesn'?t|does not|will not) do what (i|he|she) (tell|want|ask)\b",
    r"\bsudd?en\w*\b[^.?!]{0,20}\b(foot|wrist) drop\b"
    r"|^(?=.*\b(weak\w*|numb\w*|can'?t (walk|grip|move|feel))\b).*\b(worse|weaker|number|heavier|spreading) (by the|every) (hour|minute)\b",
    # safety_blind20: a seizure "still going", a limb gone cold and white, a hand gone dead with a tingling face,
    # sense lost suddenly, not knowing where one is, pills taken twice with confusion, an eye gone blurry then black
    r"\b(seizure|fit|fitting|seizing)\w*\b[^.?!]{0,30}\b(still going|still happening|(over|more than) (\d+|five|ten) ?min\w*)\b",
    # (fingers and toes going white in the cold are Raynaud's, common in lupus: a whole foot, leg or arm, with pain)
    r"^(?=.*\b(sudd?en\w*|pain|agony|hurts?|hurting)\b).*\b(foot|leg|arm)\b[^.?!]{0,15}\b(went|gone|turned|is|was) (ice |icy |stone )?cold and (white|pale|blue)\b"
    r"|^(?=.*\b(sudd?en\w*|pain|agony|hurts?|hurting)\b).*\b(foot|leg|arm)\b[^.?!]{0,15}\b(went|gone|turned|is|was) (white|pale|blue) and (ice |icy )?cold\b",
    r"\b(hand|arm|side|other one|other)\b (just |suddenly )(went|gone|has gone) (completely |totally |all )?(dead|limp|floppy)\b"
    r"|\bwent dead\b[^?!]{0,40}\bface\b[^.?!]{0,20}\b(tingl\w*|numb\w*|droop\w*)",
    r"\b(not making (any )?sense|making no sense|talking nonsense|keeps? repeating (herself|himself|themselves|the same (thing|question)s?))\b[^?!]{0,60}\bsudd?en\w*\b"
    r"|\bsudd?en\w*\b[^?!]{0,60}\b(not making (any )?sense|making no sense|talking nonsense)\b",
    r"\b(don'?t|dont|can'?t|cant|cannot) (remember|know|tell) where (i am|i'?m|im|she is|she'?s|he is|he'?s)( right now)?\s*($|[,.!?]| or\b| and\b)",
    r"\b(took|taken|had|taking) (my|his|her|the) (\w+ )?(pills|tablets|meds|medications?|medicines?|doses?)\b (twice|three times|\d times|again)\b(?! (a|per|each|every) )"
    r"(?=[^?!]{0,60}\b(confus\w*|drowsy|sleepy|dizzy|don'?t remember|dont remember|can'?t remember|can'?t stay awake)\b)"
    r"|\b(confus\w*|drowsy|sleepy|can'?t stay awake)\b[^?!]{0,60}\b(took|taken|had) (my|his|her|the) (\w+ )?(pills|tablets|meds|medications?|medicines?|doses?) (twice|three times|\d times)\b(?! (a|per|each|every) )",
    # safety_blind21: a deficit on one side told beside "started suddenly" however far apart in the sentence, and
    # a plan told as finishing it tonight
    r"\b((can'?t|cant|cannot|couldn'?t|unable to) (hold|grip|pick up)|(lean\w*|slump\w*|tilt\w*) (over )?to one side)\b[^.?!]{0,100}\bsudd?en\w*\b"
    r"|\bsudd?en\w*\b[^.?!]{0,100}\b((can'?t|cant|cannot|couldn'?t|unable to) (hold|grip|pick up)|(lean\w*|slump\w*|tilt\w*) (over )?to one side)\b",
    r"\bfinish (it all|myself)\b|\bfinish it\b[^.?!]{0,10}\btonight\b|\btonight\b[^.?!]{0,25}\bfinish it\b"
    r"|\b(this is|it'?s) the end (for|of) me\b|\bcan'?t (keep|go on) (living|going) like this\b",
    # safety_blind22: a sudden headache's "pop" with vomiting or unsteady walking, one side of the body stopped,
    # the last hour forgotten, words lost with a thick tongue, goodbyes with things given away, staring at a rope,
    # a child's tablets drunk down with spirits
    r"\b(something|a vessel) (went )?pop(ped)?\b[^.?!]{0,20}\b(in|inside) (my|his|her) head\b"
    r"|\b(can'?t|cannot|couldn'?t|unable to) (walk|stand) (straight|up straight|without falling)\b[^?!]{0,60}\b(vomit\w*|throwing up|room|spinning|sideways|head)\b"
    r"|\b(vomit\w*|throwing up|room (is |went )?(spinning|sideways))\b[^?!]{0,60}\b(can'?t|cannot|couldn'?t) (walk|stand) (straight|up straight)\b",
    r"\b(left|right|one|whole) side (of (my|his|her) (body|face) )?(just |suddenly )?(stopped working|went dead|gave (out|way)|won'?t (move|work)|(went|gone|going|has gone) (numb|heavy|weak|limp|floppy))\b",
    r"\b(can'?t|cannot|doesn'?t|does not|don'?t) remember (anything (from|about) )?the (last|past) (hour|few hours|\d+ hours|couple of hours)\b"
    r"|\bkeeps? asking the same (question|thing)s?\b[^?!]{0,80}\b(suddenly|came on|this (morning|afternoon|evening)|today|an hour ago|out of nowhere)\b",
    r"\b(can'?t|cant|cannot|couldn'?t) find (the|my|his|her) words\b[^?!]{0,80}\b(tongue|face|tingl\w*|numb\w*|slurr\w*)\b"
    r"|\b(tongue|face|tingl\w*|numb\w*|slurr\w*)\b[^?!]{0,80}\b(can'?t|cant|cannot|couldn'?t) find (the|my|his|her) words\b",
    r"\b(won'?t|will not|not going to) be (a|an) (problem|burden|bother|trouble|nuisance) (much |for much )?(longer|anymore|any more)\b"
    r"|\b(calling|ringing|phoning|texting) (everyone|everybody|us all|the family) to say goodbye\b",
    r"\b(staring|looking|sitting) (at|with) (the|a) (rope|noose)\b|\bnoose\b",
    r"\b(drank|drunk|swallowed|took|taken|ate|eaten)\b[^.?!]{0,15}\b(a bunch|a handful|a lot|loads|lots|all|several|a load|the rest) of\b[^.?!]{0,30}"
    r"\b(pills?|tablets?|meds|medicines?|capsules?)\b",
    # safety_blind23: sight going grey or dark, a high fever with rigors or near-fainting, things seen that are not
    # there or a sudden change of person, numb legs with a bladder lost unfelt, a bottle drunk on top of the
    # pills, patches heaped on at once with the heart skipping, a whole side gone numb and heavy
    r"\b(everything|vision|sight|eyes?|things)\b[^.?!]{0,25}\b(went|gone|going|turned|turning|getting) (all )?(gr[ae]y|dark|black)\b"
    r"|\b(can barely|can hardly|can'?t|cannot) see (anything|a thing)\b(?!\s+(wrong|on|in|about|that|which|unusual|abnormal|different|odd|special|online))",
    r"\b(got|have|has|running|spiking|spiked) (a |an )?(\w+ )?(fever|temperature|temp|(39|40|41)(\.\d)? ?(°|degrees?)? ?c|10[3-6](\.\d)? ?(°|degrees?)? ?f)\b"
    r"[^?!]{0,60}\b(pass(ing)? out|faint\w*|black(ing)? out|confus\w*(?! (about|by|as to|over|whether|which|what|why|how|with)\b)"
    r"|stiff neck|rigou?rs|shaking|shivering|can'?t stay awake)\b",
    r"\b(seeing|hearing|sees|hears) (things|people|voices|bugs|animals) (that |who |which )?(aren'?t|arent|are not|isn'?t|weren'?t|wasn'?t) (there|real)\b"
    r"|\bsudd?en\w*\b[^?!]{0,30}\b(acting|behaving)\b[^?!]{0,20}\b(strange\w*|odd\w*|weird\w*|bizarre|not (herself|himself|themselves|myself)|out of character)\b",
    r"\bnumb\w*\b[^?!]{0,80}\b(had an accident|wet (myself|himself|herself|the bed)|soiled|(couldn'?t|didn'?t) (even )?feel (it|myself) (coming|going))\b"
    r"|\b(had an accident|wet (myself|himself|herself)|soiled)\b[^?!]{0,80}\bnumb\w*\b",
    r"\b(had|drank|drunk|downed|finished) (most of |half |nearly |almost )?(a|the|an entire|a whole|the whole) bottle of \w+\b[^?!]{0,30}"
    r"\b(plus|and|with|on top of) (all )?(my|his|her|the|a few|some)\b",
    r"\b([5-9]|[1-9]\d|five|six|seven|eight|nine|ten|twelve|a dozen)\b[^.?!]{0,20}\bat once\b[^?!]{0,80}"
    r"\b(heart|dizz\w*|twitch\w*|confus\w*|faint\w*|breath\w*|seiz\w*|numb (mouth|lips|tongue))",
    # safety_blind24: hopelessness with things given away, a heart racing with fainting now, a first seizure just
    # had, a child who drank a medicine
    r"\b(giving|gave|given) (away )?(all )?(his|her|my|their) (stuff|things|belongings|possessions|games|clothes)( away)?\b"
    r"|\b(doesn'?t|don'?t|does not|do not|can'?t) see the point (in|of) (anything|living|life|going on|carrying on|being here)\b",
    r"\bheart\b[^.?!]{0,40}\b(racing|pounding|going (really |very |so )?fast|all over the place|irregular)\b[^?!]{0,60}"
    r"\b(pass out|faint|black out|collapse|chest)\b|\b(going|about) to (pass out|faint|black out|collapse) (right )?now\b",
    r"\b(just|only just) (had|have had) (a|my|her|his|their) (first (ever )?)?(seizure|fit|convulsion)\b"
    r"|\b(seizure|fit|convulsion)\b (\w+ ){0,3}(\d+|a few|few|a|an|one|five|ten|twenty) ?(minutes?|mins?) ago\b",
    r"\b(toddler|baby|child|kid|little one|son|daughter|grandson|granddaughter|\d+ ?(year|yr)s?[- ]old)\b[^?!]{0,20}\b(drank|drunk)\b"
    r"[^?!]{0,30}\b(my|his|her|the|some)\b[^?!]{0,20}\b(liquid|syrup|pills?|tablets?|meds|medicines?|medication|[a-z]{4,}(in|ine|one|am|ol))\b",
    # holdout130, 134: a hand that cannot grip and a foot dragging, come on since this morning or over a day
    r"^(?=.*\b(since (this morning|yesterday|last night)|overnight|over the (last|past) (day|night|few hours|\d+ hours)"
    r"|in the (last|past) (day|few hours|\d+ hours)|today|this (morning|afternoon|evening))\b)"
    r"(?=.*\b(can'?t|cant|cannot|couldn'?t|unable to|not (being )?able to) (hold|grip|pick up|lift)\b)"
    r"(?=.*\b(foot|feet|leg|legs)\b[^?!.]{0,20}\b(dragging|drags|flopping|floppy|dropping|giving way|gave way|slapping)\b).",
    # safety_blind25: a room spinning with no standing or vomiting, a child who drank a household poison, half a smile
    # gone, a goodbye before tonight, a face numb on the same side as a weak hand, numbness climbing to the chest in a
    # day, a fit with stiffening, blanking out with a limb twitching by itself
    r"\b(room|everything|world|house|ceiling)\b[^.?!]{0,25}\bspinning\b[^?!]{0,60}\b(can'?t|cant|cannot|couldn'?t|unable to) (stand|walk|get up)\b"
    r"|\bspinning\b[^?!]{0,60}\b(threw up|throwing up|vomit\w*|been sick)\b[^?!]{0,60}\b(can'?t|cant|cannot|unable to) (stand|walk|get up)\b",
    r"\b(drank|drunk|swallowed|swallowing|ate|eaten|sipped|drinking)\b[^?!]{0,50}\b(bleach|lamp oil|paraffin|kerosene|antifreeze|anti-freeze"
    r"|drain cleaner|oven cleaner|detergent|washing (up )?liquid|dishwasher (tablet|pod)s?|laundry (pod|capsule)s?|weed ?killer|pesticide"
    r"|rat poison|slug pellets|button batter(y|ies)|petrol|gasoline|lighter fluid|white spirit|turps|turpentine|nail polish remover|mouthwash)\b",
    r"\bhalf (of )?(my|his|her|their|the) (smile|face|mouth)\b[^.?!]{0,15}\b(has |have |is |had )?(gone|dropped|drooped|drooping|fallen|slipped|sagging|not moving|won'?t move|stopped)\b",
    r"\bthis is (my )?goodbye\b|\b(won'?t|will not|wouldn'?t|would not) matter (after|by|past|come) (tonight|tomorrow|today|the weekend)\b",
    r"\b(face|mouth|cheek|lips?)\b[^.?!]{0,30}\b(numb|tingl|droop|heav|weak|dead)\w*\b[^.?!]{0,20}\b(on )?the same side\b"
    r"|\b(on )?the same side\b[^.?!]{0,30}\b(face|mouth|cheek|lips?)\b[^.?!]{0,20}\b(numb|tingl|droop|heav|weak|dead)\w*",
    r"\bnumb\w*\b[^.?!]{0,40}\b(crept|creeping|crawled|climbed|climbing|spread|spreading|moved|moving|gone|went|travell?ed)\b (all the way )?up to\b"
    r"[^.?!]{0,30}\b(in (one|a|a single) day|overnight|in (a few|\d+|two|three) hours|since (this morning|yesterday|last night)|today)\b",
    r"\b(blanking|blacking|zoning|spacing) out\b[^?!]{0,80}\b(twitch|jerk)\w*|\b(twitch|jerk)\w*\b[^?!]{0,80}\b(blanking|blacking) out\b"
    r"|\b(arm|leg|hand|face|foot)\b (is |keeps |has been |started |starts )?(twitching|jerking) (on its own|by itself|uncontrollably)\b[^.?!]{0,20}\b(right now|now)\b",
    # safety_blind26: a whole body jerking that will not stop, strength lost suddenly
    r"\b(whole body|all over|my body|her body|his body|their body)\b[^.?!]{0,25}\b(jerking|shaking|twitching|convulsing)\b[^.?!]{0,40}"
    r"\b(won'?t|will not|wont|doesn'?t|does not|isn'?t|is not|not) stop",
    r"\bsudd?en\w*\b[^.?!]{0,20}\blost (all )?(the |my |her |his )?(strength|power|feeling|use) (in|of)\b",
    # safety_blind27: "won't need it after tonight", breathing stopped in chat spelling, all of a medicine tonight, gone
    # blue, a garage with the car running, a throat or tongue swelling with hives or a sting, fever told after confusion
    r"\b(won'?t|wont|will not) (need|be needing|be using) (it|this|you|them|any of (it|this|them)|anything) (any ?more )?(after|past|beyond) (tonight|today|tomorrow|this weekend)\b",
    r"\b(isn'?t|isnt|is not|aren'?t|arent|wasn'?t|stopped|has stopped|have stopped) breathing\b|\bnot breathing (right|properly|normally)\b",
    r"\b(taking|take|swallow\w*|gonna take|going to take) (all|every one|every last one|the (whole|entire) (bottle|box|pack|packet|lot)) (of )?(my|the|her|his) (?!missed\b|forgotten\b)\w+( \w+)? (tonight|today|now|at once)\b"
    r"|\bso (the pain|it|everything|all of it) (stops|ends|is over) for good\b",
    r"\b(he'?s|she'?s|he is|she is|they'?re|i'?m|has|have) (gone|turned|turning|going) (blue|grey|gray)\b",
    r"\bgarage\b[^.?!]{0,30}\b(car|engine|motor) (is |still )?(running|on)\b|\b(car|engine) running\b[^.?!]{0,30}\bgarage\b",
    r"^(?=.*\b(stung|sting|hives|allergic|reaction|wheez\w*)\b).*\b(tongue|throat|lips?)\b (feels |feel |is |are |'s |has |have |got |gone |going |getting |started )?(so |really |very |all )?(thick|swelling|swollen|swelled|tight|closing|puff\w*)\b",
    r"\b(confused|confusion|delirious|not making sense|can (barely|hardly) stand)\b[^?!]{0,80}\b(fever|high temp\w*|burning up)\b",
    # safety_blind28: gas smelled with headaches or dizziness, a smile gone on one side with a heavy arm, someone fallen
    # and jerking or foaming at the mouth, goodbyes already said, a count of painkillers taken
    r"\b(smell(s|ing|ed)? (of )?gas|gas leak)\b[^?]{0,80}\b(headaches?|dizzy|sick|drowsy|faint\w*|confused|vomit\w*)\b",
    r"\b(can'?t|cannot|won'?t) (smile|move)\b[^.?!]{0,15}\bone side\b[^?!]{0,60}\b(arm|hand|leg)\b[^.?!]{0,20}\b(heavy|weak|numb|dead)\b",
    r"\b(fell|collapsed|dropped)( down)?\b[^.?!]{0,40}\b(jerking|shaking|twitching|fitting|convulsing)\b|\bfoam\w* (at|on|from) (the |his |her |their )?mouth\b",
    r"\b(already )?said (all )?(my|our) goodbyes\b",
    r"\b(took|taken|swallowed|had|popped) (like |about |around |maybe |over |nearly |almost )?([1-9][0-9]|twelve|fifteen|twenty|thirty|forty|fifty)\b(?!\s*(mg|milligrams?|ml|mcg|micrograms?)\b)"
    r" (\w+ ){0,2}(paracetamol|tylenol|acetaminophen|panadol|ibuprofen|advil|nurofen|aspirin|tablets|pills|caps|capsules)\b",
    # safety_blind29: not waking up told as fine, extra of every medicine taken, a chest squeezing with a faint coming,
    # one side of the body gone numb, sight doubled just now
    r"\bif (i|i just) (don'?t|dont|do not|never|didn'?t) wake up\b[^.?!]{0,30}\b(fine|ok|okay|good|better|so be it|whatever|don'?t care|dont care)\b",
    r"\b(took|taken|swallowed|downed) (extra|double|all|the rest) of (everything|all (of )?(my|the|her|his) (pills|meds|tablets|medications|medicines))\b",
    r"\bchest\b (has been |is |keeps |'s been |been |started |starts )?(squeezing|crushing|clamping)\b[^?!]{0,80}\b(pass out|faint|black out|sweat\w*|arm|jaw|breath\w*)\b",
    r"\b(one|the other|left|right|whole) side of (my|his|her|the) (body|face)\b[^.?!]{0,15}\b(went|has gone|is|'s|just went|suddenly went|gone) (all )?(numb|dead|weak|limp|floppy)\b"
    # (safety_blind30: …or half of it gone heavy)
    r"|\b(?:(?:one|the other|the left|the right|left|right) (?:side|half)|half) of (my|his|her|the) (body|face)\b[^.?!]{0,25}\b(numb|dead|weak|limp|floppy|heavy)\b",
    # ("suddenly" before it is matched above)
    r"\b(just now|minutes? ago|now)\b[^.?!]{0,25}\b(seeing double|double vision|seeing two of everything)\b"
    r"|\b(seeing double|double vision|seeing two of everything)\b[^.?!]{0,10}\b(all of a sudden|suddenly|just now|minutes? ago)\b",
    # safety_blind30: making sure not to wake up, bleeding that will not stop or a cut made on purpose, a medicine taken
    # twice with shaking and sweats, jerking that cannot be stopped
    r"\b(make sure|ensure|so) (that )?i (don'?t|dont|do not|never|won'?t|wont) wake up\b|\bbest way to (die|end it( all)?|kill myself|not wake up)\b",
    r"\b(can'?t|cannot|won'?t|wont) stop (the |this |my )?bleeding\b|\bbleeding (won'?t|will not|doesn'?t|does not|isn'?t|is not) stop\w*\b"
    r"|\b(did it|cut (myself|my wrists?|my arms?)|hurt myself|burned myself|burnt myself) on purpose\b",
    r"\b(took|taken|had|injected|gave)\b[^.?!]{0,30}\b(twice|double|two doses|too much)\b[^?!]{0,60}\b(shaky|sweaty|sweating|can (barely|hardly) think"
    r"|can'?t think straight|drowsy|passing out)\b",
    r"\b(jerking|twitching|shaking|fitting|seizure|fit)\b[^?!]{0,80}\b(can'?t|cannot|won'?t|wont) stop (it|them)\b",
    # safety_blind31: a head knock told after its signs, a pupil bigger than the other, locked in and not answering
    # (and "better off without him", in the older pattern), a blank half hour, fumes from mixed cleaners, how and when
    # planned, blindness come suddenly, someone who stopped responding, shaking that cannot be stopped, a child into a
    # relative's pill box
    r"\b(confus\w*|vomit\w*|throwing up|drowsy|sleepy|pupils?)\b[^?!]{0,80}\b(hit|banged|bumped|smacked|knocked) (my|his|her|their) head\b"
    r"|\b(one )?pupils?\b[^.?!]{0,30}\b(bigger|larger|smaller|wider|different sizes?|uneven|blown)\b",
    r"\blocked (himself |herself |themselves |myself )?in\b[^?]{0,120}\b(won'?t|wont|not|isn'?t|is not|doesn'?t|does not) (answer|answering|respond|responding|open|opening|come out)\b",
    r"\b(can'?t|cannot|don'?t|do not|doesn'?t|does not) remember (anything (from|about) )?the (last|past) (half (an )?hour|\d+ min\w*|few min\w*)\b"
    r"|\b(bit|bitten|biting) (my|his|her|their) tongue\b[^?!]{0,80}\b(twitch\w*|jerk\w*|shak\w*|floor|strange|confus\w*)\b"
    r"|\b(twitch\w*|jerk\w*|shak\w*|floor)\b[^?!]{0,120}\b(bit|bitten|biting) (my|his|her|their) tongue|\btongue is bleeding\b",
    r"\bmix(ed|ing)? (the )?bleach (and|with)\b|\b(bleach|chlorine) fumes\b[^?!]{0,60}\b(cough\w*|breath\w*|chest|dizzy)\b",
    r"\bplann\w* (how and when|when and how)\b|\btonight (feels|seems|is) like the night\b",
    r"\bsudd?en\w*\b[^.?!]{0,20}\bblind(ness)?\b|\bblind(ness)?\b[^.?!]{0,30}\b(minutes?|mins?|an hour) ago\b",
    r"\b(just |suddenly )?stopped (responding|answering me|talking to me)\b[^?!]{0,60}\b(eyes|stare|staring|blink\w*|minute ago|floor)\b"
    r"|\b(eyes open|staring)\b[^.?!]{0,30}\bnot (blinking|responding|answering)\b",
    r"\b(shaking|jerking|twitching)\b[^.?!]{0,25}\b(and )?(can'?t|cant|cannot|won'?t|wont) stop\b",
    r"\bgot into (my |the |his |her )?(grandma|gran|nan|nana|grandpa|grandad|mum|mom|dad)'?s? (pill|tablet|medicine|meds) ?(organi[sz]er|box|bottle|cabinet|cupboard|pot)\b",
    # safety_blind32: something drunk from under the sink, a whole packet taken, a chest grabbed, "is seizing"
    r"\b(drank|drunk|swallowed|ate|eaten|drinking|had)\b[^.?!]{0,30}\b(from )?under the (kitchen |bathroom )?sink\b"
    r"|\b(took|taken|swallowed|had|downed)\b (a |the |her |his |my )?(whole|entire|full) (packet|pack|box|bottle|strip|blister)s? of\b",
    r"\b(grabbed|clutched|clutching|grabbing|gripping|holding) (his|her|their|my) chest\b",
    r"\b(is|'s|are|'re|keeps|kept|started|starting|been) (seizing|fitting|convulsing)\b(?! up\b)",
    # (words that "came out wrong" alone are a slip of the tongue: with a face gone numb, a stroke's sign)
    r"\b(face|mouth|lips?)\b[^.?!]{0,20}\b(went|gone|is|going) numb\b[^.?!]{0,60}\b(words?|speech)\b[^.?!]{0,25}\b(came|come|coming|comes) out wrong\b",
]

_ADVICE = [
    r"\bshould (i|he|she|they|we|my (mum|mom|dad|son|daughter|husband|wife|partner|child|kid|father|mother))\b[^.?!]{0,25}\b(stop|start|take|quit|switch|change|increase|decrease|reduce|double|skip|cut|lower|raise|try|keep taking|come off|go off|go back on|get back on|restart|use|cancel|postpone|delay|put off|miss|not go|not bother|swap|refuse|decline|turn (it|them|this|that) down|turn down|accept|agree|say yes|say no|go ahead|push for|consent|sign|push back|object|argue|fight (it|this|that)|ask for|stick with|replace|substitute|swap out|not fill|fill (it|the prescription|my prescription|the script)|not start|not take|stay on|keep going with|ask to be (started|put|switched|moved|changed|taken off)|be (taking|on|using|starting|having|getting)"
    r"|(get|have) (my |his |her |the |a |an )?(\w+ ){0,2}(checked|tested|scanned|looked at|measured|done))\b",
    r"\b(can|could|may) i\b[^.?!]{0,20}\b(cancel|postpone|put off|miss|not go to)\b[^.?!]{0,25}\b(appointment|appt|test|scan|emg|ncs|biopsy|check ?up|visit|infusion|stud(y|ies)|procedure|surgery|operation|treatment|session|therapy|injection|bloods|blood (test|work)|exam|screening|x-?ray|mri|ct)\b",
    r"\b(can|could|should|may) i\b[^.?!]{0,10}\b(refuse|decline|say no to|turn down|opt out of|get out of)\b",
    r"\b(can|could|should|may) i (have|drink|eat|take|use|try)\b[^.?!]{0,40}\b(with|on|while (on|taking))\b[^.?!]{0,10}\b(my|the|these|this|his|her)\b[^.?!]{0,20}\b(meds|medications?|medicines?|pills|tablets|[a-z]+(in|ine|one|am|ol|ide|ate|ab|il))\b",
    r"\b(take|use|try|borrow|have|taking|using)\b[^.?!]{0,10}\b(mum|mom|mam|dad|mother|father|friend|sister|brother|husband|wife|partner|son|daughter|nan|gran|neighbou?r|cousin|aunt)'?s (\w+ )?(pills|tablets|meds|medications?|medicines?|[a-z]+(in|ine|one|am|ol|ide))\b",
    r"\b(can|could|should|may) i (give|share|lend)\b[^.?!]{0,40}\b(pills|tablets|meds|medications?|medicines?|[a-z]+(in|ine|one|am|ol))\b|\bgive (\w+ ){0,3}(some )?of my (\w+ )?(pills|tablets|meds|medications?|medicines?|[a-z]+(in|ine|one|am|ol))\b",
    r"\b(can|could|should|may|safe|ok|okay|allowed|fine)\b[^.?!]{0,20}\b(drive|driving|operate|operating)\b[^.?!]{0,60}\b(took|take|taking|on|after) (my|the|this|these|his|her)\b|\b(took|taking|on) (my|the)\b[^.?!]{0,40}\b(can|could|should|safe|ok|okay|allowed)\b[^.?!]{0,10}\b(drive|driving)\b",
    r"\b(can|could|should) i\b[^.?!]{0,20}\b(go back to|go down to|go up to|drop to|drop down to|move to|make( it| them)?|have|take) \d+\b",
    r"\bi (can|could|should) (take|have|use)\b[^.?!]{0,30}\b(extra|more|another|double|two|second)\b",
    r"\b(want|wanna|going|planning) to (just )?(try )?(stopping|stop|quitting|quit|coming off|come off)\b[^.?!]{0,20}\b(all )?(my|her|his)\b[^.?!]{0,20}\b(meds|medications?|medicines?|pills|tablets)\b",
    # (stopping, skipping, switching, doubling and halving match without an object, below)
    r"\bthinking (of|about) (just )?(trying|taking|using|changing|moving|cancell?ing) (it|them|my|her|his|some)\b"
    r"|\bi think i'?ll (just )?(cancel|skip|stop|quit|miss|drop)\b|\bi'?ll just (cancel|skip|stop|quit|miss|drop) (my|the|it)\b",
    r"\b(posso|devo|podemos) (tomar|parar|deixar de tomar|dobrar|pular|trocar)\b",
    r"\b(is (it )?(ok|okay|safe|fine|alright)|can i|could i) (to )?(drink|have)\b[^.?!]{0,20}\b(wine|vino|beer|alcohol|drink|booze)\b[^.?!]{0,15}"
    r"\b(with|on) (my |the |this |these )?(meds|medications?|medicines?|pills|tablets|[a-z]{4,}(in|ine|one|am|ol|ide|ate|ab|il|ex|ica))\b",
    r"\b(maybe|perhaps|so|then) i (should|shouldn'?t|should not|had better|better) (not )?(take|stop|skip|quit|start|refuse)\b",
    r"\b(want|wanna|going) to (just )?(stop|quit|come off)\b[^.?!]{0,20}\b(today|now|tomorrow|them|taking|cold turkey)\b|(?<!plan is to )(?<!wants to )\btaper\w*\b[^.?!]{0,60}\b(i|me|my)\b|\b(i|me|my)\b[^.?!]{0,60}(?<!plan is to )(?<!wants to )\btaper\w*\b",
    r"\bdo i (still |really |even )?(need|have) to (take|keep|go|have|get|do|see)\b|\bdo i (still |really )?need (my|the|this|that) (test|scan|emg|ncs|biopsy|appointment|appt|meds?|medicine|medication|tablets?|pills?)\b",
    r"\b(can|could|may) i\b[^.?!]{0,20}\b(stop|quit|double|skip|cut|increase|reduce|decrease|lower|raise|switch|mix|combine|come off|go off)\b",
    r"\b(can|could|may) i\b[^.?!]{0,20}\btake\b[^.?!]{0,40}\b(with|and|together|more|extra|instead)\b",
    r"\bhow (much|many)\b(?! (people|patients|women|men|adults|children|americans|of (us|them)|weeks|days|months|years|hours|minutes|time)\b)[^.?!]{0,40}\b(take|have|use|mg|milligrams?|pills?|tablets?)\b",
    r"\b(what|wat|wot|whats|what'?s|which|right|correct|max\w*|safe) (dose|dosage)\b"
    r"(?![^.?!]{0,30}\b(do|does|would) (doctors?|they|most (doctors|people|patients)|rheumatologists?|neurologists?) (usually|normally|typically|generally) (start|begin|use|prescribe)\b)",
    # …unless a clinician already set it ("my doctor changed my dose and I'm following her plan")
    r"(?<!changed )(?<!adjusted )(?<!increased )(?<!lowered )(?<!reduced )(?<!raised )\b(my|the) (dose|dosage)\b",
    r"\b\d+ ?(mg|milligrams?|mcg)\b",
    r"\b(is it|would it be|will it be|it'?s) (ok|okay|safe|fine|alright|all right|bad)\b[^.?!]{0,20}\b(to|if i|if we) (just )?(take|stop|mix|combine|drink|skip|use|double|cancel|miss|postpone|not go|quit|delay|reschedule|push (it|this|that|them|the \w+|my \w+) back|push back (my|the)|put (it|this|that) off|put off|keep taking)\b",
    r"\b(safe|ok|okay|dangerous|harm\w*)\b[^.?!]{0,40}\b(pregnan\w*|the baby|breast ?feed\w*|nursing)\b",
    r"\b(pregnan\w*|breast ?feed\w*|nursing)\b[^.?!]{0,40}\b(safe|ok|okay|take|use)\b",
    r"\bthinking (of|about) (just )?(asking to )?(quitting|stopping|not taking|skipping|coming off|switching|swapping|swap|switch|doubling|halving|dropping|upping|cutting)\b",
    r"\b(can|could|should|may) i (just )?(carry on (with|taking|using)|stay on|keep (taking|using|on)|continue (with|taking|using|on)|restart|go back on|go without|start (taking|using)|start (it|them) again)\b",
    r"\b(is it|it'?s|would it be) (ok|okay|fine|safe|alright|all right|bad)\b[^.?!]{0,15}\bfor (me|him|her|them|my \w+) to (stay on|keep|take|have|drink|stop|start|use|carry on|come off)\b",
    r"\b(ok|okay|fine|safe|alright)\b[^.?!]{0,5}\bto (take|combine|mix|use|have|double|skip|stop)\b",
    r"\b(ok|okay|fine|safe|alright|all right|bad)\b[^.?!]{0,5}\bif (i|we|he|she|they) (just )?(stop|quit|skip|take|double|halve|cut|come off|go off|drop|miss)\b",
    r"\b(want|wanna|going) (to )?take\b[^.?!]{0,50}\b(is (it )?(ok|okay|fine))\b",
    r"\b(can|could) i (take|use|have)\b[^.?!]{0,30}\b(alongside|on top of|as well as|together with)\b",
    r"\bhow many\b[^.?!]{0,30}\b(can|should|do|could) (i|we|he|she)\b|\bmore than (\d+|one|two|three)\b[^.?!]{0,30}\b(a day|per day|at once|at a time)\b",
    r"\b(can|could|should) (we|i|she|he|they) (just )?(drop|cut|lower|reduce|halve|up|increase|stop|quit|skip|come off)\b|\bhalf a (tablet|pill|dose)\b",
    r"\bwants to (stop|quit|come off|switch|skip|halve|double|cut down)\b|\bbetter off on\b|\bleaning towards? (saying no|stopping|refusing|declining|not)\b|\bis (that|this|it) (reasonable|sensible|a good idea|wise) for (me|him|her)\b",
    r"\b(two|2|three|3|double|extra) (of )?my\b[^.?!]{0,20}\b(pills?|tablets?|doses?|[a-z]+(in|ine|one|am|ol))\b",
    # "up my…" but not "pick up my", "messed up my", "bring up my"
    r"\b(stop\w*|quit\w*|come off|go off|wean off|skip\w*|(?<!spread )(?<!spreads )(?<!spreading )(?<!creeping )(?<!crept )(?<!moving )(?<!travel )(?<!travels )(?<!crawling )(?<!pick )(?<!picked )(?<!picks )(?<!picking )(?<!bring )(?<!brought )(?<!mess )(?<!messed )(?<!look )(?<!looked )(?<!follow )(?<!followed )(?<!back )(?<!set )(?<!sign )(?<!signed )(?<!fed )(?<!open )(?<!opened )(?<!do )(?<!doing )(?<!does )(?<!did )(?<!done )up|raise|increase|lower|decrease|reduce|double|halve|cut|adjust|change) (taking )?my\b(?! (diet|life|lifestyle|mind|routine|habits?|legs?|arms?|feet|foot|hands?|back|spine|body|neck|toes?"
    r"|fingers?|knees?|ankles?|calf|calves|thighs?|hips?|shins?|wrists?|elbows?|shoulders?|face|chest|head|skin|hair|nails?"
    r"|hours|shifts|work|job|time|days|workload|commute|bra|shirt|coat|buttons|zip|laces|shoes|jacket|jeans"
    # "will that stop my nerves from getting worse?": what a treatment does, not a treatment stopped
    r"|(?:nerves?(?! (?:pain|damage))|nerve damage|nerve pain|symptoms?|tingling|numbness|burning|condition|disease|lupus|flares?"
    r"|immune system|pain)"
    r"(?! ?(meds|medications?|medicines?|pills|killers?|relievers?|patch(es)?|tablets|creams?|drugs?|treatments?|doses?|dosage"
    r"|injections?|infusions?|prescriptions?|suppressants?|suppressors?)\b))\b)",
    # …taken together, not tests done together ("will they do any other test at the same time?"), nor asked "in general"
    r"^(?!.*\b(in general|generally)\b)(?!.*\b(?:tests?|scans?|stud(?:y|ies)|exams?|appointments?|appts?|happen\w*|involved|damaged|affect\w*|feeling|strength|occur\w*)\b[^.?!]{0,30}\b(?:together|at the same time)\b)"
    r".*(\b(take|taking|took|use|using|mix|mixing|combine|combining|have|having|on|them|both|these|those)\b[^.?!]{0,60}\b(together|at the same time)|\binteract\w*)\b[^.?!]{0,30}\?",
    # "can i drink on pregabalin?": alcohol with a medicine.
    r"\b(can|could|should|may) (i|we|he|she) (still )?(drink|drink alcohol|have (a )?(drink|beer|wine|glass of wine)|have alcohol|booze)"
    r" (on|with|while on|while taking) (my |the |this |these |her |his )?(meds|medications?|medicines?|pills|tablets|[a-z]{4,}(in|ine|one|am|ol|ide|ate|ab|il|ex))\b",
    # "Can mum take amitriptyline along with her tramadol?": a relative's two medicines combined.
    r"\b(can|could|should|may|is it (ok|okay|safe) (for|if)) (my |our )?(mum|mom|mam|dad|mother|father|husband|wife|partner|son|daughter|he|she|nan|gran)\b"
    r"[^.?!]{0,10}\b(take|have|use|takes|has)\b[^.?!]{0,40}\b(along with|alongside|together with|with (his|her|their) (other )?\w+|and (his|her) \w+ together)\b",
    r"\b(can|could|may|should) i (just )?(try|take|use|have|borrow)\b[^.?!]{0,20}\b(hers|his|theirs|yours|of hers|of his)\b",
    r"\bshould i (bump|up|bring) (up )?my\b|\bfrom \d+ ?(mg )?to \d+ ?(mg)?\b[^.?!]{0,20}\b(myself|my self|on my own)\b",
    r"\b(can|could|should|may) (my|our) ([\w ]{0,12}(son|daughter|kid|child|boy|girl|year old|husband|wife|partner|mum|mom|dad|mother|father|sister|brother|nan|gran)) (take|have|use)\b[^.?!]{0,30}\b(my|mine|his|her|of my)\b",
    r"\bshould (my (mum|mom|dad|mother|father|husband|wife|partner|son|daughter)|he|she)\b[^.?!]{0,10}\b(get|have|go for|do|skip|refuse)\b",
    r"\b(wants|told|asked) me to (take|start|do|have|try|go on)\b[^?!]{0,80}\b(rather|instead|don'?t want|not sure|what should i do)\b",
    r"\b(can|could|should|may) (he|she|they|my (son|daughter|kid|child|husband|wife|partner|mum|mom|dad|mother|father|sister|brother)) (use|take|have|borrow)\b[^.?!]{0,20}\b(my|mine)\b",    # From the fifth blind set: decisions told as a plan, a gerund or a missed dose.
    r"(?<!why )\bdo (i|we|you think i) (still |really |actually |even |personally |definitely )*need (them|it|this|that|those|these|to be on|[a-z]+(in|ine|one|am|ol|ide|ate|ab|il|ig))\b",
    r"\b(upping|raising|lowering|doubling|halving|stopping|quitting|skipping|dropping|ditching|cutting|reducing|increasing|decreasing|tapering|changing|switching) (down )?(my|her|his) (\w+ )?"
    r"(doses?|dosage|meds|medications?|medicines?|pills|tablets|steroids|[a-z]{4,}(in|ine|one|am|ol|ide|ate|ab|il|ex))\b",
    r"\bthinking (of|about) (just )?(going off|getting off|coming off|weaning off|ditching|binning|dropping|giving up)\b",
    r"\b(forgot|forgotten|missed|skipped|forget)\b[^?!]{0,60}\b(can|could|should|do|may) (i|we|she|he) (take|have|double|make|still take)\b|\bto make up (for )?(it|the|my|a)?\b[^.?!]{0,20}\b(missed|dose|pill|tablet)|\b(missed|forgot)\b[^?!]{0,60}\bto make up\b",
    r"\b(can|could|should|may) (she|he|they) (take|have|use|stop|skip|double|halve) (her|his|their)\b|\bevery other day\b[^.?!]{0,40}\b(instead|good plan|ok|okay|fine|to reduce)\b",    # From the sixth blind set.
    r"\b(missed|forgot\w*|skipped|doses?)\b[^?!]{0,80}\bmake (them|it|those|these|the (missed )?(doses?|days|pills|tablets)) up\b|\bshould (i|we|she|he) (hold|pause|hold off( on)?)\b",
    r"\bplanning (to|on) (just )?(stop\w*|quit\w*|come off|coming off|go off|going off|ditch\w*|drop\w*|skip\w*|wean\w*)\b[^.?!]{0,25}\b(my|all my|the|her|his)\b",
    r"\bdo (i|we|you think i) (still |really |actually )?(need|have) to (stop|quit|come off|switch|change|pause|hold|skip|cut)\b",
    r"\b(dois-je|je dois|est-ce que je (dois|peux)|puis-je|je peux)\b[^.?!]{0,20}\b(prendre|arrêter|arreter|doubler|sauter|continuer)\b"
    r"|\b(puedo|debo|podría|podria)\b[^.?!]{0,20}\b(tomar|dejar|suspender|parar|doblar|saltar)\b",
    # From the eighth blind set: "would it hurt if i…", "my plan is to…", asking the doctor to switch, being on a
    # medicine, needing a test, adding a remedy to a medicine, sharing one's own medicine and "just not taking" it.
    r"\b(would|will|does|could|is) it (be )?(hurt|harm|matter|bad|a problem|risky|dangerous|ok|okay|fine|safe) if i\b|\bis (it|that|this) (risky|dangerous|bad|safe) for me\b",
    r"\b(my plan is|i plan|i'?m planning|i'?m going|i'?m gonna|i intend) to (just )?(stop|quit|skip|come off|go off|double|halve|switch|swap|cut|drop|ditch|not take|taper)\b",
    r"\bshould i ask (my|the) \w+ to (switch|change|swap|stop|start|increase|lower|up|reduce|put me on|take me off)\b|\b(should i|(think|reckon) i should) be (on|taking|using|having|getting)\b",
    r"\b(can|could|should|may) i (keep|still|carry on|continue) (drinking|eating|taking|having|using)\b[^?!]{0,60}\b(on|with|while|whilst)\b|\bi'?m on [a-z]{4,}\b[^?!]{0,30}\b(can|could|should|may) i (keep|still|carry on|continue)\b",
    r"(?<!why )\bdo (i|we|you think i) (still |really |actually )?need (a|an|the|another|to (have|get|do|take|start))\b[^.?!]{0,30}\b(biops(y|ies)|tests?|scans?|stud(y|ies)|emg|ncs|mri|x-?ray|treatment"
    r"|medicines?|medications?|meds|pills|tablets|injections?|infusions?|steroids|[a-z]{4,}(in|ine|one|am|ol|ide|ate|ab|il))\b",
    r"\b(thinking (of|about)|planning (to|on)|going to|gonna|want to|wanna) (add|adding|mix|mixing|combine|combining)\b[^.?!]{0,40}\b(to|with) (my|her|his)\b",
    r"\b(giving|give|gave|share|sharing|lend|lending) (my|our) [\w ]{0,20}(son|daughter|husband|wife|partner|friend|mum|mom|dad|sister|brother|kid|child|boy|girl) (one of |some of |a few of |a couple of )?(my|mine)\b",
    r"\b(considering|thinking (of|about)|tempted|planning on|going to|gonna) (just )?not (taking|using|starting|having|going on|bothering with)\b",
    r"\b(can|could|should|may) (my|our) (\w+ ){0,2}(son|daughter|kid|child|husband|wife|partner|mum|mom|dad|mother|father|sister|brother|nan|gran)"
    r" (just )?(take|have|use|double|skip|stop|up|halve)\b|\bdouble (her|his|my|their|the) (\w+ )?(doses?|dosage|pills?|tablets?)\b",
    r"\b(can|could|should) i (just )?(start|stop|switch|swap) (it|them|taking|using)\b|\b(switch|swap|change|go) (from \w+ )?to [a-z]+\b[^?!]{0,20}\b(on my own|by myself|myself)\b",
    # From the ninth blind set: going cold turkey, which of two to pick, insisting on a test, drinking on a medicine,
    # giving a relative something on top of theirs, and "ok for me to…".
    r"\b(do you think|d'?you think|would you say|you reckon|do you reckon) (i|we|she|he|my \w+) (should|ought to|needs? to)\b|\bcold turkey\b|\bwould it (hurt|harm|matter) to (just )?(stop|quit|go off|come off|skip|drop)\b",
    r"\bwhich (one |of (them|these|those|the two) )?should (i|we|she|he) (pick|choose|go for|take|go with|try|start)\b",
    r"\bshould (i|we) (insist on|demand|push (for|to)|request|ask to (go on|be put on|switch|try))\b",
    r"\b(can|could|should|may) i (take|have|use)\b[^?!]{0,60}\b(drink|drinking|alcohol|booze|beer|wine|party)\b"
    r"|\b(can|could|may) i have\b[^.?!]{0,30}\b(wine|beer|alcohol|drinks?|booze)\b[^.?!]{0,10}\b(on|with)\b",
    r"\b(can|could|should|may) (we|i) give (him|her|them|my \w+)\b[^.?!]{0,40}\b(on top of|with|as well as|alongside)\b"
    r"|\b(can|could|should|may) (we|i) give (him|her|them|my \w+) (an? |some |his |her )?(extra|another|more|double|second|a second)\b"
    r"|\b(can|could|should|may) (we|i) (just )?give (him|her|them|my \w+) (some|one|any|a few|a couple) of (my|mine|ours)\b",
    r"\b(ok|okay|safe|fine|alright|all right) for (me|her|him|us) to\b",
    # "ok and I can drink alcohol with it on weekend?", "can i just pop advil…", "do i rly have to"
    r"\bi can (drink|have|take|use|mix)\b[^.?!]{0,40}\b(with|on|while)\b[^.?!]{0,30}\?|\b(can|could|should|may) i (just )?pop\b"
    r"|\bdo i (rly|realy|reeally|actually|honestly) (have|need) to\b"
    r"|\b(can|could|may|should) i (still |just )?(have|drink)\b[^.?!]{0,20}\b(drinks|alcohol|wine|beer|booze|pints?|glass of)\b",
    r"\b(can|could|should|may|is it (ok|okay|safe) (for me )?to) (i )?(breastfeed|breast ?feed|get pregnant|try for a baby)\b[^.?!]{0,30}\b(while|whilst|on|taking)\b",
    # safety_blind10: the most one may take, a drink or a smoke on a medicine, a cream on a child, a test to pay for
    r"\b(most|max\w*|maximum|highest)\b[^.?!]{0,25}\b(i|he|she|we) (can|could|should|am allowed to) (take|have|give)\b",
    r"\b(can|could|may|should) (i|we|he|she) (smoke|vape|drink|have|take|use)\b[^.?!]{0,20}\b(weed|cannabis|cbd|marijuana|pot|alcohol|beers?|wine|drinks?)\b[^.?!]{0,15}\b(with|on|while on|alongside)\b"
    r"|\b(would|will|is) (it|that) (be )?(bad|ok|okay|safe|fine|alright|dangerous|a problem)\b[^.?!]{0,10}\bto (have|drink|smoke|take)\b[^.?!]{0,25}\b(on|with|while on|whilst on)\b",
    r"\b(can|could|should|may) (i|we) (put|use|rub|apply|give)\b[^.?!]{0,30}\b(cream|gel|patch|patches|lidocaine|ointment|spray)\b[^.?!]{0,25}\bon (my|his|her|our)\b",
    r"\bshould (i|we) (pay for|get|have|ask for|book|push for|insist on)\b[^.?!]{0,20}\b(mri|ct|scan|test|biopsy|ncs|emg|nerve conduction)\b",
    # safety_blind11: asking the bot to recommend for them ("would you advise me to stop…", "would you say I need an MRI?")
    r"\b(would|do|can|could) you (recommend|advise|suggest)( that)? (i|me|we|him|her|he|she)( to)? (try|take|stop|start|switch|go"
    r"|get|have|use|ask|avoid|keep|come off|change|move|cut|increase|reduce|double|skip|swap|push|refuse)\b"
    r"|\bwould you (advise|recommend) against\b"
    r"|\b(would|do) you (say|think) (i|we|he|she) (need|should|ought)\b|\bwould (i|we|he|she) be better off\b"
    r"|\b(unwise|wise|sensible|a good idea|a bad idea|better|dangerous|risky) for (me|her|him|us) to\b"
    r"|\bshould (i|we) be (asking|pushing) for\b|\benough for (me|someone like me|him|her)\b",
    # someone else's medicine ("can I take some of my sister's pregabalin?"), or pressing for a prescription
    r"\b(can|could|should|may) (i|we) (take|use|have|borrow|try) (some of |one of |a few of |a couple of )?(my |her |his |their )?"
    r"(\w+'s|friend'?s|mum'?s|mom'?s|dad'?s|sister'?s|brother'?s|husband'?s|wife'?s|partner'?s|nan'?s|gran'?s)\b"
    r"(?! (advice|word|opinion|view|suggestion|idea|experience|story|car|place|side|point|approach)\b)"
    r"|\b(should|shall|do) (i|we) (push|pressure|press|ask|get) (my|the|her|his) (doctor|gp|rheum\w*|neuro\w*|consultant|specialist)"
    r" (to|for|into)\b",
    # safety_blind12: adding one medicine to others, coffee on a medicine, "would it hurt to take…", a missed dose
    # made up, and whether to be tested
    r"\b(ok|okay|safe|fine|alright) to (add|mix|combine)\b[^.?!]{0,30}\b(to|with) (my|her|his)\b"
    r"|\b(can|could|may|should) (i|we|he|she) (drink|have|take)\b[^.?!]{0,20}\b(coffee|caffeine|tea|energy drinks?|grapefruit( juice)?)\b[^.?!]{0,15}\b(with|on|while on)\b",
    r"\bwould it (hurt|harm|matter) to (take|have|add|mix|combine)\b",
    r"\b(forgot|missed|skipped) (to take )?(my|her|his|a|the|this morning'?s|last night'?s|today'?s)? ?(\w+ )?(dose|pills?|tablets?|meds|medications?|[a-z]{4,}(in|ine|one|am|ol|ide|ate))\b[^?!]{0,60}\b(take (it|them|one) now|take (2|two|both|double)|double up)\b",
    r"\bshould (i|we|she|he|they|my \w+) (get|be) (tested|checked|screened)\b",
    # safety_blind13: someone's spare tablets offered ("my friend has some leftover gabapentin, could i try a couple"),
    # and whether pushing for a treatment is worth it for them
    r"\b(leftover|left over|spare)\b[^?]{0,60}\b(can|could|may|should) (i|we) (just )?(try|take|have|use|borrow)\b"
    r"|\bworth (me|us|her|him) (pushing|asking|pressing|trying|taking|switching|starting|stopping|going|getting|having|doing|bothering)\b",
    # safety_blind14: which doctor to see, a medicine taken less often, which of two is better for them
    r"\bshould (i|we|she|he|they) (just )?go back to (my|her|his|the) (rheumatologist|rheumy|neurologist|neuro|doctor|gp|specialist)\b",
    r"\b(can|could|may|should) (i|we|she|he) (just )?(take|have|use) (it|them|this|that|my \w+|her \w+|his \w+) (every other|only|less|half|once)\b",
    r"\b(which|what)( one)? (is|would be|'s) (better|best|safer|right) for (me|her|him|us)\b",
    # safety_blind15: too much at once, a missed dose given late, taking it only at night, getting someone switched
    r"\bor is (that|it|this) too much\b|\b(can|could|may|should) i (wear|use|put on)\b[^.?!]{0,40}\band (also )?take\b",
    r"\bshould (i|we) (give|wait)\b[^.?!]{0,40}\b(dose|now|morning|tonight|it to (him|her|them))\b",
    r"\b(can|could|may|should) (i|we|she|he) (just )?(take|have|use|give) (it|them|this|that|my \w+|her \w+|his \w+) "
    r"(at night|in the morning|at bedtime|only at night)( only)?\b",
    r"\bshould (i|we|she|he|they) (get|have) (her|him|them|me|my \w+) (switched|moved|changed|put on|started|taken off)\b",
    # safety_blind16: asking the bot which to add for them, changing a dose on their own, a second medicine along
    # with theirs, and whether stopping one would be "dumb"
    r"\bwould you (add|start|try|use|give|pick|choose|prescribe|go with)\b[^?]{0,60}\b(for|in) (me|my|her|his)\b",
    r"\b(can|could|should|may) (i|we|she|he) (just )?(bump|push|up|raise|increase|lower|reduce|cut|drop|double|halve|taper|wean)\b"
    r"[^.?!]{0,25}\b(myself|on my own|without (asking|telling|checking))\b",
    r"\b(can|could|may|should) (i|we|he|she|they|my \w+)\b[^?]{0,50}\b(take|have|use|mix)\b[^?]{0,40}"
    r"\b(along with|alongside|together with|on top of|with) (my|his|her|their) (\w+ )?(pills?|tablets?|meds|medications?|medicines?"
    r"|[a-z]{4,}(in|ine|one|am|ol|ide|ate))\b",
    r"\b(would|will|is) it be (\w+ )?(dumb|stupid|silly|crazy|bad|wrong|mad|foolish|a mistake|irresponsible|risky|dangerous)"
    r" (if (i|we|she|he) |to )(just )?(stop|skip|pause|quit|drop|come off|go off|double|miss|halve|take a break|refuse|decline|turn down"
    r"|say no to|cancel|not (go|have|take|do))\b",
    # safety_blind17: moving doses for a fast, a missed dose given twice, a herbal with a medicine, whether a test
    # makes sense for them, and a relative's patch or tablets tried
    r"\b(can|could|should|may) (i|we|she|he) (shift|move|change|split|spread|space|time|swap) (all |both )?(of )?(my|her|his)\b[^?]{0,40}\b(doses?|tablets|pills|meds)\b",
    r"\bshould (i|we) give (her|him|them|my \w+) (two|2|double|both|another|an extra|extra|a double)\b",
    r"\b(fine|ok|okay|safe|alright) to (keep going|keep taking|carry on|continue|stay on)\b[^?]{0,40}\b(on|with|while)\b",
    r"\b(does|would|will) it make sense for (me|her|him|us) to\b|\bfor (me|her|him|us) to (get|be) (tested|checked|screened|scanned)\b",
    r"\b(mum|mom|dad|sister|brother|friend|husband|wife|partner|nan|gran|grandma|grandad)'?s\b[^?]{0,60}\b(can|could|may|should) (i|we) "
    r"(use|take|try|have|borrow) (one|some|a couple|a few|them|it)\b",
    # safety_blind18–19: a remedy "ok for me alongside" theirs, two treatments on the same spot at once, a dose
    # made up the next day, adding a painkiller, a patch left on longer, a medicine taken "for it"
    r"\bbe (ok|okay|safe|fine|alright|all right) (for (me|her|him|us) )?(alongside|on top of|together with|with) (my|her|his|their)\b",
    r"\b(can|could|should|may) (i|we|she|he) (use|take|put|apply|have|wear)\b[^?]{0,30}\b(at the same time as|on top of) (my|her|his|the)\b",
    r"\b(can|could|should|may) (i|we|she|he) (just )?(add|throw in|stack) (some |a |an )?(\w+ )?(pills?|tablets?|meds|creams?|supplements?|vitamins?|b12|cbd|oil"
    r"|[a-z]{4,}(in|ine|one|am|ol|ide|ate|ab|il|en|ex))\b",
    r"\b(can|could|should|may) (i|we|she|he) (just )?(leave|keep|wear) (it|them|the \w+|my \w+|her \w+|his \w+) on (for )?(longer|all day|all night|overnight|the full|\d+|24)\b",
    r"\b(can|could|may|should) (i|we|she|he) (take|use|try|have) (some |a |an )?(\w+ )?(pills?|tablets?|meds|creams?|patch(es)?"
    r"|[a-z]{4,}(in|ine|one|am|ol|ide|ate|ab|il|en|ex))\b for (it|this|that|the \w+|my \w+|her \w+|his \w+)\b",
    # "ok to put 2 … patches on at once?": a bare permission asked in chat is the writer's own decision
    r"^(is it |would it be )?(ok|okay|alright|fine) to (take|put|use|have|give|skip|double|stop|try|combine|mix|wear|apply|stack)\b[^?]{0,60}"
    r"\b(pills?|tablets?|meds|patch(es)?|creams?|doses?|[a-z]{4,}(in|ine|one|am|ol|ide|ate|ab|il|en|ex))\b",
    # someone else using the writer's medicine ("can my 14 yr old use my lidocaine patches")
    r"\b(can|could|should|may) (my|our) (?!(doctor|dr|rheum\w*|neuro\w*|gp|consultant|specialist|nurse|team|physician|pharmacist)\b)"
    r"[\w ]{1,25}?\b(use|take|have|borrow|try|share) (my|our|some of my|one of my|his|her)\b",
    # holdout128 (letters): "would I be wise to decline it?"
    r"\b(would|will|should) (i|we|she|he) be (wise|sensible|foolish|unwise|right|wrong|mad|silly|daft) (to|if (i|we|she|he)) "
    r"(decline|refuse|stop|start|take|skip|try|accept|go ahead|come off|turn (it|them) down)\b",
    # safety_blind22: a dose bumped to a number, an evening dose moved or one taken extra
    r"\bshould (i|we|she|he) (bump|push|raise|increase|lower|drop|cut|up) (it|them|the dose|my dose|her dose|his dose)( up| down)? to \d+",
    r"\b(should|can|could) (i|we|she|he) (move|shift|switch) (my|her|his) (morning|evening|night|nighttime|bedtime|afternoon) \w+\b"
    r"|\b(or|should (i|we)|can (i|we)) (just )?take an? extra (one|dose|pill|tablet|capsule)\b",
    # holdout132: whether trying it is pointless for them, and "I can just stop it now, can't I?"
    r"\b(pointless|worthwhile|worth it|a waste of (time|money)) for (me|her|him|us) to (try|take|use|start|have|get|bother|go)\b",
    r"\b(i|we) (can|could|should|may) (just |safely )?(stop|quit|come off|go off|skip|drop|halve|double|reduce|lower|increase|cut down|taper)\b"
    r"[^?]{0,60}\b(can'?t|couldn'?t|shouldn'?t|right|correct|yeah|yes|surely)\b( (i|we))?\W*\?",
    # safety_blind24: whether a test is a waste for them, "should I get it", "i can take only half?"
    r"\ba waste( of time| of money)? for (me|her|him|us|someone like (me|her|him|us))\b"
    r"|\bshould (i|we) (get|have|do|go for|go ahead with) (it|it done|this|that|them|one)\b(?! (mean|means)\b)",
    r"\bi (can|could) (just |only )?(take|stop|skip|use|have|cut|split|break|double|halve|reduce|increase)\b[^.?!]{0,40}\?",
    # safety_blind23: two "instead of one", and a dose moved to another time of day
    r"\b(can|could|should|may) (i|we|she|he) (just )?(put|take|use|wear|apply|have|stick)\b[^?]{0,40}\binstead of (one|1|just one|a single one)\b",
    r"\b(should|can|could) (i|we|she|he) (move|shift|switch|take) (my|her|his) ([a-z]+ ){1,2}(to|in|at) (the )?(morning|evening|night|nighttime|bedtime|afternoon|daytime|lunchtime)\b",
    # safety_blind25: a schedule moved for a journey, a treatment (or, safety_blind27, a test) pressed for or got, a
    # medicine restarted
    r"\b(should|can|could) (i|we|she|he) (move|shift|switch|change|adjust) (my|her|his) (\w+ )?(schedule|timings?|times|dosing)\b",
    r"\bshould (i|we|she|he) (be )?(get|getting|have|having|try|trying|start|starting|go on|be on|ask for|asking for|push\w* (\w+ ){0,2}for"
    r"|do|go for|go ahead with|agree to|say yes to)\b[^.?!]{0,30}\b(shots?|injections?|infusions?|jabs?|pills?|tablets?|meds|medications?|medicines?"
    r"|supplements?|b12|ivig|steroids?|puncture|tap|biops(y|ies)|scans?|mri|emg|ncs|tests?|stud(y|ies)|procedures?|operations?|surgery|boosters?"
    r"|vaccines?)\b",
    # safety_blind26: a relative's treatment, a medicine taken another way, a dose dropped to a number, "time for me to
    # come off", and what the bot would advise for them
    r"\bshould (my|our|her|his) [a-z]+( \([^)]{0,30}\))? (get|have|try|start|take|be given|go on)\b[^.?!]{0,30}"
    r"\b(shots?|injections?|infusions?|jabs?|vaccines?|vaccinations?|pills?|tablets?|meds|medications?|medicines?|supplements?|steroids?)\b",
    r"\b(can|could|should|may) (i|we|she|he) (open|crush|split|break|chew|dissolve|mix|sprinkle) (up )?(my|her|his|the|these|those)\b[^.?!]{0,20}"
    r"\b(capsules?|pills?|tablets?|meds|patch(es)?)\b",
    r"\b(can|could|should|may) (i|we|she|he) (go|drop|jump|come down|step down|move|cut) from \d+\w* (\w+ )?(straight |right |directly )?(down )?to \d+",
    r"\b(is it|is now) (the )?time for (me|her|him|us) to (come off|stop|start|quit|drop|reduce|lower|increase|switch|go off|taper)\b",
    r"\bwhat you'?d (advise|recommend|suggest) for (me|her|him|us)\b|\bwould you (advise|recommend|suggest) (it|that|this) for (me|her|him|us)\b",
    # safety_blind27: two of a treatment at once, a dose doubled in chat with no "I", coming off everything, staying on
    # one or switching (a test or booster to get is in the safety_blind25 pattern above)
    r"\b(can|could|should|may) (i|we|she|he) (put|use|wear|apply|take|have|stick) (two|2|three|3|both|more than one|several|a couple( of)?)\b"
    r"[^.?!]{0,30}\b(patch(es)?|pills?|tablets?|doses?|capsules?|creams?|injections?)\b[^.?!]{0,25}\b(at once|at the same time|together)\b",
    r"^\W*(double|triple) up\b|^\W*(double|triple|halve|up) (my|the) ((\w+ )?dose|[a-z]{4,}(in|ine|one|am|ol|ide|ate|ab|il))\b",
    r"\b(i|we) (want|wanna|would like|'?d like|plan|am planning|'?m planning|am going|'?m going|intend|hope) to (come|get|go) off (everything|it all|all of (it|them)|the lot|all (my|her|his) \w+)\b",
    r"\b(what would you do|would you|should (i|we|she|he))\b[^?]{0,20}\b(stay on|keep taking|stick with|carry on with)\b[^.?!]{0,30}\bor (switch|swap|change|move|go)\b",
    # safety_blind28: "worth it or nah", refusing what was offered, an extra dose, "better I stop…" (consenting is in the
    # first pattern)
    r"\bworth (it|doing|getting|having) or (nah|no|not)\b",
    r"\bthinking (of|about) (just )?(refusing|declining|turning down|saying no)\b",
    r"\b(can|could|should|may) (i|we|she|he) (take|have|give|use) (her |his |my )?(an? )?(extra|additional|double|second|another) (dose|tablet|pill|capsule|one|patch)\b",
    r"\bbetter (i|we|she|he) (stop|quit|come off|switch|change|try)\b",
    # safety_blind29: "restart X? yes or no", "doc says start X. yay or nay", a dose taken early
    r"(^\W*|\b(says?|said|wants? ((me|her|him) )?to|suggest\w*|recommend\w*|offer\w*|proposed?|should (i|we|she|he)) (to )?)(re)?(start|stop|quit|skip|switch|swap|take"
    r"|try|go back on|come off|double|halve|do|give|put (me|her|him) on)\b[^.?!]{0,90}[.?!]*\s*(yes or no|yay or nay|yea or nay|y or n)\b",
    # safety_blind30: "do I say yes?", "should I just stay off them", "would you cut your prednisone…", a teenager named
    # with her age
    r"\b(do|should|shall) (i|we) (just )?(say|tell (him|her|them)) (yes|no)\b|\bshould (i|we|she|he) (just )?(stay|keep|remain) off\b",
    r"\b(would|will) you (\w+ )?(cut|stop|reduce|lower|halve|double|drop|quit|skip|come off|taper|up) (your|the|my)\b",
    r"\bshould (my|our) (\w+[- ]){1,4}(son|daughter|child|kid|mum|mom|dad|husband|wife|partner|father|mother|baby|boy|girl)\b[^.?!]{0,25}"
    r"\b(start|stop|take|try|quit|switch|come off|go on|have)\b",
    r"\b(stop|quit|come off|go off|skip|drop|ditch|double|halve|cut down)\b[^?!]{0,60}[.?!]\s*(so |but )?should (i|we|she|he)\s*\?",
    r"\b(can|could|should|may) (i|we|she|he) (take|have|give|use) (my|her|his|the|this|today'?s|tonight'?s) (\w+ )?(dose|pills?|tablets?|meds"
    r"|patch|[a-z]{4,}(in|ine|one|am|ol|ide|ate|ab|il))( \w+){0,3} (early|earlier|sooner|late|later)\b",
    # safety_blind31: whose advice to follow, "should I or…", whether it is stupid to try, a bare "stop X now?",
    # what the bot would advise for a relative
    r"\bwho (should|do|shall) (i|we|she|he) (listen to|believe|trust|go with|side with)\b|\bshould (i|we|she|he),? or\b",
    r"\b(would|will|is) it be (stupid|crazy|dumb|silly|mad|daft|foolish|wrong|bad|reckless|risky) (of me |of us )?(to|if (i|we|she|he)) "
    r"(try|stop|take|skip|start|quit|switch|swap|come off|go off|refuse|decline|drop|ditch|double|halve|cut|say no|say yes)\b",
    r"^\W*(stop|quit|skip|double|halve|start|restart|ditch|drop) (my |the |her |his )?[a-z]{4,}(in|ine|one|am|ol|ide|ate|ab|il|ex|ica|ta)\b"
    r"( (now|today|tonight|tomorrow|already))?\s*\?",
    r"\bwhat (would|do) you (advise|recommend|suggest)( (for|to) (me|her|him|us|them))?\b",
    # safety_blind32: "go for it or not?", what the bot would do in the writer's place
    r"\b(go for it|go ahead|do it|get it|have it|take it|try it|accept it)\s*,? or (not|nah|no)\b",
    r"\bwould you (get|take|have|do|try|start|stop|switch|refuse)\b[^.?!]{0,40}\bif you (were|had)\b",
    r"\b(should|shall) (i|we|she|he) (just )?(go along with|agree to|follow|accept) (it|that|this|the plan|what (he|she|they) (says?|said|wants?))\b",
]

# A personal decision about a treatment, told in any words: the person ("i", "my", "her"), a treatment, test or
# visit, and a permission or choice ("ok?", "any harm in", "is it the right choice for me", "do i keep taking").
# A "?" is matched by a lookahead: the group ends on a word boundary, which never follows a "?" before a space.
_PERSONAL = r"\b(i|i'?m|im|i'?ve|ive|i'?d|me|my|we|we'?re|our|us|her|him|his|she|he|wanna|gonna)\b"
_TREATMENT = (r"\b(pills?|tablets?|meds|medications?|medicines?|doses?|dosage|vaccines?|vaccinations?|jabs?|shots?|injections?"
              r"|infusions?|biops(y|ies)|scans?|tests?|stud(y|ies)|appointments?|appts?|treatments?|therap(y|ies)|creams?|patch(es)?"
              r"|supplements?|painkillers?|steroids?|ibuprofen|naproxen|nsaids?|b12|ivig|emg|ncs|blocks?|punctures?|stimulators?|trials?|procedures?|surgery|operations?|beer|wine|alcohol|drink|drive|plasters?|physio\w*"
              r"|nurofen|advil|motrin|tylenol|panadol|aleve|lyrica|neurontin|aspirin|[a-z]{4,}(in|ine|one|am|ol|ide|ate|ab|il|ta|ex|ort))\b")
_CHOICE = (r"\b(is (it|that|this) (ok|okay|alright|all right|safe|fine|allowed)(?! (to|if i) (ask|tell|talk|chat|say|share|mention))|(would|will) (it|that|this) be (ok|okay|alright|safe|fine|in order|wise|sensible|advisable)"
           r"|(that|this) combo (ok|okay|safe|fine)|(safe|ok|okay) for (me|her|him|us)(?=\?)|\bok(?=\?)|okay(?=\?)|am i allowed|are we allowed|any harm in|would it matter if|does it matter if"
           r"|(the )?right (choice|one|strength|dose|option) for (me|her|him|us)|(a )?reasonable (choice|option|idea) for (me|her|him)"
           r"|(do|should|can|could) (i|we|she|he) (just )?(stop|skip|pause|keep|carry on|swap|switch|cancel|come off|go off|put (it|them) off"
           r"|restart|resume|go back on|get back on|start (it |them )?(again|back up))|(or )?should (i|we|she|he) wait\b"
           r"|(can|could|should|may) (i|we|she|he) (change|move|switch|swap) (that|it|this|them)(?=\s*\?)"
           r"|which (one )?(should|shall) (i|we|she|he) (do|pick|choose|go for|go with|try)\b"
           r"|(can|could|should) (i|we|she|he) just (take|use|have) (some |an? |the |my )?(\w+ )?(pills?|tablets?|meds|medications?|medicines?"
           r"|painkillers?|[a-z]{4,}(in|ine|one|am|ol|ide|ate|ab|il|ex|en))"
           r"|(keep taking|carry on with|carry on taking|swap off|switch off|have a break from|having a break from|take a break from"
           r"|putting (it|them) off|cancel it or go|let (her|him|them) skip|i just won'?t go|not going to go|thinking (of|about) (skipping|leaving|stopping|cancell?ing|not going|missing|dropping)|any point (in )?(going|having|taking|doing|keeping|getting))"
           r"|will it (hurt|harm) (my|the) baby|what (painkiller|medicine|medication|tablets?) am i allowed|use my leftover|my leftover"
           r"|(can|could|may|should) (i|we|he|she) (have|get|take|use|drink)\b[^.?!]{0,40}\b(while|whilst) (i'?m|i am|on|taking|she'?s|he'?s)"
           r"|(would|will|is) (a|an|some|the|that|this) [\w ]{0,20}\bbe (ok|okay|safe|fine|alright) with (my|her|his)"
           r"|(would|will) ([\w ]{0,20} )?be (the )?right (choice |one |dose |strength |option )?for (me|my|her|him|his)"
           r"|(should|shall) (i|we) (do|try|follow|listen to) (that|this|it|her|him|them)|(?<!what )(?<!which )(should|shall|do) (i|we) (ask|push|insist) (for|on)"
           r"|(should|shall|can|could) (i|we|she|he|they)(?=\s*\?)"
           r"|(should|shall) (i|we|she|he) (even |really |just )?(go|bother)(?= or\b|,|\?| to (it|them|the \w+)\b| with\b)|or (just )?(skip|cancel|miss|ditch|drop) (it|them)|(can|could) (i|we) (just )?take (all|both|them all)|instead of (taking|using|having|starting) (my|more|the|her|his|all|any)|(good|bad|sensible|wise) (plan|idea)(?=\?)|or is (that|it) overkill"
           # safety_blind21: "would you go for it if you were us?", "a good idea for me?", "wondering if I should switch",
           # "thinking of starting it", and "I change it?" in a second language
           r"|(would|will) you (go for|do|take|try|risk|accept|agree to) (it|that|this|them)|if you were (me|us|her|him|in (my|our) shoes)"
           r"|(a )?(good|bad|sensible|wise) (idea|plan|option|choice) for (me|her|him|us)|(if|whether) (i|we|she|he) should (stop|start|switch|swap"
           r"|change|take|try|skip|up|increase|lower|reduce|come off|go off|keep|go up|go down|bump|raise|drop|double|halve)|thinking (of|about) (starting|taking|trying|adding|using) (it|them)"
           r"|\bi (change|switch|stop|increase|raise|lower|reduce|double) (it|them|the dose|my dose)(?=\s*\?)|(change|switch|swap|stop|adjust) (it |them |the dose )?(myself|by myself|on my own)"
           # safety_blind27: "do we go for it or wait and see?", "would that be a mistake?", "ok to go along with it?",
           # "what would you do, stay on X or switch", "is that something I should agree to?"
           r"|(do|should|shall) (i|we|she|he) go (for|ahead with) (it|that|this|them)|or (just )?wait and see|(would|will|is) (it|that|this) (be )?a mistake"
           r"|(ok|okay|alright|fine|safe|wise) to (go along with|follow|agree to|accept|trust) (it|that|this|them|him|her|what)|what would you do"
           r"|(stay on|keep taking|stick with)\b[^.?!]{0,30}\bor (switch|swap|change|move|go)|(is (it|that|this)|are (they|those|these)) (something|one|ones|things?)"
           r" (i|we|she|he) should (agree to|accept|do|have|get|go for|try|take|consider|bother with)"
           # safety_blind29: "worth the risks for me personally?", "a bad idea in my case?"
           r"|worth (it|the risks?|the side[- ]effects?|a (try|shot|go)) (for (me|her|him|us)|in (my|her|his|our) case)"
           r"|(a )?(good|bad|sensible|wise) (idea|plan|option|choice) in (my|her|his|our) case"
           # safety_blind31: "whats better for me personally", "should i bother getting it tested", "if we should refuse it"
           r"|(better|best|safer|right) (one |choice |option )?for (me|her|him|us) personally|(should|shall) (i|we|she|he) (even |really )?bother (getting|having|doing|taking|trying|starting|going)"
           r"|(if|whether) (i|we|she|he) should (refuse|decline|accept|agree to|go ahead|turn (it|them) down|say (yes|no))"
           # safety_blind32: "worth it?", "is that necessary for me?"
           r"|worth it(?=\s*\?)|(is|are) (that|it|this|they|those) (really |even |actually )?(necessary|needed|essential|required|needful) for (me|her|him|us))\b")
_DECISION = [re.compile(p) for p in (_PERSONAL, _TREATMENT, _CHOICE)]


# Compiled one by one, not joined into one alternation: each then scans with its own literal prefix, and a message
# is checked in a sixth of the time (0.17 against 1.1 ms over the eval questions).
_EMERGENCY_PATTERNS = [re.compile(p) for p in _EMERGENCY]
_ADVICE_PATTERNS = [re.compile(p) for p in _ADVICE]


# A sentence that tells of an emergency that is over ("I fainted once years ago", "back in March I had chest
# pain… I'm fine now") needs no urgent notice, unless it also says something is happening now ("I had a
# stroke years ago and now my face is drooping again").
_HISTORY = re.compile(r"\b(years? ago|yrs? ago|months? ago|weeks? ago|(summers?|winters?|springs?|autumns?) ago|back in|years back|a few years|in (19|20)\d\d"
                      r"|(at|during) (my|her|his|the) (very )?(first|last|previous|old) \w+(?: (?!(?:and|now|but|so|then|again|today|tonight)\b)\w+){0,2}"
                      r"|(been )?(fine|ok|okay|well|good|great) (ever )?since|(i'?m|i am|she'?s|he'?s) \d+ now|doing (well|fine|ok|okay|great)( now)?"
                      r"|(for|in) (years|ages|months|decades|a long time) now|in a (much |far |way |far far |really |very |so )?(good|better) place( now)?"
                      r"|(it'?s|that'?s) (a|an|our) (\w+ )?(joke|story|memory) now"
                      r"|last (year|month|week|summer|winter|spring|autumn|fall|christmas)|turned out|was treated|(fine|ok|okay|better|well) now|wore off|at the time"
                      r"|(nothing|never|not|none) since|as a (teen\w*|child|kid|baby|student)|when (i|he|she|they|we) (was|were) (young|little|a \w+|\d+)"
                      r"|it passed|(went|goes) away( on its own)?|settled (down )?(after|on its own)"
                      r"|(a couple of|a few|two|three|several|\d+) (weeks|months|years) later"
                      # a dream, and a medicine carried since ("I carry an epipen now")
                      r"|dream(ed|t|s|ing)?|nightmares?|woke up (totally |completely |perfectly |absolutely )?(fine|ok|okay|normal)"
                      r"|(carry|carries|keep|keeps) (an? |my |his |her )?(epi-?pens?|inhalers?)( (with|on) (me|her|him|them))?( everywhere)?( now)?"
                      r"|never happened again( since)?|(all )?behind (me|us|her|him|them)( now)?|(all )?(sorted|resolved|treated|fine|ok|okay|better|well|recovered|settled|gone) now|(has |have |she'?s |he'?s |i'?ve )?(fully )?recovered( now)?"
                      r"|(haven'?t|hasn'?t|have not|has not) had (one|another|any( more)?) since"
                      r"|(it'?s|is|are|came|has come|have come) (\w+ )?(fully|completely|totally) back( to normal)?( now)?"
                      # "my friend had a stroke last month and is in rehab now"
                      r"|(is|are|was|'s|s) (now )?(in rehab(ilitation)?|recovering|in recovery|back home|home from (the )?hospital|out of (the )?hospital)( now)?)\b")
_NOW = re.compile(r"\b(now|again|just|currently|started(?! \w+ing\b)|starting|this (morning|afternoon|evening)|tonight|today"
                  r"|minutes? ago|an hour ago|hours? ago|since\b(?!\s*$)|won'?t stop|for \d+ ?min\w*|every (few )?(hours?|minutes?)"
                  r"|(sitting|lying|standing) (here|there|next to me|beside me))\b")


# A "now" about the illness or the doctor's plan is no emergency happening ("my grandad had a stroke years ago and my mum
# has lupus now", "had a seizure last year and now my doc wants to take me off keppra").
_NOW_ORDINARY = re.compile(r"\b(has|have|got|with|diagnosed with) (lupus|sle|neuropathy)( too| as well)? now\b"
                           r"|\bnow (my|the|his|her) (doc|doctor|dr|neuro\w*|rheum\w*|gp|consultant|specialist|cardiologist|team) (wants|says|said|thinks|is|has)\b")


def _over(sentence: str) -> bool:
    return bool(_HISTORY.search(sentence)) and not _NOW.search(_NOW_ORDINARY.sub(" ", _HISTORY.sub(" ", sentence)))


# What someone died of is long over, whatever follows ("my mum died of a heart attack years ago and now I've got
# lupus").
_DIED_OF = re.compile(r"\b(died|death|passed away|killed|lost (him|her|them|my \w+)) (of|from|by|after|to|with) (a |an |his |her |their )?$")


# Two patterns are bare topic words ("suicide", "shortness of breath"). In a sentence asking about rates or
# symptoms in general, with nobody in it ("Is it true that suicide rates are higher in people with lupus?"),
# they are a reader's question, not an emergency; with a person in it they alarm as before.
_TOPIC_WORD = re.compile(r"\banaphyla\w*\b|\bchest pain\b|\bsuicid\w*\b|\bshort(ness)? of breath\b|\bheart attack\b|\boverdos\w*\b|\bfaint(ing|s)?\b")
_GENERAL = re.compile(r"\b(rates?|risk|percentage|leaflets?|pamphlets?|brochures?|booklets?|side effects?|labels?|warn|warns|warning|what causes|(ever )?linked (to|with)"
                      r"|associated with|related to|connected to|a cause of|proportion|statistic\w*|how common|in general|a symptom of|symptoms? of"
                      r"|a sign of|signs? of|looks? like|people with|patients with|essay|research|reading up|common|dangerous|class|in women|in men"
                      r"|difference between|what'?s the difference|\bvs\b|versus|general knowledge|what happens|just curious|news|generally|in general|typically"
                      r"|(can|does|could) (lupus|sle|it) (ever |really |actually )?(cause|lead to|give you|make you)"
                      r"|what (commonly |normally )causes|usually|(can|could|does|do) (someone|somebody|a person|people|you) (die|overdose))\b")
# "someone" in "what happens if someone overdoses" is anybody: it counts only without a general word.
_PERSON = re.compile(r"\b(i|i'?m|i'?ve|me|my|mine|we|us|our|he|him|his|she|her|they'?re|friend|son|daughter"
                     r"|husband|wife|partner|mum|mom|dad)\b")


# "Hypothetically, if someone with lupus had trouble breathing…": anybody, in a what-if, is a reader's question.
_HYPOTHETICAL = re.compile(r"\bhypothetical\w*\b|\b(what )?if (someone|somebody|a person|a patient|anyone"
                           r"|a (friend|loved one|family member|relative|colleague|coworker|client|student))\b"
                           # "what is the first aid for someone having a seizure?", "what would happen to a person with
                           # lupus if they had a stroke?"
                           r"|\bfirst aid\b|\bwhat would happen (to|if) (a person|someone|somebody|a patient|people|patients)\b")


# Someone writing a handout or an essay asks for its readers, and someone who says they are fine asks in general:
# "I'm writing", "for my essay", "my novel", "I watched" and "I'm fine" name no one in trouble.
_WRITER = re.compile(r"^\W*(watched|watching|read|reading|saw|heard)\b|\b(made|makes|got) me (wonder\w*|think\w*|curious)\b|\b(i'?m|i am|i was|we'?re|we are) (writing|putting together|making|preparing|reading|watching)\b|\b(i'?m|i am) (fine|ok|okay|not in any danger)\b"
                     r"|\b(my|our) \w+ (is|was|'s) (writing|drafting)\b|\b(i|we) (watched|read|saw|heard|listened to)\b|\b(i'?m|i am) (studying|training|a student)\b|\b(my|our) (novel|story|book|screenplay|script|film|play)\b"
                     r"|\bfor (a|an|my|our|the) (\w+ ){0,3}(handout|essay|leaflet|article|presentation|talk|blog|post|newsletter"
                     r"|assignment|project|paper|coursework|poster|course|training|class|module|exam)\b")


# A character in a novel, story or film who collapses or has a stroke is no one in trouble, nor is someone in the news
# or a documentary.
_FICTION = re.compile(r"\b((in|on) the news|celebrit(y|ies)|famous|novels?|short story|(a|the|my) story|fiction|screenplay|(main )?characters?|films?|movies?|tv shows?"
                      r"|news (story|stories|article|report|item)|documentar(y|ies)|podcasts?)\b")


_THEY = re.compile(r"\bthey'?re\b")
_CHARACTER = re.compile(r"\b(he|him|his|she|her|they'?re)\b")


def _general(sentence: str, match: str) -> bool:
    told = _WRITER.sub(" ", sentence)
    hypothetical = bool(_HYPOTHETICAL.search(sentence))
    if hypothetical:
        # "if a friend tells you they're…": the imagined friend, no one real
        told = _THEY.sub(" ", _HYPOTHETICAL.sub(" ", told))
    if _FICTION.search(sentence):
        # "In a movie a guy overdosed…": he is a character; "my son watched a film and now he…" still names a person
        told = _CHARACTER.sub(" ", told)
    if _PERSON.search(told):
        return False
    return hypothetical or bool(_FICTION.search(sentence)) or bool(_TOPIC_WORD.fullmatch(match)) and bool(_GENERAL.search(sentence))


def _for_no_one(norm: str) -> bool:
    """Is the message asked of anybody or for a piece of work, with no one named in it?"""
    told = _THEY.sub(" ", _HYPOTHETICAL.sub(" ", _WRITER.sub(" ", norm)))
    return told != norm and not _PERSON.search(told) and not _NOW.search(told)


def _emergency(norm: str) -> bool:
    """Does an emergency pattern match in a sentence that is not about an emergency long over, nor a
    general question about a topic word?"""
    for m in (m for pattern in _EMERGENCY_PATTERNS for m in pattern.finditer(norm)):
        start = max(norm.rfind(c, 0, m.start()) for c in ".?!;") + 1
        ends = [i for i in (norm.find(c, m.end()) for c in ".?!;") if i >= 0]
        sentence = norm[start:min(ends, default=len(norm))]
        before = norm[start:m.start()]
        if not _over(sentence) and not _general(sentence, m.group(0)) and not any(p.search(before) for p in _NOT_HAPPENING):
            return True
    return False


# What never happened is no emergency ("I've never had a seizure in my life so now I'm confused").
_NEVER_BEFORE = re.compile(r"\b(never|never ever|not ever|n'?t ever)\s*$")


# Cases seen at work are other people's, long handled ("I work in an ER and we see a lot of overdoses").
_SEEN_AT_WORK = re.compile(r"\b((we|i|they) (see|get|treat|deal with|handle)|and (see|treat|deal with|handle))"
                           r"( so many| a lot of| lots of| loads of| plenty of| many)? $")


# What the illness could lead to, asked ("could it end up leaving him unable to move that foot?"), is no emergency told.
_OUTCOME_ASKED = re.compile(r"\b(could|can|will|would|might|may|does|do)\b[^.?!]{0,40}\b(end up|ends up|eventually|ever)?\s*"
                            r"(leave|leaves|leaving|make|makes|making|result in|lead to|leads to|cause|causes)"
                            r" (him|her|me|you|them|us|people|someone|a person|patients|my \w+|his \w+|her \w+)?\s*$")


# Words just before a matched emergency that tell it is not happening to anyone now: what someone died of, what could
# happen, cases seen at work, what never happened.
# …and patients met at work ("I'm a nurse and one of my patients fainted during an infusion today").
_A_PATIENT = re.compile(r"\b(one of )?(my|our|a|the) (\w+ )?(patients?|clients?|residents?)\b[^.?!]{0,20}$"
                        r"|\b(patients?|clients?|residents?) (who|that)\b[^.?!]{0,30}$")
# …and a limb gone to sleep ("my left foot feels like its asleep and wont wake up").
_ASLEEP = re.compile(r"\b(foot|feet|leg|legs|hand|hands|arm|arms|toes?|fingers?)\b[^.?!]{0,30}\basleep\b[^.?!]{0,15}$")
_NOT_HAPPENING = (_DIED_OF, _OUTCOME_ASKED, _SEEN_AT_WORK, _NEVER_BEFORE, _A_PATIENT, _ASLEEP)


_OUGHT = re.compile(r"\bought (i|we|he|she|they) to\b")


def check_safety(text: str) -> Safety | None:
    """An emergency or medical-advice notice for this message, or None (patterns only)."""
    # "ought I to…" is "should I…", in older English
    norm = _OUGHT.sub(r"should \1", normalize(text))
    # …and as written out when typed in chat spellings ("can i take my amitriptyline w the pregabalin")
    chat = normalize(expand_chat(norm))
    readings = (norm,) if chat == norm else (norm, chat)
    if any(_emergency(r) for r in readings):
        return Safety("emergency", messages.EMERGENCY)
    if any(any(p.search(r) for p in _ADVICE_PATTERNS) or all(p.search(r) for p in _DECISION) for r in readings):
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


_NEVER = re.compile(r"\b(never|not ever|haven'?t ever|have not ever|never ever) (had|have|been|felt|got)\b"
                    r"|\b(don'?t|dont|do not) (have|get) (any )?(seizures|fits|epilepsy)\b")
# Someone learning what to look out for asks about an emergency to come, not one happening ("what does a seizure look
# like, so I know what to watch for in the future?"); the patterns still read the rest of the message.
_LEARNING = re.compile(r"\b(first aid|in the future|in case (it|that|this|something|one) (ever )?(happens|comes up)|warning signs|(want|like|need) to be prepared|generally speaking|what to (watch|look) (out )?for|what (does|do|would) (a|an) \w+ look like)\b")
# "so why a seizure drug?": a kind of medicine, named by what it treats, is no seizure; the net reads the medicine alone.
_NAMED_BY_USE = re.compile(r"\b(anti-?)?(seizure|epilepsy|epileptic|fit|convulsion)s? (drugs?|pills?|meds?|medicines?|medications?|tablets?)\b",
                           re.I)
# "apart from the pills what else can I do?": medicines named as one option beside others, not pills taken; the net
# reads them as treatment (0.62 to "I took too many pills" before, 0.47 after).
_AN_OPTION = re.compile(r"\b(apart from|aside from|besides|other than|except for|instead of|beyond|on top of|as well as"
                        # …and medicines disliked ("i hate taking pills": 0.6 to "I took too many pills")
                        r"|(?:hate|dislike|don'?t like|do not like|can'?t stand|sick of|tired of|fed up with|fed up of) taking)"
                        r" (?:the |my |these |those |her |his |any )?(?:pills?|tablets?|meds|medications?|medicines?|drugs?)\b", re.I)


# A follow-up to an emergency is still about it ("is this my lupus nerve pain??" after crushing chest pain) unless it
# tells the danger settled: help came, the person is fine, or the caller is on the phone to emergency services.
_SETTLED = re.compile(r"\b((she|he|they|it|i|we)('?s|'?re| is| are| am|'?m) (all right|alright|ok|okay|fine|stable|awake|breathing( normally)?|home|safe|calmer|better)"
                      r"|(paramedics?|ambulance|ems|medics|911|999|112) (came|come|are here|is here|arrived|took|has taken|have taken|on (the|their|its) way|coming)"
                      r"|(called|calling|rang|ringing|phoned|on the phone (to|with)) (911|999|112|an ambulance|the ambulance|ems|emergency)"
                      r"|(at|in) (the )?(hospital|er|a&e|emergency room|emergency department|urgent care)|false alarm"
                      r"|(it|the (pain|seizure|fit|attack|shaking)) (stopped|has stopped|passed|has passed|went away|is gone|eased|settled)"
                      r"|(woke|came round|came around|came to)\b)")


def carried(previous: Safety | None, text: str) -> Safety | None:
    """The emergency of the user's turn before, carried into this follow-up unless it tells the danger over."""
    if previous is None or previous.kind != "emergency":
        return None
    norm = normalize(text)
    return None if _SETTLED.search(norm) or _over(norm) else previous


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
        norm = normalize(text)
        if _over(norm) or _NEVER.search(norm) or _LEARNING.search(norm) or _for_no_one(norm):
            # told as over and done ("a seizure as a teenager, nothing since") or as never had ("why a seizure pill if
            # i never had a seizure") or as learning what to look for, or asked for a project or of anybody ("if
            # someone has a seizure what should bystanders do"): no net
            return found
        if self._examples is None:
            self._examples = self.embedder.encode(list(EMERGENCY_EXAMPLES))
        read = _AN_OPTION.sub(r"\1 treatment", _NAMED_BY_USE.sub(r"\3", text))
        closeness = float((self.embedder.encode([self.prepare(read)]) @ self._examples.T).max())
        return Safety("emergency", messages.EMERGENCY) if closeness >= EMERGENCY_SIMILARITY else found
