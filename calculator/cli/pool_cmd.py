"""Command line for the follow-up report and pools (wired into :mod:`calculator.cli.main`).

    python -m calculator followup ID [--json] [--pdf FILE] [--pool POOL] [--draws N] [--seed S] [--years N]
    python -m calculator pool create NAME [--owner O] [--description T]
    python -m calculator pool add POOL ID [--version N]
    python -m calculator pool remove POOL ID
    python -m calculator pool list
    python -m calculator pool summary POOL [--json] [--draws N | --no-montecarlo] [--seed S] [--years N]

``followup`` compares an adopted scenario in the library with its actual figures (text, JSON or
the PDF report for the council; ``--pool`` adds the pool it belongs to). ``pool summary`` adds up
a pool's efforts by calendar year and month and runs the combined Monte Carlo (pay-back within
``--years`` years, default 6). Errors as in :mod:`calculator.cli.library_cmd`.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from calculator.cli.common import BadInput
from calculator.cli.library_cmd import db_parent, open_library
from calculator.cli.parser import whole_number

if TYPE_CHECKING:
    from calculator.library import Library
from calculator.text.catalog import Words, text

COMMANDS = ("followup", "pool")


def _mc_options(p, lang: str) -> None:
    from calculator.analysis.montecarlo import MAX_DRAWS, MAX_SEED

    # --draws None: 10,000, or fewer where the pool is large (pool_default_draws)
    p.add_argument("--draws", type=whole_number(1, MAX_DRAWS, "cli.analyse.draws_range", lang), default=None,
                   help=text("cli.help.draws"))
    p.add_argument("--seed", type=whole_number(0, MAX_SEED, "cli.analyse.seed_range", lang), default=2024,
                   help=text("cli.help.seed"))
    p.add_argument("--no-montecarlo", action="store_true", help=text("cli.help.no_montecarlo"))
    p.add_argument("--years", type=whole_number(1, 30, "cli.pool.years_range", lang), default=6, help=text("cli.help.payback_years"))


def add_commands(sub, lang: str = "da") -> None:
    parent = db_parent()
    p = sub.add_parser("followup", parents=[parent], help=text("cli.help.followup"))
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.add_argument("--pdf", metavar="FIL", help=text("cli.help.pdf"))
    p.add_argument("--pool", type=int, help=text("cli.help.followup_pool"))
    _mc_options(p, lang)
    pool = sub.add_parser("pool", help=text("cli.help.pool")).add_subparsers(dest="action", required=True)
    p = pool.add_parser("create", parents=[parent], help=text("cli.help.pool_create"))
    p.add_argument("name")
    p.add_argument("--owner", default="")
    p.add_argument("--description", default="")
    for name in ("add", "remove"):
        p = pool.add_parser(name, parents=[parent], help=text(f"cli.help.pool_{name}"))
        p.add_argument("pool", type=int)
        p.add_argument("id", type=int)
        if name == "add":
            p.add_argument("--version", type=int, help=text("cli.help.pool_version"))
    pool.add_parser("list", parents=[parent], help=text("cli.help.pool_list"))
    p = pool.add_parser("summary", parents=[parent], help=text("cli.help.pool_summary"))
    p.add_argument("pool", type=int)
    p.add_argument("--json", action="store_true")
    _mc_options(p, lang)


def run_command(args) -> int:
    """Run a follow-up or pool command; library and follow-up errors become lines (BadInput)."""
    from calculator.followup import FollowUpInputError
    from calculator.library import LibraryError

    try:
        return _run(args, open_library(args))
    except LibraryError as exc:
        raise BadInput([exc.line(args.lang)]) from None
    except FollowUpInputError as exc:
        raise BadInput(exc.lines) from None


def _pool_figures(lib: Library, pool_id: int, args):
    from calculator.analysis.montecarlo import MonteCarloSpec
    from calculator.portfolio import efforts_from_library, pool_default_draws, pool_montecarlo, pool_summary
    from calculator.text.sentences import model_error

    info, efforts = efforts_from_library(lib, pool_id, args.lang)
    if not efforts:
        raise BadInput([text("cli.pool.empty", args.lang, name=info.name)])
    summary = pool_summary(efforts, info.name)
    if args.no_montecarlo:
        return summary, None
    draws = args.draws if args.draws is not None else pool_default_draws(efforts)
    try:
        mc = pool_montecarlo(efforts, MonteCarloSpec(draws=draws, seed=args.seed), years=args.years)
    except ValueError as exc:  # ModelError: more draws than the pool's bound
        raise BadInput([model_error(exc, args.lang)]) from None
    return summary, mc


def _run(args, lib: Library) -> int:
    lang, w = args.lang, Words(args.lang)
    if args.command == "followup":
        from calculator.followup import follow_up_scenario
        from calculator.followup.text import render_followup

        fu = follow_up_scenario(lib, args.id, lang)
        pool = mc = None
        if args.pool is not None:
            pool, mc = _pool_figures(lib, args.pool, args)
        if args.pdf:
            from calculator.export.followup_pdf import write_followup_report
            from calculator.text.sentences import model_error

            try:
                write_followup_report(fu, args.pdf, info=lib.get(args.id), pool=pool, pool_mc=mc, payback_years=args.years, lang=lang)
            except ValueError as exc:  # ModelError write_failed / export_failed
                raise BadInput([model_error(exc, lang)]) from None
            print(w("cli.library.written", path=args.pdf))
        elif args.json:
            data = fu.to_dict()
            if pool is not None:
                data["pool"] = {**pool.to_dict(), "montecarlo": mc.to_dict() if mc else None}
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        else:
            print(render_followup(fu, lang))
        return 0
    if args.action == "create":
        created = lib.create_pool(args.name, owner=args.owner, description=args.description)
        print(w("cli.pool.created", id=created.id, name=created.name))
    elif args.action in ("add", "remove"):
        info = lib.add_to_pool(args.pool, args.id, args.version) if args.action == "add" else lib.remove_from_pool(args.pool, args.id)
        members = ", ".join(w("cli.pool.member", name=m.name, id=m.scenario_id, version=m.version) for m in info.members)
        print(w("cli.pool.members", name=info.name, members=members or "–"))
    elif args.action == "list":
        for info in lib.pools():
            print(w("cli.pool.row", id=info.id, name=info.name, n=len(info.members)))
    else:
        from calculator.portfolio.text import render_pool

        summary, mc = _pool_figures(lib, args.pool, args)
        if args.json:
            print(json.dumps({**summary.to_dict(), "montecarlo": mc.to_dict() if mc else None}, ensure_ascii=False, indent=2))
        else:
            print(render_pool(summary, mc, args.years, lang))
    return 0
