"""The annual report as sections of tables: what the PDF prints and the XLSX lists, once.

Both writers read these tables, so a figure in the PDF and the same figure in
the workbook cannot differ. Every table puts the current period beside the
previous one. Headings and labels are German (the office's document).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from engagement_desk.models.enums import EventKind, HoursSource, PlacementStatus, Role
from engagement_desk.models.vocabulary import german_names
from engagement_desk.services.reports import report_texts as texts
from engagement_desk.services.reports.period import Period
from engagement_desk.services.reports.report_texts import MONTH_NAMES, percent_change
from engagement_desk.services.reports.sections import AgeBand, Figures

T = TypeVar("T")
Cell = str | int | Decimal | None
WITHOUT_CENTER = "(ohne Engagement-Zentrum)"

TEXT, COUNT, HOURS, KM, CHANGE = "text", "count", "hours", "km", "change"


@dataclass(frozen=True)
class Column:
    """A column: its header and what its cells hold (``TEXT``, ``COUNT``, ``HOURS``, ``KM``…).

    Within a column of numbers, counts are ints and hours or km Decimals (a key
    figures table mixes them row by row); the writers format by that type.
    ``CHANGE`` cells are whole percent (int) or ``None`` where there is nothing to compare.
    """

    header: str
    kind: str


@dataclass(frozen=True)
class ReportTable:
    sheet: str  # the workbook's sheet name, at most 31 characters
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None


@dataclass(frozen=True)
class ReportSection:
    key: str
    heading: str
    text: str
    tables: tuple[ReportTable, ...]


def report_sections(current: Figures, previous: Figures) -> tuple[ReportSection, ...]:
    """The report's sections in print order: overview, people, hours, rides, placements, events."""
    return (
        ReportSection("overview", "Das Wichtigste in Zahlen", "", (_overview(current, previous),)),
        ReportSection(
            "people",
            "Ehrenamtliche und Beteiligte",
            texts.people_text(current, previous, Role.VOLUNTEER.value),
            _people(current, previous),
        ),
        ReportSection(
            "hours",
            "Engagement-Stunden",
            texts.hours_text(current, previous),
            _hours(current, previous),
        ),
        ReportSection(
            "rides", "Fahrdienst", texts.rides_text(current, previous), _rides(current, previous)
        ),
        ReportSection(
            "placements",
            "Vermittlung",
            texts.placements_text(current, previous),
            _placements(current, previous),
        ),
        ReportSection(
            "events",
            "Veranstaltungen",
            texts.events_text(current, previous),
            _events(current, previous),
        ),
    )


def period_header(period: Period) -> str:
    return period.label


def _compared(label: str, now: Cell, before: Cell) -> tuple[Cell, ...]:
    return (label, now, before, _change(now, before))


def _change(now: Cell, before: Cell) -> int | None:
    if isinstance(now, str) or isinstance(before, str):
        return None
    return percent_change(now or 0, before or 0)


def _comparison_columns(first: str, kind: str, current: Figures, previous: Figures) -> tuple:
    return (
        Column(first, TEXT),
        Column(period_header(current.period), kind),
        Column(period_header(previous.period), kind),
        Column("Veränderung", CHANGE),
    )


def _keyed(
    current: Iterable[T], previous: Iterable[T], key: Callable[[T], Hashable]
) -> list[tuple[T, T | None, T | None]]:
    """(either, current, previous) of the same key: the current order, then keys only before."""
    before = {key(item): item for item in previous}
    pairs: list[tuple[T, T | None, T | None]] = []
    for item in current:
        pairs.append((item, item, before.pop(key(item), None)))
    pairs.extend((item, None, item) for item in before.values())
    return pairs


def _overview(current: Figures, previous: Figures) -> ReportTable:
    def volunteers(figures: Figures, attribute: str) -> int:
        role = next((r for r in figures.people.by_role if r.role == Role.VOLUNTEER.value), None)
        return getattr(role, attribute) if role else 0

    measures: list[tuple[str, Callable[[Figures], Cell]]] = [
        ("Aktive Ehrenamtliche", lambda f: volunteers(f, "active")),
        ("Neue Ehrenamtliche", lambda f: volunteers(f, "new")),
        ("Geleistete Stunden", lambda f: f.hours.total),
        ("Personen mit erfassten Stunden", lambda f: f.hours.volunteers),
        ("Durchgeführte Fahrten", lambda f: f.rides.total.done),
        ("Gefahrene Kilometer", lambda f: f.rides.total.km),
        ("Beförderte Fahrgäste", lambda f: f.rides.total.passengers_served),
        ("Begonnene Vermittlungen", lambda f: f.placements.started),
        ("Veranstaltungen", lambda f: f.events.events),
        ("Teilnehmende an Veranstaltungen", lambda f: f.events.participants),
    ]
    return ReportTable(
        "Übersicht",
        "Kennzahlen",
        _comparison_columns("Kennzahl", COUNT, current, previous),
        tuple(_compared(label, get(current), get(previous)) for label, get in measures),
    )


def _people(current: Figures, previous: Figures) -> tuple[ReportTable, ...]:
    roles = german_names(Role)
    now_label, before_label = period_header(current.period), period_header(previous.period)
    by_role = ReportTable(
        "Personen nach Rolle",
        "Personen nach Rolle",
        (
            Column("Rolle", TEXT),
            Column(f"Aktiv {now_label}", COUNT),
            Column(f"Aktiv {before_label}", COUNT),
            Column(f"Neu {now_label}", COUNT),
            Column(f"Neu {before_label}", COUNT),
        ),
        tuple(
            (
                roles[Role(item.role)],
                now.active if now else 0,
                before.active if before else 0,
                now.new if now else 0,
                before.new if before else 0,
            )
            for item, now, before in _keyed(
                current.people.by_role, previous.people.by_role, lambda r: r.role
            )
        ),
    )
    ages = _count_table(
        "Ehrenamtliche nach Alter",
        "Ehrenamtliche nach Altersgruppe (am Ende des Zeitraums)",
        "Altersgruppe",
        current,
        previous,
        [
            (
                _age_label(item),
                now.volunteers if now else 0,
                before.volunteers if before else 0,
            )
            for item, now, before in _keyed(
                current.people.volunteers_by_age,
                previous.people.volunteers_by_age,
                lambda a: (a.lower, a.upper),
            )
        ],
    )
    centres = _count_table(
        "Ehrenamtliche nach Zentrum",
        "Aktive Ehrenamtliche nach Engagement-Zentrum",
        "Engagement-Zentrum",
        current,
        previous,
        [
            (
                _centre_name(item.center_id, item.name),
                now.count if now else 0,
                before.count if before else 0,
            )
            for item, now, before in _keyed(
                current.people.volunteers_by_center,
                previous.people.volunteers_by_center,
                lambda c: c.center_id,
            )
        ],
    )
    return by_role, ages, centres


def _count_table(
    sheet: str,
    title: str,
    first: str,
    current: Figures,
    previous: Figures,
    rows: Sequence[tuple[str, Cell, Cell]],
    kind: str = COUNT,
    total: bool = False,
) -> ReportTable:
    body = tuple(_compared(label, now, before) for label, now, before in rows)
    summed = None
    if total:
        summed = _compared("Summe", _sum(row[1] for row in rows), _sum(row[2] for row in rows))
    return ReportTable(
        sheet, title, _comparison_columns(first, kind, current, previous), body, summed
    )


def _sum(values: Iterable[Cell]) -> int | Decimal:
    """The sum of a column's numbers: a Decimal when any is one (hours, km), else an int."""
    numbers = [v for v in values if isinstance(v, int | Decimal)]
    if any(isinstance(v, Decimal) for v in numbers):
        return sum((Decimal(v) for v in numbers), start=Decimal(0))
    return sum((int(v) for v in numbers), start=0)


def _age_label(band: AgeBand) -> str:
    if band.lower is None and band.upper is None:
        return "Alter unbekannt"
    if band.upper is None:
        return f"{band.lower} Jahre und älter"
    if not band.lower:
        return f"unter {band.upper + 1} Jahren"
    return f"{band.lower}–{band.upper} Jahre"


def _centre_name(center_id: int | None, name: str) -> str:
    return name if center_id is not None and name else (name or WITHOUT_CENTER)


def _month_label(year: int, month: int, with_year: bool) -> str:
    return f"{MONTH_NAMES[month - 1]} {year}" if with_year else MONTH_NAMES[month - 1]


def _by_month(
    sheet: str,
    title: str,
    kind: str,
    current: Figures,
    previous: Figures,
    now: list[Cell],
    before: list[Cell],
) -> ReportTable:
    """Month by month; a shorter period names the previous period's month in a column."""
    year = current.period.is_year
    now_months, before_months = current.period.months(), previous.period.months()
    columns = [Column("Monat", TEXT)]
    if not year:
        columns.append(Column("Monat davor", TEXT))
    columns += [
        Column(period_header(current.period), kind),
        Column(period_header(previous.period), kind),
        Column("Veränderung", CHANGE),
    ]
    rows = []
    for index, (y, m) in enumerate(now_months):
        first: tuple[Cell, ...] = (_month_label(y, m, not year),)
        value_before: Cell = before[index] if index < len(before) else None
        if not year:
            first += (
                _month_label(*before_months[index], True) if index < len(before_months) else "",
            )
        rows.append((*first, now[index], value_before, _change(now[index], value_before)))
    now_sum, before_sum = _sum(now), _sum(before)
    total = (
        "Summe",
        *(("",) if not year else ()),
        now_sum,
        before_sum,
        _change(now_sum, before_sum),
    )
    return ReportTable(sheet, title, tuple(columns), tuple(rows), total)


def hours_by_month(figures: Figures) -> list[Decimal]:
    """Hours of every month the period touches, in order (0 for a month without any)."""
    found = {(m.year, m.month): m.hours for m in figures.hours.by_month}
    return [found.get(month, Decimal(0)) for month in figures.period.months()]


def rides_by_month(figures: Figures) -> list[int]:
    """Rides done in every month the period touches, in order."""
    found = {(m.year, m.month): m.count for m in figures.rides.done_by_month}
    return [found.get(month, 0) for month in figures.period.months()]


def _hours(current: Figures, previous: Figures) -> tuple[ReportTable, ...]:
    months = _by_month(
        "Stunden nach Monat",
        "Stunden nach Monat",
        HOURS,
        current,
        previous,
        list(hours_by_month(current)),
        list(hours_by_month(previous)),
    )
    centres = _count_table(
        "Stunden nach Zentrum",
        "Stunden nach Engagement-Zentrum",
        "Engagement-Zentrum",
        current,
        previous,
        [
            (
                _centre_name(item.center_id, item.name),
                now.hours if now else Decimal(0),
                before.hours if before else Decimal(0),
            )
            for item, now, before in _keyed(
                current.hours.by_center, previous.hours.by_center, lambda c: c.center_id
            )
        ],
        kind=HOURS,
        total=True,
    )
    sources = german_names(HoursSource)
    kinds = _count_table(
        "Stunden nach Art",
        "Stunden nach Art der Tätigkeit",
        "Art",
        current,
        previous,
        [
            (
                sources[HoursSource(item.kind)],
                now.hours if now else Decimal(0),
                before.hours if before else Decimal(0),
            )
            for item, now, before in _keyed(
                current.hours.by_kind, previous.hours.by_kind, lambda k: k.kind
            )
        ],
        kind=HOURS,
        total=True,
    )
    return months, centres, kinds


def _rides(current: Figures, previous: Figures) -> tuple[ReportTable, ...]:
    now, before = current.rides.total, previous.rides.total
    measures = [
        ("Durchgeführte Fahrten", now.done, before.done),
        ("Abgesagte Fahrten", now.cancelled, before.cancelled),
        ("Fahrgast nicht angetroffen", now.no_show, before.no_show),
        ("Fahrten ohne Fahrer/in", now.unassigned, before.unassigned),
        ("Gefahrene Kilometer", now.km, before.km),
        ("Beförderte Fahrgäste", now.passengers_served, before.passengers_served),
        ("Aktive Fahrer/innen", now.active_drivers, before.active_drivers),
    ]
    total = ReportTable(
        "Fahrdienst",
        "Fahrdienst insgesamt",
        _comparison_columns("Kennzahl", COUNT, current, previous),
        tuple(_compared(label, a, b) for label, a, b in measures),
    )
    pairs = _keyed(current.rides.by_service, previous.rides.by_service, lambda s: s.service_id)
    now_label, before_label = period_header(current.period), period_header(previous.period)
    services = ReportTable(
        "Fahrten nach Fahrdienst",
        "Durchgeführte Fahrten und Kilometer nach Fahrdienst",
        (
            Column("Fahrdienst", TEXT),
            Column(f"Fahrten {now_label}", COUNT),
            Column(f"Fahrten {before_label}", COUNT),
            Column("Veränderung", CHANGE),
            Column(f"km {now_label}", KM),
            Column(f"km {before_label}", KM),
        ),
        tuple(
            _service_row(
                item.name,
                a.done if a else 0,
                b.done if b else 0,
                a.km if a else Decimal(0),
                b.km if b else Decimal(0),
            )
            for item, a, b in pairs
        ),
        _service_row("Alle Fahrdienste", now.done, before.done, now.km, before.km),
    )
    people = ReportTable(
        "Absagen und Beteiligte",
        f"Absagen, Fahrgäste und Fahrende nach Fahrdienst ({now_label})",
        (
            Column("Fahrdienst", TEXT),
            Column("Abgesagt", COUNT),
            Column("Nicht angetroffen", COUNT),
            Column("Ohne Fahrer/in", COUNT),
            Column("Fahrgäste", COUNT),
            Column("Fahrende", COUNT),
        ),
        tuple(
            (a.name, a.cancelled, a.no_show, a.unassigned, a.passengers_served, a.active_drivers)
            for _item, a, _before in pairs
            if a is not None
        ),
        (
            "Alle Fahrdienste",
            now.cancelled,
            now.no_show,
            now.unassigned,
            now.passengers_served,
            now.active_drivers,
        ),
    )
    months = _by_month(
        "Fahrten nach Monat",
        "Durchgeführte Fahrten nach Monat",
        COUNT,
        current,
        previous,
        list(rides_by_month(current)),
        list(rides_by_month(previous)),
    )
    return total, services, people, months


def _service_row(
    name: str, done: int, done_before: int, km: Decimal, km_before: Decimal
) -> tuple[Cell, ...]:
    return (name, done, done_before, _change(done, done_before), km, km_before)


def _placements(current: Figures, previous: Figures) -> tuple[ReportTable, ...]:
    now, before = current.placements, previous.placements
    measures = [
        ("Begonnene Vermittlungen", now.started, before.started),
        ("Aktive Vermittlungen", now.active, before.active),
        ("Beendete Vermittlungen", now.ended, before.ended),
        ("Abgelehnte Vermittlungen", now.declined, before.declined),
        ("Neue Engagementangebote", now.opportunities_new, before.opportunities_new),
        ("Angebotene Engagementangebote", now.opportunities_offered, before.opportunities_offered),
        ("Vermittelte Engagementangebote", now.opportunities_placed, before.opportunities_placed),
        ("Neue Vereine und Partner", now.organizations_new, before.organizations_new),
    ]
    overview = _count_table(
        "Vermittlung", "Vermittlung in Zahlen", "Kennzahl", current, previous, measures
    )
    statuses = german_names(PlacementStatus)
    steps = _count_table(
        "Vermittlungsschritte",
        "Erreichte Vermittlungsschritte",
        "Schritt",
        current,
        previous,
        [
            (
                statuses[PlacementStatus(item.status)],
                a.steps if a else 0,
                b.steps if b else 0,
            )
            for item, a, b in _keyed(now.steps, before.steps, lambda s: s.status)
        ],
    )
    return overview, steps


def _events(current: Figures, previous: Figures) -> tuple[ReportTable, ...]:
    kinds = german_names(EventKind)
    now_label, before_label = period_header(current.period), period_header(previous.period)
    pairs = _keyed(current.events.by_kind, previous.events.by_kind, lambda e: e.kind)
    table = ReportTable(
        "Veranstaltungen",
        "Veranstaltungen nach Art",
        (
            Column("Art", TEXT),
            Column(f"Anzahl {now_label}", COUNT),
            Column(f"Anzahl {before_label}", COUNT),
            Column(f"Teilnehmende {now_label}", COUNT),
            Column(f"Teilnehmende {before_label}", COUNT),
        ),
        tuple(
            (
                kinds[EventKind(item.kind)],
                a.events if a else 0,
                b.events if b else 0,
                a.participants if a else 0,
                b.participants if b else 0,
            )
            for item, a, b in pairs
        ),
        (
            "Summe",
            current.events.events,
            previous.events.events,
            current.events.participants,
            previous.events.participants,
        ),
    )
    return (table,)
