"""Command line: ``python -m calculator run SCENARIO`` and ``python -m calculator params --year 2025``.

``analyse`` and ``export`` (break-even, sensitivity, uncertainty; Excel, PDF, CSV) live in
:mod:`calculator.cli.analyse`.

Bad input never shows a traceback: each problem is one Danish line on stderr and the exit code
is 2 (the convention for usage errors).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from calculator import __version__
from calculator.cli.analyse import COMMANDS as ANALYSIS_COMMANDS
from calculator.cli.analyse import add_commands as add_analysis_commands
from calculator.cli.analyse import run_command as run_analysis_command
from calculator.cli.common import EXIT_BAD_INPUT, BadInput, calculate_checked, read_scenario
from calculator.cli.params import render_params
from calculator.cli.run import render_summary, summary_json


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
        result = calculate_checked(read_scenario(args.scenario))
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
