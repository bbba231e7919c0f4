"""Volunteer-card rules, tested at their edges."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from builders import add_organization, add_person
from hours_builders import add_hours_spread

from engagement_desk.db import Database
from engagement_desk.services.certificates import (
    RULES,
    Period,
    eligibility,
    evaluate,
    rule_for,
    rule_ids,
    windows,
)
from engagement_desk.services.errors import ValidationError

ON = dt.date(2026, 7, 1)
RP = rule_for("ehrenamtskarte-rp", ON)


def check(rule=RP, on=ON, birth=dt.date(1990, 1, 1), since=dt.date(2020, 1, 1), hours=("300",)):
    return evaluate(
        rule,
        on,
        birth_date=birth,
        engaged_since=since,
        window_hours=tuple(Decimal(h) for h in hours),
    )


def test_the_window_is_the_twelve_months_before_the_evaluation_date() -> None:
    assert windows(ON, 2) == (
        Period(dt.date(2025, 7, 1), dt.date(2026, 6, 30)),
        Period(dt.date(2024, 7, 1), dt.date(2025, 6, 30)),
    )
    assert windows(dt.date(2024, 2, 29), 1) == (Period(dt.date(2023, 2, 28), dt.date(2024, 2, 28)),)


@pytest.mark.parametrize(
    ("hours", "eligible"),
    [("250", True), ("250.00", True), ("249.99", False), ("0", False)],
)
def test_rp_needs_250_hours_a_year(hours: str, eligible: bool) -> None:
    assert check(hours=(hours,)).eligible is eligible


def test_rp_weekly_average_is_hours_per_week_of_the_window() -> None:
    result = check(hours=("260.72",))  # 365 days: 260.72 h × 7 / 365 = 5.0001 h per week
    assert result.per_week[0] > Decimal(5)
    nrw_before = rule_for("nrw", dt.date(2026, 1, 25))
    he = rule_for("he", ON)
    assert check(rule=he, hours=("260.72",)).eligible
    assert not check(rule=he, hours=("260.70",)).eligible  # 4.9997 h per week
    assert check(rule=nrw_before, on=dt.date(2026, 1, 25), hours=("250",)).eligible


def test_rp_age_fourteen_on_the_day() -> None:
    assert check(birth=dt.date(2012, 7, 1)).eligible
    late = check(birth=dt.date(2012, 7, 2))
    assert not late.eligible and late.reasons == ("jünger als 14 Jahre",)
    assert check(birth=None).reasons == ("Geburtsdatum fehlt",)


def test_rp_one_year_of_engagement_to_the_day() -> None:
    assert check(since=dt.date(2025, 7, 1)).eligible
    short = check(since=dt.date(2025, 7, 2))
    assert short.reasons == ("weniger als 1 Jahr engagiert",)
    assert check(since=None).reasons == ("Beginn des Engagements unbekannt",)


def test_reasons_explain_missing_hours_in_german() -> None:
    (reason,) = check(hours=("249.99",)).reasons
    assert reason == (
        "249,99 Stunden (Ø 4,8 pro Woche) vom 01.07.2025 bis 30.06.2026, "
        "verlangt: 250 Stunden im Jahr oder 5 Stunden pro Woche"
    )


def test_jubilee_card_after_25_years_to_the_day() -> None:
    rule = rule_for("jubilaeum-rp", ON)
    assert evaluate(
        rule, ON, birth_date=None, engaged_since=dt.date(2001, 7, 1), window_hours=()
    ).eligible
    assert not evaluate(
        rule, ON, birth_date=None, engaged_since=dt.date(2001, 7, 2), window_hours=()
    ).eligible


def test_nrw_threshold_depends_on_the_evaluation_date() -> None:
    before, after = rule_for("nrw", dt.date(2026, 1, 25)), rule_for("nrw", dt.date(2026, 1, 26))
    assert (before.hours_per_year, before.hours_per_week) == (Decimal(250), Decimal(5))
    assert (after.hours_per_year, after.hours_per_week) == (Decimal(200), Decimal(4))
    assert check(rule=after, on=dt.date(2026, 1, 26), hours=("200",)).eligible
    assert not check(rule=before, on=dt.date(2026, 1, 25), hours=("200",)).eligible


def test_bavaria_needs_age_16_and_the_hours_in_each_of_two_years() -> None:
    rule = rule_for("by", ON)
    assert check(rule=rule, hours=("250", "250")).eligible
    assert not check(rule=rule, hours=("400", "249.99")).eligible
    assert check(rule=rule, birth=dt.date(2010, 7, 2), hours=("250", "250")).reasons == (
        "jünger als 16 Jahre",
    )
    assert check(rule=rule, since=dt.date(2024, 7, 2), hours=("250", "250")).reasons == (
        "weniger als 2 Jahre engagiert",
    )


def test_rules_are_data_with_unique_periods() -> None:
    assert set(rule_ids()) >= {"ehrenamtskarte-rp", "jubilaeum-rp", "nrw", "by"}
    for rule_id in rule_ids():
        versions = [r for r in RULES if r.id == rule_id]
        for day in (dt.date(2000, 1, 1), dt.date(2026, 1, 25), dt.date(2026, 1, 26), ON):
            assert sum(r.applies_on(day) for r in versions) == 1
    with pytest.raises(ValidationError, match="bekannt: ehrenamtskarte-rp"):
        rule_for("ehrenamtskarte-xx", ON)


def test_eligibility_list_sums_hours_across_organizations(db: Database) -> None:
    anna = add_person(db, "Anna", "Becker", birth_date=dt.date(2012, 7, 1))
    ben = add_person(db, "Ben", "Yılmaz", birth_date=dt.date(1970, 1, 1))
    old = add_person(
        db, "Олег", "Иванов", birth_date=dt.date(1950, 1, 1), engaged_since=dt.date(2001, 7, 1)
    )
    tafel, sport = add_organization(db, "Tafel"), add_organization(db, "Sportverein")
    add_hours_spread(db, anna, dt.date(2025, 6, 30), "8", organization_id=tafel)  # before
    add_hours_spread(db, anna, dt.date(2025, 7, 1), "150", organization_id=tafel)
    add_hours_spread(db, anna, dt.date(2026, 6, 1), "100", organization_id=sport)
    add_hours_spread(db, anna, dt.date(2026, 7, 1), "8", organization_id=sport)  # the day itself
    add_hours_spread(db, ben, dt.date(2025, 8, 1), "249.99")
    report = eligibility(db, "ehrenamtskarte-rp", ON)
    assert [r.person_id for r in report.results] == [anna]
    assert report.results[0].evaluation.hours == (Decimal("250.00"),)
    full = eligibility(db, "ehrenamtskarte-rp", ON, only_eligible=False)
    assert {r.person_id: r.eligible for r in full.results} == {anna: True, ben: False, old: False}
    jubilee = eligibility(db, "jubilaeum-rp", ON)
    assert [r.name for r in jubilee.results] == ["Олег Иванов"]
