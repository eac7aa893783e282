// name: new-entities
// description: Newly proposed entities (a paper PROPOSES them), newest paper first; since = earliest year (0 = any).
// param: since = 0
// param: limit = 20
MATCH (p:Paper)-[r:PROPOSES]->(e:Entity)
WHERE coalesce(p.year, 0) >= $since
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, p.paper_id AS paper_id, p.title AS title, p.date AS date,
       r.evidence AS evidence
ORDER BY coalesce(date, '') DESC, name ASC, paper_id ASC
LIMIT $limit
