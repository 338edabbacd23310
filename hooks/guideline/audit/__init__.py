"""After the build: checks of the built HTML (links, anchors, other hosts), whatever engine built it."""
