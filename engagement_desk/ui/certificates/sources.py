"""Service calls the Urkunden tab runs off the GUI thread (no Qt in here)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from engagement_desk.db import Database
from engagement_desk.models.enums import CertificateKind
from engagement_desk.services.certificates import (
    RULES,
    Selection,
    SelectionResult,
    eligibility,
    select_recipients,
)
from engagement_desk.services.events.event_list import list_events
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.organizations.centers import list_centers
from engagement_desk.services.organizations.clubs import list_organizations

EVENTS_OFFERED = 300


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


@dataclass(frozen=True)
class SelectionChoices:
    centers: tuple[Choice, ...]
    events: tuple[Choice, ...]


def rule_titles() -> list[tuple[str, str]]:
    """(rule id, title) of every volunteer-card rule, in table order."""
    return list({rule.id: rule.title for rule in RULES}.items())


def selection_choices(db: Database) -> SelectionChoices:
    centers = tuple(Choice(c.id, c.name) for c in list_centers(db))
    page = list_events(db, ListQuery(sort_key="starts_at", descending=True, limit=EVENTS_OFFERED))
    events = tuple(
        Choice(event_id, f"{row[0]:%d.%m.%Y} – {row[2]}")
        for event_id, row in zip(page.ids, page.rows, strict=True)
    )
    return SelectionChoices(centers, events)


def organization_choices(db: Database) -> tuple[Choice, ...]:
    page = list_organizations(db, ListQuery(sort_key="name", limit=5000))
    return tuple(Choice(i, row[0]) for i, row in zip(page.ids, page.rows, strict=True))


def find_recipients(
    db: Database,
    kind: CertificateKind,
    selection: Selection,
    rule_id: str | None = None,
    on: dt.date | None = None,
) -> SelectionResult:
    """The people a selection yields; with ``rule_id`` only those the volunteer-card rule
    finds eligible on ``on`` (today), further narrowed by the other criteria."""
    if rule_id is None:
        return select_recipients(db, kind, selection)
    report = eligibility(db, rule_id, on)
    ids = tuple(result.person_id for result in report.results if result.eligible)
    if not ids:
        return replace(select_recipients(db, kind, selection), candidates=())
    return select_recipients(db, kind, replace(selection, person_ids=ids))


def parse_anniversaries(text: str) -> tuple[int, ...]:
    """ "5, 10 25" → (5, 10, 25); raises ValueError on anything else."""
    parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
    years = []
    for part in parts:
        if not part.isdigit() or not 1 <= int(part) <= 80:
            raise ValueError(part)
        years.append(int(part))
    return tuple(sorted(set(years)))
