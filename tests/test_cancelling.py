"""A newer list request stops the statement of the stale one, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from engagement_desk.cancelling import Canceller, StatementCancelled
from engagement_desk.db import Database

WAIT_S = 60  # a safety net for a broken test, not a measurement
# Minutes of work on either database unless it is stopped.
ENDLESS = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(600)",
}


def _endless(db: Database) -> int:
    with db.read_session() as session:
        return session.execute(text(ENDLESS[db.engine.dialect.name])).scalar_one()


def test_cancel_stops_the_running_statement(any_db: Database) -> None:
    canceller = Canceller()
    outcome: list[BaseException | int] = []

    def work() -> None:
        try:
            outcome.append(canceller.run(_endless, any_db))
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    attached = threading.Event()
    while not attached.wait(0.01):  # until the statement runs
        if canceller._connection is not None:
            attached.set()
    canceller.cancel()
    worker.join(WAIT_S)

    assert not worker.is_alive()
    [error] = outcome
    assert isinstance(error, Exception) and not isinstance(error, StatementCancelled)
    assert any(word in str(error).lower() for word in ("interrupt", "cancel"))
    # The connection is fine for the next call.
    with any_db.read_session() as session:
        assert session.execute(text("SELECT 1")).scalar_one() == 1


def test_a_call_cancelled_before_it_starts_runs_no_statement(db: Database) -> None:
    canceller = Canceller()
    canceller.cancel()
    ran: list[bool] = []

    def call() -> None:
        ran.append(True)

    with pytest.raises(StatementCancelled):
        canceller.run(call)
    assert ran == []


def test_cancelling_after_the_call_changes_nothing(db: Database) -> None:
    canceller = Canceller()
    assert canceller.run(lambda: 42) == 42
    canceller.cancel()  # the answer is stale now: nothing is running to stop
    with db.read_session() as session:
        assert session.execute(text("SELECT 1")).scalar_one() == 1
