// name: proposed-methods-on-benchmark
// description: Papers that propose a method and evaluate on a benchmark, one row per paper and proposed method.
// param: benchmark = MMLU
// param: limit = 50
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
MATCH (b)<-[:EVALUATED_ON]-(p:Paper)-[:PROPOSES]->(x:Method)
RETURN b.name AS benchmark, x.name AS method, p.paper_id AS paper_id, p.title AS title, p.year AS year
ORDER BY method ASC, paper_id ASC
LIMIT $limit
