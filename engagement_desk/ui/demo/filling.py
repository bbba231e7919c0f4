"""The first time the demo database opens, it is filled with a generated agency."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from engagement_desk.ui.context import AppContext
    from engagement_desk.ui.main_window import MainWindow


def fill_demo_data(window: MainWindow, ctx: AppContext) -> None:
    """Generate the demo agency off the GUI thread, with progress; the tabs follow."""
    from engagement_desk.services.demo import generate_demo

    label = QCoreApplication.translate("DemoAgency", "Creating the demo agency …")
    ctx.ops.write(generate_demo, ctx.db).with_progress(window, label).success(
        window.refresh_all
    ).run()
