"""launcher.system: the test command installs the Debian packages the gates need, or says what is missing."""

from __future__ import annotations

import subprocess

import pytest

from launcher import system


def test_test_command_only_names_missing_system_packages_it_may_not_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(system, "missing_system_packages", lambda: ["chromium", "nginx"])
    monkeypatch.setenv(system.NO_APT_VARIABLE, "1")
    monkeypatch.setattr(system.subprocess, "run", lambda *a, **k: pytest.fail("must not run apt-get"))
    system.ensure_system_packages()
    assert capsys.readouterr().err == (
        "build.py: Hinweis: es fehlen chromium, nginx; die Tests, die das brauchen, werden übersprungen "
        "(installieren: sudo apt-get install chromium nginx)\n"
    )


def test_test_command_installs_missing_system_packages_as_root(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    monkeypatch.setattr(system, "missing_system_packages", lambda: ["chromium"])
    monkeypatch.delenv(system.NO_APT_VARIABLE, raising=False)
    monkeypatch.setattr(system.os, "geteuid", lambda: 0)
    monkeypatch.setattr(system.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(system.subprocess, "run",
                        lambda command, **_: calls.append(command) or subprocess.CompletedProcess(command, 0))
    system.ensure_system_packages()
    assert calls == [["apt-get", "update", "-qq"],
                     ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"]]


def test_a_failed_installation_is_reported_not_raised(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(system, "missing_system_packages", lambda: ["nginx"])
    monkeypatch.setattr(system, "can_install_packages", lambda environment: True)
    monkeypatch.setattr(system.subprocess, "run", lambda command, **_: subprocess.CompletedProcess(command, 100))
    system.ensure_system_packages()
    assert capsys.readouterr().err.splitlines()[-1] == (
        "build.py: Installation fehlgeschlagen: die Tests, die diese Pakete brauchen, werden übersprungen"
    )


@pytest.mark.parametrize(
    ("environment", "euid", "apt_get", "allowed"),
    [
        ({}, 0, "/usr/bin/apt-get", True),
        ({system.NO_APT_VARIABLE: "1"}, 0, "/usr/bin/apt-get", False),
        ({}, 1000, "/usr/bin/apt-get", False),
        ({}, 0, None, False),
    ],
)
def test_packages_are_installed_only_as_root_with_apt_get_and_unless_refused(
    environment: dict[str, str], euid: int, apt_get: str | None, allowed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(system.os, "geteuid", lambda: euid)
    monkeypatch.setattr(system.shutil, "which", lambda name: apt_get)
    assert system.can_install_packages(environment) is allowed


def test_nothing_is_said_when_nothing_is_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(system.shutil, "which", lambda name: f"/usr/bin/{name}")
    assert system.missing_system_packages() == []
    system.ensure_system_packages()
    assert capsys.readouterr().err == ""
