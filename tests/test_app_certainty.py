"""The app's "Hvor sikkert er det?" view (ui/certainty/), driven with AppTest, against calculator.analysis.

Expected figures come from calling the analysis API directly on the equivalent scenario and are
formatted the way the view formats them, so "equal" means exactly the analysis' numbers. Widget
keys are listed in ui/certainty/__init__.py (cert_seed, cert_draws, cert_t_<input>_low/_high,
cert_mc_<input>_<param>, cert_ob_<design>, ob_apply, ob_undo; boxes sec_cert_tornado, sec_cert_mc).
The Monte Carlo runs with 2,000 draws here to keep the tests quick.
"""

from __future__ import annotations

import io
import json
import re

import pytest
from test_app import enter, example, expected_tiles, shown, start, tiles, with_cohort

import calculator.analysis as analysis
from calculator.analysis import MonteCarloSpec, Range, TornadoSpec, apply_optimism_bias, break_even, run_montecarlo, tornado
from calculator.data.evidence import preset_by_id
from calculator.results.stamp import scenario_hash
from calculator.schema import Scenario
from calculator.text.analysis_text import bar_dict
from calculator.text.numbers import number, pct, probability
from calculator.text.sentences import break_even_figures, break_even_sentence, describe_effect, share_root_sentence
from ui import charts, files
from ui.certainty import export as cert_export
from ui.certainty import tables as cert_tables
from ui.fmt import count, money

DRAWS = 2000
NAME = "Ægtefælleforsørgede"  # the example's cohort


def no_crash(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def errors(at) -> list[str]:
    return [shown(e.value) for e in at.error]


def certainty_view(at=None, draws: int | None = DRAWS):
    at = at or start()
    at.segmented_control(key="view").set_value("certainty").run()
    no_crash(at)
    if draws is not None:
        enter(at, "cert_draws", str(draws))
        no_crash(at)
    return at


def mc_tiles(at) -> dict[str, str]:
    shown = tiles(at)
    return {k: shown[k] for k in ("NPV, P10 (pessimistisk)", "NPV, P50 (median)", "NPV, P90 (optimistisk)",
                                  "Sandsynlighed for NPV ≥ 0")}


def expected_mc(scenario: Scenario, seed: int = 2024, draws: int = DRAWS) -> dict[str, str]:
    mc = run_montecarlo(scenario, MonteCarloSpec(draws=draws, seed=seed))
    npv = mc.percentiles("npv")
    return {"NPV, P10 (pessimistisk)": money(npv[10]), "NPV, P50 (median)": money(npv[50]),
            "NPV, P90 (optimistisk)": money(npv[90]), "Sandsynlighed for NPV ≥ 0": probability(mc.probability_pays_off)}


# ---------------------------------------------------------------- the view

def test_the_section_opens_with_the_models_break_even_sentence_and_both_charts():
    at = certainty_view(draws=None)
    expected = break_even_sentence(break_even(example()), "da")
    assert f"**{expected}**" in [m.value for m in at.markdown]
    # the Danish wording with the figure formatted the Danish way (one decimal, comma)
    assert re.search(r"^Indsatsen betaler sig over 36 måneder, hvis mindst \d+,\d flere kommer i job", expected)
    assert len(at.get("vega_lite_chart")) == 2  # tornado and Monte Carlo histogram
    assert not errors(at) and not at.warning
    captions = " ".join(c.value for c in at.caption)
    assert f"scenarie {scenario_hash(example())}" in captions and "10.000 træk, startværdi 2024" in captions  # the stamp
    assert tiles(at)["Nutidsværdi (NPV)"] == expected_tiles(example())["Nutidsværdi (NPV)"]  # the tiles stay


def test_share_roots_are_the_reports_sentences_and_the_break_even_has_one_set_of_figures():
    # Issue 9: the sentence said 19,2 and the bullet under it 17,8 percentage points. The bullet is now
    # the report's and the command line's own sentence (calculator.text.sentences.share_root_sentence):
    # the share in jobs to enter, with no second percentage-point figure beside the sentence's.
    at = start()
    at.radio(key="c0_form").set_value("andel_i_job").run()
    at = certainty_view(at, draws=None)
    scenario = with_cohort(example(), effect={"form": "andel_i_job", "share_with": 0.3, "share_without": 0.2})
    be = break_even(scenario)
    box = " ".join(m.value for m in at.markdown if "procentpoint" in m.value or NAME in m.value)
    assert f"**{break_even_sentence(be, 'da')}**" in box
    root = be.share_roots[0]
    assert root.status == "ok"
    assert f"- {share_root_sentence(root, 'da')}" in box
    assert pct(root.break_even_share, 1) in box and "efter 12 måneder" in box
    # every percentage-point figure on the page is the sentence's (k* x the effect, one decimal)
    figures = break_even_figures(be, "da")
    assert set(re.findall(r"([-\d.,]+) procentpoint", box)) == {figures["pp"]}
    assert tiles(at)["Break-even: ekstra i job"] == f"{figures['people']} personer"
    assert any(m.proto.delta == f"{figures['pp']} procentpoint af deltagerne" for m in at.metric)


def test_monte_carlo_figures_equal_the_model_and_the_seed_reproduces_them():
    at = certainty_view()
    first = mc_tiles(at)
    assert first == expected_mc(example(), seed=2024)
    assert any("NPV ≥ 0 i" in m.proto.delta and "af 2.000 træk" in m.proto.delta for m in at.metric)
    enter(at, "cert_seed", "7")
    no_crash(at)
    assert mc_tiles(at) == expected_mc(example(), seed=7)
    assert mc_tiles(at)["NPV, P50 (median)"] != first["NPV, P50 (median)"]
    enter(at, "cert_seed", "2024")
    assert mc_tiles(at) == first


def test_an_edited_distribution_is_used():
    at = certainty_view()
    at.session_state["sec_cert_mc"] = True
    at.run()
    at.selectbox(key="cert_mc_costs_kind").set_value("normal").run()
    enter(at, "cert_mc_costs_mean", "120")
    enter(at, "cert_mc_costs_sd", "10")
    no_crash(at)
    spec = MonteCarloSpec(draws=DRAWS, costs=analysis.Distribution(kind="normal", mean=1.2, sd=0.1))
    mc = run_montecarlo(example(), spec)
    assert mc_tiles(at)["NPV, P50 (median)"] == money(mc.percentiles("npv")[50])


def test_a_bad_distribution_entry_shows_the_danish_message_and_keeps_the_figures():
    at = certainty_view()
    good = mc_tiles(at)
    at.session_state["sec_cert_mc"] = True
    at.run()
    enter(at, "cert_mc_effect_low", "160")
    no_crash(at)
    assert "Der skal gælde lav ≤ typisk ≤ høj (fik 160 %, 100 % og 150 %)." in errors(at)
    assert any("sidste gyldige værdier" in w.value for w in at.warning)
    assert mc_tiles(at) == good  # the last valid analysis stays on screen
    assert at.text_input(key="cert_mc_effect_low:text").value == "160"  # what the user typed stays
    enter(at, "cert_mc_effect_high", "1.200")
    assert "Skal være mellem 0 % og 1.000 % (fik 1.200 %)." in errors(at)
    enter(at, "cert_mc_effect_high", "150")
    enter(at, "cert_mc_effect_low", "50")
    assert not errors(at) and mc_tiles(at) == good
    enter(at, "cert_draws", "10")
    assert "Skal være mellem 100 og 200.000 (fik 10)." in errors(at)
    assert mc_tiles(at) == good


def test_the_tornado_table_equals_the_model_and_its_ranges_are_editable():
    at = certainty_view(draws=None)
    at.session_state["tbl_cert_tornado"] = True
    at.run()
    no_crash(at)
    table = at.dataframe[0].value
    expected = tornado(example())
    assert list(table["Forudsætning"]) == [bar_dict(b)["label"] for b in expected.bars]  # sorted by swing
    row = table[table["Forudsætning"] == "Effekt (ekstra i job)"].iloc[0]
    bar = next(b for b in expected.bars if b.key == "effect")
    assert (row["NPV ved lav"], row["NPV ved høj"], row["Lav"]) == (money(bar.npv_low), money(bar.npv_high), "−25 %")

    at.session_state["sec_cert_tornado"] = True
    at.run()
    enter(at, "cert_t_effect_low", "50")
    no_crash(at)
    table = at.dataframe[0].value
    bar = next(b for b in tornado(example(), TornadoSpec(effect=Range(low=0.5, high=1.25))).bars if b.key == "effect")
    row = table[table["Forudsætning"] == "Effekt (ekstra i job)"].iloc[0]
    assert (row["NPV ved lav"], row["Lav"]) == (money(bar.npv_low), "−50 %")


def test_a_tornado_low_above_high_is_refused_at_the_field():
    at = certainty_view(draws=None)
    at.session_state["sec_cert_tornado"] = True
    at.session_state["tbl_cert_tornado"] = True
    at.run()
    before = at.dataframe[0].value
    enter(at, "cert_t_costs_low", "130")
    no_crash(at)
    assert "Lav (130 %) er større end høj (125 %)." in errors(at)
    assert any("sidste gyldige værdier" in w.value for w in at.warning)
    assert at.dataframe[0].value.equals(before)
    enter(at, "cert_t_discount_rate_high", "25")
    assert "Skal være mellem 0 % og 20 % (fik 25 %)." in errors(at)


def test_other_views_run_no_analysis(monkeypatch):
    calls = []
    for name in ("break_even", "tornado", "run_montecarlo"):
        real = getattr(analysis, name)
        monkeypatch.setattr(analysis, name, lambda *a, _real=real, _name=name, **k: (calls.append(_name), _real(*a, **k))[1])
    at = start()
    enter(at, "c0_size", "61")
    at.segmented_control(key="view").set_value("sources").run()
    no_crash(at)
    assert calls == []
    at.segmented_control(key="view").set_value("certainty").run()
    no_crash(at)
    assert sorted(set(calls)) == ["break_even", "run_montecarlo", "tornado"]


def test_english_and_a_language_switch_with_the_editors_open():
    at = certainty_view(draws=None)
    at.session_state["sec_cert_mc"] = True
    at.session_state["sec_cert_tornado"] = True
    at.run()
    at.segmented_control(key="lang").set_value("en").run()
    no_crash(at)
    assert f"**{break_even_sentence(break_even(example()), 'en')}**" in [m.value for m in at.markdown]
    assert at.selectbox(key="cert_mc_effect_kind").value == "triangular"
    assert "Probability of NPV ≥ 0" in tiles(at)


# ---------------------------------------------------------------- optimism bias

def _with_preset(preset_id: str = "slagelse_fremskudt"):
    at = start()
    at.selectbox(key="c0_preset").set_value(preset_id).run()
    at.button(key="c0_apply_preset").click().run()
    no_crash(at)
    return at, with_cohort(example(), effect=preset_by_id(preset_id).effect, effect_source=preset_id)


def _haircut_shown(at) -> tuple[dict[str, str], dict]:
    """The NPV tiles before/after, and the cohort's table as {row: (before, after)}."""
    shown = tiles(at)
    table = next(t.value for t in at.table if "Før reduktionen" in t.value.columns)
    rows = {r["Mål"]: (r["Før reduktionen"], r["Efter reduktionen"]) for r in table.to_dict(orient="records")}
    return {k: shown[k] for k in ("NPV før reduktionen", "NPV efter reduktionen")}, rows


def test_without_a_preset_the_haircut_explains_how_to_get_one():
    at = certainty_view(draws=None)
    assert any("Ingen målgruppe har en effekt fra evidensbiblioteket" in c.value for c in at.caption)
    assert "ob_apply" not in [b.key for b in at.button]


def test_the_haircut_shows_before_and_after_as_the_model_and_can_be_applied_and_undone():
    at, scenario = _with_preset()
    at = certainty_view(at, draws=None)
    h = apply_optimism_bias(scenario, {NAME: "quasi_experimental"})
    figures, row = _haircut_shown(at)
    assert figures == {"NPV før reduktionen": money(h.npv_before), "NPV efter reduktionen": money(h.npv_after)}
    c = h.cohorts[0]
    assert c.haircut == 0.25  # the default for a quasi-experimental study (defaults/optimism_bias.yaml)
    assert row["Ekstra i job"] == (count(c.people_before), count(c.people_after))
    # with its unit in the cell ("23,5 procentpoint", not "23,5")
    assert row["Effekt i procentpoint af deltagerne"] == (f"{number(c.pp_before, 1)} procentpoint", f"{number(c.pp_after, 1)} procentpoint")
    assert row["Effekt"][0] == describe_effect(scenario.cohorts[0].effect, "da")  # the study's own effect
    assert row["Effekt"][0].startswith("28,0 % i job efter 12 mdr. mod 4,5 %")
    assert any("Kvasi-eksperimentel" in m.value and "reduktion 25 %" in m.value for m in at.markdown)
    assert any("Green Book" in cap.value for cap in at.caption)  # the default's source is shown

    enter(at, "cert_ob_quasi_experimental", "40")  # the percentage is editable
    no_crash(at)
    h40 = apply_optimism_bias(scenario, {NAME: "quasi_experimental"}, {"quasi_experimental": 0.4})
    figures, row = _haircut_shown(at)
    assert figures == {"NPV før reduktionen": money(h40.npv_before), "NPV efter reduktionen": money(h40.npv_after)}
    assert row["Ekstra i job"] == (count(h40.cohorts[0].people_before), count(h40.cohorts[0].people_after))

    at.button(key="ob_apply").click().run()  # use the reduced effect in the scenario
    no_crash(at)
    used = Scenario.model_validate_json(at.session_state["last_valid_json"])
    assert used.cohorts[0].effect.share_with == pytest.approx(h40.after.cohorts[0].effect.share_with, abs=1e-12)
    assert tiles(at)["Nutidsværdi (NPV)"] == money(h40.npv_after) == expected_tiles(h40.after)["Nutidsværdi (NPV)"]
    assert any("bruges i scenariet" in s.value for s in at.success)
    figures, _ = _haircut_shown(at)  # still the same before and after: the study's effect and the reduced one
    assert figures == {"NPV før reduktionen": money(h40.npv_before), "NPV efter reduktionen": money(h40.npv_after)}
    assert "ob_apply" not in [b.key for b in at.button]  # no second haircut on top of the first

    at.button(key="ob_undo").click().run()
    no_crash(at)
    assert at.session_state["last_valid_json"] == scenario.canonical_json()


def test_a_bad_haircut_percentage_is_refused_at_the_field():
    at, scenario = _with_preset("esbjerg_jobparate")  # descriptive: 50 %
    at = certainty_view(at, draws=None)
    h = apply_optimism_bias(scenario, {NAME: "descriptive"})
    enter(at, "cert_ob_descriptive", "150")
    no_crash(at)
    assert "Skal være mellem 0 % og 100 % (fik 150 %)." in errors(at)
    figures, _ = _haircut_shown(at)
    assert figures["NPV efter reduktionen"] == money(h.npv_after)  # the last valid percentage is used


def test_an_effect_edited_after_the_preset_gets_no_haircut():
    at, _ = _with_preset()
    enter(at, "c0_share_with_pct", "30")
    at = certainty_view(at, draws=None)
    assert any("effekten er ændret" in c.value for c in at.caption)
    assert "ob_apply" not in [b.key for b in at.button]


# ---------------------------------------------------------------- exports carry the analysis on screen

def test_the_excel_export_holds_the_analysis_with_the_specs_on_screen():
    openpyxl = pytest.importorskip("openpyxl")
    scenario = example()
    state = {"cert_seed": 7, "cert_draws": DRAWS, "cert_t_effect_low": 50.0}
    args = cert_export.export_args(state, scenario, stale=False)
    assert json.loads(args[1])["seed"] == 7 and json.loads(args[0])["effect"]["low"] == 0.5
    book = openpyxl.load_workbook(io.BytesIO(files.export_bytes(scenario.canonical_json(), "xlsx", args)))
    ws = book["Robusthed"]
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert break_even_sentence(break_even(scenario), "da") in text
    assert "2.000 træk (startværdi 7)" in text
    bad = cert_export.export_args({**state, "cert_mc_effect_low": 160.0, "cert_last_mc": args[1]}, scenario, stale=False)
    assert bad[1] == args[1]  # a bad entry: the last valid spec, as on screen


def test_the_export_carries_the_haircut_put_into_the_scenario():
    at, scenario = _with_preset()
    at = certainty_view(at, draws=None)
    at.button(key="ob_apply").click().run()
    used = Scenario.model_validate_json(at.session_state["last_valid_json"])  # the haircut is in the scenario itself
    assert used.cohorts[0].effect_source.haircut == 0.25
    _, _, haircut = cert_export.export_args({}, used, stale=False)
    assert haircut is not None
    h = cert_export.compute.haircut_of(*haircut)
    expected = apply_optimism_bias(scenario, {NAME: "quasi_experimental"})
    assert (h.npv_before, h.npv_after) == pytest.approx((expected.npv_before, expected.npv_after))


# ---------------------------------------------------------------- charts

@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_certainty_charts_are_valid_altair(lang):
    tor = tornado(example())
    df = cert_tables.tornado_table(tor, lang)
    spec = charts.tornado_chart(df, tor.base_npv, lang).to_dict()  # validates against the Vega-Lite schema
    assert len(spec["datasets"]["main"]) == 2 * len(tor.bars)
    mc = run_montecarlo(example(), MonteCarloSpec(draws=500))
    bins = cert_tables.histogram(mc.npv, lang)
    assert int(bins["count"].sum()) == 500
    assert (bins["start"] == 0).any() or not (mc.npv.min() < 0 < mc.npv.max())  # 0 is a bin edge
    spec = charts.montecarlo_chart(bins, mc.percentiles("npv"), lang).to_dict()
    assert [m["label"] for m in spec["datasets"]["marker"]] == ["P10", "P50", "P90"]


def test_probability_text_never_rounds_to_a_false_certainty():
    assert probability(0.73) == "73 %"
    assert probability(0.999) == "99,9 %"
    assert probability(0.9999) == "> 99,9 %"
    assert probability(1.0) == "100 %"
    assert probability(0.0004) == "< 0,1 %"
    assert probability(0.0) == "0 %"


def test_the_probability_of_paying_back_within_n_years_and_a_new_n_runs_no_monte_carlo(monkeypatch):
    calls = []
    real = analysis.run_montecarlo

    def counting(scenario, spec=None):
        calls.append(spec.seed)
        return real(scenario, spec)

    monkeypatch.setattr(analysis, "run_montecarlo", counting)
    at = certainty_view()
    enter(at, "cert_seed", "4711")  # a seed no other test used: a fresh run
    no_crash(at)
    assert calls.count(4711) == 1
    mc = run_montecarlo(example(), MonteCarloSpec(draws=DRAWS, seed=4711))
    label = "Sandsynlighed for tilbagebetaling inden for 3 år"  # N = the horizon's whole years (36 months)
    assert tiles(at)[label] == probability(mc.probability_payback_within(3))
    assert tiles(at)["Sandsynlighed for NPV ≥ 0"] == probability(mc.probability_pays_off)  # beside it
    at.number_input(key="cert_payback_years").set_value(1).run()
    no_crash(at)
    assert calls.count(4711) == 1  # the same draws: no new Monte Carlo
    assert tiles(at)["Sandsynlighed for tilbagebetaling inden for 1 år"] == probability(mc.probability_payback_within(1))
    assert at.session_state["last_valid_json"] == example().replace(
        options=example().options.replace(payback_years=1)).canonical_json()  # the scenario's own N (the exports use it)
    delta = next(m.proto.delta for m in at.metric if m.label.endswith("inden for 1 år"))
    assert delta.startswith("som angivet: ja")  # paid back in month 9 and staying so: within the first year
    args = cert_export.export_args(at.session_state, Scenario.model_validate_json(at.session_state["last_valid_json"]), False)
    exported = cert_export.export_analysis(at.session_state["last_valid_json"], args).montecarlo
    assert calls.count(4711) == 1 and exported.payback_years == 1  # the report asks the same draws for N = 1


def test_more_draws_than_the_scenarios_bound_run_as_the_bound_and_the_field_says_so():
    from calculator.analysis.montecarlo import MAX_ELEMENTS

    at = start()
    enter(at, "horizon_months", "120")
    at = certainty_view(at, draws=None)
    enter(at, "cert_draws", "50.000")  # typed with the Danish thousands mark
    no_crash(at)
    # one cohort over 120 months: 4,800,000 // (120 x 1) = 40,000 draws at most
    assert MAX_ELEMENTS // 120 == 40_000
    assert any("højst 40.000 træk" in c.value and "1 målgruppe × 120 måneder" in c.value for c in at.caption)
    assert not errors(at)
    assert any("af 40.000 træk" in m.proto.delta for m in at.metric)  # the run's own number of draws, not the field's
    assert at.text_input(key="cert_draws:text").value == "50.000"  # what the user typed stays, the Danish way
    assert mc_tiles(at) == expected_mc(example().replace(horizon_months=120), draws=40_000)
