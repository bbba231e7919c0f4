"""The access report as a letter (DIN 5008-like, A4): what is stored, why, for how long.

The first page carries the agency's letterhead, the return line and the
recipient's address in the window field, the date and the subject; then per
category the purpose, since when, who receives it and how long it is kept,
and a table of the stored values. A table the categories below do not name
(one added to the model later) gets a section of its own.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Spacer,
)

from engagement_desk.models import metadata
from engagement_desk.models.vocabulary import VOCABULARY, german
from engagement_desk.services.interchange.catalog import table_description
from engagement_desk.services.printing.layout import Styles, table, text
from engagement_desk.services.printing.letterhead import draw_letterhead
from engagement_desk.services.privacy.access import AUDIT, PERSON, AccessReport, TableData
from engagement_desk.services.wording import count_phrase

LEFT = 25 * mm
RIGHT = 20 * mm
WIDTH = A4[0] - LEFT - RIGHT
GENERAL_RETENTION = (
    "Bis drei Jahre nach Ihrer letzten Aktivität bei uns (Einsatz, Fahrt, Veranstaltung); "
    "danach löschen bzw. anonymisieren wir die Angaben. Anonyme Zahlen für die Statistik "
    "bleiben erhalten."
)
ONLY_US = "Nur die Mitarbeiterinnen und Mitarbeiter der Freiwilligenagentur."


@dataclass(frozen=True)
class Category:
    title: str
    tables: tuple[str, ...]
    purpose: str
    recipients: str = ONLY_US
    retention: str = GENERAL_RETENTION


CATEGORIES = (
    Category(
        "Stammdaten",
        (PERSON,),
        "Verwaltung Ihres Engagements und Kontakt mit Ihnen (Art. 6 Abs. 1 lit. a und b DSGVO).",
    ),
    Category(
        "Rollen, Interessen, Fähigkeiten und Sprachen",
        ("person_role", "person_tag"),
        "Passende Engagementangebote, Fahrten und Aufgaben für Sie finden.",
    ),
    Category(
        "Einwilligungen",
        ("consent", "consent_event"),
        "Nachweis, wozu Sie eingewilligt haben und wann (Art. 7 Abs. 1 DSGVO).",
        retention="Solange wir Daten über Sie speichern, danach drei Jahre als Nachweis.",
    ),
    Category(
        "Verfügbarkeit und Abwesenheiten",
        ("availability", "absence"),
        "Planung von Einsätzen und Fahrten zu Zeiten, die Ihnen passen.",
    ),
    Category(
        "Mobilitätsbedarf (Gesundheitsdaten nach Art. 9 DSGVO)",
        ("mobility_needs",),
        "Fahrten mit passendem Fahrzeug und, wenn nötig, Begleitung planen; nur mit Ihrer "
        "ausdrücklichen Einwilligung (Art. 9 Abs. 2 lit. a DSGVO).",
        "Die Fahrerin oder der Fahrer Ihrer Fahrt (auf dem Laufzettel), sonst niemand.",
    ),
    Category(
        "Vermittlungen an Vereine und Einrichtungen",
        ("placement", "placement_step"),
        "Vermittlung in ein Engagement und Begleitung dabei.",
        "Der Verein bzw. die Einrichtung, an die wir Sie vermitteln – nur wenn Sie der "
        "Weitergabe zugestimmt haben.",
    ),
    Category(
        "Fahrdienst",
        (
            "standing_order",
            "standing_order_pause",
            "ride_passenger",
            "ride",
            "driver_profile",
            "driver_preference",
            "standby_driver",
            "vehicle",
        ),
        "Planung und Durchführung des Fahrdienstes (Daueraufträge und einzelne Fahrten).",
        "Fahrerinnen und Fahrer erhalten für ihre Fahrten Name, Abholadresse, Telefon und "
        "Mobilitätsbedarf der Fahrgäste; Fahrgäste erfahren den Namen ihrer Fahrerin bzw. "
        "ihres Fahrers.",
    ),
    Category(
        "Veranstaltungen",
        ("registration",),
        "Anmeldung, Schichtplanung und Teilnahmenachweis.",
        "Bei Veranstaltungen eines Vereins der Veranstalter (Teilnehmerliste); sonst nur wir.",
    ),
    Category(
        "Einsatzstunden",
        ("hours_entry", "hours_correction"),
        "Nachweise und Ehrungen für Ihr Engagement; Zahlen ohne Namen für die Berichte an "
        "Stadt, Land und Förderer.",
    ),
    Category(
        "Urkunden und Nachweise",
        ("certificate",),
        "Ausstellung von Urkunden und Nachweisen und die Prüfung ihrer Echtheit.",
        "Sie selbst; wer einen Nachweis prüft, erfährt nur, ob er echt ist.",
        "Das Urkundenregister bewahren wir zehn Jahre nach der Ausstellung auf, damit die "
        "Echtheit eines Nachweises bestätigt werden kann.",
    ),
    Category(
        "Ansprechpartner für Vereine, Zentren und Fahrdienste",
        ("organization_contact", "center", "ride_service"),
        "Kontaktdaten von Vereinen, Engagement-Zentren und Fahrdiensten aktuell halten.",
        "Wenn Sie der Veröffentlichung zugestimmt haben, das öffentliche Verzeichnis; sonst nur "
        "wir.",
    ),
    Category(
        "Protokoll der Änderungen",
        (AUDIT,),
        "Nachweis, wer wann Ihre Daten angelegt, geändert oder ausgegeben hat "
        "(Art. 5 Abs. 2 DSGVO). Das Protokoll enthält keine Inhalte, nur Art und Zeitpunkt.",
    ),
)

RIGHTS = (
    "Sie haben das Recht, unrichtige Daten berichtigen zu lassen (Art. 16 DSGVO), die "
    "Löschung Ihrer Daten zu verlangen (Art. 17 DSGVO), die Verarbeitung einschränken zu "
    "lassen (Art. 18 DSGVO), Ihre Daten in einem maschinenlesbaren Format zu erhalten "
    "(Art. 20 DSGVO; die beiliegende JSON-Datei) und einer Verarbeitung zu widersprechen "
    "(Art. 21 DSGVO). Eine Einwilligung können Sie jederzeit für die Zukunft widerrufen. "
    "Sie können sich außerdem bei der bzw. dem Landesbeauftragten für Datenschutz Ihres "
    "Bundeslandes beschweren (Art. 77 DSGVO)."
)

# Keys, bookkeeping and stored document snapshots: in the JSON file, not in the letter.
HIDDEN = {
    "id",
    "version",
    "updated_at",
    "content",
    "content_hash",
    "template_version",
    "assigned_manually",
}

COLUMN_LABELS = {
    "salutation": "Anrede",
    "title": "Titel",
    "first_name": "Vorname",
    "last_name": "Nachname",
    "certificate_name": "Name auf Urkunden",
    "birth_date": "Geburtsdatum",
    "street": "Straße",
    "postal_code": "PLZ",
    "city": "Ort",
    "phone": "Telefon",
    "mobile": "Mobil",
    "email": "E-Mail",
    "notes": "Notizen",
    "note": "Notiz",
    "status": "Status",
    "engaged_since": "Engagiert seit",
    "anonymized_on": "Anonymisiert am",
    "created_at": "Angelegt am",
    "updated_at": "Geändert am",
    "role": "Rolle",
    "kind": "Art",
    "value": "Wert",
    "purpose": "Zweck",
    "given_on": "Erteilt am",
    "source": "Quelle",
    "withdrawn_on": "Widerrufen am",
    "weekday": "Wochentag",
    "start_time": "Von",
    "end_time": "Bis",
    "start_date": "Von",
    "end_date": "Bis",
    "reason": "Grund",
    "wheelchair": "Rollstuhl",
    "rollator": "Rollator",
    "escort": "Begleitung",
    "opportunity_id": "Engagementangebot",
    "placement_id": "Vermittlung",
    "on_date": "Datum",
    "hours": "Stunden",
    "organization_id": "Verein",
    "center_id": "Zentrum",
    "activity": "Tätigkeit",
    "ride_id": "Fahrt",
    "registration_id": "Anmeldung",
    "event_id": "Veranstaltung",
    "shift_id": "Schicht",
    "registered_at": "Angemeldet am",
    "stand": "Stand",
    "number": "Nummer",
    "issued_on": "Ausgestellt am",
    "period_start": "Zeitraum von",
    "period_end": "Zeitraum bis",
    "revoked_on": "Widerrufen am",
    "revoke_reason": "Widerrufsgrund",
    "template_id": "Vorlage",
    "replaces_id": "Ersetzt",
    "service_id": "Fahrdienst",
    "recurrence": "Wiederholung",
    "pickup_time": "Abholzeit",
    "pickup_street": "Abholung Straße",
    "pickup_postal_code": "Abholung PLZ",
    "pickup_city": "Abholung Ort",
    "destination_name": "Ziel",
    "destination_street": "Ziel Straße",
    "destination_postal_code": "Ziel PLZ",
    "destination_city": "Ziel Ort",
    "return_time": "Rückfahrt",
    "valid_from": "Gültig ab",
    "valid_to": "Gültig bis",
    "standing_order_id": "Dauerauftrag",
    "is_return": "Rückfahrt",
    "ride_date": "Datum",
    "duration_minutes": "Dauer (Min.)",
    "pickup_address": "Abholung",
    "destination": "Ziel",
    "driver_id": "Fahrer/in",
    "passenger_id": "Fahrgast",
    "vehicle_id": "Fahrzeug",
    "km": "km",
    "max_rides_per_week": "Fahrten je Woche höchstens",
    "at": "Zeitpunkt",
    "user": "Bearbeiter/in",
    "action": "Aktion",
    "entity": "Datensatz",
    "entity_id": "Nr.",
    "summary": "Geänderte Felder",
    "label": "Bezeichnung",
    "registration": "Kennzeichen",
    "seats": "Sitze",
    "function": "Funktion",
    "name": "Name",
    "follow_up_on": "Wiedervorlage",
    "recorded_at": "Erfasst am",
    "recorded_by": "Erfasst von",
    "verification_code": "Prüfcode",
    "asked_by": "Gefragt von",
    "assigned_manually": "Von Hand zugeteilt",
    "wheelchair_spaces": "Rollstuhlplätze",
}
EARLIEST_OF = ("created_at", "recorded_at", "registered_at", "at", "given_on", "issued_on")

TINY = ParagraphStyle("tiny", fontName="DejaVuSans", fontSize=7, leading=8.5)

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


def _date(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    return f"{value:%d.%m.%Y}"


def _label_of(data: TableData, row: tuple[Any, ...]) -> str:
    """How a row a value points to is named in the letter: 'Vereinsmesse (12.05.2026)'."""
    values = dict(zip(data.columns, row, strict=True))
    if data.table == "ride":
        when = f"{_date(values['ride_date'])} {values['start_time']:%H:%M}"
        return f"{when} → {values['destination']}" if values["destination"] else when
    for key in ("title", "name", "label", "number"):
        if values.get(key):
            when = values.get("starts_at") or values.get("on_date")
            return f"{values[key]} ({_date(when)})" if when else str(values[key])
    return f"Nr. {values.get('id', '')}"


class _Formatter:
    def __init__(self, report: AccessReport):
        self.report = report
        self.labels: dict[str, dict[Any, str]] = {}
        for data in report.context + report.tables:
            if "id" in data.columns:
                key = data.columns.index("id")
                names = self.labels.setdefault(data.table, {})
                for row in data.rows:
                    names.setdefault(row[key], _label_of(data, row))
        placements = report.table("placement")
        if placements is not None:
            # a placement is known by its opportunity
            key, offer = placements.columns.index("id"), placements.columns.index("opportunity_id")
            for row in placements.rows:
                label = self.value("placement", "opportunity_id", row[offer])
                self.labels["placement"][row[key]] = label

    def value(self, table: str, column: str, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, Enum) and type(value) in VOCABULARY:
            return german(value)
        if isinstance(value, bool):
            return "ja" if value else "nein"
        if isinstance(value, dt.date):
            return _date(value)
        if isinstance(value, dt.time):
            return f"{value:%H:%M}"
        if isinstance(value, Decimal):
            return f"{value:n}".replace(".", ",")
        if isinstance(value, bytes):
            return f"({len(value)} Bytes)"
        if column == "weekday" and isinstance(value, int) and 0 <= value < len(WEEKDAYS):
            return WEEKDAYS[value]
        column_object = metadata.tables[table].c[column]
        for fk in column_object.foreign_keys:
            target = fk.column.table.name
            if target == PERSON:
                if value == self.report.person_id:
                    return "Sie"
                return f"Person Nr. {value}"
            return self.labels.get(target, {}).get(value, f"Nr. {value}")
        return str(value)


def _since(data: list[TableData]) -> dt.date | None:
    """The first day recorded: the rows' creation dates, else their earliest date."""
    days: list[dt.date] = []
    for table_data in data:
        stamps = [i for i, c in enumerate(table_data.columns) if c in EARLIEST_OF]
        if not stamps:
            stamps = [i for i, c in enumerate(table_data.columns) if c != "birth_date"]
        for row in table_data.rows:
            for index in stamps:
                value = row[index]
                if isinstance(value, dt.datetime):
                    days.append(value.date())
                elif isinstance(value, dt.date):
                    days.append(value)
    return min(days) if days else None


def _shown(data: TableData, person_id: int) -> list[tuple[int, str]]:
    """Columns worth a reader's eye: not hidden, not empty, not always "you"."""
    table = metadata.tables[data.table]
    shown = []
    for index, column in enumerate(data.columns):
        values = [row[index] for row in data.rows]
        if column in HIDDEN or all(v in (None, "") for v in values):
            continue
        if column == "created_at" and data.table != PERSON:
            continue
        to_person = any(fk.column.table.name == PERSON for fk in table.c[column].foreign_keys)
        if to_person and all(v == person_id for v in values):
            continue
        shown.append((index, column))
    return shown


def _widths(header: list[str], body: list[list[str]], style: ParagraphStyle) -> list[float]:
    """Column widths from the text: short values never wrap, long texts share the rest."""
    padding = 7.0

    def width(value: str) -> float:
        return stringWidth(value, style.fontName, style.fontSize)

    shortest, natural = [], []
    for index, title in enumerate(header):
        values = [title] + [row[index] for row in body[:300]]
        words = [w for v in values for w in v.split()] or [""]
        shortest.append(max(width(w) for w in words) + padding)
        natural.append(min(max(width(v) for v in values) + padding, 70 * mm))
    if sum(natural) <= WIDTH:
        spare = WIDTH - sum(natural)
        return [n + spare * n / sum(natural) for n in natural]
    for short_width, least in ((natural, 25 * mm), (shortest, 14 * mm)):
        # short columns keep their width, the long texts wrap in what is left
        fixed = [
            max(s, w) if n <= 28 * mm else None
            for s, w, n in zip(shortest, short_width, natural, strict=True)
        ]
        rest = WIDTH - sum(f for f in fixed if f is not None)
        wide = [n for f, n in zip(fixed, natural, strict=True) if f is None]
        if wide and rest >= len(wide) * least:
            return [
                f if f is not None else rest * natural[i] / sum(wide) for i, f in enumerate(fixed)
            ]
    # too many columns: everything narrower, in proportion (long words may break)
    return [WIDTH * s / sum(shortest) for s in shortest]


def _rows_table(data: TableData, formatter: _Formatter, styles: Styles) -> Flowable:
    shown = _shown(data, formatter.report.person_id)
    if not shown:
        return text(f"{count_phrase(len(data.rows), 'Eintrag', 'Einträge')}.", styles.small)
    if data.table == PERSON:
        (row,) = data.rows
        pairs = [
            [
                text(COLUMN_LABELS.get(c, c), styles.small),
                text(formatter.value(data.table, c, row[i]), styles.small),
            ]
            for i, c in shown
        ]
        return table([["Angabe", "Gespeichert"], *pairs], [45 * mm, WIDTH - 45 * mm], styles)
    body = [[formatter.value(data.table, c, row[i]) for i, c in shown] for row in data.rows]
    # a key to a row the letter cannot name ("Nr. 14604") tells the reader nothing
    keep = [
        k
        for k, (_, c) in enumerate(shown)
        if not (
            metadata.tables[data.table].c[c].foreign_keys
            and all(line[k].startswith("Nr. ") or not line[k] for line in body)
        )
    ]
    # a value that is the same in every row is said once, above the table
    same = (
        {k for k in keep if body[0][k] and all(line[k] == body[0][k] for line in body)}
        if len(body) >= 3 and len(keep) > 4
        else set()
    )
    common = "; ".join(
        f"{COLUMN_LABELS.get(shown[k][1], shown[k][1])}: {body[0][k]}" for k in keep if k in same
    )
    if len(keep) - len(same) < 2:
        same, common = set(), ""  # rows alike in (almost) every column: show them as they are
    keep = [k for k in keep if k not in same]
    if not keep:
        return text(f"{count_phrase(len(data.rows), 'Eintrag', 'Einträge')}.", styles.small)
    shown = [shown[k] for k in keep]
    body = [[line[k] for k in keep] for line in body]
    header = [COLUMN_LABELS.get(c, c) for _, c in shown]
    # a wide table in a smaller type, so that dates and times stay on one line
    style = styles.small if len(shown) <= 7 else TINY
    cells = [[text(value, style) for value in line] for line in [header, *body]]
    result = table(cells, _widths(header, body, style), styles)
    if not common:
        return result
    return KeepTogether([text(f"In allen Einträgen: {common}", styles.small), result])


def _section(
    title: str,
    purpose: str,
    recipients: str,
    retention: str,
    data: list[TableData],
    formatter: _Formatter,
    styles: Styles,
) -> list[Flowable]:
    since = _since(data)
    facts = [
        ["Zweck", text(purpose, styles.small)],
        ["Gespeichert seit", text(_date(since) if since else "–", styles.small)],
        ["Empfänger", text(recipients, styles.small)],
        ["Speicherdauer", text(retention, styles.small)],
    ]
    story: list[Flowable] = [
        KeepTogether([text(title, styles.heading), _facts_table(facts, styles)])
    ]
    for table_data in data:
        caption = _table_caption(table_data)
        story.append(Spacer(1, 2 * mm))
        heading = text(f"{caption} ({len(table_data.rows)})", styles.bold)
        rows = _rows_table(table_data, formatter, styles)
        # a caption never stands alone at the foot of a page
        story.append(KeepTogether([heading, rows]) if len(table_data.rows) < 20 else heading)
        if len(table_data.rows) >= 20:
            story.append(rows)
    return story


def _facts_table(facts: list[list[Any]], styles: Styles) -> Flowable:
    result = table(facts, [35 * mm, WIDTH - 35 * mm], styles, repeat_header=False)
    result.setStyle([("BACKGROUND", (0, 0), (-1, 0), colors.white)])
    return result


TABLE_CAPTIONS = {
    "person": "Ihre Angaben",
    "person_role": "Rollen",
    "person_tag": "Interessen, Fähigkeiten, Sprachen",
    "consent": "Einwilligungen",
    "consent_event": "Verlauf der Einwilligungen",
    "availability": "Verfügbarkeit",
    "absence": "Abwesenheiten",
    "mobility_needs": "Mobilitätsbedarf",
    "placement": "Vermittlungen",
    "placement_step": "Schritte der Vermittlungen",
    "standing_order": "Daueraufträge",
    "standing_order_pause": "Pausen der Daueraufträge",
    "ride_passenger": "Fahrten als Fahrgast",
    "ride": "Fahrten als Fahrer/in",
    "driver_profile": "Angaben als Fahrer/in",
    "driver_preference": "Bevorzugte Fahrer/innen bzw. Fahrgäste",
    "standby_driver": "Bereitschaftsdienste",
    "vehicle": "Fahrzeuge (Halter/in)",
    "registration": "Anmeldungen",
    "hours_entry": "Einsätze",
    "hours_correction": "Korrekturen der Einsätze (mit Grund)",
    "certificate": "Ausgestellte Urkunden",
    "organization_contact": "Ansprechpartner/in bei Vereinen",
    "center": "Ansprechpartner/in eines Zentrums",
    "ride_service": "Koordination eines Fahrdienstes",
    "audit_entry": "Protokolleinträge",
}


def _table_caption(data: TableData) -> str:
    return TABLE_CAPTIONS.get(data.table) or table_description(metadata.tables[data.table])


def _story(report: AccessReport, styles: Styles) -> list[Flowable]:
    formatter = _Formatter(report)
    present = {t.table: t for t in report.tables}
    story: list[Flowable] = [
        NextPageTemplate("later"),
        text("Auskunft nach Art. 15 DSGVO", styles.title),
        Spacer(1, 3 * mm),
        text(f"Guten Tag {report.name},", styles.body),
        Spacer(1, 2 * mm),
        text(
            "Sie haben Auskunft darüber erbeten, welche Daten wir über Sie speichern. Auf den "
            "folgenden Seiten finden Sie alle Angaben, die am "
            f"{report.created_at:%d.%m.%Y} über Sie gespeichert waren: je Bereich, wozu wir "
            "sie brauchen, seit wann, wer sie erhält und wie lange wir sie aufbewahren, "
            "danach die gespeicherten Werte. Dieselben Daten erhalten Sie in einer "
            "maschinenlesbaren Datei (JSON, Art. 20 DSGVO).",
            styles.body,
        ),
        Spacer(1, 2 * mm),
        text("Ihre Rechte", styles.heading),
        text(RIGHTS, styles.body),
        Spacer(1, 3 * mm),
        text("Mit freundlichen Grüßen", styles.body),
        text(report.agency.name, styles.body),
    ]
    covered: set[str] = set()
    for category in CATEGORIES:
        data = [present[name] for name in category.tables if name in present]
        covered.update(category.tables)
        if category.tables == (PERSON,):
            data = [present[PERSON]]
        if not data:
            continue
        story += _section(
            category.title,
            category.purpose,
            category.recipients,
            category.retention,
            data,
            formatter,
            styles,
        )
    for data in report.tables:
        if data.table in covered:
            continue
        story += _section(
            _table_caption(data),
            "Verwaltung Ihres Engagements bei uns.",
            ONLY_US,
            GENERAL_RETENTION,
            [data],
            formatter,
            styles,
        )
    return story


def render_letter(report: AccessReport) -> bytes:
    """The letter as PDF bytes, fonts embedded."""
    styles = Styles()
    buffer = io.BytesIO()
    width, height = A4
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title="Auskunft nach Art. 15 DSGVO",
        author=report.agency.name,
        creator="Engagement Desk",
    )
    first = Frame(LEFT, 25 * mm, WIDTH, height - 100 * mm - 25 * mm, id="first", showBoundary=0)
    later = Frame(LEFT, 25 * mm, WIDTH, height - 30 * mm - 25 * mm, id="later", showBoundary=0)
    footer = f"Auskunft nach Art. 15 DSGVO · {report.name} · Stand {report.created_at:%d.%m.%Y}"

    def letterhead(canvas: Canvas, doc: BaseDocTemplate) -> None:
        agency = report.agency
        draw_letterhead(
            canvas,
            agency,
            left=LEFT,
            right=width - RIGHT,
            top=height - 12 * mm,
            fonts=(styles.sans, styles.sans_bold),
            name_size=14,
            logo_height=14 * mm,
        )
        canvas.saveState()
        # DIN 5008 form B: window field 45 mm from the top, 20 mm from the left edge.
        canvas.setFont(styles.sans, 7)
        sender = " · ".join(p for p in (agency.name, agency.address) if p)
        canvas.drawString(20 * mm, height - 50 * mm, sender)
        canvas.setFont(styles.sans, 10)
        y = height - 60 * mm
        for line in (report.name, *report.address):
            canvas.drawString(20 * mm, y, line)
            y -= 5 * mm
        canvas.setFont(styles.sans, 9)
        info = (
            ("Datum", f"{report.created_at:%d.%m.%Y}"),
            ("Personennummer", str(report.person_id)),
        )
        y = height - 55 * mm
        for label, value in info:
            canvas.drawString(125 * mm, y, f"{label}:")
            canvas.drawString(155 * mm, y, value)
            y -= 5 * mm
        _footer(canvas, doc)
        canvas.restoreState()

    def following(canvas: Canvas, doc: BaseDocTemplate) -> None:
        draw_letterhead(
            canvas,
            report.agency,
            left=LEFT,
            right=width - RIGHT,
            top=height - 12 * mm,
            fonts=(styles.sans, styles.sans_bold),
            name_size=9,
            logo_height=7 * mm,
        )
        canvas.saveState()
        _footer(canvas, doc)
        canvas.restoreState()

    def _footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.setFont(styles.sans, 7.5)
        canvas.drawString(LEFT, 14 * mm, footer)
        canvas.drawRightString(width - RIGHT, 14 * mm, f"Seite {doc.page}")

    document.addPageTemplates(
        [
            PageTemplate("first", [first], onPage=letterhead),
            PageTemplate("later", [later], onPage=following),
        ]
    )
    document.build(_story(report, styles))
    return buffer.getvalue()
