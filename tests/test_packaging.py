"""The wheel carries resources and migrations, and the program finds them when installed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from engagement_desk import migrator
from engagement_desk.paths import resources_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("engagement_desk-*.whl")
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def test_checkout_resources_are_the_top_level_folder() -> None:
    assert resources_dir() == ROOT / "resources"


def test_wheel_ships_every_resource_and_migration(installed_wheel: Path) -> None:
    package = installed_wheel / "engagement_desk"
    shipped = {
        p.relative_to(package / "resources")
        for p in (package / "resources").rglob("*")
        if p.is_file()
    }
    in_checkout = {
        p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*") if p.is_file()
    }
    assert in_checkout and shipped == in_checkout
    assert (package / "migrations" / "versions" / "0001_initial_schema.py").is_file()


def test_installed_program_finds_resources_and_migrations(
    installed_wheel: Path, tmp_path: Path
) -> None:
    script = (
        "from engagement_desk.paths import resources_dir; print(resources_dir());"
        "from engagement_desk import migrator; print(migrator.head_revision())"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(installed_wheel), "PATH": ""},
        check=True,
    )
    found, revision = result.stdout.split()
    assert Path(found) == installed_wheel / "engagement_desk" / "resources"
    assert revision == migrator.head_revision()
