"""Wording cues behind the gap flags (ANNOTATION.md §5): data, not logic.

Each pattern names a move that government responses make across jurisdictions (UK
select-committee and PFD replies, Australian and NZ government responses, UPR
addenda), not phrases of any one document. :mod:`respassess.gaps` decides the flags
from these cues together with the extracted commitments, actions, dates and amounts.
"""

from __future__ import annotations

import re

__all__ = [
           "ACCEPT_WORDS",
           "CALENDAR_WORD",
           "CONTINUING",
           "CORRESPONDENCE",
           "COURTESY",
           "CROSS_REFERENCE",
           "DEFER_FUTURE",
           "DEFER_LEGISLATION",
           "DEFER_ONGOING",
           "DEFLECT",
           "DELIVERABLE",
           "DRAFTED",
           "EFFECT",
           "EXPECTATION",
           "FOR_THIS_REPLY",
           "FUNDING_ASK",
           "FUNDING_MET",
           "HEDGE_SENTENCE",
           "METRICS_ASK",
           "METRICS_MET",
           "METRICS_PENDING",
           "MISSION",
           "RESPONSIVE",
           "STANDING_CHECK",
           "STATUS_QUO",
           "TENTATIVE",
           "THING_ACTOR",
           "WAITING",
]

_I = re.IGNORECASE

#: Letter-writing formulae: they promise nothing about the recommendation.
COURTESY = re.compile(
    r"condolence|sympath|\bhope\s+(?:that\s+)?(?:this|the\s+above)\b|\bthank|\bgrateful\b|"
    r"\byou\s+will\s+(?:appreciate|understand|note|see|be\s+aware)|\blook\s+forward\s+to\s+(?:seeing|receiving|hearing|reading)|"
    r"\bwish\s+to\s+(?:extend|express|offer)|\bI\s+am\s+(?:writing|replying|responding)\b|\bI\s+write\b|\bplease\s+(?:do\s+not|let)",
    _I)
#: Sentences about the exchange of letters rather than about action on the recommendation.
CORRESPONDENCE = re.compile(
    r"\brepl(?:y|ied|ies)\b|\bletter\b|\bhave\s+not\s+seen\b|\bnotif(?:y|ied|ication)\b|"
    r"\bha(?:s|ve)\s+(?:carefully\s+)?(?:considered|reviewed|noted|read|received)\s+(?:the|your|this)\s+"
    r"(?:final\s+)?(?:recommendations?|report|findings|matters?|concerns?)|\bdated\s+\d|\byou\s+have\s+asked\b|"
    r"\b(?:set\s+out|provided|given|described|outlined|detailed|summari[sz]ed)\s+(?:below|above)\b",
    _I)
#: "Will continue to ...", "keep under review": existing activity in the future tense, nothing new.
CONTINUING = re.compile(
    # the verb only: "continued airworthiness", "continuing professional development" name things, not carrying on
    r"\bcontinu(?:e|es)\b|\bcontinu(?:ing|ed)\b(?!\s+(?:airworthiness|professional|education|care|"
    r"compliance|access|use|safety|operation|validity)\b)|"
    r"\bremains?\s+committed\b|\bongoing\b|\bmaintain\b|"
    r"\bkeep\s+(?:\S+\s+){0,6}?under\s+review\b|\bwill\s+remain\b|\bas\s+(?:a\s+matter\s+of\s+course|usual)\b",
    _I)
#: Statements of disposition or mission ("is committed to supporting", "our objective is"): no concrete step.
MISSION = re.compile(
    r"(?:\b(?:is|are|am|has\s+been|have\s+been|remains?)\s+(?:fully\s+|firmly\s+|strongly\s+)?|^\s*)"
    r"(?:committed|determined|keen)\s+to\s+(?:\S+\s+){0,2}?(?:support|work|ensur|improv|recognis|recogniz|respect|promot|"
    r"protect|uphold|tak\w+\s+all|do\w*\s+(?:all|everything|what)|build|help|strengthen|turn|reduc|address|tackl|"
    r"prevent|combat|eliminat|learn|deliver\w*\s+the\s+highest)\w*|"
    r"\bha(?:s|ve)\s+committed\s+to\s+(?:supporting|working|ensuring|improving)\b|\bobjective\s+is\b|"
    r"\bour\s+(?:mission|ambition|aim|vision)\b|(?<!\ban\s)(?<!\bthe\s)(?<!\bwith\s)\baims?\s+to\b|\bwill\s+(?:lead|oversee|co-?ordinate)\s+(?:the\s+)?implementation\b|"
    r"\bwill\s+be\s+responsible\s+for\b",
    _I)
#: What a policy or document will achieve ("This will ensure ...", "Reporting will provide an opportunity"):
#: a claimed effect, not an undertaking by anyone.
EFFECT = re.compile(
    r"\bwill\s+(?:also\s+|further\s+|in\s+turn\s+|therefore\s+)?(?:provide\s+an?\s+(?:opportunity|basis|platform)|"
    r"help|assist|enable|allow|contribute|support|ensure|inform|improve|reduce|strengthen|complement|focus|underpin|"
    r"be\s+underpinned|act\s+to|mean|give|build\s+on|drive|develop\s+the\s+understanding)\b|"
    r"\b(?:is|are)\s+(?:designed|intended)\s+to\b", _I)
#: Actors that are things, not bodies: "This", "These controls", "The reforms", "Reporting on ...".
THING_ACTOR = re.compile(
    r"^(?:this|these|that|those|it|such)\b|\b(?:programme|program|plan|reforms?|reporting|controls?|framework|"
    r"outcomes?|changes?|guidance|guidelines|strategy|approach|work|measures?|system|process|legislation|act)\s*$", _I)
#: Tentative or conditional undertakings (ANNOTATION.md §3 "vague" and §5 "hedged").
TENTATIVE = re.compile(
    r"\b(?:will|to|shall|may|would)\s+(?:\S+\s+){0,2}?consider\b|(?<!when\s)\bconsidering\b|"
    r"\b(?:strive|endeavou?r)\w*\b|\bseeks?\s+to\b|\bdo\s+what\s+(?:it|we|they)\s+can\b|\bwould\s+(?:be\s+(?:pleased|happy|glad)|like)\s+to\b|\bunder\s+consideration\b|"
    r"\bconsider\s+(?:whether|how|what|ways|options)\b|\bexplor(?:e|es|ing)\b|\blook(?:ing)?\s+(?:at|into)\b|"
    r"\bkeep\s+(?:\S+\s+){0,6}?under\s+review\b|\bwhether\b|\bif\s+(?:any|appropriate|necessary|required|so|feasible)\b|"
    r"\b(?:as|where|when)\s+(?:appropriate|possible|practicable|feasible|necessary|required)\b|\bsubject\s+to\b|"
    r"\bmay\b|\bmight\b|\bprepared\s+to\b|\bwilling\s+to\b|\bhighlight(?:ing)?\s+the\s+importance\b|"
    r"\b(?:about|on|to\s+agree|to\s+decide|to\s+understand)\s+how\s+(?:best\s+|most\s+\w+\s+)?to\b|"
    r"\bpracticable\b|\bin\s+principle\b|\bliaise\b|\bwill\s+need\s+to\b|\bfurther\s+consultation\b|"
    r"\bif\s+additional\b|\bidentify\s+if\b",
    _I)
#: Sentences that hedge the outcome whether or not a commitment was read from them.
HEDGE_SENTENCE = re.compile(
    r"\bmay\s+not\s+(?:necessarily\s+)?(?:result|lead)\b|\bunlikely\s+to\s+be\s+(?:prioriti[sz]ed|progressed)\b|"
    r"\bprepared\s+to\b|\bwilling\s+to\b|\b(?:is|are)\s+(?:currently\s+)?considering\b|\bmight\s+be\s+justified\b|"
    r"\b(?:is|are)\s+(?:currently\s+|now\s+)?being\s+considered\b|"
    r"\b(?:will|would|shall|could)\s+(?:then\s+|also\s+|now\s+)?be\s+(?:further\s+|carefully\s+|fully\s+|duly\s+)?"
    r"considered\b|\bwill\s+require\s+further\b",
    _I)

_MAKE_VERBS = (r"(?:set\s+out|publish|develop|produce|prepare|draft|redraft|introduce|propose|bring\s+forward|"
               r"consult\s+on|scope(?:\s+out)?|consider|explore|look\s+(?:at|into)|commission|initiate|undertake|"
               r"commence|deliver|release|issue|finalise|finalize|design|identify(?:\s+and\s+assess)?|put\s+in\s+place)")
# "assess how boards act" is oversight in progress, not a decision put off: "how" objects are left out.
# "review any future recommendations that emerge" is a standing watch over others' output, not a deliverable.
_PROCESS_VERBS = (r"(?:review|assess|analy[sz]e|examine|investigate|audit|evaluate|scope|determine\s+(?:whether|the\s+scale))"
                  r"(?!\s+how\b)(?!\s+any\b)")
_FUTURE = (r"\b(?:will|shall|intends?\s+to|plans?\s+to|expects?\s+to|aims?\s+to|proposes?\s+to|is\s+to|are\s+to|"
           r"is\s+going\s+to|(?:is|are)\s+(?:proposing|planning|intending)\s+to)\s+")
_OBJECT = (r"(?:plans?|strateg(?:y|ies)|reviews?|legislation|legislative\s+\w+|amendments?|bills?|regulations|reports?|"
           r"guidance|guidelines?|framework|roadmap|business\s+case|options|analysis|assessments?|paper|polic(?:y|ies)|"
           r"proposals?|standards|consultation|evidence|implications|reforms?|study|research|threshold|requirements|"
           r"update\s+to|NPRMs?|by-?laws?|rule\s+(?:changes?|amendments?)|rule[- ]?making|(?:work\s+)?instructions|manuals?)")
#: A future undertaking to produce or decide something later ("will set out plans", "intends to commission
#: ... an assessment", "will engage with X to review"): the deliverable is the object of the verb.
DEFER_FUTURE = re.compile(
    _FUTURE + r"(?:\S+\s+){0,3}?" + _MAKE_VERBS + r"\s+(?:\S+\s+){0,6}?" + _OBJECT + r"\b|"
    + _FUTURE + r"(?:\S+\s+){0,3}?" + _PROCESS_VERBS + r"\b|"
    + _FUTURE + r"(?:\S+\s+){0,12}?to\s+" + _PROCESS_VERBS + r"\b|"
    # "intend to work closely with X to oversee the internal review", "will require the operator to undertake a
    # comprehensive review": the review is still to come
    + _FUTURE + r"(?:\S+\s+){0,12}?to\s+(?:oversee|supervise|" + _MAKE_VERBS[3:-1] + r")\s+(?:\S+\s+){0,4}?"
    + _OBJECT + r"\b|"
    # the passive: "the strategy will be published next year", "the Draft NPRM will be completed by September 2006"
    + _OBJECT + r"\s+(?:\S+\s+){0,6}?(?:will|shall|is\s+to|are\s+to)\s+(?:then\s+|also\s+|now\s+)?be\s+(?:published|"
    r"developed|drafted|prepared|produced|introduced|released|issued|finali[sz]ed|completed|undertaken|conducted|"
    r"commissioned|amended|revised|updated|put\s+in\s+place)\b|"
    r"\bwill\s+(?:\S+\s+){0,2}?(?:accept|implement|address|progress|take\s+forward|consider|deliver)\b.{0,120}?"
    r"\b(?:as\s+part\s+of|through)\s+(?:a|the|its|their|our)\s+(?:\S+\s+){0,4}?(?:programme|reforms|process)\b|"
    # the passive of the same: "will be included in the rule making process", "will be considered as part of the review"
    r"\bwill\s+be\s+(?:included|considered|incorporated|addressed|reflected)\s+(?:as\s+part\s+of|in|into|within|"
    r"through)\s+(?:\S+\s+){0,8}?(?:reviews?|process|rule[- ]?making|programme|manuals?|amendments?)\b",
    _I | re.DOTALL)
#: Legislation promised rather than made ("through appropriate legislative action", "prescribed in legislation").
DEFER_LEGISLATION = re.compile(
    r"\bthrough\s+(?:appropriate\s+|the\s+)?legislati(?:ve|on)\b|\b(?:prescribed|set\s+out|provided\s+for)\s+in\s+"
    r"(?:legislation|regulations?|the\s+bill)\b|\b(?:propose|introduce|bring\s+forward|develop)\s+(?:\S+\s+){0,2}?"
    r"(?:legislati\w+|amendments?|a\s+bill|regulations)\b", _I)
#: Work under way whose result is still to come ("is currently under development", "has requested an opinion").
DEFER_ONGOING = re.compile(
    # "are developed under the professional leadership of ..." is how things are done, not work under way
    r"\b(?:is|are)\s+(?:currently\s+|now\s+)?being\s+(?:developed|drafted|redrafted|considered|finali[sz]ed|"
    r"prepared|scoped|drawn\s+up)\b|\b(?:is|are)\s+currently\s+(?:developed|drafted|redrafted|considered|prepared|scoped)\b|"
    r"\bunder\s+(?:development|consideration)\b|"
    r"\bha(?:s|ve)\s+(?:already\s+|now\s+|recently\s+)?(?:begun|started|commenced|initiated)\s+(?:\w+\s+){0,3}?"
    r"(?:to\s+)?(?:draft|develop|prepar|drafting|development|work\s+on)\w*|"
    r"\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:developing|drafting|considering|finali[sz]ing|preparing|conducting|"
    r"scoping)\b|\bin\s+the\s+process\s+of\b|"
    # "the manuals being developed", "a review ... is currently being assessed": a reduced or passive clause, same work
    r"\b(?:\w+s|\w+ed)\s+being\s+(?:developed|drafted|redrafted|prepared|finali[sz]ed)\b|"
    r"\b(?:is|are)\s+(?:currently\s+|now\s+)?being\s+(?:assessed|reviewed|examined|evaluated|implemented)\b|"
    r"\byet\s+to\s+be\s+(?:finali[sz]ed|decided|agreed|determined|confirmed|completed|developed)\b|"
    r"\b(?:which|that)\s+(?:is|are)\s+(?:currently\s+|now\s+)?(?:under\s*way|in\s+progress)\b|"
    # "Implementation of a safety observation process is underway", "A review of ... is currently in hand" (not
    # "the vessel is underway"), "Maritime NZ is progressing work on comprehensive reform of the Rules"
    r"\b(?:review|work|implementation|development|programme|program|project|process|study|analysis|assessment|"
    r"consultation|drafting|redraft\w*|improvements?)\b[^.;:]{0,80}?\b(?:is|are)\s+(?:currently\s+|now\s+|already\s+)?"
    r"(?:under\s*way|in\s+progress|in\s+hand)\b|"
    r"\b(?:is|are)\s+(?:currently\s+|now\s+)?progressing\s+(?:work|the|this|these|an?|its|their|our)\b|"
    # "The proposed review will address ...", "the proposed rule change": proposed, so not yet made
    r"\b(?:the|a|this)\s+proposed\s+(?:\w+\s+)?(?:review|audit|amendments?|rules?|rule\s+changes?|legislation|"
    r"regulations?|standards?|bill|by-?laws?)\b|"
    r"\bagree(?:s|d|ment)?\s+to\s+(?:conduct|undertake|carry\s+out)\b|"
    r"\bwork\s+(?:is|has)\s+(?:currently\s+|now\s+|already\s+)?(?:under\s*way|in\s+progress|begun|started|commenced)\s+"
    r"(?:to|on)\s+(?:review|revise|develop|draft|prepare|update|amend)\w*\b|"
    r"\bha(?:s|ve)\s+(?:requested|commissioned|sought)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?(?:opinion|advice|review|"
    r"assessment|analysis|study)\b|\bnot\s+yet\s+(?:produced|reached|made|finali[sz]ed|completed|decided|agreed)\b",
    _I)
#: Advice gathered to write the reply itself ("In formulating our response, we have sought opinion from ..."):
#: used already, not pending.
FOR_THIS_REPLY = re.compile(r"\b(?:in|when|for)\s+(?:formulating|preparing|drafting|writing|compiling)\s+"
                            r"(?:our|this|the|my)\s+(?:response|reply|letter)\b", _I)
#: Recurring assurance ("will be monitored through regular audits ... to assess effectiveness"): a standing
#: check on measures already taken, not a deliverable still to come.
STANDING_CHECK = re.compile(r"\b(?:monitored|audited|checked|tracked|overseen|reviewed)\s+(?:\S+\s+){0,2}?(?:through|by|via|"
                            r"with|in|at)\s+(?:the\s+)?(?:regular|routine|periodic|ongoing|monthly|quarterly|weekly|annual)\b",
                            _I)
#: What can be pending: a document, a law, or a decision process that produces one.
DELIVERABLE = re.compile(
    r"\b(?:plans?|strateg(?:y|ies)|reviews?|legislation|legislative|amendments?|bills?|regulations?|reports?|"
    r"guidance|guidelines?|framework|roadmap|business\s+case|options|analysis|assessments?|paper|polic(?:y|ies)|"
    r"proposals?|standards?|consultation|evidence|implications|reforms?|programme|program|study|research|"
    r"threshold|requirements|position|opinion|procedures?|process|update\s+to|NPRMs?|by-?laws?|rule\s+(?:changes?|"
    r"amendments?)|rule[- ]?making|(?:work\s+)?instructions|manuals?)\b", _I)
#: Governments below the national one, which federal replies name as the ones responsible.
_SUBNATIONAL = (r"(?:states(?:\s+and\s+territor(?:y|ies))?|state\s+and\s+territor(?:y|ies)|territories|jurisdictions|"
                r"(?:state|territory|local|regional|provincial|municipal)\s+(?:and\s+territory\s+)?"
                r"(?:governments?|councils?|authorities))")
#: Placing the matter with another body ("a matter for", "best placed to", "ICS-led action").
DEFLECT = re.compile(
    r"\b(?:is|are|remains?)\s+(?:a\s+|entirely\s+a\s+)?(?:matters?|responsibility|decisions?)\s+for\b|"
    r"\bresponsibility\s+for\s+(?:\S+\s+){0,6}?(?:lies|rests|sits)\s+with\b|\bindependent\s+of\s+(?:the\s+)?government\b|"
    r"\bfalls?\s+(?:within|under|outside)\s+the\s+(?:remit|responsibility|jurisdiction)\s+of\b|\boutside\s+(?:our|its|the\s+\w+'s)\s+remit\b|"
    r"\bbest\s+placed\s+to\b|\b[\w-]+-led\s+(?:action|matter|decision|process)\b|"
    r"\bshould\s+decide\s+how\b|\bfor\s+(?:local|individual|the\s+relevant)\s+\w+\s+to\s+(?:decide|determine|consider)\b|"
    r"\bwill\s+need\s+to\s+be\s+(?:discussed|considered|decided|addressed|taken\s+forward)\s+by\b|"
    r"\bawait(?:s|ing)?\s+(?:the\s+)?(?:outcome|discussions?|response|decision|views?)\b|"
    r"\b(?:have|has)\s+also\s+(?:addressed|sent|directed)\s+(?:your|the|this|these)\s+(?:\w+\s+){0,4}?to\b|"
    r"\bcan\s+only\s+accept\b|\bit\s+is\s+for\s+(?:the\s+)?[A-Z]\w+|\bnot\s+a\s+matter\s+for\s+(?:the\s+)?government\b|"
    # the coroners' replies' ways of saying "someone else decides": "for local determination",
    # "determined by local Trusts", "up to individual ambulance trusts", "does not mandate"
    r"\bfor\s+local\s+determination\b|\b(?:determined|decided)\s+(?:locally|by\s+(?:the\s+)?(?:local|individual|each)\b)|"
    r"\b(?:is|are)\s+up\s+to\s+(?:the\s+)?(?:individual|each|local)\b|\bdoes\s+not\s+mandate\b|\bnot\s+mandated\s+nationally\b|"
    r"\bresponsibility\s+(?:must|should|will|would)\s+(?:lie|rest|sit)\s+with\b|\bwould\s+be\s+responsible\s+for\s+ensuring\b|"
    # statutory hand-offs: who administers the law, where the request should go, what lies outside one's control
    r"\badminister(?:s|ed\s+by)\s+(?:the\s+)?(?-i:[A-Z])|\bshould\s+(?:instead\s+)?be\s+(?:made|directed|addressed|referred|"
    r"put)\s+to\s+(?:the\s+)?(?-i:[A-Z])|\boutside\s+(?:of\s+)?the\s+(?:control|remit|gift|scope)\s+of\b|"
    r"\b(?:highway|local|relevant|individual|each)\s+(?:\w+\s+)?(?:authority|authorities|trusts?|boards?|councils?|providers?)"
    r"\b[^.;]{0,60}?\b(?:is|are)\s+responsible\s+for\b|\b(?:may|might)\s+(?:want|wish)\s+to\s+(?:review|consider|look)\b|"
    r"\b(?:does|do)\s+not\s+(?:oversee|have\s+(?:the\s+|any\s+)?(?:power|powers|remit|jurisdiction|responsibility))\b|"
    # federations and regulators: the states' or the operators' responsibility, passing the recommendation on,
    # lacking the power to compel, another body being the one to act
    rf"\b{_SUBNATIONAL}\s+(?:\w+\s+){{0,2}}?(?:are|is|remain|have|has|hold|retain)\s+(?:primarily\s+|principally\s+|"
    r"largely\s+|ultimately\s+)?(?:the\s+)?(?:primary\s+|principal\s+|direct\s+|constitutional\s+)?"
    rf"(?:responsib(?:le|ility|ilities)|jurisdiction)\b|"
    rf"\bresponsibility\s+of\s+(?:the\s+)?(?:relevant\s+|individual\s+)?{_SUBNATIONAL}|"
    r"\b(?:is|are)\s+(?:\w+\s+)?(?:the\s+)?responsibility\s+of\s+(?:the\s+)?(?:individual\s+)?"
    r"(?:operators?|employers?|manufacturers?|owners?)\b|"
    r"\b(?:refer|convey|forward|pass|send|direct)(?:s|red|ed|ing)?\s+(?:on\s+)?(?:this|the|these|any|all|your)\s+"
    r"(?:\S+\s+){0,4}?(?:recommendations?|matters?|issues?|concerns?)\s+(?:\S+\s+){0,2}?to\s+"
    r"(?!be\b|ensure\b|address\b|the\s+attention)|"
    r"\b(?:has|have)\s+(?:limited|no)\s+(?:regulatory\s+|legal\s+|statutory\s+|direct\s+)?(?:power|powers|authority|"
    r"mechanism|jurisdiction)\s+to\s+(?:require|compel|enforce|mandate|direct|ensure)\b|"
    r"\bother\s+(?:authorities|agencies|bodies|organi[sz]ations|parties|jurisdictions)\s+(?:will|would)\s+need\s+to\b|"
    r"\bnot\s+(?:appropriate|the\s+role)\s+for\s+(?:\S+\s+){1,3}?to\s+(?:take|lead|assume)\b|"
    # "is not the authority with the responsibility for", "Maritime NZ is the regulatory body who have the power",
    # "does not have design authority", "make your recommendation to the correct authorities", "forwarded to the
    # FAA for their consideration", "should be dealt with at Government level", "it is the owners responsibility"
    r"\bnot\s+the\s+(?:\w+\s+)?(?:authority|body|agency|organi[sz]ation|regulator)\s+"
    r"(?:with\s+(?:the\s+)?responsibility|responsible|that\s+(?:has|is))\b|"
    r"\bis\s+the\s+(?:regulatory\s+)?(?:body|authority|agency|regulator)\s+(?:who|which|that)\s+(?:has|have)\b|"
    r"\b(?:does|do)\s+not\s+have\s+(?:the\s+|any\s+)?(?:design|regulatory|legal|statutory|constitutional)\s+"
    r"(?:authority|power)|\b(?:make|direct|address|send)\s+(?:your|any)\s+(?:\S+\s+){0,2}?recommendations?\s+"
    r"(?:\S+\s+){0,5}?to\s+(?:the\s+)?(?:correct|appropriate|relevant|responsible|vessel)|"
    r"\bforwarded\s+to\s+[^.;]{0,80}?\bfor\s+"
    r"(?:their|its)\s+(?:consideration|action|attention)|\bshould\s+be\s+dealt\s+with\s+(?:at|by)\b|"
    r"\bit\s+is\s+the\s+\w+['’]?s?\s+responsibility\b|"
    r"\b(?:appropriate|relevant|proper|right)\s+(?:body|agency|organi[sz]ation|authority|forum|party)\s+to\s+"
    r"(?:review|consider|address|progress|act|take|lead|implement|respond)\b|"
    r"\brequire\w*\s+the\s+(?:agreement|cooperation|co-operation|support|consent)\s+of\s+(?:all\s+)?(?:the\s+)?"
    r"(?:states|jurisdictions|state\s+and|other\s+)",
    _I)
#: Waiting on another body ("awaiting the response from the Royal College"): a hand-off only when the
#: responder undertakes nothing itself meanwhile.
WAITING = re.compile(r"\bawait(?:s|ing)?\s+(?:the\s+)?(?:outcome|discussions?|response|decision|views?)\b", _I)
#: The response itself says it agrees ("accepts", "supports", "agrees with the intent").
ACCEPT_WORDS = re.compile(
    r"\b(?:agree[sd]?|accept(?:s|ed)?|support(?:s|ed)?|welcome[sd]?|endorse[sd]?)\b|\bconsiders?\s+(?:these|this|the)\s+"
    r"recommendations?\s+implemented\b", _I)
#: Descriptions of what already exists: laws in force, standing arrangements.
STATUS_QUO = re.compile(
    r"\balready\b|\bcurrently\b|\bexisting\b|\bin\s+place\b|\bprovides?\s+for\b|\brequires?\b|\bguarantees?\b|"
    r"\bstipulates?\b|\bunder\s+the\b|\bin\s+accordance\s+with\b|\bare\s+addressed\b|\bis\s+addressed\b|\bensures?\b|"
    r"\bregularly\b|\broutinely\b|\bhas\s+been\b|\bhave\s+been\b",
    _I)

#: The recommendation asks for money: a costing, funding or resources for what it asks.
FUNDING_ASK = re.compile(
    r"\b(?:fully\s+)?costed\b|\bcostings?\b|\bcost\s+implications\b|"
    r"\bcost\s+(?:potential\s+)?(?:options|the\s+(?:plan|strategy|programme|proposals?|options|measures))\b|"
    r"\b(?:funding|investment|budget|financing)\s+(?:for|to)\b|"
    r"\b(?:additional|more|adequate|sufficient|dedicated|increased|new|extra|appropriate|ring-?fenced|long-term|"
    r"sustainable|state|public|government)\s+(?:funding|resources|resourcing|investment|budget|financial\s+support)\b|"
    r"\b(?:fund|allocate|provide|increase|commit|secure|invest)\s+(?:\S+\s+){0,3}?(?:funding|resources|money|"
    r"budget|finance)\b|\bbe\s+(?:properly\s+|adequately\s+|fully\s+)?(?:funded|resourced)\b|"
    # "fund it through the 2024-25 Budget" (the verb, not "the Fund")
    r"(?<!\bthe\s)\bfund\s+(?:it|this|these|them|the|a|an)\b|"
    r"\b(?:through|in|via|from)\s+(?:(?:the|future|forthcoming|next)\s+){0,2}(?:\d{4}(?:[-–]\d{2,4})?\s+)?budgets?\b",
    _I)
#: The response costs or funds it.
FUNDING_MET = re.compile(
    r"\bcost(?:ed|ings?)\s+(?:at|of)\b|\b(?:funding|budget|investment)\s+of\b|\ballocat(?:ed|ing|ion)\s+(?:of\s+)?"
    r"(?:\S+\s+){0,3}?(?:funding|resources|budget)\b|\bfunded\s+(?:through|by|from|via)\b", _I)
#: The recommendation asks for targets, metrics, measures of outcome or evaluation.
METRICS_ASK = re.compile(
    r"\b(?:set|establish|develop|introduce|include|publish|agree|adopt|define|identify|use|collect|report\s+on|"
    r"with|alongside|including|and|clear|measurable|specific|ambitious|quantified|time-bound|numerical|"
    r"consider\s+what)\s+(?:\S+\s+){0,3}?(?:metrics|targets|indicators|KPIs|benchmarks)\b|"
    r"\b(?:metrics|targets|indicators|KPIs)\s+(?:to|for|that|which)\s+(?:\S+\s+){0,2}?(?:measure|track|monitor|assess|"
    r"show|drive)\b|\bmeasur(?:e|ing|ement\s+of)\s+(?:what\s+matters|outcomes?|progress|impact|performance|success|"
    r"effectiveness)\b|\bmonitor\s+and\s+evaluate\b|\bevaluat(?:e|ion\s+of)\s+(?:the\s+)?(?:impact|effectiveness|"
    r"outcomes?|success|progress)\b|\boutcome\s+measures\b|\bmeasurable\b",
    _I)
#: The response supplies some: a named metric, target or indicator, or a measure of progress.
METRICS_MET = re.compile(
    r"\bmetrics?\b|\btargets?\b|\bindicators?\b|\bKPIs?\b|\bdashboards?\b|\bmeasures?\s+(?:of|to\s+track)\b|"
    r"\bevaluation\s+framework\b|\boutcome\s+measures?\b|\bbaseline\b",
    _I)
#: Metrics still to be chosen ("agreeing the most impactful metrics"): named, not given.
METRICS_PENDING = re.compile(
    r"\b(?:agree|agreeing|develop|developing|identify|identifying|consider|considering|define|defining|"
    r"determine|determining|explore|exploring)\s+(?:\S+\s+){0,4}?(?:metrics|targets|indicators|KPIs|measures)\b", _I)
#: Expectations placed on others ("we expect that local systems will ..."): not the responder's undertaking.
EXPECTATION = re.compile(r"\bexpects?\s+(?:that\s+)?(?!this\b|it\b|to\b)(?:\S+\s+){0,8}?(?:to|will|should)\b|"
                         r"\b(?:is|are)\s+(?:also\s+)?expected\s+to\b|\bthe\s+expectation\s+is\s+that\b", _I)
#: A document described as already drafted ("In developing the Guidelines, ...", "has prepared a draft").
DRAFTED = re.compile(r"\b(?:in\s+developing|in\s+drafting|in\s+preparing|ha(?:s|ve)\s+(?:now\s+)?(?:developed|drafted|"
                     r"prepared|finali[sz]ed|completed))\b", _I)
#: Something done in answer to the recommendation or report, not a standing arrangement.
RESPONSIVE = re.compile(
    r"\b(?:ha(?:s|ve)|had)\s+(?:now\s+|since\s+|recently\s+|also\s+|already\s+)?(?:updated|revised|amended|changed|"
    r"extended|added|reissued|re-issued|circulated|reminded|ratified|taken\s+(?:this|the)\s+opportunity)\b|"
    r"\b(?:was|were|has\s+been|have\s+been)\s+(?:now\s+)?(?:ratified|updated|revised|amended|extended|reissued|"
    r"circulated)\b|\baction\s+has\s+been\s+taken\b|\bin\s+response\s+to\s+(?:your|the|this)\s+(?:report|"
    r"recommendation|inquest|findings)\b|\bsince\s+(?:the|your)\s+(?:report|inquest|accident|incident|investigation)\b|"
    # work begun on the recommendation is a step taken, not a standing arrangement
    r"\b(?:ha(?:s|ve)|had)\s+(?:now\s+|already\s+|recently\s+)?(?:commenced|started|begun|initiated)\b|"
    r"\bwork\s+(?:is|has)\s+(?:already\s+|now\s+)?(?:underway|under\s+way|commenced|started|begun)\b|"
    r"\b(?:in\s+the\s+process\s+of|currently)\s+(?:implementation|implementing)\b",
    _I)
#: A reply that only points elsewhere ("See response to recommendation 3.").
CROSS_REFERENCE = re.compile(
    r"^\W*(?:please\s+)?(?:see|refer\s+to|as\s+(?:per|for|set\s+out\s+in))\s+(?:the\s+)?(?:\S+\s+){0,6}?"
    r"(?:recommendations?|rec\.?)\s+[\w./-]+\W*$", _I)

#: Words that place a timing on the calendar without digits ("by next March", "end of the financial year").
CALENDAR_WORD = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:spring|summer|autumn|fall|winter|"
    r"year|month|week|quarter|day|today|tomorrow|christmas|easter)s?\b", re.IGNORECASE)
#: Timing that names no date ("in due course", "next spending review", "near-term").
VAGUE_TIMING = re.compile(r"\bdue\s+course\b|\bshortly\b|\bsoon\b|\blater\b|\beventually\b|\bcoming\s+(?:months|weeks|"
                           r"year)\b|\bfuture\b|\bas\s+(?:quickly|soon)\s+as\s+possible\b|\bnext\s+(?:\w+\s+)?spending\s+"
                           r"review\b|\bforthcoming\b|\btimely\b|\bover\s+time\b|\bnear(?:-|\s+)\w*\s*term\b", re.IGNORECASE)


def is_formula(text: str) -> bool:
    """True for courtesy and correspondence sentences, which promise nothing on the recommendation."""
    return bool(COURTESY.search(text) or CORRESPONDENCE.search(text))
