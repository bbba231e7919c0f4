"""The static site: one index.html, one style.css, organizations.json and events.json."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from engagement_desk.db import Database
from engagement_desk.models import AgencySettings
from engagement_desk.models.settings import SETTINGS_ID
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.files import replacing_folder, write_file
from engagement_desk.services.organizations.publishing.collect import (
    Publication,
    PublishedEvent,
    PublishedOrganization,
    collect_publication,
)
from engagement_desk.services.organizations.publishing.style import STYLE_CSS
from engagement_desk.services.progress import NO_PROGRESS, Progress, step

WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")


@dataclass(frozen=True)
class PublishResult:
    files: tuple[Path, ...]
    organizations: int
    opportunities: int
    events: int


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _paragraphs(text: str) -> str:
    blocks = [b.strip() for b in (text or "").split("\n\n") if b.strip()]
    return "".join(f"<p>{_e(b).replace(chr(10), '<br>')}</p>" for b in blocks)


def _when(event: PublishedEvent) -> str:
    start, end = event.starts_at, event.ends_at
    day = f"{WEEKDAYS[start.weekday()]}, {start:%d.%m.%Y}"
    if start.date() == end.date():
        return f"{day}, {start:%H:%M}–{end:%H:%M} Uhr"
    return f"{day}, {start:%H:%M} Uhr – {WEEKDAYS[end.weekday()]}, {end:%d.%m.%Y}, {end:%H:%M} Uhr"


def _event_html(event: PublishedEvent) -> str:
    organizer = ""
    if event.organizer_id is not None:
        organizer = f'<a href="#org-{event.organizer_id}">{_e(event.organizer)}</a>'
    elif event.organizer:
        organizer = _e(event.organizer)
    facts = [
        f'<dt>Wann</dt><dd><time datetime="{event.starts_at.isoformat()}">'
        f"{_e(_when(event))}</time></dd>"
    ]
    if event.place:
        facts.append(f"<dt>Wo</dt><dd>{_e(event.place)}</dd>")
    if organizer:
        facts.append(f"<dt>Veranstalter</dt><dd>{organizer}</dd>")
    if event.free_places is not None:
        places = "ausgebucht – Warteliste" if event.free_places == 0 else str(event.free_places)
        facts.append(f"<dt>Freie Plätze</dt><dd>{_e(places)}</dd>")
    return (
        f'<article class="card event" id="event-{event.id}">'
        f'<p class="kind">{_e(event.kind)}</p><h3>{_e(event.title)}</h3>'
        f"<dl>{''.join(facts)}</dl>{_paragraphs(event.description)}</article>"
    )


def _organization_html(org: PublishedOrganization) -> str:
    address = ", ".join(p for p in (org.street, f"{org.postal_code} {org.city}".strip()) if p)
    contact = []
    if address:
        contact.append(f"<dt>Adresse</dt><dd>{_e(address)}</dd>")
    if org.phone:
        tel = "".join(c for c in org.phone if c.isdigit() or c == "+")
        contact.append(f'<dt>Telefon</dt><dd><a href="tel:{_e(tel)}">{_e(org.phone)}</a></dd>')
    if org.email:
        contact.append(
            f'<dt>E-Mail</dt><dd><a href="mailto:{_e(org.email)}">{_e(org.email)}</a></dd>'
        )
    if org.website:
        contact.append(
            f'<dt>Webseite</dt><dd><a href="{_e(org.website)}" rel="external noopener">'
            f"{_e(org.website)}</a></dd>"
        )
    centers = ""
    if org.centers:
        centers = (
            '<p class="tags">' + "".join(f"<span>{_e(c)}</span>" for c in org.centers) + "</p>"
        )
    offers = ""
    if org.opportunities:
        items = "".join(
            f'<li id="angebot-{o.id}"><strong>{_e(o.title)}</strong>'
            + (f" – {_e(o.time_commitment)}" if o.time_commitment else "")
            + (f'<br><span class="muted">{_e(o.place)}</span>' if o.place else "")
            + _paragraphs(o.description)
            + "</li>"
            for o in org.opportunities
        )
        offers = f'<h4>Engagement gesucht</h4><ul class="offers">{items}</ul>'
    return (
        f'<article class="card org" id="org-{org.id}">'
        f'<p class="kind">{_e(org.kind)}</p><h3>{_e(org.name)}</h3>{centers}'
        f"{_paragraphs(org.description)}<dl>{''.join(contact)}</dl>{offers}</article>"
    )


def _opportunity_index(organizations: Iterable[PublishedOrganization]) -> str:
    rows = [
        f'<li><a href="#angebot-{o.id}">{_e(o.title)}</a> '
        f'<span class="muted">bei <a href="#org-{org.id}">{_e(org.name)}</a></span></li>'
        for org in organizations
        for o in org.opportunities
    ]
    if not rows:
        return "<p>Zurzeit sind keine Engagementangebote ausgeschrieben.</p>"
    return f'<ul class="index">{"".join(rows)}</ul>'


def render_index(publication: Publication, agency: str = "Freiwilligenagentur") -> str:
    events = "".join(_event_html(e) for e in publication.events) or (
        "<p>Zurzeit sind keine Veranstaltungen geplant.</p>"
    )
    organizations = "".join(_organization_html(o) for o in publication.organizations) or (
        "<p>Noch keine Vereine und Initiativen veröffentlicht.</p>"
    )
    stamp = publication.generated_at
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(agency)} – Engagement in unserer Stadt</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<a class="skip" href="#inhalt">Zum Inhalt springen</a>
<header class="top">
<h1>{_e(agency)}</h1>
<p>Vereine, Initiativen, Engagementangebote und Veranstaltungen</p>
<nav aria-label="Bereiche">
<a href="#termine">Veranstaltungen</a>
<a href="#angebote">Engagement gesucht</a>
<a href="#vereine">Vereine &amp; Initiativen</a>
</nav>
</header>
<main id="inhalt">
<section id="termine" aria-labelledby="termine-titel">
<h2 id="termine-titel">Veranstaltungen</h2>
<div class="grid">{events}</div>
</section>
<section id="angebote" aria-labelledby="angebote-titel">
<h2 id="angebote-titel">Engagement gesucht</h2>
{_opportunity_index(publication.organizations)}
</section>
<section id="vereine" aria-labelledby="vereine-titel">
<h2 id="vereine-titel">Vereine &amp; Initiativen</h2>
<div class="grid">{organizations}</div>
</section>
</main>
<footer>
<p>Stand: {stamp:%d.%m.%Y, %H:%M} Uhr · Daten auch als
<a href="organizations.json">organizations.json</a> und
<a href="events.json">events.json</a> · <a href="#inhalt">nach oben</a></p>
</footer>
</body>
</html>
"""


PUBLISHED_FILES = ("index.html", "style.css", "organizations.json", "events.json")


def _check_folder(out_dir: Path) -> None:
    """The folder is replaced as a whole, so it may hold nothing but a published site."""
    if out_dir.exists() and not out_dir.is_dir():
        raise ServiceError(f"„{out_dir}“ ist eine Datei, kein Ordner.")
    if out_dir.is_dir():
        foreign = sorted(p.name for p in out_dir.iterdir() if p.name not in PUBLISHED_FILES)
        if foreign:
            raise ServiceError(
                f"Der Ordner „{out_dir}“ enthält andere Dateien ({', '.join(foreign[:3])}); "
                "bitte einen eigenen Ordner für die Website wählen."
            )


def publish_site(
    db: Database,
    out_dir: Path,
    now: dt.datetime | None = None,
    *,
    progress: Progress = NO_PROGRESS,
) -> PublishResult:
    """Write index.html, style.css, organizations.json and events.json into ``out_dir``."""
    step(progress, 0, 3, "Verzeichnis wird zusammengestellt")
    publication = collect_publication(db, now)
    with db.read_session() as session:
        settings = session.get(AgencySettings, SETTINGS_ID)
        agency = settings.name if settings and settings.name else "Freiwilligenagentur"
    out_dir = Path(out_dir)
    _check_folder(out_dir)

    def dump(data: object) -> str:
        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"

    step(progress, 1, 3, "Seiten werden erstellt")
    contents = {
        "index.html": render_index(publication, agency),
        "style.css": STYLE_CSS,
        "organizations.json": dump(publication.organizations_json()),
        "events.json": dump(publication.events_json()),
    }
    step(progress, 2, 3, "Dateien werden geschrieben")
    # Built beside the folder and swapped in whole: a web server never serves half a site.
    with replacing_folder(out_dir) as staging:
        for name, text in contents.items():
            write_file(staging / name, text, private=False)
    files = tuple(out_dir / name for name in contents)
    progress.report(3, 3)
    return PublishResult(
        files,
        len(publication.organizations),
        publication.opportunity_count,
        len(publication.events),
    )
