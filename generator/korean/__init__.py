"""The Korean language layer: one shared Kiwi analyser and what is built on it."""
