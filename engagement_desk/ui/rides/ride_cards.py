"""How one ride looks in the week grid: text of its card, colours by status, the legend."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from engagement_desk.models.enums import RideStatus
from engagement_desk.services.rides.planning import PlannedRide
from engagement_desk.ui.labels import enum_label
from engagement_desk.ui.rides.clock_notes import MARK, clock_note

translate = QCoreApplication.translate
PIN = "✎"
RETURN = "↩"

# (background, text) per status; readable on light themes, distinct for the legend.
STATUS_COLOURS: dict[RideStatus, tuple[str, str]] = {
    RideStatus.PLANNED: ("#ffe3bf", "#5a3300"),
    RideStatus.ASSIGNED: ("#d3efd9", "#123d1c"),
    RideStatus.DONE: ("#d6e4f5", "#17324f"),
    RideStatus.CANCELLED: ("#e6e6e6", "#6b6b6b"),
    RideStatus.NO_SHOW: ("#f6d0d0", "#5c1010"),
}


def status_colours(status: RideStatus) -> tuple[QColor, QColor]:
    background, text = STATUS_COLOURS[status]
    return QColor(background), QColor(text)


def status_name(status: RideStatus) -> str:
    if status == RideStatus.PLANNED:
        return translate("RideCards", "Open")
    return enum_label(RideStatus, status)


def needs_marks(ride: PlannedRide) -> str:
    marks = []
    if any(p.wheelchair for p in ride.passengers):
        marks.append("♿")
    if any(p.rollator for p in ride.passengers):
        marks.append(translate("RideCards", "Rollator"))
    if any(p.escort for p in ride.passengers):
        marks.append(translate("RideCards", "Escort"))
    return " ".join(marks)


def short_place(address: str) -> str:
    """The name part of a one-line address ('Dialysezentrum …, Straße 4, 54634 Bitburg')."""
    return address.split(",")[0].strip()


def card_text(ride: PlannedRide) -> str:
    """The lines of a ride's card: time, passengers, destination, driver, vehicle."""
    head = f"{ride.start_time:%H:%M}–{ride.end_time:%H:%M}"
    if ride.is_return:
        head += f" {RETURN}"
    if ride.assigned_manually and ride.driver_id is not None:
        head += f" {PIN}"
    if clock_note(ride.ride_date, ride.start_time):
        head += f" {MARK}"
    marks = needs_marks(ride)
    if marks:
        head += f"  {marks}"
    lines = [head, ride.passenger_names or translate("RideCards", "(no passenger)")]
    destination = short_place(ride.destination) or translate("RideCards", "(no destination)")
    lines.append(f"→ {destination}")
    if ride.driver_id is None:
        lines.append(translate("RideCards", "Driver: open"))
    elif ride.vehicle_label:
        lines.append(f"{ride.driver_name} · {ride.vehicle_label}")
    else:
        lines.append(ride.driver_name)
    if ride.status not in (RideStatus.PLANNED, RideStatus.ASSIGNED):
        extra = status_name(ride.status)
        if ride.status == RideStatus.DONE and ride.km:
            extra += f", {ride.km.replace('.', ',')} km"
        lines.append(f"[{extra}]")
    return "\n".join(lines)


def card_tooltip(ride: PlannedRide) -> str:
    parts = [
        translate("RideCards", "Ride no. %1 – %2")
        .replace("%1", str(ride.id))
        .replace("%2", ride.service_name),
        translate("RideCards", "Pick-up: %1").replace("%1", ride.pickup_address or "–"),
        translate("RideCards", "Destination: %1").replace("%1", ride.destination or "–"),
        translate("RideCards", "Status: %1").replace("%1", status_name(ride.status)),
    ]
    for passenger in ride.passengers:
        parts.append(f"{passenger.name} {passenger.phone}".strip())
    if ride.assigned_manually and ride.driver_id is not None:
        parts.append(
            translate("RideCards", "%1 assigned by hand (kept when replanning)").replace("%1", PIN)
        )
    note = clock_note(ride.ride_date, ride.start_time)
    if note:
        parts.append(f"{MARK} {note}")
    if ride.notes:
        parts.append(ride.notes)
    return "\n".join(parts)
