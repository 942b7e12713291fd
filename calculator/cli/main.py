"""Command line: ``python -m calculator run|params|analyse|export|explain``.

``run`` prints the summary of a scenario (``--json``, ``--csv``); ``params`` every figure in force
with its source; ``analyse`` and ``export`` (break-even, sensitivity, uncertainty; Excel, PDF,
CSV) live in :mod:`calculator.cli.analyse`; ``explain SCENARIO STREAM`` shows one stream's rule in
words, the inputs and the parameters with their sources (:mod:`calculator.cli.explain`).
``--lang en`` before the command writes English.

Bad input never shows a traceback: each problem is one line on stderr in the user's language and
the exit code is 2 (the convention for usage errors).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from calculator.cli.analyse import COMMANDS as ANALYSIS_COMMANDS
from calculator.cli.analyse import add_commands as add_analysis_commands
from calculator.cli.analyse import run_command as run_analysis_command
from calculator.cli.common import EXIT_BAD_INPUT, BadInput, calculate_checked, json_text, read_scenario
from calculator.cli.explain import render_explain
from calculator.cli.params import render_check, render_params
from calculator.cli.run import render_summary, summary_json
from calculator.export.tables import monthly_tidy_table
from calculator.rules.flows import STREAMS
from calculator.text.catalog import LANGS, text
from calculator.version import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m calculator", description=text("cli.help.description"))
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--lang", choices=LANGS, default="da", help=text("cli.help.lang"))
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help=text("cli.help.run"))
    run.add_argument("scenario")
    run.add_argument("--json", action="store_true", help=text("cli.help.json"))
    run.add_argument("--csv", metavar="FIL", help=text("cli.help.csv"))
    params = sub.add_parser("params", help=text("cli.help.params"))
    params.add_argument("--year", type=int, default=dt.date.today().year)
    params.add_argument("--check", action="store_true", help=text("cli.help.check"))
    explain = sub.add_parser("explain", help=text("cli.help.explain"))
    explain.add_argument("scenario")
    explain.add_argument("stream", choices=STREAMS, help=text("cli.help.stream"))
    add_analysis_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse prints its own one-line usage error
        return EXIT_BAD_INPUT if exc.code else 0
    lang = args.lang
    try:
        if args.command == "params":
            print(render_check(dt.date.today(), lang) if args.check else render_params(args.year, lang))
            return 0
        if args.command in ANALYSIS_COMMANDS:
            return run_analysis_command(args)
        result = calculate_checked(read_scenario(args.scenario, lang), lang)
        if args.command == "explain":
            print(render_explain(result, args.stream, lang))
            return 0
        if args.csv:
            monthly_tidy_table(result, lang, codes=True).to_csv(args.csv, index=False)
        if args.json:
            print(json_text(summary_json(result)))
        else:
            print(render_summary(result, lang))
        return 0
    except BadInput as exc:
        for line in exc.lines:
            print(text("cli.error", lang, line=line), file=sys.stderr)
        return EXIT_BAD_INPUT
