"""F1 opens the German manual, offline, at the chapter for the tab one is working in."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from engagement_desk.ui.help.chapters import START, TAB_CHAPTERS, manual_path
from engagement_desk.ui.help.manual_viewer import ManualViewer
from engagement_desk.ui.main_window import TABS, MainWindow

ROOT = Path(__file__).resolve().parents[2]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.anchors: set[str] = set()
        self.links: list[str] = []
        self.chapters: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("name"):
            self.anchors.add(values["name"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        self._in_h2 = tag == "h2" or self._in_h2

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data: str) -> None:
        if self._in_h2 and data.strip():
            self.chapters.append(data.strip())


@pytest.fixture(scope="module")
def manual() -> _Links:
    parser = _Links()
    parser.feed(manual_path().read_text(encoding="utf-8"))
    return parser


@pytest.fixture
def window(qtbot, ctx) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    return main


def _viewer(window: MainWindow) -> ManualViewer:
    viewer = window.findChild(ManualViewer, "manual_viewer")
    assert viewer is not None and viewer.isVisible()
    return viewer


def test_the_manual_is_a_package_resource_where_the_installer_looks(manual) -> None:
    assert manual_path() == ROOT / "resources" / "manual" / "Handbuch.html"
    setup = (ROOT / "installer" / "setup.iss").read_text(encoding="utf-8")
    assert r"{app}\_internal\resources\manual\Handbuch.html" in setup
    spec = (ROOT / "installer" / "engagement-desk.spec").read_text(encoding="utf-8")
    assert 'datas = [(str(root / "resources"), "resources")]' in spec


def test_every_internal_link_and_every_tab_chapter_resolves(manual) -> None:
    internal = [link[1:] for link in manual.links if link.startswith("#")]
    assert internal and set(internal) <= manual.anchors
    assert all(link.startswith("#") for link in manual.links), "the manual works offline"
    assert set(TAB_CHAPTERS.values()) | {START} <= manual.anchors
    assert {spec.key for spec in TABS} == set(TAB_CHAPTERS)


def test_the_manual_is_about_tasks(manual) -> None:
    assert 12 <= len(manual.chapters) <= 18
    assert "3. Eine Fahrt am Telefon aufnehmen" in manual.chapters
    assert "10. Urkunden für den Ehrenamtsempfang drucken" in manual.chapters
    assert "16. Was tun bei „Interner Fehler“?" in manual.chapters


def test_help_menu_opens_the_manual_at_its_contents(qtbot, window: MainWindow) -> None:
    assert window.help_menu.actions()[0].text() == "&Handbuch"
    window.help_menu.actions()[0].trigger()

    viewer = _viewer(window)
    assert viewer.windowTitle() == "Handbuch"
    assert viewer.current_anchor() == "person"  # the people tab is open
    assert "Eine Fahrt am Telefon aufnehmen" in viewer.browser.toPlainText()


def test_f1_on_the_ride_service_opens_the_phone_intake_chapter(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 2

    qtbot.keyClick(window, Qt.Key.Key_F1)

    viewer = _viewer(window)
    assert viewer.current_anchor() == "fahrt-telefon"
    assert viewer.browser.verticalScrollBar().value() > 0


def test_f1_follows_the_tab_and_reuses_the_one_viewer(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    first = _viewer(window)
    assert first.current_anchor() == "dsgvo"

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F1)

    assert _viewer(window) is first
    assert first.current_anchor() == "urkunden-empfang"
    assert len(window.findChildren(ManualViewer)) == 1


def test_f1_on_the_standing_orders_opens_their_chapter(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    rides = window.tab("rides")
    bar = rides.tabBar()
    orders = rides.indexOf(rides.orders)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(orders).center())
    assert "Daueraufträge" in bar.tabText(orders)
    qtbot.keyClick(window, Qt.Key.Key_F1)

    assert _viewer(window).current_anchor() == "dauerauftrag"


def test_a_link_in_the_contents_goes_to_its_chapter_and_back_returns(
    qtbot, window: MainWindow
) -> None:
    window.manual_action.trigger()
    viewer = _viewer(window)
    qtbot.mouseClick(viewer.contents_button, Qt.MouseButton.LeftButton)
    assert viewer.current_anchor() == "start"

    viewer.browser.setFocus()
    qtbot.keyClick(viewer.browser, Qt.Key.Key_Tab)  # the first link: chapter 1
    qtbot.keyClick(viewer.browser, Qt.Key.Key_Return)
    assert viewer.current_anchor() == "einrichten"

    qtbot.mouseClick(viewer.back_button, Qt.MouseButton.LeftButton)
    assert viewer.current_anchor() == "start"
