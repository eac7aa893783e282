// name: low-evidence
// description: Entities for curation: seen in at most max_papers papers, fewest relations first, with one evidence sentence.
// param: max_papers = 1
// param: limit = 50
MATCH (e:Entity)
OPTIONAL MATCH (p:Paper)-->(e)
WITH e, count(DISTINCT p) AS papers, min(p.id) AS first
WHERE papers <= $max_papers
OPTIONAL MATCH (e)-[x]-()
WHERE type(x) <> 'MENTIONS'
WITH e, papers, first, count(x) AS relations
OPTIONAL MATCH (f:Paper {id: first})-[m:MENTIONS]->(e)
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS label, papers, relations, f.paper_id AS paper_id, m.rule AS rule,
       m.evidence AS evidence
ORDER BY papers ASC, relations ASC, name ASC
LIMIT $limit
