"""Publishing: what is selected, that no person data leaks, links, and the page in a browser."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from builders import add_center, add_organization, add_person, new_event
from sqlalchemy import select

from engagement_desk.cli import main
from engagement_desk.models import (
    Center,
    Opportunity,
    OrganizationContact,
    Person,
    organization_center,
)
from engagement_desk.models.enums import EventKind, OpportunityStatus, RecordStatus
from engagement_desk.services.events.registrations import register
from engagement_desk.services.organizations.publishing import (
    collect_publication,
    publish_site,
    safe_website,
)

NOW = dt.datetime(2026, 9, 1, 12, 0)


def _organization(db, name, *, may_publish=True, status=RecordStatus.ACTIVE, **values) -> int:
    return add_organization(db, name, may_publish=may_publish, status=status, **values)


def _opportunity(db, organization_id, title, status=OpportunityStatus.OPEN) -> int:
    with db.session() as session:
        opportunity = Opportunity(
            organization_id=organization_id,
            title=title,
            status=status,
            time_commitment="2 Stunden pro Woche",
            place="Vereinsheim",
        )
        session.add(opportunity)
        session.flush()
        return opportunity.id


def _event(db, title, starts_at, **values) -> int:
    kind = values.pop("kind", EventKind.CLUB_FAIR)
    place = values.pop("place", "")
    return new_event(db, title, starts_at, hours=4, kind=kind, place=place, **values).id


@pytest.fixture
def office(db):
    """A small town: persons with contact data everywhere they could leak from."""
    people = {
        "chair": add_person(
            db,
            "Roswitha",
            "Vorstandsfrau",
            email="roswitha@example.org",
            phone="06561 111111",
            mobile="0171 2222222",
        ),
        "trainer": add_person(
            db, "Bartholomäus", "Schulungsleiter", email="barth@example.net", phone="06561 333333"
        ),
        "guest": add_person(
            db, "Łucja", "Wąsowska", email="lucja@example.com", mobile="0160 4444444"
        ),
        "center": add_person(
            db, "Zentrumsleiterin", "Kowalczyk", email="zl@example.de", phone="06561 555555"
        ),
    }
    center = add_center(db, "Engagement-Zentrum Senioren")
    with db.session() as session:
        session.get(Center, center).contact_person_id = people["center"]
    turnverein = _organization(
        db,
        "Turnverein 1890 e. V.",
        street="Am Sportplatz 1",
        postal_code="54634",
        city="Bitburg",
        phone="06561 9999",
        email="info@tv1890.example",
        website="www.tv1890.example",
        description="Turnen & Tanz für alle <Generationen>",
    )
    tafel = _organization(db, "Tafel Bitburg", website="javascript:alert(1)")
    secret = _organization(
        db, "Geheimer Zirkel", may_publish=False, website="https://geheim.example"
    )
    archived = _organization(db, "Alter Verein", status=RecordStatus.ARCHIVED)
    with db.session() as session:
        session.execute(
            organization_center.insert().values(organization_id=turnverein, center_id=center)
        )
        session.add(
            OrganizationContact(
                organization_id=turnverein, person_id=people["chair"], function="Vorsitzende"
            )
        )
    open_offer = _opportunity(db, turnverein, "Übungsleiter/in Kinderturnen")
    _opportunity(db, turnverein, "Kassenprüfung", OpportunityStatus.FILLED)
    _opportunity(db, tafel, "Ausgabe freitags", OpportunityStatus.PAUSED)
    _opportunity(db, secret, "Geheime Aufgabe")
    fair = _event(
        db,
        "Vereinsmesse 2026",
        dt.datetime(2026, 9, 12, 10),
        organization_id=turnverein,
        place="Stadthalle",
        capacity=2,
        trainer="Bartholomäus Schulungsleiter",
    )
    register(db, fair, person_id=people["guest"], note="Łucja kommt mit Rollator")
    _event(
        db,
        "Vereinsforum: Datenschutz",
        dt.datetime(2026, 10, 1, 18),
        kind=EventKind.TRAINING,
        organization_id=secret,
        center_id=center,
        trainer="Bartholomäus Schulungsleiter",
    )
    _event(db, "Interne Runde", dt.datetime(2026, 9, 20, 18), is_public=False)
    _event(db, "Vorbei", dt.datetime(2026, 8, 1, 10))
    return {
        "turnverein": turnverein,
        "tafel": tafel,
        "secret": secret,
        "archived": archived,
        "open_offer": open_offer,
        "fair": fair,
    }


def test_selection(db, office):
    publication = collect_publication(db, NOW)
    assert [o.name for o in publication.organizations] == ["Tafel Bitburg", "Turnverein 1890 e. V."]
    tafel, turnverein = publication.organizations
    assert tafel.website == "" and tafel.opportunities == ()
    assert turnverein.website == "https://www.tv1890.example"
    assert turnverein.centers == ("Engagement-Zentrum Senioren",)
    assert [o.id for o in turnverein.opportunities] == [office["open_offer"]]
    assert [e.title for e in publication.events] == [
        "Vereinsmesse 2026",
        "Vereinsforum: Datenschutz",
    ]
    fair, training = publication.events
    assert (fair.organizer, fair.organizer_id, fair.free_places) == (
        "Turnverein 1890 e. V.",
        office["turnverein"],
        1,
    )
    # the training's club did not agree to be published: the centre is named instead
    assert (training.organizer, training.organizer_id) == ("Engagement-Zentrum Senioren", None)


def test_safe_website():
    assert safe_website("verein.de/kontakt") == "https://verein.de/kontakt"
    assert safe_website("http://x.example") == "http://x.example"
    for bad in ("javascript:alert(1)", "mailto:a@b.de", "ftp://x.de", "kein link", ""):
        assert safe_website(bad) == ""


def _published_text(out: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(out.iterdir()))


def test_no_person_data_leaks(db, office, tmp_path):
    out = tmp_path / "site"
    result = publish_site(db, out, NOW)
    assert sorted(p.name for p in result.files) == [
        "events.json",
        "index.html",
        "organizations.json",
        "style.css",
    ]
    text = _published_text(out)
    json_text = json.dumps(json.loads((out / "events.json").read_text())) + json.dumps(
        json.loads((out / "organizations.json").read_text())
    )
    with db.read_session() as session:
        people = session.scalars(select(Person)).all()
        secrets = {
            value
            for p in people
            for value in (
                p.first_name,
                p.last_name,
                f"{p.first_name} {p.last_name}",
                p.email,
                p.phone,
                p.mobile,
            )
            if value
        }
    assert len(secrets) > 10
    for secret in secrets:
        assert secret not in text, secret
        assert secret not in json_text, secret
    for unpublished in (
        "Geheimer Zirkel",
        "Geheime Aufgabe",
        "Alter Verein",
        "Kassenprüfung",
        "Interne Runde",
        "Vorbei",
        "geheim.example",
        "javascript:",
        "Rollator",
    ):
        assert unpublished not in text, unpublished


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.hrefs.append(values["href"])


def test_page_links_and_escaping(db, office, tmp_path):
    out = tmp_path / "site"
    publish_site(db, out, NOW)
    html = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in html and 'name="viewport"' in html
    assert "&lt;Generationen&gt;" in html and "<Generationen>" not in html
    links = _Links()
    links.feed(html)
    internal = [h[1:] for h in links.hrefs if h.startswith("#")]
    assert internal and set(internal) <= links.ids
    assert {f"org-{office['turnverein']}", f"event-{office['fair']}"} <= links.ids
    assert f"angebot-{office['open_offer']}" in internal
    files = {h for h in links.hrefs if not h.startswith(("#", "http", "tel:", "mailto:"))}
    assert files == {"organizations.json", "events.json"}
    assert all((out / f).exists() for f in files)
    external = {h for h in links.hrefs if h.startswith("http")}
    assert external == {"https://www.tv1890.example"}
    assert {h for h in links.hrefs if h.startswith("mailto:")} == {"mailto:info@tv1890.example"}
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))
    assert events["events"][0]["starts_at"] == "2026-09-12T10:00:00"


def test_cli_publish(db, db_path, office, tmp_path, capsys):
    out = tmp_path / "web"
    assert main(["--db", str(db_path), "publish", "--out", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["organizations"] == 2 and report["opportunities"] == 1
    assert (out / "index.html").exists()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt package: chromium)")
def test_page_renders_in_headless_chromium(db, office, tmp_path):
    out = tmp_path / "site"
    publish_site(db, out, NOW)
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [*command, "--dump-dom", (out / "index.html").as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "Vereinsmesse 2026" in dom and "Turnverein 1890 e. V." in dom
    assert f'id="org-{office["turnverein"]}"' in dom
    shot = tmp_path / "narrow.png"
    subprocess.run(
        [*command, f"--screenshot={shot}", "--window-size=390,1600", (out / "index.html").as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.exists() and shot.stat().st_size > 5_000
