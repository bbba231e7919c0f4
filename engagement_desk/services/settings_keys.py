"""The agency settings as KEY = VALUE pairs, for ``engagement-desk settings show|set``.

Keys: name, street, postal_code, city, phone, email, website, bundesland (code
such as ``BY`` or the German name), km_rate (``0,30`` or ``0.30``), logo (a PNG or
SVG file; empty removes it), backup_folder (this workstation's folder) and, for
signatory N (1 or 2, left to right on certificates), ``signatory.N.name``,
``signatory.N.function`` and ``signatory.N.signature`` (PNG/SVG file; empty
removes it). An empty ``signatory.N.name`` removes signatory N.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from engagement_desk.db import Database
from engagement_desk.services.backup.location import backup_folder
from engagement_desk.services.errors import FieldError, ValidationError
from engagement_desk.services.settings import (
    BUNDESLAENDER,
    MAX_SIGNATORIES,
    AgencySettingsInput,
    AgencySettingsRecord,
    SignatoryInput,
    as_input,
    checked_backup_folder,
    get_agency_settings,
    set_backup_folder,
    settings_for_editing,
    update_agency_settings,
)
from engagement_desk.services.settings_images import SvgRenderer, read_image_file, size_label

TEXT_KEYS = ("name", "street", "postal_code", "city", "phone", "email", "website")
SIGNATORY_PARTS = ("name", "function", "signature")
KEYS = (
    *TEXT_KEYS,
    "bundesland",
    "km_rate",
    "logo",
    "backup_folder",
    *(f"signatory.{n}.{part}" for n in range(1, MAX_SIGNATORIES + 1) for part in SIGNATORY_PARTS),
)


@dataclass(frozen=True)
class SettingValue:
    key: str
    text: str
    """As shown to a person: images as '(Bild, 12 KB)', the Bundesland with its name."""
    data: object
    """For --json: strings, a number, or for images their size in bytes (None if none)."""


def _unknown(key: str) -> ValidationError:
    return ValidationError(
        [FieldError("key", "Schlüssel", f"„{key}“ gibt es nicht (möglich: {', '.join(KEYS)}).")]
    )


def bundesland_code(value: str) -> str:
    """``BY``, ``by`` or ``Bayern`` → ``BY``; a German error at the field otherwise."""
    wanted = value.strip()
    for code, name in BUNDESLAENDER.items():
        if wanted.upper() == code or wanted.casefold() == name.casefold():
            return code
    message = f"„{value}“ ist kein Bundesland (Kürzel wie BY oder Name wie Bayern)."
    raise ValidationError([FieldError("bundesland", "Bundesland", message)])


def euro_amount(value: str) -> Decimal:
    """``0,30`` or ``0.30`` → Decimal('0.30')."""
    try:
        amount = Decimal(value.strip().replace(",", "."))
        if not amount.is_finite():
            raise InvalidOperation
        return amount
    except InvalidOperation:
        message = f"„{value}“ ist kein Betrag in Euro (z. B. 0,30)."
        raise ValidationError([FieldError("km_rate", "Kilometerpauschale", message)]) from None


def setting_values(db: Database) -> list[SettingValue]:
    """Every key with its current value, in the order of ``KEYS``."""
    record, chosen = settings_for_editing(db)
    values = [SettingValue(key, getattr(record, key), getattr(record, key)) for key in TEXT_KEYS]
    land = record.bundesland
    values += [
        SettingValue("bundesland", _land_text(record, chosen), land),
        SettingValue("km_rate", f"{record.km_rate:.2f}".replace(".", ","), str(record.km_rate)),
        SettingValue("logo", size_label(record.logo_png), _size(record.logo_png)),
        SettingValue("backup_folder", str(backup_folder()), str(backup_folder())),
    ]
    for number in range(1, MAX_SIGNATORIES + 1):
        signatory = record.signatories[number - 1] if number <= len(record.signatories) else None
        name = signatory.name if signatory else ""
        function = signatory.function if signatory else ""
        image = signatory.signature_png if signatory else None
        values += [
            SettingValue(f"signatory.{number}.name", name, name),
            SettingValue(f"signatory.{number}.function", function, function),
            SettingValue(f"signatory.{number}.signature", size_label(image), _size(image)),
        ]
    return values


def _land_text(record: AgencySettingsRecord, chosen: bool) -> str:
    name = BUNDESLAENDER.get(record.bundesland, "?")
    if not chosen:
        return f"{record.bundesland} ({name}; Voreinstellung, noch nicht gewählt)"
    return f"{record.bundesland} ({name})"


def _size(image: bytes | None) -> int | None:
    return len(image) if image else None


def _changed_input(
    record: AgencySettingsRecord, key: str, value: str, render_svg: SvgRenderer | None
) -> AgencySettingsInput:
    current = as_input(record)
    if key in TEXT_KEYS:
        return replace(current, **{key: value})
    if key == "bundesland":
        return replace(current, bundesland=bundesland_code(value))
    if key == "km_rate":
        return replace(current, km_rate=euro_amount(value))
    if key == "logo":
        logo = (
            read_image_file(Path(value), "logo_png", "Logo", render_svg) if value.strip() else None
        )
        return replace(current, logo_png=logo)
    parts = key.split(".")
    if len(parts) != 3 or parts[0] != "signatory" or parts[2] not in SIGNATORY_PARTS:
        raise _unknown(key)
    if not parts[1].isdigit() or not 1 <= int(parts[1]) <= MAX_SIGNATORIES:
        raise _unknown(key)
    return replace(
        current,
        signatories=_changed_signatories(record, int(parts[1]), parts[2], value, render_svg),
    )


def _changed_signatories(
    record: AgencySettingsRecord,
    number: int,
    part: str,
    value: str,
    render_svg: SvgRenderer | None,
) -> tuple[SignatoryInput, ...]:
    signatories = list(record.signatories)
    label = f"Unterschrift {number}"
    if number > len(signatories) + 1:
        message = f"Bitte zuerst signatory.{len(signatories) + 1}.name setzen."
        raise ValidationError([FieldError("key", label, message)])
    if number == len(signatories) + 1:
        if part != "name":
            message = f"Unterschrift {number} gibt es noch nicht: zuerst signatory.{number}.name."
            raise ValidationError([FieldError("key", label, message)])
        signatories.append(SignatoryInput(""))
    current = signatories[number - 1]
    if part == "name" and not value.strip():
        del signatories[number - 1]
    elif part == "name":
        signatories[number - 1] = replace(current, name=value)
    elif part == "function":
        signatories[number - 1] = replace(current, function=value)
    else:
        image = (
            read_image_file(Path(value), "signature", label, render_svg) if value.strip() else None
        )
        signatories[number - 1] = replace(current, signature_png=image)
    return tuple(signatories)


def set_setting(
    db: Database, key: str, value: str, *, render_svg: SvgRenderer | None = None
) -> SettingValue:
    """Set one key; everything is checked first, nothing is written on an error."""
    if key not in KEYS and not key.startswith("signatory."):
        raise _unknown(key)
    if key == "backup_folder":
        folder = checked_backup_folder(Path(value))
        set_backup_folder(folder)
    else:
        record = get_agency_settings(db)
        update_agency_settings(
            db, _changed_input(record, key, value, render_svg), expected_version=record.version
        )
    return next(v for v in setting_values(db) if v.key == key)
