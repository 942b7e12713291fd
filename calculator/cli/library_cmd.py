"""Command line for the scenario library and actual figures (wired into :mod:`calculator.cli.main`).

    python -m calculator library save SCENARIO [--id N] [--note T] [--owner O] [--by NAME]
    python -m calculator library list [--search T] [--status S] [--owner O] [--json]
    python -m calculator library show ID [--version N] [--out FILE] [--json]
    python -m calculator library status ID udkast|vedtaget|afsluttet [--version N] [--baseline FILE] [--note T]
    python -m calculator library diff ID A B [--json]
    python -m calculator actuals template ID|SCENARIO --kind quarter|month --out FILE.xlsx|FILE.csv
    python -m calculator actuals import ID FILE [--note T]
    python -m calculator actuals show ID [--json]

Every command takes ``--db URL`` (default: ``BUSINESSCASE_DATABASE_URL``, else the SQLite file,
see :mod:`calculator.library.db`). Bad input follows the CLI's convention: one line per problem in
the user's language on stderr, exit code 2, no traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from calculator.cli.common import BadInput, read_scenario, write_error
from calculator.library.constants import STATUSES

if TYPE_CHECKING:
    from calculator.library import Library
from calculator.text.catalog import Words, text
from calculator.text.numbers import date_text, plain_number

COMMANDS = ("library", "actuals")


def db_parent():
    """A parent parser with ``--db`` for every command that opens the library."""
    import argparse

    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", metavar="URL", help=text("cli.help.db"))
    return parent


def add_commands(sub) -> None:
    parent = db_parent()
    lib = sub.add_parser("library", help=text("cli.help.library")).add_subparsers(dest="action", required=True)
    p = lib.add_parser("save", parents=[parent], help=text("cli.help.library_save"))
    p.add_argument("scenario")
    p.add_argument("--id", type=int, help=text("cli.help.library_id"))
    p.add_argument("--note", default="", help=text("cli.help.note"))
    p.add_argument("--owner", help=text("cli.help.owner"))
    p.add_argument("--by", default="", help=text("cli.help.saved_by"))
    p = lib.add_parser("list", parents=[parent], help=text("cli.help.library_list"))
    p.add_argument("--search", help=text("cli.help.search"))
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--owner", help=text("cli.help.owner"))
    p.add_argument("--json", action="store_true")
    p = lib.add_parser("show", parents=[parent], help=text("cli.help.library_show"))
    p.add_argument("id", type=int)
    p.add_argument("--version", type=int)
    p.add_argument("--out", metavar="FIL", help=text("cli.help.library_out"))
    p.add_argument("--json", action="store_true")
    p = lib.add_parser("status", parents=[parent], help=text("cli.help.library_status"))
    p.add_argument("id", type=int)
    p.add_argument("status", choices=STATUSES)
    p.add_argument("--version", type=int, help=text("cli.help.adopt_version"))
    p.add_argument("--baseline", metavar="FIL", help=text("cli.help.baseline"))
    p.add_argument("--note", default="", help=text("cli.help.note"))
    p = lib.add_parser("diff", parents=[parent], help=text("cli.help.library_diff"))
    p.add_argument("id", type=int)
    p.add_argument("a", type=int)
    p.add_argument("b", type=int)
    p.add_argument("--json", action="store_true")

    act = sub.add_parser("actuals", help=text("cli.help.actuals")).add_subparsers(dest="action", required=True)
    p = act.add_parser("template", parents=[parent], help=text("cli.help.actuals_template"))
    p.add_argument("source", help=text("cli.help.id_or_file"))
    p.add_argument("--kind", choices=("quarter", "month"), default="quarter")
    p.add_argument("--out", metavar="FIL", required=True)
    p = act.add_parser("import", parents=[parent], help=text("cli.help.actuals_import"))
    p.add_argument("id", type=int)
    p.add_argument("file")
    p.add_argument("--note", default="")
    p = act.add_parser("show", parents=[parent], help=text("cli.help.actuals_show"))
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")


def open_library(args) -> Library:
    from sqlalchemy.exc import SQLAlchemyError

    from calculator.library import Library

    try:
        return Library(args.db)
    except (SQLAlchemyError, OSError, ValueError) as exc:
        raise BadInput([text("cli.library.no_database", args.lang, detail=str(exc).splitlines()[0][:200])]) from None


def run_command(args) -> int:
    """Run a library or actuals command; library and follow-up errors become lines (BadInput)."""
    from calculator.followup import FollowUpInputError
    from calculator.library import LibraryError

    try:
        return _run(args)
    except LibraryError as exc:
        raise BadInput([exc.line(args.lang)]) from None
    except FollowUpInputError as exc:
        raise BadInput(exc.lines) from None


def _when(value, lang: str) -> str:
    if not value:
        return "–"
    local = value.astimezone()  # stored in UTC, shown in the machine's time zone
    return f"{date_text(local.date(), lang)} {local:%H:%M}"


def _run(args) -> int:
    lang, w = args.lang, Words(args.lang)
    lib = open_library(args)
    if args.command == "actuals":
        return _actuals(args, lib)
    if args.action == "save":
        saved = lib.save(read_scenario(args.scenario, lang), scenario_id=args.id, note=args.note, owner=args.owner, saved_by=args.by)
        print(w("cli.library.saved", id=saved.scenario_id, version=saved.version))
    elif args.action == "list":
        found = lib.search(args.search, status=args.status, owner=args.owner)
        if args.json:
            print(json.dumps([_info_json(s) for s in found], ensure_ascii=False, indent=2))
        for s in [] if args.json else found:
            print(w("cli.library.row", id=s.id, name=s.name, status=w(f"library.status.{s.status}"), version=s.latest_version,
                    owner=s.owner or "–", when=_when(s.updated_at, lang)))
        if not found and not args.json:
            print(w("cli.library.none"))
    elif args.action == "show":
        _show(args, lib, w)
    elif args.action == "status":
        baseline = _read_json(args.baseline, lang) if args.baseline else None
        if args.status == "vedtaget":
            from calculator.followup import adopt

            info = adopt(lib, args.id, version=args.version, baseline=baseline, note=args.note, lang=lang)
        else:
            info = lib.set_status(args.id, args.status, note=args.note)
        print(w("cli.library.status_set", id=info.id, status=w(f"library.status.{info.status}"),
                version=info.adopted_version or info.latest_version))
    elif args.action == "diff":
        changes = lib.diff(args.id, args.a, args.b, lang)
        if args.json:
            print(json.dumps([{"path": list(c.path), "label": c.label, "before": c.before, "after": c.after} for c in changes],
                             ensure_ascii=False, indent=2))
        else:
            print("\n".join(c.line() for c in changes) if changes else w("cli.library.no_changes", a=args.a, b=args.b))
    return 0


def _info_json(s) -> dict:
    out = dict(s.__dict__)
    for key in ("adopted_at", "created_at", "updated_at"):
        out[key] = out[key].isoformat() if out[key] else None
    return out


def _show(args, lib: Library, w: Words) -> None:
    info = lib.get(args.id)
    if args.out:
        try:
            Path(args.out).write_text(lib.content(args.id, args.version), encoding="utf-8")
        except OSError as exc:
            raise BadInput([write_error(exc, args.lang)]) from None
        print(w("cli.library.written", path=args.out))
        return
    versions = lib.versions(args.id)
    history = lib.status_history(args.id)
    if args.json:
        print(json.dumps({"scenario": _info_json(info),
                          "versions": [{**v.__dict__, "saved_at": v.saved_at.isoformat()} for v in versions],
                          "status_history": [{**h.__dict__, "at": h.at.isoformat()} for h in history]},
                         ensure_ascii=False, indent=2))
        return
    print(w("cli.library.row", id=info.id, name=info.name, status=w(f"library.status.{info.status}"), version=info.latest_version,
            owner=info.owner or "–", when=_when(info.updated_at, args.lang)))
    if info.adopted_version:
        print(w("cli.library.adopted", version=info.adopted_version, when=_when(info.adopted_at, args.lang)))
    for v in versions:
        print(w("cli.library.version", version=v.version, when=_when(v.saved_at, args.lang), by=v.saved_by or "–", note=v.note or "–"))


def _read_json(path: str, lang: str):
    p = Path(path)
    if not p.is_file():
        raise BadInput([text("cli.file.missing", lang, path=path)])
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadInput([text("cli.file.unreadable", lang, detail=str(exc).splitlines()[0])]) from None


def _actuals(args, lib: Library) -> int:
    from calculator.followup import import_actuals
    from calculator.followup.template import write_template

    lang, w = args.lang, Words(args.lang)
    if args.action == "template":
        if args.source.isdigit():
            info = lib.get(int(args.source))
            scenario = lib.load(info.id, info.followed_version)
        else:
            scenario = read_scenario(args.source, lang)
        try:
            write_template(scenario, args.kind, args.out, lang)
        except OSError as exc:
            raise BadInput([write_error(exc, lang)]) from None
        print(w("cli.library.written", path=args.out))
    elif args.action == "import":
        path = Path(args.file)
        if not path.is_file():
            raise BadInput([text("cli.file.missing", lang, path=args.file)])
        import_actuals(lib, args.id, path.read_bytes(), path.name, note=args.note, lang=lang)
        print(w("cli.actuals.imported", id=args.id, periods=", ".join(r.period for r in lib.actuals(args.id).rows)))
    else:
        stored = lib.actuals(args.id)
        rows = [{"period": r.period, "participants_started": r.participants_started, "in_ordinary_jobs": r.in_ordinary_jobs,
                 "off_benefit": r.off_benefit, "costs_spent": r.costs_spent, "source": r.source} for r in stored.rows]
        if args.json:
            print(json.dumps({"kind": stored.kind, "version": stored.version, "rows": rows}, ensure_ascii=False, indent=2))
        elif not rows:
            print(w("followup.no_actuals"))
        for r in [] if args.json else rows:
            shown = ["–" if r[k] is None else plain_number(r[k], lang) for k in ("participants_started", "in_ordinary_jobs",
                                                                                 "off_benefit", "costs_spent")]
            print(f"{r['period']}  " + "  ".join(shown) + f"  ({r['source']})")
    return 0
