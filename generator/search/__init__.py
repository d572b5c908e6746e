"""Korean-aware site search: Material's lunr index, enriched at build time with Kiwi.

`vocabulary` loads the editable aliases and limits, `segment` finds the parts
of Korean words, `index` enriches Material's search index, `plugin` is the
MkDocs plugin that does it on every build, and `probe` asks Material's search
worker in a browser which pages a query finds (for the benchmark and tests).
"""
