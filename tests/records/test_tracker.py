"""The tracker page format of the seed."""

import pytest

from respassess.errors import RecordError
from respassess.records import looks_like_tracker_page, parse_tracker_page, read_records
from tests.conftest import FIXTURES, shared_path


def test_seed_tracker_page_matches_the_seed_record():
    text = shared_path("seed", "uk-pac-rec7-send.txt").read_text(encoding="utf-8")
    assert looks_like_tracker_page(text)
    rec = parse_tracker_page(text)
    (seed,) = read_records(FIXTURES / "uk_pac_seed.jsonl")
    assert rec.recommendation == seed.recommendation
    assert rec.response == seed.response
    assert rec.official_status == "Acknowledged"
    assert rec.meta["rec_number"] == "7"


def test_not_a_tracker_page():
    with pytest.raises(RecordError, match="not a tracker page"):
        parse_tracker_page("Recommendation 1\nSomething else entirely.")
