"""Follow-up with the library, on SQLite and PostgreSQL: adopt with a baseline, import all or nothing, follow up."""

from __future__ import annotations

import pytest
from db_backends import BACKENDS, database_url

from calculator.followup import FollowUpInputError, adopt, enter_actuals, follow_up_scenario, import_actuals
from calculator.library import Library

HEADER = "periode;deltagere_startet;personer_i_job;personer_ude_af_ydelse;udgifter_kr"


@pytest.fixture(params=BACKENDS)
def lib(request, tmp_path) -> Library:
    return Library(database_url(request.param, tmp_path))


@pytest.fixture
def adopted(lib, make_scenario) -> int:
    sc = make_scenario(cohort={"effect": {"form": "ekstra_i_job", "extra_people": 4, "from_month": 1, "duration_months": 12}},
                       costs={"staff_fte": 1, "staff_cost_per_fte_year": 600_000})
    sid = lib.save(sc, note="til byrådet").scenario_id
    adopt(lib, sid, baseline={"cohorts": {"A": {"share": 0.2, "by_month": 12, "exit_rate": 0.0}}}, note="vedtaget 1.3.")
    return sid


def test_a_bad_file_stores_nothing_and_keeps_what_was_stored(lib, adopted):
    good = f"{HEADER}\n2025-K1;10;3;;160.000\n".encode()
    first = import_actuals(lib, adopted, good, "k1.csv")
    before = lib.actuals(adopted)
    bad = f"{HEADER}\n2025-K1;10;3;;170.000\n2025-K2;;-1;;\n".encode()  # row 3 is bad, row 2 would be fine
    with pytest.raises(FollowUpInputError) as exc:
        import_actuals(lib, adopted, bad, "rettet.csv")
    assert exc.value.lines == ["Række 3: personer_i_job: '-1' er negativt; et antal personer kan ikke være under 0."]
    assert lib.actuals(adopted) == before  # K1 still 160,000: the good row of the bad file was not stored either
    assert [b.id for b in lib.actual_batches(adopted)] == [first]


def test_typed_in_figures_are_checked_and_stored_like_a_file(lib, adopted):
    with pytest.raises(FollowUpInputError) as exc:
        enter_actuals(lib, adopted, [{"period": "2025-K2", "in_ordinary_jobs": "3,5"}, {"period": "2031-K1", "costs_spent": 1}])
    assert exc.value.lines == ["Række 2: perioden 2031-K1 ligger uden for scenariets tidshorisont (2025-K1 til 2025-K4)."]
    assert lib.actuals(adopted).rows == ()
    enter_actuals(lib, adopted, [{"period": "2025-K2", "in_ordinary_jobs": "3,5"}])
    rows = lib.actuals(adopted).rows
    assert [(r.period, r.in_ordinary_jobs, r.source) for r in rows] == [("2025-K2", 3.5, "indtastet")]


def test_follow_up_from_the_library_uses_the_adopted_version_and_baseline(lib, adopted, make_scenario):
    # A later draft version must not change the follow-up: it compares with the adopted version 1.
    lib.save(make_scenario(horizon_months=24), scenario_id=adopted, note="udkast til forlængelse")
    import_actuals(lib, adopted, f"{HEADER}\n2025-K1;10;3;;160.000\n2025-K2;0;3;;140.000\n".encode(), "tal.csv")
    fu = follow_up_scenario(lib, adopted)
    assert fu.scenario.horizon_months == 12 and fu.last_reported == "2025-K2"
    # The baseline stored at adoption (20 % by month 12, no exits) gives 10 x (1 - 0.8^(3/12)) = 0.5426 at Q1's end.
    assert fu.periods[0].baseline_in_jobs == pytest.approx(0.542584, abs=1e-6)
    assert fu.baseline_sources == {"A": "stored"}


def test_adoption_checks_the_baseline_and_the_status(lib, make_scenario):
    sid = lib.save(make_scenario()).scenario_id
    with pytest.raises(FollowUpInputError) as exc:
        adopt(lib, sid, baseline={"cohorts": {"B": {"share": 0.1}}})
    assert exc.value.lines == ["Basislinjen nævner målgruppen 'B', som ikke er i scenariet (målgrupper: A)."]
    with pytest.raises(FollowUpInputError) as exc:
        adopt(lib, sid, baseline={"cohorts": {"A": {"share": 1.5}}})
    assert exc.value.lines == ["Målgruppe › A › Andel i job uden indsatsen: må højst være 1 (fik 1,5)"]
    assert lib.get(sid).status == "udkast"
    with pytest.raises(FollowUpInputError) as exc:  # a draft takes no actual figures
        import_actuals(lib, sid, f"{HEADER}\n2025-K1;1;;;\n".encode(), "tal.csv")
    assert exc.value.lines == [f"Scenarie nr. {sid} er ikke vedtaget: faktiske tal og den forventede basislinje hører til en vedtaget business case."]
