"""The list tabs as a person uses them: search, filter combos, header clicks, centres."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from ui_helpers import add_agency, add_people

from engagement_desk.ui.organizations.tab import OrganizationsTab
from engagement_desk.ui.people.tab import create_people_tab

DISPLAY = Qt.ItemDataRole.DisplayRole


def shown(panel, key: str) -> list[str]:
    model = panel.model
    column = model.column_index(key)
    return [model.data(model.index(row, column), DISPLAY) for row in range(model.rowCount())]


def test_people_search_is_debounced_and_done_in_sql(qtbot, ctx) -> None:
    add_people(ctx.db, 30)
    panel = create_people_tab(ctx)
    qtbot.addWidget(panel)
    assert panel.count_label.text() == "30 Einträge"
    panel.search.setText("Person001")
    assert panel.model.rowCount() == 30  # not yet: the search waits for typing to pause
    qtbot.waitUntil(lambda: panel.model.query.text == "Person001")
    assert shown(panel, "last_name") == [f"Person001{n}" for n in range(10)]
    assert panel.count_label.text() == "10 Einträge"


def test_people_role_and_status_combos_filter(qtbot, ctx) -> None:
    add_people(ctx.db, 30)
    panel = create_people_tab(ctx)
    qtbot.addWidget(panel)
    role = panel.combo("role")
    assert role.itemText(0) == "Alle Rollen"
    role.setCurrentIndex(role.findText("Fahrer/in"))
    assert set(shown(panel, "roles")) == {"Fahrer/in"}
    assert panel.count_label.text() == "6 Einträge"
    status = panel.combo("status")
    status.setCurrentIndex(status.findText("Inaktiv"))
    assert shown(panel, "status") == []
    status.setCurrentIndex(status.findText("Aktiv"))
    assert set(shown(panel, "status")) == {"Aktiv"}


def test_people_centre_combo_is_filled_from_the_database(qtbot, ctx) -> None:
    add_agency(ctx.db)
    panel = create_people_tab(ctx)
    qtbot.addWidget(panel)
    centre = panel.combo("center")
    assert [centre.itemText(i) for i in range(centre.count())] == [
        "Alle Zentren",
        "Zentrum Familie",
        "Zentrum Senioren",
    ]


def test_header_click_sorts_through_the_service(qtbot, ctx) -> None:
    add_people(ctx.db, 250)
    panel = create_people_tab(ctx)
    qtbot.addWidget(panel)
    panel.resize(1200, 600)
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.table.horizontalHeader()
    assert shown(panel, "last_name")[0] == "Person0001"
    x = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert panel.model.query.descending
    assert shown(panel, "last_name")[0] == "Person0250"

    city = panel.model.column_index("city")
    header.setSortIndicator(city, Qt.SortOrder.AscendingOrder)
    assert panel.model.query.sort_key == "city"
    cities = shown(panel, "city")
    assert cities == sorted(cities)


def test_the_view_fetches_more_when_scrolled_to_the_end(qtbot, ctx) -> None:
    add_people(ctx.db, 450)
    panel = create_people_tab(ctx)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.model.rowCount() == 200
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 400)
    assert panel.count_label.text() == "450 Einträge"


def test_activating_a_row_names_its_record(qtbot, ctx) -> None:
    add_people(ctx.db, 3)
    panel = create_people_tab(ctx)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.activated) as signal:
        panel.table.activated.emit(panel.model.index(1, 0))
    assert signal.args == [panel.model.record_id(1)]
    assert panel.current_id() == panel.model.record_id(1)  # the list follows the open person
    panel.table.setCurrentIndex(panel.model.index(2, 0))
    assert panel.current_id() == panel.model.record_id(2)
    assert not panel.model.canFetchMore(QModelIndex())


def test_accessible_names(qtbot, ctx) -> None:
    panel = create_people_tab(ctx)
    qtbot.addWidget(panel)
    assert panel.table.accessibleName() == "Liste der Personen"
    assert panel.search.accessibleName().startswith("Name, E-Mail")
    assert panel.combo("role").accessibleName() == "Rolle"


def test_organizations_filter_by_centre_from_the_list(qtbot, ctx) -> None:
    ids = add_agency(ctx.db)
    tab = OrganizationsTab(ctx)
    qtbot.addWidget(tab)
    assert tab.centers_list.item(0).text() == "Alle Zentren"
    assert len(shown(tab.panel, "name")) == 3

    tab.select_center(ids["seniors"])
    assert shown(tab.panel, "name") == ["Seniorentreff Mitte", "Tafel Eifel"]
    assert tab.panel.combo("center").currentText() == "Zentrum Senioren"
    assert tab.status_text() == "2 Einträge"

    centre = tab.panel.combo("center")
    centre.setCurrentIndex(centre.findText("Zentrum Familie"))
    assert tab.centers_list.currentItem().text() == "Zentrum Familie"
    assert shown(tab.panel, "name") == ["Sportverein Bitburg", "Tafel Eifel"]

    tab.select_center(None)
    assert len(shown(tab.panel, "name")) == 3


def test_organizations_kind_is_translated_and_filterable(qtbot, ctx) -> None:
    add_agency(ctx.db)
    tab = OrganizationsTab(ctx)
    qtbot.addWidget(tab)
    kind = tab.panel.combo("kind")
    kind.setCurrentIndex(kind.findText("Verein"))
    assert shown(tab.panel, "name") == ["Sportverein Bitburg"]
    assert shown(tab.panel, "kind") == ["Verein"]
