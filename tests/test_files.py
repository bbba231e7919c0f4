"""Files the program writes appear whole or not at all, and personal ones are owner-only."""

from __future__ import annotations

import datetime as dt
import os
import stat
import tempfile
from pathlib import Path

import pytest
from ride_helpers import PLAIN_WEEK, agency, driver, order, passenger, service

from engagement_desk.db import Database
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.events.ical import public_events_ical, write_ical
from engagement_desk.services.files import replacing, replacing_folder, write_file
from engagement_desk.services.listing import ListQuery
from engagement_desk.services.organizations.publishing import publish_site
from engagement_desk.services.people.export import export_people
from engagement_desk.services.people.persons import PersonInput, create_person
from engagement_desk.services.rides.calendar import parse_week
from engagement_desk.services.rides.planning import plan_week
from engagement_desk.services.rides.prints.call_list import write_call_list
from engagement_desk.services.rides.prints.km_summary import write_km_summary
from engagement_desk.services.rides.prints.run_sheet import write_run_sheets

TUESDAY = parse_week(PLAIN_WEEK).monday + dt.timedelta(days=1)
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@posix_only
def test_write_file_is_owner_only_and_replaces_the_old_content(tmp_path: Path) -> None:
    target = tmp_path / "liste.pdf"
    target.write_bytes(b"alt")
    os.chmod(target, 0o644)
    write_file(target, b"neu")
    assert target.read_bytes() == b"neu"
    assert mode(target) == 0o600
    assert hidden(tmp_path) == []


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "liste.pdf"
    target.write_bytes(b"alt")
    with pytest.raises(RuntimeError), replacing(target) as temporary:
        temporary.write_bytes(b"halb")
        raise RuntimeError("disk full mid-way")
    assert target.read_bytes() == b"alt"
    assert hidden(tmp_path) == []


@posix_only
def test_public_files_are_readable_by_others(tmp_path: Path) -> None:
    target = write_file(tmp_path / "index.html", "<p>Hallo</p>", private=False)
    assert mode(target) == 0o644
    assert target.read_text(encoding="utf-8") == "<p>Hallo</p>"


def test_a_folder_is_swapped_whole_and_leftovers_of_a_killed_run_go(tmp_path: Path) -> None:
    site = tmp_path / "website"
    site.mkdir()
    (site / "index.html").write_text("alt")
    (tmp_path / ".website.staging-dead").mkdir()  # a run killed before the swap
    with replacing_folder(site) as staging:
        (staging / "index.html").write_text("neu")
        assert (site / "index.html").read_text() == "alt"  # readers see the old site meanwhile
    assert (site / "index.html").read_text() == "neu"
    assert hidden(tmp_path) == []


def test_a_failed_folder_build_keeps_the_old_site(tmp_path: Path) -> None:
    site = tmp_path / "website"
    site.mkdir()
    (site / "index.html").write_text("alt")
    with pytest.raises(RuntimeError), replacing_folder(site) as staging:
        (staging / "index.html").write_text("halb")
        raise RuntimeError("killed")
    assert (site / "index.html").read_text() == "alt"
    assert hidden(tmp_path) == []


@pytest.fixture
def planned_week(db: Database) -> Database:
    agency(db)
    sid = service(db)
    order(db, sid, passenger(db, "Gerda", "Groß", wheelchair=True), wheelchair=True)
    driver(db, "Jürgen", "Müller", wheelchair_spaces=1)
    plan_week(db, parse_week(PLAIN_WEEK))
    return db


@posix_only
def test_ride_prints_with_health_needs_are_owner_only(planned_week: Database, tmp_path) -> None:
    sheets = write_run_sheets(planned_week, parse_week(PLAIN_WEEK), tmp_path / "laufzettel")
    calls = write_call_list(planned_week, TUESDAY, tmp_path / "anrufe.pdf")
    km = write_km_summary(planned_week, TUESDAY.year, TUESDAY.month, tmp_path / "km.pdf")
    written = [sheet.path for sheet in sheets] + [calls, km]
    assert all(path.read_bytes().startswith(b"%PDF") for path in written)
    assert {path.name: mode(path) for path in written} == {path.name: 0o600 for path in written}
    assert hidden(tmp_path) == [] and hidden(tmp_path / "laufzettel") == []


@posix_only
def test_ical_export_is_owner_only(db: Database, tmp_path: Path) -> None:
    path = write_ical(tmp_path / "termine.ics", public_events_ical(db))
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert mode(path) == 0o600


@posix_only
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_people_export_is_owner_only_and_uses_no_system_temp_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    create_person(db, PersonInput(first_name="Şükrü", last_name="Ağaoğlu"))
    system_temp = tmp_path / "temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    path = tmp_path / f"liste{suffix}"
    export_people(db, ListQuery(), path)
    assert mode(path) == 0o600
    assert list(system_temp.iterdir()) == []
    assert hidden(tmp_path) == []


def test_publishing_refuses_a_folder_with_other_files(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "webroot"
    folder.mkdir()
    (folder / "impressum.html").write_text("bleibt")
    with pytest.raises(ServiceError, match=r"impressum\.html"):
        publish_site(db, folder, dt.datetime(2026, 12, 7, 12, 0))
    assert sorted(p.name for p in folder.iterdir()) == ["impressum.html"]


def test_publishing_twice_replaces_the_site(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "website"
    publish_site(db, folder, dt.datetime(2026, 12, 7, 12, 0))
    (folder / "index.html").write_text("von gestern")
    result = publish_site(db, folder, dt.datetime(2026, 12, 8, 12, 0))
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in result.files)
    assert (folder / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert hidden(tmp_path) == []


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("Анна-Мария", "Петрова-Иванова" * 20),
        ("美玲", "王" * 200),
        ("Şükrü", "Ağaoğlu-Çelik-Öztürk-Yılmaz" * 10),
        ("🙂", "Lächeln" * 60),
    ],
)
def test_certificate_file_names_fit_every_file_system(first: str, last: str, tmp_path) -> None:
    from engagement_desk.services.certificates.output import MAX_NAME_BYTES, file_name

    name = file_name("U-2026-00042", first, last)
    assert name.startswith("U-2026-00042_") and name.endswith(".pdf")
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert len(name.encode("utf-16-le")) // 2 <= 255  # NTFS counts UTF-16 units
    write_file(tmp_path / name, b"%PDF")  # the file system takes it
