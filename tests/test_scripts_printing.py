"""Names in every script on a page: the font chosen per character has a real glyph for it,
Arabic is joined and set right to left, Devanagari forms its conjuncts, and text no
shipped font covers is reported instead of printed as empty boxes."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from engagement_desk.services.printing.fonts import FONTS, register_fonts
from engagement_desk.services.printing.scripts import (
    draw_string,
    layout,
    paragraph_markup,
    text_width,
    unprintable,
)

BASE = FONTS.serif_bold  # a name: bold cuts of the fallbacks where there are any
NAMES = {
    "arabic": ("محمد الأحمد", "NotoSansArabic-Bold"),
    "chinese": ("王小明", "DroidSansFallback"),
    "japanese": ("山田 はなこ", "DroidSansFallback"),
    "korean": ("김민준", "DroidSansFallback"),
    "devanagari": ("अनन्या शर्मा", "NotoSansDevanagari-Bold"),
    "hebrew": ("שרה כהן", "NotoSansHebrew-Bold"),
    "thai": ("สมชาย ใจดี", "NotoSansThai"),
    "tamil": ("அருண் குமார்", "NotoSansTamil"),
    "ethiopic": ("አበበ ቢቂላ", "NotoSansEthiopic"),
}


def glyph_ids(font: str, text: str) -> list[int]:
    cmap = pdfmetrics.getFont(font).face.charToGlyph
    return [cmap.get(ord(ch), 0) for ch in text]


def glyph_names(font: str, text: str) -> list[str]:
    from engagement_desk.services.printing.scripts import _hb_font

    face = _hb_font(font)
    return [face.glyph_to_string(gid) for gid in glyph_ids(font, text)]


def extracted_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


@pytest.mark.parametrize("script", sorted(NAMES))
def test_every_character_of_a_name_gets_a_real_glyph_of_its_script_font(script: str) -> None:
    name, font = NAMES[script]
    assert unprintable(name) == ""
    runs = layout(name, BASE)
    assert [run_font for run_font, _ in runs] == [font]
    assert 0 not in glyph_ids(font, runs[0][1])


def test_arabic_is_joined_and_set_right_to_left() -> None:
    ((font, visual),) = layout("محمد", BASE)
    # Drawn from the left: the final dal, then the medial forms, the initial meem rightmost.
    assert glyph_names(font, visual) == ["uniFEAA", "uniFEE4", "uniFEA4", "uniFEE3"]
    ((_, two_words),) = layout("محمد الأحمد", BASE)
    assert two_words.endswith(visual)  # the first name is the right-hand word


def test_devanagari_forms_conjuncts_and_places_the_vowel_signs() -> None:
    ((font, visual),) = layout("अनन्या शर्मा", BASE)
    names = glyph_names(font, visual)
    assert "naprehalfdeva" in names  # न् + य: the half form of na
    assert names[-1] == "rephdeva"  # र् before म: the reph, drawn after its cluster
    assert len(visual) < len("अनन्या शर्मा")


def test_latin_text_stays_one_run_in_its_own_font() -> None:
    register_fonts()
    for text in ("Şükrü Ağaoğlu", "Анна Петрова", "Łucja Wąsowska"):
        assert layout(text, BASE) == ((BASE, text),)
        assert text_width(text, BASE, 12) == pdfmetrics.stringWidth(text, BASE, 12)


def test_a_latin_word_beside_an_arabic_name_keeps_its_font_and_order() -> None:
    # DejaVu Sans has Arabic letters: the base font comes first, the word is still shaped.
    ((font, visual),) = layout("Familie محمد", FONTS.sans)
    assert font == FONTS.sans
    assert visual.startswith("Familie ")
    arabic = visual.removeprefix("Familie ")
    assert len(arabic) == 4 and not set(arabic) & set("محمد")  # joined forms only
    assert 0 not in glyph_ids(font, visual)


def test_unprintable_names_the_characters_no_font_covers_once() -> None:
    assert unprintable("Anna Weber") == ""
    assert unprintable("བཀྲ་ཤིས་ བཀྲ") == "བཀྲ་ཤིས"
    assert unprintable("Anna\u200d\u200f Weber\n") == ""  # joiners and marks are invisible


def test_paragraph_markup_escapes_and_switches_fonts() -> None:
    markup = paragraph_markup("Tom & Jerry <b>\n王小明", FONTS.sans)
    assert markup == 'Tom &amp; Jerry &lt;b&gt;<br/><font name="DroidSansFallback">王小明</font>'
    buffer = io.BytesIO()
    style = ParagraphStyle("name", fontName=FONTS.sans, fontSize=12)
    SimpleDocTemplate(buffer).build(
        [Paragraph(paragraph_markup(name, FONTS.sans), style) for name, _ in NAMES.values()]
    )
    text = extracted_text(buffer.getvalue())
    for name in ("王小明", "김민준", "שרה כהן", "محمد الأحمد"):
        assert name in text


def test_draw_string_aligns_and_leaves_the_canvas_font_alone() -> None:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(FONTS.sans, 9)
    width = draw_string(canvas, 300, 700, "Dr. 王小明", BASE, 20, "center")
    assert width == pytest.approx(text_width("Dr. 王小明", BASE, 20))
    assert width > pdfmetrics.stringWidth("Dr. ", BASE, 20)
    assert (canvas._fontname, canvas._fontsize) == (FONTS.sans, 9)
    canvas.showPage()
    canvas.save()
    assert "Dr. 王小明" in extracted_text(buffer.getvalue())
