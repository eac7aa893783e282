// name: co-occurring-methods
// description: The methods that appear in the same papers as a method (e.g. LoRA), by number of shared papers.
// param: method = LoRA
// param: limit = 20
WITH 'entity:' + reduce(k = '', c IN split(replace(toLower(normalize($method, NFKC)), '+', 'plus'), '') | k + CASE WHEN c =~ '[0-9a-z]' THEN c ELSE '' END) AS key
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
WITH e AS x
MATCH (x)<--(p:Paper)-->(o:Method)
WHERE o <> x
WITH x, o, count(DISTINCT p) AS papers
RETURN x.name AS method, o.name AS other, papers
ORDER BY papers DESC, other ASC
LIMIT $limit
