"""The analyses in words: the tornado's input values, and the analyses as JSON with their sentences.

Used by the command line (``analyse --json`` and the plain text) and the exports, so the words
for a bar or the break-even are the same everywhere.
"""

from __future__ import annotations

from calculator.analysis.tornado import FACTOR, SWITCH
from calculator.text.catalog import text
from calculator.text.labels import tornado_input_label
from calculator.text.numbers import number, pct
from calculator.text.sentences import break_even_sentence, model_error


def tornado_value_text(key: str, kind: str, value: float, lang: str = "da") -> str:
    """A low or high value as the tornado shows it: "−25 %", "til", "104 uger", "24,6 %"."""
    if kind == FACTOR:
        change = value - 1.0
        return ("+" if change > 0 else "−" if change < 0 else "±") + pct(abs(change), 0, lang)
    if kind == SWITCH:
        return text("tornado.switch.on" if value else "tornado.switch.off", lang)
    if key == "prior_weeks":
        return text("tornado.weeks", lang, weeks=number(value, 0, lang))
    return pct(value, 1, lang)


def bar_dict(bar, lang: str = "da") -> dict:
    return {
        "key": bar.key, "label": tornado_input_label(bar.key, lang), "kind": bar.kind, "low": bar.low, "high": bar.high,
        "low_text": tornado_value_text(bar.key, bar.kind, bar.low, lang),
        "high_text": tornado_value_text(bar.key, bar.kind, bar.high, lang),
        "net_low": bar.net_low, "net_high": bar.net_high, "npv_low": bar.npv_low, "npv_high": bar.npv_high,
        "error": None if bar.error is None else model_error(bar.error, lang), "swing": bar.swing,
    }


def analysis_dict(analysis, lang: str = "da") -> dict:
    """Every analysis as plain data, with the sentences and labels in ``lang`` (the ``analyse --json`` output)."""
    t = analysis.tornado
    return {
        "break_even": analysis.break_even.to_dict() | {"sentence": break_even_sentence(analysis.break_even, lang)},
        "tornado": {"base_net": t.base_net, "base_npv": t.base_npv, "metric": t.metric,
                    "bars": [bar_dict(b, lang) for b in t.bars]},
        "montecarlo": None if analysis.montecarlo is None else analysis.montecarlo.to_dict(),
        "optimism_bias": None if analysis.haircut is None else analysis.haircut.to_dict(),
    }


def effect_source_sentence(cohort, lang: str = "da") -> str:
    """Where a cohort's effect came from, in one sentence: the study, its design, whether causal, the haircut."""
    from calculator.analysis.optimism import provenance
    from calculator.schema.types import CAUSAL_DESIGNS
    from calculator.text.labels import design_label, preset_title
    from calculator.text.sentences import describe_effect

    p = provenance(cohort)
    if p is None:
        return text("source.own_estimate", lang, cohort=cohort.name)
    causal = text("source.causal" if p.design in CAUSAL_DESIGNS else "source.not_causal", lang)
    first = text("source.from_study", lang, cohort=cohort.name, study=preset_title(p.preset, lang),
                 reference=p.preset.source.reference, design=design_label(p.design, lang).lower(), causal=causal)
    if p.status == "reduced":
        return first + " " + text("source.reduced", lang, haircut=pct(p.haircut, 0, lang))
    if p.status == "edited":
        return first + " " + text("source.edited", lang, study_effect=describe_effect(p.study_effect, lang))
    return first + " " + text("source.not_reduced", lang)
