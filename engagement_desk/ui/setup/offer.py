"""When the set-up wizard appears, and what its three first choices do.

Only on a really empty database (``services.settings.needs_setup``: nobody ever
chose the settings and there is nobody in it), never on the demo, and only for
a login that may change the settings (on a server, Leitung sets up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot

from engagement_desk.services.settings import needs_setup
from engagement_desk.services.staff.access import Capability
from engagement_desk.ui.setup.wizard import SetupChoice, SetupWizard

if TYPE_CHECKING:
    from engagement_desk.ui.context import AppContext
    from engagement_desk.ui.main_window import MainWindow


def offer_setup(window: MainWindow, ctx: AppContext) -> None:
    """Ask the database (off the GUI thread) and open the wizard if it is empty."""
    if ctx.demo or not ctx.access.allows(Capability.EDIT_SETTINGS):
        return
    ctx.ops.query(needs_setup, ctx.db).success(
        lambda needed: _maybe_show(window, ctx, needed)
    ).run()


def _maybe_show(window: MainWindow, ctx: AppContext, needed: bool) -> None:
    if needed and ctx.is_open:
        show_setup_wizard(window, ctx)


class _Choices(QObject):
    """Carries the wizard's choice to the window. A slot of a QObject: PySide6 crashed
    deleting the wizard when a partial or closure over the window was connected."""

    def __init__(self, window: MainWindow):
        super().__init__(window)

    @Slot(object)
    def act(self, choice: SetupChoice) -> None:
        act_on(self.parent(), choice)  # type: ignore[arg-type]


def show_setup_wizard(window: MainWindow, ctx: AppContext) -> SetupWizard:
    wizard = SetupWizard(ctx, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    choices = _Choices(window)
    wizard.chosen.connect(choices.act)
    wizard.destroyed.connect(choices.deleteLater)
    wizard.open()
    return wizard


def act_on(window: MainWindow, choice: SetupChoice) -> None:
    """Open the demo, the connection dialog, or refresh the window for the agency just set up."""
    if choice is SetupChoice.DEMO:
        open_demo(window)
    elif choice is SetupChoice.OPEN:
        from engagement_desk.ui.connection.switching import choose_connection

        choose_connection(window)
    else:
        window.refresh_all()  # lists and headers that show the agency


def open_demo(window: MainWindow) -> None:
    """The demo database in place of this one (made and filled on first use)."""
    from engagement_desk import paths
    from engagement_desk.services.opening import Purpose
    from engagement_desk.ui.database_opener import DatabaseOpener

    opener = DatabaseOpener(
        window, window.ctx, paths.demo_database_path(), switching=True, demo=True
    )
    opener.open(Purpose.CREATE)
