// name: central-entities
// description: The most central entities by degree (relationships of any type), optionally of one label ("" = all).
// param: label = ""
// param: limit = 20
MATCH (e:Entity)-[r]-(n)
WHERE $label = '' OR $label IN labels(e)
WITH e, count(r) AS degree, count(DISTINCT n) AS neighbours
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, degree, neighbours
ORDER BY degree DESC, name ASC
LIMIT $limit
