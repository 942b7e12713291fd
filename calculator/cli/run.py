"""``python -m calculator run SCENARIO [--json] [--csv FIL]``: the summary of one scenario."""

from __future__ import annotations

from calculator import __version__
from calculator.results.flows import COST_STREAMS, MUNICIPAL_GAIN_STREAMS, STAKEHOLDER_LABELS, stream_label
from calculator.text.numbers import kr, number, pct


def render_summary(result, lang: str = "da") -> str:
    s = result.summary
    sc = result.scenario
    lines = [
        f"{s.scenario}",
        f"{sc.municipality} Kommune, budgetår {sc.budget_year}, {sc.horizon_months} måneder fra "
        f"{sc.start_date:%m.%Y}, {s.participants} deltagere, {number(s.extra_people_in_jobs, 1)} ekstra i job",
        "",
        "Kommunens gevinst pr. strøm:",
    ]
    for stream in MUNICIPAL_GAIN_STREAMS:
        note = "" if (stream != "udligning" or s.headline_after_udligning) else "  (ikke medregnet)"
        lines.append(f"  {stream_label(stream):<38}{kr(s.streams[stream]):>18}{note}")
    lines += [
        f"  {'Gevinst i alt':<38}{kr(s.gains):>18}",
        "Omkostninger:",
    ]
    for stream in COST_STREAMS:
        if s.costs_by_type[stream]:
            lines.append(f"  {stream_label(stream):<38}{kr(-s.costs_by_type[stream]):>18}")
    lines += [
        f"  {'Omkostninger i alt':<38}{kr(-s.costs):>18}",
        "",
        f"{'Nettoresultat for kommunen':<40}{kr(s.net):>18}",
        f"{'  pr. deltager':<40}{kr(s.net_per_participant):>18}",
        f"{'Nutidsværdi (NPV, ' + pct(s.discount_rate) + ' p.a.)':<40}{kr(s.npv):>18}",
    ]
    if s.benefit_cost_ratio is not None:
        lines.append(f"{'Gevinst pr. krone brugt':<40}{number(s.benefit_cost_ratio, 2):>18}")
    if s.costs > 0:
        payback = f"måned {s.payback_month}" if s.payback_month else "ikke inden for horisonten"
        lines.append(f"{'Tilbagebetalt':<40}{payback:>18}")
        if s.break_even.extra_people is not None:
            lines.append(
                f"Indsatsen betaler sig (NPV = 0), hvis mindst {number(s.break_even.extra_people, 1)} flere kommer i job "
                f"({number(s.break_even.effect_pp, 1)} procentpoint af deltagerne)."
            )
    lines += [
        "",
        f"Kommuneskat før udligning {kr(s.kommuneskat_foer_udligning)}, efter udligning {kr(s.kommuneskat_efter_udligning)}",
        "Pr. år (kommunen): " + "; ".join(f"{y['year']}: {kr(y['net'])}" for y in s.per_year),
        "Parter: " + "; ".join(f"{STAKEHOLDER_LABELS[k][0]} {kr(v)}" for k, v in s.stakeholders.items()),
        f"Beregnet med model {__version__}. Kilder: python -m calculator params --year {sc.budget_year}",
    ]
    return "\n".join(lines)


def summary_json(result) -> dict:
    data = result.summary.to_dict()
    data["model_version"] = __version__
    return data
