"""After the engine's build, before the audit: give each built page the Content-Security-Policy of its own inline scripts."""
