"""One-way sensitivity (tornado): the result at a low and a high value of one input at a time.

Ten inputs, each moved alone while everything else stays as entered:

- multipliers on the scenario's own values (see :mod:`calculator.variation`): the effect, the
  hourly wage, the hours per week, the benefit rate, the costs and the job-exit rate; default
  -25 % / +25 % (the issue's fallback where the evidence gives no range);
- values: weeks on benefit before the start (which step of the refusion staircase the saved
  benefit is on: 0 weeks = a new case, 80 % refusion; 104 weeks = 20 %), the municipal tax rate
  (default: the lowest and highest rate of the 98 municipalities in the budget year, from the
  same table the model reads), and the discount rate (default 2.5 % and 4.5 %: Finansministeriet's
  rate for years 36-70 and the same distance above its 3.5 %);
- a switch: udligning counted or not in the headline.

Bars are sorted by their swing, |result at high - result at low|, in the NPV by default (the
discount rate moves only the NPV; choose ``metric="net"`` for the undiscounted net result). Every
low and high value is editable through :class:`TornadoSpec`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from calculator.analysis.outcome import outcome
from calculator.data.municipalities import municipal_tax, municipalities
from calculator.rules.variation import Variation
from calculator.schema import Scenario

FACTOR, VALUE, SWITCH = "factor", "value", "switch"

INPUTS: dict[str, str] = {  # key -> kind; the words are the catalogue's "tornado.input.<key>"
    "effect": FACTOR,
    "wage": FACTOR,
    "hours": FACTOR,
    "benefit": FACTOR,
    "prior_weeks": VALUE,
    "tax_rate": VALUE,
    "udligning": SWITCH,
    "costs": FACTOR,
    "exit_rate": FACTOR,
    "discount_rate": VALUE,
}


# The largest low or high value: above the largest input (prior weeks, up to 2,000), far below what
# makes a figure infinite (a factor of 1e308 on the costs).
MAX_RANGE_VALUE = 10_000.0


class Range(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
    low: float = Field(ge=0.0, le=MAX_RANGE_VALUE)
    high: float = Field(ge=0.0, le=MAX_RANGE_VALUE)


def _pm25() -> Range:
    return Range(low=0.75, high=1.25)


class TornadoSpec(BaseModel):
    """Low and high values per input; None means the default described in the module docstring."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
    effect: Range = Field(default_factory=_pm25)
    wage: Range = Field(default_factory=_pm25)
    hours: Range = Field(default_factory=_pm25)
    benefit: Range = Field(default_factory=_pm25)
    prior_weeks: Range = Range(low=0, high=104)
    tax_rate: Range | None = None  # None: the lowest and highest municipal rate in the budget year
    udligning: Range = Range(low=0, high=1)  # 0 = not counted, 1 = counted
    costs: Range = Field(default_factory=_pm25)
    exit_rate: Range = Field(default_factory=_pm25)
    discount_rate: Range = Range(low=0.025, high=0.045)
    metric: Literal["npv", "net"] = "npv"


@dataclass(frozen=True)
class TornadoBar:
    key: str
    kind: str
    low: float
    high: float
    net_low: float | None
    net_high: float | None
    npv_low: float | None
    npv_high: float | None
    metric: str
    error: ValueError | None = None  # e.g. a share in jobs that cannot be reached at the higher exit rate

    @property
    def swing(self) -> float:
        a, b = (self.npv_low, self.npv_high) if self.metric == "npv" else (self.net_low, self.net_high)
        return 0.0 if a is None or b is None else abs(b - a)


@dataclass(frozen=True)
class Tornado:
    base_net: float
    base_npv: float
    metric: str
    bars: list[TornadoBar]  # sorted by swing, largest first

    def top(self, n: int = 5) -> list[TornadoBar]:
        return self.bars[:n]


def tax_rate_range(year: int) -> Range:
    """The lowest and highest municipal tax rate of the year (nearest known year)."""
    rates = [municipal_tax(m, year).rate for m in municipalities()]
    return Range(low=min(rates), high=max(rates))


def _scenario_at(scenario: Scenario, key: str, value: float) -> Scenario:
    """The scenario with one input at ``value``, validated again (a value the scenario cannot take is an error)."""
    if key == "prior_weeks":
        return scenario.replace(cohorts=[c.replace(prior_weeks_on_benefit=int(round(value))) for c in scenario.cohorts])
    if key == "tax_rate":
        return scenario.replace(municipal_tax_rate=value)
    if key == "udligning":
        return scenario.replace(options=scenario.options.replace(udligning=bool(value)))
    if key == "discount_rate":
        return scenario.replace(discount_rate=value)
    raise KeyError(key)


def tornado(scenario: Scenario, spec: TornadoSpec | None = None) -> Tornado:
    spec = spec or TornadoSpec()
    base = outcome(scenario)
    bars = []
    for key, kind in INPUTS.items():
        rng = getattr(spec, key)
        if rng is None:
            rng = tax_rate_range(scenario.budget_year)
        values = {}
        error = None
        for side in ("low", "high"):
            value = getattr(rng, side)
            try:
                if kind == FACTOR:
                    values[side] = outcome(scenario, Variation(**{key: value}))
                else:
                    values[side] = outcome(_scenario_at(scenario, key, value))
            except ValueError as exc:  # a share that cannot be reached, a value the scenario cannot take
                values[side] = None
                error = exc
        low, high = values["low"], values["high"]
        bars.append(TornadoBar(
            key=key, kind=kind, low=rng.low, high=rng.high,
            net_low=None if low is None else low.net, net_high=None if high is None else high.net,
            npv_low=None if low is None else low.npv, npv_high=None if high is None else high.npv,
            metric=spec.metric, error=error,
        ))
    # Largest swing first; swings equal to the øre (e.g. wage and hours, which enter as one product)
    # keep the order of INPUTS, so the order never depends on the last bits of a float.
    order = {key: i for i, key in enumerate(INPUTS)}
    bars.sort(key=lambda b: (-round(b.swing, 2), order[b.key]))
    return Tornado(base_net=base.net, base_npv=base.npv, metric=spec.metric, bars=bars)


__all__ = ["INPUTS", "Range", "TornadoSpec", "TornadoBar", "Tornado", "tornado", "tax_rate_range"]
