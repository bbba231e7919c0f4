"""UI language: German by default, English as source; switchable while the window is open.

Installing or removing a ``QTranslator`` makes Qt send ``LanguageChange`` to
every widget; widgets that mix in ``Retranslatable`` then re-set their texts
in ``retranslate_ui()`` (Frescobaldi's translateUI), so no restart is needed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QSettings, QTranslator

from engagement_desk.paths import resource

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
SOURCE_LANGUAGE = "en"
LANGUAGE_KEY = "ui/language"
CATALOG = "engagement_desk"


def translation_file(language: str) -> str:
    return str(resource("translations", f"{CATALOG}_{language}.qm"))


def preferred_language(settings: QSettings, override: str | None = None) -> str:
    """``--lang`` wins, then the saved choice, then German."""
    if override in LANGUAGES:
        return override
    saved = settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return saved if saved in LANGUAGES else DEFAULT_LANGUAGE


class LanguageSwitcher:
    """Owns the installed translators of one application."""

    def __init__(self, app: QCoreApplication):
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def apply(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        # English, the source language, has a catalogue too: its plural forms.
        self._install(translation_file(language))
        if language != SOURCE_LANGUAGE:
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            # Qt's own strings: the buttons of message boxes and file dialogs.
            self._install(f"qtbase_{language}", qt_dir)
        locale = QLocale.Language.German if language == "de" else QLocale.Language.English
        QLocale.setDefault(QLocale(locale))
        self.language = language

    def _install(self, name: str, directory: str = "") -> None:
        translator = QTranslator(self._app)
        if translator.load(name, directory):
            self._app.installTranslator(translator)
            self._translators.append(translator)


class Retranslatable:
    """Mix into a QWidget subclass (first base) that implements ``retranslate_ui()``."""

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]
