"""The hours ledger: typed entries, the fast-entry grid, plausibility warnings and totals."""

from engagement_desk.services.hours.corrections import (
    HoursCorrectionRecord,
    check_correction,
    correct_hours_entry,
    delete_hours_entry,
    list_hours_corrections,
)
from engagement_desk.services.hours.derived import SyncResult, credit_event_hours
from engagement_desk.services.hours.entries import add_hours, delete_hours, get_hours, update_hours
from engagement_desk.services.hours.grid import save_hours_grid, split_row_field
from engagement_desk.services.hours.listing import (
    HOURS_COLUMNS,
    count_hours,
    list_hours,
    list_hours_records,
)
from engagement_desk.services.hours.parsing import format_hours, parse_date, parse_hours
from engagement_desk.services.hours.plausibility import DAY_LIMIT, check_hours
from engagement_desk.services.hours.records import (
    GridRow,
    HoursInput,
    HoursRecord,
    HoursSaveResult,
    HoursWarning,
    WarningKind,
)
from engagement_desk.services.hours.totals import GROUPS, HoursTotal, hours_totals

__all__ = [
    "DAY_LIMIT",
    "GROUPS",
    "HOURS_COLUMNS",
    "GridRow",
    "HoursCorrectionRecord",
    "HoursInput",
    "HoursRecord",
    "HoursSaveResult",
    "HoursTotal",
    "HoursWarning",
    "SyncResult",
    "WarningKind",
    "add_hours",
    "check_correction",
    "check_hours",
    "correct_hours_entry",
    "count_hours",
    "credit_event_hours",
    "delete_hours",
    "delete_hours_entry",
    "format_hours",
    "get_hours",
    "hours_totals",
    "list_hours",
    "list_hours_corrections",
    "list_hours_records",
    "parse_date",
    "parse_hours",
    "save_hours_grid",
    "split_row_field",
    "update_hours",
]
