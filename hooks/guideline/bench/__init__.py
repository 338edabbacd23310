"""The benchmark behind `python3 build.py bench`: a synthetic guideline of any size, and its measurements."""
