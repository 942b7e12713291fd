"""One rerun's worth of state: start-up, the draft scenario, its validation and the result to show.

The widgets' values are validated by the scenario model on every rerun. If they are valid the
model runs (cached on the canonical JSON) and that scenario becomes the last valid one; if not,
each problem is attached to its widget and the last valid result stays on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import streamlit as st
from pydantic import ValidationError

from calculator.analysis.checks import scenario_checks
from calculator.data.parameters import DEFAULTS_DIR
from calculator.schema import Scenario, load_scenario
from calculator.text.catalog import text
from calculator.text.problems import problems
from calculator.text.sentences import check_sentences, model_error

from . import state as S
from .certainty.evidence import start_rates
from .compute import compute
from .escape import md_lines
from .fmt import share
from .i18n import LANGS, t
from .share import COMPARE_PARAM, QUERY_PARAM, ScenarioInputError, decode_compare, decode_link, encode_compare, encode_link
from .views import ResultView

EXAMPLES_DIR = DEFAULTS_DIR / "scenarios"
START_EXAMPLE = "greve_coach_aegtefaelleforsoergede.yaml"


@lru_cache(maxsize=1)
def examples() -> dict[str, Scenario]:
    """The example scenarios shipped in defaults/scenarios (file name -> scenario); broken files are skipped."""
    out: dict[str, Scenario] = {}
    for path in sorted(EXAMPLES_DIR.glob("*")):
        if path.suffix.lower() not in (".yaml", ".yml", ".json"):
            continue
        try:
            out[path.name] = load_scenario(path)
        except Exception:  # a colleague's half-written example must not stop the app
            continue
    return out


def start_example() -> Scenario:
    ex = examples()
    if START_EXAMPLE in ex:
        return ex[START_EXAMPLE]
    if ex:
        return next(iter(ex.values()))
    return load_scenario(Path(EXAMPLES_DIR, START_EXAMPLE))


def init() -> None:
    """First run of a session: open the share link if there is one, else the example."""
    ss = st.session_state
    if ss.get("initialized"):
        return
    ss["initialized"] = True
    lang = st.query_params.get("lang", "da")
    ss["lang"] = lang if lang in LANGS else "da"
    ss["compare"] = []
    token = st.query_params.get(QUERY_PARAM)
    scenario = None
    errors: list[str] = []
    if token:
        try:
            scenario = decode_link(token, ss["lang"])
        except ScenarioInputError as exc:
            errors += [t("load_error_link", ss["lang"]), *md_lines(exc.lines)]
    compared = st.query_params.get(COMPARE_PARAM)
    if compared:
        try:
            set_compare(ss, decode_compare(compared, ss["lang"]))
        except ScenarioInputError as exc:
            errors += [t("load_error_compare", ss["lang"]), *md_lines(exc.lines)]
    from_link = scenario is not None
    scenario = scenario or start_example()
    S.load_scenario_into(ss, scenario)
    if not from_link:
        S.mark_example(ss)  # the example's own name and description give way when the user makes it theirs
    start_rates(ss, scenario)
    if errors:  # a broken link stays in the address bar (to be mended or reported) until the user changes something
        ss["load_error"] = errors
        ss[KEEP_ADDRESS] = _address_state(scenario.canonical_json(), ss)


KEEP_ADDRESS = "keep_address"  # non-widget: what was on screen when a broken link was opened


def _address_state(json_text: str, ss) -> tuple:
    return json_text, tuple(ss.get("compare", [])), tuple(compare_labels(ss))


def compare_labels(ss) -> list[str]:
    """The labels of the compared scenarios (widgets compare_label_<i>), in the order of ``ss["compare"]``."""
    return [ss.get(f"compare_label_{i}") or "" for i in range(len(ss.get("compare", [])))]


def set_compare(ss, entries: list[tuple[str, Scenario]]) -> None:
    """Put compared scenarios and their labels into the state (from a share link)."""
    ss["compare"] = [scenario.canonical_json() for _, scenario in entries]
    for i, (label, _) in enumerate(entries):
        ss[f"compare_label_{i}"] = label


@dataclass
class Current:
    lang: str
    scenario: Scenario | None = None  # the widgets' scenario, if valid
    view: ResultView | None = None  # what the screen shows (the last valid result if the draft is invalid)
    stale: bool = False
    errors: dict[str, list[str]] = field(default_factory=dict)  # widget or section key -> messages
    warnings: dict[str, list[str]] = field(default_factory=dict)  # widget key -> sentences (calculator.analysis.checks)
    calc_error: str | None = None


def evaluate(lang: str) -> Current:
    """Read the typed numbers, validate the widgets' scenario and run the model (or keep the last valid result).

    A number field whose text cannot be read keeps its last number; the scenario is then not
    what the user typed, so nothing new is computed until the text is a number again.
    """
    ss = st.session_state
    cur = Current(lang=lang)
    unread = S.entry_problems(ss)  # the texts were read when they were typed (ui.widgets.number)
    for key, problem in unread.items():
        cur.errors[key] = [S.entry_message(problem, lang)]
    try:
        cur.scenario = Scenario.model_validate(S.draft_from_state(ss))
    except ValidationError as exc:
        widget_keys = set(S.all_widget_keys(ss))
        for err, p in zip(exc.errors(), problems(exc, lang)):  # problems() keeps the order of errors()
            key = S.widget_key_for_loc(p.loc, list(ss.get("cohort_ids", [])))
            if key in unread:
                continue  # about the number before the text that cannot be read
            message = p.message if key in widget_keys else p.line()
            if S.widget_kind(key) in ("pct", "opt_pct") and err["type"] in _BOUNDS:
                message = _percent_message(err, lang)  # the widget shows percent, so does its message
            cur.errors.setdefault(key, []).append(message)
    if unread:
        cur.scenario = None
    if cur.scenario is not None:
        json_text = cur.scenario.canonical_json()
        try:
            cur.view = compute(json_text, lang)
            ss["last_valid_json"] = json_text
        except ValueError as exc:  # the model refuses (e.g. a share that cannot be reached); ParameterError too
            located = _locate(cur.scenario, list(ss.get("cohort_ids", [])), lang)
            for key, message in located:
                cur.errors.setdefault(key, []).append(message)
            if not located:
                cur.calc_error = model_error(exc, lang)
    if cur.view is not None and not cur.errors:
        cur.warnings = _warnings(cur.scenario, list(ss.get("cohort_ids", [])), lang)
    ss[WARNINGS] = cur.warnings
    if cur.view is None and ss.get("last_valid_json"):
        cur.view = compute(ss["last_valid_json"], lang)
        cur.stale = True
    return cur


WARNINGS = "field_warnings"  # widget key -> the warnings shown at it this run (read by ui.widgets.show_errors)


def _warnings(scenario: Scenario, cohort_ids: list[int], lang: str) -> dict[str, list[str]]:
    """Inputs that are valid but probably not meant (a cost that counts nothing, ...), at the field each is about."""
    names = [c.name for c in scenario.cohorts]
    out: dict[str, list[str]] = {}
    for check in scenario_checks(scenario):
        out.setdefault(S.check_key(check, names, cohort_ids), []).extend(check_sentences([check], lang))
    return out


_BOUNDS = {"less_than_equal": "le", "greater_than_equal": "ge", "less_than": "lt", "greater_than": "gt"}  # pydantic's type -> ctx key


def _percent_message(err: dict, lang: str) -> str:
    """The model's own message for a bound (``problem.<type>``), with the bound and the value in percent."""
    ctx_key = _BOUNDS[err["type"]]
    bound, value = (err.get("ctx") or {}).get(ctx_key), err.get("input")
    if not isinstance(bound, (int, float)) or not isinstance(value, (int, float)):
        return err.get("msg", "")
    return text(f"problem.{err['type']}", lang, **{ctx_key: share(float(bound), lang), "input": share(float(value), lang)})


def _locate(scenario: Scenario, cohort_ids: list[int], lang: str) -> list[tuple[str, str]]:
    """Which cohort's effect the model refused: run each cohort alone (only on this error path)."""
    from calculator.model import calculate

    found = []
    for uid, cohort in zip(cohort_ids, scenario.cohorts):
        try:
            calculate(scenario.replace(cohorts=[cohort]))
        except ValueError as exc:
            field = "share_with_pct" if cohort.effect.form == "andel_i_job" else "form"
            found.append((S.cohort_key(uid, field), model_error(exc, lang)))
    return found


def sync_link(cur: Current) -> None:
    """Keep the address bar a share link of what is on screen: the scenario, the compared ones, the language.

    After a broken link the address bar keeps it (with its error on screen) until the user changes
    the scenario or the comparison; only then does it become a link of what is shown.
    """
    if cur.scenario is None or cur.view is None or cur.stale:
        return
    ss = st.session_state
    kept = ss.get(KEEP_ADDRESS)
    if kept is not None:
        if kept == _address_state(cur.scenario.canonical_json(), ss):
            return
        del ss[KEEP_ADDRESS]
        ss.pop("load_error", None)  # the user has moved on: the address is a link of what they see
    token = encode_link(cur.scenario)
    ss["share_token"] = token
    if st.query_params.get(QUERY_PARAM) != token:
        st.query_params[QUERY_PARAM] = token
    saved = ss.get("compare", [])
    if saved:
        labels = compare_labels(ss)
        compared = encode_compare([(label, Scenario.model_validate_json(j)) for label, j in zip(labels, saved)])
        if st.query_params.get(COMPARE_PARAM) != compared:
            st.query_params[COMPARE_PARAM] = compared
    elif COMPARE_PARAM in st.query_params:
        del st.query_params[COMPARE_PARAM]
    if cur.lang != "da":
        if st.query_params.get("lang") != cur.lang:
            st.query_params["lang"] = cur.lang
    elif "lang" in st.query_params:
        del st.query_params["lang"]


OTHER_KEYS = ("new_cohort_type", "example", "view", "ovr_param", "ovr_value", "presentation", "cohort_pick")
PINNED = ("cohort_pick",)  # choice widgets whose option labels change while the app runs (names, ⚠) ...


def pin_choices() -> None:
    """Read choice widgets with changing labels while the previous run's labels still decode them, and pin them.

    Call at the top of every run, before the widgets are drawn (see on_language_change).
    """
    ss = st.session_state
    keys = [*PINNED, *(S.cohort_key(u, "benefit") for u in ss.get("cohort_ids", []))]  # ... and the cohort type
    for key in keys:
        if key in ss:
            ss[key] = ss[key]


def on_language_change() -> None:
    """Pin every choice widget's value before the labels change language.

    A select box sends its choice back as the label it showed; after a language switch that label
    ('januar') no longer matches any option ('January'). Setting each value again from session
    state makes the new widgets start from the real option values.
    """
    ss = st.session_state
    sections = [k for k in ss if isinstance(k, str) and (k.startswith(("sec_", "tbl_", "cert_")) or "_sec_" in k)]
    keys = [*S.all_widget_keys(ss), *OTHER_KEYS, *sections]
    for key in keys:
        if key in ss:
            ss[key] = ss[key]


def load(scenario: Scenario, example: bool = False) -> None:
    """Put ``scenario`` into the widgets (call from a callback, before the widgets are drawn).

    ``example``: one of the app's examples (its name, description and cohort names are the app's
    and give way when the municipality or a cohort's type changes, see ui.state.reset).
    """
    ss = st.session_state
    for key in [k for k in ss if isinstance(k, str) and k.startswith("flash_c")]:
        del ss[key]
    ss.pop("upload_feedback", None)
    ss.pop("load_error", None)
    S.load_scenario_into(ss, scenario)
    if example:
        S.mark_example(ss)
    start_rates(ss, scenario)
    ss["cohort_pick"] = ss["cohort_ids"][0]
