"""The guideline core: YAML data in, Markdown pages out. Knows nothing of MkDocs."""
