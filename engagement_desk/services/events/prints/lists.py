"""Sign-in list (Teilnehmerliste) with a signature column, and the helper shift plan."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from engagement_desk.db import Database
from engagement_desk.models.enums import RegistrationRole, RegistrationStatus
from engagement_desk.services.events.prints.roster import Roster, load_roster, one_per_person
from engagement_desk.services.printing.layout import (
    GRID,
    SHADE,
    Styles,
    render,
    table,
    text,
)
from engagement_desk.services.wording import count_phrase

BLANK_ROWS = 5
ROW_HEIGHT = 9 * mm
# reportlab's default cell padding in points: 6 left and right, 3 top and bottom
SIDE_PADDING, END_PADDING = 6, 3


def _head(roster: Roster, heading: str, styles: Styles) -> list[Flowable]:
    details = " · ".join(p for p in (roster.kind, roster.when, roster.place) if p)
    return [
        text(f"{heading}: {roster.title}", styles.title),
        text(details, styles.body),
        Spacer(1, 4 * mm),
    ]


def signin_list_pdf(db: Database, event_id: int) -> bytes:
    """Everyone registered (not the waiting list), by name, plus blank rows for walk-ins."""
    roster = load_roster(db, event_id)
    styles = Styles()
    attendees = one_per_person(
        a for a in roster.attendees if a.status != RegistrationStatus.WAITING_LIST
    )
    rows: list[list[Flowable | str]] = [
        [text(h, styles.bold) for h in ("Nr.", "Name", "Rolle", "Organisation / Stand")]
        + [text("Unterschrift", styles.bold)]
    ]
    for number, attendee in enumerate(attendees, start=1):
        organization = " · ".join(
            p for p in (attendee.organization if attendee.last_name else "", attendee.stand) if p
        )
        rows.append(
            [
                str(number),
                text(attendee.sort_name, styles.body),
                text(attendee.role_label, styles.body),
                text(organization, styles.body),
                "",
            ]
        )
    rows.extend([str(len(attendees) + i + 1), "", "", "", ""] for i in range(BLANK_ROWS))
    widths = [10 * mm, 46 * mm, 26 * mm, 56 * mm, 42 * mm]
    sheet = Table(
        rows,
        colWidths=widths,
        rowHeights=[None] + [_signing_height(row, widths) for row in rows[1:]],
        repeatRows=1,
    )
    sheet.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.sans, 9),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ]
        )
    )
    story = [
        *_head(roster, "Teilnehmerliste", styles),
        text(
            f"{count_phrase(len(attendees), 'Anmeldung', 'Anmeldungen')}. "
            "Mit meiner Unterschrift bestätige ich meine Teilnahme.",
            styles.small,
        ),
        Spacer(1, 2 * mm),
        sheet,
    ]
    return render(story, roster.header, f"Teilnehmerliste – {roster.title}")


def _signing_height(row: list[Flowable | str], widths: list[float]) -> float:
    """Room to sign, or more when a long club name wraps onto several lines."""
    needed = ROW_HEIGHT
    for cell, width in zip(row, widths, strict=True):
        if isinstance(cell, Flowable):
            _, height = cell.wrap(width - 2 * SIDE_PADDING, 1000 * mm)
            needed = max(needed, height + 2 * END_PADDING + 2)
    return needed


def shift_plan_pdf(db: Database, event_id: int) -> bytes:
    """One block per shift: time, slots taken, helpers by name, empty lines for free slots."""
    roster = load_roster(db, event_id)
    styles = Styles()
    helpers = [a for a in roster.attendees if a.role == RegistrationRole.HELPER]
    story: list[Flowable] = _head(roster, "Schichtplan", styles)
    if not roster.shifts:
        story.append(text("Für diese Veranstaltung sind keine Schichten angelegt.", styles.body))
    widths = [10 * mm, 70 * mm, 40 * mm, 60 * mm]
    for shift in roster.shifts:
        in_shift = [a for a in helpers if a.shift_id == shift.id]
        taken = [a for a in in_shift if a.status != RegistrationStatus.WAITING_LIST]
        waiting = [a for a in in_shift if a.status == RegistrationStatus.WAITING_LIST]
        story.append(CondPageBreak(40 * mm))
        story.append(
            text(
                f"{shift.title} · {shift.starts_at:%d.%m.%Y}, {shift.starts_at:%H:%M}–"
                f"{shift.ends_at:%H:%M} Uhr · {len(taken)} von {shift.slots} Plätzen belegt",
                styles.heading,
            )
        )
        rows: list[list[Flowable | str]] = [
            [text(h, styles.bold) for h in ("Nr.", "Helfer/in", "Status", "Kürzel")]
        ]
        for number, helper in enumerate([*taken, *waiting], start=1):
            rows.append(
                [
                    str(number),
                    text(helper.sort_name, styles.body),
                    text(helper.status_label, styles.body),
                    "",
                ]
            )
        free = max(shift.slots - len(taken), 0)
        rows.extend([str(len(rows) + i), text("(frei)", styles.small), "", ""] for i in range(free))
        story.append(table(rows, widths, styles))
    unassigned = [a for a in helpers if a.shift_id is None]
    if unassigned:
        story.append(text("Helfer/innen ohne feste Schicht", styles.heading))
        rows = [[text(h, styles.bold) for h in ("Nr.", "Helfer/in", "Status", "Kürzel")]]
        rows.extend(
            [str(n), text(a.sort_name, styles.body), text(a.status_label, styles.body), ""]
            for n, a in enumerate(unassigned, start=1)
        )
        story.append(table(rows, widths, styles))
    return render(story, roster.header, f"Schichtplan – {roster.title}")
