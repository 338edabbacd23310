"""The incremental live preview: caches that let a rebuild under `serve` redo only what an edit changed."""
