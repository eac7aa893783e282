// name: leaderboard
// description: The leaderboard of a benchmark from the extracted results, best value first within each metric ("" = all metrics).
// param: benchmark = MMLU
// param: metric = ""
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
MATCH (b)<-[:ON]-(r:Result)
WHERE $metric = '' OR toLower(coalesce(r.metric, '')) = toLower($metric)
OPTIONAL MATCH (r)-[:OF]->(m:Entity)
RETURN b.name AS benchmark, coalesce(m.name, r.model) AS model, r.metric AS metric, r.value AS value,
       r.unit AS unit, r.paper_id AS paper_id, r.evidence AS evidence
ORDER BY coalesce(metric, '') ASC, value DESC, coalesce(model, '') ASC, r.id ASC
LIMIT $limit
