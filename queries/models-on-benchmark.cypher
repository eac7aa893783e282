// name: models-on-benchmark
// description: The models evaluated on a benchmark: mentioned by papers that evaluate on it, or named in its results.
// param: benchmark = MMLU
// param: limit = 20
WITH 'entity:' + reduce(k = '', c IN split(replace(toLower(normalize($benchmark, NFKC)), '+', 'plus'), '') | k + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE '' END) AS key
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
WITH e AS b
CALL (b) {
  MATCH (b)<-[:EVALUATED_ON]-(p:Paper)-->(m:Model)
  WHERE m <> b
  RETURN m, p.id AS pid, null AS rid
  UNION
  MATCH (b)<-[:ON]-(r:Result)-[:OF]->(m:Model), (p:Paper)-[:REPORTS]->(r)
  RETURN m, p.id AS pid, r.id AS rid
}
WITH b, m, count(DISTINCT pid) AS papers, count(DISTINCT rid) AS results
RETURN b.name AS benchmark, m.name AS model, papers, results
ORDER BY papers DESC, results DESC, model ASC
LIMIT $limit
