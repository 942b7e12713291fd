"""The scenario library on SQLite and on a real PostgreSQL server: versions, concurrency, search, status, diff, pools.

Every test runs on both backends (see ``tests/db_backends.py`` for where PostgreSQL comes from).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from db_backends import BACKENDS, database_url

from calculator import load_scenario
from calculator.library import Library, LibraryError
from calculator.results.stamp import scenario_hash
from calculator.schema import scenario_from_mapping

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "defaults" / "scenarios" / "aktivitetsparate_virksomhedspraktik.yaml"


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path) -> str:
    return database_url(request.param, tmp_path)


@pytest.fixture
def lib(url) -> Library:
    return Library(url)


@pytest.fixture(scope="module")
def example():
    return load_scenario(EXAMPLE)


def test_every_save_is_a_new_version_with_time_and_note(lib, example):
    first = lib.save(example, note="første udkast", owner="Økonomiafdelingen", saved_by="MH")
    changed = example.replace(horizon_months=48)
    second = lib.save(changed, scenario_id=first.scenario_id, note="fire år", based_on=1)
    versions = lib.versions(first.scenario_id)
    assert [(v.version, v.note, v.saved_by) for v in versions] == [(1, "første udkast", "MH"), (2, "fire år", "")]
    assert versions[0].saved_at <= versions[1].saved_at and versions[0].saved_at.tzinfo is not None
    assert not second.concurrent
    # The stored text is the canonical JSON a file or a share link holds: same scenario, same stamp hash.
    assert lib.content(first.scenario_id, 1) == example.canonical_json()
    assert scenario_hash(lib.load(first.scenario_id, 1)) == scenario_hash(example)
    assert lib.load(first.scenario_id).horizon_months == 48  # the newest by default
    info = lib.get(first.scenario_id)
    assert (info.latest_version, info.status, info.owner) == (2, "udkast", "Økonomiafdelingen")


def test_a_stored_version_is_a_scenario_file(lib, example, tmp_path):
    saved = lib.save(example)
    path = tmp_path / "scenarie.json"
    path.write_text(lib.content(saved.scenario_id), encoding="utf-8")
    assert load_scenario(path).canonical_json() == example.canonical_json()


def test_unknown_ids_are_errors_in_danish(lib, example):
    with pytest.raises(LibraryError) as exc:
        lib.load(99)
    assert exc.value.line() == "Der er intet scenarie nr. 99 i biblioteket."
    saved = lib.save(example)
    with pytest.raises(LibraryError) as exc:
        lib.load(saved.scenario_id, 5)
    assert exc.value.code == "unknown_version"


def _save_many(url: str, scenario_id: int, content: str, tag: str, n: int, barrier=None) -> None:
    library = Library(url)
    scenario = scenario_from_mapping(json.loads(content))
    if barrier is not None:
        barrier.wait()
    for i in range(n):
        library.save(scenario, scenario_id=scenario_id, note=f"{tag}-{i}", based_on=1)


def test_two_threads_saving_the_same_scenario_lose_no_version(lib, url, example):
    saved = lib.save(example, note="start")
    barrier = threading.Barrier(2)
    threads = [threading.Thread(target=_save_many, args=(url, saved.scenario_id, example.canonical_json(), tag, 15, barrier))
               for tag in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    versions = lib.versions(saved.scenario_id)
    # 1 + 2 x 15 saves: every number once, every note kept.
    assert [v.version for v in versions] == list(range(1, 32))
    assert sorted(v.note for v in versions[1:]) == sorted(f"{t}-{i}" for t in "ab" for i in range(15))
    assert lib.get(saved.scenario_id).latest_version == 31
    assert any(v.concurrent for v in versions[2:])  # each save started from version 1: later ones know they were overtaken


# A separate Python process (not multiprocessing: under the app tests ``__main__`` is the Streamlit script,
# which a spawned child would run again) that saves 10 versions of scenario ``sid``.
CHILD = """
import sys
from pathlib import Path
from tests.test_library import _save_many
url, sid, tag, scenario_file = sys.argv[1:]
_save_many(url, int(sid), Path(scenario_file).read_text(encoding="utf-8"), tag, 10)
"""


def test_two_processes_saving_the_same_scenario_lose_no_version(lib, url, example, tmp_path):
    saved = lib.save(example, note="start")
    scenario_file = tmp_path / "scenarie.json"
    scenario_file.write_text(example.canonical_json(), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, url, str(saved.scenario_id), tag, str(scenario_file)], cwd=ROOT, env=env,
                              stderr=subprocess.PIPE, text=True) for tag in ("p", "q")]
    errors = [p.communicate(timeout=180)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    versions = lib.versions(saved.scenario_id)
    assert [v.version for v in versions] == list(range(1, 22))
    assert sorted(v.note for v in versions[1:]) == sorted(f"{t}-{i}" for t in "pq" for i in range(10))


def test_search_by_name_owner_status_and_text(lib, example):
    a = lib.save(example.replace(name="Virksomhedspraktik Nord"), owner="Økonomi", note="tal fra jobcentret")
    b = lib.save(example.replace(name="Mentorordning", municipality="Odense"), owner="Jobcenter Syd")
    lib.set_status(b.scenario_id, "vedtaget")
    ids = lambda found: sorted(s.id for s in found)  # noqa: E731
    assert ids(lib.search("NORD")) == [a.scenario_id]
    assert ids(lib.search("økonomi")) == ids(lib.search("ØKONOMI")) == [a.scenario_id]  # Danish letters fold too
    assert ids(lib.search("JOBCENTRET")) == [a.scenario_id]  # a version's note
    assert ids(lib.search("odense")) == [b.scenario_id]  # the municipality
    assert ids(lib.search(owner="jobcenter syd")) == [b.scenario_id]
    assert ids(lib.search(status="vedtaget")) == [b.scenario_id]
    assert ids(lib.search(name="mentor", status="udkast")) == []
    # Wildcards are plain characters: unescaped, "praktik%nord" and "praktik_nord" would match "Virksomhedspraktik Nord".
    assert lib.search("praktik%nord") == [] and lib.search("praktik_nord") == []
    assert ids(lib.search()) == sorted([a.scenario_id, b.scenario_id])
    with pytest.raises(LibraryError):
        lib.search(status="godkendt")


def test_status_changes_follow_the_allowed_steps(lib, example):
    saved = lib.save(example)
    lib.save(example.replace(horizon_months=24), scenario_id=saved.scenario_id)
    sid = saved.scenario_id
    with pytest.raises(LibraryError) as exc:
        lib.set_status(sid, "afsluttet")
    assert exc.value.line() == "Status kan ikke skifte fra udkast til afsluttet."
    adopted = lib.set_status(sid, "vedtaget", version=1, note="byrådet 12.3.", baseline={"A": {"share": 0.1}})
    assert (adopted.status, adopted.adopted_version, json.loads(adopted.baseline)) == ("vedtaget", 1, {"A": {"share": 0.1}})
    assert adopted.followed_version == 1
    lib.set_status(sid, "udkast", note="tilbage til udvalget")
    assert lib.get(sid).adopted_version is None
    lib.set_status(sid, "vedtaget")
    assert lib.get(sid).adopted_version == 2  # the newest by default
    lib.store_actuals(sid, [{"period": "2026-K1", "participants_started": 40}], kind="quarter")
    with pytest.raises(LibraryError) as exc:
        lib.set_status(sid, "udkast")
    assert exc.value.code == "has_actuals"
    lib.set_status(sid, "afsluttet")
    lib.set_status(sid, "vedtaget", note="genåbnet")
    history = [(h.from_status, h.to_status, h.note) for h in lib.status_history(sid)]
    assert history == [("udkast", "vedtaget", "byrådet 12.3."), ("vedtaget", "udkast", "tilbage til udvalget"),
                       ("udkast", "vedtaget", ""), ("vedtaget", "afsluttet", ""), ("afsluttet", "vedtaget", "genåbnet")]


def test_diff_lists_the_changed_inputs_in_danish(lib, example):
    saved = lib.save(example)
    cohort = example.cohorts[0]
    changed = example.replace(
        horizon_months=24,
        cohorts=[cohort.replace(size=50), {"name": "Nye", "type": "jobparat", "size": 10,
                                           "effect": {"form": "ekstra_i_job", "extra_people": 2}}],
        options=example.options.replace(udligning=False),
    )
    lib.save(changed, scenario_id=saved.scenario_id)
    lines = [c.line() for c in lib.diff(saved.scenario_id, 1, 2)]
    # Written out from the two scenarios: the horizon 36 -> 24, the udligning option on -> off, the first
    # cohort 40 -> 50 people, and a cohort "Nye" that did not exist.
    assert "Tidshorisont (måneder): 36 → 24" in lines
    assert "Valg › Efter udligning: ja → nej" in lines
    assert f"{cohort.name} › Antal personer: 40 → 50" in lines
    assert "Målgruppe Nye: findes ikke → tilføjet" in lines
    assert len(lines) == 4
    assert lib.diff(saved.scenario_id, 2, 2) == []


def test_actuals_are_stored_whole_and_the_newest_import_wins(lib, example):
    sid = lib.save(example).scenario_id
    with pytest.raises(LibraryError) as exc:
        lib.store_actuals(sid, [{"period": "2026-K1", "participants_started": 40}], kind="quarter")
    assert exc.value.code == "not_adopted"
    lib.set_status(sid, "vedtaget")
    first = lib.store_actuals(sid, [{"period": "2026-K1", "participants_started": 40, "costs_spent": 1000.0},
                                    {"period": "2026-K2", "in_ordinary_jobs": 3}], kind="quarter", source="k1.csv")
    lib.store_actuals(sid, [{"period": "2026-K2", "in_ordinary_jobs": 4}], kind="quarter", source="rettelse.csv")
    current = lib.actuals(sid)
    assert current.kind == "quarter" and current.version == 1
    assert [(r.period, r.participants_started, r.in_ordinary_jobs, r.source) for r in current.rows] == [
        ("2026-K1", 40.0, None, "k1.csv"), ("2026-K2", None, 4.0, "rettelse.csv")]
    batches = lib.actual_batches(sid)
    assert [b.periods for b in batches] == [("2026-K1", "2026-K2"), ("2026-K2",)] and batches[0].id == first
    with pytest.raises(LibraryError) as exc:
        lib.store_actuals(sid, [{"period": "2026-03", "participants_started": 1}], kind="month")
    assert exc.value.line() == "Der er allerede gemt tal pr. kvartal, og de nye tal er pr. måned; brug samme periodetype."
    with pytest.raises(LibraryError):  # a duplicate period: nothing of the batch is stored
        lib.store_actuals(sid, [{"period": "2026-K3", "participants_started": 1}, {"period": "2026-K3"}], kind="quarter")
    assert len(lib.actual_batches(sid)) == 2 and [r.period for r in lib.actuals(sid).rows] == ["2026-K1", "2026-K2"]


def test_pools_hold_scenarios_at_their_followed_version(lib, example):
    a = lib.save(example.replace(name="A")).scenario_id
    b = lib.save(example.replace(name="B")).scenario_id
    lib.save(example.replace(name="B2"), scenario_id=b)
    lib.set_status(a, "vedtaget")
    pool = lib.create_pool("Beskæftigelsespuljen 2026", owner="Byrådet")
    lib.add_to_pool(pool.id, a)
    lib.add_to_pool(pool.id, b, version=1)
    info = lib.pool(pool.id)
    assert [(m.scenario_id, m.version, m.pinned_version) for m in info.members] == [(a, 1, None), (b, 1, 1)]
    with pytest.raises(LibraryError) as exc:
        lib.add_to_pool(pool.id, a)
    assert exc.value.code == "already_in_pool"
    lib.remove_from_pool(pool.id, b)
    assert [m.scenario_id for m in lib.pool(pool.id).members] == [a]
    assert [p.name for p in lib.pools()] == ["Beskæftigelsespuljen 2026"]
    with pytest.raises(LibraryError):
        lib.create_pool("  ")
