// name: graph-summary
// description: How many nodes of each label the graph holds (Paper, Model, Dataset, Method, Benchmark, Result).
MATCH (n)
WITH [l IN labels(n) WHERE l <> 'Entity'][0] AS label, count(*) AS nodes
RETURN label, nodes
ORDER BY label ASC
