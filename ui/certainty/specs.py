"""The editable specs of "Hvor sikkert er det?": tornado ranges, Monte Carlo distributions, haircut percentages.

The specs are edited in widgets whose values are read by pure functions (:func:`read_tornado`,
:func:`read_montecarlo`, :func:`read_rates`; any mapping will do) that return the spec, or a
message per widget. With a bad entry the message is shown at the field and the last valid spec
is used (:func:`valid_json`), so the last valid analysis stays on screen.

Shown units: factors in percent of the scenario's own value (100 = as entered), prior weeks in
weeks, tax and discount rate in percent. Pure (no Streamlit).
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from calculator.analysis import MonteCarloSpec, Range, TornadoSpec, load_optimism_bias
from calculator.analysis.montecarlo import INPUTS as MC_INPUTS
from calculator.analysis.montecarlo import Distribution
from calculator.analysis.tornado import FACTOR, SWITCH, tax_rate_range
from calculator.analysis.tornado import INPUTS as T_INPUTS
from calculator.text.catalog import text

from ..fmt import count, share
from ..i18n import t

TORNADO_KEYS = tuple(k for k, kind in T_INPUTS.items() if kind != SWITCH)
MC_KEYS = tuple(MC_INPUTS)
KINDS = ("triangular", "uniform", "normal")
MC_PARAMS = {"triangular": ("low", "mode", "high"), "uniform": ("low", "high"), "normal": ("mean", "sd")}
MC_MAX = {"low": 1000.0, "mode": 1000.0, "high": 1000.0, "mean": 1000.0, "sd": 500.0}  # percent (Distribution's bounds)
DRAWS = (100, 200_000)
SEED_MAX = 2**32 - 1


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
        return text("tornado.weeks", lang, weeks=count(value, lang))
    return count(value, lang)


def check_value(value, lo: float, hi: float, unit: str, lang: str, whole: bool = False) -> str | None:
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
            message = check_value(value, unit.lo, unit.hi, unit.name, lang, whole=key == "prior_weeks")
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
        message = check_value(value, lo, hi, "count", lang, whole=True)
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
            message = check_value(value, 0.0, MC_MAX[p], "factor", lang)
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
        message = check_value(value, 0.0, 100.0, "pct", lang)
        if message:
            errors.setdefault(widget, []).append(message)
        else:
            rates[design] = _model(value, 100)
    return (None, errors) if errors else (rates, {})


def valid_json(spec, errors: dict, state: MutableMapping | None, last_key: str, fallback) -> str:
    """The spec's JSON; with errors the last valid one (remembered in ``state`` when given)."""
    if spec is not None and not errors:
        text = spec.model_dump_json()
        if state is not None:
            state[last_key] = text
        return text
    if state is not None and state.get(last_key):
        return state[last_key]
    return fallback().model_dump_json()
