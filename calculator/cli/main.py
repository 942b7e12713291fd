"""Command line: ``python -m calculator run|params|analyse|export|explain|library|actuals|followup|pool``.

``run`` prints the summary of a scenario (``--json``, ``--csv``); ``params`` every figure in force
with its source; ``analyse`` and ``export`` (break-even, sensitivity, uncertainty; Excel, PDF,
CSV) live in :mod:`calculator.cli.analyse`; ``explain SCENARIO STREAM`` shows one stream's rule in
words, the inputs and the parameters with their sources (:mod:`calculator.cli.explain`).
``library``, ``actuals``, ``followup`` and ``pool`` (the scenario library, actual figures, the
follow-up report and pools) live in :mod:`calculator.cli.library_cmd` and :mod:`calculator.cli.pool_cmd`.
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
from calculator.cli.library_cmd import COMMANDS as LIBRARY_COMMANDS
from calculator.cli.library_cmd import add_commands as add_library_commands
from calculator.cli.library_cmd import run_command as run_library_command
from calculator.cli.params import render_check, render_params
from calculator.cli.parser import lang_of, parser_class, whole_number
from calculator.cli.pool_cmd import COMMANDS as POOL_COMMANDS
from calculator.cli.pool_cmd import add_commands as add_pool_commands
from calculator.cli.pool_cmd import run_command as run_pool_command
from calculator.cli.run import render_summary, summary_json
from calculator.rules.flows import STREAMS
from calculator.text.catalog import LANGS, text
from calculator.text.clean import printable
from calculator.text.problems import capped
from calculator.text.sentences import model_error
from calculator.version import __version__

YEARS = (1900, 2200)  # params --year: any year a date can hold is not a budget year


def build_parser(lang: str = "da") -> argparse.ArgumentParser:
    parser = parser_class(lang)(prog="python -m calculator", description=text("cli.help.description"))
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--lang", choices=LANGS, default="da", help=text("cli.help.lang"))
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help=text("cli.help.run"))
    run.add_argument("scenario")
    run.add_argument("--json", action="store_true", help=text("cli.help.json"))
    run.add_argument("--csv", metavar="FIL", help=text("cli.help.csv"))
    params = sub.add_parser("params", help=text("cli.help.params"))
    params.add_argument("--year", type=whole_number(*YEARS, "cli.params.year_range", lang), default=dt.date.today().year)
    params.add_argument("--check", action="store_true", help=text("cli.help.check"))
    explain = sub.add_parser("explain", help=text("cli.help.explain"))
    explain.add_argument("scenario")
    explain.add_argument("stream", choices=STREAMS, help=text("cli.help.stream"))
    add_analysis_commands(sub, lang)
    add_library_commands(sub)
    add_pool_commands(sub, lang)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(lang_of(argv))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # the parser printed its usage and one line in the user's language
        return EXIT_BAD_INPUT if exc.code else 0
    lang = args.lang
    try:
        if args.command == "params":
            print(render_check(dt.date.today(), lang) if args.check else render_params(args.year, lang))
            return 0
        if args.command in ANALYSIS_COMMANDS:
            return run_analysis_command(args)
        if args.command in LIBRARY_COMMANDS:
            return run_library_command(args)
        if args.command in POOL_COMMANDS:
            return run_pool_command(args)
        result = calculate_checked(read_scenario(args.scenario, lang), lang)
        if args.command == "explain":
            print(render_explain(result, args.stream, lang))
            return 0
        if args.csv:
            from calculator.export.csv_export import write_monthly_csv  # pandas: only when a table is written

            try:
                write_monthly_csv(result, args.csv, lang)
            except ValueError as exc:  # a ModelError: the file could not be written
                raise BadInput([model_error(exc, lang)]) from None
        if args.json:
            print(json_text(summary_json(result, lang)))
        else:
            print(render_summary(result, lang))
        return 0
    except BadInput as exc:
        for line in capped(exc.lines, lang, total=exc.total):  # 60,000 unknown keys are 20 lines and a count
            print(printable(text("cli.error", lang, line=line)), file=sys.stderr)
        return EXIT_BAD_INPUT
