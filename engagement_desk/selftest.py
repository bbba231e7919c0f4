"""Selbsttest: does this installation work? Every check does the real thing once.

``engagement-desk --self-test`` and *Hilfe ▸ Selbsttest* run the same checks:
a temporary database is created and migrated, a record written and read back,
one page of every PDF the program prints rendered with the shipped fonts, a
QR code made and decoded, the translations loaded, and the log, data and
backup folders written to. Each check gives one line; nothing touches the
office's database. A frozen bundle that misses a module or a data file fails
here instead of in the middle of someone's work.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engagement_desk.db import Database

log = logging.getLogger(__name__)

TEST_NAME = ("Selbsttest", "Ärztin Çelik-Łukasz")


class CheckFailed(Exception):
    """A check ran but found the wrong thing; the message says what."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    reason: str = ""

    @property
    def line(self) -> str:
        return f"OK  {self.name}" if self.ok else f"FEHLER  {self.name}: {self.reason}"


@dataclass
class Scratch:
    """What the checks share: a temporary folder and, once made, its database."""

    folder: Path
    db: Database | None = None
    person_id: int = 0
    event_id: int = 0

    def database(self) -> Database:
        if self.db is None:
            raise CheckFailed("keine Testdatenbank (die erste Prüfung ist fehlgeschlagen)")
        return self.db


Check = Callable[[Scratch], None]


# -- database --------------------------------------------------------------------------


def check_database(scratch: Scratch) -> None:
    from engagement_desk import migrator
    from engagement_desk.services.opening import Purpose, open_database

    scratch.db = open_database(scratch.folder / "selbsttest.sqlite3", Purpose.CREATE)
    revision = migrator.stored_revision(scratch.db)
    if revision != migrator.head_revision():
        raise CheckFailed(f"Schema-Version {revision} statt {migrator.head_revision()}")


def check_record(scratch: Scratch) -> None:
    from engagement_desk.models.enums import EventKind, Role
    from engagement_desk.services.events.editing import create_event
    from engagement_desk.services.events.records import EventData
    from engagement_desk.services.people.persons import PersonInput, create_person, get_person

    db = scratch.database()
    last, first = TEST_NAME
    created = create_person(
        db, PersonInput(last_name=last, first_name=first, roles=frozenset({Role.DRIVER}))
    )
    read = get_person(db, created.id)
    if (read.last_name, read.first_name) != TEST_NAME:
        raise CheckFailed(f"gelesen „{read.first_name} {read.last_name}“")
    scratch.person_id = read.id
    start = dt.datetime.combine(dt.date.today(), dt.time(10))
    event = EventData(
        kind=EventKind.WORKSHOP,
        title="Selbsttest-Werkstatt",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        place="Rathaus",
    )
    scratch.event_id = create_event(db, event).id


# -- prints ----------------------------------------------------------------------------


def _is_pdf_with_fonts(data: bytes) -> None:
    if not data.startswith(b"%PDF-"):
        raise CheckFailed("keine PDF-Datei")
    if b"DejaVu" not in data:
        raise CheckFailed("die mitgelieferten Schriften (DejaVu) sind nicht eingebettet")


def _certificate(kind_name: str) -> Check:
    def check(scratch: Scratch) -> None:
        from engagement_desk.models.enums import CertificateKind
        from engagement_desk.services.certificates import Selection, preview_certificate

        kind = CertificateKind(kind_name)
        attendance = kind is CertificateKind.ATTENDANCE
        selection = Selection(event_id=scratch.event_id) if attendance else None
        db = scratch.database()
        _is_pdf_with_fonts(preview_certificate(db, kind, scratch.person_id, selection))

    return check


def check_run_sheet(scratch: Scratch) -> None:
    from engagement_desk.services.rides.prints.run_sheet import load_run_sheet, render_run_sheet

    sheet = load_run_sheet(scratch.database(), scratch.person_id, dt.date.today())
    _is_pdf_with_fonts(render_run_sheet(sheet))


def check_call_list(scratch: Scratch) -> None:
    from engagement_desk.services.rides.prints.call_list import load_call_list, render_call_list

    _is_pdf_with_fonts(render_call_list(load_call_list(scratch.database(), dt.date.today())))


def check_km_summary(scratch: Scratch) -> None:
    from engagement_desk.services.rides.prints.km_summary import (
        load_km_summary,
        render_km_summary,
    )

    today = dt.date.today()
    summary = load_km_summary(scratch.database(), today.year, today.month)
    _is_pdf_with_fonts(render_km_summary(summary))


def _event_print(name: str) -> Check:
    def check(scratch: Scratch) -> None:
        from engagement_desk.services.events import prints

        render = getattr(prints, name)
        _is_pdf_with_fonts(render(scratch.database(), scratch.event_id))

    return check


def check_access_letter(scratch: Scratch) -> None:
    from engagement_desk.services.privacy.access import access_report
    from engagement_desk.services.privacy.access_letter import render_letter

    _is_pdf_with_fonts(render_letter(access_report(scratch.database(), scratch.person_id)))


# -- solvers ---------------------------------------------------------------------------


SCRIPT_NAMES = ("محمد الأحمد", "王小明", "अनन्या शर्मा", "김민준", "שרה לוי")
# DejaVu itself has Arabic and Hebrew; Chinese, Korean and Devanagari need fallbacks.
SCRIPT_FONTS = ("DroidSansFallback", "NotoSansDevanagari")


def check_scripts(_scratch: Scratch) -> None:
    """Names in Arabic, CJK, Devanagari and Hebrew: fonts found, shaped, embedded."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    from engagement_desk.services.printing.fonts import register_fonts
    from engagement_desk.services.printing.scripts import draw_string, unprintable

    missing = "".join(unprintable(name) for name in SCRIPT_NAMES)
    if missing:
        raise CheckFailed(f"keine mitgelieferte Schrift für „{missing}“")
    fonts = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(fonts.sans, 12)
    for line, name in enumerate(SCRIPT_NAMES):
        draw_string(canvas, 72, 720 - 20 * line, name, fonts.sans, 12)
    canvas.save()
    data = buffer.getvalue()
    absent = [font for font in SCRIPT_FONTS if font.encode() not in data]
    if absent:
        raise CheckFailed(f"nicht eingebettet: {', '.join(absent)}")


def check_solvers(_scratch: Scratch) -> None:
    """The two OR-Tools solvers ride planning uses (CP-SAT, GLOP), each on a tiny problem."""
    from ortools.linear_solver import pywraplp
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    x = model.new_int_var(0, 10, "x")
    model.add(x * 3 >= 7)
    model.minimize(x)
    solver = cp_model.CpSolver()
    if solver.solve(model) != cp_model.OPTIMAL or solver.value(x) != 3:
        raise CheckFailed("CP-SAT findet die Lösung einer Testaufgabe nicht")
    lp = pywraplp.Solver.CreateSolver("GLOP")
    if lp is None:
        raise CheckFailed("der Löser GLOP fehlt")
    y = lp.NumVar(0, 10, "y")
    lp.Add(2 * y >= 5)
    lp.Minimize(y)
    if lp.Solve() != pywraplp.Solver.OPTIMAL or abs(y.solution_value() - 2.5) > 1e-6:
        raise CheckFailed("GLOP findet die Lösung einer Testaufgabe nicht")


# -- QR code, translations, folders ----------------------------------------------------


def check_qr_code(scratch: Scratch) -> None:
    """A certificate issued into the register, its page rendered as the window's preview
    renders it (QtPdf), the QR code read back (ZXing) and verified against the register."""
    from engagement_desk.models.enums import CertificateKind
    from engagement_desk.services.certificates import (
        Selection,
        VerificationStatus,
        issue_certificates,
        verify_certificate,
    )

    db = scratch.database()
    pdf = scratch.folder / "urkunde.pdf"
    selection = Selection(person_ids=(scratch.person_id,))
    issued = issue_certificates(db, CertificateKind.RECOGNITION, selection, single_file=pdf)
    found = read_qr_codes(pdf.read_bytes())
    if len(found) != 1:
        raise CheckFailed(f"{len(found)} QR-Codes auf der Urkunde gelesen statt einem")
    verification = verify_certificate(db, found[0])
    number = issued.certificates[0].number
    if verification.status is not VerificationStatus.VALID or verification.number != number:
        raise CheckFailed(f"gelesen „{found[0]}“, das Register sagt: {verification.message}")


def read_qr_codes(pdf: bytes, dpi: int = 200) -> list[str]:
    """The QR codes on the first page of ``pdf``, rendered on white."""
    import zxingcpp
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtGui import QImage
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(None)
    try:
        document.load(buffer)
        if document.status() is not QPdfDocument.Status.Ready:
            raise CheckFailed(f"QtPdf kann die Urkunde nicht öffnen ({document.error().name})")
        points = document.pagePointSize(0)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        page = document.render(0, size).convertToFormat(QImage.Format.Format_RGBA8888)
    finally:
        document.close()
    pixels = bytes(page.constBits())[: page.sizeInBytes()]
    rgba = Image.frombuffer(
        "RGBA", (page.width(), page.height()), pixels, "raw", "RGBA", page.bytesPerLine(), 1
    )
    image = Image.new("RGB", rgba.size, "white")
    image.paste(rgba, mask=rgba.getchannel("A"))
    return [result.text for result in zxingcpp.read_barcodes(image)]


def check_translations(_scratch: Scratch) -> None:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from engagement_desk.ui.i18n import translation_file

    ours = QTranslator()
    if not ours.load(translation_file("de")):
        raise CheckFailed(f"{translation_file('de')} lässt sich nicht laden")
    if ours.translate("MainWindow", "&File") != "&Datei":
        raise CheckFailed("die deutsche Übersetzung fehlt im Katalog")
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not qt.load("qtbase_de", qt_dir):
        raise CheckFailed(f"Qts eigene Übersetzung (qtbase_de) fehlt in {qt_dir}")


def _writable(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    probe = folder / f".selbsttest-{uuid.uuid4().hex}"
    try:
        probe.write_bytes(b"ok")
        if probe.read_bytes() != b"ok":
            raise CheckFailed(f"{folder}: gelesen ist nicht, was geschrieben wurde")
    finally:
        probe.unlink(missing_ok=True)


def check_log_folder(_scratch: Scratch) -> None:
    from engagement_desk.logfile import active_log_path, default_log_path

    _writable((active_log_path() or default_log_path()).parent)


def check_data_folder(_scratch: Scratch) -> None:
    from engagement_desk.paths import data_dir

    _writable(data_dir())


def check_backup_folder(_scratch: Scratch) -> None:
    from engagement_desk.services.backup import backup_folder

    _writable(backup_folder())


CHECKS: tuple[tuple[str, Check], ...] = (
    ("Testdatenbank anlegen und Schema migrieren", check_database),
    ("Datensatz schreiben und lesen", check_record),
    ("PDF Urkunde", _certificate("recognition")),
    ("PDF Engagementnachweis", _certificate("statement")),
    ("PDF Teilnahmebescheinigung", _certificate("attendance")),
    ("PDF Laufzettel", check_run_sheet),
    ("PDF Anrufliste", check_call_list),
    ("PDF Kilometerabrechnung", check_km_summary),
    ("PDF Anmeldeliste", _event_print("signin_list_pdf")),
    ("PDF Helferplan", _event_print("shift_plan_pdf")),
    ("PDF Namensschilder", _event_print("name_badges_pdf")),
    ("PDF Auskunft (Art. 15 DSGVO)", check_access_letter),
    ("Namen in jeder Schrift (Arabisch, Chinesisch, Devanagari …)", check_scripts),
    ("Fahrtenplanung: Optimierer (OR-Tools)", check_solvers),
    ("Urkunde ausstellen, QR-Code lesen und im Register prüfen", check_qr_code),
    ("Übersetzungen laden", check_translations),
    ("Protokollordner beschreibbar", check_log_folder),
    ("Datenordner beschreibbar", check_data_folder),
    ("Sicherungsordner erreichbar", check_backup_folder),
)


def _reason(error: Exception) -> str:
    from engagement_desk.failures import report

    if isinstance(error, CheckFailed):
        return str(error)
    failure = report(error, context="self-test")
    if failure.is_bug:  # the traceback is in the log; the line names what broke
        return f"{type(error).__name__}: {error}"
    return failure.message


@contextmanager
def _scratch() -> Iterator[Scratch]:
    with tempfile.TemporaryDirectory(prefix="engagement-desk-selbsttest-") as folder:
        scratch = Scratch(Path(folder))
        try:
            yield scratch
        finally:
            if scratch.db is not None:
                scratch.db.dispose()


def run_checks(
    on_result: Callable[[CheckResult], None] | None = None,
    checks: tuple[tuple[str, Check], ...] | None = None,
) -> tuple[CheckResult, ...]:
    """Run every check (each one even if an earlier failed); ``on_result`` hears each."""
    results = []
    with _scratch() as scratch:
        for name, check in CHECKS if checks is None else checks:
            try:
                check(scratch)
                result = CheckResult(name, True)
            except Exception as error:
                result = CheckResult(name, False, " ".join(_reason(error).split()))
            log.info("Self-test: %s", result.line)
            results.append(result)
            if on_result is not None:
                on_result(result)
    return tuple(results)


def run_from_command_line() -> int:
    """Print one line per check; 0 if all passed, 1 otherwise."""
    results = run_checks(lambda result: print(result.line, flush=True))
    failed = sum(not result.ok for result in results)
    if failed:
        print(f"Selbsttest: {failed} von {len(results)} Prüfungen fehlgeschlagen.", flush=True)
        return 1
    print(f"Selbsttest: alle {len(results)} Prüfungen bestanden.", flush=True)
    return 0
