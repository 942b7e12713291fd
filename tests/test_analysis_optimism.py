"""Optimism-bias haircut: the defaults have sources, and the haircut scales only the effect difference."""

from __future__ import annotations

import pytest

from calculator import Scenario
from calculator.analysis import apply_optimism_bias, haircut_effect, load_optimism_bias
from calculator.errors import ModelError
from calculator.schema import ExtraInJob, ShareInJob, ShorterBenefit
from calculator.schema.types import Design
from calculator.text.sentences import model_error


def test_every_preset_design_has_a_sourced_percentage():
    table = load_optimism_bias()
    assert set(table.designs) == set(Design.__args__)  # the designs the evidence presets use
    rates = table.rates()
    # weaker evidence, larger haircut
    assert rates["randomised"] < rates["quasi_experimental"] < rates["descriptive"] < rates["case"]
    assert all(0 < r < 1 for r in rates.values())
    assert table.status == "estimate"  # the mapping from design to percentage is the project's own
    titles = " ".join(s.title for s in table.sources)
    assert "Green Book" in titles and "local partnerships" in titles
    assert all(s.url.startswith("https://www.gov.uk/") for s in table.sources)


def test_haircut_scales_the_difference_only():
    # ekstra_i_job: 10 people, 20 % off -> 8
    assert haircut_effect(ExtraInJob(extra_people=10), 0.2).extra_people == pytest.approx(8.0)
    # andel_i_job: 28 % vs 4.5 %, 20 % off -> 4.5 + 0.8 x 23.5 = 23.3 %; the baseline stays 4.5 %
    e = haircut_effect(ShareInJob(share_with=0.28, share_without=0.045, by_month=12), 0.2)
    assert (e.share_with, e.share_without) == (pytest.approx(0.233), 0.045)
    # kortere_ydelse: 10 weeks, 50 % off -> 5 weeks
    assert haircut_effect(ShorterBenefit(weeks_shorter=10), 0.5).weeks_shorter == pytest.approx(5.0)


def scenario() -> Scenario:
    return Scenario.model_validate({
        "municipality": "Slagelse", "budget_year": 2026, "horizon_months": 36,
        "cohorts": [
            {"name": "Fra evidensen", "type": "jobparat", "size": 50,
             "effect": {"form": "ekstra_i_job", "extra_people": 10, "from_month": 2, "duration_months": 24}},
            {"name": "Eget tal", "type": "jobparat", "size": 20,
             "effect": {"form": "ekstra_i_job", "extra_people": 4, "from_month": 2, "duration_months": 24}},
        ],
        "costs": {"one_off": 1_000_000},
    })


def test_before_and_after_by_cohort():
    # Only the cohort whose effect came from the evidence (descriptive: 50 % by default) is cut.
    h = apply_optimism_bias(scenario(), {"Fra evidensen": "descriptive"})
    (row,) = h.cohorts
    assert (row.design, row.haircut) == ("descriptive", 0.5)
    assert (row.people_before, row.people_after) == (pytest.approx(10.0), pytest.approx(5.0))
    assert (row.pp_before, row.pp_after) == (pytest.approx(20.0), pytest.approx(10.0))
    assert h.after.cohorts[1].effect.extra_people == 4  # untouched
    assert h.npv_after < h.npv_before and h.net_after < h.net_before


def test_user_percentage_overrides_the_default():
    h = apply_optimism_bias(scenario(), "randomised", rates={"randomised": 0.25})
    assert [c.people_after for c in h.cohorts] == [pytest.approx(7.5), pytest.approx(3.0)]


def test_bad_design_or_percentage_is_refused():
    with pytest.raises(ModelError) as err:
        apply_optimism_bias(scenario(), "anecdote")
    assert err.value.code == "unknown_design" and "ukendt design 'anecdote'" in model_error(err.value, "da")
    with pytest.raises(ModelError) as err:
        apply_optimism_bias(scenario(), "case", rates={"case": 1.5})
    assert err.value.code == "haircut_range" and "mellem 0 og 1" in model_error(err.value, "da")
    with pytest.raises(ModelError) as err:
        apply_optimism_bias(scenario(), {"Ingen": "case"})
    assert model_error(err.value, "en") == "unknown cohort 'Ingen'"
