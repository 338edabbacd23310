"""The shared vocabulary of every stage: the guideline's models, field types, and the registries of data kinds and id kinds."""
