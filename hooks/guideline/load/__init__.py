"""Stage 1, bytes to plain data: read the data folder, load each YAML file with exact positions, refuse what would lose or bomb data."""
