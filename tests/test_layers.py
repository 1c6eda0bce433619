"""The apps depend on each other in one direction only (README, "Layout")."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
    "root_packages"
]


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def copy_of_project(tmp_path):
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_project_keeps_its_layers():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "imported"),
    [
        ("accounts/models.py", "payments.models"),
        ("agreements/services.py", "hours.models"),
        ("hours/services.py", "payments.cap"),
        ("payments/cap.py", "reports.yearly"),
        ("rules/services.py", "agreements.models"),
    ],
)
def test_an_import_upwards_inside_a_function_breaks_the_layers(copy_of_project, module, imported):
    with open(copy_of_project / module, "a") as source:
        source.write(f"\n\ndef sneaky():\n    import {imported}\n\n    return {imported}\n")

    result = lint_imports(copy_of_project)

    assert result.returncode != 0
    assert "BROKEN" in result.stdout
    assert f"{module.replace('/', '.').removesuffix('.py')} -> {imported}" in result.stdout


def test_two_pages_of_the_top_floor_stay_independent(copy_of_project):
    with open(copy_of_project / "privacy/views.py", "a") as source:
        source.write("\n\ndef sneaky():\n    from reports import yearly\n\n    return yearly\n")

    result = lint_imports(copy_of_project)

    assert result.returncode != 0
    assert "privacy.views -> reports.yearly" in result.stdout
