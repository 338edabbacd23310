"""Render the reply checker's rules as a static script: one frozen object that docs/javascripts/replycheck.js reads.

A script file, not an inline one nor a JSON file to fetch: it works from file:// and offline, and the page's
Content-Security-Policy allows it as one of the site's own files ('self') without a hash.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

from ..plan.replycheck import RULES_SCRIPT
from .markdown import RenderedPage


def render_rules_script(rules: dict[str, Any], source: PurePosixPath | None) -> RenderedPage:
    """Return the generated rules script (its `markdown` is the JavaScript), edited through `source`."""
    data = json.dumps(rules, ensure_ascii=True, sort_keys=True, indent=1)
    script = (
        "/* Generated from the guideline's tone.yml, channels.yml and reply_check.yml: do not edit. */\n"
        f'"use strict";\nwindow.replyCheckRules = Object.freeze({data});\n'
    )
    return RenderedPage(src_uri=RULES_SCRIPT, title="", markdown=script, edit_path=source)
