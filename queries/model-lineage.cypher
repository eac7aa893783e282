// name: model-lineage
// description: The lineage of a model: what it is a variant or fine-tune of (ancestors) and what is one of it (descendants), up to 6 hops, nearest first.
// param: model = Llama 2
// param: limit = 50
WITH 'entity:' + reduce(k = '', c IN split(replace(toLower(normalize($model, NFKC)), '+', 'plus'), '') | k + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE '' END) AS key
CALL (key) {
  MATCH (e:Entity {id: key})
  RETURN e, 0 AS rank
  UNION
  MATCH (e:Entity)
  WHERE NOT EXISTS { MATCH (:Entity {id: key}) }
    AND any(al IN coalesce(e.aliases, []) WHERE 'entity:' + reduce(k = '', c IN split(replace(toLower(normalize(al, NFKC)), '+', 'plus'), '') | k + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE '' END) = key)
  RETURN e, 1 AS rank
}
WITH e, rank ORDER BY rank, e.id LIMIT 1
WITH e AS m
CALL (m) {
  MATCH path = (m)-[:VARIANT_OF|FINE_TUNED_FROM*1..6]->(x:Entity)
  WHERE x <> m
  RETURN x, 'ancestor' AS direction, length(path) AS hops
  UNION ALL
  MATCH path = (x:Entity)-[:VARIANT_OF|FINE_TUNED_FROM*1..6]->(m)
  WHERE x <> m
  RETURN x, 'descendant' AS direction, length(path) AS hops
}
WITH m, x, direction, min(hops) AS depth
RETURN m.name AS model, direction, x.name AS relative, [l IN labels(x) WHERE l <> 'Entity'][0] AS label, depth
ORDER BY direction ASC, depth ASC, relative ASC
LIMIT $limit
