// name: entity-trend
// description: Per-year trend of one entity: how many dated papers refer to it each year.
// param: entity = LoRA
WITH 'entity:' + reduce(k = '', c IN split(replace(toLower(normalize($entity, NFKC)), '+', 'plus'), '') | k + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE '' END) AS key
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
WITH e AS e
MATCH (p:Paper)-->(e)
WHERE p.year IS NOT NULL
WITH e, p.year AS year, count(DISTINCT p) AS papers
RETURN e.name AS entity, year, papers
ORDER BY year ASC
