"""The issue page names who was not issued because their name cannot be printed; the
person editor takes the name on certificates."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import add_person
from certificate_support import pdf_reader, set_up_agency
from hours_builders import add_entry
from pdf_helpers import RecordingPdfOutput

from engagement_desk.services.certificates.register_list import count_certificates
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.people.persons import PersonInput, create_person, get_person
from engagement_desk.ui.certificates.issue_page import IssuePage
from engagement_desk.ui.people.tab import PeopleTab, create_people_tab

YEAR = dt.date.today().year - 1


def test_a_batch_lists_the_refused_and_issues_the_others(ctx, qtbot, tmp_path, dialogs):
    set_up_agency(ctx.db)
    for first, last in (("Anna", "Meyer"), ("བཀྲ་ཤིས", "བདེ་ལེགས"), ("小明", "王")):
        add_entry(ctx.db, add_person(ctx.db, first, last), dt.date(YEAR, 5, 2), "12")
    page = IssuePage(ctx, RecordingPdfOutput())
    qtbot.addWidget(page)
    page.year.setValue(YEAR)
    page.load()
    target = tmp_path / "urkunden.pdf"
    dialogs.paths.append(str(target))

    page.issue_button.click()

    assert len(pdf_reader(target).pages) == 2
    assert count_certificates(ctx.db, ListQuery()) == 2
    text = page.result_label.text()
    assert "Nicht ausgestellt, keine Nummer vergeben" in text
    assert "བཀྲ་ཤིས བདེ་ལེགས (Person Nr." in text
    assert "2 " in text.splitlines()[0]


@pytest.fixture
def people_tab(qtbot, ctx) -> PeopleTab:
    people = create_people_tab(ctx)
    qtbot.addWidget(people)
    people.resize(1400, 850)
    people.show()
    qtbot.waitExposed(people)
    return people


def test_the_name_on_certificates_is_typed_in_the_person_editor(people_tab, ctx) -> None:
    wang = create_person(ctx.db, PersonInput(first_name="小明", last_name="王"))
    people_tab.refresh()
    people_tab.open_person(wang.id)
    form = people_tab.editor.master
    assert form.labels["certificate_name"].text().replace("&", "") == "Name auf Urkunden"

    form.certificate_name.setText("བཀྲ")
    people_tab.editor.save_action.trigger()
    assert get_person(ctx.db, wang.id).certificate_name == ""  # refused: cannot be printed

    form.certificate_name.setText("Wang Xiaoming")
    people_tab.editor.save_action.trigger()
    assert get_person(ctx.db, wang.id).certificate_name == "Wang Xiaoming"
