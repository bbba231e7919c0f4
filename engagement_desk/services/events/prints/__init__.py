"""Event prints on A4 with DejaVu embedded: sign-in list, helper shift plan, name badges.

Each ``*_pdf(db, event_id)`` returns the PDF bytes; ``load_roster`` is what they print.
Only names, roles, organizations and stands are printed: no phone numbers, addresses
or notes, since these sheets lie on a table at the entrance.
"""

from engagement_desk.services.events.prints.badges import BADGES_PER_PAGE, name_badges_pdf
from engagement_desk.services.events.prints.lists import shift_plan_pdf, signin_list_pdf
from engagement_desk.services.events.prints.roster import Attendee, Roster, load_roster

__all__ = [
    "BADGES_PER_PAGE",
    "Attendee",
    "Roster",
    "load_roster",
    "name_badges_pdf",
    "shift_plan_pdf",
    "signin_list_pdf",
]
