#!/usr/bin/env python3
"""Build the PyInstaller bundle as an office gets it and use it: ``python3 tools/check_bundle.py``.

Creates ``.venv`` if needed (as ``tools/dev.py`` does) with the ``build`` extra,
builds ``installer/engagement-desk.spec`` into a temporary folder and runs,
from the bundle only: ``--version`` and ``--self-test``, ``demo --people 50``
on a temporary database, ``certificates issue`` for the demo's year and
``verify``, a database of the previous schema revision (backed up, then
upgraded), and the window (Qt offscreen) on the Urkunden tab and with
``--demo`` for a few seconds each, which must still be running and log no
error. Data, settings and the log go to a temporary folder too, never the
user's. Exits non-zero on the first failure; prints the size of the bundle
and how long each step took. ``--bundle DIR`` checks an existing bundle
instead of building one; ``--keep`` leaves the temporary folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import dev  # noqa: E402 - the venv logic of the quick-start commands

WINDOW_SECONDS = 6
CERTIFICATES_TAB = 4  # ui/main_window.py TABS
EXE = ".exe" if os.name == "nt" else ""


class CheckFailed(Exception):
    pass


def step(title: str):  # type: ignore[no-untyped-def]
    def decorate(fn):  # type: ignore[no-untyped-def]
        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            print(f"== {title}", flush=True)
            started = time.monotonic()
            result = fn(*args, **kwargs)
            print(f"   ({time.monotonic() - started:.1f} s)", flush=True)
            return result

        return run

    return decorate


def source_version() -> str:
    text = (ROOT / "engagement_desk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if found is None:
        raise CheckFailed("keine Versionsnummer in engagement_desk/__init__.py")
    return found.group(1)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@step("Bundle bauen (PyInstaller)")
def build(python: Path, work: Path) -> Path:
    subprocess.run(
        [
            str(python),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(ROOT / "installer" / "engagement-desk.spec"),
        ],
        cwd=ROOT,
        check=True,
    )
    return work / "dist" / "engagement-desk"


def isolated_environment(home: Path) -> dict[str, str]:
    """Offscreen Qt; data, settings and log in ``home``; no database from the caller."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ENGAGEMENT_DESK", "PYTHON"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        LOCALAPPDATA=str(home / "local"),
        APPDATA=str(home / "roaming"),
    )
    return env


def run(bundle: Path, env: dict[str, str], *arguments: str) -> tuple[str, str]:
    """(stdout, stderr) of the console program; CheckFailed on an exit code or a traceback."""
    program = bundle / f"engagement-desk-cli{EXE}"
    result = subprocess.run(
        [str(program), *arguments], env=env, capture_output=True, text=True, timeout=600
    )
    output = result.stdout + result.stderr
    print("   " + output.strip().replace("\n", "\n   "), flush=True)
    if result.returncode != 0 or "Traceback" in output:
        raise CheckFailed(f"{' '.join(arguments)}: Exit-Code {result.returncode}")
    return result.stdout, result.stderr


@step("Version und Selbsttest aus dem Bundle")
def self_test(bundle: Path, env: dict[str, str]) -> None:
    if source_version() not in run(bundle, env, "--version")[0]:
        raise CheckFailed("das Bundle nennt nicht die Version des Quelltexts")
    output, _ = run(bundle, env, "--self-test")
    if "FEHLER" in output or "OK  " not in output:
        raise CheckFailed("der Selbsttest meldet Fehler")


@step("Demo mit 50 Personen aus dem Bundle")
def demo(bundle: Path, env: dict[str, str], database: Path) -> None:
    run(bundle, env, "--db", str(database), "demo", "--people", "50")


@step("Urkunden ausstellen aus dem Bundle")
def certificates(bundle: Path, env: dict[str, str], database: Path, out: Path) -> None:
    year = str(dt.date.today().year - 1)  # the demo's last full year of hours
    issued, _ = run(
        bundle,
        env,
        *("--db", str(database), "certificates", "issue", "--kind", "recognition"),
        *("--year", year, "--out", str(out)),
    )
    pdfs = list(out.glob("*.pdf"))
    if not pdfs or not all(p.read_bytes().startswith(b"%PDF-") for p in pdfs):
        raise CheckFailed(f"keine Urkunden (PDF) in {out}")
    print(f"   {len(pdfs)} Urkunden geschrieben", flush=True)
    number = re.search(r"\b[A-Z]-\d{4}-\d{5}\b", issued)
    if number is None:
        raise CheckFailed("keine Urkundennummer in der Ausgabe")
    run(bundle, env, "--db", str(database), "certificates", "verify", number.group())


@step("Update: eine Datenbank der vorigen Schema-Version mit dem Bundle öffnen")
def update(bundle: Path, env: dict[str, str], python: Path, home: Path) -> None:
    old = home / "vorher.sqlite3"
    # The previous revision, filled, made by the checkout's own code (tests/upgrade_support.py).
    subprocess.run(
        [
            str(python),
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]); "
            "from upgrade_support import office_at_previous_revision as make; "
            "make(__import__('pathlib').Path(sys.argv[2]))",
            str(ROOT / "tests"),
            str(old),
        ],
        env={**env, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    _, told = run(bundle, env, "--db", str(old), "people", "export", str(home / "personen.csv"))
    if "geprüfte Datensicherung" not in told:
        raise CheckFailed("vor dem Aktualisieren wurde keine geprüfte Sicherung gemeldet")
    checked = json.loads(run(bundle, env, "--db", str(old), "db", "check", "--json")[0])
    if not checked["ok"] or checked["revision"] != checked["head_revision"]:
        raise CheckFailed(f"Schema nach dem Update: {checked['revision']}")


def window(bundle: Path, env: dict[str, str], home: Path, *arguments: str) -> None:
    """The window started with ``arguments``: still running after a few seconds, no error."""
    log = home / "window.log"
    with log.open("w") as stream:
        process = subprocess.Popen(
            [str(bundle / f"engagement-desk{EXE}"), *arguments],
            env=env,
            stdout=stream,
            stderr=subprocess.STDOUT,
        )
        try:
            time.sleep(WINDOW_SECONDS)
            alive = process.poll() is None
        finally:
            process.kill()
            process.wait()
    output = log.read_text(errors="replace")
    if output.strip():
        print("   " + output.strip().replace("\n", "\n   "), flush=True)
    if not alive:
        raise CheckFailed(f"das Fenster hat sich nach weniger als {WINDOW_SECONDS} s beendet")
    if "Traceback" in output:
        raise CheckFailed("das Fenster hat einen Traceback ausgegeben")
    program_log = next((home / "data").rglob("engagement-desk.log"), None)
    logged = program_log.read_text(errors="replace") if program_log is not None else ""
    if "Traceback" in logged or " ERROR " in logged or " CRITICAL " in logged:
        raise CheckFailed(f"Fehler im Protokoll {program_log}")


@step(f"Fenster aus dem Bundle auf dem Reiter Urkunden, {WINDOW_SECONDS} s offscreen")
def certificates_window(bundle: Path, env: dict[str, str], database: Path, home: Path) -> None:
    # The tab that stayed blank when reportlab's barcodes were missing.
    settings = home / "config" / "engagement-desk" / "engagement-desk.conf"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f"[main_window]\ntab={CERTIFICATES_TAB}\n")
    window(bundle, env, home, "--db", str(database))


@step(f"Fenster aus dem Bundle mit --demo (Startmenü), {WINDOW_SECONDS} s offscreen")
def demo_window(bundle: Path, env: dict[str, str], home: Path) -> None:
    window(bundle, env, home, "--demo")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="vorhandenes Bundle prüfen statt zu bauen")
    parser.add_argument("--keep", action="store_true", help="temporären Ordner behalten")
    options = parser.parse_args()
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="engagement-desk-bundle-"))
    try:
        python = dev.ensure_venv("build") if options.bundle is None else dev.venv_python()
        bundle = build(python, work) if options.bundle is None else options.bundle.resolve()
        print(f"   Bundle {bundle}: {folder_size(bundle) / 2**20:.0f} MB", flush=True)
        home = work / "home"
        home.mkdir()
        env = isolated_environment(home)
        database = home / "demo.sqlite3"
        self_test(bundle, env)
        demo(bundle, env, database)
        certificates(bundle, env, database, home / "urkunden")
        update(bundle, env, python, home)
        certificates_window(bundle, env, database, home)
        demo_window(bundle, env, home)
    except (CheckFailed, subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        print(f"Bundle-Prüfung fehlgeschlagen: {error}", file=sys.stderr, flush=True)
        return 1
    finally:
        if options.keep:
            print(f"Temporärer Ordner: {work}", flush=True)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"Bundle-Prüfung bestanden ({time.monotonic() - started:.0f} s).", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
