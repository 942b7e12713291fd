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


# Every parameter answers lookups for 2024-2026 (where a year is unconfirmed, the nearest known
# value is carried and marked estimate in the file).
NOT_BEFORE_2025: set[str] = set()
LOOKUP_DATES = [dt.date(2024, 1, 1), dt.date(2024, 12, 1), dt.date(2025, 1, 1), dt.date(2025, 7, 1),
                dt.date(2026, 1, 1), dt.date(2026, 12, 1)]


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.xfail(strict=True, raises=ParameterError,
                                             reason="no value before 2025-01-01 (defaults/parameters/ydelse/tillaeg_*)"))
     if n in NOT_BEFORE_2025 else n
     for n in load_parameters().names()],
)
def test_every_parameter_covers_2024_to_2026(name):
    p = load_parameters().get(name)
    for when in LOOKUP_DATES:
        entry = p.at(when)  # raises ParameterError if no value is in force
        assert entry.valid_from <= when


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
        # DOMAIN.md §7, row by row
        ("ydelse.kontanthjaelp_forsoerger", "2024-06-01", 16_382, "verified"),
        ("ydelse.kontanthjaelp_ikke_forsoerger", "2024-06-01", 12_326, "verified"),
        ("ydelse.kontanthjaelp_forsoerger", "2023-06-01", 15_874, "verified"),
        ("ydelse.kontanthjaelp_ikke_forsoerger", "2023-06-01", 11_944, "verified"),
        ("ydelse.forhoejet_sats", "2024-06-01", 12_064, "verified"),  # 2024 price level
        ("ydelse.grundsats", "2024-06-01", 6_955, "verified"),
        ("ydelse.mindstesats", "2024-06-01", 6_553, "verified"),
        ("ydelse.forhoejet_sats", "2025-07-01", 12_426, "estimate"),  # 12,064 x 1.03 = 12,425.9
        ("ydelse.forhoejet_sats", "2026-01-01", 12_799, "estimate"),  # 12,064 x 1.03^2 = 12,798.7
        ("ydelse.tillaeg_boernetillaeg", "2025-06-01", 2_784, "verified"),
        ("ydelse.tillaeg_enlig_forsoerger", "2025-06-01", 1_638, "verified"),
        ("ydelse.tillaeg_enlig_ikke_forsoerger", "2025-06-01", 1_092, "verified"),
        ("ydelse.selvforsoergelsesydelse_enlig_forsoerger", "2021-06-01", 12_437, "verified"),
        ("ydelse.selvforsoergelsesydelse_forsoerger", "2021-06-01", 8_703, "verified"),
        ("ydelse.selvforsoergelsesydelse_ikke_forsoerger", "2021-06-01", 6_219, "verified"),
        ("resultattilskud.job_aar_1_3", "2024-06-01", 88_817, "verified"),
        ("resultattilskud.job_aar_4_5", "2024-06-01", 59_210, "verified"),
        ("resultattilskud.danskproeve", "2024-06-01", 37_895, "verified"),
        ("resultattilskud.min_maaneder", "2025-01-01", 6, "verified"),
        ("resultattilskud.min_timer_pr_uge", "2025-01-01", 20, "verified"),
        ("skat.kommuneskat_gennemsnit", "2025-06-01", 0.25068, "verified"),
        ("skat.kommuneskat_gennemsnit", "2026-06-01", 0.25049, "verified"),
        ("udligning.landsudligning_niveau", "2025-01-01", 0.75, "verified"),
        ("udligning.tillaeg_svagt_grundlag", "2025-01-01", 0.20, "verified"),
        ("skat.am_bidrag", "2025-01-01", 0.08, "verified"),
        ("skat.beskaeftigelsesfradrag_sats", "2025-06-01", 0.123, "verified"),
        ("skat.beskaeftigelsesfradrag_max", "2025-06-01", 55_600, "verified"),
        ("skat.beskaeftigelsesfradrag_sats", "2026-06-01", 0.1275, "verified"),
        ("skat.beskaeftigelsesfradrag_max", "2026-06-01", 63_300, "verified"),
        ("skat.jobfradrag_sats", "2025-06-01", 0.045, "verified"),
        ("skat.jobfradrag_bundgraense", "2025-06-01", 224_500, "verified"),
        ("skat.jobfradrag_max", "2025-06-01", 2_900, "verified"),
        ("skat.personfradrag", "2025-06-01", 51_600, "verified"),
        ("loen.mindsteloen_time", "2025-05-01", 139.85, "verified"),
        ("loen.mindsteloen_time", "2026-03-01", 143.35, "verified"),
        ("loentilskud.privat_time", "2023-06-01", 86.16, "verified"),
        ("boligsikring.aftrapning", "2026-01-01", 0.18, "estimate"),
        ("boligsikring.indkomstgraense", "2026-01-01", 171_500, "estimate"),
        ("boligsikring.kommunal_andel", "2026-01-01", 0.5, "estimate"),
        ("friplads.nedre_graense", "2024-06-01", 200_300, "verified"),
        ("friplads.oevre_graense", "2024-06-01", 622_200, "verified"),
    ],
)
def test_defaults_match_domain_table(name, when, value, status):
    entry = load_parameters().at(name, dt.date.fromisoformat(when))
    assert entry.value == pytest.approx(value, abs=1e-9)
    assert entry.status == status


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
