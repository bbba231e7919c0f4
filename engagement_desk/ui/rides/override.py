"""The dispatcher's override: the question that lists every rule a manual assignment breaks."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from engagement_desk.services.rides.assignment import RuleWarning

translate = QCoreApplication.translate


def override_question(driver_name: str, warnings: Sequence[RuleWarning]) -> str:
    """'Assigning X breaks these rules: • … Assign anyway?' with every German rule text."""
    head = translate("RideOverride", "Giving this ride to %1 breaks these rules:").replace(
        "%1", driver_name
    )
    bullets = "\n".join(f"• {w.message}" for w in warnings)
    tail = translate("RideOverride", "Assign anyway? The ride is then kept when replanning.")
    return f"{head}\n\n{bullets}\n\n{tail}"


def override_title() -> str:
    return translate("RideOverride", "Assign driver by hand")
