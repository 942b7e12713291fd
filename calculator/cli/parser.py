"""The command line's argument parser, with its usage errors in the user's language.

argparse writes its errors in English ("error: argument --seed: invalid int value: 'x'"). Here
each usage error is one line in the catalogue's words after the usage line, exit code 2 (the
convention for usage errors), and every number an option takes is checked by a type that says
in words which numbers it takes (``--seed -1``, ``params --year 10000``).
"""

from __future__ import annotations

import argparse
import re
import sys

from calculator.text.catalog import DEFAULT_LANG, LANGS, text
from calculator.text.numbers import number

# argparse's own messages (Python 3.11-3.13), as (pattern, catalogue key); anything else is shown as argparse wrote it.
_USAGE = [
    (re.compile(r"the following arguments are required: (?P<names>.*)"), "cli.usage.required"),
    (re.compile(r"unrecognized arguments: (?P<names>.*)"), "cli.usage.unrecognized"),
    (re.compile(r"invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)"), "cli.usage.invalid_choice"),
    (re.compile(r"expected one argument"), "cli.usage.expected_value"),
    (re.compile(r"invalid \S+ value: (?P<value>.*)"), "cli.usage.invalid_value"),
]
_ARGUMENT = re.compile(r"argument (?P<name>[^:]+): (?P<message>.*)", re.S)


def usage_message(message: str, lang: str = DEFAULT_LANG) -> str:
    """One of argparse's error messages in the catalogue's words: "--seed: ..." rather than "argument --seed: ..."."""
    name = None
    found = _ARGUMENT.fullmatch(message)
    if found:
        name, message = found["name"].split("/")[-1], found["message"]
    for pattern, key in _USAGE:
        match = pattern.fullmatch(message)
        if match:
            message = text(key, lang, **{k: v.replace("'", "") if k == "choices" else v for k, v in match.groupdict().items()})
            break
    return f"{name}: {message}" if name else message


def parser_class(lang: str):
    """An ArgumentParser whose usage errors are in ``lang`` (its sub-commands' parsers are of the same class)."""

    class Parser(argparse.ArgumentParser):
        def error(self, message: str):
            self.print_usage(sys.stderr)
            print(text("cli.error", lang, line=usage_message(message, lang)), file=sys.stderr)
            self.exit(2)

    return Parser


def lang_of(argv: list[str]) -> str:
    """The ``--lang`` on the command line, read before parsing (the parser's own errors are in it too)."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if value in LANGS:
            return value
    return DEFAULT_LANG


def whole_number(low: int, high: int, key: str, lang: str = DEFAULT_LANG):
    """An argparse type: a whole number from ``low`` to ``high``, else the catalogue's ``key`` with the bounds."""
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            n = None
        if n is None or not low <= n <= high:
            raise argparse.ArgumentTypeError(text(key, lang, low=number(low, 0, lang), high=number(high, 0, lang)))
        return n

    parse.__name__ = key.rsplit(".", 1)[-1]
    return parse
