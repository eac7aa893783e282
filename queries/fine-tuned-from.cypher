// name: fine-tuned-from
// description: What is fine-tuned from a model (direct FINE_TUNED_FROM edges), with the evidence sentence.
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
MATCH (d:Entity)-[r:FINE_TUNED_FROM]->(m)
RETURN m.name AS base, d.name AS model, size(coalesce(r.papers, [])) AS papers, r.confidence AS confidence,
       r.evidence AS evidence
ORDER BY papers DESC, model ASC
LIMIT $limit
