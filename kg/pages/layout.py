"""Deterministic screen positions for a view: spring layout per component, packed biggest first."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

from kg.pages.views import View

SPRING_MAX = 400  # components up to this size use networkx' exact spring layout; larger ones a sampled one
_UNIT = 55.0  # screen pixels per sqrt(node) of a laid-out component


def _fr_sampled(und: nx.Graph, nodes: list[str], seed: int, iterations: int = 60,
                sample: int = 192) -> np.ndarray:
    """Fruchterman-Reingold with repulsion from a random sample of nodes: O(n·sample) per step, no scipy."""
    n = len(nodes)
    idx = {v: i for i, v in enumerate(nodes)}
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, (n, 2))
    e = np.array([(idx[u], idx[v]) for u, v in und.edges(nodes)], dtype=np.int64).reshape(-1, 2)
    w = np.array([float(d.get("weight", 1.0)) for _, _, d in und.edges(nodes, data=True)])
    k = math.sqrt(4.0 / n)
    temp = 0.2
    for _ in range(iterations):
        s = rng.choice(n, size=min(sample, n), replace=False)
        # x and y as separate (n, sample) arrays: reducing a (n, sample, 2) array over its middle axis
        # is strided and took 60% of the layout time of a 5,000-node page
        dx = pos[:, 0, None] - pos[None, s, 0]
        dy = pos[:, 1, None] - pos[None, s, 1]
        f = k * k / np.maximum(dx * dx + dy * dy, 1e-6)
        disp = np.stack(((dx * f).sum(1), (dy * f).sum(1)), axis=1) * (n / len(s))
        if len(e):
            dv = pos[e[:, 0]] - pos[e[:, 1]]
            f = dv * (np.linalg.norm(dv, axis=1) / k * w)[:, None]
            np.add.at(disp, e[:, 0], -f)
            np.add.at(disp, e[:, 1], f)
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp = max(temp * 0.95, 0.005)
    pos -= pos.mean(0)
    return pos / max(float(np.abs(pos).max()), 1e-9)


def layout(view: View, *, seed: int = 7) -> dict[str, tuple[int, int]]:
    """Deterministic screen positions: each connected component laid out, then packed biggest first."""
    und = nx.Graph()
    und.add_nodes_from(view.nodes)
    for u, v, e in view.edges:
        w = 1.0 + math.log1p(e.get("co", 0)) + (1.0 if e.get("types") else 0.0)
        und.add_edge(u, v, weight=w)
    order = {n: i for i, n in enumerate(view.nodes)}
    comps = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(und)),
                   key=lambda c: (-len(c), order[c[0]]))
    blocks: list[tuple[float, dict[str, tuple[float, float]]]] = []
    singles: list[str] = []
    for comp in comps:
        if len(comp) == 1:
            singles.append(comp[0])
            continue
        radius = _UNIT * math.sqrt(len(comp))
        if len(comp) <= SPRING_MAX:
            # a Graph with the nodes in ``comp`` order: a subgraph view of a small part of ``und`` iterates
            # its node *set*, whose order changes with PYTHONHASHSEED, and so would the layout
            sub = nx.Graph()
            sub.add_nodes_from(comp)
            sub.add_edges_from(und.subgraph(comp).edges(data=True))
            raw = nx.spring_layout(sub, seed=seed, iterations=100)
            arr = np.array([raw[n] for n in comp])
        else:
            arr = _fr_sampled(und, comp, seed)
        scaled = {n: (float(x) * radius, float(y) * radius) for n, (x, y) in zip(comp, arr, strict=True)}
        blocks.append((radius, scaled))
    if singles:  # isolates: one square grid block
        side = math.ceil(math.sqrt(len(singles)))
        step = _UNIT * 1.2
        half = (side - 1) * step / 2
        grid = {n: ((i % side) * step - half, (i // side) * step - half) for i, n in enumerate(singles)}
        blocks.append((max(half, step / 2), grid))
    total = sum((2 * r) ** 2 for r, _ in blocks)
    row_width = max(math.sqrt(total) * 1.3, max((2 * r for r, _ in blocks), default=0.0))
    out: dict[str, tuple[int, int]] = {}
    x = y = row_h = 0.0
    gap = _UNIT
    for r, pos in blocks:
        if x > 0 and x + 2 * r > row_width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        cx, cy = x + r, y + r
        out.update({n: (round(cx + px), round(cy + py)) for n, (px, py) in pos.items()})
        x += 2 * r + gap
        row_h = max(row_h, 2 * r)
    return out
