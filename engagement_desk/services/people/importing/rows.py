"""One row of an office's list → a ``PersonInput``, with a German message per bad cell."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from engagement_desk.models.enums import PersonStatus, Role
from engagement_desk.services.people.importing.columns import (
    HOUSE_NUMBER,
    ROLE_LABELS,
    STATUS_LABELS,
    recognise_role,
    recognise_status,
)
from engagement_desk.services.people.importing.reader import Cell, RawRow
from engagement_desk.services.people.persons import PersonInput, validate_person_input

DATE_FIELDS = frozenset({"birth_date", "engaged_since"})
LIST_FIELDS = frozenset({"interests", "skills", "languages"})

_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MIDNIGHT = re.compile(r"[ T]0?0:00(:00(\.0+)?)?$")
_LIST_SEPARATORS = re.compile(r"[;,\n]")
_SALUTATIONS = {"hr": "Herr", "herrn": "Herr", "fr": "Frau"}
# Excel turns a cell typed "=…" or "+…" into a formula unless it starts with
# an apostrophe; exports protect such values that way, so imports undo it.
_PROTECTED = re.compile(r"^'(?=[=+\-@])")


class CellError(ValueError):
    """A cell that cannot be read as what its column holds; the message is German."""


@dataclass(frozen=True)
class Problem:
    """A bad cell: the column's header and what is wrong."""

    column: str
    message: str


@dataclass(frozen=True)
class ConvertedRow:
    line: int
    person: PersonInput
    problems: tuple[Problem, ...] = field(default=())


@dataclass(frozen=True)
class Layout:
    """Which column positions feed which field, and what those columns are called."""

    columns: Mapping[str, tuple[int, ...]]
    headers: Sequence[str]

    @classmethod
    def build(cls, headers: Sequence[str], mapping: Mapping[str, str | None]) -> Layout:
        columns: dict[str, list[int]] = {}
        for index, header in enumerate(headers):
            if target := mapping.get(header):
                columns.setdefault(target, []).append(index)
        return cls({key: tuple(value) for key, value in columns.items()}, tuple(headers))

    def header_of(self, field_name: str) -> str:
        """The column a field's message names: the first one mapped to it ("" if none)."""
        if field_name == "street" and "street" not in self.columns:
            field_name = HOUSE_NUMBER
        positions = self.columns.get(field_name)
        return self.headers[positions[0]] if positions else ""


def convert_row(row: RawRow, layout: Layout, *, today: dt.date | None = None) -> ConvertedRow:
    """Read every mapped cell, then run the same checks as the person form."""
    today = today or dt.date.today()
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for field_name, positions in layout.columns.items():
        cells = [
            (layout.headers[i], row.cells[i] if i < len(row.cells) else None) for i in positions
        ]
        try:
            values[field_name] = _read_field(field_name, cells, today, problems)
        except CellError as exc:
            problems.append(Problem(layout.headers[positions[0]], str(exc)))
    house_number = str(values.pop(HOUSE_NUMBER, "") or "")
    if house_number:
        street = str(values.get("street", "") or "")
        if street:
            values["street"] = f"{street} {house_number}"
        else:
            problems.append(Problem(layout.header_of(HOUSE_NUMBER), "Hausnummer ohne Straße."))
    person = PersonInput(**{"last_name": "", **values})  # type: ignore[arg-type]
    failed = {p.column for p in problems}
    for error in validate_person_input(person):
        column = layout.header_of(error.field)
        if column not in failed or not column:
            problems.append(Problem(column, error.message))
    order = {header: index for index, header in enumerate(layout.headers)}
    problems.sort(key=lambda p: order.get(p.column, -1))
    return ConvertedRow(row.line, person, tuple(problems))


def _read_field(
    field_name: str, cells: list[tuple[str, Cell]], today: dt.date, problems: list[Problem]
) -> object:
    if field_name in DATE_FIELDS:
        return read_date(cells[0][1], today)
    if field_name == "roles":
        roles: set[Role] = set()
        for header, cell in cells:
            try:
                roles |= read_roles(cell)
            except CellError as exc:
                problems.append(Problem(header, str(exc)))
        return frozenset(roles)
    if field_name in LIST_FIELDS:
        return _unique(word for _, cell in cells for word in split_list(text_of(cell)))
    if field_name == "status":
        return read_status(cells[0][1])
    if field_name == "notes":
        return "\n".join(filter(None, (text_of(cell, keep_lines=True) for _, cell in cells)))
    cell = cells[0][1]
    text = text_of(cell)
    number = isinstance(cell, int | float) and not isinstance(cell, bool)
    if field_name == "postal_code" and number and len(text) == 4:
        return text.zfill(5)  # Excel drops the leading zero of 01067 stored as a number
    if field_name in {"phone", "mobile"} and number and text.isdigit():
        return "0" + text  # the same for a German number: every one starts with 0
    if field_name == "salutation":
        return _SALUTATIONS.get(text.casefold().rstrip("."), text)
    return text


def text_of(cell: Cell, *, keep_lines: bool = False) -> str:
    """A cell as the text a person sees in it."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "ja" if cell else "nein"
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, dt.datetime):
        cell = cell.date() if cell.time() == dt.time() else cell
        return f"{cell:%d.%m.%Y %H:%M}" if isinstance(cell, dt.datetime) else f"{cell:%d.%m.%Y}"
    if isinstance(cell, dt.date):
        return f"{cell:%d.%m.%Y}"
    if isinstance(cell, dt.time):
        return f"{cell:%H:%M}"
    text = _PROTECTED.sub("", str(cell))
    return text.strip() if keep_lines else " ".join(text.split())


def read_date(cell: Cell, today: dt.date) -> dt.date | None:
    """TT.MM.JJJJ, TT.MM.JJ, JJJJ-MM-TT or a real date cell; None when empty."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = text_of(cell)
    if not text:
        return None
    if not isinstance(cell, str):
        raise CellError(f"„{text}“ ist kein Datum (erwartet TT.MM.JJJJ).")
    compact = _MIDNIGHT.sub("", text).replace(" ", "")
    if match := _GERMAN_DATE.match(compact):
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:
            year = _full_year(year, day, month, today)
    elif match := _ISO_DATE.match(compact):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise CellError(f"„{text}“ ist kein Datum (erwartet TT.MM.JJJJ).")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(f"„{text}“ ist kein gültiges Datum.") from None


def _full_year(two_digits: int, day: int, month: int, today: dt.date) -> int:
    """The latest year ending in these digits that does not put the date in the future.

    Birth dates and "engaged since" both lie in the past: "03.04.41" is 1941,
    "01.01.05" is 2005.
    """
    year = today.year // 100 * 100 + two_digits
    try:
        in_future = dt.date(year, month, day) > today
    except ValueError:  # not a real date; the caller says so
        in_future = year > today.year
    return year - 100 if in_future else year


def read_roles(cell: Cell) -> set[Role]:
    roles = set()
    unknown = []
    for word in split_list(text_of(cell)):
        role = recognise_role(word)
        if role is None:
            unknown.append(word)
        else:
            roles.add(role)
    if unknown:
        names = ", ".join(f"„{word}“" for word in unknown)
        known = ", ".join(ROLE_LABELS.values())
        raise CellError(f"Unbekannte Rolle {names} (möglich: {known}).")
    return roles


def read_status(cell: Cell) -> PersonStatus:
    text = text_of(cell)
    if not text:
        return PersonStatus.ACTIVE
    status = recognise_status(text)
    if status is None:
        known = ", ".join(STATUS_LABELS.values())
        raise CellError(f"Unbekannter Status „{text}“ (möglich: {known}).")
    return status


def split_list(text: str) -> list[str]:
    """ "Lesen, Garten; Kochen" → ["Lesen", "Garten", "Kochen"]."""
    return [word for word in (" ".join(p.split()) for p in _LIST_SEPARATORS.split(text)) if word]


def _unique(words: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for word in words:
        seen.setdefault(word.casefold(), word)
    return tuple(seen.values())
