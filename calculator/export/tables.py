"""Every table the app and the report show, as pandas DataFrames with Danish column names.

One function per table; :func:`all_tables` gathers them by file name, which is what the CSV
export writes. Figures are taken from the model's summary and the analyses, never recomputed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from calculator.results.discounting import discount_factors
from calculator.results.flows import COST_STREAMS, KOMMUNE, MUNICIPAL_GAIN_STREAMS, STAKEHOLDER_LABELS, stream_label
from calculator.results.keyfigures import KEY_FIGURES, key_figures
from calculator.rules.variation import Variation

STATUS_DA = {"verified": "bekræftet", "estimate": "skøn", "own": "eget tal"}


def key_figures_table(result) -> pd.DataFrame:
    values = key_figures(result.summary)
    rows = [(label, values[key], kind) for key, (label, _en, kind) in KEY_FIGURES.items()]
    return pd.DataFrame(rows, columns=["Nøgletal", "Værdi", "Enhed"])


def streams_table(result) -> pd.DataFrame:
    s = result.summary
    rows = []
    for stream in MUNICIPAL_GAIN_STREAMS:
        counted = stream != "udligning" or s.headline_after_udligning
        rows.append(("Gevinst", stream, stream_label(stream), s.streams[stream], "ja" if counted else "nej"))
    for stream in COST_STREAMS:
        rows.append(("Omkostning", stream, stream_label(stream), -s.costs_by_type[stream] + 0.0, "ja"))
    return pd.DataFrame(rows, columns=["Type", "Strøm", "Betegnelse", "Beløb (kr.)", "Medregnet"])


def years_table(result) -> pd.DataFrame:
    return pd.DataFrame(
        [(y["year"], y["gains"], y["costs"], y["net"]) for y in result.summary.per_year],
        columns=["År", "Gevinst (kr.)", "Omkostninger (kr.)", "Netto (kr.)"],
    )


def cohorts_table(result) -> pd.DataFrame:
    rows = []
    for c in result.summary.per_cohort:
        rows.append([c["cohort"], c["size"], float(c["extra_people_in_jobs"])] + [c[s] for s in MUNICIPAL_GAIN_STREAMS] + [c["gains"]])
    return pd.DataFrame(rows, columns=["Målgruppe", "Deltagere", "Ekstra i job"] + [stream_label(s) for s in MUNICIPAL_GAIN_STREAMS] + ["Gevinst i alt"])


def stakeholders_table(result) -> pd.DataFrame:
    return pd.DataFrame(
        [(STAKEHOLDER_LABELS[k][0], v) for k, v in result.summary.stakeholders.items()], columns=["Part", "Netto (kr.)"]
    )


def monthly_split(result) -> dict[str, np.ndarray]:
    """The municipality's streams per month, with the result grants split into job and Danish-test grants.

    The split matters for the live spreadsheet: every gain but the Danish-test grants scales with
    the effect. The test grants are the result grants of the same scenario with no effect at all.
    """
    from calculator.model import calculate

    tests = sum((f.amounts for f in calculate(result.scenario, variation=Variation(effect=0.0)).flows
                 if f.stakeholder == KOMMUNE and f.stream == "resultattilskud"), np.zeros(result.horizon))
    out = {}
    for stream in MUNICIPAL_GAIN_STREAMS:
        out[stream] = result.total(stakeholder=KOMMUNE, streams=(stream,))
    out["resultattilskud_job"] = out["resultattilskud"] - tests
    out["resultattilskud_danskproeve"] = tests
    for stream in COST_STREAMS:
        out[stream] = -result.total(stakeholder=KOMMUNE, streams=(stream,)) + 0.0  # + 0.0: no "-0" for a cost of nothing
    return out


def monthly_wide_table(result) -> pd.DataFrame:
    """One row per month: the municipality's streams, gains, costs, net, cumulative and present value."""
    s = result.summary
    gains = result.total(stakeholder=KOMMUNE, streams=tuple(x for x in MUNICIPAL_GAIN_STREAMS
                                                           if x != "udligning" or s.headline_after_udligning))
    costs = -result.total(stakeholder=KOMMUNE, streams=COST_STREAMS)
    net = gains - costs
    factors = discount_factors(result.discount_rate, result.horizon)
    data = {
        "Måned": np.arange(1, result.horizon + 1),
        "Dato": [d.strftime("%Y-%m") for d in result.timeline.dates],
        "År": result.timeline.years,
    }
    for stream in MUNICIPAL_GAIN_STREAMS:
        data[stream_label(stream)] = result.total(stakeholder=KOMMUNE, streams=(stream,))
    for stream in COST_STREAMS:
        data[stream_label(stream)] = -result.total(stakeholder=KOMMUNE, streams=(stream,)) + 0.0
    data.update({
        "Gevinst": gains, "Omkostninger": costs, "Netto": net, "Kumuleret netto": np.cumsum(net),
        "Diskonteringsfaktor": factors, "Nutidsværdi af netto": net * factors,
    })
    return pd.DataFrame(data)


def monthly_tidy_table(result) -> pd.DataFrame:
    t = result.monthly_table()
    return t.rename(columns={"month": "Måned", "date": "Dato", "year": "År", "cohort": "Målgruppe", "stream": "Strøm",
                             "stream_label": "Betegnelse", "stakeholder": "Part_kode", "stakeholder_label": "Part",
                             "amount": "Beløb (kr.)"})


def sources_table(result) -> pd.DataFrame:
    rows = [
        (s.name, s.description, s.value, s.unit, s.valid_from.isoformat() if s.valid_from else "", STATUS_DA.get(s.status, s.status),
         s.source_title, s.source_url, s.note)
        for s in result.sources()
    ]
    return pd.DataFrame(rows, columns=["Parameter", "Beskrivelse", "Værdi", "Enhed", "Gælder fra", "Status", "Kilde", "Adresse", "Note"])


def scenario_table(result) -> pd.DataFrame:
    """The scenario's own inputs, flattened to one row each (what the user typed or chose)."""
    rows = []

    def walk(prefix: str, value) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for i, v in enumerate(value):
                walk(f"{prefix}[{i + 1}]", v)
        else:
            rows.append((prefix, ", ".join(map(str, value)) if isinstance(value, list) else value))

    walk("", result.scenario.model_dump(mode="json"))
    return pd.DataFrame(rows, columns=["Felt", "Værdi"])


def break_even_table(analysis) -> pd.DataFrame:
    be = analysis.break_even
    rows = [
        ("Ekstra i job ved NPV = 0 (lineær skalering af effekten)", be.extra_people),
        ("Effekt i procentpoint ved NPV = 0", be.effect_pp),
        ("Effektfaktor k* ved NPV = 0", be.multiplier),
        ("Ekstra i job i scenariet", be.entered_people),
        ("NPV uden effekt (kr.)", be.npv_without_effect),
        ("NPV som angivet (kr.)", be.npv_as_entered),
    ]
    for r in be.share_roots:
        rows.append((f"{r.cohort}: andel i job med indsatsen ved NPV = 0 (måned {r.by_month})", r.break_even_share))
        rows.append((f"{r.cohort}: procentpoint over uden indsatsen ved NPV = 0", r.effect_pp))
    if be.latest is not None:
        rows.append(("Effekten må komme op til (måneder senere)", be.latest.delay_months))
        for cohort, (field, entered, latest) in be.latest.months.items():
            rows.append((f"{cohort}: seneste {'startmåned' if field == 'from_month' else 'måned for målet'} (angivet {entered})", latest))
    return pd.DataFrame(rows, columns=["Break-even", "Værdi"])


def tornado_table(analysis) -> pd.DataFrame:
    return pd.DataFrame(
        [(b.label, b.low_text, b.high_text, b.net_low, b.net_high, b.npv_low, b.npv_high, b.swing, b.error or "")
         for b in analysis.tornado.bars],
        columns=["Forudsætning", "Lav", "Høj", "Netto ved lav", "Netto ved høj", "NPV ved lav", "NPV ved høj", "Udsving", "Bemærkning"],
    )


def montecarlo_table(analysis) -> pd.DataFrame:
    mc = analysis.montecarlo
    net, npv = mc.percentiles("net"), mc.percentiles("npv")
    rows = [(f"P{p}", net[p], npv[p]) for p in net]
    rows += [("Middel", float(mc.net.mean()), float(mc.npv.mean())),
             ("Uden usikkerhed", mc.deterministic_net, mc.deterministic_npv),
             ("Sandsynlighed for at indsatsen betaler sig (NPV ≥ 0)", None, mc.probability_pays_off)]
    return pd.DataFrame(rows, columns=["Mål", "Nettoresultat (kr.)", "NPV (kr.)"])


def montecarlo_inputs_table(analysis) -> pd.DataFrame:
    from calculator.analysis.montecarlo import INPUTS

    spec = analysis.montecarlo.spec
    rows = []
    for key, (da, _en) in INPUTS.items():
        d = getattr(spec, key)
        rows.append((da, d.kind, d.low, d.mode, d.high, d.mean, d.sd))
    return pd.DataFrame(rows, columns=["Usikker forudsætning (faktor)", "Fordeling", "Lav", "Typisk", "Høj", "Middel", "Spredning"])


def haircut_table(analysis) -> pd.DataFrame:
    h = analysis.haircut
    rows = [(c.cohort, c.design, c.haircut, c.people_before, c.people_after, c.pp_before, c.pp_after) for c in h.cohorts]
    return pd.DataFrame(rows, columns=["Målgruppe", "Design", "Reduktion", "Ekstra i job før", "Ekstra i job efter",
                                       "Procentpoint før", "Procentpoint efter"])


def all_tables(result, analysis=None) -> dict[str, pd.DataFrame]:
    """File name (without .csv) -> table, for every table shown."""
    tables = {
        "noegletal": key_figures_table(result),
        "stroemme": streams_table(result),
        "aar": years_table(result),
        "maalgrupper": cohorts_table(result),
        "parter": stakeholders_table(result),
        "maaned_kommune": monthly_wide_table(result),
        "maaned_alle_stroemme": monthly_tidy_table(result),
        "forudsaetninger": sources_table(result),
        "scenarie": scenario_table(result),
    }
    if analysis is not None:
        tables["break_even"] = break_even_table(analysis)
        tables["foelsomhed_tornado"] = tornado_table(analysis)
        if analysis.montecarlo is not None:
            tables["usikkerhed_montecarlo"] = montecarlo_table(analysis)
            tables["usikkerhed_fordelinger"] = montecarlo_inputs_table(analysis)
        if analysis.haircut is not None:
            tables["optimisme_reduktion"] = haircut_table(analysis)
    return tables
