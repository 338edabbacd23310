"""The launcher's work: prepare .venv, then run MkDocs, pytest or the guideline's CLI inside it.

Standard library only: it runs before any virtual environment exists. The core (hooks/guideline/)
never imports it; it imports only the core's stdlib-only argument parser, guideline.arguments.
"""
