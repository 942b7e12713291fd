"""Result grants (resultattilskud, integrationsloven § 45; BEK 1591/2017 § 11), checked by hand.

Rule (DOMAIN.md §4): one-off per person for an ordinary job lasting at least 6 continuous months
at ≥ 20 hours a week; 88,817 kr. if the job starts within the first 3 programme years, 59,210 kr.
in years 4-5, nothing after year 5; paid in the month the 6-month condition is met (a job from
month m is 6 months old at the end of month m + 5). A passed Danish test earns 37,895 kr.
The state pays the grant (state flow = - municipal flow). Only the programme share counts.
Amounts: defaults/parameters/resultattilskud (2025 entries: 88,817 / 59,210 / 37,895).
"""

from __future__ import annotations

import pytest

from calculator import calculate

HIGH, LOW, TEST = 88_817, 59_210, 37_895


def _grants(make_scenario, stream_of, horizon=24, **cohort):
    base = {"programme_share": 1.0, "programme_year": 1,
            "effect": {"form": "ekstra_i_job", "extra_people": 2, "from_month": 3, "duration_months": 6}}
    base.update(cohort)
    r = calculate(make_scenario(cohort=base, horizon_months=horizon))
    return stream_of(r, "resultattilskud"), stream_of(r, "resultattilskud", "stat")


def _only(month: int, amount: float, horizon: int = 24) -> list[float]:
    out = [0.0] * horizon
    out[month - 1] = amount
    return out


def test_paid_in_sixth_month_of_a_six_month_job(make_scenario, stream_of):
    # 2 people, job from month 3 for 6 months, 37 h: paid in month 3 + 5 = 8, 2 x 88,817 = 177,634
    kommune, stat = _grants(make_scenario, stream_of)
    assert kommune == pytest.approx(_only(8, 177_634), abs=1e-9)
    # the state pays the same amount
    assert stat == pytest.approx(_only(8, -177_634), abs=1e-9)


def test_not_paid_for_a_five_month_job(make_scenario, stream_of):
    # 5 months < 6: no grant at all
    kommune, _ = _grants(make_scenario, stream_of,
                         effect={"form": "ekstra_i_job", "extra_people": 2, "from_month": 3, "duration_months": 5})
    assert kommune == pytest.approx([0.0] * 24, abs=0)


def test_not_paid_at_15_hours(make_scenario, stream_of):
    # 15 h/week < 20: no grant, however long the job
    kommune, _ = _grants(make_scenario, stream_of, hours_per_week=15,
                         effect={"form": "ekstra_i_job", "extra_people": 2, "from_month": 3, "duration_months": 12})
    assert kommune == pytest.approx([0.0] * 24, abs=0)


def test_paid_at_exactly_20_hours(make_scenario, stream_of):
    # the threshold is "at least 20": 20 h qualifies -> 2 x 88,817 in month 8
    kommune, _ = _grants(make_scenario, stream_of, hours_per_week=20)
    assert kommune == pytest.approx(_only(8, 177_634), abs=1e-9)


def test_longer_job_is_paid_once(make_scenario, stream_of):
    # a 12-month job from month 3 is still one grant, in month 8
    kommune, _ = _grants(make_scenario, stream_of,
                         effect={"form": "ekstra_i_job", "extra_people": 2, "from_month": 3, "duration_months": 12})
    assert kommune == pytest.approx(_only(8, 177_634), abs=1e-9)


def test_no_grant_if_sixth_month_is_past_the_horizon(make_scenario, stream_of):
    # job from month 8 qualifies in month 13 > horizon 12: nothing within the horizon
    kommune, _ = _grants(make_scenario, stream_of, horizon=12,
                         effect={"form": "ekstra_i_job", "extra_people": 2, "from_month": 8, "duration_months": 6})
    assert kommune == pytest.approx([0.0] * 12, abs=0)


def test_lower_amount_in_programme_years_4_and_5(make_scenario, stream_of):
    # programme year 4: 2 x 59,210 = 118,420 in month 8
    kommune, stat = _grants(make_scenario, stream_of, programme_year=4)
    assert kommune == pytest.approx(_only(8, 118_420), abs=1e-9)
    assert stat == pytest.approx(_only(8, -118_420), abs=1e-9)


def test_high_amount_ends_after_36_programme_months(make_scenario, stream_of):
    # programme year 3 at month 1 = 24 programme months behind.
    # Job from month 12: started 24 + 11 = 35 months in (< 36, year 3) -> high, paid in month 17.
    kommune, _ = _grants(make_scenario, stream_of, programme_year=3,
                         effect={"form": "ekstra_i_job", "extra_people": 2, "from_month": 12, "duration_months": 6})
    assert kommune == pytest.approx(_only(17, 2 * HIGH), abs=1e-9)
    # Job from month 13: started 36 months in (year 4) -> low, paid in month 18: 2 x 59,210
    kommune, _ = _grants(make_scenario, stream_of, programme_year=3,
                         effect={"form": "ekstra_i_job", "extra_people": 2, "from_month": 13, "duration_months": 6})
    assert kommune == pytest.approx(_only(18, 2 * LOW), abs=1e-9)


def test_no_grant_beyond_year_5(make_scenario, stream_of):
    # programme year 5 at month 1 = 48 months behind.
    # Job from month 12: 48 + 11 = 59 months in (< 60, year 5) -> low amount in month 17
    kommune, _ = _grants(make_scenario, stream_of, programme_year=5,
                         effect={"form": "ekstra_i_job", "extra_people": 2, "from_month": 12, "duration_months": 6})
    assert kommune == pytest.approx(_only(17, 2 * LOW), abs=1e-9)
    # Job from month 13: 60 months in, past the 5-year window -> nothing
    kommune, _ = _grants(make_scenario, stream_of, programme_year=5,
                         effect={"form": "ekstra_i_job", "extra_people": 2, "from_month": 13, "duration_months": 6})
    assert kommune == pytest.approx([0.0] * 24, abs=0)


def test_programme_share_scales_the_grant(make_scenario, stream_of):
    # only a quarter of the cohort is inside the programme: 0.25 x 2 x 88,817 = 44,408.50
    kommune, stat = _grants(make_scenario, stream_of, programme_share=0.25)
    assert kommune == pytest.approx(_only(8, 44_408.50), abs=1e-9)
    assert stat == pytest.approx(_only(8, -44_408.50), abs=1e-9)


def test_outside_programme_no_grant(make_scenario, stream_of):
    # programme_share 0 (e.g. activity-ready recipients who arrived > 5 years ago): nothing
    kommune, _ = _grants(make_scenario, stream_of, programme_share=0.0, danish_test_passes=3)
    assert kommune == pytest.approx([0.0] * 24, abs=0)


def test_danish_test_grant(make_scenario, stream_of):
    # 3 extra Danish tests in month 12, no extra jobs: 3 x 37,895 = 113,685 in month 12
    kommune, stat = _grants(make_scenario, stream_of, danish_test_passes=3, danish_test_month=12,
                            effect={"form": "ekstra_i_job", "extra_people": 0})
    assert kommune == pytest.approx(_only(12, 113_685), abs=1e-9)
    assert stat == pytest.approx(_only(12, -113_685), abs=1e-9)


def test_cohort_type_default_programme_share(make_scenario, stream_of):
    # spouse-supported default programme_share is 1 (DOMAIN §2 "yes, if inside the window"),
    # activity-ready default is 0 ("usually not").
    r = calculate(make_scenario(cohort={"programme_share": None}, horizon_months=12))
    assert stream_of(r, "resultattilskud").sum() == pytest.approx(HIGH, abs=1e-9)  # 1 person x 88,817 in month 6
    r = calculate(make_scenario(cohort={"programme_share": None, "type": "aktivitetsparat", "benefit": None},
                                horizon_months=12))
    assert stream_of(r, "resultattilskud").sum() == 0.0
