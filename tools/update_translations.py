"""Regenerate the German translation catalogue and its compiled form.

    python tools/update_translations.py          # lupdate + lrelease
    python tools/update_translations.py --check  # exit 1 if the .ts misses strings

lupdate collects every ``tr()``/``translate()``/``QT_TRANSLATE_NOOP`` string
under engagement_desk/ui into resources/translations/engagement_desk_de.ts,
keeping existing translations and dropping obsolete ones; lrelease compiles
it to the .qm the program loads. Translate new entries with Qt Linguist
(``pyside6-linguist``) between the two steps, then run the script again.

Enum names are not typed into the catalogue: the English names of
engagement_desk/models/vocabulary.py are handed to lupdate (context = the
enum's class name) and their German translations are written from the same
table, so the window and the prints cannot drift apart.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "engagement_desk" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de", "en")
PLURALS_ONLY = {"en"}
"""English is the source language: its catalogue holds only the plural forms
("%n ride(s)" → "1 ride" / "2 rides"), filled by ``fill_english_plurals``."""


def tool(name: str) -> str:
    """A Qt tool from the virtualenv running this script, else from PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6-Essentials")
    return found


def source_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"engagement_desk_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"engagement_desk_{language}.qm"


def vocabulary() -> dict[tuple[str, str], str]:
    """(enum class name, English name) → German name, from models/vocabulary.py."""
    from engagement_desk.models.vocabulary import VOCABULARY

    return {
        (enum_class.__name__, name.english): name.german
        for enum_class, names in VOCABULARY.items()
        for name in names.values()
    }


def write_vocabulary_source(path: Path) -> None:
    """The vocabulary's English names as QT_TRANSLATE_NOOP calls, for lupdate to read."""
    lines = [f"QT_TRANSLATE_NOOP({context!r}, {source!r})" for context, source in vocabulary()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def lupdate(ts_file: Path, *, keep_obsolete: bool = False, plurals_only: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        names = Path(tmp) / "enum_names.py"
        write_vocabulary_source(names)
        command = [
            tool("pyside6-lupdate"),
            *source_files(),
            str(names),
            "-locations",
            "none",
            "-ts",
            str(ts_file),
        ]
        if not keep_obsolete:
            command.insert(-2, "-no-obsolete")
        if plurals_only:
            command.insert(-2, "-pluralonly")
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def fill_vocabulary(ts_file: Path) -> bool:
    """Write the vocabulary's German names into the catalogue; True if anything changed."""
    german = vocabulary()
    tree = ET.parse(ts_file)
    changed = False
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            wanted = german.get((name, message.findtext("source", "")))
            translation = message.find("translation")
            if wanted is None or translation is None:
                continue
            if translation.text != wanted or translation.attrib:
                translation.text = wanted
                translation.attrib.clear()
                changed = True
    if changed:
        tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return changed


def lrelease(ts_file: Path, qm_file: Path) -> None:
    # Compiled beside and renamed over: a running program maps the .qm into memory,
    # and rewriting it in place would pull the pages from under it (SIGBUS).
    partial = qm_file.with_name(qm_file.name + ".partial")
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts_file), "-qm", str(partial)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    os.replace(partial, qm_file)


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → the <translation> element of each message."""
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message.find("translation")
    return found


def unfinished(ts_file: Path) -> list[tuple[str, str]]:
    return [
        key
        for key, translation in messages(ts_file).items()
        if translation is None
        or translation.get("type") in {"unfinished", "vanished", "obsolete"}
        or not all((t or "").strip() for t in _texts(translation))
    ]


def _texts(translation: ET.Element) -> list[str | None]:
    """The translated text, or each plural form of a numerus message."""
    forms = translation.findall("numerusform")
    return [form.text for form in forms] if forms else [translation.text]


def missing_sources(language: str) -> set[tuple[str, str]]:
    """Strings in the code that the committed .ts does not have yet."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        lupdate(fresh, plurals_only=language in PLURALS_ONLY)
        return set(messages(fresh)) - set(messages(ts_path(language)))


ENGLISH_PLURALS: dict[str, tuple[str, str]] = {
    "person(s)": ("person", "people"),
    "reply(s)": ("reply", "replies"),
    "entry(s)": ("entry", "entries"),
}
"""Irregular words written with "(s)" in the sources; any other "(s)" is a plain -s."""

ENGLISH_SENTENCES: dict[str, tuple[str, str]] = {
    "%n entries written to %1.": ("%n entry written to %1.", "%n entries written to %1."),
    "+%n more": ("+%n more", "+%n more"),
    "… and %n more": ("… and %n more", "… and %n more"),
    "%n selected": ("%n selected", "%n selected"),
    "%n people were anonymized.": (
        "%n person was anonymized.",
        "%n people were anonymized.",
    ),
    "%n people to review": ("%n person to review", "%n people to review"),
}
"""Plural sources without "(s)": their singular and plural, written out."""


def english_forms(source: str) -> tuple[str, str] | None:
    """Singular and plural of an English source with "%n", or None if no rule knows it."""
    if source in ENGLISH_SENTENCES:
        return ENGLISH_SENTENCES[source]
    if source.startswith("The personal data of %n people"):
        return source.replace("%n people", "%n person", 1), source
    if "(s)" not in source:
        return None
    singular, plural = source, source
    for word, (one, many) in ENGLISH_PLURALS.items():
        singular, plural = singular.replace(word, one), plural.replace(word, many)
    return singular.replace("(s)", ""), plural.replace("(s)", "s")


def fill_english_plurals(ts_file: Path) -> bool:
    """Write the English singular and plural of every numerus message; True if changed."""
    tree = ET.parse(ts_file)
    changed = False
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        forms = english_forms(message.findtext("source", ""))
        if translation is None or forms is None:
            continue
        current = tuple(form.text for form in translation.findall("numerusform"))
        if current == forms and not translation.attrib:
            continue
        for form in list(translation):
            translation.remove(form)
        for text in forms:
            ET.SubElement(translation, "numerusform").text = text
        translation.text = None
        translation.attrib.clear()
        changed = True
    if changed:
        tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    args = parser.parse_args()
    status = 0
    for language in LANGUAGES:
        if args.check:
            missing = missing_sources(language)
            todo = unfinished(ts_path(language))
        else:
            plurals_only = language in PLURALS_ONLY
            lupdate(ts_path(language), plurals_only=plurals_only)
            fill = fill_english_plurals if plurals_only else fill_vocabulary
            if fill(ts_path(language)):
                # back to lupdate's own layout of the file
                lupdate(ts_path(language), plurals_only=plurals_only)
            missing = set()
            todo = unfinished(ts_path(language))
            lrelease(ts_path(language), qm_path(language))
        for context, source in sorted(missing):
            print(f"{language}: not in the catalogue: {context}: {source!r}")
        for context, source in todo:
            print(f"{language}: untranslated: {context}: {source!r}")
        status = status or int(bool(missing or todo))
    return status


if __name__ == "__main__":
    sys.exit(main())
