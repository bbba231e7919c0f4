"""The schema: SQLAlchemy mapped classes. No Qt, no services."""

from engagement_desk.models.audit import AuditEntry
from engagement_desk.models.base import HEALTH_DATA, Base
from engagement_desk.models.certificates import Certificate, CertificateTemplate
from engagement_desk.models.enums import *  # noqa: F403
from engagement_desk.models.events import Event, EventQuestion, Registration, Shift
from engagement_desk.models.hours import HoursCorrection, HoursEntry, HoursYearTotal
from engagement_desk.models.letters import LetterTemplate, SavedFilter
from engagement_desk.models.organizations import (
    Center,
    Opportunity,
    OpportunitySkill,
    Organization,
    OrganizationContact,
    Placement,
    PlacementStep,
    organization_center,
)
from engagement_desk.models.people import (
    Absence,
    Availability,
    Consent,
    ConsentEvent,
    MobilityNeeds,
    Person,
    PersonRole,
    PersonTag,
)
from engagement_desk.models.report_totals import HoursMonthTotal
from engagement_desk.models.rides import (
    DriverPreference,
    DriverProfile,
    Ride,
    RidePassenger,
    RideService,
    StandbyDriver,
    StandingOrder,
    StandingOrderPause,
    Vehicle,
)
from engagement_desk.models.settings import AgencySettings, Signatory
from engagement_desk.models.staff import StaffMember

metadata = Base.metadata

__all__ = [
    "HEALTH_DATA",
    "Absence",
    "AgencySettings",
    "AuditEntry",
    "Availability",
    "Base",
    "Center",
    "Certificate",
    "CertificateTemplate",
    "Consent",
    "ConsentEvent",
    "DriverPreference",
    "DriverProfile",
    "Event",
    "EventQuestion",
    "HoursCorrection",
    "HoursEntry",
    "HoursMonthTotal",
    "HoursYearTotal",
    "LetterTemplate",
    "MobilityNeeds",
    "Opportunity",
    "OpportunitySkill",
    "Organization",
    "OrganizationContact",
    "Person",
    "PersonRole",
    "PersonTag",
    "Placement",
    "PlacementStep",
    "Registration",
    "Ride",
    "RidePassenger",
    "RideService",
    "SavedFilter",
    "Shift",
    "Signatory",
    "StaffMember",
    "StandbyDriver",
    "StandingOrder",
    "StandingOrderPause",
    "Vehicle",
    "metadata",
    "organization_center",
]
