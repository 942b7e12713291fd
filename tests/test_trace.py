"""Why this number: each stream is traced to its rule, the scenario's inputs and the parameters with their sources;
law as data (scales, a rule that must not change within the horizon); inputs changed only through validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from calculator import calculate, load_scenario
from calculator.cli.main import main
from calculator.data.parameters import load_parameters
from calculator.data.timeline import Timeline
from calculator.errors import ModelError
from calculator.results.trace import STREAM_RULES, sources, stream_trace
from calculator.rules.flows import STREAMS
from calculator.text.sentences import model_error

ROOT = Path(__file__).resolve().parent.parent
ACTIVITY = ROOT / "defaults" / "scenarios" / "aktivitetsparate_virksomhedspraktik.yaml"


def test_each_stream_lists_the_parameters_its_rules_read():
    result = calculate(load_scenario(ACTIVITY))
    tax = {line.name for line in stream_trace(result, "kommuneskat").sources}
    # the tax rule's own figures, the wage's and the municipality's rate; not the refusion staircase
    assert {"skat.am_bidrag", "skat.jobfradrag_max", "skat.kommuneskat_gennemsnit", "loen.mindsteloen_time",
            "kommuneskat"} <= tax
    assert "refusion.trappe" not in tax
    saved = {line.name for line in stream_trace(result, "ydelse").sources}
    assert {"refusion.trappe", "ydelse.forhoejet_sats", "ydelse.tillaeg_boernetillaeg"} <= saved
    assert "skat.jobfradrag_max" not in saved
    costs = stream_trace(result, "personale")
    assert costs.rules == ("costs",) and costs.inputs == ("costs",)


def test_every_stream_has_rules_and_every_source_a_rule():
    assert set(STREAM_RULES) == set(STREAMS)
    result = calculate(load_scenario(ACTIVITY))
    assert all(line.rules for line in sources(result))


def test_a_users_own_figure_is_traced_as_theirs():
    sc = load_scenario(ACTIVITY)
    sc = sc.replace(overrides={"loen.mindsteloen_time": 155.0})
    lines = {line.name: line for line in stream_trace(calculate(sc), "kommuneskat").sources}
    own = lines["loen.mindsteloen_time"]
    assert (own.status, own.kind, own.value, own.source_url) == ("own", "override", 155.0, "")


def test_explain_shows_rule_inputs_and_sources(capsys):
    assert main(["explain", str(ACTIVITY), "ydelse"]) == 0
    out = capsys.readouterr().out
    assert "Sparet forsørgelse (efter refusion)" in out and "calculator/rules/benefit_savings.py" in out
    assert "Uger på ydelse før start: 156" in out  # the input the refusion step comes from
    assert "refusion.trappe = 80 % fra 0 uger · 40 % fra 4 uger · 30 % fra 26 uger · 20 % fra 52 uger" in out
    # the staircase's source: the law's text (elov.dk), as the parameter file gives it
    assert load_parameters().at("refusion.trappe", dt.date(2026, 1, 1)).source_url in out
    assert main(["--lang", "en", "explain", str(ACTIVITY), "kommuneskat"]) == 0
    assert "The rule:" in capsys.readouterr().out


def test_explain_refuses_an_unknown_stream(capsys):
    assert main(["explain", str(ACTIVITY), "nonsense"]) == 2
    assert "Traceback" not in capsys.readouterr().err


# ---------------------------------------------------------------- law as data


def test_a_rule_that_must_not_change_refuses_a_change_within_the_horizon():
    # A parameter set where the result grant's 6 months become 7 on 1.7.2026: a horizon across that
    # date cannot use one value for the whole period.
    from calculator.data.parameters import ParameterSet, parse_parameter_file

    params = {p.name: p for p in load_parameters()}
    text = """description: Mindste varighed
unit: måneder
values:
  2020-01-01: {value: 6, status: verified, source: {title: Testkilde, url: https://example.org}}
  2026-07-01: {value: 7, status: verified, source: {title: Testkilde, url: https://example.org}}
"""
    params["resultattilskud.min_maaneder"] = parse_parameter_file("resultattilskud.min_maaneder", text)
    tl = Timeline(dt.date(2026, 1, 1), 12, ParameterSet(params))
    with pytest.raises(ModelError) as err:
        tl.scalar("resultattilskud.min_maaneder")
    assert err.value.code == "parameter_changes" and err.value.params["date"] == dt.date(2026, 7, 1)
    assert "ændres 01.07.2026" in model_error(err.value, "da")
    assert Timeline(dt.date(2025, 1, 1), 12, ParameterSet(params)).scalar("resultattilskud.min_maaneder") == 6.0


def test_scales_are_read_from_the_files():
    tl = Timeline(dt.date(2026, 1, 1), 36, load_parameters())
    assert tl.scale("refusion.trappe") == ((0, 0.8), (4, 0.4), (26, 0.3), (52, 0.2))
    assert tl.scale("diskonto.rente") == ((0, 0.035), (35, 0.025))  # years 0-35 and 36-70 (Finansministeriet)


def test_discounting_past_year_35_uses_the_second_rate():
    from calculator.results.discounting import discount_factors

    f = discount_factors(((0, 0.035), (35, 0.025)), 12 * 36)
    # month 432 = year 36: 35 years at 3.5 %, then one year at 2.5 %
    assert f[-1] == pytest.approx(1.035 ** -35 * 1.025 ** -1, rel=1e-12)
    assert f[12 * 35 - 1] == pytest.approx(1.035 ** -35, rel=1e-12)
    assert np.array_equal(f[:120], discount_factors(0.035, 120))


def test_a_scale_cannot_be_overridden_with_one_number():
    sc = load_scenario(ACTIVITY).model_dump(mode="json")
    sc["overrides"] = {"refusion.trappe": 0.5}
    with pytest.raises(ValidationError) as err:
        type(load_scenario(ACTIVITY)).model_validate(sc)
    assert err.value.errors()[0]["type"] == "scale_override"


# ---------------------------------------------------------------- inputs change only through validation


def test_replace_validates_again():
    sc = load_scenario(ACTIVITY)
    with pytest.raises(ValidationError):
        sc.replace(municipal_tax_rate=0.0)  # model_copy(update=...) would let a rate of 0 through
    with pytest.raises(ValidationError):
        sc.cohorts[0].effect.replace(share_with=1.5)
    assert sc.replace(municipal_tax_rate=0.25).municipal_tax_rate == 0.25


def test_the_latest_month_scan_equals_one_run_per_delay():
    # The vectorised scan (every delay one draw) gives the NPV of the scenario with the effect moved later.
    from calculator.analysis.breakeven import latest_month
    from calculator.analysis.outcome import outcome
    from calculator.schema import Costs

    sc = load_scenario(ACTIVITY)
    sc = sc.replace(costs=Costs(staff_fte=0.5, staff_cost_per_fte_year=400_000))  # cheap enough to pay for a while
    scan = latest_month(sc)
    assert scan.delay_months is not None and scan.delay_months >= 5
    eff = sc.cohorts[0].effect
    for d in (0, 1, 5):
        later = sc.replace(cohorts=[sc.cohorts[0].replace(effect=eff.replace(by_month=eff.by_month + d))])
        assert scan.npv_by_delay[d] == pytest.approx(outcome(later).npv, rel=1e-9, abs=1e-6)
    greve = load_scenario(ROOT / "defaults" / "scenarios" / "greve_coach_aegtefaelleforsoergede.yaml")
    scan = latest_month(greve)
    eff = greve.cohorts[0].effect
    for d in (0, 3):
        later = greve.replace(cohorts=[greve.cohorts[0].replace(effect=eff.replace(from_month=eff.from_month + d))])
        assert scan.npv_by_delay[d] == pytest.approx(outcome(later).npv, rel=1e-9, abs=1e-6)


def test_a_figure_carried_forward_is_one_line_with_its_note():
    # The 2026-2028 example reads forhøjet sats 2027 (13.452 kr., the 2026 rate x 1,03) and carries it
    # into 2028 unchanged: one line, whose note says it is carried forward, not two lines with one value.
    from calculator.text.sources import note

    lines = [line for line in sources(calculate(load_scenario(ACTIVITY))) if line.name == "ydelse.forhoejet_sats"]
    values = [line.value for line in lines]
    assert len(values) == len(set(values))
    carried = next(line for line in lines if line.value == 13452)
    assert carried.carried_from == 2027
    assert note(carried).endswith("Sidste kendte værdi fra 2027 ført frem (skøn).") and "13.060 × 1,03" in note(carried)


def test_the_fribeloeb_rule_cites_only_the_figures_for_the_rates_in_use():
    # A cohort on forhøjet sats only: the fribeløb and dagpenge share for grund- and mindstesats are not read.
    names = {line.name for line in sources(calculate(load_scenario(ACTIVITY)))}
    assert {"ydelse.fribeloeb_forhoejet", "ydelse.loft_dagpenge_forhoejet"} <= names
    assert not {"ydelse.fribeloeb_grund_mindste", "ydelse.loft_dagpenge_grund_mindste"} & names
