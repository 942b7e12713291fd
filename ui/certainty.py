"""'Hvor sikkert er det?': break-even in plain sentences, the tornado, the Monte Carlo and the optimism-bias haircut.

Nothing here runs unless the view is shown (or a PDF/Excel export is asked for): every analysis
comes from :mod:`ui.compute`, cached on the scenario's canonical JSON and the spec's JSON, so a new
seed reruns only the Monte Carlo and the other views never run any of them.

The specs are edited in widgets whose values are read by pure functions (:func:`read_tornado`,
:func:`read_montecarlo`, :func:`read_rates`; any mapping will do) that return the spec, or a
Danish message per widget. With a bad entry the message is shown at the field and the last valid
spec is used, so the last valid analysis stays on screen.

Widget keys (percent values are percent of the scenario's own value, 100 = as entered):
  cert_seed, cert_draws; tornado cert_t_<input>_low and cert_t_<input>_high for the inputs of
  :data:`calculator.analysis.tornado.INPUTS` except udligning (factors in percent, prior_weeks in
  weeks, tax_rate and discount_rate in percent; tax_rate empty = the lowest/highest municipality);
  Monte Carlo cert_mc_<input>_kind and cert_mc_<input>_<low|mode|high|mean|sd> for the inputs of
  :data:`calculator.analysis.montecarlo.INPUTS`; optimism bias cert_ob_<design> (percent) and the
  buttons ob_apply, ob_undo; boxes sec_cert_tornado, sec_cert_mc, tbl_cert_tornado, tbl_cert_mc.
Non-widget keys: cN_evidence (the preset put into cohort N's effect: preset id and design),
  cN_haircut (the haircut put into cohort N's effect: effect before and after, design, rate),
  cert_last_tornado, cert_last_mc, cert_last_rates (the last valid specs), cert_flash.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import streamlit as st
from pydantic import TypeAdapter

from calculator.analysis import Analysis, MonteCarloSpec, Range, TornadoSpec, load_optimism_bias
from calculator.analysis.montecarlo import INPUTS as MC_INPUTS
from calculator.analysis.montecarlo import Distribution
from calculator.analysis.tornado import FACTOR, SWITCH, tax_rate_range
from calculator.analysis.tornado import INPUTS as T_INPUTS
from calculator.data.evidence import preset_by_id
from calculator.schema import Effect, Scenario
from calculator.schema.preset import Preset
from calculator.text.analysis_text import bar_dict
from calculator.text.labels import design_label, montecarlo_input_label, preset_title, stamp_text, tornado_input_label
from calculator.text.numbers import number, pct, probability
from calculator.text.sentences import break_even_sentence, describe_effect, model_error

from . import chartdata, compute
from . import state as S
from .fmt import count, money, share
from .i18n import t
from .inputs import PERSIST, section, show_errors
from .results import csv_button, table_and_csv
from .views import ResultView, csv_bytes

# ---------------------------------------------------------------- the editable specs (pure)

TORNADO_KEYS = tuple(k for k, kind in T_INPUTS.items() if kind != SWITCH)
MC_KEYS = tuple(MC_INPUTS)
KINDS = ("triangular", "uniform", "normal")
MC_PARAMS = {"triangular": ("low", "mode", "high"), "uniform": ("low", "high"), "normal": ("mean", "sd")}
MC_MAX = {"low": 1000.0, "mode": 1000.0, "high": 1000.0, "mean": 1000.0, "sd": 500.0}  # percent (Distribution's bounds)
DRAWS = (100, 200_000)
SEED_MAX = 2**32 - 1


@lru_cache(maxsize=1)
def _effect_adapter() -> TypeAdapter:
    return TypeAdapter(Effect)  # built on first use: a tenth of the app's start-up otherwise


@dataclass(frozen=True)
class Unit:
    name: str  # factor (percent of the entered value), weeks, pct
    lo: float
    hi: float
    scale: float  # shown value = model value x scale


FACTOR_UNIT = Unit("factor", 0.0, 1000.0, 100.0)
VALUE_UNITS = {"prior_weeks": Unit("weeks", 0.0, 2000.0, 1.0), "tax_rate": Unit("pct", 15.0, 35.0, 100.0),
               "discount_rate": Unit("pct", 0.0, 20.0, 100.0)}


def tornado_unit(key: str) -> Unit:
    return FACTOR_UNIT if T_INPUTS[key] == FACTOR else VALUE_UNITS[key]


def _shown(value: float, scale: float) -> float:
    return round(value * scale, 8)


def _model(value: float, scale: float) -> float:
    return round(value / scale, 12)


def _triangular_sd(d: Distribution) -> float:
    a, b, c = d.low, d.mode, d.high
    return float(np.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18.0))


def defaults() -> dict:
    """Every editor widget's starting value (shown units), the haircut percentages included."""
    out = dict(_defaults())
    for design, rate in load_optimism_bias().rates().items():
        out[f"cert_ob_{design}"] = _shown(rate, 100)
    return out


@lru_cache(maxsize=1)
def _defaults() -> dict:
    out: dict = {"cert_seed": MonteCarloSpec().seed, "cert_draws": MonteCarloSpec().draws}
    spec = TornadoSpec()
    for key in TORNADO_KEYS:
        rng, unit = getattr(spec, key), tornado_unit(key)
        out[f"cert_t_{key}_low"] = None if rng is None else _shown(rng.low, unit.scale)
        out[f"cert_t_{key}_high"] = None if rng is None else _shown(rng.high, unit.scale)
    mc = MonteCarloSpec()
    for key in MC_KEYS:
        d: Distribution = getattr(mc, key)
        out[f"cert_mc_{key}_kind"] = d.kind
        out[f"cert_mc_{key}_low"] = _shown(d.low, 100)
        out[f"cert_mc_{key}_mode"] = _shown(d.mode, 100)
        out[f"cert_mc_{key}_high"] = _shown(d.high, 100)
        out[f"cert_mc_{key}_mean"] = _shown(d.mean if d.kind == "normal" else d.mode, 100)
        out[f"cert_mc_{key}_sd"] = round(100 * (d.sd if d.kind == "normal" else _triangular_sd(d)), 1)
    return out


def init_state(state: MutableMapping) -> None:
    for key, value in defaults().items():
        if key not in state:
            state[key] = value


def _show(value: float, unit: str, lang: str) -> str:
    if unit in ("factor", "pct"):
        return share(value / 100.0, lang)
    if unit == "weeks":
        return f"{count(value, lang)} {t('cert_unit_weeks', lang)}"
    return count(value, lang)


def _check(value, lo: float, hi: float, unit: str, lang: str, whole: bool = False) -> str | None:
    """A Danish (or English) message if ``value`` is missing or out of bounds, else None."""
    if value is None:
        return t("cert_err_missing", lang)
    if whole and not float(value).is_integer():
        return t("cert_err_whole", lang)
    if not lo <= value <= hi:
        return t("cert_err_range", lang, lo=_show(lo, unit, lang), hi=_show(hi, unit, lang), v=_show(value, unit, lang))
    return None


def _get(state: Mapping, key: str, fallback: dict):
    return state[key] if key in state else fallback[key]


def read_tornado(state: Mapping, budget_year: int, lang: str = "da") -> tuple[TornadoSpec | None, dict[str, list[str]]]:
    """The tornado spec the widgets describe, or the messages per widget key (a row's key is cert_t_<input>)."""
    start = _defaults()
    errors: dict[str, list[str]] = {}
    ranges: dict[str, Range | None] = {}
    for key in TORNADO_KEYS:
        unit = tornado_unit(key)
        lo_key, hi_key = f"cert_t_{key}_low", f"cert_t_{key}_high"
        low, high = _get(state, lo_key, start), _get(state, hi_key, start)
        if key == "tax_rate":
            if low is None and high is None:
                ranges[key] = None  # the lowest and highest municipality in the budget year
                continue
            span = tax_rate_range(budget_year)
            low = _shown(span.low, 100) if low is None else low
            high = _shown(span.high, 100) if high is None else high
        bad = False
        for widget, value in ((lo_key, low), (hi_key, high)):
            message = _check(value, unit.lo, unit.hi, unit.name, lang, whole=key == "prior_weeks")
            if message:
                errors.setdefault(widget, []).append(message)
                bad = True
        if bad:
            continue
        if low > high:
            errors.setdefault(f"cert_t_{key}", []).append(
                t("cert_err_order", lang, low=_show(low, unit.name, lang), high=_show(high, unit.name, lang)))
            continue
        ranges[key] = Range(low=_model(low, unit.scale), high=_model(high, unit.scale))
    if errors:
        return None, errors
    return TornadoSpec(**ranges), {}


def read_montecarlo(state: Mapping, lang: str = "da") -> tuple[MonteCarloSpec | None, dict[str, list[str]]]:
    """The Monte Carlo spec the widgets describe, or the messages per widget key (a row's key is cert_mc_<input>)."""
    start = _defaults()
    errors: dict[str, list[str]] = {}
    seed, draws = _get(state, "cert_seed", start), _get(state, "cert_draws", start)
    for key, value, lo, hi in (("cert_seed", seed, 0, SEED_MAX), ("cert_draws", draws, *DRAWS)):
        message = _check(value, lo, hi, "count", lang, whole=True)
        if message:
            errors.setdefault(key, []).append(message)
    dists: dict[str, Distribution] = {}
    for key in MC_KEYS:
        kind = _get(state, f"cert_mc_{key}_kind", start)
        kind = kind if kind in KINDS else "triangular"
        values: dict[str, float] = {}
        for p in MC_PARAMS[kind]:
            widget = f"cert_mc_{key}_{p}"
            value = _get(state, widget, start)
            message = _check(value, 0.0, MC_MAX[p], "factor", lang)
            if message:
                errors.setdefault(widget, []).append(message)
            else:
                values[p] = value
        if len(values) < len(MC_PARAMS[kind]):
            continue
        row = f"cert_mc_{key}"
        if kind == "triangular" and not values["low"] <= values["mode"] <= values["high"]:
            errors.setdefault(row, []).append(t("cert_err_triangle", lang, **{p: _show(v, "factor", lang) for p, v in values.items()}))
            continue
        if kind == "uniform" and values["low"] > values["high"]:
            errors.setdefault(row, []).append(
                t("cert_err_order", lang, low=_show(values["low"], "factor", lang), high=_show(values["high"], "factor", lang)))
            continue
        model = {p: _model(v, 100) for p, v in values.items()}
        if kind == "triangular":
            dists[key] = Distribution(kind=kind, **model)
        elif kind == "uniform":
            dists[key] = Distribution(kind=kind, low=model["low"], mode=model["low"], high=model["high"])
        else:
            dists[key] = Distribution(kind=kind, mean=model["mean"], sd=model["sd"])
    if errors:
        return None, errors
    return MonteCarloSpec(draws=int(draws), seed=int(seed), **dists), {}


def read_rates(state: Mapping, designs, lang: str = "da") -> tuple[dict[str, float] | None, dict[str, list[str]]]:
    """The haircut per design (a share) from the widgets cert_ob_<design> (percent), or the messages."""
    start = defaults()
    errors: dict[str, list[str]] = {}
    rates: dict[str, float] = {}
    for design in designs:
        widget = f"cert_ob_{design}"
        value = _get(state, widget, start)
        message = _check(value, 0.0, 100.0, "pct", lang)
        if message:
            errors.setdefault(widget, []).append(message)
        else:
            rates[design] = _model(value, 100)
    return (None, errors) if errors else (rates, {})


def _valid_json(spec, errors: dict, state: MutableMapping | None, last_key: str, fallback) -> str:
    """The spec's JSON; with errors the last valid one (remembered in ``state`` when given)."""
    if spec is not None and not errors:
        text = spec.model_dump_json()
        if state is not None:
            state[last_key] = text
        return text
    if state is not None and state.get(last_key):
        return state[last_key]
    return fallback().model_dump_json()


# ---------------------------------------------------------------- effects from the evidence library (pure)

def same_effect(a, b) -> bool:
    """Two effects (models or their JSON dicts) are the same up to the widgets' rounding."""
    da = a.model_dump(mode="json") if hasattr(a, "model_dump") else dict(a)
    db = b.model_dump(mode="json") if hasattr(b, "model_dump") else dict(b)
    if da.keys() != db.keys():
        return False
    for k, va in da.items():
        vb = db[k]
        if isinstance(va, (int, float)) and isinstance(vb, (int, float)) and not isinstance(va, bool):
            if abs(va - vb) > 1e-9 * max(1.0, abs(va), abs(vb)):
                return False
        elif va != vb:
            return False
    return True


@dataclass(frozen=True)
class EvidenceCohort:
    uid: int
    index: int  # position in the scenario's cohorts
    name: str
    preset: Preset
    status: str  # "preset" (the study's effect), "reduced" (the haircut is in the effect), "edited" (changed since)
    current: object  # the effect as it is in the scenario
    before: object | None  # the study's effect (before any haircut); None when edited
    rate: float | None = None  # the haircut put in (status "reduced")


def evidence_cohorts(state: Mapping, scenario: Scenario) -> list[EvidenceCohort]:
    """Cohorts whose effect came from a preset (cN_evidence), with what has happened to it since."""
    ids = list(state.get("cohort_ids", []))
    if len(ids) != len(scenario.cohorts):
        return []
    out = []
    for i, (uid, cohort) in enumerate(zip(ids, scenario.cohorts)):
        info = state.get(S.cohort_key(uid, "evidence"))
        if not info:
            continue
        try:
            preset = preset_by_id(info["preset"])
        except KeyError:
            continue
        done = state.get(S.cohort_key(uid, "haircut"))
        if done and same_effect(cohort.effect, done["after"]):
            out.append(EvidenceCohort(uid, i, cohort.name, preset, "reduced", cohort.effect,
                                      _effect_adapter().validate_python(done["before"]), float(done["rate"])))
        elif same_effect(cohort.effect, preset.effect):
            out.append(EvidenceCohort(uid, i, cohort.name, preset, "preset", cohort.effect, cohort.effect))
        else:
            out.append(EvidenceCohort(uid, i, cohort.name, preset, "edited", cohort.effect, None))
    return out


def base_scenario(scenario: Scenario, items: list[EvidenceCohort]) -> Scenario:
    """The scenario with every reduced effect back at the study's effect."""
    data = scenario.model_dump(mode="json")
    for e in items:
        if e.status == "reduced":
            data["cohorts"][e.index]["effect"] = e.before.model_dump(mode="json")
    return Scenario.model_validate(data)


def haircut_args(base: Scenario, items: list[EvidenceCohort], rates: dict[str, float]) -> tuple[str, str, str]:
    designs = {e.name: e.preset.design for e in items}
    used = {d: rates[d] for d in sorted(set(designs.values()))}
    return base.canonical_json(), json.dumps(designs, sort_keys=True, ensure_ascii=False), json.dumps(used, sort_keys=True)


def export_haircut_args(state: Mapping, scenario: Scenario) -> tuple[str, str, str] | None:
    """The haircut that is in the scenario's effects (for the report), or None."""
    reduced = [e for e in evidence_cohorts(state, scenario) if e.status == "reduced"]
    rates: dict[str, float] = {}
    for e in reduced:
        if e.preset.design in rates and abs(rates[e.preset.design] - e.rate) > 1e-12:
            return None  # two cohorts of one design reduced by different percentages: not one haircut
        rates[e.preset.design] = e.rate
    if not reduced:
        return None
    return haircut_args(base_scenario(scenario, reduced), reduced, rates)


# ---------------------------------------------------------------- tables (pure)

def tornado_table(tornado, lang: str = "da") -> pd.DataFrame:
    rows = []
    for order, b in enumerate(tornado.bars):
        words = bar_dict(b, lang)
        rows.append({
            "order": order, "key": b.key, "label": words["label"], "low": b.low, "high": b.high,
            "low_text": words["low_text"], "high_text": words["high_text"],
            "npv_low": b.npv_low, "npv_high": b.npv_high, "net_low": b.net_low, "net_high": b.net_high,
            "swing": b.swing, "error": words["error"] or "",
            "npv_low_text": money(b.npv_low, lang), "npv_high_text": money(b.npv_high, lang),
            "swing_text": money(b.swing, lang) if not b.error else "–",
        })
    return pd.DataFrame(rows)


def display_tornado(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = pd.DataFrame({t("cert_col_input", lang): df["label"], t("cert_low", lang): df["low_text"],
                        t("cert_high", lang): df["high_text"], t("cert_col_npv_low", lang): df["npv_low_text"],
                        t("cert_col_npv_high", lang): df["npv_high_text"], t("cert_col_swing", lang): df["swing_text"]})
    if df["error"].astype(bool).any():  # a note only where an input could not be calculated
        out[t("cert_col_note", lang)] = df["error"]
    return out


def histogram(values: np.ndarray, lang: str = "da", bins: int = 40) -> pd.DataFrame:
    """Bins of equal, round width whose edges are multiples of the width, so 0 is an edge when it is inside."""
    values = np.asarray(values, dtype=float)
    lo, hi = float(values.min()), float(values.max())
    if hi - lo <= 1e-9 * max(1.0, abs(lo), abs(hi)):
        width = max(abs(lo) * 0.01, 1.0)
        edges = np.array([lo - width / 2, lo + width / 2])
    else:
        raw = (hi - lo) / bins
        magnitude = 10.0 ** np.floor(np.log10(raw))
        width = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
        first = np.floor(lo / width) * width
        n = max(1, int(np.ceil((hi - first) / width - 1e-9)))
        edges = first + width * np.arange(n + 1)
        if edges[-1] < hi:
            edges = np.append(edges, edges[-1] + width)
    counts, _ = np.histogram(values, edges)
    df = pd.DataFrame({"start": edges[:-1], "end": edges[1:], "count": counts})
    df["share"] = df["count"] / len(values)
    df["range_text"] = [f"{money(a, lang)} – {money(b, lang)}" for a, b in zip(df["start"], df["end"])]
    df["share_text"] = [share(round(s, 4), lang) for s in df["share"]]
    return df


def montecarlo_summary(mc, lang: str = "da") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(what the user reads, raw numbers): P10/P50/P90, mean, as entered, probability of paying off."""
    npv, net = mc.percentiles("npv"), mc.percentiles("net")
    raw = [(f"P{p}", npv[p], net[p]) for p in npv]
    raw += [(t("cert_row_mean", lang), float(mc.npv.mean()), float(mc.net.mean())),
            (t("cert_row_plain", lang), mc.deterministic_npv, mc.deterministic_net)]
    shown = [(m, money(a, lang), money(b, lang)) for m, a, b in raw]
    shown.append((t("cert_prob", lang), probability(mc.probability_pays_off, lang), ""))
    raw.append((t("cert_prob", lang), mc.probability_pays_off, None))
    cols = [t("cert_col_measure", lang), t("cert_col_npv", lang), t("cert_col_net", lang)]
    return pd.DataFrame(shown, columns=cols), pd.DataFrame(raw, columns=["measure", "npv", "net"])


def draws_table(mc) -> pd.DataFrame:
    df = pd.DataFrame({"draw": np.arange(1, mc.draws + 1)})
    for key in MC_KEYS:
        df[f"factor_{key}"] = mc.inputs[key]
    df["net"] = mc.net
    df["npv"] = mc.npv
    return df


# ---------------------------------------------------------------- the analysis for the PDF and Excel exports

def export_args(state: Mapping, scenario: Scenario, stale: bool) -> tuple[str, str, tuple[str, str, str] | None]:
    """(tornado spec JSON, Monte Carlo spec JSON, haircut) as on screen: cheap, read on every rerun."""
    spec, errors = read_tornado(state, scenario.budget_year)
    tornado_json = spec.model_dump_json() if spec is not None else state.get("cert_last_tornado") or TornadoSpec().model_dump_json()
    mc, errors = read_montecarlo(state)
    mc_json = mc.model_dump_json() if mc is not None else state.get("cert_last_mc") or MonteCarloSpec().model_dump_json()
    return tornado_json, mc_json, None if stale else export_haircut_args(state, scenario)


def export_analysis(scenario_json: str, args: tuple[str, str, tuple[str, str, str] | None]) -> Analysis:
    """The same analyses as on screen (from the same caches), in Danish for the report."""
    tornado_json, mc_json, haircut = args
    return Analysis(
        break_even=compute.break_even_of(scenario_json),
        tornado=compute.tornado_of(scenario_json, tornado_json),
        montecarlo=compute.montecarlo_of(scenario_json, mc_json),
        haircut=compute.haircut_of(*haircut) if haircut else None,
    )


# ---------------------------------------------------------------- callbacks

def _apply_haircut(items: list[tuple[int, object, object, str, float]]) -> None:
    ss = st.session_state
    for uid, before, after, design, rate in items:
        ss.update(S.effect_values(uid, after))
        ss[S.cohort_key(uid, "haircut")] = {"before": before.model_dump(mode="json"), "after": after.model_dump(mode="json"),
                                           "design": design, "rate": rate}


def _undo_haircut(items: list[tuple[int, object]], lang: str) -> None:
    ss = st.session_state
    for uid, before in items:
        ss.update(S.effect_values(uid, before))
        ss.pop(S.cohort_key(uid, "haircut"), None)
    ss["cert_flash"] = t("cert_ob_restored", lang)


# ---------------------------------------------------------------- the view

def render(view: ResultView, lang: str, stale: bool = False) -> None:
    ss = st.session_state
    init_state(ss)
    scenario_json = view.scenario_json
    scenario = Scenario.model_validate_json(scenario_json)
    st.caption(t("cert_intro", lang))
    _break_even(scenario_json, lang)
    _tornado(scenario_json, scenario, lang)
    mc = _montecarlo(scenario_json, lang)
    _optimism_bias(scenario, lang, stale)
    line = t("cert_stamp", lang, stamp=stamp_text(view.stamp, lang), draws=count(mc.draws, lang), seed=mc.seed) if mc else \
        stamp_text(view.stamp, lang)
    st.caption(f"{t('stamp_prefix', lang)}: {line}")


def _break_even(scenario_json: str, lang: str) -> None:
    st.markdown(f"#### {t('cert_breakeven', lang)}")
    try:
        be = compute.break_even_of(scenario_json)
    except ValueError as exc:
        st.error(t("cert_calc_error", lang, msg=model_error(exc, lang)), icon=":material/warning:")
        return
    with st.container(border=True, key="cert_sentence"):
        st.markdown(f"**{break_even_sentence(be, lang)}**")
        lines = []
        for r in be.share_roots:
            args = dict(cohort=r.cohort, month=r.by_month, without=pct(r.share_without, 1, lang))
            if r.status == "ok":
                lines.append(t("cert_root_ok", lang, share=pct(r.break_even_share, 1, lang), pp=number(r.effect_pp, 1, lang),
                               entered=pct(r.share_with, 1, lang), **args))
            elif r.status == "always":
                lines.append(t("cert_root_always", lang, **args))
            else:
                lines.append(t("cert_root_never", lang, **args))
        latest = be.latest
        if latest is not None and latest.delay_months is not None and len(latest.months) > 1 and not be.pays_without_effect:
            for cohort, (field, entered, month) in latest.months.items():
                key = "cert_latest_from" if field == "from_month" else "cert_latest_by"
                lines.append(t(key, lang, cohort=cohort, latest=month, entered=entered))
        if lines:
            st.markdown("\n".join(f"- {line}" for line in lines))


def _tornado(scenario_json: str, scenario: Scenario, lang: str) -> None:
    ss = st.session_state
    st.markdown(f"#### {t('cert_tornado', lang)}")
    spec, errors = read_tornado(ss, scenario.budget_year, lang)
    spec_json = _valid_json(spec, errors, ss, "cert_last_tornado", TornadoSpec)
    if errors:
        st.warning(t("cert_invalid_spec", lang), icon=":material/warning:")
    try:
        tor = compute.tornado_of(scenario_json, spec_json)
    except ValueError as exc:
        st.error(t("cert_calc_error", lang, msg=model_error(exc, lang)), icon=":material/warning:")
        tor = None
    if tor is not None:
        df = tornado_table(tor, lang)
        st.vega_lite_chart(chartdata.spec("tornado", chartdata.tornado_data(df, tor.base_npv, lang), lang,
                                          height=chartdata.tornado_height(df)), width="stretch", key="chart_tornado")
        note = t("cert_tornado_note", lang, base=money(tor.base_npv, lang))
        failed = [tornado_input_label(b.key, lang) for b in tor.bars if b.error]
        if failed:
            note += " " + t("cert_tornado_failed", lang, names=", ".join(failed))
        st.caption(note)
        table_and_csv(display_tornado(df, lang),
                       df[["key", "label", "low", "high", "low_text", "high_text", "npv_low", "npv_high", "net_low",
                           "net_high", "swing", "error"]],
                       "foelsomhed" if lang == "da" else "sensitivity", "cert_tornado", lang)
    _tornado_editor(scenario.budget_year, errors, lang)


def _unit_label(unit: Unit, lang: str) -> str:
    return t(f"cert_unit_{unit.name}", lang)


def _tornado_editor(budget_year: int, errors: dict, lang: str) -> None:
    box = section(t("cert_tornado_edit", lang), "sec_cert_tornado", errors, tuple(errors))
    if box is None:
        return
    widths = [3, 2, 2]
    with box:
        st.caption(t("cert_tornado_edit_note", lang))
        head = st.columns(widths)
        for col, text in zip(head, ("cert_col_input", "cert_low", "cert_high")):
            col.markdown(f"**{t(text, lang)}**")
        span = tax_rate_range(budget_year)
        for key in TORNADO_KEYS:
            label = tornado_input_label(key, lang)
            unit = tornado_unit(key)
            name = f"{label} ({_unit_label(unit, lang)})"
            whole = key == "prior_weeks"
            step, fmt = (1.0, "%.0f") if whole else (5.0, "%.1f") if unit.name == "factor" else (0.1, "%.2f")
            cols = st.columns(widths, vertical_alignment="center")
            cols[0].markdown(name)
            for col, side in zip(cols[1:], ("low", "high")):
                widget = f"cert_t_{key}_{side}"
                kwargs = {}
                if key == "tax_rate":  # empty: the lowest and highest municipality in the budget year
                    kwargs = {"value": None, "placeholder": share(round(getattr(span, side), 6), lang)}
                with col:
                    st.number_input(f"{name}: {t('cert_' + side, lang).lower()}", key=widget, step=step, format=fmt,
                                    persist_state=PERSIST, label_visibility="collapsed", **kwargs)
                    show_errors(errors, widget)
            show_errors(errors, f"cert_t_{key}")


def _montecarlo(scenario_json: str, lang: str):
    ss = st.session_state
    st.markdown(f"#### {t('cert_mc', lang)}")
    spec, errors = read_montecarlo(ss, lang)  # the widgets' values are in session state before they are drawn
    c1, c2 = st.columns(2)
    with c1:
        st.number_input(t("cert_seed", lang), key="cert_seed", step=1, format="%d", persist_state=PERSIST)
        show_errors(errors, "cert_seed")
    with c2:
        st.number_input(t("cert_draws", lang), key="cert_draws", step=1000, format="%d", persist_state=PERSIST)
        show_errors(errors, "cert_draws")
    spec_json = _valid_json(spec, errors, ss, "cert_last_mc", MonteCarloSpec)
    if errors:
        st.warning(t("cert_invalid_spec", lang), icon=":material/warning:")
    mc = None
    try:
        mc = compute.montecarlo_of(scenario_json, spec_json)
    except ValueError as exc:
        st.error(t("cert_calc_error", lang, msg=model_error(exc, lang)), icon=":material/warning:")
    if mc is not None:
        npv = mc.percentiles("npv")
        top, bottom = st.columns(2), st.columns(2)  # two by two: the results pane is too narrow for four in a row
        cols = [*top, *bottom]
        for col, p in zip(cols, (10, 50, 90)):
            with col:
                st.metric(t(f"cert_p{p}", lang), money(npv[p], lang), border=True, help=t("cert_p_help", lang, p=p))
        pays = int(np.count_nonzero(mc.npv >= 0.0))
        with cols[3]:
            st.metric(t("cert_prob", lang), probability(mc.probability_pays_off, lang), border=True,
                      delta=t("cert_prob_delta", lang, n=count(pays, lang), draws=count(mc.draws, lang)),
                      delta_color="off", delta_arrow="off", help=t("cert_prob_help", lang))
        bins = histogram(mc.npv, lang)
        texts = {p: money(v, lang) for p, v in npv.items()}
        st.vega_lite_chart(chartdata.spec("montecarlo", chartdata.montecarlo_data(bins, npv, lang, texts), lang),
                           width="stretch", key="chart_montecarlo")
        st.caption(t("cert_mc_note", lang, draws=count(mc.draws, lang), plain=money(mc.deterministic_npv, lang)))
        if mc.unreachable:
            st.warning(t("cert_unreachable", lang, n=count(mc.unreachable, lang), draws=count(mc.draws, lang)),
                       icon=":material/info:")
        box = st.expander(t("show_table", lang), icon=":material/table:", key="tbl_cert_mc", on_change="rerun")
        if box.open:
            with box:
                shown, raw = montecarlo_summary(mc, lang)
                st.dataframe(shown, hide_index=True, width="stretch")
                st.dataframe(pd.DataFrame({t("cert_col_from", lang): [money(v, lang) for v in bins["start"]],
                                           t("cert_col_to", lang): [money(v, lang) for v in bins["end"]],
                                           t("cert_col_count", lang): bins["count"],
                                           t("cert_col_share", lang): bins["share_text"]}),
                             hide_index=True, width="stretch", height=250)
                b1, b2 = st.columns(2)
                with b1:
                    csv_button(t("download_csv", lang), bins[["start", "end", "count", "share"]],
                               "npv_fordeling.csv" if lang == "da" else "npv_distribution.csv", "csv_cert_mc", lang)
                with b2:
                    st.download_button(t("cert_all_draws", lang), data=lambda: csv_bytes(draws_table(mc), lang),
                                       file_name="traek.csv" if lang == "da" else "draws.csv", mime="text/csv",
                                       key="csv_cert_draws", on_click="ignore", icon=":material/download:")
    _montecarlo_editor(errors, lang)
    return mc


def _montecarlo_editor(errors: dict, lang: str) -> None:
    inside = tuple(k for k in errors if k.startswith("cert_mc_"))
    box = section(t("cert_mc_edit", lang), "sec_cert_mc", errors, inside)
    if box is None:
        return
    ss = st.session_state
    labels = {"low": t("cert_low", lang), "mode": t("cert_mode", lang), "high": t("cert_high", lang),
              "mean": t("cert_mean", lang), "sd": t("cert_sd", lang)}
    kinds = {k: t(f"cert_kind_{k}", lang) for k in KINDS}
    with box:
        st.caption(t("cert_mc_edit_note", lang))
        for key in MC_KEYS:
            label = montecarlo_input_label(key, lang)
            st.markdown(f"**{label}** ({t('cert_unit_factor', lang)})")
            cols = st.columns([4, 2, 2, 2])
            with cols[0]:
                st.selectbox(t("cert_kind", lang), KINDS, key=f"cert_mc_{key}_kind", format_func=kinds.__getitem__,
                             persist_state=PERSIST)
            kind = ss.get(f"cert_mc_{key}_kind") or "triangular"
            for col, p in zip(cols[1:], MC_PARAMS.get(kind, ())):
                widget = f"cert_mc_{key}_{p}"
                with col:
                    st.number_input(f"{labels[p]} (%)", key=widget, step=5.0, format="%.1f", persist_state=PERSIST)
                    show_errors(errors, widget)
            show_errors(errors, f"cert_mc_{key}")


def _optimism_bias(scenario: Scenario, lang: str, stale: bool) -> None:
    ss = st.session_state
    st.markdown(f"#### {t('cert_ob', lang)}")
    st.caption(t("cert_ob_intro", lang))
    flash = ss.pop("cert_flash", None)
    if flash:
        st.success(flash, icon=":material/check_circle:")
    if stale:
        st.caption(t("cert_ob_stale", lang))
        return
    items = evidence_cohorts(ss, scenario)
    for e in items:
        if e.status == "edited":
            st.caption(t("cert_ob_edited", lang, cohort=e.name, preset=preset_title(e.preset, lang)))
    items = [e for e in items if e.status != "edited"]
    if not items:
        st.caption(t("cert_ob_none", lang))
        return

    table = load_optimism_bias()
    designs = [d for d in table.designs if any(e.preset.design == d for e in items)]
    rates, errors = read_rates(ss, designs, lang)
    for design in designs:  # the percentage at the left, its default and reason at the right
        rate = table.designs[design]
        c1, c2 = st.columns(2, vertical_alignment="center")
        with c1:
            label = (rate.label if lang == "da" else rate.label_en).lower()
            st.number_input(t("cert_ob_rate", lang, design=label), key=f"cert_ob_{design}", step=5.0, format="%.0f",
                            persist_state=PERSIST)
            show_errors(errors, f"cert_ob_{design}")
        with c2:
            status = "" if table.status == "verified" else (" (skøn)" if lang == "da" else " (estimate)")
            st.caption(t("cert_ob_default", lang, rate=share(rate.haircut, lang), status=status, reason=rate.reason))
    if rates is None:
        st.warning(t("cert_invalid_spec", lang), icon=":material/warning:")
        rates = {**table.rates(), **json.loads(ss.get("cert_last_rates") or "{}")}
    else:
        ss["cert_last_rates"] = json.dumps({**json.loads(ss.get("cert_last_rates") or "{}"), **rates}, sort_keys=True)
    sources = "  \n".join(f"[{s.title}]({s.url})" for s in table.sources)
    st.caption(f"{t('cert_ob_sources', lang)}:  \n{sources}")

    base = base_scenario(scenario, items)
    try:
        h = compute.haircut_of(*haircut_args(base, items, rates))
    except ValueError as exc:
        st.error(t("cert_calc_error", lang, msg=model_error(exc, lang)), icon=":material/warning:")
        return
    by_name = {c.cohort: c for c in h.cohorts}
    for e in items:  # one small before/after table per cohort
        c = by_name[e.name]
        after = h.after.cohorts[e.index].effect
        st.markdown(t("cert_ob_cohort", lang, cohort=e.name, study=preset_title(e.preset, lang),
                      design=design_label(e.preset.design, lang), rate=share(c.haircut, lang)))
        st.table(pd.DataFrame({
            t("cert_col_measure", lang): [t("col_effect", lang), t("col_extra", lang), t("cert_ob_row_pp", lang)],
            t("cert_ob_before", lang): [describe_effect(e.before, lang), count(c.people_before, lang),
                                        number(c.pp_before, 1, lang)],
            t("cert_ob_after", lang): [describe_effect(after, lang), count(c.people_after, lang),
                                       number(c.pp_after, 1, lang)],
        }), hide_index=True)
    c1, c2 = st.columns(2)
    with c1:
        st.metric(t("cert_ob_npv_before", lang), money(h.npv_before, lang), border=True)
    with c2:
        st.metric(t("cert_ob_npv_after", lang), money(h.npv_after, lang), border=True,
                  delta=money(h.npv_after - h.npv_before, lang), delta_color="normal")
    st.caption(t("cert_ob_net_line", lang, before=money(h.net_before, lang), after=money(h.net_after, lang)))

    in_use = all(same_effect(e.current, h.after.cohorts[e.index].effect) for e in items)
    reduced = [e for e in items if e.status == "reduced"]
    if in_use and reduced:
        st.success(t("cert_ob_in_use", lang), icon=":material/check_circle:")
        st.button(t("cert_ob_undo", lang), key="ob_undo", on_click=_undo_haircut,
                  args=([(e.uid, e.before) for e in reduced], lang), icon=":material/undo:")
    elif not in_use:
        apply = [(e.uid, e.before, h.after.cohorts[e.index].effect, e.preset.design, by_name[e.name].haircut) for e in items]
        st.button(t("cert_ob_apply", lang), key="ob_apply", on_click=_apply_haircut, args=(apply,), type="primary",
                  icon=":material/content_cut:")
