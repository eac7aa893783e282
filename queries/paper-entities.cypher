// name: paper-entities
// description: The entities of one paper (given by id or exact title) and how the paper relates to each.
// param: paper = GLM: General Language Model Pretraining with Autoregressive Blank Infilling
MATCH (p:Paper)
WHERE p.paper_id = $paper OR p.id = $paper OR toLower(p.title) = toLower($paper)
WITH p ORDER BY p.id LIMIT 1
MATCH (p)-[r]->(e:Entity)
WITH p, e, collect(type(r)) AS types
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS label,
       [t IN ['MENTIONS', 'PROPOSES', 'EVALUATED_ON', 'USES'] WHERE t IN types] AS relations
ORDER BY label ASC, name ASC
