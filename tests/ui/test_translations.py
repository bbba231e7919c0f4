"""The German catalogue is complete, matches the code and is compiled."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator

from engagement_desk.ui.i18n import translation_file

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\d|&&")


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_message_is_translated(tool) -> None:
    assert tool.unfinished(tool.ts_path("de")) == []


def test_the_catalogue_has_exactly_the_strings_of_the_code(tool, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    tool.lupdate(fresh)
    in_code = set(tool.messages(fresh))
    in_catalogue = set(tool.messages(tool.ts_path("de")))
    assert in_code - in_catalogue == set(), "run tools/update_translations.py"
    assert in_catalogue - in_code == set(), "obsolete entries: run tools/update_translations.py"


def test_the_compiled_catalogue_is_in_step(tool, tmp_path: Path) -> None:
    compiled = tmp_path / "de.qm"
    tool.lrelease(tool.ts_path("de"), compiled)
    assert compiled.read_bytes() == tool.qm_path("de").read_bytes()


def test_translations_keep_placeholders(tool) -> None:
    for (context, source), translation in tool.messages(tool.ts_path("de")).items():
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        for text in forms:
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text or "")), (
                f"{context}: {source!r}"
            )


def test_the_program_finds_and_loads_the_catalogue(qapp) -> None:
    translator = QTranslator()
    assert translator.load(translation_file("de"))
    assert translator.translate("MainWindow", "People") == "Personen"
