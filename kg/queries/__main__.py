"""``python -m kg.queries [guide]``: list the catalogue, or print the Browser guide."""

import sys

from kg.queries import guide_html, list_queries

if sys.argv[1:] == ["guide"]:
    sys.stdout.write(guide_html())
else:
    for query in list_queries():
        print(f"{query.name:32} {query.description}")
