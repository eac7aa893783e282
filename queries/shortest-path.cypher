// name: shortest-path
// description: A shortest path between two entities through papers, results and entities (the smallest by node ids on ties).
// param: source = LoRA
// param: target = GPT-4
WITH 'entity:' + reduce(k = '', c IN split(replace(toLower(normalize($source, NFKC)), '+', 'plus'), '') | k + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE '' END) AS key
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
WITH e AS a
WITH a, 'entity:' + reduce(k = '', c IN split(replace(toLower(normalize($target, NFKC)), '+', 'plus'), '') | k + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE '' END) AS key2
CALL (key2) {
  MATCH (e:Entity {id: key2})
  RETURN e, 0 AS rank
  UNION
  MATCH (e:Entity)
  WHERE NOT EXISTS { MATCH (:Entity {id: key2}) }
    AND any(al IN coalesce(e.aliases, []) WHERE 'entity:' + reduce(k = '', c IN split(replace(toLower(normalize(al, NFKC)), '+', 'plus'), '') | k + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE '' END) = key2)
  RETURN e, 1 AS rank
}
WITH a, e, rank ORDER BY rank, e.id LIMIT 1
WITH a, e AS b
WHERE a <> b
MATCH path = allShortestPaths((a)-[*..6]-(b))
WITH path ORDER BY [n IN nodes(path) | n.id] ASC, [r IN relationships(path) | type(r)] ASC LIMIT 1
UNWIND range(0, length(path)) AS i
WITH path, i, nodes(path)[i] AS n
RETURN i AS step, n.id AS id, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       CASE WHEN i = 0 THEN null ELSE type(relationships(path)[i - 1]) END AS rel
ORDER BY step ASC
