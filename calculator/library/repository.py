"""The scenario library: save every version, search, change status, load, compare two versions.

``Library(url)`` opens the database (see :mod:`calculator.library.db` for the URL and the
default SQLite file) and brings its schema up to date. Every call is one transaction.

- **Versions.** :meth:`Library.save` never overwrites: each save is a new row with the next
  version number, the time (UTC), a note and who saved it. The number comes from one statement,
  ``UPDATE scenario SET latest_version = latest_version + 1 ... RETURNING latest_version``: two
  sessions that save the same scenario at once are serialised on that row (PostgreSQL's row lock,
  SQLite's write lock), so each gets its own number and both versions are kept; the unique
  (scenario, version) constraint is the safety net, and a save that still collides is retried.
  ``based_on`` (the version the saver had open) is kept, so a UI can say "someone else saved in
  the meantime" (:attr:`VersionInfo.concurrent`).
- **Content.** A version holds the scenario's canonical JSON (:meth:`Scenario.canonical_json`),
  the same text a scenario file and a share link carry, so a stored version can be written to a
  file, opened in the app and hashed (:func:`calculator.results.stamp.scenario_hash`) as before.
- **Status.** ``udkast`` (draft) → ``vedtaget`` (adopted) → ``afsluttet`` (closed); an adopted
  case can go back to draft while no actual figures are stored, and a closed one can be reopened.
  Adopting pins the version the follow-up compares with and, optionally, the expected baseline.
- **Search** on name, owner, municipality, description and the notes, without regard to case
  (casefolded in Python: SQL's lower() does not fold æ, ø and å everywhere).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import exists, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from calculator.library.actuals_store import ActualsStore
from calculator.library.db import engine_for
from calculator.library.diff import Change, diff_mappings
from calculator.library.models import STATUSES, ActualBatch, ScenarioEntry, ScenarioVersion, StatusChange, utcnow
from calculator.library.pools import PoolStore
from calculator.library.records import LibraryError, ScenarioInfo, StatusInfo, VersionInfo, aware
from calculator.schema import Scenario, scenario_from_mapping

# (from, to): the status changes allowed. Back to draft only while no actual figures are stored.
TRANSITIONS = {("udkast", "vedtaget"), ("vedtaget", "afsluttet"), ("vedtaget", "udkast"), ("afsluttet", "vedtaget")}
RETRIES = 8
T = TypeVar("T")


class _Collision(Exception):
    """Another session changed the row between reading and writing it: run the transaction again."""


def fold(value: str | None) -> str:
    return (value or "").strip().casefold()


def _scenario_info(e: ScenarioEntry) -> ScenarioInfo:
    return ScenarioInfo(
        id=e.id, name=e.name, owner=e.owner, municipality=e.municipality, status=e.status,
        latest_version=e.latest_version, adopted_version=e.adopted_version, adopted_at=aware(e.adopted_at),
        created_at=aware(e.created_at), updated_at=aware(e.updated_at), baseline=e.baseline,
    )


def _version_info(v: ScenarioVersion) -> VersionInfo:
    return VersionInfo(scenario_id=v.scenario_id, version=v.version, saved_at=aware(v.saved_at), saved_by=v.saved_by,
                       note=v.note, name=v.name, content_hash=v.content_hash, based_on=v.based_on)


class Library(ActualsStore, PoolStore):
    def __init__(self, url: str | None = None, engine=None):
        self.engine = engine if engine is not None else engine_for(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def _tx(self):
        with self._sessions() as session, session.begin():
            yield session

    def _retry(self, attempt: Callable[[], T]) -> T:
        """Run one transaction again if it collided with another (a lock timeout, a unique version number)."""
        for n in range(RETRIES):
            try:
                return attempt()
            except (IntegrityError, OperationalError, _Collision):
                if n == RETRIES - 1:
                    raise
                time.sleep(0.02 * (n + 1))
        raise AssertionError("unreachable")

    def _entry(self, session: Session, scenario_id: int) -> ScenarioEntry:
        entry = session.get(ScenarioEntry, scenario_id)
        if entry is None:
            raise LibraryError("unknown_scenario", id=scenario_id)
        return entry

    # ------------------------------------------------------------------ versions

    def save(self, scenario: Scenario, *, scenario_id: int | None = None, note: str = "", owner: str | None = None,
             saved_by: str = "", based_on: int | None = None) -> VersionInfo:
        """Save ``scenario`` as a new version (of a new library entry when ``scenario_id`` is None)."""
        content = scenario.canonical_json()
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
        search = fold("\n".join([scenario.name, scenario.description, scenario.municipality, scenario.prepared_by, note, saved_by]))
        table = ScenarioEntry.__table__

        def attempt() -> VersionInfo:
            with self._tx() as session:
                now = utcnow()
                if scenario_id is None:
                    who = owner if owner is not None else scenario.prepared_by
                    entry = ScenarioEntry(name=scenario.name, name_key=fold(scenario.name), owner=who, owner_key=fold(who),
                                          municipality=scenario.municipality, status="udkast", latest_version=1,
                                          created_at=now, updated_at=now)
                    session.add(entry)
                    session.flush()
                    sid, version = entry.id, 1
                else:
                    values = {"latest_version": table.c.latest_version + 1, "updated_at": now, "name": scenario.name,
                              "name_key": fold(scenario.name), "municipality": scenario.municipality}
                    if owner is not None:
                        values |= {"owner": owner, "owner_key": fold(owner)}
                    stmt = update(table).where(table.c.id == scenario_id).values(**values).returning(table.c.latest_version)
                    version = session.execute(stmt).scalar_one_or_none()
                    if version is None:
                        raise LibraryError("unknown_scenario", id=scenario_id)
                    sid = scenario_id
                row = ScenarioVersion(scenario_id=sid, version=version, based_on=based_on, saved_at=now, saved_by=saved_by,
                                      note=note, name=scenario.name, content=content, content_hash=digest, search_text=search)
                session.add(row)
                session.flush()
                return _version_info(row)

        return self._retry(attempt)

    def versions(self, scenario_id: int) -> list[VersionInfo]:
        with self._tx() as session:
            self._entry(session, scenario_id)
            rows = session.scalars(select(ScenarioVersion).where(ScenarioVersion.scenario_id == scenario_id)
                                   .order_by(ScenarioVersion.version)).all()
            return [_version_info(v) for v in rows]

    def content(self, scenario_id: int, version: int | None = None) -> str:
        """The stored canonical JSON of a version (the newest when ``version`` is None)."""
        with self._tx() as session:
            entry = self._entry(session, scenario_id)
            wanted = entry.latest_version if version is None else version
            text_ = session.scalar(select(ScenarioVersion.content).where(ScenarioVersion.scenario_id == scenario_id,
                                                                         ScenarioVersion.version == wanted))
            if text_ is None:
                raise LibraryError("unknown_version", id=scenario_id, version=wanted)
            return text_

    def load(self, scenario_id: int, version: int | None = None) -> Scenario:
        """The scenario of a version, validated again (the newest when ``version`` is None)."""
        from pydantic import ValidationError

        try:
            return scenario_from_mapping(json.loads(self.content(scenario_id, version)))
        except ValidationError as exc:
            raise LibraryError("stored_invalid", id=scenario_id, version=version or "", detail=exc.error_count()) from None

    def diff(self, scenario_id: int, a: int, b: int, lang: str = "da") -> list[Change]:
        """What changed from version ``a`` to version ``b``: one line per input, with the field's words."""
        return diff_mappings(json.loads(self.content(scenario_id, a)), json.loads(self.content(scenario_id, b)), lang)

    # ------------------------------------------------------------------ finding

    def get(self, scenario_id: int) -> ScenarioInfo:
        with self._tx() as session:
            return _scenario_info(self._entry(session, scenario_id))

    def search(self, text: str | None = None, *, name: str | None = None, owner: str | None = None,
               status: str | None = None, limit: int = 500) -> list[ScenarioInfo]:
        """Scenarios that match every filter given, newest change first.

        ``text`` looks in the name, owner, municipality, description and every version's note;
        ``name`` in the name; ``owner`` is the whole owner (case aside); ``status`` one of the three.
        """
        query = select(ScenarioEntry)
        if status is not None:
            if status not in STATUSES:
                raise LibraryError("unknown_status", status=status, allowed=STATUSES)
            query = query.where(ScenarioEntry.status == status)
        if owner is not None:
            query = query.where(ScenarioEntry.owner_key == fold(owner))
        if name:
            query = query.where(ScenarioEntry.name_key.contains(fold(name), autoescape=True))
        if text:
            q = fold(text)
            in_versions = exists().where(ScenarioVersion.scenario_id == ScenarioEntry.id,
                                         ScenarioVersion.search_text.contains(q, autoescape=True))
            query = query.where(ScenarioEntry.name_key.contains(q, autoescape=True)
                                | ScenarioEntry.owner_key.contains(q, autoescape=True) | in_versions)
        query = query.order_by(ScenarioEntry.updated_at.desc(), ScenarioEntry.id.desc()).limit(limit)
        with self._tx() as session:
            return [_scenario_info(e) for e in session.scalars(query).all()]

    # ------------------------------------------------------------------ status

    def set_status(self, scenario_id: int, status: str, *, note: str = "", version: int | None = None,
                   baseline: str | dict | None = None) -> ScenarioInfo:
        """Change the status; adopting (``vedtaget``) pins ``version`` (default: the newest) and the baseline."""
        if status not in STATUSES:
            raise LibraryError("unknown_status", status=status, allowed=STATUSES)
        baseline_text = json.dumps(baseline, sort_keys=True, ensure_ascii=False) if isinstance(baseline, dict) else baseline

        def attempt() -> ScenarioInfo:
            with self._tx() as session:
                entry = self._entry(session, scenario_id)
                current = entry.status
                if (current, status) not in TRANSITIONS:
                    raise LibraryError("status_not_allowed", current=current, wanted=status)
                values: dict = {"status": status, "updated_at": utcnow()}
                pinned = None
                if status == "vedtaget" and current == "udkast":
                    pinned = entry.latest_version if version is None else version
                    if not 1 <= pinned <= entry.latest_version:
                        raise LibraryError("unknown_version", id=scenario_id, version=pinned)
                    values |= {"adopted_version": pinned, "adopted_at": utcnow(), "baseline": baseline_text}
                elif status == "udkast":
                    if self._has_actuals(session, scenario_id):
                        raise LibraryError("has_actuals", id=scenario_id)
                    values |= {"adopted_version": None, "adopted_at": None, "baseline": None}
                table = ScenarioEntry.__table__
                done = session.execute(update(table).where(table.c.id == scenario_id, table.c.status == current).values(**values))
                if done.rowcount != 1:  # someone changed the status meanwhile: read it again
                    raise _Collision()
                session.add(StatusChange(scenario_id=scenario_id, from_status=current, to_status=status,
                                         version=pinned if pinned is not None else entry.adopted_version, at=utcnow(), note=note))
                session.flush()
                session.refresh(entry)
                return _scenario_info(entry)

        return self._retry(attempt)

    def set_baseline(self, scenario_id: int, baseline: str | dict | None) -> ScenarioInfo:
        """The baseline expected without the effort (JSON), for an adopted case with no actual figures yet."""
        baseline_text = json.dumps(baseline, sort_keys=True, ensure_ascii=False) if isinstance(baseline, dict) else baseline
        with self._tx() as session:
            entry = self._entry(session, scenario_id)
            if entry.status != "vedtaget":
                raise LibraryError("not_adopted", id=scenario_id)
            if self._has_actuals(session, scenario_id):
                raise LibraryError("has_actuals", id=scenario_id)
            entry.baseline = baseline_text
            entry.updated_at = utcnow()
            session.flush()
            return _scenario_info(entry)

    def status_history(self, scenario_id: int) -> list[StatusInfo]:
        with self._tx() as session:
            self._entry(session, scenario_id)
            rows = session.scalars(select(StatusChange).where(StatusChange.scenario_id == scenario_id).order_by(StatusChange.id)).all()
            return [StatusInfo(r.from_status, r.to_status, r.version, aware(r.at), r.note) for r in rows]

    @staticmethod
    def _has_actuals(session: Session, scenario_id: int) -> bool:
        return session.scalar(select(exists().where(ActualBatch.scenario_id == scenario_id))) or False
