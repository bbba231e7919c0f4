"""Switching the language to English leaves no German text in the window, and back.

The German strings come from the catalogue itself: every German translation
that differs from its English source must not be visible while English is
active. The test walks every tab and every sub-page of the main window and
reads what a person sees: labels, buttons, tab titles, group boxes, table
headers, placeholders, the items of choice boxes, the menus.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pprint import pformat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from ui_helpers import add_agency

from engagement_desk.paths import resource
from engagement_desk.ui.main_window import MainWindow

PLACEHOLDER = re.compile(r"%(?:\d|n)")


def normal(text: str) -> str:
    """What a person reads: no markup, no mnemonic "&", single spaces, no trailing colon."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")
    text = text.replace("&nbsp;", " ")
    return " ".join(text.split()).strip(" :…")


@dataclass(frozen=True)
class Catalogue:
    sources: frozenset[str]  # English, as read
    translations: frozenset[str]  # German, as read, also where it equals the English
    german: dict[str, str]  # German text as read -> its English source
    german_patterns: tuple[tuple[re.Pattern[str], str], ...]  # German with %1 -> source


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None or translation.get("type") in {"unfinished", "obsolete", "vanished"}:
        return []
    forms = [f.text or "" for f in translation.findall("numerusform")]
    return forms or [translation.text or ""]


@cache
def catalogue() -> Catalogue:
    root = ET.parse(resource("translations", "engagement_desk_de.ts")).getroot()
    pairs = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        for german in _translations(message):
            pairs.append((normal(source), normal(german)))
    sources = frozenset(source for source, _ in pairs)
    german: dict[str, str] = {}
    patterns = []
    for source, text in pairs:
        # Only what is German and nothing else: enough letters, and never an English source too.
        letters = re.sub(r"[^A-Za-zÄÖÜäöüß]", "", PLACEHOLDER.sub("", text))
        if text == source or text in sources or len(letters) < 2:
            continue
        if PLACEHOLDER.search(text):
            parts = PLACEHOLDER.split(text)
            pattern = ".+?".join(re.escape(part) for part in parts)
            if len(letters) >= 4:
                patterns.append((re.compile(pattern), source))
        else:
            german[text] = source
    translations = frozenset(text for _, text in pairs)
    return Catalogue(sources, translations, german, tuple(patterns))


def german_in(texts: set[str]) -> dict[str, str]:
    """The visible texts that are German catalogue strings, with the source each one has."""
    found = {}
    book = catalogue()
    for text in texts:
        if text in book.sources:
            continue
        if text in book.german:
            found[text] = book.german[text]
            continue
        for pattern, source in book.german_patterns:
            if pattern.fullmatch(text):
                found[text] = source
                break
    return found


def visible_texts(root: QWidget) -> set[str]:
    """Texts a person sees in ``root`` now: only widgets that are shown."""
    texts: set[str] = set()

    def add(text: str | None) -> None:
        if text:
            value = normal(text)
            if value:
                texts.add(value)

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget.text())
        if isinstance(widget, QGroupBox):
            add(widget.title())
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index))
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            add(widget.placeholderText())
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                add(widget.itemText(index))
        header = (
            widget.horizontalHeader()
            if isinstance(widget, QTableView)
            else widget.header()
            if isinstance(widget, QTreeView)
            else None
        )
        if header is not None and header.model() is not None:
            for section in range(header.count()):
                if not header.isSectionHidden(section):
                    add(header.model().headerData(section, Qt.Orientation.Horizontal))
    return texts


def menu_texts(window: MainWindow) -> set[str]:
    texts = set()
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    while menus:
        menu = menus.pop()
        texts.add(normal(menu.title()))
        for action in menu.actions():
            texts.add(normal(action.text()))
            if isinstance(action.menu(), QMenu):
                menus.append(action.menu())
    return {t for t in texts if t}


def all_tab_widgets(root: QWidget) -> list[QTabWidget]:
    return ([root] if isinstance(root, QTabWidget) else []) + root.findChildren(QTabWidget)


def open_editors(key: str, content: QWidget) -> None:
    """Editors that show nothing until a record is open: a new, empty record in each."""
    if key == "people" and not content.editor.isVisible():
        content.new_person()
    elif key == "organizations":
        for editor in (content.clubs.editor, content.centres.editor):
            if not editor.editing:
                editor.start_new()


def walk(window: MainWindow) -> Iterator[tuple[str, set[str]]]:
    """Every tab and every sub-page (tab widgets inside tabs), with what it shows."""
    yield "menus", menu_texts(window)
    for index, page in enumerate(window.pages):
        window.show_tab(index)
        content = window.tab(page.spec.key)
        open_editors(page.spec.key, content)
        QApplication.processEvents()  # a tab built just now is shown by a queued call
        yield page.spec.key, visible_texts(window)
        seen: set[int] = set()
        pending = all_tab_widgets(content)
        while pending:
            tabs = pending.pop(0)
            if id(tabs) in seen or not tabs.isVisible():
                continue
            seen.add(id(tabs))
            start = tabs.currentIndex()
            for sub in range(tabs.count()):
                if not (tabs.isTabEnabled(sub) and tabs.isTabVisible(sub)):
                    continue
                tabs.setCurrentIndex(sub)
                QApplication.processEvents()
                name = f"{page.spec.key} ▸ {normal(tabs.tabText(sub))}"
                yield name, visible_texts(window)
                for inner in tabs.widget(sub).findChildren(QTabWidget):
                    if id(inner) not in seen:
                        pending.append(inner)
            tabs.setCurrentIndex(start)


@pytest.fixture
def window(qtbot, ctx) -> MainWindow:
    widget = MainWindow(ctx)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_catalogue_gives_german_strings_to_look_for() -> None:
    book = catalogue()
    assert "Fahrdienst" in book.german
    assert len(book.german) > 500
    assert "Name" not in book.german  # the same in both languages


def switch(window: MainWindow, qtbot, language: str, first_tab: str) -> None:
    """Switch as the Language menu does; Qt delivers LanguageChange through the event loop."""
    window.switch_language(language)
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == first_tab)


def test_english_shows_no_german_on_any_tab_or_sub_page(window: MainWindow, qtbot) -> None:
    for _place, _texts in walk(window):  # every tab and page built while German is active
        pass
    switch(window, qtbot, "en", "People")
    leftovers = {}
    for place, texts in walk(window):
        found = german_in(texts)
        if found:
            leftovers[place] = sorted(found)
    assert not leftovers, pformat(leftovers, width=100)


def test_back_to_german_shows_no_english_from_the_sample(window: MainWindow, qtbot) -> None:
    switch(window, qtbot, "en", "People")
    book = catalogue()
    english = set()
    for _place, texts in walk(window):
        # English texts that have a German translation of their own (the sample).
        english |= {t for t in texts if t in book.sources and t not in book.translations}
    translated = {source for source in book.german.values()}
    sample = sorted(english & translated)
    assert len(sample) > 100

    switch(window, qtbot, "de", "Personen")
    still_english = {}
    for place, texts in walk(window):
        found = sorted(set(sample) & texts)
        if found:
            still_english[place] = found
    assert not still_english, pformat(still_english, width=100)


def test_english_shows_no_german_with_records_open(window: MainWindow, qtbot, ctx) -> None:
    """The same with a person, a club and a centre in their editors and rides in the week."""
    ids = add_agency(ctx.db)
    window.refresh_all()
    weber = window.tab("people").model.record_id(0)
    window.tab("people").open_person(weber)
    organizations = window.tab("organizations")
    organizations.show_organization(organizations.panel.model.record_id(0))
    organizations.centres.open_center(ids["seniors"])
    for _place, _texts in walk(window):
        pass
    switch(window, qtbot, "en", "People")
    leftovers = {}
    for place, texts in walk(window):
        found = german_in(texts)
        if found:
            leftovers[place] = sorted(found)
    assert not leftovers, pformat(leftovers, width=100)
