"""Stage 3, cross-checks over the whole guideline: ids and references, reserved ids, prerequisites, content policies."""
