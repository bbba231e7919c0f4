"""The frame of an interchange file: its name, its format version, and the
hook through which files of an older format version are brought up to date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engagement_desk.services.errors import ServiceError
from engagement_desk.services.interchange.messages import MAX_SHOWN, show

FORMAT_NAME = "engagement-desk-interchange"
FORMAT_VERSION = 1

Document = dict[str, Any]


class InterchangeError(ServiceError):
    """The file cannot be exported or imported; the message names the first problem."""


# Converters from format version n to n + 1, applied in turn to an older file
# before it is validated. Add one here whenever FORMAT_VERSION is raised (see
# "Versioning" in docs/interchange.md); version 1 is the first, so none yet.
UPGRADES: dict[int, Callable[[Document], Document]] = {}


def check_envelope(document: Any) -> Document:
    """Refuse what is not an interchange file this program can read; upgrade older versions."""
    if not isinstance(document, dict):
        raise InterchangeError(
            "Die Datei ist keine Engagement-Desk-Austauschdatei (kein JSON-Objekt)."
        )
    if "format" not in document:
        raise InterchangeError(
            'Die Datei ist keine Engagement-Desk-Austauschdatei (Feld "format" fehlt).'
        )
    if document["format"] != FORMAT_NAME:
        raise InterchangeError(
            "Die Datei ist keine Engagement-Desk-Austauschdatei "
            f'("format" ist {_shown(document["format"])} statt {_shown(FORMAT_NAME)}).'
        )
    version = document.get("format_version")
    if type(version) is not int:
        shown = "fehlt" if version is None else f"ist {_shown(version)}"
        raise InterchangeError(f'Das Feld "format_version" muss eine ganze Zahl sein, {shown}.')
    if version > FORMAT_VERSION:
        raise InterchangeError(
            f"Die Datei hat das Austauschformat Version {_shown(version)}; dieses Programm kennt "
            f"höchstens Version {FORMAT_VERSION}. Bitte Engagement Desk aktualisieren."
        )
    while version < FORMAT_VERSION:
        upgrade = UPGRADES.get(version)
        if upgrade is None:
            raise InterchangeError(
                f"Die Datei hat das Austauschformat Version {version}, "
                "das dieses Programm nicht lesen kann."
            )
        version += 1
        document = {**upgrade(document), "format_version": version}
    return document


def _shown(value: Any) -> str:
    """Python's repr, as these messages always showed, for a short value; else ``show``:
    a value from the file may be nested too deep for ``repr`` or be megabytes long."""
    if value is None or isinstance(value, bool | float):
        return repr(value)
    if isinstance(value, int | str) and len(str(value)) <= MAX_SHOWN:
        return repr(value)
    return show(value)
