"""The page Bibliotek, driven without a browser (AppTest), on a temporary SQLite database.

The database is named in ``BUSINESSCASE_DATABASE_URL`` (the app opens ``Library()`` with no
arguments, as in production). What the page shows is compared with what the library itself holds
and says (``Library.versions``, ``diff``, ``status_history``), read independently in the test.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest
from test_app import APP, ROOT, TIMEOUT, enter, example, expected_tiles, tiles, with_cohort

from calculator.library import Library
from calculator.library.db import ENV_URL
from calculator.schema import Scenario, load_scenario
from ui.share import encode_link

LIBRARY, FOLLOWUP, POOLS = "pages/1_Bibliotek.py", "pages/2_Opfoelgning.py", "pages/3_Puljer.py"
SCENARIOS = ROOT / "defaults" / "scenarios"


@pytest.fixture()
def db(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'library.sqlite'}"
    monkeypatch.setenv(ENV_URL, url)
    return url


def downloaded(at, stores, key: str) -> bytes:
    url = at.get("download_button")[[b.key for b in at.get("download_button")].index(key)].proto.url
    return stores[-1].get_file(url.rsplit("/", 1)[-1].split(".")[0]).content


def main_page() -> AppTest:
    return AppTest.from_file(APP, default_timeout=TIMEOUT).run()


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(page).run()
    ok(at)
    return at


def ok(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def texts(at: AppTest, kind: str) -> list[str]:
    return [e.value for e in at.get(kind)]


def save_on_page(at: AppTest, note: str = "", **fields) -> AppTest:
    for key, value in fields.items():
        if key in ("lib_save_mode", "lib_save_target"):
            (at.radio if key == "lib_save_mode" else at.selectbox)(key=key).set_value(value).run()
        else:
            at.text_input(key=key).set_value(value).run()
    if note:
        at.text_input(key="lib_save_note").set_value(note).run()
    at.button(key="lib_save").click().run()
    ok(at)
    return at


# ---------------------------------------------------------------- saving

def test_save_the_main_pages_scenario_as_a_new_entry(db):
    at = goto(main_page(), LIBRARY)
    assert "Biblioteket er tomt" in " ".join(texts(at, "info"))
    save_on_page(at, note="til udvalget", lib_save_owner_new="Økonomiafdelingen", lib_save_by="MH")
    lib = Library(db)
    [entry] = lib.search()
    [v1] = lib.versions(entry.id)
    assert (entry.owner, entry.status, v1.note, v1.saved_by) == ("Økonomiafdelingen", "udkast", "til udvalget", "MH")
    assert lib.content(entry.id) == at.session_state["last_valid_json"] == example().canonical_json()
    assert texts(at, "success") == [f"Gemt: '{example().name}' som nr. {entry.id}, version 1."]
    assert at.radio(key="lib_save_mode").value == "version" and at.selectbox(key="lib_save_target").value == entry.id
    assert at.text_input(key="lib_save_note").value == ""  # the next save is a new version of it, with a new note
    table = at.dataframe[0].value  # the list of scenarios
    assert list(table["Navn"]) == [example().name] and list(table["Status"]) == ["udkast"]


def test_a_new_version_of_the_opened_scenario_and_a_save_in_between_is_reported(db):
    lib = Library(db)
    first = lib.save(example(), owner="Økonomi", note="v1")
    at = goto(main_page(), LIBRARY)
    at.button(key="lib_open").click().run()  # open version 1 into the main page
    at = goto(at, APP)
    at.text_input(key="c0_size:text").set_value("80").run()
    lib.save(example().replace(description="en kollegas rettelse"), scenario_id=first.scenario_id, note="kollega", based_on=1)
    goto(at, LIBRARY)
    assert at.radio(key="lib_save_mode").value == "version" and at.selectbox(key="lib_save_target").value == first.scenario_id
    save_on_page(at, note="80 deltagere")
    versions = lib.versions(first.scenario_id)
    assert [(v.version, v.based_on, v.note) for v in versions] == [(1, None, "v1"), (2, 1, "kollega"), (3, 1, "80 deltagere")]
    assert versions[2].concurrent
    assert [w for w in texts(at, "warning") if "en anden har gemt en version" in w]  # no version lost, and the user is told
    assert Scenario.model_validate_json(lib.content(first.scenario_id, 3)) == with_cohort(example(), size=80)
    assert lib.get(first.scenario_id).owner == "Økonomi"  # an empty owner field keeps the owner


def test_inputs_with_problems_are_not_saved_and_the_page_says_why(db):
    at = main_page()
    at.text_input(key="c0_size:text").set_value("-5").run()
    goto(at, LIBRARY)
    [error] = texts(at, "error")
    assert error.startswith("Scenariet på beregnersiden har fejl i indtastningerne, så det kan ikke gemmes")
    assert error.endswith("- Målgruppe 1 › Antal personer: skal være mindst 1 (fik -5)")  # the field named, not only its short message
    assert not [b for b in at.button if b.key == "lib_save"]
    assert Library(db).search() == []


def test_search_by_text_name_owner_and_status(db):
    lib = Library(db)
    a = lib.save(example(), owner="Økonomi", note="til budgetseminaret").scenario_id
    b = lib.save(load_scenario(SCENARIOS / "kl_minimodel.yaml"), owner="Jobcentret").scenario_id
    c = lib.save(load_scenario(SCENARIOS / "aktivitetsparate_virksomhedspraktik.yaml"), owner="Jobcentret").scenario_id
    lib.set_status(c, "vedtaget")
    at = goto(main_page(), LIBRARY)

    def listed() -> list[int]:
        return list(at.dataframe[0].value["Nr."]) if at.dataframe and "Nr." in at.dataframe[0].value.columns else []

    assert sorted(listed()) == sorted([a, b, c])
    at.text_input(key="lib_q").set_value("BUDGETSEMINARET").run()  # a note, case aside
    assert listed() == [a]
    at.text_input(key="lib_q").set_value("").run()
    at.selectbox(key="lib_q_owner").set_value("Jobcentret").run()
    assert sorted(listed()) == sorted([b, c])
    at.selectbox(key="lib_q_status").set_value("vedtaget").run()
    assert listed() == [c]
    at.text_input(key="lib_q_name").set_value("minimodel").run()
    assert listed() == [] and "Ingen scenarier passer" in " ".join(texts(at, "info"))


def test_versions_history_and_the_difference_in_danish(db):
    lib = Library(db)
    sid = lib.save(example(), note="første").scenario_id
    lib.save(with_cohort(example(), size=80).replace(horizon_months=48), scenario_id=sid, note="større", based_on=1)
    at = goto(main_page(), LIBRARY)
    versions = [d.value for d in at.dataframe if "Bygger på version" in d.value.columns][0]
    assert list(versions["Version"]) == [1, 2] and list(versions["Note"]) == ["første", "større"]
    diff = [d.value for d in at.dataframe if "Indtastning" in d.value.columns][0]
    expected = lib.diff(sid, 1, 2, "da")
    assert list(diff["Indtastning"]) == [c.label for c in expected]
    assert list(diff["Version 1"]) == [c.before for c in expected] and list(diff["Version 2"]) == [c.after for c in expected]
    assert any("Antal personer" in c.label and c.before == "60" and c.after == "80" for c in expected)
    at.selectbox(key="lib_diff_a").set_value(2).run()
    assert "Version 2 og 2 har de samme indtastninger." in texts(at, "info")


def test_open_a_version_into_the_main_page_with_its_share_link_and_file(db, stores):
    lib = Library(db)
    old = with_cohort(example(), size=40)
    sid = lib.save(old).scenario_id
    lib.save(example(), scenario_id=sid, based_on=1)
    at = goto(main_page(), LIBRARY)
    at.selectbox(key="lib_open_version").set_value(1).run()
    at.button(key="lib_open").click().run()
    goto(at, APP)
    assert tiles(at) == expected_tiles(old)
    assert at.session_state["last_valid_json"] == old.canonical_json()
    assert at.session_state["share_token"] == encode_link(old)  # the share link is the opened version's
    assert json.loads(downloaded(at, stores, "download_scenario")) == old.model_dump(mode="json")  # and so is the file
    assert texts(at, "success") == [f"Åbnet fra biblioteket: nr. {sid}, version 1 ('{old.name}'). Gem ændringer som en ny version under Bibliotek."]


# ---------------------------------------------------------------- status

def test_status_changes_and_adopting_with_a_baseline(db):
    lib = Library(db)
    case = load_scenario(SCENARIOS / "aktivitetsparate_virksomhedspraktik.yaml")
    sid = lib.save(case).scenario_id
    at = goto(main_page(), LIBRARY)
    assert [b.key for b in at.button if b.key.startswith("lib_to_")] == []  # a draft is adopted with the form
    cohort = case.cohorts[0].name
    enter(at, "lib_base_0_share_pct", "12,5")
    enter(at, "lib_base_0_by_month", "9")
    at.text_input(key="lib_status_note").set_value("vedtaget i byrådet").run()
    at.button(key="lib_adopt").click().run()
    ok(at)
    info = lib.get(sid)
    assert (info.status, info.adopted_version) == ("vedtaget", 1)
    assert json.loads(info.baseline) == {"cohorts": {cohort: {"share": 0.125, "by_month": 9, "exit_rate": 0.02}}}
    assert [h.note for h in lib.status_history(sid)] == ["vedtaget i byrådet"]
    assert sorted(b.key for b in at.button if b.key.startswith("lib_to_")) == ["lib_to_afsluttet", "lib_to_udkast"]
    lib.store_actuals(sid, [{"period": "2026-K1", "in_ordinary_jobs": 3}], kind="quarter")
    at.button(key="lib_to_udkast").click().run()  # refused: actual figures are stored
    assert any("har gemte faktiske tal" in e for e in texts(at, "error")) and lib.get(sid).status == "vedtaget"
    at.button(key="lib_to_afsluttet").click().run()
    assert lib.get(sid).status == "afsluttet"
    assert [b.key for b in at.button if b.key.startswith("lib_to_")] == ["lib_to_vedtaget"]
    at.button(key="lib_to_vedtaget").click().run()
    assert lib.get(sid).status == "vedtaget" and lib.get(sid).adopted_version == 1


def test_a_baseline_for_an_impossible_share_is_refused_in_danish(db):
    lib = Library(db)
    sid = lib.save(example()).scenario_id
    at = goto(main_page(), LIBRARY)
    enter(at, "lib_base_0_share_pct", "140")
    at.button(key="lib_adopt").click().run()
    ok(at)
    assert texts(at, "error") and lib.get(sid).status == "udkast"


# ---------------------------------------------------------------- the database

@pytest.mark.parametrize("url", ["postgresql://nobody@127.0.0.1:1/none", "sqlite:////proc/no/such/folder/library.sqlite"])
def test_a_database_that_cannot_be_used_gives_a_danish_message_and_the_main_page_works(monkeypatch, url):
    monkeypatch.setenv(ENV_URL, url)
    at = main_page()
    assert tiles(at) == expected_tiles(example())
    for page in (LIBRARY, FOLLOWUP, POOLS):
        goto(at, page)
        [error] = texts(at, "error")
        assert error.startswith("Biblioteket kan ikke bruges lige nu") and "Beregneren virker stadig" in error
    goto(at, APP)
    assert tiles(at) == expected_tiles(example())


def test_the_main_page_does_not_import_the_database_libraries():
    code = ("import sys; from streamlit.testing.v1 import AppTest; "
            f"at = AppTest.from_file({str(APP)!r}, default_timeout=60).run(); "
            "assert not at.exception; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'psycopg')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_language_chosen_on_a_library_page_is_kept_on_the_main_page(db):
    at = goto(main_page(), LIBRARY)
    at.segmented_control(key="lib_lang").set_value("en").run()
    ok(at)
    assert at.title[0].value == "Library"
    goto(at, APP)
    assert at.segmented_control(key="lang").value == "en"
    assert "Municipality's net result" in tiles(at)


def test_the_language_holds_from_one_library_page_to_the_next(db):
    at = goto(main_page(), LIBRARY)
    at.segmented_control(key="lib_lang").set_value("en").run()
    for page, title in ((POOLS, "Pools"), (FOLLOWUP, "Follow-up"), (LIBRARY, "Library")):
        goto(at, page)
        assert at.title[0].value == title
        at.run()  # and on the next run on the same page
        assert at.title[0].value == title
    goto(at, APP)
    assert at.segmented_control(key="lang").value == "en"


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_pages_on_both_databases(backend, tmp_path, monkeypatch):
    """Save, a second version saved in between, adopt, actual figures and a pool: the same pages on SQLite and PostgreSQL."""
    from db_backends import database_url

    url = database_url(backend, tmp_path)
    monkeypatch.setenv(ENV_URL, url)
    lib = Library(url)
    at = goto(main_page(), LIBRARY)
    save_on_page(at, note="første")
    [info] = lib.search()
    lib.save(example().replace(description="imellem"), scenario_id=info.id, based_on=1)
    save_on_page(at, note="anden")  # a new version of the one just saved, after someone else's
    assert [v.version for v in lib.versions(info.id)] == [1, 2, 3] and lib.versions(info.id)[2].concurrent
    at.button(key="lib_adopt").click().run()
    ok(at)
    assert lib.get(info.id).status == "vedtaget"
    goto(at, FOLLOWUP)
    [uploader] = at.get("file_uploader")
    uploader.set_value(("k.csv", "periode;deltagere_startet;personer_i_job;personer_ude_af_ydelse;udgifter_kr\n2026-K1;60;3;3;1.000,5\n"
                        .encode("utf-8-sig"), "text/csv")).run()
    at.button(key="fu_store").click().run()
    ok(at)
    assert [(r.period, r.costs_spent) for r in lib.actuals(info.id).rows] == [("2026-K1", 1000.5)]
    goto(at, POOLS)
    at.text_input(key="pool_new_name").set_value("Puljen").run()
    at.button(key="pool_create").click().run()
    at.button(key="pool_add").click().run()
    ok(at)
    assert [m.scenario_id for m in lib.pools()[0].members] == [info.id]
