// name: similar-papers
// description: Papers most similar to one paper (given by id or exact title) by the number of entities they share.
// param: paper = GLM: General Language Model Pretraining with Autoregressive Blank Infilling
// param: limit = 10
MATCH (p:Paper)
WHERE p.paper_id = $paper OR p.id = $paper OR toLower(p.title) = toLower($paper)
WITH p ORDER BY p.id LIMIT 1
MATCH (p)-->(e:Entity)<--(o:Paper)
WHERE o <> p
WITH DISTINCT p, o, e
ORDER BY e.name ASC
WITH p, o, collect(e.name) AS entities
RETURN o.paper_id AS paper_id, o.title AS title, size(entities) AS shared, entities
ORDER BY shared DESC, paper_id ASC
LIMIT $limit
