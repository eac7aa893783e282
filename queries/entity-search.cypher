// name: entity-search
// description: Find entities by name or alias through the full-text index (Lucene syntax); most-studied first, then by name.
// param: q = llama
// param: limit = 20
WITH $q AS q
WHERE trim(q) <> ''
CALL db.index.fulltext.queryNodes('entity_names', q) YIELD node
WITH DISTINCT node AS e
WHERE e:Entity
OPTIONAL MATCH (p:Paper)-->(e)
WITH e, count(DISTINCT p) AS papers
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, papers, coalesce(e.aliases, []) AS aliases
ORDER BY papers DESC, name ASC
LIMIT $limit
