"""Parameter files and municipal tax rates: a strict loader, every value sourced, dates covered.

The defaults are checked against DOMAIN.md §7 (the figures and their status) and against the shared
compiled CSV of municipal rates, read here independently of the calculator's own readers.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest
import yaml
from conftest import SHARED

from calculator.data.municipalities import municipal_tax, municipalities
from calculator.data.parameters import (
    PARAMETERS_DIR,
    ParameterError,
    load_parameters,
    load_parameters_from,
    parse_parameter_file,
)

GOOD = """\
description: Et testtal
unit: kr/måned
values:
  2024-01-01:
    value: 100
    status: verified
    source:
      title: En kilde
      url: https://example.org/kilde
  2025-07-01:
    value: 200
    status: estimate
    source:
      title: En kilde
      url: https://example.org/kilde
"""

PARAMETER_FILES = sorted(PARAMETERS_DIR.rglob("*.yaml"))
SHARED_CSV = SHARED / "data" / "kommuneskat_2025_2026.csv" if SHARED else None


# --- the loader ------------------------------------------------------------------------------------


def test_good_file_and_lookup_by_date():
    p = parse_parameter_file("test.tal", GOOD)
    # the entry in force is the last one dated on or before the date asked for
    assert p.at(dt.date(2024, 1, 1)).value == 100
    assert p.at(dt.date(2025, 6, 30)).value == 100
    assert p.at(dt.date(2025, 7, 1)).value == 200
    assert p.at(dt.date(2030, 1, 1)).value == 200
    assert p.at(dt.date(2025, 7, 1)).status == "estimate"
    assert p.at(dt.date(2024, 5, 1)).source_url == "https://example.org/kilde"


def test_unknown_key_names_file_and_key():
    text = GOOD.replace("unit: kr/måned", "unit: kr/måned\nenhed: kr")
    with pytest.raises(ParameterError) as err:
        parse_parameter_file("test.tal", text, origin="skat/test.yaml")
    assert "skat/test.yaml" in str(err.value)
    assert "enhed" in str(err.value)


def test_unknown_key_inside_a_value():
    text = GOOD.replace("    value: 100\n", "    value: 100\n    vaerdi: 3\n")
    with pytest.raises(ParameterError) as err:
        parse_parameter_file("test.tal", text, origin="skat/test.yaml")
    assert "skat/test.yaml" in str(err.value) and "vaerdi" in str(err.value)


def test_duplicate_key_names_file_and_key():
    # PyYAML would silently keep the last 2024-01-01; the loader must refuse
    text = GOOD.replace("  2025-07-01:", "  2024-01-01:")
    with pytest.raises(ParameterError) as err:
        parse_parameter_file("test.tal", text, origin="skat/test.yaml")
    assert "skat/test.yaml" in str(err.value)
    # the key as written in the file, and its line (line 10 of GOOD is the second date)
    assert "'2024-01-01'" in str(err.value)
    assert "linje 10" in str(err.value)


def test_duplicate_top_level_key():
    text = GOOD.replace("unit: kr/måned\n", "unit: kr/måned\nunit: kr/år\n")
    with pytest.raises(ParameterError) as err:
        parse_parameter_file("test.tal", text, origin="skat/test.yaml")
    assert "skat/test.yaml" in str(err.value) and "'unit'" in str(err.value)


def test_value_without_source_is_refused():
    lines = GOOD.splitlines(keepends=True)
    # drop the first entry's source block (3 lines after "status: verified")
    i = lines.index("    status: verified\n")
    text = "".join(lines[: i + 1] + lines[i + 4:])
    assert "value: 100\n    status: verified\n  2025-07-01" in text
    with pytest.raises(ParameterError) as err:
        parse_parameter_file("test.tal", text, origin="skat/test.yaml")
    assert "skat/test.yaml" in str(err.value)
    assert "source" in str(err.value)


def test_source_without_url_is_refused():
    text = GOOD.replace("      url: https://example.org/kilde\n  2025", "  2025", 1)
    with pytest.raises(ParameterError) as err:
        parse_parameter_file("test.tal", text, origin="skat/test.yaml")
    assert "url" in str(err.value)


def test_unknown_status_is_refused():
    with pytest.raises(ParameterError) as err:
        parse_parameter_file("test.tal", GOOD.replace("status: verified", "status: guess"), origin="x.yaml")
    assert "x.yaml" in str(err.value) and "status" in str(err.value)


def test_unknown_unit_names_file_and_unit():
    with pytest.raises(ParameterError) as err:
        parse_parameter_file("test.tal", GOOD.replace("unit: kr/måned", "unit: kr/dag"), origin="skat/test.yaml")
    assert "skat/test.yaml" in str(err.value)
    assert "kr/dag" in str(err.value)


def test_lookup_before_first_date_names_parameter_and_date():
    p = parse_parameter_file("ydelse.test", GOOD)
    with pytest.raises(ParameterError) as err:
        p.at(dt.date(2023, 12, 31))
    msg = str(err.value)
    assert "ydelse.test" in msg
    assert "01.01.2024" in msg  # the first valid-from date
    assert "31.12.2023" in msg  # the date asked for


def test_load_from_directory_names_the_file(tmp_path):
    (tmp_path / "skat").mkdir()
    (tmp_path / "skat" / "ok.yaml").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "skat" / "forkert.yaml"
    bad.write_text(GOOD.replace("unit: kr/måned", "unit: kr/måned\nukendt: 1"), encoding="utf-8")
    with pytest.raises(ParameterError) as err:
        load_parameters_from(tmp_path)
    assert str(bad) in str(err.value)
    assert "ukendt" in str(err.value)


def test_load_from_directory_names_and_lookups(tmp_path):
    (tmp_path / "skat").mkdir()
    (tmp_path / "skat" / "ok.yaml").write_text(GOOD, encoding="utf-8")
    params = load_parameters_from(tmp_path)
    # the path below the folder, "/" as "." and without ".yaml", is the name
    assert params.names() == ["skat.ok"]
    assert params.value("skat.ok", dt.date(2025, 7, 1)) == 200
    with pytest.raises(ParameterError) as err:
        params.value("skat.ok", dt.date(2020, 1, 1))
    assert "skat.ok" in str(err.value) and "01.01.2024" in str(err.value)
    with pytest.raises(ParameterError) as err:
        params.get("skat.findes_ikke")
    assert "skat.findes_ikke" in str(err.value)


def test_empty_directory_is_refused(tmp_path):
    with pytest.raises(ParameterError):
        load_parameters_from(tmp_path)


def test_invalid_yaml_names_the_file():
    with pytest.raises(ParameterError) as err:
        parse_parameter_file("x", "description: [ulukket\n", origin="x.yaml")
    assert "x.yaml" in str(err.value)


# --- the shipped defaults --------------------------------------------------------------------------


def test_defaults_load():
    params = load_parameters()
    assert len(params.names()) == len(PARAMETER_FILES) > 0


@pytest.mark.parametrize("path", PARAMETER_FILES, ids=lambda p: str(p.relative_to(PARAMETERS_DIR)))
def test_every_value_has_source_and_status(path):
    # read with plain PyYAML, independently of the calculator's loader
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert raw["description"].strip()
    assert raw["values"], "no values"
    for when, entry in raw["values"].items():
        assert isinstance(when, dt.date), f"{path}: {when!r} is not a date"
        assert entry["status"] in {"verified", "estimate"}, f"{path} {when}"
        if raw.get("kind") == "scale":  # a rate from each threshold up (e.g. the refusion staircase)
            thresholds = [b["threshold"] for b in entry["brackets"]]
            assert thresholds[0] == 0 and thresholds == sorted(thresholds), f"{path} {when}"
            assert all(isinstance(b["rate"], (int, float)) for b in entry["brackets"]), f"{path} {when}"
        else:
            assert isinstance(entry["value"], (int, float)), f"{path} {when}"
        assert len(entry["source"]["title"].strip()) >= 3, f"{path} {when}: no source title"
        url = entry["source"]["url"].strip()
        # a web address, or a pointer into the repository's own documentation of the estimate
        assert url.startswith(("https://", "http://", "defaults/")), f"{path} {when}: {url}"


# Every parameter answers lookups for 2024-2027 (where a year is unconfirmed, the nearest known
# value is carried and marked estimate in the file), except the figures of the 2025 kontanthjælp
# reform (lov nr. 1655 af 30.12.2024): the old benefits exist only until 30.6.2025 (``valid_until``),
# the new rates, their tillæg and the rules that go with them only from 1.7.2025.
LOOKUP_DATES = [dt.date(2024, 1, 1), dt.date(2024, 12, 1), dt.date(2025, 1, 1), dt.date(2025, 6, 30),
                dt.date(2025, 7, 1), dt.date(2026, 1, 1), dt.date(2026, 12, 1), dt.date(2027, 1, 1),
                dt.date(2027, 12, 1)]
REFORM = dt.date(2025, 7, 1)
# The old benefits, abolished on 30.6.2025.
UNTIL_REFORM = {
    "ydelse.kontanthjaelp_forsoerger", "ydelse.kontanthjaelp_ikke_forsoerger",
    "ydelse.selvforsoergelsesydelse_enlig_forsoerger", "ydelse.selvforsoergelsesydelse_forsoerger",
    "ydelse.selvforsoergelsesydelse_ikke_forsoerger",
}
# The new system from 1.7.2025: the three rates, the three tillæg, the fribeløb rule's figures
# (fribeløb, 65 % deduction, the ceilings as shares of the highest dagpenge) and the boligstøtteloft
# for couples on forhøjet sats.
FROM_REFORM = {
    "ydelse.forhoejet_sats", "ydelse.grundsats", "ydelse.mindstesats",
    "ydelse.tillaeg_boernetillaeg", "ydelse.tillaeg_enlig_forsoerger", "ydelse.tillaeg_enlig_ikke_forsoerger",
    "ydelse.fribeloeb_forhoejet", "ydelse.fribeloeb_grund_mindste", "ydelse.fribeloeb_fradrag",
    "ydelse.loft_dagpenge_forhoejet", "ydelse.loft_dagpenge_grund_mindste",
    "boligsikring.loft_par_forhoejet_sats",
}


@pytest.mark.parametrize("name", load_parameters().names())
def test_every_parameter_covers_2024_to_2027(name):
    p = load_parameters().get(name)
    if name in UNTIL_REFORM:
        dates = [d for d in LOOKUP_DATES if d < REFORM]
    elif name in FROM_REFORM:
        dates = [d for d in LOOKUP_DATES if d >= REFORM]
    else:
        dates = LOOKUP_DATES
    for when in dates:
        entry = p.at(when)  # raises ParameterError if no value is in force
        assert entry.valid_from <= when


def test_only_the_reforms_figures_begin_or_end_at_the_reform():
    # The parameters that do not cover every date are exactly the reform's: those ending on 30.6.2025
    # and those beginning on 1.7.2025, the date in defaults/rules/kontanthjaelp_2025.yaml.
    from calculator.data.benefit_system import benefit_system
    from calculator.rules.benefit import BENEFIT_PARAMETER, SUPPLEMENT_PARAMETER

    system = benefit_system()
    assert system.date == REFORM
    params = load_parameters()
    ending, beginning = set(), set()
    for p in params:
        if p.valid_until is not None:
            ending.add(p.name)
        if p.entries[0].valid_from > dt.date(2024, 1, 1):
            beginning.add(p.name)
    assert ending == UNTIL_REFORM
    assert beginning == FROM_REFORM
    for name in UNTIL_REFORM:
        assert params.get(name).valid_until == REFORM - dt.timedelta(days=1), name
        with pytest.raises(ParameterError, match="findes ikke efter 30.06.2025"):
            params.at(name, REFORM)
    for name in FROM_REFORM:
        assert params.get(name).entries[0].valid_from == REFORM, name
        with pytest.raises(ParameterError, match="01.07.2025"):
            params.at(name, REFORM - dt.timedelta(days=1))
    # and they are the benefits the reform's rule file names: every old benefit it converts ends, every
    # new rate and tillæg begins
    assert {BENEFIT_PARAMETER[b] for b in system.to_new} == UNTIL_REFORM
    assert {BENEFIT_PARAMETER[r] for r in system.new_rates} | set(SUPPLEMENT_PARAMETER.values()) <= FROM_REFORM


def test_the_earnings_rule_switches_at_the_reform():
    # ydelse.fribeloebsregel: 0 = the hourly rule (LAS § 31, stk. 1 before the reform), 1 = the fribeløb rule
    params = load_parameters()
    assert params.value("ydelse.fribeloebsregel", REFORM - dt.timedelta(days=1)) == 0
    assert params.value("ydelse.fribeloebsregel", REFORM) == 1
    assert params.at("ydelse.fribeloebsregel", REFORM).status == "estimate"  # the enacted date was not found


def test_refusion_staircase_is_a_scale_of_the_law():
    # DOMAIN.md §7: 80 / 40 / 30 / 20 % for weeks 1-4 / 5-26 / 27-52 / 53+, i.e. from 0, 4, 26 and 52 weeks already spent
    entry = load_parameters().at("refusion.trappe", dt.date(2025, 1, 1))
    assert entry.brackets == ((0, 0.8), (4, 0.4), (26, 0.3), (52, 0.2))
    assert entry.status == "verified"


def test_timeless_rules_are_valid_from_before_2024():
    # refusion steps, udligning levels and the result-grant conditions are rules of law from 2016-2021
    params = load_parameters()
    for name in ("refusion.trappe", "udligning.landsudligning_niveau", "udligning.tillaeg_svagt_grundlag",
                 "resultattilskud.min_maaneder", "resultattilskud.min_timer_pr_uge"):
        assert params.get(name).entries[0].valid_from < dt.date(2024, 1, 1)


@pytest.mark.parametrize(
    ("name", "when", "value", "status"),
    [
        # DOMAIN.md §7 and §0, row by row, as the files now hold them (docs: /work/research)
        ("ydelse.kontanthjaelp_forsoerger", "2024-06-01", 16_382, "verified"),
        ("ydelse.kontanthjaelp_ikke_forsoerger", "2024-06-01", 12_326, "verified"),
        ("ydelse.kontanthjaelp_forsoerger", "2023-06-01", 15_874, "verified"),
        ("ydelse.kontanthjaelp_ikke_forsoerger", "2023-06-01", 11_944, "verified"),
        ("ydelse.kontanthjaelp_forsoerger", "2025-06-30", 16_972, "estimate"),  # 16,382 x 1.036 = 16,971.8
        ("ydelse.kontanthjaelp_ikke_forsoerger", "2025-06-30", 12_770, "estimate"),  # 12,326 x 1.036 = 12,769.7
        ("ydelse.forhoejet_sats", "2025-07-01", 12_498, "estimate"),  # see test_regulated_from_the_2024_level
        ("ydelse.grundsats", "2025-07-01", 7_205, "estimate"),
        ("ydelse.mindstesats", "2025-07-01", 6_789, "estimate"),
        ("ydelse.forhoejet_sats", "2026-01-01", 13_060, "estimate"),
        ("ydelse.tillaeg_boernetillaeg", "2025-07-01", 2_784, "verified"),
        ("ydelse.tillaeg_enlig_forsoerger", "2025-07-01", 1_638, "verified"),
        ("ydelse.tillaeg_enlig_ikke_forsoerger", "2025-07-01", 1_092, "verified"),
        ("ydelse.selvforsoergelsesydelse_enlig_forsoerger", "2021-06-01", 12_437, "verified"),
        ("ydelse.selvforsoergelsesydelse_forsoerger", "2021-06-01", 8_703, "verified"),
        ("ydelse.selvforsoergelsesydelse_ikke_forsoerger", "2021-06-01", 6_219, "verified"),
        ("ydelse.fradrag_pr_arbejdstime", "2022-06-01", 28.66, "verified"),
        ("ydelse.fradrag_pr_arbejdstime", "2025-06-01", 31.24, "estimate"),  # 28.66 x 1.0195 x 1.032 x 1.036
        ("ydelse.fradrag_max_timer", "2025-06-01", 160, "verified"),
        ("ydelse.fribeloeb_forhoejet", "2025-07-01", 2_590, "estimate"),  # 2,500 (2024 level) x 1.036
        ("ydelse.fribeloeb_grund_mindste", "2025-07-01", 5_180, "estimate"),  # 5,000 (2024 level) x 1.036
        ("ydelse.fribeloeb_fradrag", "2025-07-01", 0.65, "estimate"),
        ("ydelse.loft_dagpenge_forhoejet", "2025-07-01", 1.0, "estimate"),
        ("ydelse.loft_dagpenge_grund_mindste", "2025-07-01", 0.85, "estimate"),
        ("dagpenge.hoejeste_maaned", "2025-01-01", 21_092, "verified"),
        ("boligsikring.loft_par_forhoejet_sats", "2025-07-01", 363, "verified"),
        ("resultattilskud.job_aar_1_3", "2024-06-01", 88_817, "verified"),
        ("resultattilskud.job_aar_4_5", "2024-06-01", 59_210, "verified"),
        ("resultattilskud.danskproeve", "2024-06-01", 37_895, "verified"),
        ("resultattilskud.job_aar_1_3", "2025-06-01", 92_014, "estimate"),  # 88,817 x 1.036 = 92,014.4
        ("resultattilskud.job_aar_4_5", "2025-06-01", 61_342, "estimate"),  # 59,210 x 1.036 = 61,341.6
        ("resultattilskud.danskproeve", "2025-06-01", 39_259, "estimate"),  # 37,895 x 1.036 = 39,259.2
        ("resultattilskud.min_maaneder", "2025-01-01", 6, "verified"),
        ("resultattilskud.min_timer_pr_uge", "2025-01-01", 20, "verified"),
        ("skat.kommuneskat_gennemsnit", "2024-06-01", 0.25018, "estimate"),  # the 2023 average; 2024 not found
        ("skat.kommuneskat_gennemsnit", "2025-06-01", 0.25068, "verified"),
        ("skat.kommuneskat_gennemsnit", "2026-06-01", 0.25049, "verified"),
        ("udligning.landsudligning_niveau", "2025-01-01", 0.75, "verified"),
        ("udligning.tillaeg_svagt_grundlag", "2025-01-01", 0.20, "verified"),
        ("udligning.tillaeg_hoejt_grundlag", "2025-01-01", 0.18, "verified"),
        ("udligning.loft_andel", "2025-01-01", 0.93, "verified"),
        ("udligning.loft_mindste_skat", "2025-01-01", 0.2325, "verified"),
        ("skat.am_bidrag", "2025-01-01", 0.08, "verified"),
        ("skat.beskaeftigelsesfradrag_sats", "2024-06-01", 0.1065, "verified"),
        ("skat.beskaeftigelsesfradrag_max", "2024-06-01", 45_100, "verified"),
        ("skat.beskaeftigelsesfradrag_sats", "2025-06-01", 0.123, "verified"),
        ("skat.beskaeftigelsesfradrag_max", "2025-06-01", 55_600, "verified"),
        ("skat.beskaeftigelsesfradrag_sats", "2026-06-01", 0.1275, "verified"),
        ("skat.beskaeftigelsesfradrag_max", "2026-06-01", 63_300, "verified"),
        ("skat.jobfradrag_sats", "2025-06-01", 0.045, "verified"),
        ("skat.jobfradrag_bundgraense", "2024-06-01", 216_100, "verified"),
        ("skat.jobfradrag_max", "2024-06-01", 2_800, "verified"),
        ("skat.jobfradrag_bundgraense", "2025-06-01", 224_500, "verified"),
        ("skat.jobfradrag_max", "2025-06-01", 2_900, "verified"),
        ("skat.jobfradrag_bundgraense", "2026-06-01", 235_200, "verified"),
        ("skat.jobfradrag_max", "2026-06-01", 3_100, "verified"),
        ("skat.personfradrag", "2024-06-01", 49_700, "verified"),
        ("skat.personfradrag", "2025-06-01", 51_600, "verified"),
        ("skat.personfradrag", "2026-06-01", 54_100, "verified"),
        ("skat.bundskat", "2026-06-01", 0.1201, "verified"),
        ("loen.mindsteloen_time", "2024-01-01", 136.15, "estimate"),  # the 1.3.2024 rate carried back
        ("loen.mindsteloen_time", "2024-03-01", 136.15, "verified"),
        ("loen.mindsteloen_time", "2025-04-30", 136.15, "verified"),
        ("loen.mindsteloen_time", "2025-05-01", 139.85, "verified"),
        ("loen.mindsteloen_time", "2026-03-01", 143.35, "verified"),
        ("loen.mindsteloen_time", "2027-03-01", 146.85, "verified"),
        ("loentilskud.privat_time", "2023-06-01", 86.16, "estimate"),  # DOMAIN says bm.dk; only a secondary source was found
        ("loentilskud.privat_time", "2025-06-01", 92.70, "estimate"),  # 86.16 x 1.035 = 89.20 (2024), x 1.039 = 92.70, to 10 øre
        ("boligsikring.aftrapning", "2026-01-01", 0.18, "verified"),
        ("boligsikring.indkomstgraense", "2025-06-01", 171_500, "estimate"),
        ("boligsikring.indkomstgraense", "2026-01-01", 173_900, "estimate"),
        ("boligsikring.kommunal_andel", "2026-01-01", 0.5, "verified"),
        ("friplads.nedre_graense", "2024-06-01", 200_300, "verified"),
        ("friplads.oevre_graense", "2024-06-01", 622_200, "verified"),
        ("husstand.indkomst_aegtefaelle", "2025-06-01", 247_545, "estimate"),
    ],
)
def test_defaults_match_domain_table(name, when, value, status):
    entry = load_parameters().at(name, dt.date.fromisoformat(when))
    assert entry.value == pytest.approx(value, abs=1e-9)
    assert entry.status == status


@pytest.mark.parametrize(
    ("name", "when", "base", "factors"),
    [
        # DOMAIN.md §7: the new rates at the 2024 price level (agreement, law-firm summary), regulated
        # with the LAS § 109 percentages 3.6 % (2025) and 4.5 % (2026), rounded to whole kroner each year
        ("ydelse.forhoejet_sats", "2025-07-01", 12_064, (1.036,)),
        ("ydelse.grundsats", "2025-07-01", 6_955, (1.036,)),
        ("ydelse.mindstesats", "2025-07-01", 6_553, (1.036,)),
        ("ydelse.forhoejet_sats", "2026-01-01", 12_498, (1.045,)),
        ("ydelse.grundsats", "2026-01-01", 7_205, (1.045,)),
        ("ydelse.mindstesats", "2026-01-01", 6_789, (1.045,)),
        # DOMAIN §0: the fribeløb 2,500 / 5,000 kr. at the 2024 level
        ("ydelse.fribeloeb_forhoejet", "2025-07-01", 2_500, (1.036,)),
        ("ydelse.fribeloeb_grund_mindste", "2025-07-01", 5_000, (1.036,)),
        # the 2025 tillæg (verified) regulated into 2026
        ("ydelse.tillaeg_boernetillaeg", "2026-01-01", 2_784, (1.045,)),
        ("ydelse.tillaeg_enlig_forsoerger", "2026-01-01", 1_638, (1.045,)),
        ("ydelse.tillaeg_enlig_ikke_forsoerger", "2026-01-01", 1_092, (1.045,)),
        # the old benefits' 2024 rates (bm.dk) into their last half year
        ("ydelse.kontanthjaelp_forsoerger", "2025-01-01", 16_382, (1.036,)),
        ("ydelse.kontanthjaelp_ikke_forsoerger", "2025-01-01", 12_326, (1.036,)),
        # DOMAIN §0 / uim.dk: the 2024 result grants
        ("resultattilskud.job_aar_1_3", "2025-01-01", 88_817, (1.036,)),
        ("resultattilskud.job_aar_4_5", "2025-01-01", 59_210, (1.036,)),
        ("resultattilskud.danskproeve", "2025-01-01", 37_895, (1.036,)),
        ("resultattilskud.job_aar_1_3", "2026-01-01", 92_014, (1.045,)),
        # the 2024 max dagpenge (20,359) into 2025 gives the verified bm.dk figure
        ("dagpenge.hoejeste_maaned", "2025-01-01", 20_359, (1.036,)),
    ],
)
def test_regulated_from_the_2024_level(name, when, base, factors):
    value = base
    for factor in factors:
        value *= factor
    assert load_parameters().value(name, dt.date.fromisoformat(when)) == round(value)


# --- municipalities --------------------------------------------------------------------------------


def _shared_rates() -> dict[str, tuple[float, float]]:
    if SHARED_CSV is None:
        pytest.skip("the shared folder with the reference rates is not beside this checkout")
    lines = [ln for ln in SHARED_CSV.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return {r["municipality"]: (float(r["kommuneskat_2025"]), float(r["kommuneskat_2026"]))
            for r in csv.DictReader(lines)}


def test_98_municipalities_with_2025_and_2026_rates():
    names = municipalities()
    assert len(names) == 98
    assert len(set(names)) == 98
    shared = _shared_rates()
    assert set(names) == set(shared)
    for name in names:
        for i, year in enumerate((2025, 2026)):
            tax = municipal_tax(name, year)
            assert tax.status == "verified"
            # the percent in the shared compiled CSV, as a share
            assert tax.rate == pytest.approx(shared[name][i] / 100, abs=1e-9), (name, year)
            assert 0.22 <= tax.rate <= 0.27


def test_2025_range_matches_cepos_cross_check():
    # CSV header note: 2025 range 23.4 % (Vejle) to 26.3 % (11 municipalities)
    rates = {n: municipal_tax(n, 2025).rate for n in municipalities()}
    assert min(rates.values()) == pytest.approx(0.234, abs=1e-9)
    assert min(rates, key=rates.get) == "Vejle"
    assert sum(1 for r in rates.values() if abs(r - 0.263) < 1e-9) == 11


def test_other_year_uses_nearest_known_as_estimate():
    tax = municipal_tax("Greve", 2030)
    assert tax.rate == municipal_tax("Greve", 2026).rate  # nearest known year is 2026
    assert tax.status == "estimate"


def test_unknown_municipality_is_refused():
    with pytest.raises(ParameterError) as err:
        municipal_tax("Atlantis", 2025)
    assert "Atlantis" in str(err.value)
