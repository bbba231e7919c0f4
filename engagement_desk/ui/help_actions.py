"""Hilfe ▸ Selbsttest and Hilfe ▸ Über: what they read or run happens off the GUI thread."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from engagement_desk import __version__

if TYPE_CHECKING:
    from engagement_desk.selftest import CheckResult
    from engagement_desk.services.progress import Progress
    from engagement_desk.ui.context import AppContext


def checks_with_progress(*, progress: Progress) -> tuple[CheckResult, ...]:
    from engagement_desk.selftest import CHECKS, run_checks

    done: list[CheckResult] = []

    def reported(result: CheckResult) -> None:
        done.append(result)
        progress.report(len(done), len(CHECKS), result.name)

    return run_checks(reported)


def run_self_test(ctx: AppContext, parent: QWidget) -> None:
    """The checks of ``engagement-desk --self-test``, then their lines in a dialog."""
    label = QCoreApplication.translate("Help", "Running the self-test …")
    ctx.ops.query(checks_with_progress).with_progress(parent, label).success(
        functools.partial(_show_results, ctx, parent)
    ).run()


def _show_results(ctx: AppContext, parent: QWidget, results: tuple[CheckResult, ...]) -> None:
    failed = sum(not result.ok for result in results)
    lines = "\n".join(result.line for result in results)
    title = QCoreApplication.translate("Help", "Self-test")
    if failed:
        summary = QCoreApplication.translate("Help", "%1 of %2 checks failed.")
        summary = summary.replace("%1", str(failed))
        ctx.dialogs.warn(parent, title, f"{summary.replace('%2', str(len(results)))}\n\n{lines}")
    else:
        summary = QCoreApplication.translate("Help", "All %1 checks passed.")
        summary = summary.replace("%1", str(len(results)))
        ctx.dialogs.inform(parent, title, f"{summary}\n\n{lines}")


def show_about(ctx: AppContext, parent: QWidget) -> None:
    """Version, database and its schema revision (read on a reader thread)."""
    if not ctx.is_open:
        _show_about(ctx, parent, None)
        return
    from engagement_desk.services.opening import schema_revision

    show = functools.partial(_show_about, ctx, parent)
    ctx.ops.query(schema_revision, ctx.db).success(show).failure(
        functools.partial(_show_about_unread, ctx, parent)
    ).run()


def _show_about_unread(ctx: AppContext, parent: QWidget, _error: Exception) -> None:
    _show_about(ctx, parent, None)


def _show_about(ctx: AppContext, parent: QWidget, revision: str | None) -> None:
    text = (
        QCoreApplication.translate(
            "Help",
            "<h3>Engagement Desk %1</h3>"
            "<p>The desktop program of a volunteer agency: people, clubs, "
            "ride service, events, certificates and figures, offline in one place.</p>"
            "<p>Database: %2<br>Schema revision: %3</p>",
        )
        .replace("%1", __version__)
        .replace("%2", ctx.database_name if ctx.is_open else "–")
        .replace("%3", revision or "–")
    )
    title = QCoreApplication.translate("Help", "About Engagement Desk")
    ctx.dialogs.about(parent, title, text)
