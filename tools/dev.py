#!/usr/bin/env python3
"""The two quick-start commands: ``python tools/dev.py start`` and ``python tools/dev.py test``.

Both create (or reuse) a virtual environment in ``.venv`` beside this checkout,
install the program into it, and then either open the window on the demo
database or run the whole test suite. Only Python >= 3.11 is needed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
MINIMUM = (3, 11)


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def ensure_venv(extras: str) -> Path:
    python = venv_python()
    if not python.exists():
        print(f"Lege virtuelle Umgebung an: {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extras}]" if extras else "."
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--editable",
            target,
        ],
        cwd=ROOT,
        check=True,
    )
    return python


def start(arguments: list[str]) -> int:
    python = ensure_venv("")
    return subprocess.call([str(python), "-m", "engagement_desk", "--demo", *arguments], cwd=ROOT)


def test(arguments: list[str]) -> int:
    python = ensure_venv("test")
    return subprocess.call([str(python), "-m", "pytest", *arguments], cwd=ROOT)


def main() -> int:
    if sys.version_info < MINIMUM:
        print("Engagement Desk braucht Python 3.11 oder neuer.", file=sys.stderr)
        return 1
    commands = {"start": start, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print("Aufruf: python tools/dev.py start | test [weitere Argumente]", file=sys.stderr)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
