// name: papers-by-year
// description: Per-year trend of the corpus: papers with a date and the distinct entities they touch, by year.
MATCH (p:Paper)
WHERE p.year IS NOT NULL
OPTIONAL MATCH (p)-->(e:Entity)
WITH p.year AS year, count(DISTINCT p) AS papers, count(DISTINCT e) AS entities
RETURN year, papers, entities
ORDER BY year ASC
