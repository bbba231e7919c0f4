"""The first time the demo database opens, it is filled with a generated agency."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from engagement_desk.ui.context import AppContext
    from engagement_desk.ui.main_window import MainWindow


def fill_demo_data(window: MainWindow, ctx: AppContext, *, replace: bool = False) -> None:
    """Generate the demo agency off the GUI thread, with progress; the tabs follow."""
    from engagement_desk.services.demo import generate_demo

    if replace:
        label = QCoreApplication.translate(
            "DemoAgency", "The demo is from an earlier week: creating it anew for today …"
        )
    else:
        label = QCoreApplication.translate("DemoAgency", "Creating the demo agency …")
    ctx.ops.write(generate_demo, ctx.db, replace=replace).with_progress(window, label).success(
        window.refresh_all
    ).run()


def renew_stale_demo(window: MainWindow, ctx: AppContext) -> None:
    """A demo made in an earlier week opens on empty weeks: make it anew for today."""
    from engagement_desk.services.demo.freshness import demo_is_stale

    if demo_is_stale(ctx.db):
        fill_demo_data(window, ctx, replace=True)
