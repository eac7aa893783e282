// name: model-variants
// description: The variants of a model family, following VARIANT_OF transitively (up to 6 hops), nearest first.
// param: model = Llama
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
MATCH path = (v:Entity)-[:VARIANT_OF*1..6]->(m)
WHERE v <> m
WITH m, v, min(length(path)) AS depth
RETURN m.name AS family, v.name AS variant, [l IN labels(v) WHERE l <> 'Entity'][0] AS label, depth
ORDER BY depth ASC, variant ASC
LIMIT $limit
