"""The event editor saves through one service call: a refused save writes nothing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from engagement_desk.models import Event
from engagement_desk.models.enums import EventKind
from engagement_desk.ui.events.tab import EventsTab


def event_count(db) -> int:
    with db.read_session() as session:
        return session.scalar(select(func.count()).select_from(Event))


def test_refused_new_working_group_is_not_written_and_the_corrected_save_once(ctx, qtbot) -> None:
    tab = EventsTab(ctx)
    qtbot.addWidget(tab)
    editor = tab.editor
    editor.new_event()
    editor.kind.setCurrentIndex(editor.kind.findData(EventKind.WORKING_GROUP.value))
    editor.title.setText("Arbeitskreis Engagierte Stadt")
    editor.agenda.setPlainText("1. Begrüßung")
    editor.next_meeting_on.setDate(editor.starts_at.date().addDays(-7))
    editor.save()
    assert editor.record is None
    assert editor.error_text("next_meeting_on") == (
        "Das nächste Treffen muss nach diesem Treffen liegen."
    )
    assert event_count(ctx.db) == 0

    editor.next_meeting_on.setDate(editor.starts_at.date().addDays(28))
    editor.save()
    assert editor.record is not None
    assert event_count(ctx.db) == 1
    record = editor.record
    assert record.agenda == "1. Begrüßung"
    assert record.next_meeting_on == record.starts_at.date() + dt.timedelta(days=28)
