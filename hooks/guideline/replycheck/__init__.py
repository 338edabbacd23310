"""The reply checker: the guideline's rules for a reply, compiled once, run in `check` and in the browser."""
