"""Every tab and sub-page works on 1280×800 and 1366×768 screens: nothing forces the window
wider, no button or label is cut off."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QWidget
from ui_helpers import add_agency, add_people

from engagement_desk.ui.main_window import MainWindow

SCREENS = ((1280, 800), (1366, 768))
MAX_WIDTH = 1280
TOLERANCE = 2
SETTLE_MS = 100  # a tab is built on first show; its layout settles in the event loop


@pytest.fixture
def window(qtbot, ctx) -> MainWindow:
    add_people(ctx.db, 60)
    add_agency(ctx.db)
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def click_tab(qtbot, tabs: QTabWidget, index: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def cut_off(root: QWidget) -> list[str]:
    """Visible buttons whose text does not fit, labels (not wrapping) narrower than their text."""
    found = []
    for button in root.findChildren(QPushButton):
        if not button.isVisible() or not button.text():
            continue
        text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        needed = button.fontMetrics().horizontalAdvance(text) + 8
        if needed > button.width() + TOLERANCE:
            found.append(f"button {text!r}: {needed} > {button.width()}")
    for label in root.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text():
            continue
        if label.textFormat() == Qt.TextFormat.RichText or label.text().startswith("<"):
            continue
        needed = label.minimumSizeHint().width()
        if needed > label.width() + TOLERANCE:
            found.append(f"label {label.text()[:40]!r}: {needed} > {label.width()}")
    return found


def sub_tabs(page: QWidget) -> list[QTabWidget]:
    found = [page] if isinstance(page, QTabWidget) else []
    found += [t for t in page.findChildren(QTabWidget) if t.isVisible()]
    return found


def check(window: MainWindow, where: str, problems: list[str]) -> None:
    width = window.minimumSizeHint().width()
    if width > MAX_WIDTH:
        problems.append(f"{where}: the window needs {width} px")
    problems += [f"{where}: {p}" for p in cut_off(window)]


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_every_tab_and_page_fits_the_screen(qtbot, window, width: int, height: int) -> None:
    window.resize(width, height)
    problems: list[str] = []
    for index in range(window.tabs.count()):
        click_tab(qtbot, window.tabs, index)
        qtbot.wait(SETTLE_MS)
        page = window.tabs.widget(index)
        check(window, window.tabs.tabText(index), problems)
        content = getattr(page, "content", None) or page
        for tabs in sub_tabs(content):
            for sub in range(tabs.count()):
                if not tabs.isTabEnabled(sub):
                    continue
                click_tab(qtbot, tabs, sub)
                qtbot.wait(SETTLE_MS)
                check(window, f"{window.tabs.tabText(index)} ▸ {tabs.tabText(sub)}", problems)
    assert window.width() <= width
    assert problems == []


def test_the_people_list_and_editor_share_1280_px_without_overlap(qtbot, window) -> None:
    window.resize(1280, 800)
    qtbot.wait(SETTLE_MS)
    people = window.tab("people")
    qtbot.mouseClick(people.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(people.editor.findChild(QWidget, "last_name"), "Ährlich")
    assert people.editor.isVisible()
    assert window.minimumSizeHint().width() <= MAX_WIDTH
    bar = people.panel.filter_bar
    shown = [w for w in bar.findChildren(QWidget) if w.isVisible() and w.parent() is bar]
    for first, second in itertools.pairwise(shown):
        assert not first.geometry().intersects(second.geometry()), (first, second)
    assert all(bar.rect().contains(w.geometry()) for w in shown)
    table = people.panel.table
    header = table.horizontalHeader()
    # Last name, first name and date of birth stay in view beside the editor.
    assert header.sectionViewportPosition(3) <= table.viewport().width()


def test_a_long_planning_summary_wraps_instead_of_widening_the_window(qtbot, window) -> None:
    window.resize(1280, 800)
    window.show_tab([p.spec.key for p in window.pages].index("rides"))
    view = window.tab("rides").week
    view.last_summary = (
        "geplant: 41 von 44 Fahrten haben einen Fahrer (das Maximum) – die Planung wurde "
        "abgebrochen; der bis dahin beste Plan wurde gespeichert"
    )
    view.reload()
    qtbot.waitUntil(lambda: "geplant" in view.summary.text())
    assert window.minimumSizeHint().width() <= MAX_WIDTH
