"""`make audit` says what it found: clean, NOT AUDITED, or the vulnerabilities.

pip-audit lists every package as "not audited" and still exits 0 when it cannot
reach any vulnerability data; that must never read as a clean result. These
tests run bin/audit against a stand-in pip-audit that answers as the real one
does in each case.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UNREACHABLE = "Dependency not found on PyPI and could not be audited: {name} ({version})"


def fake_pip_audit(tmp_path, output: dict | None, code: int = 0, stderr: str = "") -> Path:
    script = tmp_path / "pip-audit"
    body = json.dumps(output) if output is not None else ""
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        f"sys.stdout.write({body!r})\n"
        f"sys.stderr.write({stderr!r})\n"
        f"sys.exit({code})\n"
    )
    script.chmod(0o755)
    return script


def run_audit(pip_audit: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "bin" / "audit")],
        env={**os.environ, "PIP_AUDIT": str(pip_audit)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def package(name, version="1.0", vulns=None, skip=None):
    if skip:
        return {"name": name, "skip_reason": skip.format(name=name, version=version)}
    return {"name": name, "version": version, "vulns": vulns or []}


EDITABLE = {"name": "burgerbaan", "skip_reason": "distribution marked as editable"}


def test_no_vulnerability_data_reachable_reads_not_audited(tmp_path):
    output = {
        "dependencies": [
            package("django", skip=UNREACHABLE),
            package("weasyprint", skip=UNREACHABLE),
            EDITABLE,
        ],
        "fixes": [],
    }
    result = run_audit(fake_pip_audit(tmp_path, output))
    assert result.returncode == 0  # CI goes on; it just says so
    assert "audit: NOT AUDITED (no vulnerability data reachable)" in result.stdout
    assert "clean" not in result.stdout


def test_pip_audit_failing_to_answer_reads_not_audited(tmp_path):
    result = run_audit(
        fake_pip_audit(tmp_path, None, code=1, stderr="ConnectionError: osv.dev unreachable\n")
    )
    assert result.returncode == 0
    assert "audit: NOT AUDITED" in result.stdout
    assert "osv.dev unreachable" in result.stdout


def test_every_package_audited_without_findings_reads_clean(tmp_path):
    output = {"dependencies": [package("django"), package("weasyprint"), EDITABLE], "fixes": []}
    result = run_audit(fake_pip_audit(tmp_path, output))
    assert result.returncode == 0
    assert result.stdout.strip() == "audit: clean (2 packages)"


def test_some_packages_not_audited_are_named(tmp_path):
    output = {
        "dependencies": [package("django"), package("private-lib", skip=UNREACHABLE), EDITABLE],
        "fixes": [],
    }
    result = run_audit(fake_pip_audit(tmp_path, output))
    assert result.returncode == 0
    assert "audit: clean (1 packages); not audited: private-lib" in result.stdout


def test_vulnerabilities_are_listed_and_fail(tmp_path):
    vuln = {"id": "GHSA-xxxx-yyyy", "fix_versions": ["6.1.4"], "aliases": ["CVE-2026-1"]}
    output = {"dependencies": [package("django", "6.1.3", vulns=[vuln]), package("weasyprint")]}
    result = run_audit(fake_pip_audit(tmp_path, output, code=1))
    assert result.returncode == 1
    assert "django 6.1.3: GHSA-xxxx-yyyy (CVE-2026-1), fixed in 6.1.4" in result.stdout
    assert "audit: 1 known vulnerability" in result.stdout


@pytest.mark.skipif(not Path("/usr/bin/make").exists(), reason="make is not installed")
def test_make_audit_runs_the_script_and_ci_runs_make_audit():
    dry_run = subprocess.run(
        ["make", "-n", "audit"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "bin/audit" in dry_run.stdout
    assert "make audit" in (ROOT / ".ci" / "run").read_text()
