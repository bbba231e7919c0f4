"""Fill the German catalogue from JSON files of translations, then compile it.

    python tools/apply_translations.py tr1.json [tr2.json ...]

Each file maps ``{"Context": {"English source": "Deutsch"}}``. Engineers working
on different screens at the same time each keep such a file instead of
editing the one .ts catalogue concurrently; this merges them in one step.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location(
    "update_translations", HERE / "update_translations.py"
)
assert _spec is not None and _spec.loader is not None
catalogue = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(catalogue)


def load(paths: list[str]) -> dict[tuple[str, str], str]:
    merged: dict[tuple[str, str], str] = {}
    for path in paths:
        for context, entries in json.loads(Path(path).read_text(encoding="utf-8")).items():
            for source, german in entries.items():
                merged[(context, source)] = german
    return merged


def fill(ts_file: Path, translations: dict[tuple[str, str], str]) -> int:
    tree = ET.parse(ts_file)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            german = translations.get((name, message.findtext("source", "")))
            if german is None or translation is None:
                continue
            if translation.get("type") != "unfinished" and _has_text(translation):
                continue
            if message.get("numerus") == "yes":
                _set_plural_forms(translation, german)
            else:
                translation.text = german
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return filled


def _has_text(translation: ET.Element) -> bool:
    forms = translation.findall("numerusform")
    texts = [f.text for f in forms] if forms else [translation.text]
    return all((t or "").strip() for t in texts)


def _set_plural_forms(translation: ET.Element, german: str | list[str]) -> None:
    """German has two forms; "%n Seite(n)" gives "%n Seite" and "%n Seiten"."""
    if isinstance(german, list):
        forms = german
    else:
        forms = [german.replace("(n)", ""), german.replace("(n)", "n")]
    translation.text = None
    for child in list(translation):
        translation.remove(child)
    for form in forms:
        ET.SubElement(translation, "numerusform").text = form


def main() -> int:
    translations = load(sys.argv[1:])
    status = 0
    for language in catalogue.LANGUAGES:
        ts_file = catalogue.ts_path(language)
        catalogue.lupdate(ts_file)
        print(f"{language}: {fill(ts_file, translations)} translations filled")
        catalogue.lupdate(ts_file)
        catalogue.lrelease(ts_file, catalogue.qm_path(language))
        for context, source in catalogue.unfinished(ts_file):
            print(f"{language}: still untranslated: {context}: {source!r}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
