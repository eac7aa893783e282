/* kg leaderboard pages: tables, best values and a value-over-date plot from the page's JSON.
   User text is only ever set with textContent or as SVG text nodes: never innerHTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  function safeHref(h) { return typeof h === "string" && /^(https?:\/\/|[\w.\-\/]+\.html(#.*)?$)/i.test(h) ? h : null; }
  function link(text, href) {
    var ok = safeHref(href);
    if (!ok) return el("span", null, text);
    var a = el("a", null, text);
    a.href = ok;
    if (/^https?:/i.test(ok)) a.rel = "noopener noreferrer";
    return a;
  }
  function fmt(v) { return Number(v).toLocaleString("en", { maximumFractionDigits: 4 }); }

  var nav = document.getElementById("kg-nav");
  (data.nav || []).forEach(function (item) { nav.appendChild(link(item.text, item.href)); });
  var board = document.getElementById("kg-board");

  function sortable(table, rows, columns, render) {
    var state = { key: null, dir: 1 };
    var body = table.tBodies[0];
    function draw() {
      body.replaceChildren();
      rows.forEach(function (r) { body.appendChild(render(r)); });
    }
    columns.forEach(function (c, i) {
      var th = table.tHead.rows[0].cells[i];
      th.tabIndex = 0;
      th.setAttribute("aria-sort", "none");
      th.addEventListener("click", function () {
        state.dir = state.key === c.key ? -state.dir : (c.numeric ? -1 : 1);
        state.key = c.key;
        rows.sort(function (a, b) {
          var x = a[c.key], y = b[c.key];
          if (x === undefined || x === "") return 1;
          if (y === undefined || y === "") return -1;
          return (c.numeric ? x - y : String(x).localeCompare(String(y))) * state.dir;
        });
        [].forEach.call(table.tHead.rows[0].cells, function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
        draw();
      });
    });
    draw();
  }

  function table(columns) {
    var t = el("table", "kg-table");
    var head = t.createTHead().insertRow();
    columns.forEach(function (c) { head.appendChild(el("th", c.numeric ? "num" : null, c.title)); });
    t.createTBody();
    return t;
  }

  function plot(metric) {
    var pts = metric.rows.filter(function (r) { return r.date; }).map(function (r) {
      var t = Date.parse(r.date.length === 4 ? r.date + "-07-01" : r.date);
      return { t: t, v: r.value, r: r };
    }).filter(function (p) { return !isNaN(p.t); }).sort(function (a, b) { return a.t - b.t; });
    if (new Set(pts.map(function (p) { return p.t; })).size < 2) return null;  // one date: nothing over time
    var W = 560, H = 220, L = 56, B = 30, T = 12, R = 12;
    var t0 = pts[0].t, t1 = pts[pts.length - 1].t, vs = pts.map(function (p) { return p.v; });
    var v0 = Math.min.apply(null, vs), v1 = Math.max.apply(null, vs);
    if (t1 === t0) t1 = t0 + 864e5;
    if (v1 === v0) { v1 += 1; v0 -= 1; }
    var x = function (t) { return L + (t - t0) / (t1 - t0) * (W - L - R); };
    var y = function (v) { return T + (v1 - v) / (v1 - v0) * (H - T - B); };
    var s = svg("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H, role: "img", "class": "kg-plot" });
    var title = svg("title"); title.textContent = metric.metric + " over paper date"; s.appendChild(title);
    s.appendChild(svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: "#999" }));
    s.appendChild(svg("line", { x1: L, y1: T, x2: L, y2: H - B, stroke: "#999" }));
    [[v0, H - B], [v1, T + 10]].forEach(function (a) {
      var tx = svg("text", { x: L - 6, y: a[1], "text-anchor": "end", "font-size": 11 }); tx.textContent = fmt(a[0]); s.appendChild(tx);
    });
    [[t0, "start"], [t1, "end"]].forEach(function (a) {
      var tx = svg("text", { x: x(a[0]), y: H - 10, "text-anchor": a[1], "font-size": 11 });
      tx.textContent = new Date(a[0]).toISOString().slice(0, 7); s.appendChild(tx);
    });
    var best = null, path = [];
    pts.forEach(function (p) {
      var better = best === null || (metric.lowerIsBetter ? p.v < best : p.v > best);
      if (better) best = p.v;
      path.push((path.length ? "L" : "M") + x(p.t).toFixed(1) + " " + y(best).toFixed(1));
      var c = svg("circle", { cx: x(p.t).toFixed(1), cy: y(p.v).toFixed(1), r: 4, fill: "#1f77b4", "class": "kg-pt" });
      var tip = svg("title"); tip.textContent = p.r.model + ": " + fmt(p.v) + (p.r.unit || "") + " (" + p.r.date + ")";
      c.appendChild(tip);
      s.appendChild(c);
    });
    s.insertBefore(svg("path", { d: path.join(" "), fill: "none", stroke: "#d62728", "stroke-width": 1.5, "class": "kg-best-line" }), s.childNodes[3]);
    return s;
  }

  function leaderboard() {
    var b = data.benchmark;
    var head = el("section", "kg-board-head");
    head.appendChild(el("h2", null, b.name));
    var meta = el("p", "meta", b.label + " · " + b.papers + " paper" + (b.papers === 1 ? "" : "s") + " · ");
    meta.appendChild(b.href ? link("graph page", b.href) : el("span", null, ""));
    head.appendChild(meta);
    if (b.aliases.length) head.appendChild(el("p", "meta", "Also known as: " + b.aliases.join(", ")));
    board.appendChild(head);
    var columns = [{ key: "model", title: "Model" }, { key: "value", title: "Value", numeric: true },
                   { key: "unit", title: "Unit" }, { key: "paper", title: "Paper" }, { key: "date", title: "Date" }];
    data.metrics.forEach(function (m) {
      var sec = el("section", "kg-metric");
      sec.appendChild(el("h3", null, m.metric));
      var top = m.rows[0];
      sec.appendChild(el("p", "kg-best", "Best reported: " + (top.model || "(unnamed)") + " — " + fmt(top.value) +
        (top.unit || "") + " (" + (m.lowerIsBetter ? "lower" : "higher") + " is better), in “" + top.paper + "”"));
      var t = table(columns);
      sortable(t, m.rows.slice(), columns, function (r) {
        var tr = el("tr");
        tr.title = r.evidence;  // the evidence sentence on hover, as plain text
        tr.appendChild(el("td", null, r.model));
        tr.appendChild(el("td", "num", fmt(r.value)));
        tr.appendChild(el("td", null, r.unit));
        var td = el("td"); td.appendChild(r.url ? link(r.paper, r.url) : el("span", null, r.paper)); tr.appendChild(td);
        tr.appendChild(el("td", null, r.date || ""));
        return tr;
      });
      sec.appendChild(t);
      var p = plot(m);
      if (p) sec.appendChild(p);
      board.appendChild(sec);
    });
  }

  function index() {
    var search = el("input", "kg-search");
    search.type = "search"; search.placeholder = "Find a benchmark"; search.setAttribute("aria-label", "Find a benchmark");
    board.appendChild(search);
    var columns = [{ key: "name", title: "Benchmark" }, { key: "results", title: "Results", numeric: true },
                   { key: "metrics", title: "Metrics", numeric: true }, { key: "bestText", title: "Best reported" }];
    var rows = data.benchmarks.map(function (b) {
      b.bestText = b.best.map(function (x) { return x.metric + " " + fmt(x.value) + (x.unit || "") + (x.model ? " (" + x.model + ")" : ""); }).join("; ");
      return b;
    });
    var t = table(columns);
    var norm = function (s) { return String(s).normalize("NFKD").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""); };
    function render(b) {
      var tr = el("tr");
      var td = el("td"); td.appendChild(link(b.name, b.href)); tr.appendChild(td);
      tr.appendChild(el("td", "num", b.results));
      tr.appendChild(el("td", "num", b.metrics));
      tr.appendChild(el("td", null, b.bestText));
      tr.dataset.key = norm([b.name].concat(b.aliases).join(" "));
      return tr;
    }
    sortable(t, rows, columns, render);
    search.addEventListener("input", function () {
      var q = norm(search.value);
      [].forEach.call(t.tBodies[0].rows, function (tr) { tr.hidden = q !== "" && tr.dataset.key.indexOf(q) < 0; });
    });
    board.appendChild(t);
  }

  if (data.page.kind === "leaderboard") leaderboard(); else index();
  window.kgReady = true;
})();
