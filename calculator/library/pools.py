"""Pools (puljer) in the library: a named set of scenarios a council funds together.

A member is a library scenario; the version used is the pinned one if given, else the adopted
version, else the newest (:attr:`ScenarioInfo.followed_version`). The figures of a pool are
computed by :mod:`calculator.portfolio`.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from calculator.library.models import Pool, PoolMember, ScenarioEntry, utcnow
from calculator.library.records import LibraryError, PoolInfo, PoolMemberInfo, aware


class PoolStore:
    """Mixed into :class:`calculator.library.repository.Library`."""

    def create_pool(self, name: str, *, owner: str = "", description: str = "") -> PoolInfo:
        name = name.strip()
        if not name:
            raise LibraryError("pool_name_empty")
        with self._tx() as session:
            pool = Pool(name=name[:200], owner=owner[:200], description=description, created_at=utcnow())
            session.add(pool)
            session.flush()
            return self._pool_info(session, pool)

    def _pool(self, session, pool_id: int) -> Pool:
        pool = session.get(Pool, pool_id)
        if pool is None:
            raise LibraryError("unknown_pool", id=pool_id)
        return pool

    def add_to_pool(self, pool_id: int, scenario_id: int, version: int | None = None) -> PoolInfo:
        """Add a scenario to a pool (``version``: pin one version; None: follow the adopted or newest)."""
        try:
            with self._tx() as session:
                pool = self._pool(session, pool_id)
                entry = self._entry(session, scenario_id)
                if version is not None and not 1 <= version <= entry.latest_version:
                    raise LibraryError("unknown_version", id=scenario_id, version=version)
                taken = session.scalar(select(PoolMember).where(PoolMember.pool_id == pool_id, PoolMember.scenario_id == scenario_id))
                if taken is not None:
                    raise LibraryError("already_in_pool", id=scenario_id, pool=pool.name)
                session.add(PoolMember(pool_id=pool_id, scenario_id=scenario_id, version=version, added_at=utcnow()))
                session.flush()
                return self._pool_info(session, pool)
        except IntegrityError:  # added by another session at the same moment
            raise LibraryError("already_in_pool", id=scenario_id, pool=pool_id) from None

    def remove_from_pool(self, pool_id: int, scenario_id: int) -> PoolInfo:
        with self._tx() as session:
            pool = self._pool(session, pool_id)
            member = session.scalar(select(PoolMember).where(PoolMember.pool_id == pool_id, PoolMember.scenario_id == scenario_id))
            if member is None:
                raise LibraryError("not_in_pool", id=scenario_id, pool=pool.name)
            session.delete(member)
            session.flush()
            return self._pool_info(session, pool)

    def pool(self, pool_id: int) -> PoolInfo:
        with self._tx() as session:
            return self._pool_info(session, self._pool(session, pool_id))

    def pools(self) -> list[PoolInfo]:
        with self._tx() as session:
            return [self._pool_info(session, p) for p in session.scalars(select(Pool).order_by(Pool.id)).all()]

    @staticmethod
    def _pool_info(session, pool: Pool) -> PoolInfo:
        rows = session.execute(
            select(PoolMember, ScenarioEntry).join(ScenarioEntry, PoolMember.scenario_id == ScenarioEntry.id)
            .where(PoolMember.pool_id == pool.id).order_by(PoolMember.id)
        ).all()
        members = tuple(
            PoolMemberInfo(scenario_id=e.id, name=e.name, status=e.status, pinned_version=m.version,
                           version=m.version or e.adopted_version or e.latest_version)
            for m, e in rows
        )
        return PoolInfo(id=pool.id, name=pool.name, owner=pool.owner, description=pool.description,
                        created_at=aware(pool.created_at), members=members)
