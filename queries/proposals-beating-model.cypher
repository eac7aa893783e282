// name: proposals-beating-model
// description: Papers that propose something and report a result on a benchmark above the best a named model reached there (same metric, higher is better).
// param: model = Llama 2
// param: benchmark = MMLU
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
WITH m, 'entity:' + reduce(k = '', c IN split(replace(toLower(normalize($benchmark, NFKC)), '+', 'plus'), '') | k + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE '' END) AS key2
CALL (key2) {
  MATCH (e:Entity {id: key2})
  RETURN e, 0 AS rank
  UNION
  MATCH (e:Entity)
  WHERE NOT EXISTS { MATCH (:Entity {id: key2}) }
    AND any(al IN coalesce(e.aliases, []) WHERE 'entity:' + reduce(k = '', c IN split(replace(toLower(normalize(al, NFKC)), '+', 'plus'), '') | k + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE '' END) = key2)
  RETURN e, 1 AS rank
}
WITH m, e, rank ORDER BY rank, e.id LIMIT 1
WITH m, e AS b
MATCH (b)<-[:ON]-(r0:Result)-[:OF]->(m)
WITH m, b, toLower(coalesce(r0.metric, '')) AS metric, max(r0.value) AS best
MATCH (p:Paper)-[:REPORTS]->(r:Result)-[:ON]->(b)
WHERE toLower(coalesce(r.metric, '')) = metric AND r.value > best AND NOT (r)-[:OF]->(m)
  AND EXISTS { (p)-[:PROPOSES]->(:Entity) }
WITH m, b, metric, best, p, max(r.value) AS value
MATCH (p)-[:PROPOSES]->(x:Entity)
RETURN p.paper_id AS paper_id, p.title AS title, x.name AS proposed, b.name AS benchmark, metric, value,
       m.name AS beats, best AS beaten_value
ORDER BY value DESC, paper_id ASC, proposed ASC
LIMIT $limit
