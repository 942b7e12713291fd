"""``python -m calculator run SCENARIO [--json] [--csv FIL]``: the summary of one scenario."""

from __future__ import annotations

from calculator.analysis.breakeven import break_even_of
from calculator.analysis.checks import scenario_checks
from calculator.rules.flows import COST_STREAMS, MUNICIPAL_GAIN_STREAMS
from calculator.text.catalog import Words
from calculator.text.labels import stakeholder_label, stream_label
from calculator.text.numbers import kr, number, pct
from calculator.text.sentences import break_even_sentence, check_sentences, notice_sentences, payback_within_text
from calculator.version import __version__


def render_summary(result, lang: str = "da") -> str:
    s = result.summary
    sc = result.scenario
    w = Words(lang)
    money = lambda v: kr(v, lang)  # noqa: E731
    lines = [
        f"{s.scenario}",
        w("cli.run.heading", municipality=sc.municipality, year=sc.budget_year, months=sc.horizon_months,
          start=f"{sc.start_date:%m.%Y}", participants=s.participants, extra=number(s.extra_people_in_jobs, 1, lang)),
        w("cli.run.full_year", persons=number(s.full_year_persons, 1, lang)),
        "",
        w("cli.run.gains_by_stream"),
    ]
    for stream in MUNICIPAL_GAIN_STREAMS:
        note = "" if (stream != "udligning" or s.headline_after_udligning) else "  " + w("cli.run.not_counted")
        lines.append(f"  {stream_label(stream, lang):<38}{money(s.streams[stream]):>18}{note}")
    lines += [
        f"  {w('cli.run.gains_total'):<38}{money(s.gains):>18}",
        w("cli.run.costs"),
    ]
    for stream in COST_STREAMS:
        if s.costs_by_type[stream]:
            lines.append(f"  {stream_label(stream, lang):<38}{money(-s.costs_by_type[stream]):>18}")
    lines += [
        f"  {w('cli.run.costs_total'):<38}{money(-s.costs):>18}",
        "",
        f"{w('cli.run.net'):<40}{money(s.net):>18}",
        f"{'  ' + w('cli.run.per_participant'):<40}{money(s.net_per_participant):>18}",
        f"{w('cli.run.npv', rate=pct(s.discount_rate, 1, lang)):<40}{money(s.npv):>18}",
    ]
    if s.external_funding:
        lines += [f"{w('cli.run.funding'):<40}{money(s.external_funding):>18}",
                  f"{w('budget.net_own_money'):<40}{money(s.net_own_money):>18}"]
    if s.benefit_cost_ratio is not None:
        lines.append(f"{w('cli.run.ratio'):<40}{number(s.benefit_cost_ratio, 2, lang):>18}")
    if s.costs > 0:
        payback = w("payback.month", month=s.payback_month) if s.payback_month else w("payback.never")
        lines.append(f"{w('cli.run.payback'):<40}{payback:>18}")
        within = payback_within_text(s, lang)
        if within is not None:
            lines.append(f"{w.n('payback.within_label', s.payback_years):<40}{within:>18}")
        lines.append(break_even_sentence(break_even_of(result), lang))
    lines += [
        "",
        w("cli.run.tax", before=money(s.kommuneskat_foer_udligning), after=money(s.kommuneskat_efter_udligning)),
        w("cli.run.per_year") + "; ".join(f"{y['year']}: {money(y['net'])}" for y in s.per_year),
        w("cli.run.parties") + "; ".join(f"{stakeholder_label(k, lang)} {money(v)}" for k, v in s.stakeholders.items()),
        w("cli.run.footer", version=__version__, year=sc.budget_year),
    ]
    notes = notice_sentences(result, lang)
    if notes:
        lines += ["", *(w("cli.run.notice", text=n) for n in notes)]
    checks = check_sentences(scenario_checks(sc), lang)
    if checks:
        lines += ["", w("cli.run.checks"), *(w("cli.run.check", text=c) for c in checks)]
    return "\n".join(lines)


def summary_json(result, lang: str = "da") -> dict:
    data = result.summary.to_dict()
    data["notices"] = notice_sentences(result, lang)
    data["checks"] = [{"code": c.code, **c.values} for c in scenario_checks(result.scenario)]
    data["model_version"] = __version__
    return data
