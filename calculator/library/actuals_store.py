"""Actual figures in the library: each import is a batch, stored whole or not at all.

The rows come checked (:func:`calculator.followup.actuals.parse_actuals`): this module only
stores them. A batch is written in one transaction, so a file that fails half-way leaves nothing
behind, and an import never deletes: a period's figures are its newest batch's, and the older
batches stay in the database (:meth:`ActualsStore.actual_batches`). All batches of a scenario are
of one kind (months or quarters), and only an adopted scenario takes actual figures.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select

from calculator.library.models import PERIOD_KINDS, ActualBatch, ActualRow, utcnow
from calculator.library.records import ActualRecord, ActualsSet, BatchInfo, LibraryError, aware

FIELDS = ("participants_started", "in_ordinary_jobs", "off_benefit", "costs_spent")


class ActualsStore:
    """Mixed into :class:`calculator.library.repository.Library`."""

    def store_actuals(self, scenario_id: int, rows: Sequence[Mapping], *, kind: str, source: str = "", note: str = "") -> int:
        """Store one import (``rows``: mappings with ``period`` and the four figures, None where not given); its id."""
        if kind not in PERIOD_KINDS:
            raise LibraryError("unknown_period_kind", kind=kind)
        if not rows:
            raise LibraryError("no_rows")
        periods = [str(r["period"]) for r in rows]
        if len(set(periods)) != len(periods):
            raise LibraryError("duplicate_period", period=next(p for p in periods if periods.count(p) > 1))

        def attempt() -> int:
            with self._tx() as session:
                entry = self._entry(session, scenario_id)
                if entry.status != "vedtaget":
                    raise LibraryError("not_adopted", id=scenario_id)
                kinds = set(session.scalars(select(ActualBatch.period_kind).where(ActualBatch.scenario_id == scenario_id)).all())
                if kinds and kind not in kinds:
                    raise LibraryError("period_kind_mismatch", stored=next(iter(kinds)), given=kind)
                batch = ActualBatch(scenario_id=scenario_id, version=entry.adopted_version, period_kind=kind,
                                    imported_at=utcnow(), source=source[:300], note=note)
                session.add(batch)
                session.flush()
                for row in rows:
                    session.add(ActualRow(batch_id=batch.id, period=str(row["period"]),
                                          **{f: _number(row.get(f)) for f in FIELDS}))
                session.flush()
                return batch.id

        return self._retry(attempt)

    def actuals(self, scenario_id: int) -> ActualsSet:
        """Each period's newest figures, in period order."""
        with self._tx() as session:
            self._entry(session, scenario_id)
            rows = session.execute(
                select(ActualRow, ActualBatch).join(ActualBatch, ActualRow.batch_id == ActualBatch.id)
                .where(ActualBatch.scenario_id == scenario_id).order_by(ActualBatch.id, ActualRow.id)
            ).all()
        newest: dict[str, ActualRecord] = {}
        kind = version = None
        for row, batch in rows:
            kind, version = batch.period_kind, batch.version
            newest[row.period] = ActualRecord(
                period=row.period, batch_id=batch.id, imported_at=aware(batch.imported_at), source=batch.source,
                **{f: getattr(row, f) for f in FIELDS},
            )
        return ActualsSet(kind=kind, version=version, rows=tuple(newest[p] for p in sorted(newest)))

    def actual_batches(self, scenario_id: int) -> list[BatchInfo]:
        """Every import, oldest first, with the periods it held."""
        with self._tx() as session:
            self._entry(session, scenario_id)
            batches = session.scalars(select(ActualBatch).where(ActualBatch.scenario_id == scenario_id).order_by(ActualBatch.id)).all()
            out = []
            for b in batches:
                periods = session.scalars(select(ActualRow.period).where(ActualRow.batch_id == b.id).order_by(ActualRow.period)).all()
                out.append(BatchInfo(id=b.id, version=b.version, period_kind=b.period_kind, imported_at=aware(b.imported_at),
                                     source=b.source, note=b.note, periods=tuple(periods)))
            return out


def _number(value) -> float | None:
    return None if value is None else float(value)
