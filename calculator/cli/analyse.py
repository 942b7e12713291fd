"""Command line for the analyses and exports: ``analyse`` and ``export`` (wired into :mod:`calculator.cli`).

    python -m calculator analyse SCENARIO [--json] [--draws N] [--seed S] [--no-montecarlo] [--design D]
    python -m calculator export SCENARIO [--xlsx FIL] [--pdf FIL] [--csv-dir MAPPE] [--draws N] [--seed S] [--design D]

``--design`` applies the optimism-bias haircut for that study design to every cohort's effect
(``--haircut`` overrides its percentage). Bad input follows the CLI's convention: one Danish line
per problem on stderr, exit code 2, no traceback.
"""

from __future__ import annotations

import argparse
import json

from calculator.cli.common import BadInput, calculate_checked, read_scenario

COMMANDS = ("analyse", "export")
DESIGNS = ("randomised", "quasi_experimental", "descriptive", "case")


def _draws(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 200_000:
        raise argparse.ArgumentTypeError("antal træk skal være mellem 1 og 200.000")
    return value


def _share(text: str) -> float:
    """A percentage as typed (``25``, ``25 %`` or ``12,5``) as a share."""
    try:
        value = float(text.replace(",", ".").rstrip("% ")) / 100
    except ValueError:
        raise argparse.ArgumentTypeError(f"ikke en procent: {text}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("reduktionen skal være mellem 0 og 100 %")
    return value


def add_commands(sub) -> None:
    for name, help_text in (("analyse", "break-even, følsomhed og usikkerhed for et scenarie"),
                            ("export", "skriv Excel, PDF-rapport og CSV for et scenarie")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("scenario")
        p.add_argument("--draws", type=_draws, default=10_000, help="antal Monte Carlo-træk (standard 10.000)")
        p.add_argument("--seed", type=int, default=2024, help="frø for tilfældige tal (samme frø, samme tal)")
        p.add_argument("--no-montecarlo", action="store_true", help="spring usikkerhedsberegningen over")
        p.add_argument("--design", choices=DESIGNS, help="reducér effekten for optimism bias efter dette design")
        p.add_argument("--haircut", type=_share, help="reduktionen i procent (0-100) for det valgte design i stedet for standarden")
        if name == "analyse":
            p.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
        else:
            p.add_argument("--xlsx", metavar="FIL", help="Excel-projektmappe med levende formler")
            p.add_argument("--pdf", metavar="FIL", help="rapport til et dagsordenspunkt (PDF)")
            p.add_argument("--csv-dir", metavar="MAPPE", help="mappe til én CSV-fil pr. tabel")


def run_command(args) -> int:
    from calculator.analysis import MonteCarloSpec, analyse, apply_optimism_bias

    if args.command == "export" and not (args.xlsx or args.pdf or args.csv_dir):
        raise BadInput(["angiv mindst én af --xlsx, --pdf og --csv-dir"])
    scenario = read_scenario(args.scenario)
    calculate_checked(scenario)  # the scenario's own errors first, as `run` reports them
    haircut = None
    try:
        if args.design:
            rates = {args.design: args.haircut} if args.haircut is not None else None
            haircut = apply_optimism_bias(scenario, args.design, rates)
            scenario = haircut.after
        elif args.haircut is not None:
            raise BadInput(["--haircut kræver --design (hvilket undersøgelsesdesign effekten kommer fra)"])
        result = calculate_checked(scenario)
        analysis = analyse(scenario, mc_spec=MonteCarloSpec(draws=args.draws, seed=args.seed),
                           montecarlo=not args.no_montecarlo, haircut=haircut)
    except ValueError as exc:
        raise BadInput([str(exc)]) from None
    if args.command == "analyse":
        if args.json:
            print(json.dumps(analysis_json(result, analysis), ensure_ascii=False, indent=2, default=str))
        else:
            print(render_analysis(result, analysis))
        return 0
    return _export(args, result, analysis)


def analysis_json(result, analysis) -> dict:
    from calculator import __version__
    from calculator.results.stamp import stamp

    st = stamp(result.scenario)
    data = analysis.to_dict()
    data.update({"scenario": result.scenario.name, "model_version": __version__,
                 "parameters_date": st.parameters_date.isoformat(), "scenario_hash": st.scenario_hash})
    return data


def render_analysis(result, analysis) -> str:
    from calculator.results.stamp import stamp
    from calculator.text.numbers import kr, number, pct, probability

    lines = [result.scenario.name, "", "Break-even (nutidsværdi = 0):", "  " + analysis.break_even.sentence("da")]
    for r in analysis.break_even.share_roots:
        if r.status == "ok":
            lines.append(f"  {r.cohort}: mindst {pct(r.break_even_share, 1)} i job efter {r.by_month} mdr. "
                         f"({number(r.effect_pp, 1)} procentpoint over uden indsatsen; angivet {pct(r.share_with, 1)})")
        elif r.status == "always":
            lines.append(f"  {r.cohort}: betaler sig også uden ekstra andel i job")
        else:
            lines.append(f"  {r.cohort}: betaler sig ikke ved nogen opnåelig andel i job")
    t = analysis.tornado
    metric = "NPV" if t.metric == "npv" else "nettoresultat"
    lines += ["", f"Følsomhed ({metric} ved lav og høj værdi, én forudsætning ad gangen; størst udsving først):"]
    for b in t.bars:
        lo, hi = (b.npv_low, b.npv_high) if t.metric == "npv" else (b.net_low, b.net_high)
        shown = f"{kr(lo):>16} {kr(hi):>16}" if b.error is None else f"  {b.error}"
        lines.append(f"  {b.label:<44}{b.low_text:>9}{b.high_text:>9} {shown}")
    mc = analysis.montecarlo
    if mc is not None:
        npv, net = mc.percentiles("npv"), mc.percentiles("net")
        lines += ["", f"Usikkerhed ({number(mc.draws)} træk, frø {mc.seed}):",
                  f"  NPV            P10 {kr(npv[10])}, P50 {kr(npv[50])}, P90 {kr(npv[90])}",
                  f"  Nettoresultat  P10 {kr(net[10])}, P50 {kr(net[50])}, P90 {kr(net[90])}",
                  f"  Sandsynlighed for at indsatsen betaler sig (NPV ≥ 0): {probability(mc.probability_pays_off)}"]
    h = analysis.haircut
    if h is not None:
        lines += ["", "Optimism bias (effekten før → efter reduktionen):"]
        for c in h.cohorts:
            lines.append(f"  {c.cohort}: {pct(c.haircut, 0)} ({c.design}): {number(c.people_before, 1)} → "
                         f"{number(c.people_after, 1)} ekstra i job; NPV {kr(h.npv_before)} → {kr(h.npv_after)}")
    lines += ["", stamp(result.scenario).text("da")]
    return "\n".join(lines)


def _export(args, result, analysis) -> int:
    import errno


    written = []
    try:
        if args.xlsx:
            from calculator.export.excel import write_workbook

            written.append(write_workbook(result, args.xlsx, analysis))
        if args.pdf:
            from calculator.export.pdf import write_report

            written.append(write_report(result, args.pdf, analysis))
        if args.csv_dir:
            from calculator.export.csv_export import write_csvs

            written += write_csvs(result, args.csv_dir, analysis)
    except OSError as exc:
        why = {errno.ENOENT: "mappen findes ikke", errno.EACCES: "ingen adgang", errno.EISDIR: "det er en mappe",
               errno.ENOSPC: "disken er fuld"}.get(exc.errno, exc.strerror or str(exc))
        raise BadInput([f"kan ikke skrive {exc.filename or 'filen'}: {why}"]) from None
    for path in written:
        print(f"Skrevet: {path}")
    return 0
