"""Checks of an event's and a shift's fields before anything is written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from engagement_desk.models.enums import (
    EventKind,
)
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.events.records import EventData, ShiftData

_HOURS_MAX = Decimal("999.99")


def add_error(errors: list[FieldError], name: str, label: str, message: str) -> None:
    errors.append(FieldError(name, label, message))


def check_text(
    errors: list[FieldError], name: str, label: str, value: str, limit: int, required: bool
) -> str:
    value = (value or "").strip()
    if required and not value:
        add_error(errors, name, label, f"Bitte {label} eingeben.")
    elif len(value) > limit:
        add_error(errors, name, label, f"Höchstens {limit} Zeichen (jetzt {len(value)}).")
    return value


def _check_period(
    errors: list[FieldError],
    starts_at: dt.datetime | None,
    ends_at: dt.datetime | None,
    *,
    strict: bool,
) -> None:
    if starts_at is None:
        add_error(errors, "starts_at", "Beginn", "Bitte Datum und Uhrzeit des Beginns eingeben.")
    if ends_at is None:
        add_error(errors, "ends_at", "Ende", "Bitte Datum und Uhrzeit des Endes eingeben.")
    if starts_at is None or ends_at is None:
        return
    for name, label, value in (("starts_at", "Beginn", starts_at), ("ends_at", "Ende", ends_at)):
        if value.tzinfo is not None:
            add_error(errors, name, label, "Bitte Ortszeit ohne Zeitzone angeben.")
    if ends_at < starts_at or (strict and ends_at == starts_at):
        add_error(errors, "ends_at", "Ende", "Das Ende muss nach dem Beginn liegen.")


def validate_event(data: EventData) -> dict[str, object]:
    """The values to store; ValidationError names every bad field."""
    errors: list[FieldError] = []
    try:
        kind = EventKind(data.kind)
    except ValueError:
        kind = EventKind.OTHER
        add_error(errors, "kind", "Art", f"Unbekannte Veranstaltungsart „{data.kind}“.")
    title = check_text(errors, "title", "Titel", data.title, 200, True)
    place = check_text(errors, "place", "Ort", data.place, 300, False)
    trainer = check_text(errors, "trainer", "Referent/in", data.trainer, 200, False)
    _check_period(errors, data.starts_at, data.ends_at, strict=False)
    if data.capacity is not None and data.capacity < 0:
        add_error(errors, "capacity", "Plätze", "Die Zahl der Plätze darf nicht negativ sein.")
    hours: Decimal | None = None
    if data.hours_credit not in (None, ""):
        try:
            hours = Decimal(str(data.hours_credit).replace(",", "."))
        except InvalidOperation:
            add_error(errors, "hours_credit", "Stunden", "Bitte eine Zahl eingeben, z. B. 2,5.")
        else:
            if not hours.is_finite() or hours < 0 or hours > _HOURS_MAX:
                add_error(errors, "hours_credit", "Stunden", "Bitte zwischen 0 und 999,99 angeben.")
            else:
                hours = hours.quantize(Decimal("0.01"))
    if errors:
        raise ValidationError(errors)
    return {
        "kind": kind,
        "title": title,
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "place": place,
        "center_id": data.center_id,
        "organization_id": data.organization_id,
        "capacity": data.capacity,
        "description": data.description or "",
        "is_public": bool(data.is_public),
        "hours_credit": hours,
        "trainer": trainer,
    }


def validate_shift(data: ShiftData) -> dict[str, object]:
    errors: list[FieldError] = []
    title = check_text(errors, "title", "Aufgabe", data.title, 200, True)
    _check_period(errors, data.starts_at, data.ends_at, strict=True)
    if data.slots is None or data.slots < 1:
        add_error(errors, "slots", "Plätze", "Eine Schicht braucht mindestens einen Platz.")
    if errors:
        raise ValidationError(errors)
    return {
        "title": title,
        "starts_at": data.starts_at,
        "ends_at": data.ends_at,
        "slots": data.slots,
    }
