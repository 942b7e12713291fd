"""Command line: ``python -m calculator run SCENARIO`` and ``python -m calculator params --year 2025``.

``analyse`` and ``export`` (break-even, sensitivity, uncertainty; Excel, PDF, CSV) live in
:mod:`calculator.cli_analysis`.

Bad input never shows a traceback: each problem is one Danish line on stderr and the exit code
is 2 (the convention for usage errors).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from pydantic import ValidationError

from . import __version__
from .flows import COST_STREAMS, MUNICIPAL_GAIN_STREAMS, STAKEHOLDER_LABELS, stream_label
from .cli_analysis import COMMANDS as ANALYSIS_COMMANDS
from .cli_analysis import add_commands as add_analysis_commands
from .cli_analysis import run_command as run_analysis_command
from .formatting import kr, number, pct
from .messages import problem_lines
from .model import calculate
from .parameters import ParameterError, load_parameters
from .scenario import Scenario, read_scenario_text, scenario_from_mapping

EXIT_BAD_INPUT = 2
MAX_FILE_BYTES = 1_000_000


class BadInput(Exception):
    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def read_scenario(path: str) -> Scenario:
    p = Path(path)
    if not p.is_file():
        raise BadInput([f"Filen findes ikke: {path}"])
    if p.stat().st_size > MAX_FILE_BYTES:
        raise BadInput([f"Filen er for stor ({p.stat().st_size:,} byte; højst {MAX_FILE_BYTES:,}): {path}".replace(",", ".")])
    if p.suffix.lower() not in (".json", ".yaml", ".yml"):
        raise BadInput([f"Scenariefilen skal være .json, .yaml eller .yml: {path}"])
    try:
        data = read_scenario_text(p.read_text(encoding="utf-8"), p.suffix)
    except UnicodeDecodeError:
        raise BadInput([f"Filen er ikke tekst i UTF-8: {path}"]) from None
    except (ValueError, ParameterError) as exc:  # JSONDecodeError is a ValueError; YAML errors are wrapped
        raise BadInput([f"Filen kan ikke læses som scenarie: {exc}"]) from None
    except Exception as exc:  # yaml.YAMLError and friends: still one line, never a traceback
        raise BadInput([f"Filen kan ikke læses som scenarie: {str(exc).splitlines()[0]}"]) from None
    try:
        return scenario_from_mapping(data)
    except ValidationError as exc:
        raise BadInput(problem_lines(exc)) from None


def _calculate(scenario: Scenario):
    try:
        result = calculate(scenario)
        result.summary  # noqa: B018 - surfaces parameter errors here, not mid-printing
        return result
    except (ParameterError, ValueError) as exc:
        raise BadInput([str(exc)]) from None


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


def render_params(year: int) -> str:
    when = dt.date(year, 1, 1)
    lines = [f"Parametre i kraft 1.1.{year} (skøn = ikke bekræftet i officiel kilde):", ""]
    for e in load_parameters().in_force(when):
        status = "skøn" if e.status == "estimate" else "bekræftet"
        value = number(e.value, 6).rstrip("0").rstrip(",") if e.unit == "andel" else number(e.value, 2).removesuffix(",00")
        lines.append(f"{e.name}  =  {value} {e.unit}  (fra {e.valid_from:%d.%m.%Y}, {status})")
        lines.append(f"    {e.description}")
        lines.append(f"    Kilde: {e.source_title} <{e.source_url}>")
        if e.note:
            lines.append(f"    Note: {e.note}")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m calculator", description="Business case for en beskæftigelsesindsats")
    parser.add_argument("--version", action="version", version=__version__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="beregn et scenarie (YAML eller JSON)")
    run.add_argument("scenario")
    run.add_argument("--json", action="store_true", help="skriv resuméet som JSON")
    run.add_argument("--csv", metavar="FIL", help="skriv månedstabellen som CSV")
    params = sub.add_parser("params", help="vis parametrene i kraft et givet år, med kilder")
    params.add_argument("--year", type=int, default=dt.date.today().year)
    add_analysis_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse prints its own one-line usage error
        return EXIT_BAD_INPUT if exc.code else 0
    try:
        if args.command == "params":
            print(render_params(args.year))
            return 0
        if args.command in ANALYSIS_COMMANDS:
            return run_analysis_command(args)
        result = _calculate(read_scenario(args.scenario))
        if args.csv:
            result.monthly_table().to_csv(args.csv, index=False)
        if args.json:
            print(json.dumps(summary_json(result), ensure_ascii=False, indent=2, default=str))
        else:
            print(render_summary(result))
        return 0
    except BadInput as exc:
        for line in exc.lines:
            print(f"Fejl: {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
