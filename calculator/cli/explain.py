"""``python -m calculator explain SCENARIO STREAM``: one hop from a number to its rule and source.

For one money stream: its total per party, the rule in words (and the module that holds it),
the rules it builds on, the scenario's inputs those rules read (per cohort), and every parameter
with its value, status and source (:func:`calculator.results.trace.stream_trace`).
"""

from __future__ import annotations

from calculator.results.trace import RULE_MODULES, stream_trace
from calculator.text.catalog import Words
from calculator.text.inputs import input_lines
from calculator.text.labels import stakeholder_label, stream_label
from calculator.text.numbers import kr
from calculator.text.sources import description, note, source_title, status, value_text


def render_explain(result, stream: str, lang: str = "da") -> str:
    w = Words(lang)
    tr = stream_trace(result, stream)
    lines = [f"{stream_label(stream, lang)} · {result.scenario.name}", ""]
    if tr.total:
        lines.append(w("explain.total") + "; ".join(f"{stakeholder_label(who, lang)} {kr(v, lang)}" for who, v in tr.total.items()))
    own, *built_on = tr.rules
    lines += ["", w("explain.rule"), f"  {w(f'rule.{own}.formula')}", f"  ({RULE_MODULES[own]})"]
    if built_on:
        lines.append(w("explain.built_on"))
        lines += [f"  - {w(f'rule.{r}.formula')} ({RULE_MODULES[r]})" for r in built_on]
    lines += ["", w("explain.inputs")]
    lines += [f"  {line}" for line in input_lines(result.scenario, tr.inputs, lang)]
    lines += ["", w("explain.parameters")]
    for line in tr.sources:
        lines.append(f"  {line.name} = {value_text(line, lang)}  ({status(line, lang)}"
                     + (f", {w('explain.from', date=f'{line.valid_from:%d.%m.%Y}')}" if line.valid_from else "") + ")")
        lines.append(f"    {description(line, lang)}")
        source = source_title(line, lang) + (f" <{line.source_url}>" if line.source_url else "")
        lines.append(f"    {w('explain.source', source=source)}")
        if note(line, lang):
            lines.append(f"    {w('explain.note', note=note(line, lang))}")
    return "\n".join(lines)
