"""Who qualifies for a volunteer card (Ehrenamtskarte), by the rules of a Land.

The rules are data: one ``EligibilityRule`` per rule and period of validity, so another
Land or a changed threshold is one more row. The evaluation is precise about its edges:

- Hours are summed over all organizations and sources in windows of twelve months
  *before* the evaluation date: window 1 runs from the same day one year earlier to the
  day before the evaluation date (evaluated on 01.07.2026: 01.07.2025–30.06.2026);
  window 2 is the year before that, and so on. A rule asks ``hours_years`` windows to
  reach its threshold each.
- "On average per week" is the window's hours divided by its length in weeks
  (days / 7; 365 or 366 days). The hours criterion of a window is met when either the
  yearly or the weekly threshold is reached (inclusive).
- Age and years of engagement are full years on the evaluation date: someone born on
  10.03.2012 is 14 on 10.03.2026; engaged since 10.03.2025 means one year on 10.03.2026.
  Engagement starts at ``Person.engaged_since`` or, if unset, the earliest hours entry.

The list of those who qualify is computed in SQL (``eligible_rows``), so that a history of
a million entries takes a fraction of a second; ``evaluate`` stays the reference and gives
the reasons (a test compares both over random data).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta
from sqlalchemy import CTE, ColumnElement, false, func, literal, or_, select
from sqlalchemy.orm import Session

from engagement_desk.db import Database
from engagement_desk.models import HoursEntry, Person
from engagement_desk.services.certificates.compose import Period
from engagement_desk.services.certificates.errors import invalid
from engagement_desk.services.certificates.facts import engagement_starts, hours_by_person
from engagement_desk.services.certificates.formatting import (
    format_average,
    format_date,
    format_hours,
)
from engagement_desk.services.hours.parsing import HOURS_STEP


@dataclass(frozen=True)
class EligibilityRule:
    id: str
    land: str
    title: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    min_age: int | None
    hours_per_year: Decimal | None
    hours_per_week: Decimal | None
    min_years: int
    hours_years: int
    note: str = ""

    def applies_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


RULES: tuple[EligibilityRule, ...] = (
    EligibilityRule(
        id="ehrenamtskarte-rp",
        land="RP",
        title="Ehrenamtskarte Rheinland-Pfalz",
        valid_from=None,
        valid_until=None,
        min_age=14,
        hours_per_year=Decimal(250),
        hours_per_week=Decimal(5),
        min_years=1,
        hours_years=1,
        note="Keine Vergütung über Auslagenersatz hinaus; gültig 2 Jahre; die Organisation "
        "bestätigt die Stunden, die Kommune prüft.",
    ),
    EligibilityRule(
        id="jubilaeum-rp",
        land="RP",
        title="Jubiläums-Ehrenamtskarte Rheinland-Pfalz",
        valid_from=None,
        valid_until=None,
        min_age=None,
        hours_per_year=None,
        hours_per_week=None,
        min_years=25,
        hours_years=0,
        note="Mindestens 25 Jahre Engagement; unbefristet gültig.",
    ),
    EligibilityRule(
        id="nrw",
        land="NW",
        title="Ehrenamtskarte NRW",
        valid_from=None,
        valid_until=dt.date(2026, 1, 25),
        min_age=None,
        hours_per_year=Decimal(250),
        hours_per_week=Decimal(5),
        min_years=0,
        hours_years=1,
        note="Landesweite Kriterien; Alter und Dauer legen die Kommunen fest.",
    ),
    EligibilityRule(
        id="nrw",
        land="NW",
        title="Ehrenamtskarte NRW",
        valid_from=dt.date(2026, 1, 26),
        valid_until=None,
        min_age=None,
        hours_per_year=Decimal(200),
        hours_per_week=Decimal(4),
        min_years=0,
        hours_years=1,
        note="Seit 26.01.2026; Aufwandsentschädigung bis zur Ehrenamts- bzw. "
        "Übungsleiterpauschale erlaubt. Alter und Dauer legen die Kommunen fest.",
    ),
    EligibilityRule(
        id="by",
        land="BY",
        title="Bayerische Ehrenamtskarte (blau)",
        valid_from=None,
        valid_until=None,
        min_age=16,
        hours_per_year=Decimal(250),
        hours_per_week=Decimal(5),
        min_years=2,
        hours_years=2,
        note="Stunden in jedem der letzten zwei Jahre; JuLeiCa sowie Feuerwehr und "
        "Rettungsdienst mit Grundausbildung prüft das Büro selbst.",
    ),
    EligibilityRule(
        id="he",
        land="HE",
        title="Ehrenamts-Card Hessen",
        valid_from=None,
        valid_until=None,
        min_age=None,
        hours_per_year=None,
        hours_per_week=Decimal(5),
        min_years=0,
        hours_years=1,
        note="Alter und Dauer regeln die Kommunen.",
    ),
)


def rule_ids() -> tuple[str, ...]:
    return tuple(dict.fromkeys(rule.id for rule in RULES))


def rule_for(rule_id: str, on: dt.date) -> EligibilityRule:
    """The version of a rule in force on the evaluation date."""
    versions = [rule for rule in RULES if rule.id == rule_id]
    if not versions:
        known = ", ".join(rule_ids())
        raise invalid("rule", "Regel", f"„{rule_id}“ gibt es nicht (bekannt: {known}).")
    for rule in versions:
        if rule.applies_on(on):
            return rule
    raise invalid("on", "Stichtag", f"Die Regel „{rule_id}“ gilt am {format_date(on)} nicht.")


def windows(on: dt.date, count: int) -> tuple[Period, ...]:
    """The twelve-month windows before ``on``, most recent first."""
    return tuple(
        Period(on - relativedelta(years=k + 1), on - relativedelta(years=k) - dt.timedelta(days=1))
        for k in range(count)
    )


def weekly_average(hours: Decimal, window: Period) -> Decimal:
    return hours * 7 / Decimal(window.days)


@dataclass(frozen=True)
class Evaluation:
    eligible: bool
    age: int | None
    years: int | None
    hours: tuple[Decimal, ...]
    per_week: tuple[Decimal, ...]
    reasons: tuple[str, ...]


def evaluate(
    rule: EligibilityRule,
    on: dt.date,
    *,
    birth_date: dt.date | None,
    engaged_since: dt.date | None,
    window_hours: tuple[Decimal, ...],
) -> Evaluation:
    """Check one person against a rule; ``window_hours`` holds the hours of each window of
    ``windows(on, rule.hours_years)``, most recent first. Reasons say what is missing."""
    reasons: list[str] = []
    age = relativedelta(on, birth_date).years if birth_date else None
    if rule.min_age is not None:
        if age is None:
            reasons.append("Geburtsdatum fehlt")
        elif age < rule.min_age:
            reasons.append(f"jünger als {rule.min_age} Jahre")
    years = relativedelta(on, engaged_since).years if engaged_since else None
    if rule.min_years:
        if years is None:
            reasons.append("Beginn des Engagements unbekannt")
        elif years < rule.min_years:
            word = "Jahr" if rule.min_years == 1 else "Jahre"
            reasons.append(f"weniger als {rule.min_years} {word} engagiert")
    spans = windows(on, rule.hours_years)
    averages = tuple(weekly_average(h, w) for h, w in zip(window_hours, spans, strict=True))
    for index, (hours, average, window) in enumerate(
        zip(window_hours, averages, spans, strict=True)
    ):
        by_year = rule.hours_per_year is not None and hours >= rule.hours_per_year
        by_week = rule.hours_per_week is not None and average >= rule.hours_per_week
        if not (by_year or by_week):
            reasons.append(_hours_reason(rule, hours, average, window, index))
    return Evaluation(not reasons, age, years, window_hours, averages, tuple(reasons))


def _hours_reason(
    rule: EligibilityRule, hours: Decimal, average: Decimal, window: Period, index: int
) -> str:
    wanted = []
    if rule.hours_per_year is not None:
        wanted.append(f"{format_hours(rule.hours_per_year)} Stunden im Jahr")
    if rule.hours_per_week is not None:
        wanted.append(f"{format_hours(rule.hours_per_week)} Stunden pro Woche")
    shown = average.quantize(Decimal("0.1"), ROUND_HALF_UP)
    return (
        f"{format_hours(hours)} Stunden (Ø {format_average(shown)} pro Woche) vom "
        f"{format_date(window.start)} bis {format_date(window.end)}, verlangt: "
        + " oder ".join(wanted)
    )


@dataclass(frozen=True)
class EligibilityResult:
    person_id: int
    first_name: str
    last_name: str
    birth_date: dt.date | None
    engaged_since: dt.date | None
    evaluation: Evaluation

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def eligible(self) -> bool:
        return self.evaluation.eligible


@dataclass(frozen=True)
class EligibilityReport:
    rule: EligibilityRule
    on: dt.date
    windows: tuple[Period, ...]
    results: tuple[EligibilityResult, ...]


def eligibility(
    db: Database,
    rule_id: str,
    on: dt.date | None = None,
    *,
    only_eligible: bool = True,
) -> EligibilityReport:
    """Everyone with an engagement on record, checked against the rule on ``on`` (today)."""
    with db.read_session() as session:
        return evaluate_everyone(session, rule_id, on or dt.date.today(), only_eligible)


def eligible_person_ids(session: Session, rule_id: str, on: dt.date) -> set[int]:
    """The people the rule finds eligible on ``on``, inside the caller's unit of work."""
    rule = rule_for(rule_id, on)
    return {row.id for row in session.execute(eligible_statement(rule, on)).all()}


def evaluate_everyone(
    session: Session, rule_id: str, on: dt.date, only_eligible: bool
) -> EligibilityReport:
    if only_eligible:
        return eligible_in_sql(session, rule_id, on)
    return evaluate_each(session, rule_id, on, only_eligible=False)


def eligible_in_sql(session: Session, rule_id: str, on: dt.date) -> EligibilityReport:
    """Those who qualify, chosen by the database; ``evaluate`` fills in each one's figures."""
    rule = rule_for(rule_id, on)
    spans = windows(on, rule.hours_years)
    results = []
    for row in session.execute(eligible_statement(rule, on)).all():
        window_hours = tuple(
            (Decimal(row._mapping[f"h{k}"] or 0) / 100).quantize(HOURS_STEP)
            for k in range(len(spans))
        )
        evaluation = evaluate(
            rule, on, birth_date=row.birth_date, engaged_since=row.start, window_hours=window_hours
        )
        results.append(
            EligibilityResult(
                row.id, row.first_name, row.last_name, row.birth_date, row.start, evaluation
            )
        )
    return EligibilityReport(rule, on, spans, tuple(results))


def latest_start(on: dt.date, years: int) -> dt.date:
    """The latest day from which ``on`` is ``years`` full years later, as ``relativedelta``
    counts them (born 29.02.2012: 14 years on 28.02.2026)."""
    day = on - relativedelta(years=years)
    while relativedelta(on, day).years < years:
        day -= dt.timedelta(days=1)
    while relativedelta(on, day + dt.timedelta(days=1)).years >= years:
        day += dt.timedelta(days=1)
    return day


def eligible_statement(rule: EligibilityRule, on: dt.date):
    """SELECT id, first_name, last_name, birth_date, start, h0, h1 … of those who qualify,
    in name order; h<k> is the hours of window k in hundredths (exact on every backend)."""
    spans = windows(on, rule.hours_years)
    first_entry = (
        select(func.min(HoursEntry.on_date))
        .where(HoursEntry.person_id == Person.id)
        .correlate(Person)
        .scalar_subquery()
    )
    start = func.coalesce(Person.engaged_since, first_entry).label("start")
    conditions: list[ColumnElement[bool]] = [Person.anonymized_on.is_(None)]
    if rule.min_age is not None:
        conditions.append(Person.birth_date <= latest_start(on, rule.min_age))
    if rule.min_years:
        conditions.append(start <= latest_start(on, rule.min_years))
    if not spans:
        conditions.append(
            or_(
                Person.engaged_since.is_not(None),
                select(HoursEntry.id).where(HoursEntry.person_id == Person.id).exists(),
            )
        )
        return (
            select(Person.id, Person.first_name, Person.last_name, Person.birth_date, start)
            .where(*conditions)
            .order_by(Person.last_name_key, Person.first_name_key, Person.id)
        )
    # Window 1 by a range scan of the (day, person, hours) index; each earlier window only
    # for the people who met the later one, by seeks in the (person, day, hours) index.
    # Hundredths are rounded once per sum: every entry has at most two decimals.
    found: list[CTE] = []
    for k, window in enumerate(spans):
        cents = func.round(func.sum(HoursEntry.hours) * 100)
        query = select(HoursEntry.person_id, cents.label(f"h{k}")).where(
            HoursEntry.on_date.between(window.start, window.end)
        )
        if found:
            query = query.where(HoursEntry.person_id.in_(select(found[-1].c.person_id)))
        found.append(
            query.group_by(HoursEntry.person_id)
            .having(_hours_met(rule, cents, window))
            .cte(f"w{k}")
        )
    statement = select(
        Person.id,
        Person.first_name,
        Person.last_name,
        Person.birth_date,
        start,
        *(window.c[f"h{k}"] for k, window in enumerate(found)),
    ).select_from(found[0])
    for window in found[1:]:
        statement = statement.join(window, window.c.person_id == found[0].c.person_id)
    return (
        statement.join(Person, Person.id == found[0].c.person_id)
        .where(*conditions)
        .order_by(Person.last_name_key, Person.first_name_key, Person.id)
    )


def _hours_met(rule: EligibilityRule, cents, window: Period) -> ColumnElement[bool]:
    """The window's criterion on its hours in hundredths: integers only, so exact."""
    met: list[ColumnElement[bool]] = []
    if rule.hours_per_year is not None:
        met.append(cents >= literal(int(rule.hours_per_year * 100)))
    if rule.hours_per_week is not None:
        met.append(cents * 7 >= literal(int(rule.hours_per_week * 100) * window.days))
    return or_(false(), *met) if met else false()


def evaluate_each(
    session: Session, rule_id: str, on: dt.date, only_eligible: bool
) -> EligibilityReport:
    """Everyone with an engagement on record, each checked by ``evaluate`` in Python:
    the reference for ``eligible_in_sql``, and the full list with reasons."""
    rule = rule_for(rule_id, on)
    spans = windows(on, rule.hours_years)
    people = session.execute(
        select(Person.id, Person.first_name, Person.last_name, Person.birth_date)
        .where(
            Person.anonymized_on.is_(None),
            or_(
                Person.engaged_since.is_not(None),
                select(HoursEntry.id).where(HoursEntry.person_id == Person.id).exists(),
            ),
        )
        .order_by(Person.last_name_key, Person.first_name_key, Person.id)
    ).all()
    ids = [row.id for row in people]
    starts = engagement_starts(session, ids)
    per_window = [hours_by_person(session, None, w.start, w.end) for w in spans]
    results = []
    for row in people:
        evaluation = evaluate(
            rule,
            on,
            birth_date=row.birth_date,
            engaged_since=starts.get(row.id),
            window_hours=tuple(hours.get(row.id, Decimal(0)) for hours in per_window),
        )
        if evaluation.eligible or not only_eligible:
            results.append(
                EligibilityResult(
                    row.id,
                    row.first_name,
                    row.last_name,
                    row.birth_date,
                    starts.get(row.id),
                    evaluation,
                )
            )
    return EligibilityReport(rule, on, spans, tuple(results))
