"""Plan.what_if: the scores as if key results had reported values, nothing changed."""

from __future__ import annotations

import pytest

import okr
from conftest import EXAMPLE

AS_OF = "2026-11-15"


@pytest.fixture(scope="module")
def plan() -> okr.Plan:
    return okr.load(EXAMPLE)


def test_what_if_lists_what_moves_up_the_alignment(plan: okr.Plan) -> None:
    answer = plan.what_if({"arr": 12.5, "pg16": True}, as_of=AS_OF)
    assert [c["id"] for c in answer.changes] == ["acme-grow", "arr", "platform-speed", "pg16"]
    arr = answer.changes[1]
    assert arr["kind"] == "key_result"
    assert (arr["progress_before"], arr["progress_after"]) == (pytest.approx(0.4), 1.0)
    assert (arr["status_before"], arr["status_after"]) == ("behind", "done")
    assert answer.supposed == [
        {"key_result": "arr", "value": 12.5},
        {"key_result": "pg16", "value": True},
    ]
    assert answer.scorecard.key_result("arr").progress == 1.0
    # The plan itself is as it was.
    assert plan.score(as_of=AS_OF).key_result("arr").progress == pytest.approx(0.4)


def test_text_values_are_read_as_the_command_line_reads_them(plan: okr.Plan) -> None:
    typed = plan.what_if({"pg16": True}, as_of=AS_OF).to_dict()
    text = plan.what_if({"pg16": "done"}, as_of=AS_OF).to_dict()
    assert typed == text
    assert plan.what_if({"onboarding-revamp": ["research", "design", "ship"]}, as_of=AS_OF).changes


def test_what_cannot_be_supposed_raises_a_typed_error(plan: okr.Plan) -> None:
    with pytest.raises(okr.NotFoundError):
        plan.what_if({"nope": 3}, as_of=AS_OF)
    with pytest.raises(okr.InvalidArgumentError, match="aggregate"):
        plan.what_if({"new-logos": 30}, as_of=AS_OF)
    with pytest.raises(okr.InvalidArgumentError, match="true or false"):
        plan.what_if({"pg16": "maybe"}, as_of=AS_OF)
    with pytest.raises(okr.InvalidArgumentError, match="not an object"):
        plan.what_if({"arr": {}}, as_of=AS_OF)  # type: ignore[dict-item]
