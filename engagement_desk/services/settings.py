"""The agency's own settings (name, address, logo, Bundesland, km rate) and its signatories."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from engagement_desk.db import Database
from engagement_desk.models import AgencySettings, Person, Signatory
from engagement_desk.models.enums import AuditAction
from engagement_desk.models.settings import SETTINGS_ID
from engagement_desk.services import audit
from engagement_desk.services.backup.location import set_backup_folder
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.records import apply_changes, conflicts_reported, load_for_update
from engagement_desk.services.settings_images import MAX_IMAGE_BYTES, PNG_SIGNATURE
from engagement_desk.services.validation import Validator, clean

BUNDESLAENDER = {
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "HB": "Bremen",
    "HH": "Hamburg",
    "HE": "Hessen",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}
MAX_LOGO_BYTES = MAX_IMAGE_BYTES
MAX_SIGNATORIES = 2


@dataclass(frozen=True)
class SignatoryInput:
    name: str
    function: str = ""
    signature_png: bytes | None = None


@dataclass(frozen=True)
class AgencySettingsInput:
    name: str
    street: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    bundesland: str = "RP"
    km_rate: Decimal = Decimal("0.30")
    logo_png: bytes | None = None
    signatories: tuple[SignatoryInput, ...] = ()


@dataclass(frozen=True)
class AgencySettingsRecord(AgencySettingsInput):
    version: int = 0
    set_up_at: dt.datetime | None = None


def as_input(record: AgencySettingsRecord) -> AgencySettingsInput:
    """The stored settings as input, to change a part and save the rest as it is."""
    return AgencySettingsInput(
        **{f.name: getattr(record, f.name) for f in fields(AgencySettingsInput)}
    )


_SCALARS = tuple(f.name for f in fields(AgencySettingsInput) if f.name != "signatories")


DEFAULT_NAME = "Freiwilligenagentur"
DEFAULT_SETTINGS = AgencySettingsInput(name=DEFAULT_NAME)
"""What migration 0003 writes into every database's settings row."""
DEFAULT_VALUES: dict[str, object] = {name: getattr(DEFAULT_SETTINGS, name) for name in _SCALARS}
MISSING_VERSION = 0
"""The version of the settings read from a database that lacks the row."""


def _record(session: Session, row: AgencySettings) -> AgencySettingsRecord:
    signatories = session.scalars(select(Signatory).order_by(Signatory.position, Signatory.id))
    return AgencySettingsRecord(
        **{name: getattr(row, name) for name in _SCALARS},
        signatories=tuple(SignatoryInput(s.name, s.function, s.signature_png) for s in signatories),
        version=row.version,
        set_up_at=row.set_up_at,
    )


def get_agency_settings(db: Database) -> AgencySettingsRecord:
    """The settings; reads only (the row comes with the database, migration 0003)."""
    with db.read_session() as session:
        row = session.get(AgencySettings, SETTINGS_ID)
        if row is None:
            return AgencySettingsRecord(**vars(DEFAULT_SETTINGS), version=MISSING_VERSION)
        return _record(session, row)


def _validated(data: AgencySettingsInput) -> dict[str, object]:
    values: dict[str, object] = {
        name: clean(getattr(data, name))
        if isinstance(getattr(data, name), str)
        else getattr(data, name)
        for name in _SCALARS
    }
    values["bundesland"] = str(values["bundesland"]).upper()
    check = Validator()
    check.required("name", "Name der Agentur", values["name"])
    check.max_length("name", "Name der Agentur", str(values["name"]), 200)
    check.postal_code("postal_code", "PLZ", str(values["postal_code"]))
    check.email("email", "E-Mail", str(values["email"]))
    check.phone("phone", "Telefon", str(values["phone"]))
    check.url("website", "Website", str(values["website"]))
    if values["bundesland"] not in BUNDESLAENDER:
        check.error("bundesland", "Bundesland", f"„{data.bundesland}“ ist kein Bundesland-Kürzel.")
    try:
        rate = Decimal(values["km_rate"]).quantize(Decimal("0.01"))
        if rate < 0 or rate >= 100:
            raise InvalidOperation
        values["km_rate"] = rate
    except (InvalidOperation, TypeError, ValueError):
        check.error("km_rate", "Kilometerpauschale", f"„{data.km_rate}“ ist kein Betrag in Euro.")
    logo = values["logo_png"]
    if logo is not None:
        if not bytes(logo).startswith(PNG_SIGNATURE):  # type: ignore[arg-type]
            check.error("logo_png", "Logo", "Das Logo muss eine PNG-Datei sein.")
        elif len(logo) > MAX_LOGO_BYTES:  # type: ignore[arg-type]
            check.error("logo_png", "Logo", "Das Logo ist größer als 2 MB.")
    if len(data.signatories) > MAX_SIGNATORIES:
        check.error("signatories", "Unterschriften", "Höchstens zwei Unterschriften.")
    for index, signatory in enumerate(data.signatories, start=1):
        check.required("signatories", f"Unterschrift {index}: Name", signatory.name)
        image = signatory.signature_png
        if image is not None and not bytes(image).startswith(PNG_SIGNATURE):
            check.error(
                "signatories", f"Unterschrift {index}: Bild", "Das Bild muss eine PNG-Datei sein."
            )
        elif image is not None and len(image) > MAX_IMAGE_BYTES:
            check.error(
                "signatories", f"Unterschrift {index}: Bild", "Das Bild ist größer als 2 MB."
            )
    check.raise_if_any()
    return values


def update_agency_settings(
    db: Database, data: AgencySettingsInput, *, expected_version: int
) -> AgencySettingsRecord:
    values = _validated(data)
    with db.session() as session, conflicts_reported("Einstellungen", SETTINGS_ID):
        if session.get(AgencySettings, SETTINGS_ID) is None and (
            expected_version == MISSING_VERSION
        ):
            session.add(AgencySettings(id=SETTINGS_ID))
            session.flush()
            expected_version = 1
        row = load_for_update(
            session, AgencySettings, SETTINGS_ID, expected_version, "Einstellungen"
        )
        current = session.scalars(
            select(Signatory).order_by(Signatory.position, Signatory.id)
        ).all()
        wanted = [
            SignatoryInput(clean(s.name), clean(s.function), s.signature_png or None)
            for s in data.signatories
        ]
        changed = apply_changes(row, values)
        stored = [SignatoryInput(s.name, s.function, s.signature_png) for s in current]
        if stored != wanted:
            with session.no_autoflush:
                for signatory in current:
                    session.delete(signatory)
                session.flush()
                session.add_all(
                    Signatory(
                        name=s.name, function=s.function, signature_png=s.signature_png, position=i
                    )
                    for i, s in enumerate(wanted)
                )
            changed.append("signatories")
        if row.set_up_at is None:
            row.set_up_at = dt.datetime.now(dt.UTC)
            changed.append("set_up_at")
        if changed:
            flag_modified(row, "name")  # signatories alone must bump the settings version too
            session.flush()
            audit.record(session, AuditAction.UPDATE, "agency_settings", SETTINGS_ID, changed)
        return _record(session, row)


def agency_name(db: Database) -> str | None:
    """The agency's name if it was ever set; reads only (a fresh database stays empty)."""
    with db.read_session() as session:
        return session.scalar(select(AgencySettings.name).where(AgencySettings.id == SETTINGS_ID))


def needs_setup(db: Database) -> bool:
    """True on a really empty database: nobody ever chose the settings and no one is in it.

    The demo and every office database have people (migration 0008 marks those as
    set up), so the set-up wizard never appears there.
    """
    with db.read_session() as session:
        row = session.get(AgencySettings, SETTINGS_ID)
        if row is not None and row.set_up_at is not None:
            return False
        return not session.scalar(select(func.count()).select_from(Person))


def settings_for_editing(db: Database) -> tuple[AgencySettingsRecord, bool]:
    """The settings, and whether their Bundesland was ever chosen (someone saved the
    settings, or the database has people: an office or the demo)."""
    return get_agency_settings(db), not needs_setup(db)


def checked_backup_folder(folder: Path) -> Path:
    """The folder, created if need be, if this workstation can write there."""
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".engagement-desk-probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        message = f"In „{folder}“ kann nicht geschrieben werden ({error.strerror or error})."
        raise ValidationError([FieldError("backup_folder", "Sicherungsordner", message)]) from error
    return folder


def choose_backup_folder(folder: Path | None) -> Path:
    """Remember ``folder`` (checked first) as this workstation's backup folder; None goes back
    to the default. Returns the folder now in effect."""
    from engagement_desk.services.backup.location import backup_folder

    set_backup_folder(checked_backup_folder(folder) if folder is not None else None)
    return backup_folder()


def set_up_agency(
    db: Database, data: AgencySettingsInput, *, backup_folder: Path | None = None
) -> AgencySettingsRecord:
    """The set-up wizard's finish: settings and signatories in one unit of work, then this
    workstation's backup folder. Everything is checked before anything is written."""
    folder = checked_backup_folder(backup_folder) if backup_folder is not None else None
    _validated(data)
    current = get_agency_settings(db)
    record = update_agency_settings(db, data, expected_version=current.version)
    if folder is not None:
        set_backup_folder(folder)
    return record
