"""The wheel carries resources and migrations, and the program finds them when installed."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from engagement_desk import APP_ID, __version__, migrator
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


# -- the Windows bundle and installer, checked by reading them ---------------------------

SPEC = ROOT / "installer" / "engagement-desk.spec"
SETUP = ROOT / "installer" / "setup.iss"


def spec_calls(name: str) -> list[ast.Call]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name
    ]


def keywords(call: ast.Call) -> dict[str, object]:
    return {
        k.arg: k.value.value for k in call.keywords if isinstance(k.value, ast.Constant) and k.arg
    }


def setup_section(name: str) -> list[str]:
    text = SETUP.read_text(encoding="utf-8-sig")
    body = text.split(f"[{name}]", 1)[1].split("\n[", 1)[0]
    return [line.strip() for line in body.splitlines() if line.strip() and not line.startswith(";")]


def entry_name(line: str) -> str:
    found = re.search(r'Name: "([^"]+)"', line)
    assert found is not None, line
    return found.group(1)


def test_the_icon_the_spec_names_exists_with_the_sizes_windows_uses() -> None:
    from PIL import Image

    assert '"resources" / "icons" / "engagement-desk.ico"' in SPEC.read_text(encoding="utf-8")
    with Image.open(ROOT / "resources" / "icons" / "engagement-desk.ico") as icon:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= icon.ico.sizes()
    assert "SetupIconFile=..\\resources\\icons\\engagement-desk.ico" in setup_section("Setup")


def test_the_spec_builds_a_window_and_a_console_program_in_one_folder() -> None:
    programs = {keywords(call)["name"]: keywords(call)["console"] for call in spec_calls("EXE")}
    assert programs == {"engagement-desk": False, "engagement-desk-cli": True}
    [collect] = spec_calls("COLLECT")
    assert [arg.id for arg in collect.args[:2] if isinstance(arg, ast.Name)] == [
        "window",
        "command_line",
    ]


def test_the_spec_collects_what_is_imported_by_name() -> None:
    text = SPEC.read_text(encoding="utf-8")
    for package in ("reportlab.graphics.barcode", "icalendar", "phonenumbers", "engagement_desk"):
        assert f'collect_submodules("{package}"' in text
    assert 'collect_data_files("engagement_desk.migrations", include_py_files=True)' in text
    assert 'for package in ("ortools", "holidays")' in text


def test_the_spec_keeps_every_faker_locale_the_demo_uses() -> None:
    pools = (ROOT / "engagement_desk" / "services" / "demo" / "pools.py").read_text()
    used = set(re.findall(r'Faker\("(\w+)"\)', pools)) | set(
        re.findall(r'\("\w+", "([a-z]{2}_[A-Z]{2})"\)', pools)
    )
    assert "de_DE" in used and len(used) > 1
    script = (
        "import sys; from faker import Faker; from faker.config import AVAILABLE_LOCALES\n"
        f"for locale in {sorted(used)!r}: Faker(locale)\n"
        "print(*{m.split('.')[3] for m in sys.modules if m.startswith('faker.providers.')"
        " and m.count('.') >= 3 and m.split('.')[3] in AVAILABLE_LOCALES})"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    kept = re.search(r"FAKER_LOCALES = (\{[^}]*\})", SPEC.read_text(encoding="utf-8"))
    assert kept is not None and used <= set(loaded)
    assert set(loaded) <= ast.literal_eval(kept.group(1))


def test_the_installer_is_per_user_and_needs_no_administrator() -> None:
    setup = setup_section("Setup")
    assert "PrivilegesRequired=lowest" in setup
    assert "DefaultDirName={localappdata}\\Programs\\Engagement Desk" in setup


def test_an_upgrade_keeps_the_app_id_and_removes_the_old_program_files_only() -> None:
    setup = setup_section("Setup")
    assert "AppId={{6C1E3F52-3B7A-4D55-9B0E-6C2B7A8E4D21}" in setup  # never change it
    deleted = [entry_name(line) for line in setup_section("InstallDelete")]
    assert "{app}\\_internal" in deleted
    assert all(name.startswith("{app}\\") for name in deleted)
    # The office's data is in the user data folder "engagement-desk", not below {app}.
    assert APP_ID == "engagement-desk"
    assert "UninstallDelete" not in SETUP.read_text(encoding="utf-8-sig")


def test_the_start_menu_has_the_program_the_demo_and_the_manual() -> None:
    icons = {entry_name(line): line for line in setup_section("Icons")}
    program = icons["{group}\\{#AppName}"]
    assert 'Filename: "{app}\\engagement-desk.exe"' in program and "Parameters" not in program
    assert 'Parameters: "--demo"' in icons["{group}\\{#AppName} (Demo)"]
    assert "{#ManualFile}" in icons["{group}\\Handbuch"]
    assert "engagement-desk-cli.exe" in icons["{group}\\Selbsttest"]


def test_the_installer_version_comes_from_the_one_version_number() -> None:
    text = SETUP.read_text(encoding="utf-8-sig")
    assert "GetStringFileInfo(" in text and "PRODUCT_VERSION" in text
    assert not re.search(r"\d+\.\d+\.\d+", text)  # no second, forgotten version number
    spec = SPEC.read_text(encoding="utf-8")
    assert 'root / "engagement_desk" / "__init__.py"' in spec
    assert 'StringStruct("ProductVersion", VERSION)' in spec


def test_the_windowed_program_given_a_command_points_to_the_console_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from engagement_desk import cli
    from engagement_desk.cli import gui_command

    told: list[list[str]] = []
    monkeypatch.setattr(cli, "_has_console", lambda: False)
    monkeypatch.setattr(gui_command, "tell_to_use_console", lambda argv: told.append(argv) or 2)

    assert cli.main(["demo", "--people", "5"]) == 2

    assert told == [["demo", "--people", "5"]]
    hint = gui_command.console_hint(["--self-test"])
    assert "engagement-desk-cli --self-test" in hint


def test_the_windowed_program_opens_the_window_with_window_options(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from engagement_desk import cli
    from engagement_desk.cli import gui_command

    opened: list[bool] = []
    monkeypatch.setattr(cli, "_has_console", lambda: False)
    monkeypatch.setattr(gui_command, "run_window", lambda args: opened.append(args.demo) or 0)

    assert cli.main(["--demo"]) == 0
    assert opened == [True]


def test_the_changelog_has_an_entry_for_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    entry = re.search(
        rf"^## \[{re.escape(__version__)}\] – (\d{{4}}-\d{{2}}-\d{{2}})$", changelog, re.M
    )
    assert entry is not None, f"CHANGELOG.md has no entry for {__version__}"
    assert re.search(r"^### ", changelog[entry.end() :], re.M)
