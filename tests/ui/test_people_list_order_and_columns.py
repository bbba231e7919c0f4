"""The people list as the office sees it: German order, columns as wide as what they show."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from ui_helpers import add_people

from engagement_desk.ui.people.tab import create_people_tab
from tests.builders import new_person

DISPLAY = Qt.ItemDataRole.DisplayRole


def shown(panel, key: str) -> list[str]:
    model = panel.model
    column = model.column_index(key)
    return [model.data(model.index(row, column), DISPLAY) for row in range(model.rowCount())]


def click_header(qtbot, panel, key: str) -> None:
    header = panel.table.horizontalHeader()
    column = panel.model.column_index(key)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_names_are_in_german_order_both_ways(qtbot, ctx) -> None:
    for name in ("Zander", "Auto", "Ärger", "apfel", "Strauß", "Strauss", "Öztürk", "Ochs"):
        new_person(ctx.db, name)
    panel = create_people_tab(ctx)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    qtbot.waitExposed(panel)
    expected = ["apfel", "Ärger", "Auto", "Ochs", "Öztürk", "Strauß", "Strauss", "Zander"]
    assert shown(panel, "last_name") == expected
    click_header(qtbot, panel, "last_name")
    qtbot.waitUntil(lambda: panel.model.query.descending)
    assert shown(panel, "last_name") == [
        "Zander",
        "Strauss",
        "Strauß",
        "Öztürk",
        "Ochs",
        "Auto",
        "Ärger",
        "apfel",
    ]


def test_columns_are_as_wide_as_their_content(qtbot, ctx) -> None:
    add_people(ctx.db, 20)
    new_person(ctx.db, "Aaberg", city="Steinbach an der Kyll", email="aaberg.familie@example.org")
    panel = create_people_tab(ctx)
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 21)
    header = panel.table.horizontalHeader()
    metrics = panel.table.fontMetrics()
    for key, text in (("city", "Steinbach an der Kyll"), ("email", "aaberg.familie@example.org")):
        width = header.sectionSize(panel.model.column_index(key))
        assert width >= metrics.horizontalAdvance(text), key
    postal = header.sectionSize(panel.model.column_index("postal_code"))
    title = header.fontMetrics().horizontalAdvance("PLZ")
    assert postal < metrics.horizontalAdvance("Steinbach an der Kyll")  # not one width for all
    assert postal >= title
