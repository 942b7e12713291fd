"""Command line for the analyses and exports: ``analyse`` and ``export`` (wired into :mod:`calculator.cli`).

    python -m calculator analyse SCENARIO [--json] [--draws N] [--seed S] [--no-montecarlo] [--design D]
    python -m calculator export SCENARIO [--xlsx FIL] [--pdf FIL] [--csv-dir MAPPE] [--draws N] [--seed S] [--design D]

``--design`` applies the optimism-bias haircut for that study design to every cohort's effect
(``--haircut`` overrides its percentage). Bad input follows the CLI's convention: one Danish line
per problem on stderr, exit code 2, no traceback. ``--lang en`` writes English.
"""

from __future__ import annotations

import argparse

from calculator.cli.common import BadInput, calculate_checked, json_text, read_scenario
from calculator.cli.parser import whole_number
from calculator.results.stamp import stamp
from calculator.text.analysis_text import analysis_dict, bar_dict
from calculator.text.catalog import Words, text
from calculator.text.labels import stamp_text
from calculator.text.numbers import kr, number, pct, probability
from calculator.text.sentences import break_even_sentence, model_error, share_root_sentence
from calculator.version import __version__

COMMANDS = ("analyse", "export")
DESIGNS = ("randomised", "quasi_experimental", "descriptive", "case")


def _share(lang: str):
    def share(text_: str) -> float:
        """A percentage as typed (``25``, ``25 %`` or ``12,5``) as a share."""
        try:
            value = float(text_.replace(",", ".").rstrip("% ")) / 100
        except ValueError:
            raise argparse.ArgumentTypeError(text("cli.analyse.not_percent", lang, value=text_)) from None
        if not 0.0 <= value <= 1.0:  # NaN is not either
            raise argparse.ArgumentTypeError(text("cli.analyse.haircut_range", lang))
        return value

    return share


def add_commands(sub, lang: str = "da") -> None:
    from calculator.analysis.montecarlo import MAX_DRAWS, MAX_SEED

    for name in COMMANDS:
        p = sub.add_parser(name, help=text(f"cli.help.{name}"))
        p.add_argument("scenario")
        p.add_argument("--draws", type=whole_number(1, MAX_DRAWS, "cli.analyse.draws_range", lang), default=None,
                       help=text("cli.help.draws"))  # None: 10,000, or fewer where the scenario is large (default_draws)
        p.add_argument("--seed", type=whole_number(0, MAX_SEED, "cli.analyse.seed_range", lang), default=2024,
                       help=text("cli.help.seed"))
        p.add_argument("--no-montecarlo", action="store_true", help=text("cli.help.no_montecarlo"))
        p.add_argument("--design", choices=DESIGNS, help=text("cli.help.design"))
        p.add_argument("--haircut", type=_share(lang), help=text("cli.help.haircut"))
        if name == "analyse":
            p.add_argument("--json", action="store_true", help=text("cli.help.json_analysis"))
        else:
            p.add_argument("--xlsx", metavar="FIL", help=text("cli.help.xlsx"))
            p.add_argument("--pdf", metavar="FIL", help=text("cli.help.pdf"))
            p.add_argument("--csv-dir", metavar="MAPPE", help=text("cli.help.csv_dir"))


def run_command(args) -> int:
    from calculator.analysis import MonteCarloSpec, analyse, apply_optimism_bias
    from calculator.analysis.montecarlo import default_draws

    lang = args.lang
    if args.command == "export" and not (args.xlsx or args.pdf or args.csv_dir):
        raise BadInput([text("cli.export.nothing", lang)])
    scenario = read_scenario(args.scenario, lang)
    calculate_checked(scenario, lang)  # the scenario's own errors first, as `run` reports them
    haircut = None
    try:
        if args.design:
            rates = {args.design: args.haircut} if args.haircut is not None else None
            haircut = apply_optimism_bias(scenario, args.design, rates)
            scenario = haircut.after
        elif args.haircut is not None:
            raise BadInput([text("cli.analyse.haircut_needs_design", lang)])
        result = calculate_checked(scenario, lang)
        draws = args.draws if args.draws is not None else default_draws(scenario)
        analysis = analyse(scenario, mc_spec=MonteCarloSpec(draws=draws, seed=args.seed),
                           montecarlo=not args.no_montecarlo, haircut=haircut)
    except ValueError as exc:
        raise BadInput([model_error(exc, lang)]) from None
    if args.command == "analyse":
        if args.json:
            print(json_text(analysis_json(result, analysis, lang)))
        else:
            print(render_analysis(result, analysis, lang))
        return 0
    return _export(args, result, analysis)


def analysis_json(result, analysis, lang: str = "da") -> dict:
    st = stamp(result.scenario)
    data = analysis_dict(analysis, lang)
    data.update({"scenario": result.scenario.name, "model_version": __version__,
                 "parameters_date": st.parameters_date.isoformat(), "scenario_hash": st.scenario_hash})
    return data


def render_analysis(result, analysis, lang: str = "da") -> str:
    w = Words(lang)
    money = lambda v: kr(v, lang)  # noqa: E731
    be = analysis.break_even
    lines = [result.scenario.name, "", w("cli.analyse.break_even"), "  " + break_even_sentence(be, lang)]
    lines += ["  " + share_root_sentence(r, lang) for r in be.share_roots]
    t = analysis.tornado
    metric = w("cli.analyse.metric_npv") if t.metric == "npv" else w("cli.analyse.metric_net")
    lines += ["", w("cli.analyse.tornado", metric=metric)]
    for b in t.bars:
        row = bar_dict(b, lang)
        lo, hi = (b.npv_low, b.npv_high) if t.metric == "npv" else (b.net_low, b.net_high)
        shown = f"{money(lo):>16} {money(hi):>16}" if b.error is None else f"  {row['error']}"
        lines.append(f"  {row['label']:<44}{row['low_text']:>9}{row['high_text']:>9} {shown}")
    mc = analysis.montecarlo
    if mc is not None:
        npv, net = mc.percentiles("npv"), mc.percentiles("net")
        lines += ["", w("cli.analyse.montecarlo", draws=number(mc.draws, 0, lang), seed=mc.seed),
                  w("cli.analyse.mc_npv", p10=money(npv[10]), p50=money(npv[50]), p90=money(npv[90])),
                  w("cli.analyse.mc_net", p10=money(net[10]), p50=money(net[50]), p90=money(net[90])),
                  w("cli.analyse.mc_probability", probability=probability(mc.probability_pays_off, lang))]
        within = mc.probability_payback_within()
        if within is not None:
            lines.append(w.n("cli.analyse.mc_payback", mc.payback_years, probability=probability(within, lang)))
    h = analysis.haircut
    if h is not None:
        lines += ["", w("cli.analyse.haircut")]
        for c in h.cohorts:
            lines.append(w("cli.analyse.haircut_cohort", cohort=c.cohort, haircut=pct(c.haircut, 0, lang), design=c.design,
                           before=number(c.people_before, 1, lang), after=number(c.people_after, 1, lang),
                           npv_before=money(h.npv_before), npv_after=money(h.npv_after)))
    lines += ["", stamp_text(stamp(result.scenario), lang)]
    return "\n".join(lines)


def _export(args, result, analysis) -> int:
    written = []
    try:
        if args.xlsx:
            from calculator.export.excel import write_workbook

            written.append(write_workbook(result, args.xlsx, analysis, lang=args.lang))
        if args.pdf:
            from calculator.export.pdf import write_report

            written.append(write_report(result, args.pdf, analysis, lang=args.lang))
        if args.csv_dir:
            from calculator.export.csv_export import write_csvs

            written += write_csvs(result, args.csv_dir, analysis, lang=args.lang)
    except ValueError as exc:  # ModelError: the file could not be written or the export failed
        raise BadInput([model_error(exc, args.lang)]) from None
    for path in written:
        print(text("cli.export.written", args.lang, path=path))
    return 0
