"""Cue tables of the conduct reading (:mod:`respassess.stance_conduct`): positions stated in other words.

A refusal or a defence of the status quo as adequate, "considers it implemented", "no comment",
a decision left for later, no usable text. Kept apart from the decision list so that the
genre vocabulary can grow without the logic around it.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE
# A negated verdict on the step asked for: it is not needed, the status quo already does it.
_NEED = (r"(?:necessary|needed|required|warranted|justified|appropriate|feasible|practical|practicable|proportionate"
         r"|cost[-\s]effective|a\s+priority|(?:the|any|a)\s+need|sufficient\s+(?:justification|reason|grounds?))")
_REFUSAL = re.compile(
    rf"\bnot\s+(?:be\s+)?(?:considered\s+|deemed\s+|thought\s+|seen\s+as\s+|currently\s+)?(?:(?:possible|practical|feasible)\s+or\s+)?{_NEED}\b"
    # "is not considered by Ansett New Zealand to be presently practicable", "not at present necessary"
    rf"|\bnot\s+(?:be\s+)?(?:considered|deemed|thought|judged)\s+(?:by\s+(?:[\w’'-]+\s+){{1,5}}?)?to\s+be\s+"
    rf"(?:presently\s+|currently\s+|at\s+present\s+)?{_NEED}\b|\bnot\s+(?:presently|at\s+present)\s+{_NEED}\b"
    # "an underpass is not a realistic proposal", "would be totally unacceptable to the community"
    r"|\bnot\s+(?:a\s+|an\s+)?(?:realistic|viable|workable|practical|practicable|sensible|feasible)\s+(?:proposal|option|"
    r"solution|approach|proposition|course\s+of\s+action)\b"
    rf"|\b(?:does|do|did)\s*(?:not|n[’']t)\s+(?:consider|believe|think|see|regard|deem)\b(?:\W+\w+){{0,8}}?\W+{_NEED}"
    r"|\b(?:does|do|did)\s*(?:not|n[’']t)\s+see\s+(?:the|any|a)\s+(?:need|reason|benefit|case)\b"
    r"|\bsees?\s+no\s+(?:need|reason|benefit|case)\b|\bthere\s+is\s+no\s+(?:need|case)\s+(?:to|for)\b"
    r"|\bno\s+(?:change|further\s+action|amendments?|need)\s+(?:is|are|will\s+be)?\s*(?:necessary|needed|required|planned|"
    r"envisaged|contemplated)"
    # "This recommendation is difficult to accommodate."
    r"|\b(?:is|are)\s+(?:\w+ly\s+)?difficult\s+to\s+(?:accommodate|justify)\b"
    r"|\bno\s+(?:plans?|intention)\s+to\b|\b(?:does|do|will)\s*(?:not|n[’']t)\s+(?:intend|plan|propose)\s+to\b"
    r"|\bwill\s*(?:not|n[’']t)\s+(?:be\s+)?(?:implement|pursu|adopt|introduc|proceed|progress|tak(?:e|en)\s+forward)\w*"
    # "New Zealand Rail Limited will not be fitting event recorders", "will not be acted upon in the meantime"; not a
    # step put off ("will not be making its way into force until ...")
    r"|\bwill\s*(?:not|n[’']t)\s+be\s+(?:acted\s+(?:up)?on|(?:fitt|install|updat|issu|amend|chang|provid|mak|requir|"
    r"mandat)ing)\b(?![^.;]{0,60}?\b(?:until|before|prior\s+to)\b)"
    r"|\bnot\s+(?:an\s+obligation|the\s+role|the\s+responsibility)\s+of\b|\bdeems?\s+that\s+no\b"
    r"|\b(?:little|no)\s+(?:value|benefit|merit)\s+in\b"
    # "is impractical and could seriously inhibit", "the recommendation ... is unnecessary", "neither feasible nor cost-effective"
    r"|\b(?:is|are|be|being)\s+(?:\w+ly\s+)?(?:impractical|impracticable|unworkable|unnecessary|unwarranted|unjustified|"
    r"unrealistic|unacceptable|not\s+workable)\b"
    rf"|\bneither\s+(?:\w+ly\s+)?{_NEED}\s+nor\b"
    r"|\b(?:does|do|did)\s*(?:not|n[’']t)\s+need\s+to\s+(?:take\s+(?:any\s+)?(?:further\s+)?action|make\s+(?:any\s+)?"
    r"(?:further\s+)?changes?|do\s+anything)\b"
    r"|\bno\s+(?:\w+\s+)?(?:involvement|action)\s+(?:is|was|will\s+be)\s+(?:required|needed|necessary)\b"
    # disputing the premise: "questions the continual reference to inexperience", "did not believe the cost was a factor"
    r"|\bquestion(?:s|ed|ing)?\s+the\s+(?:\w+\s+)?(?:need|reference|premise|basis|finding|conclusion|assertion|validity|"
    r"assumption)s?\b|\bdisput(?:es|ed|ing)\s+(?:the|this|that)\b"
    r"|\b(?:does|do|did)\s*(?:not|n[’']t)\s+(?:consider|believe|think|accept|agree)\s+(?:that\s+)?(?:\S+\s+){0,10}?"
    r"(?:is|was|are|were)\s+(?:a|an|the)\s+(?:\w+\s+)?(?:factor|issue|problem|cause|concern)\b"
    # the responder cannot do it: "does not extend to the required legislative remit, capacity or expertise to deliver"
    r"|\b(?:lacks?|(?:does|do)\s+not\s+(?:have|extend\s+to))\s+(?:the\s+)?(?:[\w,]+\s+){0,4}?(?:remit|powers?|capacity|"
    r"mandate|jurisdiction|expertise)\b[^.;]{0,40}?\bto\s+(?:deliver|implement|do|undertake|carry)"
    # "cannot be considered autochthonous communities", "cannot be given a timetable"
    r"|\bcannot\s+be\s+(?:considered|recognised|recognized|granted|given|accepted|supported|implemented|introduced|adopted|"
    r"guaranteed|extended|changed|amended)\b", _F)
_ADEQUATE = re.compile(
    r"\balready\s+(?:sufficiently|adequately|fully|effectively)\b|\bconfirmed\s+the\s+adequacy\b"
    r"|\b(?:adequately|sufficiently)\s+(?:address|cover|regulat|provid|protect)(?:e?s|e?d)\b"
    r"|\bsufficient\s+(?:legal\s+)?(?:remedies|powers|provisions|safeguards|measures|controls)\s+(?:are\s+)?(?:already\s+)?in\s+place"
    r"|\b(?:considers?|deems?|finds?|believes?|regards?)\s+(?:the\s+)?(?:existing|current)\s+(?:\w+\s+){0,3}(?:to\s+be\s+|as\s+)?"
    r"(?:adequate|sufficient|appropriate)\b"
    # "reviewed the instruction ... and found it fit for purpose in its current format"
    r"|\b(?:found|finds?|remains?|(?:is|are)\s+(?:still\s+)?(?:considered|deemed|judged))\s+(?:it\s+|them\s+)?"
    r"(?:to\s+(?:be|remain)\s+)?(?:still\s+)?fit\s+for\s+purpose\b"
    # "The legislative authorities assessed that this was long enough"
    r"|\b(?:assessed|concluded|found|determined|judged)\s+that\s+(?:(?:this|it|these)\s+|the\s+(?:\w+\s+){1,3}?)(?:was|is|were|are)\s+"
    r"(?:long\s+enough|sufficient|adequate|enough|appropriate)\b"
    r"|\b(?:existing|current)\s+(?:\w+\s+){0,8}?(?:is|are)\s+(?:considered\s+|deemed\s+)?(?:adequate|sufficient)\b"
    # "The requirements specified in MATS 3-8:91 were adequate"
    r"|\b(?:requirements|rules|provisions|procedures|arrangements|legislation|regulations|measures|controls|standards)\s+"
    r"(?:\S+\s+){0,8}?(?:is|are|was|were|remain)\s+(?:considered\s+|deemed\s+|already\s+)?(?:adequate|sufficient)\b", _F)
# A negation inside "whether/if", in past narration ("they believed a referral was not needed") or
# about the timetable does not decline the recommendation.
_NOT_A_REFUSAL = re.compile(r"\b(?:whether|if|unless)\b[^.;:]{0,60}$|\b(?:was|were|had\s+been|had)\s*$"
                            r"|\b(?:ensur\w*|make\s+sure)\s+(?:that\s+)?(?:\S+\s+){0,14}$", _F)
_CONDITIONAL = re.compile(r"\b(?:if|should|unless|were)\b[^.;:]{0,100}$", _F)
_TIMING = re.compile(r"^\W*(?:\w+\W+){0,6}?(?:dates?|timeframes?|time\s*frames?|timelines?|timing|deadlines?)\b", _F)
_IMPLEMENTED = re.compile(r"\bconsiders?\s+(?:this|these|the)\s+recommendations?\s+(?:to\s+be\s+|as\s+)?"
                          r"(?:implemented|fulfilled|met|addressed)\b|\bhas\s+(?:already\s+)?been\s+(?:fully\s+)?implemented\b"
                          r"|\b(?:this|the)\s+(?:recommended\s+)?action\s+has\s+(?:already\s+)?been\s+(?:taken|completed)\b"
                          # "the activities for the implementation of this recommendation are already ongoing"
                          r"|\bimplementation\s+of\s+(?:this|the|these)\s+recommendations?\s+(?:is|are|has|have)\s+(?:already\s+)?"
                          r"(?:been\s+)?(?:ongoing|under\s*way|in\s+progress|started|begun|commenced)\b"
                          # "jointly determined a target date of 30 June 2007 for implementation of this recommendation"
                          r"|\b(?:determined|set|agreed|fixed|established)\s+(?:a|the)\s+(?:target\s+)?(?:date|deadline|timeframe)\b"
                          r"[^.;]{0,40}?\bfor\s+(?:the\s+)?implementation\s+of\s+(?:this|the)\s+recommendation", _F)
_NO_COMMENT = re.compile(r"\bno\s+comment\b|\bwill\s+await\b", _F)
# Deciding later: a question left open, a study of whether or what to do, a decision not yet made.
_DEFERRAL = re.compile(
    r"\b(?:will|shall|(?:intends?|plans?|proposes?|(?:is|are|has\s+been|have\s+been)\s+(?:asked|proposed|tasked))\s+to|"
    r"(?:is|are)\s+to)\s+(?:now\s+|further\s+|carefully\s+|then\s+)?(?:consider|explore|examine|"
    r"investigate|assess|evaluate|determine\s+(?:whether|if|the\s+(?:scale|extent|feasibility))|look\s+into|"
    r"review\s+(?:whether|the\s+need|options))\b"
    r"|\b(?:identif|determin|assess|investigat|establish|consider|decid)\w*\s+(?:as\s+to\s+)?(?:if|whether|"
    r"what\s+(?:action|further|changes?|steps?)"
    r"|the\s+(?:scale|extent|feasibility|need|case|merits)\b)"
    r"|\b(?:assessment|review|analysis|study|evaluation|examination)\s+of\s+(?:whether|if|the\s+(?:need|feasibility|case|merits))\b"
    r"|\b(?:identify|assess|consider|explore|examine)\s+(?:and\s+\w+\s+)?(?:the\s+)?options\b"
    r"|\bunder\s+(?:review|consideration)\b|\brequested\s+an\s+opinion\b|\bgap\s+analysis\b"
    # waiting on another process first: "[Awaiting result of formal safety review ...]", "The outcome of these
    # processes cannot be forecast at this point"
    r"|\bawait(?:ing|s)?\s+(?:the\s+)?(?:results?|outcomes?|completion|findings|conclusions?)\s+of\b"
    r"|\boutcomes?\s+(?:of\s+(?:these|this|the)\s+\w+\s+)?cannot\s+(?:yet\s+)?be\s+"
    r"(?:forecast|predicted|determined|known)\b"
    # a proposal put to the body that decides: "is being drawn up for consideration by the Council", "if Council approves"
    r"|\b(?:drawn\s+up|drafted|prepared|put\s+forward)\s+(?:\w+\s+){0,3}?for\s+(?:the\s+)?(?:\w+[’']?s?\s+)?"
    r"(?:consideration|decision)\b"
    r"|\b(?:if|once|when|pending)\s+(?:the\s+)?(?:\w+\s+)?(?:council|board|cabinet|minister|government|parliament|"
    r"executive|shareholders|directors)\s+(?:approves?|agrees?|decides?|endorses?)\b"
    r"|\b(?:subject\s+to|pending)\s+(?:the\s+)?(?:\w+\s+)?(?:council|board|cabinet|ministerial|government|parliamentary)\s+"
    r"(?:approval|agreement|decision)\b"
    r"|\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:reviewing|considering|assessing|examining|investigating|evaluating|"
    r"exploring|looking\s+into)\b"
    r"|\bnot\s+yet\s+(?:produced|reached|made|taken)\s+a\s+(?:final\s+)?(?:position|decision)\b|\bno\s+decision\s+has\b"
    r"|\bmay\s+not\s+(?:necessarily\s+)?result\s+in\b|\bwill\s+(?:then\s+)?be\s+in\s+a\s+(?:better|clearer|stronger)\s+position\s+to\b"
    r"|\bnot\s+(?:yet|presently|currently)\s+(?:able|in\s+a\s+position)\s+to\s+(?:respond|comment|provide\s+(?:a|its|our|the)\s+"
    r"(?:full\s+)?response)"
    r"|\bdecid\w*\s+(?:up)?on\s+(?:the|our|its|their|a|any)\s+(?:future\s+|best\s+|appropriate\s+)?(?:course|action|approach|way\s+forward|response)"
    r"|\bcommission\w*\s+(?:the\s+)?(?:\w+\s+){0,3}?to\s+(?:conduct|undertake|carry\s+out|provide)\s+(?:an?\s+)?(?:\w+\s+){0,3}?"
    r"(?:review|assessment|study|evaluation|analysis|advice)\b", _F)
# No usable text: a recommendation the responder cannot parse, or a tracker's note that no reply came
# ("No response was available from the Administrator at the time this report was published").
_NO_TEXT = re.compile(r"\b(?:incomprehensible|unintelligible|not\s+clear\s+what)\b"
                      r"|\bno\s+(?:formal\s+|written\s+)?(?:response|reply)\s+(?:(?:was|has\s+been|had\s+been|is)\s+(?:yet\s+)?)?"
                      r"(?:available|received|provided|made|given|recorded)\b"
                      r"|\b(?:response|reply)\s+(?:is\s+)?(?:still\s+)?awaited\b"
                      # a register's placeholders: "No reply.", "No reply to SR.", "DNV declined to respond.", and
                      # "[See respondent's other comment]" (its reply is filed under another recommendation)
                      r"|^\W*no\s+(?:reply|response)(?:\s+to\s+(?:SR|the\s+(?:safety\s+)?recommendation))?\W*$"
                      r"|\bdeclined\s+to\s+(?:respond|reply|comment)\b"
                      r"|^\W*see\s+(?:the\s+)?respondent(?:['’]?s)?['’]?\s+other\s+comments?\W*$", _F)
# The decision is expressly still open: "before reaching a final decision on the matter, the Company proposes to
# continue its investigation", "no final decision has been made". Outranks a provisional refusal beside it.
_UNDECIDED = re.compile(
    r"\bbefore\s+(?:reaching|making|taking|coming\s+to)\s+(?:a|any|its|their|our)\s+(?:final\s+)?(?:decision|view|position)\b"
    r"|\b(?:no|a)\s+final\s+(?:decision|position)\s+(?:has|will|is)\b"
    r"|\bno\s+decision\s+(?:has|have)\s+(?:yet\s+)?been\s+(?:made|taken|reached)\b"
    r"|\bnot\s+yet\s+(?:reached|made|taken|produced)\s+a\s+(?:final\s+)?(?:decision|position)\b", _F)
# Work on the responder's own matter already under way ("is currently reviewing its training modules", "has commenced
# a process to identify all Owenga class vessels"), not a review of whether to act on the recommendation.
_WORK_UNDER_WAY = re.compile(
    r"(?:\bha(?:s|ve)\s+(?:now\s+|already\s+|recently\s+)?(?:commenced|started|begun|initiated)|\bbeing\s+arranged|"
    r"\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:reviewing|assessing|developing|revising|updating|preparing|drafting|"
    r"working\s+on))\b(?!\s+(?:this|the|these|your)\s+(?:safety\s+)?recommendations?\b)", _F)
# A date for that work to be finished: "It is expected that this process will be concluded by the end of May 2012".
_COMPLETION = re.compile(r"\b(?:complet|conclud|finish|finali[sz]|publish|in\s+place|implement)\w*", _F)
# ... unless the work is to decide whether to act: "It will decide whether to amend the rule".
_WHETHER_TO_ACT = re.compile(r"\bwhether\s+(?:or\s+not\s+)?to\b|\bdecid\w*\s+(?:if|whether)\b", _F)
# a deadline that names its year, and a promise made on a condition
_DATED = re.compile(r"\b(?:19|20)\d\d\b")
# A verb form that reports doing rather than describing what is: a modal, a perfect or a progressive ("would
# provide signs", "have engaged a specialist", "is working with the industry", "is currently in hand"). The
# status quo is described in the simple present ("The Act guarantees ...").
_NARRATIVE = re.compile(r"\b(?:will|would|shall)\s+(?!like\b)\w+|"
                        r"\b(?:has|have|had)\s+(?:\w+ly\s+|already\s+|now\s+|also\s+)?(?:been|\w+(?:ed|en|t))\b|"
                        r"\b(?:is|are|am|was|were)\s+(?:\w+ly\s+|now\s+)?(?!being\b)\w+ing\b"
                        r"|\b(?:in\s+hand|under\s*way|in\s+(?:discussion|progress|the\s+process\s+of))\b", _F)
_IF = re.compile(r"\bif\b", _F)
