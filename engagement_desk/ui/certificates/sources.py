"""Small helpers of the Urkunden tab (no Qt in here); the use cases are services."""

from __future__ import annotations

import re

from engagement_desk.db import Database
from engagement_desk.services.certificates import RULES
from engagement_desk.services.certificates.choices import Choice
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.organizations.clubs import list_organizations

__all__ = ["Choice", "organization_choices", "parse_anniversaries", "rule_titles"]


def rule_titles() -> list[tuple[str, str]]:
    """(rule id, title) of every volunteer-card rule, in table order."""
    return list({rule.id: rule.title for rule in RULES}.items())


def organization_choices(db: Database) -> tuple[Choice, ...]:
    page = list_organizations(db, ListQuery(sort_key="name", limit=5000))
    return tuple(Choice(i, row[0]) for i, row in zip(page.ids, page.rows, strict=True))


def parse_anniversaries(text: str) -> tuple[int, ...]:
    """ "5, 10 25" → (5, 10, 25); raises ValueError on anything else."""
    parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
    years = []
    for part in parts:
        if not part.isdigit() or not 1 <= int(part) <= 80:
            raise ValueError(part)
        years.append(int(part))
    return tuple(sorted(set(years)))
