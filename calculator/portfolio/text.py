"""The pool in words: tables and sentences for the command line, the PDF and the app (the catalogue's ``pool.*``)."""

from __future__ import annotations

from calculator.data.budget_areas import budget_areas
from calculator.portfolio.pool import PoolSummary
from calculator.portfolio.uncertainty import PoolMonteCarlo
from calculator.text.catalog import Words
from calculator.text.numbers import kr, number, pct, probability


def effort_header(lang: str = "da") -> list[str]:
    w = Words(lang)
    return [w("pool.col.effort"), w("pool.col.start"), w("pool.col.net"), w("pool.col.npv"), w("pool.col.share")]


def effort_rows(pool: PoolSummary, lang: str = "da") -> list[list[str]]:
    return [[e.label, _month(e.start, lang), kr(e.net, lang), kr(e.npv_at_pool_start, lang),
             "–" if e.share_of_npv is None else pct(e.share_of_npv, 0, lang)] for e in pool.efforts]


def _month(d, lang: str) -> str:
    return Words(lang)("pool.month_year", month=f"{d:%m}", year=d.year)


def year_header(lang: str = "da") -> list[str]:
    w = Words(lang)
    return [w("pool.col.year"), *(w(f"pool.area.{a}") for a in budget_areas().areas), w("pool.col.net"), w("pool.col.persons")]


def year_rows(pool: PoolSummary, lang: str = "da") -> list[list[str]]:
    return [[str(y["year"]), *(kr(y["areas"][a], lang) for a in budget_areas().areas), kr(y["net"], lang),
             number(y["full_year_persons"], 1, lang)] for y in pool.per_year]


def payback_sentence(pool: PoolSummary, years: int, mc: PoolMonteCarlo | None = None, lang: str = "da") -> str:
    w = Words(lang)
    key = "pool.payback.yes" if pool.payback_within.get(years) else "pool.payback.no"
    out = w(key, years=years, cumulative=kr(pool.cumulative_at_year(years), lang))
    if mc is not None and years in mc.cumulative:
        out += " " + w("pool.payback.probability", years=years, probability=probability(mc.probability_payback(years), lang),
                       draws=number(mc.draws, 0, lang), seed=mc.seed)
    return out


def carriers_sentence(pool: PoolSummary, mc: PoolMonteCarlo | None = None, lang: str = "da") -> str:
    """Which efforts carry the result: the largest NPV contributions, and (with the Monte Carlo) the pool without each."""
    w = Words(lang)
    ranked = sorted(pool.efforts, key=lambda e: e.npv_at_pool_start, reverse=True)
    parts = [w("pool.carriers", best=ranked[0].label, npv=kr(ranked[0].npv_at_pool_start, lang), worst=ranked[-1].label,
               worst_npv=kr(ranked[-1].npv_at_pool_start, lang))]
    if mc is not None:
        for e in mc.efforts:
            parts.append(w("pool.without", effort=e.label, years=mc.years, probability=probability(e.probability_without, lang),
                           spread=pct(e.variance_share or 0.0, 0, lang)))
    return " ".join(parts)


def render_pool(pool: PoolSummary, mc: PoolMonteCarlo | None = None, years: int = 6, lang: str = "da") -> str:
    w = Words(lang)
    end = pool.months_calendar[-1]
    lines = [w("pool.heading", name=pool.name),
             w("pool.span", start=_month(pool.start, lang), end=_month(end, lang), months=pool.months, n=len(pool.efforts)), ""]
    for header, rows in ((effort_header(lang), effort_rows(pool, lang)), (year_header(lang), year_rows(pool, lang))):
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for r in [header, *rows]:
            lines.append("  ".join(v.ljust(widths[i]) if i == 0 else v.rjust(widths[i]) for i, v in enumerate(r)))
        lines.append("")
    lines.append(w("pool.totals", net=kr(pool.net, lang), npv=kr(pool.npv, lang)))
    lines.append(payback_sentence(pool, years, mc, lang))
    if mc is not None:
        p = mc.percentiles("net")
        lines.append(w("pool.montecarlo", p10=kr(p[10], lang), p50=kr(p[50], lang), p90=kr(p[90], lang)))
    lines.append(carriers_sentence(pool, mc, lang))
    return "\n".join(lines)
