"""Errors a service raises for the person at the keyboard; messages are German."""

from __future__ import annotations

from dataclasses import dataclass


class ServiceError(Exception):
    """Something the user can understand and fix; ``str(error)`` is the message."""


@dataclass(frozen=True)
class FieldError:
    field: str
    label: str
    message: str

    def __str__(self) -> str:
        return f"{self.label}: {self.message}"


class ValidationError(ServiceError):
    """Input was rejected; nothing was written. ``errors`` names every bad field."""

    def __init__(self, errors: list[FieldError]):
        if not errors:
            raise ValueError("ValidationError needs at least one FieldError")
        self.errors = tuple(errors)
        super().__init__("; ".join(str(e) for e in self.errors))

    @property
    def first(self) -> FieldError:
        return self.errors[0]

    def for_field(self, field: str) -> FieldError | None:
        return next((e for e in self.errors if e.field == field), None)


class NotFoundError(ServiceError):
    """The record does not exist (any more)."""


class ConflictError(ServiceError):
    """Someone else changed the record since it was opened; nothing was written."""


class Cancelled(ServiceError):
    """The user cancelled a long operation; nothing was written."""

    def __init__(self, message: str = "Abgebrochen; es wurde nichts geändert."):
        super().__init__(message)
