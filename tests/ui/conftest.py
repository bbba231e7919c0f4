"""Fixtures for window tests: a context with inline operations, a recording dialog seam."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ui_helpers import RecordingDialogs

from engagement_desk.db import Database
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.gc_guard import collect_due
from engagement_desk.ui.i18n import LanguageSwitcher
from engagement_desk.ui.operations import Operations


@pytest.fixture(autouse=True, scope="session")
def _garbage_collected_on_the_gui_thread() -> Iterator[None]:
    """As the window does (ui/gc_guard.py): a worker thread must never collect a Qt object."""
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    gc.collect()
    if was_enabled:
        gc.enable()


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    yield
    collect_due()


@pytest.fixture
def dialogs() -> RecordingDialogs:
    return RecordingDialogs()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[LanguageSwitcher]:
    switcher = LanguageSwitcher(qapp)
    switcher.apply("de")
    yield switcher
    switcher.apply("en")


@pytest.fixture
def ops(dialogs: RecordingDialogs) -> Operations:
    return Operations(dialogs, inline=True)


@pytest.fixture
def threaded_ops(dialogs: RecordingDialogs) -> Iterator[Operations]:
    operations = Operations(dialogs)
    yield operations
    operations.shutdown()


@pytest.fixture
def ctx(
    db: Database,
    ops: Operations,
    settings: QSettings,
    dialogs: RecordingDialogs,
    languages: LanguageSwitcher,
) -> AppContext:
    return AppContext(database=db, ops=ops, settings=settings, dialogs=dialogs, languages=languages)
