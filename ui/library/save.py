"""Bibliotek: save the main page's scenario as a new library entry or as a new version of one.

The scenario is the one the main page's inputs describe (their values live on in the session),
validated and calculated exactly as the main page does (:func:`ui.session.evaluate`). Inputs with
problems are not saved: the page says so and lists the problems. A new version records the version
the user started from (``based_on``: the one opened from the library, else the newest shown when
the form was drawn), so a save after someone else's says so (:attr:`VersionInfo.concurrent`).
"""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from calculator.schema import Scenario
from calculator.text.problems import problem_lines

from .. import session
from .. import state as S
from ..i18n import t
from . import nav, store
from .tables import scenario_label

SEEN = "lib_save_seen"  # {scenario id: the newest version shown beside the form}, read on the click's rerun
AFTER = "lib_save_after"  # the form's values after a save, set before its widgets are drawn on the next run


def current_scenario(lang: str) -> tuple[Scenario | None, list[str]]:
    """The main page's scenario if it can be saved, else None and the problems in full sentences."""
    cur = session.evaluate(lang)
    if cur.scenario is not None and cur.view is not None and not cur.stale:
        return cur.scenario, []
    try:
        Scenario.model_validate(S.draft_from_state(st.session_state))
    except ValidationError as exc:
        return None, problem_lines(exc, lang)
    lines = [m for messages in cur.errors.values() for m in messages]
    return None, lines + ([cur.calc_error] if cur.calc_error else [])


def render(lib, lang: str) -> None:
    ss = st.session_state
    st.subheader(t("lib_save_title", lang), anchor=False)
    scenario, problems = current_scenario(lang)
    with st.container(border=True, key="lib_save_box"):
        if scenario is None:
            st.error(t("lib_save_invalid", lang) + "\n\n" + "\n".join(f"- {p}" for p in problems), icon=":material/warning:")
            st.page_link(nav.MAIN, label=t("lib_save_fix", lang), icon=":material/edit:")
            return
        st.markdown(t("lib_save_what", lang, name=scenario.name, municipality=scenario.municipality,
                      participants=scenario.participants, months=scenario.horizon_months))
        with store.guard(lang):
            _form(lib, scenario, lang, ss)


def _form(lib, scenario: Scenario, lang: str, ss) -> None:
    ss.update(ss.pop(AFTER, None) or {})
    entries = {i.id: i for i in lib.search()}
    opened = ss.get("lib_opened")
    if ss.get("lib_save_mode") not in ("new", "version"):
        ss["lib_save_mode"] = "version" if opened and opened[0] in entries else "new"
    if not entries:
        ss["lib_save_mode"] = "new"
    mode = st.radio(t("lib_save_mode", lang), ("new", "version"), key="lib_save_mode", horizontal=True,
                    format_func=lambda m: t(f"lib_save_mode_{m}", lang), disabled=not entries)
    target = None
    if mode == "version":
        if ss.get("lib_save_target") not in entries:
            ss["lib_save_target"] = opened[0] if opened and opened[0] in entries else next(iter(entries))
        target = st.selectbox(t("lib_save_target", lang), list(entries), key="lib_save_target",
                              format_func=lambda i: scenario_label(entries[i], lang))
    c1, c2 = st.columns(2)
    with c1:
        name = st.text_input(t("lib_save_name", lang), value=scenario.name, key="lib_save_name", max_chars=120)
        if target is None:  # a new entry: the scenario's author; a new version: empty keeps the entry's owner
            owner = st.text_input(t("lib_save_owner", lang), value=scenario.prepared_by, key="lib_save_owner_new", max_chars=200)
        else:
            owner = st.text_input(t("lib_save_owner", lang), key="lib_save_owner_version", max_chars=200,
                                  placeholder=t("lib_save_owner_keep", lang, owner=entries[target].owner or "–"))
    with c2:
        by = st.text_input(t("lib_save_by", lang), key="lib_save_by", max_chars=200, persist_state="session")
        note = st.text_input(t("lib_save_note", lang), key="lib_save_note", max_chars=500,
                             placeholder=t("lib_save_note_ph", lang))
    seen = dict(ss.get(SEEN) or {})
    if target is not None:
        st.caption(t("lib_save_version_of", lang, version=entries[target].latest_version + 1,
                     latest=entries[target].latest_version))
    clicked = st.button(t("lib_save", lang), key="lib_save", type="primary", icon=":material/save:")
    ss[SEEN] = {i: e.latest_version for i, e in entries.items()}  # what the user sees now, for the next click
    if clicked:
        _save(lib, scenario, target, name.strip(), owner.strip(), by.strip(), note.strip(), seen, lang)


def _based_on(target: int, seen: dict) -> int | None:
    opened = st.session_state.get("lib_opened")
    if opened and opened[0] == target:
        return opened[1]
    return seen.get(target)


def _save(lib, scenario: Scenario, target: int | None, name: str, owner: str, by: str, note: str, seen: dict,
          lang: str) -> None:
    ss = st.session_state
    if name and name != scenario.name:
        scenario = scenario.replace(name=name)
    if target is None:
        saved = lib.save(scenario, note=note, owner=owner, saved_by=by)
    else:
        saved = lib.save(scenario, scenario_id=target, note=note, owner=owner or None, saved_by=by,
                         based_on=_based_on(target, seen))
    if scenario.name != ss.get("scenario_name"):
        ss["scenario_name"] = scenario.name  # the main page shows the name it was saved under
    ss["lib_opened"] = (saved.scenario_id, saved.version)
    ss["lib_pick"] = saved.scenario_id
    # The next save is a new version of this one (not a second entry), with a fresh note.
    ss[AFTER] = {"lib_save_mode": "version", "lib_save_target": saved.scenario_id, "lib_save_note": ""}
    lines = [t("lib_saved", lang, id=saved.scenario_id, version=saved.version, name=saved.name)]
    if saved.concurrent:
        lines.append(t("lib_saved_concurrent", lang, based_on=saved.based_on, version=saved.version))
        store.flash("warning", lines)
    else:
        store.flash("success", lines)
    st.rerun()
