"""Stage 4, models to typed page contexts: one planner per page kind, registered in `pages.PLANNERS`."""
