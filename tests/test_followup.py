"""Follow-up: periods, the actuals file and its Danish messages, the plan per period, the gap and the re-forecast.

Expected values are worked out by hand in the comments. The test scenario (``_scenario``) is the
worked tax check of DOMAIN.md: a spouse-supported person in a full-time job at 139.85 kr./h, 37
h/week, in 2025, pays 25.068 % x 212,444.19 = 53,255.51 kr. of kommuneskat a year (see
tests/test_model_tax.py), 4,437.96 kr. a month; the headline is before udligning, so that tax is
the only gain. Costs: 1 FTE at 600,000 kr. a year = 50,000 kr. a month, 150,000 kr. a quarter.
"""

from __future__ import annotations

import datetime as dt

import pytest

from calculator.followup import (
    ActualInput,
    Period,
    follow_up,
    horizon_periods,
    make_plan,
    parse_actuals,
    parse_baseline,
    parse_period,
)
from calculator.followup.template import template_csv, template_xlsx

HEADER = "periode;deltagere_startet;personer_i_job;personer_ude_af_ydelse;udgifter_kr"
TAX_YEAR = 53_255.51  # one person, full time, 2025 (DOMAIN.md worked check)


def _scenario(make_scenario, effect=None, **kw):
    return make_scenario(
        municipal_tax_rate=0.25068, discount_rate=0.0, options={"udligning": False},
        cohort={"effect": effect or {"form": "ekstra_i_job", "extra_people": 4, "from_month": 1, "duration_months": 12}},
        costs={"staff_fte": 1, "staff_cost_per_fte_year": 600_000}, **kw,
    )


def _q(year: int, q: int) -> Period:
    return Period(year, q, "quarter")


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03", Period(2026, 3, "month")), ("2026-3", Period(2026, 3, "month")), ("03.2026", Period(2026, 3, "month")),
    ("3/2026", Period(2026, 3, "month")), ("2026-K1", _q(2026, 1)), ("2026K4", _q(2026, 4)), ("k2 2026", _q(2026, 2)),
    ("2026-Q3", _q(2026, 3)), (dt.datetime(2026, 5, 1), Period(2026, 5, "month")),
    ("2026-13", None), ("2026-K5", None), ("marts", None), ("", None),
])
def test_periods_are_read_in_the_usual_spellings(text, expected):
    assert parse_period(text) == expected


def test_a_quarter_cut_by_the_horizon_covers_only_its_months_inside():
    # Start February 2026, 12 months: Feb 2026 .. Jan 2027. Q1 2026 holds Feb and Mar (0-based months 0, 1);
    # Q1 2027 holds January 2027 (month 11); Q2 2027 is outside.
    start = dt.date(2026, 2, 1)
    assert _q(2026, 1).horizon_months(start, 12) == [0, 1]
    assert _q(2027, 1).horizon_months(start, 12) == [11]
    assert _q(2027, 2).horizon_months(start, 12) == []
    assert [p.label for p in horizon_periods(start, 12, "quarter")] == ["2026-K1", "2026-K2", "2026-K3", "2026-K4", "2027-K1"]


# ---------------------------------------------------------------- the actuals file

def test_danish_numbers_and_both_file_kinds_are_read(make_scenario):
    sc = _scenario(make_scenario)
    csv = f"{HEADER}\n2025-K1;10;3;;1.234,5\n2025-K2;;4;;150.000 kr.\n".encode()
    parsed = parse_actuals(csv, "tal.csv", sc.start_date, sc.horizon_months)
    assert parsed.ok and parsed.kind == "quarter"
    assert parsed.rows == [ActualInput(_q(2025, 1), 10.0, 3.0, None, 1234.5), ActualInput(_q(2025, 2), None, 4.0, None, 150_000.0)]
    # The Excel template, filled in with openpyxl (numbers as numbers, one as Danish text), reads the same.
    import io

    import openpyxl
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(sc, "quarter")))
    sheet = book["Faktiske tal"]
    assert [c.value for c in sheet[1]] == HEADER.split(";") and sheet["A2"].value == "2025-K1"
    sheet["B2"], sheet["C2"], sheet["E2"] = 10, 3, "1.234,5"
    sheet["C3"], sheet["E3"] = 4, 150000
    out = io.BytesIO()
    book.save(out)
    assert parse_actuals(out.getvalue(), "tal.xlsx", sc.start_date, sc.horizon_months).rows == parsed.rows


def test_each_bad_row_gets_one_danish_line(make_scenario):
    sc = _scenario(make_scenario)  # 2025, 12 months: quarters 2025-K1 .. 2025-K4
    csv = "\n".join([
        HEADER,
        "2025-K1;10;-3;;100.000",  # row 2: a negative count
        "2026-K2;;1;;",  # row 3: outside the horizon
        "2025-K1;12.5;x;;",  # row 4: twice, a number in English format, not a number
        "2025-05;1;;;",  # row 5: a month among quarters
        ";;;;",  # row 6: empty, skipped
        "2025-K3;;;;",  # row 7: not filled in yet, left out
        "foråret;1;;;",  # row 8: no period to read
        "2025-K4;;;;",  # row 9: not filled in yet, left out
        "2025-K4;;5;;",  # row 10: fine (row 9 does not count as the same period twice)
    ]).encode()
    parsed = parse_actuals(csv, "tal.csv", sc.start_date, sc.horizon_months)
    assert not parsed.ok
    assert parsed.lines() == [
        "Række 2: personer_i_job: '-3' er negativt; et antal personer kan ikke være under 0.",
        "Række 3: perioden 2026-K2 ligger uden for scenariets tidshorisont (2025-K1 til 2025-K4).",
        "Række 4: perioden 2025-K1 står også i række 2; deltagere_startet: '12.5' er ikke et tal (mente du 12,5? Skriv decimaler med komma); personer_i_job: 'x' er ikke et tal.",
        "Række 5: perioden 2025-05 er en anden slags end de andre rækker, som er pr. kvartal.",
        "Række 8: perioden 'foråret' kan ikke læses (skriv en måned som 2026-03 eller et kvartal som 2026-K1).",
    ]


def test_wrong_columns_are_named(make_scenario):
    sc = _scenario(make_scenario)
    parsed = parse_actuals(b"periode,deltagere,personer_i_job\n2025-K1,1,2\n", "tal.csv", sc.start_date, sc.horizon_months)
    assert parsed.lines() == [
        "Række 1: kolonnen mangler: deltagere_startet, personer_ude_af_ydelse, udgifter_kr; ukendt kolonne: deltagere; "
        "skabelonens kolonner er periode, deltagere_startet, personer_i_job, personer_ude_af_ydelse, udgifter_kr."]
    assert parse_actuals(b"x", "tal.pdf", sc.start_date, 12).lines() == ["Filen tal.pdf er hverken CSV eller Excel (.csv eller .xlsx)."]
    english = parse_actuals(b"period,participants_started,in_ordinary_jobs,off_benefit,costs_spent\n2025-03,1,0,0,0\n", "t.csv",
                            sc.start_date, 12)
    assert english.ok and english.kind == "month"  # the English codes are accepted as headers too


def test_the_csv_template_lists_every_period_of_the_horizon(make_scenario):
    text = template_csv(_scenario(make_scenario), "quarter").decode("utf-8-sig").splitlines()
    assert text == [HEADER, "2025-K1;;;;", "2025-K2;;;;", "2025-K3;;;;", "2025-K4;;;;"]


# ---------------------------------------------------------------- the plan

def test_plan_per_quarter_with_a_stored_baseline(make_scenario):
    sc = _scenario(make_scenario)
    # Baseline: 20 % of the 10 in a job by month 12, nobody leaving: s(n) = 1 - 0.8^(n/12);
    # quarter ends n = 3, 6, 9, 12: 0.054258, 0.105573, 0.154103, 0.2 -> x 10 people.
    plan = make_plan(sc, parse_baseline({"cohorts": {"A": {"share": 0.2, "by_month": 12, "exit_rate": 0.0}}}))
    quarters = horizon_periods(sc.start_date, 12, "quarter")
    measures = [plan.measures(q) for q in quarters]
    assert [m["participants_started"] for m in measures] == [10, 0, 0, 0]  # everyone starts in month 1
    # gross = baseline + the 4 extra people in a job all year
    assert [m["in_ordinary_jobs"] for m in measures] == pytest.approx([4.54258, 5.05573, 5.54103, 6.0], abs=1e-5)
    assert [m["costs_spent"] for m in measures] == pytest.approx([150_000] * 4)
    assert all(m["off_benefit"] is None for m in measures)  # spouse-supported: never on a benefit


def test_plan_of_the_share_form_uses_its_own_baseline(make_scenario):
    # 10 people (the test cohort), 30 % with vs 10 % without by month 12, no exits, no delay: at month 6
    # with = 1 - 0.7^(6/12) = 0.163340, without = 1 - 0.9^(6/12) = 0.051317 -> 1.6334 gross, 0.5132 baseline.
    sc = _scenario(make_scenario, effect={"form": "andel_i_job", "share_with": 0.3, "share_without": 0.1, "by_month": 12,
                                          "exit_rate": 0.0})
    plan = make_plan(sc)
    q2 = _q(2025, 2)
    assert plan.measures(q2)["in_ordinary_jobs"] == pytest.approx(1.633400, abs=1e-6)
    assert plan.baseline_at(q2) == pytest.approx(0.513167, abs=1e-6) and plan.sources == {"A": "effect"}


def test_plan_of_the_shorter_benefit_form(make_scenario):
    # Each of 10 would leave benefit for a job after 6 months anyway; 13 weeks sooner = 13 x 12/52 = 3 months
    # sooner, i.e. from month 4. Gross in jobs at the quarter ends (months 3, 6, 9): 0, 10 (all extra), 10 (all baseline).
    sc = _scenario(make_scenario, effect={"form": "kortere_ydelse", "weeks_shorter": 13, "from_month": 1, "remaining_months": 6})
    plan = make_plan(sc)
    quarters = horizon_periods(sc.start_date, 12, "quarter")[:3]
    assert [plan.measures(q)["in_ordinary_jobs"] for q in quarters] == pytest.approx([0, 10, 10])
    assert [plan.baseline_at(q) for q in quarters] == pytest.approx([0, 0, 10])


# ---------------------------------------------------------------- gap and re-forecast

def test_gap_and_reforecast_by_hand(make_scenario):
    sc = _scenario(make_scenario)
    baseline = {"cohorts": {"A": {"share": 0.2, "by_month": 12, "exit_rate": 0.0}}}
    actuals = [ActualInput(_q(2025, 1), 10, 3, None, 160_000), ActualInput(_q(2025, 2), 0, 3, None, 140_000)]
    fu = follow_up(sc, actuals, baseline)
    q1, q2 = fu.periods[0], fu.periods[1]
    # gap = actual - plan: 3 - 4.54258 = -1.54258 and 3 - 5.05573 = -2.05573; costs +10,000 and -10,000
    assert q1.gap["in_ordinary_jobs"] == pytest.approx(-1.54258, abs=1e-5)
    assert q2.gap["in_ordinary_jobs"] == pytest.approx(-2.05573, abs=1e-5)
    assert (q1.gap["costs_spent"], q2.gap["costs_spent"]) == pytest.approx((10_000, -10_000))
    assert q2.cumulative_actual["costs_spent"] == 300_000 and q2.cumulative_plan["costs_spent"] == 300_000
    # effect seen y = count - baseline: 3 - 0.542584 = 2.457416; 3 - 1.055728 = 1.944272; planned extra x = 4, 4
    # k = (4 x 2.457416 + 4 x 1.944272) / (16 + 16) = 17.606752 / 32 = 0.550211
    rf = fu.reforecast
    assert (q1.effect_seen, q2.effect_seen) == pytest.approx((2.457416, 1.944272), abs=1e-6)
    assert rf.fitted and rf.periods_used == 2 and rf.factor == pytest.approx(0.550211, abs=1e-6)
    # gains scale with k: plan 4 x 53,255.51 = 213,022.04; re-forecast 0.550211 x that = 117,207.07.
    # costs: actual 160,000 + 140,000 for Q1-Q2, plan 150,000 x 2 for Q3-Q4: 600,000 (as planned).
    assert rf.plan_net == pytest.approx(213_022.04 - 600_000, abs=1)
    assert rf.net == pytest.approx(117_207.07 - 600_000, abs=1)
    assert rf.npv == pytest.approx(rf.net, abs=1e-6)  # discount rate 0
    # after 3 months: 0.550211 x 3 months of tax (53,255.51 / 4) - Q1's actual 160,000 = -130,698.2
    assert rf.cumulative[2] == pytest.approx(-130_698.2, abs=1)
    assert rf.extra_people == pytest.approx(0.550211 * 4, abs=1e-5) and rf.payback is None
    assert ("few_periods", {"n": 2}) in fu.caveats and ("baseline_stored", {"cohorts": "A"}) in fu.caveats
    assert [p.period for p in fu.reported] == ["2025-K1", "2025-K2"] and fu.periods[2].actual is None


def test_no_fit_before_the_plan_expects_an_effect(make_scenario):
    # The extra jobs start in month 7: in Q1 and Q2 the plan expects no extra people, so there is nothing to
    # fit; k = 1 (the plan), and the follow-up says so. No baseline given for form ekstra_i_job: 0, with a caveat.
    sc = _scenario(make_scenario, effect={"form": "ekstra_i_job", "extra_people": 4, "from_month": 7, "duration_months": 6})
    fu = follow_up(sc, [ActualInput(_q(2025, 1), 10, 1, None, None), ActualInput(_q(2025, 2), None, 1, None, None)])
    assert not fu.reforecast.fitted and fu.reforecast.factor == 1.0
    assert fu.reforecast.net == pytest.approx(fu.reforecast.plan_net)
    codes = [c for c, _ in fu.caveats]
    assert "not_fitted" in codes and "baseline_none" in codes
