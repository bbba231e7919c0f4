"""Garbage is collected on the GUI thread only, never by a worker of the operations."""

from __future__ import annotations

import gc

from engagement_desk.ui.gc_guard import GuiThreadCollector, collect_due


def test_the_window_turns_automatic_collection_off_and_collects_on_its_timer(qapp) -> None:
    gc.enable()
    try:
        collector = GuiThreadCollector()
        assert not gc.isenabled()

        class Cycle:
            pass

        for _ in range(gc.get_threshold()[0] + 10):
            cycle = Cycle()
            cycle.me = cycle  # garbage only a collection frees
        del cycle
        assert gc.get_count()[0] > gc.get_threshold()[0]
        collector.collect()
        assert gc.get_count()[0] <= gc.get_threshold()[0]

        collector.stop()
        assert gc.isenabled()
        collector.deleteLater()
    finally:
        gc.disable()  # as the UI tests run (tests/ui/conftest.py)
    collect_due()
