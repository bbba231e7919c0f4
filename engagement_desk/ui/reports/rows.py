"""The Auswertung's figures as table rows and chart values, in the window's language."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QLocale

from engagement_desk.models.enums import EventKind, HoursSource, PlacementStatus, Role
from engagement_desk.services.reports.period_report import AgeBand, Figures, PeriodReport
from engagement_desk.ui.formatting import format_decimal, format_int
from engagement_desk.ui.labels import enum_label

Row = tuple[str, str, str]
T = TypeVar("T")
CENTER_PREFIX = "Engagement-Zentrum "
translate = QCoreApplication.translate


def hours_text(value: Decimal) -> str:
    return translate("ReportRows", "%1 h").replace("%1", format_decimal(value, 1))


def km_text(value: Decimal) -> str:
    return translate("ReportRows", "%1 km").replace("%1", format_decimal(value, 1))


def _pairs(
    current: Iterable[T], previous: Iterable[T], key: Callable[[T], object]
) -> list[tuple[T | None, T | None]]:
    """Match items of both periods by ``key``, in the current period's order."""
    before = {key(item): item for item in previous}
    pairs: list[tuple[T | None, T | None]] = []
    seen = set()
    for item in current:
        pairs.append((item, before.get(key(item))))
        seen.add(key(item))
    pairs.extend((None, item) for k, item in before.items() if k not in seen)
    return pairs


def people_rows(report: PeriodReport) -> list[Row]:
    rows = []
    for now, then in zip(
        report.current.people.by_role, report.previous.people.by_role, strict=True
    ):
        role = enum_label(Role, now.role)
        rows.append(
            (
                translate("ReportRows", "%1, active").replace("%1", role),
                format_int(now.active),
                format_int(then.active),
            )
        )
        rows.append(
            (
                translate("ReportRows", "%1, new").replace("%1", role),
                format_int(now.new),
                format_int(then.new),
            )
        )
    return rows


def age_band_text(band: AgeBand) -> str:
    if band.lower is None:
        return translate("ReportRows", "Age not known")
    if band.upper is None:
        return translate("ReportRows", "%1 and older").replace("%1", str(band.lower))
    if band.lower == 0:
        return translate("ReportRows", "Under %1").replace("%1", str(band.upper + 1))
    return (
        translate("ReportRows", "%1 to %2")
        .replace("%1", str(band.lower))
        .replace("%2", str(band.upper))
    )


def age_rows(report: PeriodReport) -> list[Row]:
    return [
        (age_band_text(now), format_int(now.volunteers), format_int(then.volunteers))
        for now, then in zip(
            report.current.people.volunteers_by_age,
            report.previous.people.volunteers_by_age,
            strict=True,
        )
    ]


def center_name(name: str) -> str:
    return name or translate("ReportRows", "Without centre")


def volunteer_center_rows(report: PeriodReport) -> list[Row]:
    return [
        (
            center_name((now or then).name),  # type: ignore[union-attr]
            format_int(now.count if now else 0),
            format_int(then.count if then else 0),
        )
        for now, then in _pairs(
            report.current.people.volunteers_by_center,
            report.previous.people.volunteers_by_center,
            lambda c: c.center_id,
        )
    ]


def placement_rows(report: PeriodReport) -> list[Row]:
    now, then = report.current.placements, report.previous.placements
    rows = [
        (
            translate("ReportRows", "Placements started"),
            format_int(now.started),
            format_int(then.started),
        ),
        (
            translate("ReportRows", "Placements active"),
            format_int(now.active),
            format_int(then.active),
        ),
        (
            translate("ReportRows", "Placements ended"),
            format_int(now.ended),
            format_int(then.ended),
        ),
        (
            translate("ReportRows", "Placements declined"),
            format_int(now.declined),
            format_int(then.declined),
        ),
    ]
    rows += [
        (
            translate("ReportRows", "Step reached: %1").replace(
                "%1", enum_label(PlacementStatus, a.status)
            ),
            format_int(a.steps),
            format_int(b.steps),
        )
        for a, b in zip(now.steps, then.steps, strict=True)
    ]
    rows += [
        (
            translate("ReportRows", "New opportunities"),
            format_int(now.opportunities_new),
            format_int(then.opportunities_new),
        ),
        (
            translate("ReportRows", "Opportunities offered"),
            format_int(now.opportunities_offered),
            format_int(then.opportunities_offered),
        ),
        (
            translate("ReportRows", "Opportunities with a volunteer placed"),
            format_int(now.opportunities_placed),
            format_int(then.opportunities_placed),
        ),
        (
            translate("ReportRows", "New organizations"),
            format_int(now.organizations_new),
            format_int(then.organizations_new),
        ),
    ]
    return rows


def event_rows(report: PeriodReport) -> list[Row]:
    now, then = report.current.events, report.previous.events
    rows = [
        (translate("ReportRows", "Events"), format_int(now.events), format_int(then.events)),
        (
            translate("ReportRows", "Participants present"),
            format_int(now.participants),
            format_int(then.participants),
        ),
    ]
    for a, b in zip(now.by_kind, then.by_kind, strict=True):
        if a.events or b.events:
            rows.append(
                (
                    translate("ReportRows", "%1: events (participants)").replace(
                        "%1", enum_label(EventKind, a.kind)
                    ),
                    f"{format_int(a.events)} ({format_int(a.participants)})",
                    f"{format_int(b.events)} ({format_int(b.participants)})",
                )
            )
    return rows


def ride_rows(report: PeriodReport) -> list[Row]:
    now, then = report.current.rides, report.previous.rides
    a, b = now.total, then.total
    rows = [
        (translate("ReportRows", "Rides done"), format_int(a.done), format_int(b.done)),
        (
            translate("ReportRows", "Rides cancelled"),
            format_int(a.cancelled),
            format_int(b.cancelled),
        ),
        (
            translate("ReportRows", "Passenger did not come"),
            format_int(a.no_show),
            format_int(b.no_show),
        ),
        (
            translate("ReportRows", "Rides without a driver"),
            format_int(a.unassigned),
            format_int(b.unassigned),
        ),
        (translate("ReportRows", "Kilometres driven"), km_text(a.km), km_text(b.km)),
        (
            translate("ReportRows", "Passengers served"),
            format_int(a.passengers_served),
            format_int(b.passengers_served),
        ),
        (
            translate("ReportRows", "Drivers who drove"),
            format_int(a.active_drivers),
            format_int(b.active_drivers),
        ),
    ]
    pairs = _pairs(now.by_service, then.by_service, lambda s: s.service_id)
    if len(pairs) > 1:
        for x, y in pairs:
            name = (x or y).name  # type: ignore[union-attr]
            rows.append(
                (
                    translate("ReportRows", "%1: rides done").replace("%1", name),
                    format_int(x.done if x else 0),
                    format_int(y.done if y else 0),
                )
            )
    return rows


def hours_rows(report: PeriodReport) -> list[Row]:
    now, then = report.current.hours, report.previous.hours
    rows = [
        (translate("ReportRows", "Hours in total"), hours_text(now.total), hours_text(then.total)),
        (translate("ReportRows", "Entries"), format_int(now.entries), format_int(then.entries)),
        (
            translate("ReportRows", "Volunteers with hours"),
            format_int(now.volunteers),
            format_int(then.volunteers),
        ),
    ]
    rows += [
        (enum_label(HoursSource, a.kind), hours_text(a.hours), hours_text(b.hours))
        for a, b in zip(now.by_kind, then.by_kind, strict=True)
    ]
    rows += [
        (
            center_name((x or y).name),  # type: ignore[union-attr]
            hours_text(x.hours if x else Decimal(0)),
            hours_text(y.hours if y else Decimal(0)),
        )
        for x, y in _pairs(now.by_center, then.by_center, lambda c: c.center_id)
    ]
    return rows


def month_labels(figures: Figures) -> list[str]:
    locale = QLocale()
    months = [(m.year, m.month) for m in figures.hours.by_month]
    if len({year for year, _ in months}) > 1:
        return [f"{month:02d}/{year % 100:02d}" for year, month in months]
    return [
        locale.standaloneMonthName(month, QLocale.FormatType.ShortFormat).rstrip(".")
        for _, month in months
    ]


def _padded(values: list[float], length: int) -> list[float]:
    return (values + [0.0] * length)[:length]


def hours_by_month(report: PeriodReport) -> tuple[list[str], list[float], list[float]]:
    labels = month_labels(report.current)
    now = [float(m.hours) for m in report.current.hours.by_month]
    then = [float(m.hours) for m in report.previous.hours.by_month]
    return labels, now, _padded(then, len(now))


def rides_by_month(report: PeriodReport) -> tuple[list[str], list[float], list[float]]:
    labels = month_labels(report.current)
    now = [float(m.count) for m in report.current.rides.done_by_month]
    then = [float(m.count) for m in report.previous.rides.done_by_month]
    return labels, now, _padded(then, len(now))


def short_center_name(name: str) -> str:
    if name.startswith(CENTER_PREFIX) and len(name) > len(CENTER_PREFIX):
        name = name[len(CENTER_PREFIX) :]
    return name if len(name) <= 16 else name[:15] + "…"


def volunteers_by_center(report: PeriodReport) -> tuple[list[str], list[float], list[float]]:
    pairs = _pairs(
        report.current.people.volunteers_by_center,
        report.previous.people.volunteers_by_center,
        lambda c: c.center_id,
    )
    labels = [short_center_name(center_name((x or y).name)) for x, y in pairs]  # type: ignore[union-attr]
    now = [float(x.count if x else 0) for x, _ in pairs]
    then = [float(y.count if y else 0) for _, y in pairs]
    return labels, now, then
