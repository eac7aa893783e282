// name: benchmark-trends
// description: Benchmarks that rose or fell: dated papers referring to each before and from a given year, by the change (order "rising" or "falling").
// param: year = 2023
// param: order = rising
// param: limit = 20
MATCH (p:Paper)-->(b:Benchmark)
WHERE p.year IS NOT NULL
WITH b, count(DISTINCT CASE WHEN p.year < $year THEN p END) AS before,
     count(DISTINCT CASE WHEN p.year >= $year THEN p END) AS since
WITH b.name AS benchmark, before, since, since - before AS change
RETURN benchmark, before, since, change
ORDER BY CASE WHEN $order = 'falling' THEN change ELSE -change END ASC, benchmark ASC
LIMIT $limit
