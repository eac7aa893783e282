// name: benchmarks-for-model
// description: The benchmarks a model is evaluated on: by papers that mention it and evaluate on them, or by its reported results.
// param: model = GPT-4
// param: limit = 20
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
  MATCH (m)<--(p:Paper)-[:EVALUATED_ON]->(b:Entity)
  WHERE b <> m
  RETURN b, p.id AS pid, null AS rid
  UNION
  MATCH (m)<-[:OF]-(r:Result)-[:ON]->(b:Entity), (p:Paper)-[:REPORTS]->(r)
  RETURN b, p.id AS pid, r.id AS rid
}
WITH m, b, count(DISTINCT pid) AS papers, count(DISTINCT rid) AS results
RETURN m.name AS model, b.name AS benchmark, [l IN labels(b) WHERE l <> 'Entity'][0] AS label, papers, results
ORDER BY papers DESC, results DESC, benchmark ASC
LIMIT $limit
