"""Regenerate the interchange JSON Schema and the entity tables of docs/interchange.md.

    python tools/generate_interchange_docs.py           # rewrite both files
    python tools/generate_interchange_docs.py --check   # exit 1 if either is out of date

Run it after changing the models; tests/test_interchange.py fails until you do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from engagement_desk.services.interchange.docs import render_entity_tables, splice
from engagement_desk.services.interchange.schema import SCHEMA_RESOURCE, schema_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "resources" / SCHEMA_RESOURCE
DOCS_FILE = ROOT / "docs" / "interchange.md"


def expected_files() -> dict[Path, str]:
    docs = DOCS_FILE.read_text(encoding="utf-8")
    return {SCHEMA_FILE: schema_text(), DOCS_FILE: splice(docs, render_entity_tables())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    stale = []
    for path, text in expected_files().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(text, encoding="utf-8", newline="\n")
    for path in stale:
        verb = "out of date" if args.check else "written"
        print(f"{path.relative_to(ROOT)}: {verb}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
