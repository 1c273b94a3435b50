"""The page's view model: nesting highlights and the notes shown on hover and focus."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from respassess.web.view import Mark, amount_note, commitment_note, date_note, nest_marks, result_view


def _leaves(nodes):
    for n in nodes:
        if n.mark is None:
            yield n.text
        else:
            yield from _leaves(n.children)


def _marks(nodes, depth=0):
    for n in nodes:
        if n.mark is not None:
            yield depth, n
            yield from _marks(n.children, depth + 1)


@st.composite
def texts_and_layers(draw):
    text = draw(st.text(min_size=0, max_size=60))
    layers = []
    for kind in ("evidence", "commitment", "date"):
        spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=4))
        layers.append([Mark(min(a, b), max(a, b), kind=kind, note=kind) for a, b in spans if a != b])
    return text, layers


@given(texts_and_layers())
def test_nesting_keeps_every_character_once_and_in_order(case):
    text, layers = case
    nodes = nest_marks(text, layers)
    assert "".join(_leaves(nodes)) == text
    ids = [n.tip_id for _, n in _marks(nodes)]
    assert len(ids) == len(set(ids))


def test_a_date_inside_a_commitment_inside_evidence_nests_in_that_order():
    text = "We agree. The Government will publish it by March 2025. Done."
    s = text.index("The Government")
    c = text.index("will publish")
    d = text.index("March 2025")
    nodes = nest_marks(text, [[Mark(s, text.index(" Done"), "evidence")],
                              [Mark(c, d + 10, "commitment", note="c")], [Mark(d, d + 10, "date", note="d")]])
    found = [(depth, n.mark.kind, text[n.mark.start:n.mark.end]) for depth, n in _marks(nodes)]
    assert found == [(0, "evidence", "The Government will publish it by March 2025."),
                     (1, "commitment", "will publish it by March 2025"), (2, "date", "March 2025")]


def test_a_mark_crossing_an_outer_edge_is_cut_into_pieces():
    text = "First sentence here. Second one there."
    cross = Mark(6, 28, "commitment", note="c")
    nodes = nest_marks(text, [[Mark(0, 20, "evidence")], [cross]])
    pieces = [n for _, n in _marks(nodes) if n.mark is cross]
    assert [(p.first, p.last) for p in pieces] == [(True, False), (False, True)]
    assert "".join(_leaves(nodes)) == text


def test_overlapping_marks_of_one_layer_keep_the_earlier():
    text = "almost £1 billion and more"
    nodes = nest_marks(text, [[Mark(0, 17, "amount"), Mark(7, 26, "amount")]])
    spans = [text[n.mark.start:n.mark.end] for _, n in _marks(nodes) if n.first]
    assert spans == ["almost £1 billion"]
    assert "".join(_leaves(nodes)) == text


def test_notes_give_the_normalised_values():
    assert date_note({"value": "2023-12", "granularity": "month", "role": "past",
                      "interval": ["2023-12-01", "2023-12-31"]}) == \
        "Date: 2023-12 · precision month · role past · from 2023-12-01 to 2023-12-31"
    assert "not resolved" in date_note({"value": None, "granularity": "vague", "vague": True, "relative": True,
                                        "resolved": False})
    assert amount_note({"value": 1e9, "currency": "GBP", "approx": "below"}) == \
        "Amount: GBP 1,000,000,000 (£1 billion) · just under this"
    assert amount_note({"value": 2.5e6, "currency": "AUD", "currency_assumed": True, "period": "per year"}) == \
        "Amount: AUD 2,500,000 (A$2.5 million) · period: per year · currency assumed from the jurisdiction"
    assert commitment_note({"strength": "firm", "actor": "The Department", "deadline": "March 2026"}) == \
        "Commitment: firm · actor: The Department · deadline: March 2026"
    assert commitment_note({"strength": "vague", "conditional": True}).endswith("no deadline · conditional")


def test_offsets_that_do_not_match_fall_back_to_the_quoted_text():
    response = "The Government agrees. It will act in 2025."
    view = result_view({"stance": "accepted", "asks": [], "dates": [{"text": "2025", "start": 0, "end": 4}],
                        "gaps": ["no_funding"]}, recommendation="Act.", response=response)
    dates = [n for _, n in _marks(view["response_nodes"]) if n.mark.kind == "date"]
    assert [(response[d.mark.start:d.mark.end]) for d in dates] == ["2025"]
    assert view["gaps"][0]["title"] == "No funding or costing" and view["gaps"][0]["kind"] == "no_funding"


def test_evidence_shared_by_two_asks_is_one_highlight_naming_both(assessor, seed):
    from respassess import record_from_strings

    data = assessor.assess(record_from_strings(seed["recommendation"], seed["response"])).to_dict()
    view = result_view(data, recommendation=seed["recommendation"], response=seed["response"])
    evidence = [n.mark for _, n in _marks(view["response_nodes"]) if n.mark.kind == "evidence" and n.first]
    cited = {(ev["start"], ask["index"]) for ask in data["asks"] for ev in ask["evidence"]}
    assert {(m.start, r["ask"] - 1) for m in evidence for r in m.refs} == cited
    assert len({m.start for m in evidence}) == len(evidence)
    assert [ask["label_title"] for ask in view["asks"]] == [ask["label"].capitalize() for ask in data["asks"]]


@given(st.text(alphabet=st.sampled_from(list("ab .:\n•1)Ax")), max_size=200))
def test_reflow_keeps_length_and_changes_only_newlines(text):
    from respassess.web.view import reflow_lines

    out = reflow_lines(text)
    assert len(out) == len(text)
    assert all(o == t or (t == "\n" and o == " ") for o, t in zip(out, text))


def test_reflow_joins_a_pdf_paragraph_but_keeps_headings_and_list_items():
    from respassess.web.view import reflow_lines

    text = ("Government response\n"
                          "The government supports the recommendation that ICSs should provide a leadership\n"
                          "role in bringing together the healthcare sector and facilitating the sharing of good\n"
                          "practice.\n"
                          "• a first list item that is long enough to be joined if it were not a list\n"
                          "• a second\n\nNext paragraph.")
    assert reflow_lines(text) == text.replace("leadership\nrole", "leadership role").replace(
        "good\npractice", "good practice")
