"""Certificates of recognition, engagement statements and attendance certificates:
templates, choosing recipients, volunteer-card eligibility, numbered and verifiable PDFs,
and the register (verify, revoke, reissue)."""

from engagement_desk.services.certificates.batch import (
    IssueOptions,
    IssueResult,
    issue_certificates,
    preview_certificate,
)
from engagement_desk.services.certificates.compose import Period
from engagement_desk.services.certificates.content import (
    CertificateContent,
    canonical_json,
    content_from_json,
    content_hash,
)
from engagement_desk.services.certificates.eligibility import (
    RULES,
    EligibilityReport,
    EligibilityResult,
    EligibilityRule,
    Evaluation,
    eligibility,
    evaluate,
    rule_for,
    rule_ids,
    windows,
)
from engagement_desk.services.certificates.numbering import PREFIXES, format_code
from engagement_desk.services.certificates.placeholders import PLACEHOLDERS
from engagement_desk.services.certificates.qr import parse_qr_payload, qr_payload
from engagement_desk.services.certificates.records import IssuedCertificate
from engagement_desk.services.certificates.register import (
    Reissue,
    Verification,
    VerificationStatus,
    get_certificate,
    reissue_certificate,
    reprint_certificate,
    revoke_certificate,
    verify_certificate,
)
from engagement_desk.services.certificates.selection import (
    Candidate,
    Selection,
    SelectionResult,
    select_recipients,
)
from engagement_desk.services.certificates.templates import (
    DEFAULT_TEMPLATES,
    KIND_NAMES,
    TemplateInput,
    TemplateRecord,
    create_template,
    default_template,
    delete_template,
    ensure_default_templates,
    get_template,
    list_templates,
    update_template,
)

__all__ = [
    "DEFAULT_TEMPLATES",
    "KIND_NAMES",
    "PLACEHOLDERS",
    "PREFIXES",
    "RULES",
    "Candidate",
    "CertificateContent",
    "EligibilityReport",
    "EligibilityResult",
    "EligibilityRule",
    "Evaluation",
    "IssueOptions",
    "IssueResult",
    "IssuedCertificate",
    "Period",
    "Reissue",
    "Selection",
    "SelectionResult",
    "TemplateInput",
    "TemplateRecord",
    "Verification",
    "VerificationStatus",
    "canonical_json",
    "content_from_json",
    "content_hash",
    "create_template",
    "default_template",
    "delete_template",
    "eligibility",
    "ensure_default_templates",
    "evaluate",
    "format_code",
    "get_certificate",
    "get_template",
    "issue_certificates",
    "list_templates",
    "parse_qr_payload",
    "preview_certificate",
    "qr_payload",
    "reissue_certificate",
    "reprint_certificate",
    "revoke_certificate",
    "rule_for",
    "rule_ids",
    "select_recipients",
    "update_template",
    "verify_certificate",
    "windows",
]
