"""The key figures at the top: net result, NPV, payback and break-even, and the line of context under them.

Every figure is the model's; the break-even tile shows the figures of the break-even sentence
(:func:`calculator.text.sentences.break_even_figures`), the sentence itself is its help. With a
pool grant the result for the municipality's own money stands beside the result in total.
"""

from __future__ import annotations

import streamlit as st

from calculator.text.catalog import ntext
from calculator.text.labels import stamp_text
from calculator.text.sentences import break_even_sentence, payback_text, payback_within_text

from .escape import md
from .fmt import count, money, share
from .i18n import t
from .views import ResultView, break_even_tile

METRIC = {"border": True, "delta_color": "off", "delta_arrow": "off"}


def payback_note(view: ResultView, lang: str) -> str:
    """Under the payback month: the answer for the requirement N ("inden for 3 år: ja"), else the horizon."""
    s = view.summary
    within = payback_within_text(s, lang)
    if within is None or s.costs <= 0:
        return t("tile_payback_delta", lang, months=s.horizon_months)
    # the words of the reports and the command line: "Tilbagebetalt inden for 3 år: ja"
    return t("tile_payback_within", lang, within=ntext("payback.within_label", s.payback_years, lang), answer=within)


def tiles(view: ResultView, lang: str) -> None:
    s = view.summary
    basis = t("after_udligning" if s.headline_after_udligning else "before_udligning", lang)
    rate = share(s.discount_rate, lang)
    net_note = t("tile_net_delta", lang, basis=basis, amount=money(s.net_per_participant, lang))
    npv_note = t("tile_npv_delta", lang, rate=rate)
    if s.external_funding:  # a pool grant: the municipality's own money beside the total
        net_note = t("tile_own_money", lang, amount=money(s.net_own_money, lang))
        npv_note = t("tile_own_money", lang, amount=money(s.npv_own_money, lang))
    cols = st.columns(4)
    with cols[0]:
        st.metric(t("tile_net", lang), money(s.net, lang), delta=net_note, help=t("tile_net_help", lang, basis=basis), **METRIC)
    with cols[1]:
        st.metric(t("tile_npv", lang), money(s.npv, lang), delta=npv_note, help=t("tile_npv_help", lang, rate=rate), **METRIC)
    with cols[2]:
        st.metric(t("tile_payback", lang), payback_text(s, lang), delta=payback_note(view, lang),
                  help=t("tile_payback_help", lang), **METRIC)
    with cols[3]:
        value, note = break_even_tile(view.break_even, s.costs <= 0, lang)
        st.metric(t("tile_breakeven", lang), value, delta=note,
                  help=t("tile_breakeven_help", lang, sentence=break_even_sentence(view.break_even, lang)), **METRIC)


def facts(view: ResultView, lang: str) -> None:
    """One line of context (with the pool grant, if any) and the reproducibility stamp."""
    s = view.summary
    line = t("facts_line", lang, municipality=s.municipality, participants=count(s.participants, lang),
             extra=count(s.extra_people_in_jobs, lang), gains=money(s.gains, lang), costs=money(s.costs, lang),
             horizon=s.horizon_months, start=view.start)
    if s.external_funding:
        line += t("facts_funding", lang, funding=money(s.external_funding, lang), own=money(s.net_own_money, lang))
    st.caption(line + "  \n" + t("stamp_line", lang, stamp=stamp_text(view.stamp, lang)))
    if view.notices:  # as the command line, the PDF and Excel say them (a cohort's names are the user's: escaped)
        st.caption(":material/info: " + " ".join(md(n) for n in view.notices))
