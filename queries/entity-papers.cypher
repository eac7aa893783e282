// name: entity-papers
// description: The papers that mention an entity, newest first, with how they relate to it and the evidence sentence.
// param: entity = LoRA
// param: limit = 50
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
MATCH (p:Paper)-[r]->(e)
WITH e, p, collect(r) AS rels
WITH e, p, [t IN ['MENTIONS', 'PROPOSES', 'EVALUATED_ON', 'USES'] WHERE any(x IN rels WHERE type(x) = t)] AS relations,
     [t IN ['MENTIONS', 'PROPOSES', 'EVALUATED_ON', 'USES'] |
        head([x IN rels WHERE type(x) = t AND coalesce(x.evidence, '') <> '' | x.evidence])] AS found
RETURN e.name AS entity, p.paper_id AS paper_id, p.title AS title, p.date AS date, relations,
       head([s IN found WHERE s IS NOT NULL]) AS evidence
ORDER BY coalesce(date, '') DESC, paper_id ASC
LIMIT $limit
