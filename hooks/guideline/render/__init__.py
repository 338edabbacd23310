"""Stage 5, page contexts to Markdown: the one Jinja environment and its templates."""
