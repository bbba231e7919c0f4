"""Urkunden: the register of issued certificates (read-only)."""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from engagement_desk.models.enums import CertificateKind, CertificateStatus
from engagement_desk.services.certificates import (
    CERTIFICATE_COLUMNS,
    count_certificates,
    list_certificates,
)
from engagement_desk.ui.context import AppContext
from engagement_desk.ui.labels import labeller
from engagement_desk.ui.list_view import ListPanel, ListSpec, enum_filter

translate = QCoreApplication.translate


def create_certificates_tab(ctx: AppContext, parent: QWidget | None = None) -> ListPanel:
    spec = ListSpec(
        name="certificates",
        fetch=functools.partial(list_certificates, ctx.db),
        count=functools.partial(count_certificates, ctx.db),
        columns=CERTIFICATE_COLUMNS,
        accessible_name=lambda: translate("CertificatesTab", "Register of certificates"),
        search_placeholder=lambda: translate("CertificatesTab", "Search number or name …"),
        filters=(
            enum_filter(
                "kind",
                CertificateKind,
                lambda: translate("CertificatesTab", "Kind"),
                lambda: translate("CertificatesTab", "All kinds"),
            ),
            enum_filter(
                "status",
                CertificateStatus,
                lambda: translate("CertificatesTab", "Status"),
                lambda: translate("CertificatesTab", "All statuses"),
            ),
        ),
        value_labels={"kind": labeller(CertificateKind), "status": labeller(CertificateStatus)},
        column_widths={"number": 16, "kind": 26, "person": 28, "issued_on": 12, "status": 12},
        descending=True,
        empty_text=lambda: translate("CertificatesTab", "No certificates have been issued yet."),
    )
    return ListPanel(ctx, spec, parent)
