"""The list model: batches with inclusive ranges, sorting and filtering by new SQL queries."""

from __future__ import annotations

import functools
import threading

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from ui_helpers import add_people

from engagement_desk.models.enums import PersonStatus, Role
from engagement_desk.services.listing import Column, ListQuery, Page
from engagement_desk.services.people.persons import PEOPLE_COLUMNS, count_people, list_people
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.widgets.sql_table_model import ID_ROLE, SqlTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def people_model(ctx, **kwargs) -> SqlTableModel:
    return SqlTableModel(
        ctx.ops,
        functools.partial(list_people, ctx.db),
        PEOPLE_COLUMNS,
        count=functools.partial(count_people, ctx.db),
        value_labels={"roles": labeller(Role), "status": labeller(PersonStatus)},
        **kwargs,
    )


def with_tester(model: SqlTableModel) -> QAbstractItemModelTester:
    """A model tester that does not fetch by itself (a batch model fails ``qtmodeltester``)."""
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    tester.setUseFetchMore(False)
    return tester


def column(model: SqlTableModel, key: str) -> list[str]:
    index = model.column_index(key)
    return [model.data(model.index(row, index), DISPLAY) for row in range(model.rowCount())]


def test_rows_arrive_in_batches_of_200_with_inclusive_ranges(ctx) -> None:
    add_people(ctx.db, 450)
    model = people_model(ctx)
    tester = with_tester(model)
    inserted: list[tuple[int, int]] = []
    model.rowsAboutToBeInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    loaded: list[int] = []
    model.rows_loaded.connect(loaded.append)

    model.refresh()
    assert model.rowCount() == 200
    assert model.total == 450
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert inserted == [(200, 399), (400, 449)]
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    assert loaded == [200, 400, 450]
    assert len(set(model.data(model.index(r, 0), ID_ROLE) for r in range(450))) == 450
    del tester


def test_display_is_german_and_user_role_is_the_record_id(ctx) -> None:
    add_people(ctx.db, 3)
    model = people_model(ctx)
    model.refresh()
    first = model.index(0, 0)
    assert model.data(first, DISPLAY) == "Person0001"
    assert isinstance(model.data(first, ID_ROLE), int)
    assert column(model, "birth_date")[0] == "02.02.1941"
    assert column(model, "roles")[:3] == ["Fahrgast", "Fahrer/in", "Ehrenamtliche/r"]
    assert column(model, "status")[0] == "Aktiv"
    assert model.headerData(0, Qt.Orientation.Horizontal, DISPLAY) == "Nachname"
    assert model.headerData(2, Qt.Orientation.Horizontal, DISPLAY) == "Geburtsdatum"


def test_sort_asks_the_service_again(ctx) -> None:
    add_people(ctx.db, 250)
    model = people_model(ctx)
    tester = with_tester(model)
    model.refresh()
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.query.sort_key == "last_name"
    assert model.query.descending
    assert resets == [True]
    assert model.data(model.index(0, 0), DISPLAY) == "Person0250"
    assert model.rowCount() == 200  # a new first batch, not the old rows resorted

    model.sort(model.column_index("roles"), Qt.SortOrder.AscendingOrder)  # not sortable
    assert model.query.sort_key == "last_name"
    del tester


def test_text_and_role_filters_are_done_by_the_service(ctx) -> None:
    add_people(ctx.db, 60)
    model = people_model(ctx)
    tester = with_tester(model)
    model.refresh()
    model.set_text("Person004")
    assert column(model, "last_name") == [f"Person004{n}" for n in range(10)]
    model.set_filters({"role": Role.DRIVER.value})
    assert column(model, "last_name") == ["Person0042", "Person0047"]
    assert model.total == 2
    model.set_text("")
    assert set(column(model, "roles")) == {"Fahrer/in"}
    assert model.total == 12
    del tester


def _pages(rows: list[str]):
    def fetch(query: ListQuery) -> Page:
        found = [r for r in rows if query.text in r]
        window = found[query.offset : query.offset + query.limit]
        return Page(
            ids=tuple(rows.index(r) for r in window),
            rows=tuple((r,) for r in window),
            has_more=query.offset + query.limit < len(found),
        )

    return fetch


def test_an_older_query_never_overwrites_a_newer_one(qtbot, threaded_ops) -> None:
    gate = threading.Event()
    fetch = _pages(["Anna", "Bernd", "Berta", "Carla"])

    def slow_for_a(query: ListQuery) -> Page:
        if query.text == "a":
            gate.wait(5)
        return fetch(query)

    model = SqlTableModel(threaded_ops, slow_for_a, [Column("name", "Name")])
    tester = with_tester(model)
    model.set_text("a")
    model.set_text("Be")
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    gate.set()
    qtbot.waitUntil(lambda: not threaded_ops.busy)
    assert column(model, "name") == ["Bernd", "Berta"]
    assert not model.is_loading
    del tester


def test_small_batches_from_a_fake_service(ops) -> None:
    model = SqlTableModel(
        ops, _pages([f"n{i:02d}" for i in range(7)]), [Column("name", "Name")], batch_size=3
    )
    tester = with_tester(model)
    inserted: list[tuple[int, int]] = []
    model.rowsAboutToBeInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.refresh()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert inserted == [(3, 5), (6, 6)]
    assert model.rowCount() == 7
    del tester


@pytest.mark.parametrize("language, title", [("de", "Nachname"), ("en", "Last name")])
def test_headers_follow_the_language(ctx, languages, language, title) -> None:
    model = people_model(ctx)
    changed: list[tuple] = []
    model.headerDataChanged.connect(lambda *args: changed.append(args))
    languages.apply(language)
    model.retranslate()
    assert changed
    assert model.headerData(0, Qt.Orientation.Horizontal, DISPLAY) == title
