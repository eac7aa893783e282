// name: trained-on
// description: The datasets a model was trained on (TRAINED_ON edges), with the evidence sentence.
// param: model = GPT-3
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
MATCH (m)-[r:TRAINED_ON]->(d:Entity)
RETURN m.name AS model, d.name AS dataset, size(coalesce(r.papers, [])) AS papers, r.confidence AS confidence,
       r.evidence AS evidence
ORDER BY papers DESC, dataset ASC
LIMIT $limit
