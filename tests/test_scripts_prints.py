"""Lists that print people's names (event sign-in list, badges) set names in Arabic,
Chinese and Devanagari in the embedded fallback fonts, not as empty boxes."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pypdfium2
from builders import add_person
from certificate_support import font_names, fonts_without_embedding

from engagement_desk.models.enums import EventKind
from engagement_desk.services.events.editing import create_event
from engagement_desk.services.events.prints import name_badges_pdf, signin_list_pdf
from engagement_desk.services.events.records import EventData
from engagement_desk.services.events.registrations import register

DAY = dt.datetime(2026, 9, 12, 9, 0)
NAMES = (("小明", "王"), ("محمد", "الأحمد"), ("अनन्या", "शर्मा"))


def page_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_event_lists_and_badges_print_names_in_every_script(db) -> None:
    event = create_event(
        db, EventData(EventKind.VOLUNTEER_DAY, "Freiwilligentag", DAY, DAY + dt.timedelta(hours=4))
    )
    for first, last in NAMES:
        register(db, event.id, person_id=add_person(db, first, last))

    for pdf in (signin_list_pdf(db, event.id), name_badges_pdf(db, event.id)):
        fonts = font_names(pdf)
        assert {"DroidSansFallback", "NotoSansDevanagari-Regular"} <= fonts
        # (the canvas's unused default Helvetica is listed by reportlab, as before)
        assert set(fonts_without_embedding(pdf)) <= {"/Helvetica"}
        text = page_text(pdf)
        assert "王" in text and "小明" in text
        assert "الأحمد" in text and "محمد" in text
        assert "\ufffd" not in text
