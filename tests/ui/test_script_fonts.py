"""Names in Arabic, Chinese and Devanagari script show in the window, not as empty boxes."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from engagement_desk.ui.script_fonts import register_script_fonts

System = QFontDatabase.WritingSystem


def test_qt_has_a_font_for_every_script_the_prints_support(qapp) -> None:
    families = register_script_fonts()
    assert "Droid Sans Fallback" in families
    for script in (
        System.SimplifiedChinese,
        System.Japanese,
        System.Korean,
        System.Arabic,
        System.Hebrew,
        System.Devanagari,
        System.Thai,
    ):
        # Qt's fallback for a script picks among the families that support it
        assert set(QFontDatabase.families(script)) & set(families), script
