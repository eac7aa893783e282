/* kg pages: draws the page's graph with vis-network; every piece of user text is rendered as text
   (createTextNode / textContent), never parsed as HTML. Tooltips are our own DOM elements, not vis titles. */
(function () {
  "use strict";
  var mark = function (name) { if (window.performance && performance.mark) performance.mark(name); };
  mark("kg-start");
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  mark("kg-parsed");
  var page = data.page;
  var colors = data.colors || {};
  var byId = new Map();
  var byKey = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); byKey.set(n.key, n); });

  // ------------------------------------------------------------------ DOM helpers (text only)
  function el(tag, cls) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    for (var i = 2; i < arguments.length; i++) add(node, arguments[i]);
    return node;
  }
  function add(parent, kid) {
    if (kid === null || kid === undefined || kid === false) return;
    if (Array.isArray(kid)) { kid.forEach(function (k) { add(parent, k); }); return; }
    parent.appendChild(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  var LOCAL = /^(\.\.\/)?(index|overview|types\/[a-z]+|entities\/[a-z0-9-]+|leaderboards\/[a-z0-9-]+)\.html(#n=[A-Za-z0-9%._~-]*)?$/;
  function safeHref(h) {
    return typeof h === "string" && (LOCAL.test(h) || /^https?:\/\/[^\s"'<>\\]+$/i.test(h));
  }
  function link(text, href, cls) {
    if (!safeHref(href)) return el("span", cls, text);
    var a = el("a", cls, text);
    a.href = href;
    if (/^https?:/i.test(href)) { a.target = "_blank"; a.rel = "noopener noreferrer"; }
    return a;
  }
  function dot(label) {
    var d = el("span", "dot");
    d.style.backgroundColor = colors[label] || "#64748b";
    return d;
  }
  function badge() { return el.apply(null, ["span", "badge"].concat([].slice.call(arguments))); }
  function plural(n, word) { return n.toLocaleString("en") + " " + word + (n === 1 ? "" : "s"); }
  function norm(s) { return String(s).normalize("NFKD").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""); }
  function darker(hex) {
    var v = parseInt(hex.slice(1), 16);
    var f = function (s) { return Math.round(((v >> s) & 255) * 0.72); };
    return "rgb(" + f(16) + "," + f(8) + "," + f(0) + ")";
  }

  // ------------------------------------------------------------------ header, legend
  var nav = document.getElementById("kg-nav");
  (data.nav || []).forEach(function (item) {
    var a = link(item.text, item.href, item.current ? "current" : "");
    nav.appendChild(a);
  });
  var legend = document.getElementById("kg-legend");
  data.legend.forEach(function (item) {
    legend.appendChild(el("span", "item", dot(item.label), item.label + " ", el("span", "muted", String(item.count))));
  });
  if (page.kind === "ego" || page.kind === "graph") {
    legend.appendChild(el("span", "note", "size = papers · hover for details · click for evidence"));
  } else {
    legend.appendChild(el("span", "note", "size = papers · dark arrows = relations · grey lines = co-mentions"));
  }
  if (!data.nodes.length) legend.appendChild(el("span", "note", "This graph is empty."));

  // ------------------------------------------------------------------ network
  var big = page.big;
  // Styles live in groups and edge defaults: per-item style objects make vis merge options per item,
  // which dominates start-up time on big pages.
  var groups = {};
  Object.keys(colors).forEach(function (label) {
    var c = colors[label];
    groups[label] = { color: { background: c, border: darker(c), highlight: { background: c, border: "#0f172a" },
      hover: { background: c, border: "#0f172a" } } };
    if (label === "Paper" || label === "Result") groups[label].font = { size: 11, color: "#64748b" };
  });
  // Big pages label only their ~500 biggest nodes: vis measures every label up front, and the rest are
  // unreadable until zoomed in anyway; the tooltip and panel name every node.
  var LABEL_MAX = 500;
  var minLabelled = big ? data.nodes.map(function (n) { return n.s; }).sort(function (a, b) { return b - a; })[LABEL_MAX - 1] : 0;
  var visNodes = new vis.DataSet(data.nodes.map(function (n) {
    var item = { id: n.id, x: n.x, y: n.y, size: n.s, group: n.l };
    if (n.s >= minLabelled) item.label = n.t;
    if (n.id === page.center) {
      item.borderWidth = 4;
      item.font = { size: 22, color: "#0f172a", strokeWidth: 5 };
    } else if (!big && n.l !== "Paper" && n.l !== "Result") {
      item.font = { size: Math.round(12 + (n.s - 10) * 0.45) };  // bigger nodes, bigger names
    }
    return item;
  }));
  var REL = { color: "#64748b", highlight: "#0f172a", hover: "#0f172a", opacity: 0.9 };
  var visEdges = new vis.DataSet(data.edges.map(function (e, i) {
    var item = { id: i, from: e.f, to: e.t };
    if (!e.directed && !big) item.arrows = "";  // big pages draw no arrow heads: costly and invisible at that zoom
    if (e.co) item.width = Math.min(1 + Math.log2(1 + e.co), 7);
    if (e.types.some(function (t) { return t !== "MENTIONS"; })) { item.color = REL; item.width = item.width || 1.6; }
    return item;
  }));
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: page.physics ? {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -55, springLength: 90, springConstant: 0.05, avoidOverlap: 0.5 },
      stabilization: { enabled: true, iterations: 180, updateInterval: 60, fit: true },
    } : false,
    groups: groups,
    nodes: { shape: "dot", borderWidth: 1.5, font: { size: 13, face: "system-ui, sans-serif", color: "#1e293b", strokeWidth: 4,
      strokeColor: "#ffffff" }, scaling: { label: { drawThreshold: 6 } } },
    edges: { smooth: big ? false : { enabled: true, type: "continuous", roundness: 0.25 }, selectionWidth: 1.5,
      hoverWidth: 0.6, width: 1, arrows: { to: { enabled: !big, scaleFactor: 0.45 } },
      color: { color: "#cbd5e1", highlight: "#64748b", hover: "#64748b", opacity: 0.8 } },
    interaction: { hover: !big, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false, tooltipDelay: 100 },
  };
  var container = document.getElementById("kg-graph");
  mark("kg-datasets");
  var network = new vis.Network(container, { nodes: visNodes, edges: visEdges }, options);
  mark("kg-network");

  var stabilized = !page.physics;
  var ready = false;
  function settle() {
    if (stabilized) return;
    stabilized = true;
    network.setOptions({ physics: false });
    network.fit({ animation: false });
    network.redraw();
  }
  if (page.physics) {
    network.once("stabilizationIterationsDone", settle);
    setTimeout(settle, 5000);
  }
  network.on("afterDrawing", function () {
    if (ready || !stabilized) return;
    ready = true;
    window.kgReady = true;
    document.body.setAttribute("data-ready", "1");
    mark("kg-ready");
    if (location.hash.indexOf("#n=") === 0) {
      var n = byKey.get(decodeURIComponent(location.hash.slice(3)));
      if (n) focusNode(n.id);
    }
  });
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit({ animation: false }); });

  // ------------------------------------------------------------------ tooltip
  var wrap = document.getElementById("kg-graph-wrap");
  var tip = document.getElementById("kg-tip");
  var mouse = { x: 0, y: 0 };
  function placeTip() {
    var w = wrap.clientWidth, h = wrap.clientHeight;
    var x = mouse.x + 14, y = mouse.y + 14;
    if (x + tip.offsetWidth > w - 6) x = Math.max(6, mouse.x - tip.offsetWidth - 14);
    if (y + tip.offsetHeight > h - 6) y = Math.max(6, mouse.y - tip.offsetHeight - 14);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  wrap.addEventListener("mousemove", function (ev) {
    var r = wrap.getBoundingClientRect();
    mouse = { x: ev.clientX - r.left, y: ev.clientY - r.top };
    if (!tip.hidden) placeTip();
  });
  function showTip(kids) { tip.replaceChildren(); add(tip, kids); tip.hidden = false; placeTip(); }
  function hideTip() { tip.hidden = true; }
  function nodeTip(n) {
    var i = n.info;
    var meta = [n.l];
    if (i.kind === "entity") meta.push(plural(i.paperCount, "paper"));
    if (i.kind === "paper" && i.year) meta.push(String(i.year));
    var kids = [el("div", "tip-title", i.name), el("div", "tip-meta", meta.join(" · "))];
    if (i.aliases && i.aliases.length) {
      kids.push(el("div", "tip-line", "also: " + i.aliases.slice(0, 6).join(", ") + (i.aliases.length > 6 ? ", …" : "")));
    }
    if (i.kind === "paper" && i.authors && i.authors.length) {
      kids.push(el("div", "tip-line", i.authors.slice(0, 3).join(", ") + (i.authors.length > 3 ? " et al." : "")));
    }
    if (i.kind === "result") kids.push(el("div", "tip-line", resultText(i)));
    kids.push(el("div", "tip-meta", "click for details"));
    return kids;
  }
  function edgeTip(e) {
    var kids = [el("div", "tip-title", byId.get(e.f).info.name + (e.directed ? " → " : " — ") + byId.get(e.t).info.name)];
    var what = e.types.slice();
    if (e.co) what.push("co-mentioned in " + plural(e.co, "paper"));
    kids.push(el("div", "tip-meta", what.join(" · ")));
    (e.evidence || []).slice(0, 2).forEach(function (ev) { kids.push(el("div", "tip-line", "“" + ev.text + "”")); });
    return kids;
  }
  network.on("hoverNode", function (p) { showTip(nodeTip(byId.get(p.node))); });
  if (big) {  // vis hover redraws the whole canvas on every change; on big pages we only hit-test
    var pending = false, hovered;
    wrap.addEventListener("mousemove", function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        var id = network.getNodeAt(mouse);
        if (id === hovered) return;
        hovered = id;
        if (id === undefined) hideTip(); else showTip(nodeTip(byId.get(id)));
      });
    });
    container.addEventListener("mouseleave", function () { hovered = undefined; hideTip(); });
  }
  network.on("blurNode", hideTip);
  network.on("hoverEdge", function (p) { showTip(edgeTip(data.edges[p.edge])); });
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  // ------------------------------------------------------------------ side panel
  var panel = document.getElementById("kg-panel");
  function setPanel(kids) { panel.replaceChildren(); add(panel, kids); panel.scrollTop = 0; }
  function section(title, body) { return [el("h3", null, title), body]; }
  function resultText(r) {
    var v = r.value === undefined ? "?" : String(r.value) + (r.unit || "");
    return (r.metric ? r.metric + " " : "") + v + (r.model ? " · " + r.model : "") + (r.benchmark ? " on " + r.benchmark : "");
  }
  function resultsTable(rows, more) {
    var t = el("table", "results", el("thead", null, el("tr", null,
      el("th", null, "Model"), el("th", null, "Benchmark"), el("th", null, "Metric"), el("th", null, "Value"))));
    var body = el("tbody");
    rows.forEach(function (r) {
      body.appendChild(el("tr", null, el("td", null, r.model || "—"), el("td", null, r.benchmark || "—"),
        el("td", null, r.metric || "—"),
        el("td", "num", r.value === undefined ? "—" : String(r.value) + (r.unit || ""))));
      if (r.evidence || r.paper) {
        body.appendChild(el("tr", "ev", el("td", null, (r.evidence ? "“" + r.evidence + "”" : ""),
          r.paper ? el("span", "muted", " — " + r.paper) : null)));
        body.lastChild.firstChild.colSpan = 4;
      }
    });
    t.appendChild(body);
    return [t, more ? el("p", "muted", "… and " + plural(more, "more result")) : null];
  }
  function entityPanel(i, isSubject) {
    var out = [el("h2", null, i.name),
      el("p", null, badge(dot(i.label), i.label), badge(plural(i.paperCount, "paper")),
        !isSubject && i.href ? link("Open its page →", i.href) : null)];
    if (i.aliases.length) out.push(section("Also known as", el("div", "chips", i.aliases.map(function (a) { return el("span", "chip", a); }))));
    if (i.relations.length) {
      out.push(section("Relations", el("ul", "plain", i.relations.map(function (r) {
        return el("li", null, el("span", "rel-type", r.dir === "out" ? r.type + " → " : "← " + r.type + " "),
          dot(r.otherLabel), " ", link(r.other, r.href),
          r.evidence ? el("span", "evidence", r.evidence) : null);
      }))));
      if (i.moreRelations) out.push(el("p", "muted", "… and " + plural(i.moreRelations, "more relation")));
    }
    if (i.results.length) out.push(section("Results", resultsTable(i.results, i.moreResults)));
    out.push(section("Papers (" + i.paperCount + ")", el("ul", "plain", i.papers.map(function (p) {
      return el("li", null, link(p.title, p.url), p.year ? el("span", "muted", " (" + p.year + ")") : null,
        el("div", null, p.types.map(function (t) { return el("span", "badge rel-type", t); })),
        p.evidence.map(function (s) { return el("span", "evidence", s); }));
    }))));
    if (i.morePapers) {
      out.push(el("p", "muted", "… and " + plural(i.morePapers, "more paper") + " ",
        i.href ? link("(all on its page)", i.href) : null));
    }
    return out;
  }
  function paperPanel(i) {
    var out = [el("h2", null, i.title),
      el("p", null, badge(dot("Paper"), "Paper"), i.year ? badge(String(i.year)) : null,
        i.url ? link("Open paper ↗", i.url) : null)];
    if (i.authors.length) out.push(el("p", "muted", i.authors.join(", ")));
    out.push(section("Abstract", el("div", "abstract", i.abstract || "—")));
    if (i.entities.length) {
      out.push(section("Entities", el("ul", "plain", i.entities.map(function (e) {
        return el("li", null, dot(e.label), " ", link(e.name, e.href), " ",
          e.types.map(function (t) { return el("span", "badge rel-type", t); }));
      }))));
    }
    if (i.results.length) out.push(section("Results", resultsTable(i.results, 0)));
    return out;
  }
  function resultPanel(i) {
    return [el("h2", null, i.name), el("p", null, badge(dot("Result"), "Result")),
      resultsTable([i], 0), i.paper ? section("Paper", el("p", null, i.paper)) : null];
  }
  function detailsOf(n, isSubject) {
    if (n.info.kind === "paper") return paperPanel(n.info);
    if (n.info.kind === "result") return resultPanel(n.info);
    return entityPanel(n.info, isSubject);
  }
  function back() {
    var b = el("button", "kg-back", "← back");
    b.type = "button";
    b.addEventListener("click", function () { network.unselectAll(); home(); });
    return b;
  }
  function showNode(id) {
    var n = byId.get(id);
    if (!n) return;
    setPanel([back(), detailsOf(n, n.id === page.center)]);
  }
  function showEdge(idx) {
    var e = data.edges[idx];
    var what = e.types.slice();
    if (e.co) what.push("co-mentioned in " + plural(e.co, "paper"));
    setPanel([back(), el("h2", null, byId.get(e.f).info.name + (e.directed ? " → " : " — ") + byId.get(e.t).info.name),
      el("p", null, what.map(function (t) { return badge(t); })),
      (e.evidence || []).length ? section("Evidence", el("ul", "plain", e.evidence.map(function (ev) {
        return el("li", null, el("span", "rel-type", ev.type), el("span", "evidence", ev.text));
      }))) : null]);
  }
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: big ? false : { duration: 300 } });
    showNode(id);
  }
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  var LIST_MAX = 200;  // rows shown at once: thousands of rows would cost more than drawing the graph
  function nodeList(filterInput) {
    var ul = el("ul", "plain");
    var ents = data.nodes.filter(function (n) { return n.info.kind === "entity"; });
    var keys = ents.map(function (n) { return norm([n.info.name].concat(n.info.aliases).join(" ")); });
    function row(n) {
      var li = el("li", "row-link", dot(n.l), " ", n.info.name, " ", el("span", "muted", "· " + plural(n.info.paperCount, "paper")));
      li.addEventListener("click", function () { focusNode(n.id); });
      return li;
    }
    function fill() {
      var q = norm(filterInput.value);
      var hits = [];
      for (var k = 0; k < ents.length && hits.length < LIST_MAX; k++) if (!q || keys[k].indexOf(q) >= 0) hits.push(ents[k]);
      ul.replaceChildren();
      hits.forEach(function (n) { ul.appendChild(row(n)); });
      if (!hits.length) ul.appendChild(el("li", "muted", "No node matches."));
      else if (hits.length === LIST_MAX) ul.appendChild(el("li", "muted", "… refine the search to see more."));
    }
    filterInput.addEventListener("input", fill);
    fill();
    return ul;
  }
  function searchInput(placeholder, id) {
    var input = el("input", "search");
    input.type = "search";
    input.placeholder = placeholder;
    input.id = id;
    input.setAttribute("aria-label", placeholder);
    input.autocomplete = "off";
    return input;
  }

  function indexHome() {
    var ix = data.index;
    var counts = el("div", "counts", ix.counts.map(function (c) {
      return link([el("span", "n", c.count.toLocaleString("en")), el("span", "l", dot(c.label), c.label === "Paper" ? "Papers" : c.label === "Result" ? "Results" : c.label + "s")],
        c.href || null, "count");
    }));
    var input = searchInput("Search entities and aliases…", "kg-search");
    var results = el("ul", "plain");
    results.id = "kg-search-results";
    var all = ix.entities.map(function (e) { return { e: e, name: norm(e.name), aliases: e.aliases.map(norm) }; });
    function run() {
      var q = norm(input.value);
      results.replaceChildren();
      if (!q) return;
      var hits = [];
      for (var k = 0; k < all.length && hits.length < 50; k++) {
        var it = all[k];
        if (it.name.indexOf(q) >= 0) hits.push([it.e, null]);
        else {
          var j = it.aliases.findIndex(function (a) { return a.indexOf(q) >= 0; });
          if (j >= 0) hits.push([it.e, it.e.aliases[j]]);
        }
      }
      if (!hits.length) results.appendChild(el("li", "muted", "No entity matches."));
      hits.forEach(function (h) {
        var e = h[0];
        results.appendChild(el("li", null, dot(e.label), " ", link(e.name, e.href), " ",
          el("span", "muted", "· " + e.label + " · " + plural(e.papers, "paper")),
          e.board ? [" · ", link("leaderboard", e.board)] : null,
          h[1] ? el("div", "muted", "alias: " + h[1]) : null));
      });
    }
    input.addEventListener("input", run);
    var pages = el("ul", "plain", el("li", null, link("Overview: the top " + ix.top + " entities", "overview.html")),
      ix.entities.some(function (e) { return e.board; }) ? el("li", null, link("Leaderboards: benchmarks by number of results", "leaderboards/index.html")) : null,
      ix.counts.filter(function (c) { return c.href; }).map(function (c) {
        return el("li", null, dot(c.label), " ", link((c.label + "s") + " page", c.href));
      }));
    var groups = {};
    ix.entities.forEach(function (e) { if (e.ego) (groups[e.label] = groups[e.label] || []).push(e); });
    var egos = Object.keys(groups).map(function (label) {
      return el("details", null, el("summary", null, dot(label), " ", label + "s ", el("span", "muted", "(" + groups[label].length + ")")),
        el("ul", "ego-links", groups[label].map(function (e) {
          return el("li", null, link(e.name, e.href), el("span", "muted", " " + e.papers));
        })));
    });
    var nEgo = ix.entities.filter(function (e) { return e.ego; }).length;
    setPanel([
      el("p", "muted", "A knowledge graph of models, datasets, methods, benchmarks and results extracted from ML paper abstracts. The graph shows the top " + ix.top + " entities; click a node for its papers and evidence."),
      el("div", null, counts), el("p", "muted", plural(ix.relations, "edge") + " in all."),
      section("Search", [input, results]),
      section("Pages", pages),
      section("Entity pages (" + nEgo + ")", egos.length ? egos : el("p", "muted", "No entity has enough papers yet.")),
    ]);
  }
  function home() {
    if (page.kind === "index") { indexHome(); return; }
    if (page.kind === "ego" && page.center !== null) {
      var c = byId.get(page.center);
      setPanel([detailsOf(c, true), el("p", "muted", "The graph shows it with its " + plural(data.nodes.length - 1, "neighbour") + ".")]);
      return;
    }
    var input = searchInput("Find a node…", "kg-find");
    var intro = page.kind === "overview"
      ? "The " + data.nodes.length + " entities mentioned by the most papers. Dark arrows are extracted relations; grey lines join entities mentioned by the same papers (thicker = more papers)."
      : page.kind === "type"
        ? "The " + data.nodes.length + " most-mentioned entities of this type, joined by relations and co-mentions."
        : "Every node and edge of this graph.";
    setPanel([el("p", "muted", intro), input, section("By number of papers", nodeList(input))]);
  }
  home();

  window.kg = { network: network, nodes: visNodes, edges: visEdges, data: data, showNode: showNode,
    focusNode: focusNode, isReady: function () { return ready; } };
})();
