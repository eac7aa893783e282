// name: top-entities
// description: The most-studied entities of one label (Model, Dataset, Method, Benchmark; "" = all) by paper count.
// param: label = Model
// param: limit = 10
MATCH (p:Paper)-->(e:Entity)
WHERE $label = '' OR $label IN labels(e)
WITH e, count(DISTINCT p) AS papers
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, papers
ORDER BY papers DESC, name ASC
LIMIT $limit
