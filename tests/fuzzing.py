"""Hypothesis strategies for whole scenario files, valid and hostile (used by ``tests/test_fuzz.py`` and
``benchmarks/fuzz_files.py``).

A file is drawn in three steps: a scenario that is mostly within the schema (every field, every
effect form, overrides of every parameter, evidence sources), then up to a few mutations (a
value out of its range or of the wrong type, NaN, ±inf, 1e308, negative numbers, a lone
surrogate, markdown, very long or padded text, an unknown key), then the file's bytes (JSON,
YAML, JSON with a UTF-8 BOM, a JSON object with a duplicate key, NaN tokens). Tiny effects with
large costs are drawn on purpose (the break-even's overflow). Not a test module: no ``test_`` name.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
import traceback
from pathlib import Path

import yaml
from hypothesis import strategies as st

from calculator.data.benefit_system import benefit_system
from calculator.data.evidence import load_presets
from calculator.data.municipalities import municipalities
from calculator.data.parameters import load_parameters
from calculator.schema.cohort import COHORT_DEFAULTS
from calculator.schema.types import Benefit, CohortType, Supplement

MUNICIPALITIES = municipalities()
PARAMS = load_parameters()
VALUE_PARAMS = PARAMS.value_names()
SCALE_PARAMS = [n for n in PARAMS.names() if n not in VALUE_PARAMS]
PRESET_IDS = [p.id for p in load_presets()]
BENEFITS = list(Benefit.__args__)
TYPES = list(CohortType.__args__)
SUPPLEMENTS = list(Supplement.__args__)

# Words in an output that mean a figure is not a number (a user's own text never holds them, see text_value).
FORBIDDEN = re.compile(r"\b(nan|NaN|inf|Inf|Infinity)\b|∞")

# Text a user (or an attacker) may type; none contains "nan" or "inf" as a word, so the output
# checks for those words stay meaningful.
HOSTILE_TEXT = [
    "\ud800", "a\udfffb", "\ud83d", "[Log ind](https://evil.example/login)", "![x](https://evil.example/x.png)",
    "<script>alert(1)</script>", "**fed** _kursiv_ `kode`", "# Overskrift", "{name} {0} {", "}", "%s %d",
    "  polstret  ", " ", "\t", "", "æøå ÆØÅ", "😀 emoji", "\u202eomvendt", "\x00nul", "linje\nlinje", "\r\n",
    "x" * 81, "y" * 121, "z" * 2001, "'; DROP TABLE scenarie; --", "\\", "\"", "A" * 5000, "\ufeffbom",
]
EXTREME_FLOATS = [math.nan, math.inf, -math.inf, 1e308, -1e308, 1.7976931348623157e308, 5e-324, -0.0, -1.0, -1e-12,
                  1e-300, 1e15, 1e9 + 1, 1.0000000000000002, 0.1 + 0.2, 2.0 ** 53 + 1]
ODD_VALUES = [None, True, False, "", "12", "12,5", "abc", [], {}, [1, 2], {"a": 1}, 10 ** 30, -(10 ** 30), 2 ** 63]


def floats_in(lo: float, hi: float) -> st.SearchStrategy[float]:
    """A float in [lo, hi], its ends and numbers just inside them drawn often."""
    return st.one_of(
        st.floats(lo, hi, allow_nan=False, allow_infinity=False),
        st.sampled_from([lo, hi, (lo + hi) / 2]),
        st.floats(lo, min(hi, lo + 1e-6), allow_nan=False) if hi > lo else st.just(lo),
    )


def share() -> st.SearchStrategy[float]:
    return st.one_of(floats_in(0.0, 1.0), st.sampled_from([0.1, 0.15, 0.3, 1 / 3, 0.123456789012345]))


def opt(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(st.none(), strategy)


def text_value(lo: int, hi: int) -> st.SearchStrategy[str]:
    plain = st.text(st.characters(blacklist_categories=("Cs",), codec="utf-8"), min_size=lo, max_size=min(hi, 40)).filter(
        lambda s: not FORBIDDEN.search(s))  # a name "Infinity" would look like a number that is none
    return st.one_of(plain, st.sampled_from(["Målgruppe", "Jobparate i Greve", "Coach – fase 2"]))


@st.composite
def effect(draw, size: int) -> dict:
    form = draw(st.sampled_from(["ekstra_i_job", "andel_i_job", "kortere_ydelse"]))
    if form == "ekstra_i_job":
        tiny = draw(st.integers(0, 5)) == 0
        people = draw(st.sampled_from([1e-9, 1e-12, 5e-324, 1e-6]) if tiny else floats_in(0.0, float(size)))
        return {"form": form, "extra_people": people, "from_month": draw(st.integers(1, 120)),
                "duration_months": draw(st.integers(1, 240))}
    if form == "andel_i_job":
        without = draw(share())
        with_ = draw(st.one_of(floats_in(without, 1.0), st.just(without), st.just(min(1.0, without + 1e-12))))
        by_month = draw(st.integers(1, 120))
        delay = draw(st.integers(0, min(60, by_month - 1)))
        return {"form": form, "share_with": with_, "share_without": without, "by_month": by_month,
                "exit_rate": draw(floats_in(0.0, 0.5)), "start_delay_months": delay}
    return {"form": form, "weeks_shorter": draw(floats_in(0.0, 520.0)), "from_month": draw(st.integers(1, 120)),
            "remaining_months": draw(opt(st.integers(0, 240)))}


@st.composite
def cohort(draw, name: str) -> dict:
    size = draw(st.one_of(st.integers(1, 200), st.sampled_from([1, 100_000])))
    c: dict = {"name": name, "type": draw(st.sampled_from(TYPES)), "size": size, "effect": draw(effect(size))}
    benefit = draw(opt(st.sampled_from(BENEFITS)))
    resolved = benefit or COHORT_DEFAULTS[c["type"]]["benefit"]
    system = benefit_system()
    allowed = [] if system.is_old(resolved) else [s for s, r in system.supplements_allowed.items() if resolved in r]
    if benefit is not None:
        c["benefit"] = benefit
    optional = {
        "supplements": st.lists(st.sampled_from(allowed) if allowed and draw(st.integers(0, 9)) else st.sampled_from(
            SUPPLEMENTS), max_size=2 if allowed else draw(st.sampled_from([0, 0, 0, 1])), unique=True),
        "monthly_benefit": opt(floats_in(0.0, 1e9)),
        "prior_weeks_on_benefit": opt(st.integers(0, 2000)),
        "programme_share": opt(share()),
        "programme_year": st.integers(1, 5),
        "boligsikring_share": share(),
        "friplads_share": share(),
        "wage_per_hour": opt(st.one_of(floats_in(1e-9, 2000.0), st.sampled_from([139.85, 2000.0]))),
        "hours_per_week": st.one_of(floats_in(1e-9, 60.0), st.sampled_from([20.0, 37.0])),
        "under_30": st.booleans(),
        "couple": st.booleans(),
        "household_income_before": opt(floats_in(0.0, 1e9)),
        "effect_source": opt(st.one_of(st.sampled_from(PRESET_IDS), st.fixed_dictionaries(
            {"preset": st.sampled_from(PRESET_IDS)},
            optional={"design": st.sampled_from(["randomised", "quasi_experimental", "descriptive", "case"]),
                      "haircut": share()}))),
        "danish_test_passes": floats_in(0.0, float(size)),
        "danish_test_month": st.integers(1, 120),
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=len(optional))):
        c[key] = draw(optional[key])
    return c


@st.composite
def costs(draw) -> dict:
    optional = {
        "staff_fte": floats_in(0.0, 1000.0), "staff_cost_per_fte_year": floats_in(0.0, 1e9),
        "staff_months": opt(st.integers(0, 120)), "offer_cost_per_participant_month": floats_in(0.0, 1e9),
        "offer_months": st.integers(0, 120), "offer_participants": opt(st.integers(0, 100_000)),
        "one_off": st.one_of(floats_in(0.0, 1e9), st.just(1e9)), "wage_subsidy_persons": floats_in(0.0, 100_000.0),
        "wage_subsidy_hours_per_week": floats_in(0.0, 60.0), "wage_subsidy_rate_per_hour": opt(floats_in(0.0, 1e9)),
        "wage_subsidy_months": st.integers(0, 120), "wage_subsidy_from_month": st.integers(1, 120),
        "external_funding": floats_in(0.0, 1e9),
    }
    keys = draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=len(optional)))
    return {k: draw(optional[k]) for k in keys}


def override_value(name: str) -> st.SearchStrategy[float]:
    p = PARAMS.get(name)
    lo, hi = p.valid_range or (0.0, 1e6)
    return st.one_of(floats_in(lo, hi), st.sampled_from(EXTREME_FLOATS), st.sampled_from([lo - 1e-9, hi * 1.0001 + 1]))


@st.composite
def overrides(draw) -> dict:
    names = draw(st.lists(st.sampled_from(VALUE_PARAMS), unique=True, min_size=1, max_size=4))
    out = {n: draw(override_value(n)) for n in names}
    if draw(st.integers(0, 49)) == 0:
        out[draw(st.sampled_from(SCALE_PARAMS + ["ukendt.parameter", "\ud800"]))] = 1.0
    return out


@st.composite
def scenario(draw) -> dict:
    """A scenario mapping, mostly within the schema."""
    n = draw(st.integers(1, 4))
    names = draw(st.lists(text_value(1, 80), min_size=n, max_size=n, unique=True))
    doc: dict = {"municipality": draw(st.sampled_from(MUNICIPALITIES)), "budget_year": draw(st.integers(2024, 2035)),
                 "cohorts": [draw(cohort(name)) for name in names]}
    optional = {
        "name": text_value(1, 120), "description": text_value(0, 2000), "prepared_by": text_value(0, 200),
        "start_month": st.integers(1, 12), "horizon_months": st.integers(6, 120),
        "discount_rate": opt(floats_in(0.0, 0.2)), "municipal_tax_rate": opt(floats_in(0.15, 0.35)),
        "options": st.fixed_dictionaries({}, optional={
            "udligning": st.booleans(), "tax_base_tier": st.sampled_from(["normal", "low", "high"]),
            "spouse_personfradrag_used": st.booleans(), "tax_lag_years": st.integers(0, 5)}),
        "costs": costs(),
    }
    if draw(st.integers(0, 4)):
        doc["overrides"] = draw(overrides())
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=len(optional))):
        doc[key] = draw(optional[key])
    if draw(st.booleans()) and len(doc["cohorts"]) and "costs" in doc:
        doc["costs"]["wage_subsidy_cohort"] = draw(st.sampled_from([c["name"] for c in doc["cohorts"]] + ["ingen"]))
    return doc


def _paths(node, prefix=()):
    """Every (container, key) in a mapping, for a mutation to land on."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield node, k
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield node, i
            yield from _paths(v, prefix + (i,))


@st.composite
def mutated(draw, doc: dict) -> dict:
    """``doc`` with up to three hostile changes."""
    for _ in range(draw(st.sampled_from([0, 0, 0, 0, 1, 1, 2, 3]))):
        places = list(_paths(doc))
        kind = draw(st.sampled_from(["value", "text", "float", "unknown_key", "delete", "text_field"]))
        cohorts = doc.get("cohorts")
        holders = [doc] + ([c for c in cohorts if isinstance(c, dict)] if isinstance(cohorts, list) else [])
        if kind == "unknown_key":
            draw(st.sampled_from(holders))[draw(st.sampled_from(["horisont", "\ud800", "name ", "x" * 300]))] = 1
            continue
        if kind == "text_field":
            holder = draw(st.sampled_from(holders))
            holder[draw(st.sampled_from(["name", "description", "prepared_by", "municipality"]))] = draw(
                st.sampled_from(HOSTILE_TEXT))
            continue
        if not places:
            continue
        container, key = draw(st.sampled_from(places))
        if kind == "delete":
            if isinstance(container, dict):
                del container[key]
            continue
        container[key] = draw({"value": st.sampled_from(ODD_VALUES), "text": st.sampled_from(HOSTILE_TEXT),
                               "float": st.sampled_from(EXTREME_FLOATS)}[kind])
    return doc


def _duplicate_key(text: str) -> str:
    """The JSON object with its first key repeated (JSON allows it; a scenario file must not)."""
    return text.replace("{", '{"municipality": "Greve", ', 1)


@st.composite
def scenario_file(draw) -> tuple[str, bytes]:
    """(suffix, bytes) of a scenario file: valid, hostile or broken."""
    doc = draw(mutated(draw(scenario())))
    how = draw(st.sampled_from(["json"] * 6 + ["yaml"] * 3 + ["bom", "duplicate", "big", "broken"]))
    if how == "yaml":
        try:
            return ".yaml", yaml.safe_dump(doc, allow_unicode=True).encode("utf-8", "surrogatepass")
        except yaml.YAMLError:
            how = "json"
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()), allow_nan=True)
    if how == "bom":
        return ".json", b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if how == "duplicate":
        text = _duplicate_key(text)
    elif how == "big":
        extra = ", ".join(f'"k{i}": {i}' for i in range(draw(st.sampled_from([30, 3000]))))
        text = text.replace("{", "{" + extra + ", ", 1)
    elif how == "broken":
        text = text[: draw(st.integers(0, max(len(text) - 1, 0)))]
    return ".json", text.encode("utf-8", "surrogatepass")


# ---------------------------------------------------------------- running a file through the command line

def _reject_constant(name: str):
    raise ValueError(f"not strict JSON: {name}")


def call_main(argv: list[str]) -> tuple[int | None, str, str, BaseException | None]:
    """``calculator.cli.main.main(argv)`` in-process, its output through strict UTF-8 streams as on a terminal.

    Returns (exit code, stdout, stderr, the exception that escaped or None).
    """
    from calculator.cli.main import main

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="\n")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="\n")
    escaped = None
    rc = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main(argv)
        except SystemExit as exc:  # main must return, never exit
            escaped = exc
        except Exception as exc:
            escaped = exc
    texts = []
    for stream in (out, err):
        try:
            stream.flush()
            texts.append(stream.buffer.getvalue().decode("utf-8"))
        except Exception as exc:
            escaped = escaped or exc
            texts.append("")
    return rc, texts[0], texts[1], escaped


def check_call(argv: list[str], json_output: bool = False, must_pass: bool = False) -> list[str]:
    """What is wrong with one command line call: an escaped exception, an exit code other than 0 or 2
    (or other than 0 where ``must_pass``), NaN or infinity in the output, non-strict JSON. Empty when all is well."""
    rc, out, err, escaped = call_main(argv)
    problems = []
    if must_pass and escaped is None and rc != 0:
        problems.append(f"refused what run accepts ({argv[0]}): {err.strip().splitlines()[:1]}")
    if escaped is not None:
        tb = traceback.extract_tb(escaped.__traceback__)
        where = f"{tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else "?"
        problems.append(f"traceback {type(escaped).__name__} at {where}: {str(escaped)[:200]}")
        return problems
    if rc not in (0, 2):
        problems.append(f"exit code {rc}")
    if rc == 0 and json_output:
        try:
            json.loads(out, parse_constant=_reject_constant)
        except ValueError as exc:
            problems.append(f"JSON: {exc}")
    elif rc == 0 and FORBIDDEN.search(out):
        problems.append(f"NaN/inf in output: {FORBIDDEN.search(out).group(0)!r}")
    if rc == 2 and (not err.strip() or out):
        problems.append("exit 2 without an error message (or with output)")
    if len(err.splitlines()) > 25:
        problems.append(f"{len(err.splitlines())} error lines")
    return problems


def check_file(suffix: str, data: bytes, folder: Path, draws: int = 50, pdf: bool = False, xlsx: bool = True) -> list[str]:
    """Run one scenario file through run, run --json, analyse --json and export; every problem found."""
    path = folder / f"scenario{suffix}"
    path.write_bytes(data)
    problems = []
    problems += check_call(["run", str(path)])
    ran = check_call(["run", str(path), "--json", "--csv", str(folder / "flows.csv")], json_output=True)
    problems += ran
    accepted = not ran and (folder / "flows.csv").exists()
    problems += check_call(["analyse", str(path), "--json", "--draws", str(draws)], json_output=True, must_pass=accepted)
    out = folder / "export"
    argv = ["export", str(path), "--draws", str(draws), "--csv-dir", str(out)]
    if xlsx:
        argv += ["--xlsx", str(folder / "case.xlsx")]
    if pdf:
        argv += ["--pdf", str(folder / "case.pdf")]
    problems += check_call(argv, must_pass=accepted)
    for csv_file in out.glob("*.csv") if out.is_dir() else ():
        found = FORBIDDEN.search(csv_file.read_text(encoding="utf-8"))
        if found:
            problems.append(f"NaN/inf in {csv_file.name}: {found.group(0)!r}")
    return problems
