"""The input widgets: scenario settings (sidebar), cohorts with their effect, and the costs.

Every widget has a stable key (listed in :mod:`ui.state`) and no default of its own: its value
lives in session state, set from a scenario by :func:`ui.state.load_scenario_into`. Widgets keep
their value while hidden (``persist_state="session"``), so presentation mode loses nothing.
No bounds are set on the numbers: the model's validation decides, and its Danish message is
shown right under the widget.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from calculator.data.evidence import load_presets, preset_by_id
from calculator.data.municipalities import municipal_tax, municipalities
from calculator.data.parameters import load_parameters
from calculator.model import DISCOUNT_RATE
from calculator.schema import COHORT_DEFAULTS, Benefit, CohortType, Supplement
from calculator.text.labels import (
    benefit_label,
    cohort_type_label,
    design_label,
    month_name,
    preset_title,
    seed_lines,
    supplement_label,
)

from . import state as S
from .fmt import money, share
from .i18n import t

PERSIST = "session"
COHORT_PICKER = "cohort_pick"  # which cohort's inputs are shown (a cohort id)
YEARS = list(range(2024, 2036))


# ---------------------------------------------------------------- small helpers

def section(title: str, key: str, errors: dict, inside: tuple[str, ...] = ()):
    """A box whose content is drawn only while it is open, so a closed box costs the page nothing.

    Stateful (keyed, reruns on toggle); it opens itself when a problem belongs to a widget inside.
    Returns the box if it is open, else None.
    """
    if any(k in errors for k in inside):
        st.session_state[key] = True
    box = st.expander(title, key=key, on_change="rerun")
    return box if box.open else None


def show_errors(errors: dict[str, list[str]], key: str) -> None:
    for message in errors.get(key, []):
        st.error(message, icon=":material/warning:")


def _number(key: str, lang: str, errors: dict, *, label_key: str | None = None, kind: str = "float", step=None,
            fmt: str | None = None, placeholder: str | None = None, help: str | None = None, optional: bool = False,
            on_change: Callable | None = None) -> None:
    if kind == "int":
        step, fmt = step or 1, fmt or "%d"
    else:
        step, fmt = float(step or 1.0), fmt or "%.2f"
    kwargs = {"value": None} if optional else {}
    st.number_input(t(label_key or key, lang), key=key, step=step, format=fmt, placeholder=placeholder, help=help,
                    persist_state=PERSIST, on_change=on_change, **kwargs)
    show_errors(errors, key)


def _cohort_number(uid: int, suffix: str, lang: str, errors: dict, **kw) -> None:
    _number(S.cohort_key(uid, suffix), lang, errors, label_key=suffix, **kw)


# ---------------------------------------------------------------- callbacks (run before the script, may set widget values)

def _reset_tax_rate() -> None:
    ss = st.session_state
    ss[S.TAX_RATE_KEY] = S.default_tax_pct(ss.get("municipality"), ss.get("budget_year") or 0)


def _add_cohort(lang: str) -> None:
    ss = st.session_state
    if len(ss.get("cohort_ids", [])) >= S.MAX_COHORTS:
        return
    names = {ss.get(S.cohort_key(u, "name")) for u in ss.get("cohort_ids", [])}
    n = len(names) + 1
    while t("cohort_fallback_name", lang, n=n) in names:
        n += 1
    ss[COHORT_PICKER] = S.new_cohort(ss, ss.get("new_cohort_type") or "aktivitetsparat", t("cohort_fallback_name", lang, n=n))


def _remove_cohort(uid: int) -> None:
    ss = st.session_state
    if len(ss.get("cohort_ids", [])) <= 1:
        return
    ss["cohort_ids"] = [u for u in ss["cohort_ids"] if u != uid]
    S.remove_cohort_keys(ss, uid)
    ss[COHORT_PICKER] = ss["cohort_ids"][0]


def _apply_preset(uid: int, lang: str) -> None:
    ss = st.session_state
    preset_id = ss.get(S.cohort_key(uid, "preset"))
    if not preset_id:
        return
    preset = preset_by_id(preset_id)
    ss.update(S.effect_values(uid, preset.effect))
    ss[S.cohort_key(uid, "evidence")] = {"preset": preset.id, "design": preset.design}  # for the optimism-bias haircut
    ss.pop(S.cohort_key(uid, "haircut"), None)
    ss[f"flash_c{uid}"] = t("preset_applied", lang, title=preset_title(preset, lang))


# ---------------------------------------------------------------- sidebar: scenario, municipality, tax

def scenario_settings(lang: str, errors: dict) -> None:
    st.subheader(t("sec_scenario", lang))
    st.text_input(t("scenario_name", lang), key="scenario_name", persist_state=PERSIST)
    show_errors(errors, "scenario_name")
    box = section(t("scenario_description", lang), "sec_description", errors, ("scenario_description",))
    if box is not None:
        with box:
            st.text_area(t("scenario_description", lang), key="scenario_description", height=120,
                         persist_state=PERSIST, label_visibility="collapsed")
            show_errors(errors, "scenario_description")

    st.subheader(t("sec_place", lang))
    names = municipalities()
    st.selectbox(t("municipality", lang), names, key="municipality", on_change=_reset_tax_rate, persist_state=PERSIST)
    show_errors(errors, "municipality")
    c1, c2 = st.columns(2)
    with c1:
        st.selectbox(t("budget_year", lang), YEARS, key="budget_year", on_change=_reset_tax_rate, persist_state=PERSIST)
        show_errors(errors, "budget_year")
    with c2:
        st.selectbox(t("start_month", lang), list(range(1, 13)), key="start_month",
                     format_func=lambda m: month_name(m, lang), persist_state=PERSIST)
        show_errors(errors, "start_month")
    _number("horizon_months", lang, errors, kind="int", step=6)
    _number(S.TAX_RATE_KEY, lang, errors, step=0.1, fmt="%.2f")
    ss = st.session_state
    try:
        tax = municipal_tax(ss.get("municipality"), int(ss.get("budget_year")))
        default = S.to_pct(tax.rate)
        estimate = "" if tax.status == "verified" else (" (skøn)" if lang == "da" else " (estimate)")
        rate = share(tax.rate, lang)
        own = ss.get(S.TAX_RATE_KEY) is not None and abs(ss.get(S.TAX_RATE_KEY) - default) > 1e-9
        st.caption(t("tax_rate_own", lang, rate=rate) if own else
                   t("tax_rate_default", lang, municipality=tax.municipality, year=tax.year, rate=rate, estimate=estimate))
    except Exception:  # an unknown municipality is reported by the validation
        pass
    discount = load_parameters().get(DISCOUNT_RATE).entries[-1].brackets[0][1]
    _number("discount_rate_pct", lang, errors, step=0.5, fmt="%.2f", optional=True,
            placeholder=t("discount_placeholder", lang, rate=share(discount, lang)))

    st.subheader(t("sec_tax", lang))
    st.toggle(t("opt_udligning", lang), key="opt_udligning", help=t("opt_udligning_help", lang), persist_state=PERSIST)
    box = section(t("sec_tax_more", lang), "sec_tax_more", errors,
                  ("opt_weak_tax_base", "opt_spouse_personfradrag_used", "opt_tax_lag_years"))
    if box is not None:
        with box:
            st.checkbox(t("opt_weak_tax_base", lang), key="opt_weak_tax_base", persist_state=PERSIST)
            st.checkbox(t("opt_spouse_personfradrag_used", lang), key="opt_spouse_personfradrag_used",
                        persist_state=PERSIST)
            _number("opt_tax_lag_years", lang, errors, kind="int")


# ---------------------------------------------------------------- cohorts

def _benefit_label(uid: int, lang: str) -> Callable[[str], str]:
    cohort_type = st.session_state.get(S.cohort_key(uid, "type")) or "egen"
    standard = t("benefit_standard", lang, label=benefit_label(COHORT_DEFAULTS[cohort_type]["benefit"], lang))

    def fmt(value: str) -> str:  # pure: reads nothing from session state when called
        return standard if value == S.STANDARD else benefit_label(value, lang)

    return fmt


def _preset_card(preset_id: str, lang: str) -> None:
    p = preset_by_id(preset_id)
    st.markdown(f"**{preset_title(p, lang)}**  \n{p.intervention}")
    st.caption(
        f"{t('preset_design', lang)}: **{design_label(p.design, lang)}** – {p.design_detail}  \n"
        f"{t('preset_target', lang)}: {p.target_group}  \n"
        f"{t('preset_outcome', lang)}: {p.outcome}  \n"
        f"{t('preset_source', lang)}: {p.source.reference}; {p.source.document}; {seed_lines(p.source, lang)}: "
        + " … ".join(f"“{q}”" for q in p.source.quotes)
    )
    st.caption(p.note)
    if not p.causal:
        st.warning(t("preset_not_causal", lang, design=design_label(p.design, lang).lower()), icon=":material/warning:")


def _effect_inputs(uid: int, lang: str, errors: dict) -> None:
    key = S.cohort_key
    st.markdown(f"**{t('sub_effect', lang)}**")
    st.caption(t("deadweight", lang))
    presets = load_presets()
    titles = {p.id: f"{preset_title(p, lang)} ({design_label(p.design, lang).split(' (')[0].lower()})" for p in presets}
    st.selectbox(t("preset", lang), [None, *titles], key=key(uid, "preset"),
                 format_func=lambda v: t("preset_none", lang) if v is None else titles[v], persist_state=PERSIST,
                 placeholder=t("preset_none", lang))
    chosen = st.session_state.get(key(uid, "preset"))
    if chosen:
        _preset_card(chosen, lang)
        st.button(t("apply_preset", lang), key=key(uid, "apply_preset"), on_click=_apply_preset, args=(uid, lang),
                  type="primary")
    flash = st.session_state.pop(f"flash_c{uid}", None)
    if flash:
        st.success(flash, icon=":material/check_circle:")

    st.radio(t("form", lang), S.FORMS, key=key(uid, "form"), horizontal=True,
             format_func=lambda f: t(f"form_{f}", lang), persist_state=PERSIST)
    show_errors(errors, key(uid, "form"))
    form = st.session_state.get(key(uid, "form"))
    c1, c2 = st.columns(2)
    if form == "ekstra_i_job":
        with c1:
            _cohort_number(uid, "extra_people", lang, errors, step=1.0, fmt="%.1f")
            _cohort_number(uid, "duration", lang, errors, kind="int")
        with c2:
            _cohort_number(uid, "from_month", lang, errors, kind="int")
    elif form == "andel_i_job":
        with c1:
            _cohort_number(uid, "share_with_pct", lang, errors, step=1.0, fmt="%.1f")
            _cohort_number(uid, "by_month", lang, errors, kind="int")
            _cohort_number(uid, "start_delay", lang, errors, kind="int")
        with c2:
            _cohort_number(uid, "share_without_pct", lang, errors, step=1.0, fmt="%.1f")
            _cohort_number(uid, "exit_rate_pct", lang, errors, step=0.5, fmt="%.1f")
    else:
        with c1:
            _cohort_number(uid, "weeks_shorter", lang, errors, step=1.0, fmt="%.1f")
        with c2:
            _cohort_number(uid, "shorter_from_month", lang, errors, kind="int")
        st.caption(t("effect_hint_kortere", lang))


def _cohort_inputs(uid: int, lang: str, errors: dict, can_remove: bool) -> None:
    key = S.cohort_key
    ss = st.session_state
    show_errors(errors, f"cohort:{uid}")
    c1, c2 = st.columns(2)
    with c1:
        st.text_input(t("name", lang), key=key(uid, "name"), persist_state=PERSIST)
        show_errors(errors, key(uid, "name"))
    with c2:
        st.selectbox(t("type", lang), list(CohortType.__args__), key=key(uid, "type"),  # type: ignore[attr-defined]
                     format_func=lambda v: cohort_type_label(v, lang), persist_state=PERSIST)
        show_errors(errors, key(uid, "type"))
    cohort_type = ss.get(key(uid, "type")) or "egen"
    defaults = COHORT_DEFAULTS[cohort_type]

    c1, c2 = st.columns(2)
    with c1:
        _cohort_number(uid, "size", lang, errors, kind="int")
        _cohort_number(uid, "wage", lang, errors, step=5.0, fmt="%.2f", optional=True, placeholder=t("wage_ph", lang))
    with c2:
        st.selectbox(t("benefit", lang), [S.STANDARD, *Benefit.__args__], key=key(uid, "benefit"),  # type: ignore[attr-defined]
                     format_func=_benefit_label(uid, lang), persist_state=PERSIST)
        show_errors(errors, key(uid, "benefit"))
        _cohort_number(uid, "hours", lang, errors, step=1.0, fmt="%.1f")

    details = ("prior_weeks", "programme_share_pct", "programme_year", "monthly_benefit", "supplements",
               "boligsikring_pct", "friplads_pct", "tests", "test_month")
    box = section(t("sec_cohort_details", lang), key(uid, "sec_details"), errors, tuple(key(uid, d) for d in details))
    if box is not None:
        with box:
            st.markdown(f"**{t('sub_people', lang)}**")
            c1, c2 = st.columns(2)
            with c1:
                _cohort_number(uid, "prior_weeks", lang, errors, kind="int", optional=True,
                               placeholder=t("default_ph", lang, value=defaults["prior_weeks_on_benefit"]))
                _cohort_number(uid, "programme_year", lang, errors, kind="int")
            with c2:
                _cohort_number(uid, "programme_share_pct", lang, errors, step=5.0, fmt="%.1f", optional=True,
                               placeholder=t("default_ph", lang, value=share(defaults["programme_share"], lang)))
                _cohort_number(uid, "monthly_benefit", lang, errors, step=100.0, fmt="%.0f", optional=True,
                               placeholder=t("monthly_benefit_ph", lang))
            st.multiselect(t("supplements", lang), list(Supplement.__args__), key=key(uid, "supplements"),  # type: ignore[attr-defined]
                           format_func=lambda v: supplement_label(v, lang), persist_state=PERSIST,
                           placeholder=t("supplements_ph", lang))
            show_errors(errors, key(uid, "supplements"))
            st.markdown(f"**{t('sub_job', lang)}**")
            c1, c2 = st.columns(2)
            with c1:
                _cohort_number(uid, "boligsikring_pct", lang, errors, step=5.0, fmt="%.1f")
                _cohort_number(uid, "tests", lang, errors, step=1.0, fmt="%.1f")
            with c2:
                _cohort_number(uid, "friplads_pct", lang, errors, step=5.0, fmt="%.1f")
                _cohort_number(uid, "test_month", lang, errors, kind="int")

    _effect_inputs(uid, lang, errors)
    if can_remove:
        st.button(t("remove_cohort", lang), key=key(uid, "remove"), on_click=_remove_cohort, args=(uid,), icon=":material/delete:")


def _has_errors(uid: int, errors: dict) -> bool:
    return any(k == f"cohort:{uid}" or k.startswith(f"c{uid}_") for k in errors)


def cohorts(lang: str, errors: dict) -> None:
    """One cohort's inputs at a time; a picker above switches between them (only the shown one is drawn)."""
    ss = st.session_state
    st.subheader(t("sec_cohorts", lang))
    ids = list(ss.get("cohort_ids", []))
    if ss.get(COHORT_PICKER) not in ids:
        ss[COHORT_PICKER] = ids[0]
    if len(ids) > 1:
        # Labels are fixed now: a format function must not read session state when it is called later.
        labels = {u: f"{'⚠ ' if _has_errors(u, errors) else ''}{i + 1}. {ss.get(S.cohort_key(u, 'name')) or '?'}"
                  for i, u in enumerate(ids)}
        st.segmented_control(t("cohort_picker", lang), ids, key=COHORT_PICKER, required=True,
                             label_visibility="collapsed", format_func=labels.__getitem__)
    uid = ss[COHORT_PICKER]
    with st.container(border=True, key="cohort_box"):
        _cohort_inputs(uid, lang, errors, can_remove=len(ids) > 1)
    hidden = [m for u in ids if u != uid for k, ms in errors.items() if k == f"cohort:{u}" or k.startswith(f"c{u}_")
              for m in ms]
    if hidden:
        names = ", ".join(ss.get(S.cohort_key(u, "name")) or "?" for u in ids if u != uid and _has_errors(u, errors))
        st.error(t("other_cohort_errors", lang, names=names) + "\n\n" + "\n".join(f"- {m}" for m in hidden),
                 icon=":material/warning:")
    c1, c2 = st.columns([3, 2], vertical_alignment="bottom")
    with c1:
        if "new_cohort_type" not in ss:
            ss["new_cohort_type"] = "aktivitetsparat"
        st.selectbox(t("new_cohort_type", lang), list(CohortType.__args__), key="new_cohort_type",  # type: ignore[attr-defined]
                     format_func=lambda v: cohort_type_label(v, lang))
    with c2:
        full = len(ids) >= S.MAX_COHORTS
        st.button(t("add_cohort", lang), key="add_cohort", on_click=_add_cohort, args=(lang,), disabled=full,
                  icon=":material/add:", help=t("max_cohorts", lang, n=S.MAX_COHORTS) if full else None)


# ---------------------------------------------------------------- costs

def costs(lang: str, errors: dict) -> None:
    st.subheader(t("sec_costs", lang))
    with st.container(border=True, key="costs_box"):
        show_errors(errors, "costs")
        st.markdown(f"**{t('sub_staff', lang)}**")
        c1, c2 = st.columns(2)
        with c1:
            _number("cost_staff_fte", lang, errors, step=0.5, fmt="%.1f")
            _number("cost_staff_months", lang, errors, kind="int", optional=True, placeholder=t("cost_staff_months_ph", lang))
        with c2:
            _number("cost_staff_per_fte", lang, errors, step=10000.0, fmt="%.0f")
            st.caption(money(st.session_state.get("cost_staff_per_fte") or 0, lang))
        box = section(t("sub_offers", lang), "sec_offers", errors,
                      ("cost_offer_per_month", "cost_offer_participants", "cost_offer_months", "cost_one_off"))
        if box is not None:
            with box:
                c1, c2 = st.columns(2)
                with c1:
                    _number("cost_offer_per_month", lang, errors, step=500.0, fmt="%.0f")
                    _number("cost_offer_participants", lang, errors, kind="int", optional=True,
                            placeholder=t("cost_offer_participants_ph", lang))
                with c2:
                    _number("cost_offer_months", lang, errors, kind="int")
                    _number("cost_one_off", lang, errors, step=10000.0, fmt="%.0f")
        box = section(t("sub_wage_subsidy", lang), "sec_wage_subsidy", errors,
                      ("cost_ws_persons", "cost_ws_rate", "cost_ws_from", "cost_ws_hours", "cost_ws_months"))
        if box is not None:
            with box:
                c1, c2 = st.columns(2)
                with c1:
                    _number("cost_ws_persons", lang, errors, step=1.0, fmt="%.1f")
                    _number("cost_ws_rate", lang, errors, step=1.0, fmt="%.2f", optional=True,
                            placeholder=t("cost_ws_rate_ph", lang))
                    _number("cost_ws_from", lang, errors, kind="int")
                with c2:
                    _number("cost_ws_hours", lang, errors, step=1.0, fmt="%.1f")
                    _number("cost_ws_months", lang, errors, kind="int")


def general_problems(lang: str, errors: dict) -> None:
    lines = [m for k in ("scenario", "options", "overrides") for m in errors.get(k, [])]
    if lines:
        st.error(t("general_problems", lang) + "\n\n" + "\n".join(f"- {m}" for m in lines), icon=":material/warning:")

