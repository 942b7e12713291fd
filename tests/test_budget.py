"""The budget format: budget year and overslagsår by stream and styringsområde, hand-computed.

Case: budget year 2026, start July, 48 months (July 2026 - June 2030), so the columns are 2026,
2027, 2028, 2029 and "later" (January - June 2030). 10 spouse-supported people in the programme,
nobody extra in a job, 10 Danish tests passed in month 18 (December 2027). Costs: 1 staff member
at 600.000 kr. a year for 24 months (July 2026 - June 2028: 6, 12 and 6 months of 50.000 kr.),
offers at 1.000 kr. per participant-month for 3 months (10 x 3 x 1.000 = 30.000 kr. in 2026), a
one-off 50.000 kr. (month 1) and a pool grant of 200.000 kr. (month 1).

- personale: -300.000 | -600.000 | -300.000 | 0 | 0
- engangsudgift: -50.000 in 2026; tilbud: -30.000 in 2026
- resultattilskud: 10 x 42.257 (the 2027 Danish-test grant) = 422.570 in 2027
- service (personale, engangsudgift; 6.45.53): -350.000 | -600.000 | -300.000 | 0 | 0
- overførsler (tilbud 5.68.90, resultattilskud 5.46.60): -30.000 | 422.570 | 0 | 0 | 0
- net: -380.000 | -177.430 | -300.000 | 0 | 0; with the pool grant: -180.000 in 2026
"""

from __future__ import annotations

import pytest

from calculator import Scenario, calculate
from calculator.data.budget_areas import budget_areas
from calculator.results.budget import LATER, budget_table

CASE = {
    "name": "Budget", "municipality": "Aarhus", "budget_year": 2026, "start_month": 7, "horizon_months": 48,
    "cohorts": [{"name": "A", "type": "aegtefaelleforsoerget", "size": 10, "danish_test_passes": 10, "danish_test_month": 18,
                 "effect": {"form": "ekstra_i_job", "extra_people": 0}}],
    "costs": {"staff_fte": 1, "staff_cost_per_fte_year": 600_000, "staff_months": 24, "offer_cost_per_participant_month": 1000,
              "offer_months": 3, "one_off": 50_000, "external_funding": 200_000},
}


@pytest.fixture(scope="module")
def table():
    return budget_table(calculate(Scenario.model_validate(CASE)))


def test_columns_are_the_budget_year_the_overslagsaar_and_later(table):
    assert table.columns == [2026, 2027, 2028, 2029, LATER]


def test_each_stream_by_year(table):
    assert table.streams["personale"] == pytest.approx([-300_000, -600_000, -300_000, 0, 0])
    assert table.streams["engangsudgift"] == pytest.approx([-50_000, 0, 0, 0, 0])
    assert table.streams["tilbud"] == pytest.approx([-30_000, 0, 0, 0, 0])
    assert table.streams["resultattilskud"] == pytest.approx([0, 422_570, 0, 0, 0])


def test_each_styringsomraade_and_the_net(table):
    assert table.areas["service"] == pytest.approx([-350_000, -600_000, -300_000, 0, 0])
    assert table.areas["overfoersler"] == pytest.approx([-30_000, 422_570, 0, 0, 0])
    assert table.areas["finansiering"] == pytest.approx([0, 0, 0, 0, 0])
    assert table.net == pytest.approx([-380_000, -177_430, -300_000, 0, 0])
    assert table.funding == pytest.approx([200_000, 0, 0, 0, 0])
    assert sum(table.net) == pytest.approx(calculate(Scenario.model_validate(CASE)).summary.net)


def test_a_short_horizon_has_no_later_column():
    short = budget_table(calculate(Scenario.model_validate({**CASE, "start_month": 1, "horizon_months": 24})))
    assert short.columns == [2026, 2027]


def test_udligning_not_counted_stays_out_of_the_areas_and_the_net():
    data = {**CASE, "options": {"udligning": False},
            "cohorts": [{"name": "A", "type": "aegtefaelleforsoerget", "size": 10,
                         "effect": {"form": "ekstra_i_job", "extra_people": 5, "from_month": 1, "duration_months": 48}}]}
    b = budget_table(calculate(Scenario.model_validate(data)))
    assert not b.counted["udligning"] and any(abs(v) > 0 for v in b.streams["udligning"])
    assert b.areas["finansiering"] == pytest.approx(b.streams["kommuneskat"])  # tax before udligning only
    assert b.tax_after == pytest.approx([t + u for t, u in zip(b.streams["kommuneskat"], b.streams["udligning"])])


def test_bookings_follow_the_konteringsvejledning():
    # STAR's budget- og konteringsvejledning: offers (5.68.90), wage subsidy (5.68.94) and result grants
    # (5.46.60) are transfers under the budget guarantee; only the jobcentre's own staff (6.45.53) is service.
    streams = budget_areas().streams
    assert {s: streams[s].area for s in ("personale", "tilbud", "loentilskud", "ydelse", "resultattilskud", "kommuneskat")} == {
        "personale": "service", "tilbud": "overfoersler", "loentilskud": "overfoersler", "ydelse": "overfoersler",
        "resultattilskud": "overfoersler", "kommuneskat": "finansiering"}
    assert streams["tilbud"].function == "5.68.90" and streams["personale"].function == "6.45.53"
