"""The workbook's "Resumé" sheet: the key figures as formulas over the monthly sheet and the adjustable cells.

Gains per stream, costs per type, net, NPV, benefit per krone, payback month, paid back within N
years, break-even and the tax before and after udligning; then per calendar year (SUMIF) with the
helårspersoner; then the warnings about the inputs (:mod:`calculator.analysis.checks`).
"""

from __future__ import annotations

from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from calculator.analysis.checks import scenario_checks
from calculator.export.excel_months import COL, FIRST, col_range, quoted
from calculator.export.sheet_writer import Book, print_setup
from calculator.results.totals import totals
from calculator.rules.flows import COST_STREAMS
from calculator.text.labels import stream_label
from calculator.text.sentences import check_sentences, notice_sentences


def summary_sheet(book: Book, ws, result, line: str, last: int) -> None:
    s = result.summary
    sc = result.scenario
    w, lang = book.w, book.lang
    rng = lambda key: col_range(key, last, book.sheets["months"])  # noqa: E731
    never = w("payback.never")
    ws.write(0, 0, w("xlsx.title", name=sc.name), book.title)
    ws.write(1, 0, line, book.small)
    ws.write(2, 0, w("xlsx.sum.heading", municipality=sc.municipality, year=sc.budget_year, months=sc.horizon_months,
                     start=f"{sc.start_date:%m.%Y}", participants=sc.participants), book.small)
    ws.write(3, 0, w("xlsx.sum.formulas", months=book.sheets["months"], inputs=book.sheets["inputs"]), book.small)
    ws.write(5, 0, w("xlsx.sum.gains_by_stream"), book.bold)
    row = 6
    stream_rows = [
        (w("xlsx.sum.grants"), f"=Effektfaktor*SUM({rng('resultattilskud_job')})+SUM({rng('resultattilskud_danskproeve')})", s.streams["resultattilskud"]),
        (stream_label("ydelse", lang), f"=Effektfaktor*SUM({rng('ydelse')})", s.streams["ydelse"]),
        (stream_label("kommuneskat", lang), f"=Effektfaktor*SUM({rng('kommuneskat')})", s.streams["kommuneskat"]),
        (w("xlsx.sum.udligning"), f"=Effektfaktor*SUM({rng('udligning')})", s.streams["udligning"]),
        (stream_label("boligsikring", lang), f"=Effektfaktor*SUM({rng('boligsikring')})", s.streams["boligsikring"]),
        (stream_label("friplads", lang), f"=Effektfaktor*SUM({rng('friplads')})", s.streams["friplads"]),
    ]
    for label, formula, value in stream_rows:
        ws.write(row, 0, label)
        book.formula(ws, row, 1, formula, book.kr, value)
        row += 1
    for stream in COST_STREAMS:
        ws.write(row, 0, w("xlsx.sum.cost", stream=stream_label(stream, lang)))
        book.formula(ws, row, 1, f"=Omkostningsfaktor*SUM({rng(stream)})", book.kr, s.costs_by_type[stream])
        row += 1
    row += 1
    ws.write(row, 0, w("xlsx.sum.key_figures"), book.bold)
    row += 1
    be = s.break_even
    t = totals(result)
    cells = {}
    key_rows = [
        ("gains", w("xlsx.key.gains"), f"=SUM({rng('gains')})", s.gains, book.kr_bold),
        ("costs", w("xlsx.key.costs"), f"=SUM({rng('costs')})", s.costs, book.kr_bold),
        ("net", w("xlsx.key.net"), "={gains}-{costs}", s.net, book.kr_bold),
        ("per_participant", w("xlsx.key.per_participant"), "={net}/Deltagere", s.net_per_participant, book.kr),
        ("pv_gains", w("xlsx.key.pv_gains"), f"=SUMPRODUCT({rng('gains')},{rng('factor')})", s.pv_gains, book.kr),
        ("pv_costs", w("xlsx.key.pv_costs"), f"=SUMPRODUCT({rng('costs')},{rng('factor')})", s.pv_costs, book.kr),
        ("npv", w("xlsx.key.npv"), f"=SUMPRODUCT({rng('net')},{rng('factor')})", s.npv, book.kr_bold),
        ("bcr", w("xlsx.key.bcr"), '=IF({pv_costs}>0,{pv_gains}/{pv_costs},"")', s.benefit_cost_ratio, book.dec),
        ("payback", w("xlsx.key.payback"),
         f'=IF({{costs}}<=0,"",IF(MAX({rng("below")})=0,1,IF(MAX({rng("below")})>={sc.horizon_months},"{never}",MAX({rng("below")})+1)))',
         s.payback_month if s.payback_month is not None else (never if s.costs > 0 else ""), book.whole),
    ]
    if s.payback_years is not None:
        yes, no = w("payback.within_yes"), w("payback.within_no")
        key_rows.append(("within", w.n("xlsx.key.payback_within", s.payback_years),
                         f'=IF(INDEX({rng("cumulative")},{12 * s.payback_years})>=-0.000000001,"{yes}","{no}")',
                         yes if s.paid_back_within else no, None))
    key_rows += [
        ("pv_tests", w("xlsx.key.pv_tests"), f"=SUMPRODUCT({rng('resultattilskud_danskproeve')},{rng('factor')})", t.pv_fixed, book.kr),
        ("pv_effect", w("xlsx.key.pv_effect"), f"=SUMPRODUCT({rng('effect_gain')},{rng('factor')})", t.pv_effect_gains, book.kr),
        ("break_even", w("xlsx.key.break_even"),
         '=IF({pv_effect}>0,MAX(0,({pv_costs}-{pv_tests})/{pv_effect})*EkstraIJob,"")', be.extra_people, book.dec1),
        ("break_even_pp", w("xlsx.key.break_even_pp"), '=IF(ISNUMBER({break_even}),100*{break_even}/Deltagere,"")', be.effect_pp, book.dec1),
        ("tax_before", w("xlsx.key.tax_before"), f"=Effektfaktor*SUM({rng('kommuneskat')})", s.kommuneskat_foer_udligning, book.kr),
        ("tax_after", w("xlsx.key.tax_after"), f"=Effektfaktor*(SUM({rng('kommuneskat')})+SUM({rng('udligning')}))", s.kommuneskat_efter_udligning, book.kr),
    ]
    if s.external_funding:
        key_rows.append(("own_money", w("xlsx.key.own_money"), f"={{net}}+{s.external_funding!r}", s.net_own_money, book.kr_bold))
    for key, label, formula, value, fmt in key_rows:
        cells[key] = xl_rowcol_to_cell(row, 1)
        ws.write(row, 0, label)
        book.formula(ws, row, 1, formula.format(**cells) if "{" in formula else formula, fmt, value)
        row += 1
    row = _per_year(book, ws, result, row + 1, last, rng)
    checks = notice_sentences(result, lang) + check_sentences(scenario_checks(sc), lang)
    if checks:
        row += 2
        ws.write(row, 0, w("xlsx.sum.checks"), book.bold)
        for sentence in checks:
            row += 1
            ws.write(row, 0, sentence, book.wrap)
    ws.set_column(0, 0, 52)
    ws.set_column(1, 4, 18)
    # Where each figure sits, so a test (or a person) can find it by its label in column A.
    ws.write(row + 2, 0, w("xlsx.sum.see", inputs=book.sheets["inputs"], robustness=book.sheets["robustness"]), book.small)
    print_setup(ws, landscape=False)


def _per_year(book: Book, ws, result, row: int, last: int, rng) -> int:
    w = book.w
    ws.write(row, 0, w("xlsx.sum.per_year"), book.bold)
    row += 1
    for c, head in enumerate([w("col.year"), w("col.gains"), w("col.costs"), w("col.net"), w("col.full_year_persons")]):
        ws.write(row, c, head, book.head)
    letter = xl_col_to_name(COL["year"])
    year_col = f"{quoted(book.sheets['months'])}!${letter}${FIRST + 1}:${letter}${last + 1}"
    for y in result.summary.per_year:
        row += 1
        ws.write_number(row, 0, y["year"], book.year)
        year_cell = xl_rowcol_to_cell(row, 0)
        book.formula(ws, row, 1, f"=SUMIF({year_col},{year_cell},{rng('gains')})", book.kr, y["gains"])
        book.formula(ws, row, 2, f"=SUMIF({year_col},{year_cell},{rng('costs')})", book.kr, y["costs"])
        book.formula(ws, row, 3, f"={xl_rowcol_to_cell(row, 1)}-{xl_rowcol_to_cell(row, 2)}", book.kr, y["net"])
        book.formula(ws, row, 4, f"=Effektfaktor*SUMIF({year_col},{year_cell},{rng('extra_in_job')})/12", book.dec1,
                     y["full_year_persons"])
    return row
