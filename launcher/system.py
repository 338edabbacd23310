"""The Debian packages the test gates need (browser, web server, HTML checker), installed with apt-get."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Mapping

from launcher.console import say

SYSTEM_PACKAGES = (
    ("chromium", "chromium"),  # browser and accessibility tests: Debian's, never a downloaded browser
    ("nginx", "nginx"),  # the deploy/nginx.conf test
    ("openssl", "openssl"),  # its throwaway certificate
    ("java", "default-jre-headless"),  # the W3C HTML checker (vnu.jar, which the test installs via npm)
    ("npm", "npm"),
)
NO_APT_VARIABLE = "GUIDELINE_NO_APT"


def missing_system_packages() -> list[str]:
    """Return the Debian packages whose commands the tests need but this machine lacks."""
    return [
        package for command, package in SYSTEM_PACKAGES
        if shutil.which(command) is None and not Path("/usr/sbin", command).is_file()
    ]


def can_install_packages(environment: Mapping[str, str]) -> bool:
    """Tell whether the launcher may install packages: as root with apt-get, unless GUIDELINE_NO_APT is set."""
    return (
        not environment.get(NO_APT_VARIABLE) and shutil.which("apt-get") is not None
        and hasattr(os, "geteuid") and os.geteuid() == 0
    )


def ensure_system_packages() -> None:
    """Install the Debian packages the tests need where that is possible (root with apt-get); else say so."""
    missing = missing_system_packages()
    if not missing:
        return
    if not can_install_packages(os.environ):
        say(f"Hinweis: es fehlen {', '.join(missing)}; die Tests, die das brauchen, werden übersprungen "
            f"(installieren: sudo apt-get install {' '.join(missing)})")
        return
    say(f"installiere Debian-Pakete für Browser-, Server- und HTML-Tests: {' '.join(missing)}")
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=environment, check=False)
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing]
    if subprocess.run(install, env=environment, check=False).returncode != 0:
        say("Installation fehlgeschlagen: die Tests, die diese Pakete brauchen, werden übersprungen")
