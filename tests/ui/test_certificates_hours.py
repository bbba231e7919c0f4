"""The fast hours entry grid: rows saved together, a bad row marked and nothing saved."""

from __future__ import annotations

import datetime as dt

from builders import add_organization, add_person

from engagement_desk.services.hours import count_hours
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.persons import PersonChoice
from engagement_desk.ui.hours.hours_page import HoursPage

DAY = dt.date.today() - dt.timedelta(days=3)
DAY_TEXT = f"{DAY:%d.%m.%Y}"


def make_page(ctx, qtbot):
    page = HoursPage(ctx)
    qtbot.addWidget(page)
    page.load()
    return page


def test_rows_are_saved_together(ctx, qtbot):
    anna = add_person(ctx.db, "Anna", "Meyer")
    bernd = add_person(ctx.db, "Bernd", "Klein")
    club = add_organization(ctx.db, "Tafel Eifel")
    page = make_page(ctx, qtbot)
    assert page.organization_combo(0).findData(club) > 0
    page.set_row(0, PersonChoice(anna, "Meyer, Anna"), DAY_TEXT, "2,5", club, "Ausgabe")
    page.set_row(1, PersonChoice(bernd, "Klein, Bernd"), DAY_TEXT, "3")
    page.save_button.click()
    assert count_hours(ctx.db, ListQuery()) == 2
    assert page.outcome.text().startswith("2 ")
    assert page.person_picker(0).person_id is None  # a fresh grid


def test_a_bad_row_is_marked_and_nothing_is_saved(ctx, qtbot):
    anna = add_person(ctx.db, "Anna", "Meyer")
    page = make_page(ctx, qtbot)
    page.set_row(0, PersonChoice(anna, "Meyer, Anna"), DAY_TEXT, "2")
    page.set_row(2, PersonChoice(anna, "Meyer, Anna"), DAY_TEXT, "viel")
    page.save_button.click()
    assert count_hours(ctx.db, ListQuery()) == 0
    assert page.cell_error(2, 2)
    assert page.cell_error(0, 2) == ""
    assert "Zeile 3" in page.errors.text()


def test_plausibility_warnings_are_shown_after_saving(ctx, qtbot):
    anna = add_person(ctx.db, "Anna", "Meyer")
    page = make_page(ctx, qtbot)
    page.set_row(0, PersonChoice(anna, "Meyer, Anna"), DAY_TEXT, "9")
    page.set_row(1, PersonChoice(anna, "Meyer, Anna"), DAY_TEXT, "9")
    page.save_button.click()
    assert count_hours(ctx.db, ListQuery()) == 2
    assert "1, 2" in page.outcome.text()
