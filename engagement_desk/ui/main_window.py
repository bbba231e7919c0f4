"""The main window: six tabs, menus, status bar; tabs are built when first shown."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from engagement_desk import APP_NAME
from engagement_desk.ui.backup.controller import BackupController
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.i18n import LANGUAGE_KEY, Retranslatable
from engagement_desk.ui.interchange.actions import InterchangeActions
from engagement_desk.ui.organizations.publish_action import PublishWebsiteAction
from engagement_desk.ui.widgets.leaving import Leavable, PageGuard

if TYPE_CHECKING:
    from engagement_desk.services.organizations.opportunities import OpportunityRecord
    from engagement_desk.services.search import SearchHit
    from engagement_desk.ui.live_updates import LiveUpdates
    from engagement_desk.ui.people.import_wizard import ImportWizard
    from engagement_desk.ui.search import GlobalSearchPopup

translate = QCoreApplication.translate
GEOMETRY_KEY = "main_window/geometry"
TAB_KEY = "main_window/tab"
DEFAULT_SIZE = (1280, 800)


class Tab(Protocol):
    """What the window needs from a tab's widget."""

    status_changed: Signal

    def focus_search(self) -> None: ...

    def status_text(self) -> str: ...

    def refresh(self) -> None: ...


@runtime_checkable
class ShowsRecords(Protocol):
    """A tab, or its ``panel``, whose list can select one of its records (``ListPanel``).

    ``search_text`` is what the record is called (a person's name, say): a
    list that has not loaded the record searches for it.
    """

    def show_record(self, record_id: int, search_text: str = "") -> None: ...


@dataclass(frozen=True)
class RecordTarget:
    """Where the window shows a record of one kind (the global search jumps there).

    ``opener`` names the tab's method that opens such a record by id (an
    editor, a dialog); a tab without it only selects the record in its list,
    if ``listed``.
    """

    tab: str
    opener: str
    listed: bool = True


def _people(ctx: AppContext, parent: QWidget) -> QWidget:
    from engagement_desk.ui.people.tab import create_people_tab

    return create_people_tab(ctx, parent)


def _organizations(ctx: AppContext, parent: QWidget) -> QWidget:
    from engagement_desk.ui.organizations.tab import OrganizationsTab

    return OrganizationsTab(ctx, parent)


def _rides(ctx: AppContext, parent: QWidget) -> QWidget:
    from engagement_desk.ui.rides.tab import create_rides_tab

    return create_rides_tab(ctx, parent)


def _events(ctx: AppContext, parent: QWidget) -> QWidget:
    from engagement_desk.ui.events.tab import EventsTab

    return EventsTab(ctx, parent)


def _certificates(ctx: AppContext, parent: QWidget) -> QWidget:
    from engagement_desk.ui.certificates.tab import create_certificates_tab

    return create_certificates_tab(ctx, parent)


def _reports(ctx: AppContext, parent: QWidget) -> QWidget:
    from engagement_desk.ui.reports.tab import ReportsTab

    return ReportsTab(ctx, parent)


def _privacy(ctx: AppContext, parent: QWidget) -> QWidget:
    from engagement_desk.ui.privacy.tab import create_privacy_tab

    return create_privacy_tab(ctx, parent)


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: Callable[[], str]
    create: Callable[[AppContext, QWidget], QWidget]


RECORD_TARGETS: Mapping[str, RecordTarget] = {
    "person": RecordTarget("people", "open_record"),
    "organization": RecordTarget("organizations", "show_organization"),
    "opportunity": RecordTarget("organizations", "show_opportunity", listed=False),
    "event": RecordTarget("events", "open_record"),
}

# "&&" because a single "&" in a tab title marks a keyboard mnemonic.
TABS: tuple[TabSpec, ...] = (
    TabSpec("people", lambda: translate("MainWindow", "People"), _people),
    TabSpec("organizations", lambda: translate("MainWindow", "Centres && clubs"), _organizations),
    TabSpec("rides", lambda: translate("MainWindow", "Ride service"), _rides),
    TabSpec("events", lambda: translate("MainWindow", "Events"), _events),
    TabSpec("certificates", lambda: translate("MainWindow", "Certificates"), _certificates),
    TabSpec("reports", lambda: translate("MainWindow", "Reports"), _reports),
    TabSpec("privacy", lambda: translate("MainWindow", "Data protection"), _privacy),
)


class _TabPage(QWidget):
    """Placeholder in the tab widget that builds the real tab on first use."""

    def __init__(self, ctx: AppContext, spec: TabSpec):
        super().__init__()
        self.ctx = ctx
        self.spec = spec
        self.setObjectName(f"{spec.key}_page")
        self.content: Any = None
        self._layout = QVBoxLayout(self)

    def ensure(self) -> Any:
        if self.content is None:
            self.content = self.spec.create(self.ctx, self)
            self._layout.addWidget(self.content)
        return self.content


class MainWindow(Retranslatable, QMainWindow):
    """Engagement Desk's one window."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("main_window")
        self._place_name = ""
        self._search_popup: GlobalSearchPopup | None = None
        self.live_updates: LiveUpdates | None = None

        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.tabs.setDocumentMode(True)
        self.pages = [_TabPage(ctx, spec) for spec in TABS]
        for page in self.pages:
            self.tabs.addTab(page, "")
        self.setCentralWidget(self.tabs)

        self.list_status = QLabel()
        self.list_status.setObjectName("list_status")
        self.database_status = QLabel()
        self.database_status.setObjectName("database_status")
        self.statusBar().addWidget(self.list_status, 1)
        self.backups = BackupController(ctx, self)
        self.statusBar().addPermanentWidget(self.backups.status_label)
        self.statusBar().addPermanentWidget(self.database_status)
        self.login_status = QLabel()
        self.login_status.setObjectName("login_status")
        self.statusBar().addPermanentWidget(self.login_status)

        self._create_actions()
        self._create_menus()
        self._restore_state()
        self.tabs.currentChanged.connect(self._tab_changed)
        PageGuard(self.tabs, self._leavable_tab)
        if ctx.is_open:
            self.database_ready()
        else:
            self._set_data_actions_enabled(False)
            self.retranslate_ui()

    def database_ready(self) -> None:
        """The context's database is open: name it, enable the data actions, fill the tab."""
        self._place_name = _database_short_name(self.ctx)
        self._set_data_actions_enabled(True)
        self.retranslate_ui()
        self._tab_changed(self.tabs.currentIndex())
        self.backups.database_ready()
        self._start_live_updates()

    def _start_live_updates(self) -> None:
        """Other workstations' changes refresh lists and editors (PostgreSQL only)."""
        from engagement_desk.ui.live_updates import LiveUpdates

        if self.live_updates is None:
            self.live_updates = LiveUpdates(self.ctx, self)
        self.live_updates.start()

    def stop_live_updates(self) -> None:
        """Before the database closes or another one opens."""
        if self.live_updates is not None:
            self.live_updates.stop()

    def close_database(self) -> None:
        """Another database is opening: drop the built tabs (built anew on use)."""
        self.stop_live_updates()
        for page in self.pages:
            if page.content is not None:
                page.content.deleteLater()
                page.content = None

    def _set_data_actions_enabled(self, enabled: bool) -> None:
        for action in (
            self.export_action,
            self.import_action,
            self.import_people_action,
            self.publish_website_action,
            self.refresh_action,
            self.search_everything_action,
            self.settings_action,
            *self.backups.actions,
        ):
            action.setEnabled(enabled)

    # --- actions and menus -----------------------------------------------

    def _create_actions(self) -> None:
        self.interchange = InterchangeActions(self.ctx, self)
        self.export_action = self.interchange.export_action
        self.import_action = self.interchange.import_action
        self.publish_website = PublishWebsiteAction(self.ctx, self)
        self.publish_website_action = self.publish_website.action
        self.import_people_action = QAction(self)
        self.import_people_action.setObjectName("import_people_action")
        self.import_people_action.triggered.connect(self.import_people)
        self.switch_connection_action = QAction(self)
        self.switch_connection_action.setObjectName("switch_connection_action")
        self.switch_connection_action.triggered.connect(self.switch_connection)
        self.quit_action = QAction(self)
        _set_shortcut(self.quit_action, QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)

        self.tab_actions: list[QAction] = []
        for number, page in enumerate(self.pages, start=1):
            action = QAction(self)
            action.setObjectName(f"show_{page.spec.key}_action")
            _set_shortcut(action, QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(functools.partial(self.show_tab, number - 1))
            self.tab_actions.append(action)
        self.find_action = QAction(self)
        self.find_action.setObjectName("find_action")
        _set_shortcut(self.find_action, QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.focus_search)
        self.search_everything_action = QAction(self)
        self.search_everything_action.setObjectName("search_everything_action")
        _set_shortcut(self.search_everything_action, QKeySequence("Ctrl+K"))
        self.search_everything_action.triggered.connect(self.search_everything)
        self.refresh_action = QAction(self)
        _set_shortcut(self.refresh_action, QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh_current)

        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        # Each language is named in itself, so nobody is stuck in a language they cannot read.
        for code, name in (("de", "Deutsch"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"language_{code}_action")
            action.setChecked(code == self.ctx.languages.language)
            action.triggered.connect(functools.partial(self.switch_language, code))
            self.language_group.addAction(action)
            self.language_actions[code] = action

        self.manual_action = QAction(self)
        self.manual_action.setObjectName("manual_action")
        _set_shortcut(self.manual_action, QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.manual_action.triggered.connect(self.show_manual)
        self.open_log_action = QAction(self)
        self.open_log_action.setObjectName("open_log_action")
        self.open_log_action.triggered.connect(self.open_log)
        self.self_test_action = QAction(self)
        self.self_test_action.setObjectName("self_test_action")
        self.self_test_action.triggered.connect(self.run_self_test)
        self.about_action = QAction(self)
        self.about_action.setObjectName("about_action")
        self.about_action.triggered.connect(self.show_about)
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("settings_action")
        self.settings_action.triggered.connect(self.show_settings)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = QMenu(self)
        self.file_menu.addAction(self.switch_connection_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.import_people_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.publish_website_action)
        self.file_menu.addSeparator()
        for action in self.backups.actions:
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = QMenu(self)
        for action in self.tab_actions:
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.find_action)
        self.view_menu.addAction(self.search_everything_action)
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = QMenu(self)
        self.help_menu.addAction(self.manual_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.open_log_action)
        self.help_menu.addAction(self.self_test_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)
        for menu in (self.file_menu, self.view_menu, self.help_menu):
            bar.addMenu(menu)

    def retranslate_ui(self) -> None:
        title = f"{APP_NAME} – {self._place_name}" if self._place_name else APP_NAME
        if self.ctx.demo:
            title += " – " + self.tr("DEMO")
        if self.ctx.is_open:
            from engagement_desk.ui.access import apply_to_window

            title += apply_to_window(self)
        self.setWindowTitle(title)
        for index, page in enumerate(self.pages):
            self.tabs.setTabText(index, page.spec.title())
        self.file_menu.setTitle(self.tr("&File"))
        self.interchange.retranslate_ui()
        self.publish_website.retranslate_ui()
        self.import_people_action.setText(self.tr("Import &people …"))
        self.switch_connection_action.setText(self.tr("Switch &connection …"))
        self.quit_action.setText(self.tr("&Quit"))
        self.settings_action.setText(self.tr("S&ettings …"))
        self.backups.retranslate_ui()
        self.view_menu.setTitle(self.tr("&View"))
        for action, page in zip(self.tab_actions, self.pages, strict=True):
            action.setText(page.spec.title())
        self.find_action.setText(self.tr("&Search in list"))
        self.search_everything_action.setText(self.tr("Search &everything …"))
        self.refresh_action.setText(self.tr("Re&load"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.manual_action.setText(self.tr("&Manual"))
        self.open_log_action.setText(self.tr("Open &log"))
        self.self_test_action.setText(self.tr("&Self-test"))
        self.about_action.setText(self.tr("&About Engagement Desk"))
        if self.ctx.is_open:
            self.database_status.setText(
                self.tr("Database: %1").replace("%1", self.ctx.database_name)
            )
        else:
            self.database_status.setText(self.tr("Opening the database …"))
        self._update_list_status()

    def show_settings(self) -> None:
        from engagement_desk.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def set_place_name(self, name: str) -> None:
        """Name the agency (or database) in the title."""
        self._place_name = name
        self.retranslate_ui()

    # --- tabs --------------------------------------------------------------

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def current_tab(self) -> Any:
        return self.pages[self.tabs.currentIndex()].ensure()

    def tab(self, key: str) -> Any:
        """The content of a tab by key (``people``, ``organizations``, …), built if needed."""
        return next(page for page in self.pages if page.spec.key == key).ensure()

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        if index < 0 or not self.ctx.is_open:
            return
        page = self.pages[index]
        fresh = page.content is None
        content = page.ensure()
        if fresh:
            content.status_changed.connect(functools.partial(self._tab_status_changed, page))
        self._update_list_status()

    @staticmethod
    def _leavable_tab(page: QWidget) -> Leavable | None:
        content = getattr(page, "content", None)
        return content if isinstance(content, Leavable) else None

    def leave_tabs(self, then: Callable[[], Any]) -> bool:
        """Ask each built tab with unsaved changes, the current one first; ``then`` once clear."""
        current = self.tabs.currentIndex()
        for index in sorted(range(len(self.pages)), key=lambda i: i != current):
            leavable = self._leavable_tab(self.pages[index])
            if leavable is not None and leavable.has_unsaved():
                self.tabs.setCurrentIndex(index)
                return leavable.leave(functools.partial(self.leave_tabs, then))
        then()
        return True

    def _tab_status_changed(self, page: _TabPage) -> None:
        if self.pages[self.tabs.currentIndex()] is page:
            self._update_list_status()

    def _update_list_status(self) -> None:
        page = self.pages[self.tabs.currentIndex()] if self.tabs.count() else None
        text = page.content.status_text() if page and page.content is not None else ""
        self.list_status.setText(text)

    @Slot()
    def focus_search(self) -> None:
        if self.ctx.is_open:
            self.current_tab().focus_search()

    @Slot()
    def refresh_current(self) -> None:
        if self.ctx.is_open:
            self.current_tab().refresh()

    def refresh_all(self, *_: Any) -> None:
        for page in self.pages:
            if page.content is not None:
                page.content.refresh()

    def refresh_tab(self, key: str, *_: Any) -> None:
        """Reload one tab's list, if it has been built."""
        page = next(page for page in self.pages if page.spec.key == key)
        if page.content is not None:
            page.content.refresh()

    # --- global search and jumping to a record --------------------------------

    @Slot()
    def search_everything(self) -> None:
        if not self.ctx.is_open:
            return
        if self._search_popup is None:
            from engagement_desk.ui.search import GlobalSearchPopup

            self._search_popup = GlobalSearchPopup(self.ctx, self)
            self._search_popup.chosen.connect(self._search_hit_chosen)
        self._search_popup.popup()

    @property
    def search_popup(self) -> GlobalSearchPopup | None:
        return self._search_popup

    def _search_hit_chosen(self, hit: SearchHit) -> None:
        self.show_record(hit.kind, hit.record_id, hit.title)

    def show_record(self, kind: str, record_id: int, title: str = "") -> None:
        """Switch to the tab listing this record, select it there and open it if the tab can.

        ``kind`` is a search kind (``person``, ``organization``,
        ``opportunity``, ``event``); ``title`` helps a list find a record it
        has not loaded yet.
        """
        if not self.ctx.is_open:
            return
        target = RECORD_TARGETS[kind]
        index = next(i for i, page in enumerate(self.pages) if page.spec.key == target.tab)
        leavable = self._leavable_tab(self.pages[self.tabs.currentIndex()])
        if index != self.tabs.currentIndex() and leavable is not None and leavable.has_unsaved():
            # Cancel keeps the typed changes and this tab; nothing is opened elsewhere.
            leavable.leave(functools.partial(self.show_record, kind, record_id, title))
            return
        self.show_tab(index)
        tab = self.tab(target.tab)
        view = _record_view(tab) if target.listed else None
        if view is not None:
            view.show_record(record_id, title)
        opener = getattr(tab, target.opener, None)
        if callable(opener):
            opener(record_id)
        elif kind == "opportunity":
            from engagement_desk.services.organizations.opportunities import get_opportunity

            self.ctx.ops.query(get_opportunity, self.ctx.db, record_id).success(
                self._show_opportunity_organization
            ).run()

    def _show_opportunity_organization(self, opportunity: OpportunityRecord) -> None:
        self.show_record("organization", opportunity.organization_id, opportunity.organization_name)

    # --- language ------------------------------------------------------------

    def switch_language(self, language: str) -> None:
        self.ctx.languages.apply(language)
        self.ctx.settings.setValue(LANGUAGE_KEY, language)
        self.language_actions[language].setChecked(True)

    # --- data exchange -------------------------------------------------------

    @Slot()
    def import_people(self) -> ImportWizard | None:
        """Datei ▸ Personen importieren: the wizard, window-modal; the people list follows."""
        if not self.ctx.is_open:
            return None
        # Qt here, not at the top: PySide6 builds ~90 enums on the first use of
        # ``Qt``, which would delay the window's first paint.
        from PySide6.QtCore import Qt

        from engagement_desk.ui.people.import_wizard import ImportWizard

        wizard = ImportWizard(self.ctx, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.imported.connect(functools.partial(self.refresh_tab, "people"))
        wizard.open()
        return wizard

    @Slot()
    def switch_connection(self) -> None:
        """Datei ▸ Verbindung wechseln: choose a profile; it opens in place of this database."""
        from engagement_desk.ui.connection.switching import choose_connection

        self.leave_tabs(functools.partial(choose_connection, self))

    # --- help ------------------------------------------------------------------

    @Slot()
    def show_about(self) -> None:
        from engagement_desk.ui.help_actions import show_about

        show_about(self.ctx, self)

    @Slot()
    def show_manual(self) -> None:
        """The manual at the chapter for the current tab (F1)."""
        from engagement_desk.ui.help.opening import show_manual

        page = self.pages[self.tabs.currentIndex()] if self.tabs.count() else None
        if page is None:
            show_manual(self, None)
        else:
            show_manual(self, page.spec.key, page.content)

    @Slot()
    def run_self_test(self) -> None:
        from engagement_desk.ui.help_actions import run_self_test

        run_self_test(self.ctx, self)

    @Slot()
    def open_log(self) -> None:
        """Show the log file (for support) in the desktop's program for text files."""
        from engagement_desk.logfile import active_log_path, default_log_path

        path = active_log_path() or default_log_path()
        if path.is_file() and self.ctx.dialogs.open_file(path):
            return
        text = self.tr("The log file cannot be opened. It is kept here:\n%1")
        self.ctx.dialogs.warn(self, APP_NAME, text.replace("%1", str(path)))

    # --- window state ----------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.ctx.settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        try:
            index = int(self.ctx.settings.value(TAB_KEY, 0))
        except (TypeError, ValueError):
            index = 0
        if 0 <= index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def save_state(self) -> None:
        self.ctx.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.ctx.settings.setValue(TAB_KEY, self.tabs.currentIndex())
        self.ctx.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if any(
            leavable is not None and leavable.has_unsaved()
            for leavable in map(self._leavable_tab, self.pages)
        ):
            # Not from inside the close event being refused: close again once clear.
            event.ignore()
            self.leave_tabs(functools.partial(QTimer.singleShot, 0, self.close))
            return
        if self.backups.holds_close(self.close):
            event.ignore()
            return
        self.save_state()
        self.stop_live_updates()
        super().closeEvent(event)


def _set_shortcut(action: QAction, key: QKeySequence) -> None:
    """``action.setShortcut(key)``, which is what Qt does for it too.

    PySide6's overload resolution of ``setShortcut`` builds all ~90 enums of the
    ``Qt`` namespace on its first call (about ten milliseconds before the first
    paint); ``setShortcuts`` with a list has a single signature and does not.
    """
    action.setShortcuts([key])


def _record_view(tab: Any) -> ShowsRecords | None:
    """The tab itself if it can show a record, else its list panel if that can."""
    if isinstance(tab, ShowsRecords):
        return tab
    panel = getattr(tab, "panel", None)
    return panel if isinstance(panel, ShowsRecords) else None


def _database_short_name(ctx: AppContext) -> str:
    path = ctx.db.sqlite_path
    # A server's database by its name; the status bar says where and as whom.
    return path.name if path is not None else str(ctx.db.url.database)
