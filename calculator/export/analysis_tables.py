"""The analyses as tables (break-even, tornado, Monte Carlo, the optimism-bias haircut, the warnings).

Each records its numbers' kinds for the Excel writer (:mod:`calculator.export.kinds`): a
"measure / value" table mixes people, kroner, percent and months, so its kinds go by row.
"""

from __future__ import annotations

import pandas as pd

from calculator.analysis.checks import scenario_checks
from calculator.export.kinds import typed
from calculator.text.analysis_text import bar_dict
from calculator.text.catalog import Words, text
from calculator.text.labels import design_label, montecarlo_input_label
from calculator.text.sentences import check_sentences, notice_sentences


def _cols(lang: str, *keys: str) -> list[str]:
    return [text(f"col.{k}", lang) for k in keys]


def break_even_table(analysis, lang: str = "da") -> pd.DataFrame:
    be = analysis.break_even
    w = Words(lang)
    rows = [
        (w("be.row.people"), be.extra_people, "dec1"),
        (w("be.row.pp"), be.effect_pp, "dec1"),
        (w("be.row.multiplier"), be.multiplier, "factor"),
        (w("be.row.entered"), be.entered_people, "dec1"),
        (w("be.row.npv_without"), be.npv_without_effect, "kr"),
        (w("be.row.npv_entered"), be.npv_as_entered, "kr"),
    ]
    for r in be.share_roots:
        rows.append((w("be.row.root_share", cohort=r.cohort, month=r.by_month), r.break_even_share, "pct"))
    if be.latest is not None:
        rows.append((w("be.row.delay"), be.latest.delay_months, "int"))
        for cohort, (field, entered, latest) in be.latest.months.items():
            key = "be.row.latest_start" if field == "from_month" else "be.row.latest_target"
            rows.append((w(key, cohort=cohort, entered=entered), latest, "int"))
    table = pd.DataFrame([r[:2] for r in rows], columns=["Break-even", text("col.value", lang)])
    return typed(table, rows={i: r[2] for i, r in enumerate(rows)})


def tornado_table(analysis, lang: str = "da") -> pd.DataFrame:
    rows = []
    for b in analysis.tornado.bars:
        d = bar_dict(b, lang)
        rows.append((d["label"], d["low_text"], d["high_text"], b.net_low, b.net_high, b.npv_low, b.npv_high, b.swing, d["error"] or ""))
    columns = _cols(lang, "assumption", "low", "high", "net_low", "net_high", "npv_low", "npv_high", "swing", "remark")
    return typed(pd.DataFrame(rows, columns=columns), columns={c: "kr" for c in columns[3:8]})


def montecarlo_table(analysis, lang: str = "da") -> pd.DataFrame:
    mc = analysis.montecarlo
    w = Words(lang)
    net, npv = mc.percentiles("net"), mc.percentiles("npv")
    rows = [(f"P{p}", net[p], npv[p]) for p in net]
    rows += [(w("mc.row.mean"), float(mc.net.mean()), float(mc.npv.mean())),
             (w("mc.row.plain"), mc.deterministic_net, mc.deterministic_npv)]
    kinds = {}
    kinds[len(rows)] = "prob"
    rows.append((w("mc.row.probability"), None, mc.probability_pays_off))
    within = mc.probability_payback_within()
    if within is not None:
        kinds[len(rows)] = "prob"
        rows.append((w.n("mc.row.payback_within", mc.payback_years), within, None))
    columns = _cols(lang, "measure", "net_result_kr", "npv_kr")
    return typed(pd.DataFrame(rows, columns=columns), columns={columns[1]: "kr", columns[2]: "kr"}, rows=kinds)


def montecarlo_inputs_table(analysis, lang: str = "da") -> pd.DataFrame:
    from calculator.analysis.montecarlo import INPUTS

    spec = analysis.montecarlo.spec
    rows = []
    for key in INPUTS:
        d = getattr(spec, key)
        rows.append((montecarlo_input_label(key, lang), text(f"distribution.{d.kind}", lang), d.low, d.mode, d.high, d.mean, d.sd))
    columns = _cols(lang, "uncertain_factor", "distribution", "low", "mode", "high", "mean", "sd")
    return typed(pd.DataFrame(rows, columns=columns), columns={c: "dec2" for c in columns[2:]})


def haircut_table(analysis, lang: str = "da") -> pd.DataFrame:
    h = analysis.haircut
    rows = [(c.cohort, design_label(c.design, lang), c.haircut, c.people_before, c.people_after, c.pp_before, c.pp_after)
            for c in h.cohorts]
    columns = _cols(lang, "cohort", "design", "haircut", "people_before", "people_after", "pp_before", "pp_after")
    return typed(pd.DataFrame(rows, columns=columns), columns={columns[2]: "pct", **{c: "dec1" for c in columns[3:]}})


def checks_table(result, lang: str = "da") -> pd.DataFrame:
    """What the output must say (the model's notices) and the warnings about the inputs (:mod:`calculator.analysis.checks`)."""
    lines = notice_sentences(result, lang) + check_sentences(scenario_checks(result.scenario), lang)
    return pd.DataFrame([(s,) for s in lines], columns=_cols(lang, "remark"))
