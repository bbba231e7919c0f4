"""What the Auswertung can be narrowed to: centres and ride services, by name."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from engagement_desk.db import Database
from engagement_desk.models import Center, RideService
from engagement_desk.services.errors import ServiceError
from engagement_desk.services.reports.period_report import ReportFilter


@dataclass(frozen=True)
class ReportChoices:
    """(id, name) of every centre and ride service, archived ones too (past years had them)."""

    centers: tuple[tuple[int, str], ...]
    ride_services: tuple[tuple[int, str], ...]


def report_choices(db: Database) -> ReportChoices:
    with db.read_session() as session:
        centers = session.execute(select(Center.id, Center.name).order_by(Center.name_key))
        centers = tuple((cid, name) for cid, name in centers)
        services = session.execute(
            select(RideService.id, RideService.name).order_by(RideService.name_key)
        )
        return ReportChoices(centers, tuple((sid, name) for sid, name in services))


def report_filter_by_names(
    db: Database, center_name: str | None = None, ride_service_name: str | None = None
) -> ReportFilter:
    """A filter for the names as typed (case does not matter); a German ServiceError if unknown."""
    center = service = None
    with db.read_session() as session:
        if center_name:
            center = session.execute(
                select(Center.id, Center.name).where(
                    func.lower(Center.name) == center_name.strip().lower()
                )
            ).first()
            if center is None:
                raise ServiceError(f"Engagement-Zentrum „{center_name}“ gibt es nicht.")
        if ride_service_name:
            service = session.execute(
                select(RideService.id, RideService.name).where(
                    func.lower(RideService.name) == ride_service_name.strip().lower()
                )
            ).first()
            if service is None:
                raise ServiceError(f"Fahrdienst „{ride_service_name}“ gibt es nicht.")
    return ReportFilter(
        center_id=center.id if center else None,
        ride_service_id=service.id if service else None,
        center_name=center.name if center else "",
        ride_service_name=service.name if service else "",
    )
