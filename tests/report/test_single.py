"""One assessment as HTML and Markdown (respassess.report.single)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from respassess.report.single import (highlight_segments, render_assessment_html, render_assessment_markdown,
                                      stance_note)

RESPONSE = 'The Government agrees. <script>alert("x")</script> It will publish the plan by March 2025 & fund it.'


def _assessment(**extra):
    start = RESPONSE.index("It will publish")
    date_start = RESPONSE.index("March 2025")
    a = {"id": "rec-<b>1</b>", "stance": "accepted", "stance_confidence": 0.9, "official_status": "Noted",
         "official_stance": "noted", "stance_mismatch": True, "coverage": 1.0,
         "asks": [{"index": 0, "text": "publish a plan", "start": 21, "end": 35, "label": "addressed", "score": 1.0,
                   "reason": "firm & dated",
                   "evidence": [{"text": RESPONSE[start:], "start": start, "end": len(RESPONSE)}]}],
         "commitments": [{"text": "It will publish the plan by March 2025", "start": start, "end": start + 38,
                          "actor": "It", "strength": "firm", "deadline": "by March 2025"}],
         "dates": [{"text": "March 2025", "start": date_start, "end": date_start + 10, "value": "2025-03",
                    "role": "deadline", "vague": False}],
         "amounts": [], "gaps": [{"kind": "hedged", "message": "Says <maybe>.", "evidence": []}],
         "meta": {"jurisdiction": "United Kingdom"}, "warnings": [], "config_id": "abc"}
    a.update(extra)
    return a


def test_html_escapes_everything_and_highlights_by_offsets():
    html = render_assessment_html(_assessment(), recommendation="The Government should publish a plan <now>.",
                                  response=RESPONSE)
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "rec-&lt;b&gt;1&lt;/b&gt;" in html and "Says &lt;maybe&gt;." in html and "&amp; fund it" in html
    dates = re.findall(r'<mark class="([^"]*m-date[^"]*)" title="[^"]*">([^<]*)</mark>', html)
    assert dates == [("m-commitment m-date m-evidence", "March 2025")]
    assert "publish a plan</mark>" in html  # the ask highlighted in the recommendation
    assert "src=\"http" not in html and "href=\"http" not in html
    assert "official label" in html and "Note:" in html


def test_markdown_escapes_html_and_lists_findings():
    md = render_assessment_markdown(_assessment(), response=RESPONSE)
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "**addressed** — publish a plan" in md
    assert "- [firm] It will publish the plan by March 2025" in md
    assert "March 2025 → 2025-03 (deadline)" in md
    assert "**hedged**: Says &lt;maybe&gt;." in md
    assert "> Note: The official label 'Noted' reads as noted, but the text reads as accepted." in md


def test_stance_note_only_when_labels_disagree():
    assert stance_note(_assessment(stance_mismatch=False, official_stance="accepted")) is None
    assert stance_note(_assessment(stance_mismatch=False, official_stance=None)) is None
    assert "reads as noted" in stance_note(_assessment())


def test_highlight_falls_back_to_search_when_offsets_are_wrong():
    segs = highlight_segments("abc def ghi", [({"text": "def", "start": 0, "end": 3}, "m-date"),
                                              ({"text": "zzz", "start": 0, "end": 3}, "m-amount")])
    assert [(s["text"], s["classes"]) for s in segs] == [("abc ", []), ("def", ["m-date"]), (" ghi", [])]


def test_real_record_renders(gold_assessments, record_texts):
    a = next(x for x in gold_assessments if x["id"] == "uk-pac-send-r7")
    rec = record_texts[a["id"]]
    html = render_assessment_html(a, recommendation=rec["recommendation"], response=rec["response"])
    assert ">almost £1 billion</mark>" in html and ">fully costed</mark>" in html
    md = render_assessment_markdown(a, response=rec["response"])
    assert "almost £1 billion → 1,000,000,000 GBP (below)" in md


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=40), st.lists(st.tuples(st.integers(-2, 45), st.integers(-2, 45)), max_size=5))
def test_segments_always_cover_the_text_exactly(text, offsets):
    spans = [({"start": a, "end": b, "text": text[a:b] if 0 <= a < b <= len(text) else "x"}, "m-ask")
             for a, b in offsets]
    assert "".join(s["text"] for s in highlight_segments(text, spans)) == text


def test_a_gap_shows_its_measured_confidence_when_it_has_one():
    gaps = [{"kind": "hedged", "message": "Says maybe.", "evidence": [], "confidence": 0.8125},
            {"kind": "rejected", "message": "Declines.", "evidence": []}]
    md = render_assessment_markdown(_assessment(gaps=gaps), response=RESPONSE)
    assert "**hedged**: Says maybe. (flags of this kind were right 81% of the time on development records)" in md
    assert "**rejected**: Declines.\n" in md + "\n"
    html = render_assessment_html(_assessment(gaps=gaps), recommendation="Publish a plan.", response=RESPONSE)
    assert "right 81 % of the time" in html and html.count("of the time on development records") == 1
