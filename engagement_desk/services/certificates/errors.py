"""Shorthand for the one-field validation errors the certificate services raise."""

from __future__ import annotations

from engagement_desk.services.errors import FieldError, ValidationError


def invalid(field: str, label: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, label, message)])
