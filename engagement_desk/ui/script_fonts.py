"""The window shows names in every script the prints can print.

The fallback fonts shipped for the PDFs (``resources/fonts``) are handed to Qt
as application fonts, so an office PC without a CJK or Arabic system font
shows "王小明" and "محمد" instead of empty boxes. Registering takes tens of
milliseconds; it runs on a thread of its own (QFontDatabase is thread-safe).
"""

from __future__ import annotations

import threading

from PySide6.QtGui import QFontDatabase

from engagement_desk.paths import resource


def register_script_fonts() -> list[str]:
    """Add the shipped fallback fonts to Qt; the families Qt now knows from them."""
    # imported here: the font table brings reportlab, which the start does not need
    from engagement_desk.services.printing.fonts import FALLBACK_FILES, FONTS

    families: list[str] = []
    for _name, file in FALLBACK_FILES:
        if file == FONTS.sans:
            continue
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", f"{file}.ttf")))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def register_script_fonts_in_background() -> threading.Thread:
    thread = threading.Thread(target=register_script_fonts, name="script-fonts", daemon=True)
    thread.start()
    return thread
