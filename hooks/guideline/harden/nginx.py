"""Bring the Content-Security-Policy header of an nginx configuration in step with the built site."""

from __future__ import annotations

import re

POLICY_HEADER = re.compile(r'^(\s*add_header\s+Content-Security-Policy\s+")([^"]*)("\s+always;)', re.MULTILINE)


class NginxConfigError(ValueError):
    """The configuration has no single add_header line for the policy; the message says so in German."""


def _header_line(config: str) -> re.Match[str]:
    matches = list(POLICY_HEADER.finditer(config))
    if len(matches) != 1:
        raise NginxConfigError(
            f"erwartet genau eine Zeile add_header Content-Security-Policy \"…\" always; gefunden: {len(matches)}"
        )
    return matches[0]


def nginx_policy(config: str) -> str:
    """Return the policy an nginx configuration sends as a header."""
    return _header_line(config).group(2)


def with_nginx_policy(config: str, policy: str) -> str:
    """Return the configuration sending `policy` as its Content-Security-Policy header."""
    line = _header_line(config)
    return config[:line.start(2)] + policy + config[line.end(2):]
