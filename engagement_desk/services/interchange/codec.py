"""How a column's values are written in the interchange file and read back.

One codec per family of SQLAlchemy column types, chosen by ``codec_for(column)``.
A codec gives the JSON Schema of a non-null value, encodes a database value to
JSON, decodes JSON back (strictly: a value that is not exactly in the written
form raises ``ValueError``), says in German what a refused value is not, and
names its encoding for the documentation.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    LargeBinary,
    Numeric,
    SmallInteger,
    String,
    Time,
    TypeDecorator,
)

from engagement_desk.models.base import UTCDateTime

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$"
LOCAL_DATE_TIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$"
UTC_DATE_TIME_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"
BASE64_PATTERN = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"

# JSON Schema patterns are searched, and Python's "$" also matches before a
# final newline; decoding therefore matches the whole text once more.
_DATE = re.compile(DATE_PATTERN[1:-1])
_TIME = re.compile(TIME_PATTERN[1:-1])
_LOCAL_DATE_TIME = re.compile(LOCAL_DATE_TIME_PATTERN[1:-1])
_UTC_DATE_TIME = re.compile(UTC_DATE_TIME_PATTERN[1:-1])
_BASE64 = re.compile(BASE64_PATTERN[1:-1])

JSON = None | bool | int | float | str | list[Any] | dict[str, Any]


def _whole(pattern: re.Pattern[str], value: Any) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ValueError(f"not in the interchange form: {value!r}")
    return value


def parse_date(value: Any) -> dt.date:
    return dt.date.fromisoformat(_whole(_DATE, value))


def parse_local_date_time(value: Any) -> dt.datetime:
    return dt.datetime.fromisoformat(_whole(_LOCAL_DATE_TIME, value))


def parse_utc_date_time(value: Any) -> dt.datetime:
    naive = dt.datetime.fromisoformat(_whole(_UTC_DATE_TIME, value)[:-1])
    return naive.replace(tzinfo=dt.UTC)


class Codec(ABC):
    """The file form of one column's values."""

    @abstractmethod
    def schema(self) -> dict[str, Any]:
        """JSON Schema of a non-null value."""

    @abstractmethod
    def refusal(self) -> str:
        """German predicate for a refused value: "'x' <refusal>"."""

    @abstractmethod
    def doc_type(self) -> str:
        """The encoding, as the documentation names it (Markdown)."""

    def encode(self, value: Any) -> JSON:
        return value

    def decode(self, value: JSON) -> Any:
        return value


@dataclass(frozen=True)
class TextCodec(Codec):
    max_length: int | None

    def schema(self) -> dict[str, Any]:
        if self.max_length is None:
            return {"type": "string"}
        return {"type": "string", "maxLength": self.max_length}

    def refusal(self) -> str:
        return "ist kein Text"

    def doc_type(self) -> str:
        return f"string, ≤ {self.max_length} characters" if self.max_length else "string"

    def encode(self, value: Any) -> JSON:
        return str(value)


@dataclass(frozen=True)
class IntegerCodec(Codec):
    minimum: int
    maximum: int

    def schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}

    def refusal(self) -> str:
        return "ist keine ganze Zahl"

    def doc_type(self) -> str:
        return "integer"

    def encode(self, value: Any) -> JSON:
        return int(value)

    def decode(self, value: JSON) -> Any:
        # JSON Schema counts 3.0 as an integer; the database wants 3.
        return int(value)  # type: ignore[arg-type]


class BooleanCodec(Codec):
    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}

    def refusal(self) -> str:
        return "ist kein Wahrheitswert (true oder false)"

    def doc_type(self) -> str:
        return "boolean"

    def encode(self, value: Any) -> JSON:
        return bool(value)


@dataclass(frozen=True)
class EnumCodec(Codec):
    values: tuple[str, ...]
    enum_class: type[enum.Enum] | None

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.values)}

    def refusal(self) -> str:
        return f"ist kein erlaubter Wert (erlaubt: {', '.join(self.values)})"

    def doc_type(self) -> str:
        return "one of " + ", ".join(f"`{value}`" for value in self.values)

    def encode(self, value: Any) -> JSON:
        return value.value if isinstance(value, enum.Enum) else str(value)

    def decode(self, value: JSON) -> Any:
        return self.enum_class(value) if self.enum_class is not None else value


@dataclass(frozen=True)
class DecimalCodec(Codec):
    precision: int
    scale: int

    @property
    def pattern(self) -> str:
        whole = f"[0-9]{{1,{max(self.precision - self.scale, 1)}}}"
        fraction = f"\\.[0-9]{{{self.scale}}}" if self.scale else ""
        return f"^-?{whole}{fraction}$"

    def example(self) -> str:
        return "2" if self.scale == 0 else "2." + "5".ljust(self.scale, "0")

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": self.pattern}

    def refusal(self) -> str:
        if self.scale == 0:
            return f"ist keine ganze Zahl mit höchstens {self.precision} Stellen (als Text)"
        return (
            f"ist keine Dezimalzahl mit höchstens {self.precision - self.scale} Stellen vor "
            f"dem Punkt und genau {self.scale} danach (z. B. {self.example()})"
        )

    def doc_type(self) -> str:
        return (
            f"decimal as string, exactly {self.scale} decimal places, at most "
            f'{self.precision - self.scale} digits before the point, e.g. `"{self.example()}"`'
        )

    def encode(self, value: Any) -> JSON:
        exact = Decimal(value).quantize(Decimal(1).scaleb(-self.scale))
        return format(exact.copy_abs() if exact.is_zero() else exact, "f")

    def decode(self, value: JSON) -> Any:
        return Decimal(_whole(re.compile(self.pattern[1:-1]), value))


class DateCodec(Codec):
    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}

    def refusal(self) -> str:
        return "ist kein gültiges Datum"

    def doc_type(self) -> str:
        return "date `YYYY-MM-DD`"

    def encode(self, value: Any) -> JSON:
        return value.isoformat()

    def decode(self, value: JSON) -> Any:
        return parse_date(value)


class TimeCodec(Codec):
    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": TIME_PATTERN}

    def refusal(self) -> str:
        return "ist keine gültige Uhrzeit (HH:MM:SS)"

    def doc_type(self) -> str:
        return "local time `HH:MM:SS`"

    def encode(self, value: Any) -> JSON:
        return value.isoformat(timespec="seconds")

    def decode(self, value: JSON) -> Any:
        return dt.time.fromisoformat(_whole(_TIME, value))


class LocalDateTimeCodec(Codec):
    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "local-date-time", "pattern": LOCAL_DATE_TIME_PATTERN}

    def refusal(self) -> str:
        return "ist kein gültiger Zeitpunkt (JJJJ-MM-TTTHH:MM:SS, Ortszeit)"

    def doc_type(self) -> str:
        return "local wall-clock time `YYYY-MM-DDTHH:MM:SS` (no zone)"

    def encode(self, value: Any) -> JSON:
        return value.isoformat(timespec="seconds")

    def decode(self, value: JSON) -> Any:
        return parse_local_date_time(value)


class UtcDateTimeCodec(Codec):
    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date-time", "pattern": UTC_DATE_TIME_PATTERN}

    def refusal(self) -> str:
        return "ist kein gültiger UTC-Zeitpunkt (JJJJ-MM-TTTHH:MM:SSZ)"

    def doc_type(self) -> str:
        return "point in time in UTC, `YYYY-MM-DDTHH:MM:SSZ`"

    def encode(self, value: Any) -> JSON:
        utc = value.astimezone(dt.UTC).replace(tzinfo=None)
        return utc.isoformat(timespec="seconds") + "Z"

    def decode(self, value: JSON) -> Any:
        return parse_utc_date_time(value)


class BinaryCodec(Codec):
    def schema(self) -> dict[str, Any]:
        return {"type": "string", "contentEncoding": "base64", "pattern": BASE64_PATTERN}

    def refusal(self) -> str:
        return "ist kein gültiges Base64"

    def doc_type(self) -> str:
        return "bytes as base64 string (RFC 4648)"

    def encode(self, value: Any) -> JSON:
        return base64.b64encode(bytes(value)).decode("ascii")

    def decode(self, value: JSON) -> Any:
        return base64.b64decode(_whole(_BASE64, value), validate=True)


_INTEGER_RANGES: tuple[tuple[type[Integer], int], ...] = (
    (BigInteger, 64),
    (SmallInteger, 16),
    (Integer, 32),
)


@cache
def codec_for(column: Column[Any]) -> Codec:
    """The codec for a column, by its SQLAlchemy type."""
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return UtcDateTimeCodec()
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, Enum):
        return EnumCodec(tuple(kind.enums), kind.enum_class)
    if isinstance(kind, Boolean):
        return BooleanCodec()
    for integer_type, bits in _INTEGER_RANGES:
        if isinstance(kind, integer_type):
            return IntegerCodec(-(2 ** (bits - 1)), 2 ** (bits - 1) - 1)
    if isinstance(kind, Numeric) and not isinstance(kind, Float) and kind.precision is not None:
        return DecimalCodec(kind.precision, kind.scale or 0)
    if isinstance(kind, DateTime):
        return UtcDateTimeCodec() if kind.timezone else LocalDateTimeCodec()
    if isinstance(kind, Date):
        return DateCodec()
    if isinstance(kind, Time):
        return TimeCodec()
    if isinstance(kind, LargeBinary):
        return BinaryCodec()
    if isinstance(kind, String):
        return TextCodec(kind.length)
    raise TypeError(
        f"column {column.table.name}.{column.name}: type {column.type!r} has no "
        "interchange encoding; add a codec in services/interchange/codec.py"
    )
