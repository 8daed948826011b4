/* viewer.js — the page entgraph writes for -o FILE.html.
 *
 * Reads the graph entgraph embedded as JSON (#entgraph-data: column names
 * once, one array per node and per edge), puts it in a graphology graph
 * and draws it with sigma.js (WebGL), at the positions, sizes and colours
 * entgraph computed. Filters (type, source, community, edge weight) and the
 * selection never change the graph: they fill two flags arrays that
 * sigma's node and edge reducers read, so a change costs one pass over
 * the edges and one refresh, even at 100,000 edges. Everything the page
 * shows of the data goes through textContent, never innerHTML.
 *
 * window.entgraph exposes the graph, the renderer and a few functions
 * for tests and for the curious (see the end of this file).
 *
 * Names from the data never become keys of plain objects, here or in
 * graphology: its adjacency is kept in plain objects, so a node keyed
 * "constructor" or "toString" would find Object.prototype's members
 * there ("an edge ... already exists") and the page would not load. The
 * graph's node keys are "n" + the node's row; the entity id is kept in
 * keys[] for the page and ids (a Map) for the API.
 */
(function () {
  "use strict";

  var timings = { start: Math.round(performance.now()) }, t0 = performance.now();
  function mark(what) { timings[what] = Math.round(performance.now() - t0); }
  var raw = JSON.parse(document.getElementById("entgraph-data").textContent);
  mark("parse");

  /* Names from the data (columns, types, aliases) are keys of Maps and
     Sets, never of plain objects: a type called "constructor" or
     "__proto__" would find Object.prototype's members there. */
  function columns(t) {
    var idx = new Map();
    t.columns.forEach(function (c, i) { idx.set(c, i); });
    return idx;
  }
  var NC = columns(raw.nodes), EC = columns(raw.edges);
  var NR = raw.nodes.rows, ER = raw.edges.rows;
  var n = NR.length, m = ER.length;
  function nval(i, name) { var k = NC.get(name); return k === undefined ? undefined : NR[i][k]; }
  function eval_(i, name) { var k = EC.get(name); return k === undefined ? undefined : ER[i][k]; }

  /* ---- colours, sizes, positions ------------------------------------- */

  var PALETTE = ["#4e79a7", "#59a14f", "#e15759", "#f28e2b", "#76b7b2", "#edc948",
                 "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
  var DIM_NODE = "#d2d2d2", EDGE = "#d0d0d0", EDGE_HI = "#555555";

  function hex2(v) { v = Math.max(0, Math.min(255, Math.round(v))); return (v < 16 ? "0" : "") + v.toString(16); }
  /* The distinct values of a node column (sorted), each node's index
     among them, and how many nodes have each: the type and source filters. */
  function groupsOf(column) {
    var names = [], seen = new Set(), of = new Int32Array(n), i;
    for (i = 0; i < n; i++) {
      var t = String(nval(i, column) || "");
      if (!seen.has(t)) { seen.add(t); names.push(t); }
    }
    names.sort();
    var index = new Map(names.map(function (t, k) { return [t, k]; }));
    var count = names.map(function () { return 0; });
    for (i = 0; i < n; i++) { of[i] = index.get(String(nval(i, column) || "")); count[of[i]]++; }
    return { names: names, of: of, count: count };
  }
  var typeGroups = groupsOf("type"), typeNames = typeGroups.names;
  function nodeColor(i) {
    var r = nval(i, "r"), g = nval(i, "g"), b = nval(i, "b");
    if (typeof r === "number" && typeof g === "number" && typeof b === "number")
      return "#" + hex2(r) + hex2(g) + hex2(b);
    return PALETTE[typeNames.indexOf(String(nval(i, "type") || "")) % PALETTE.length];
  }
  /* entgraph's size is 10-50 (log of mentions); shrink it as graphs grow */
  var sizeScale = n <= 200 ? 0.5 : n <= 2000 ? 0.25 : 0.15;
  function nodeSize(i) {
    var s = nval(i, "size");
    return (typeof s === "number" ? s : 10) * sizeScale;
  }
  var hasLayout = typeof nval(0, "x") === "number";

  /* ---- the graph -------------------------------------------------------- */

  var graph = new graphology.Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  var keys = new Array(n), labels = new Array(n), colors = new Array(n), ids = new Map();
  function gkey(i) { return "n" + i; }
  for (var i = 0; i < n; i++) {
    var id = String(nval(i, "id"));
    var x = nval(i, "x"), y = nval(i, "y");
    if (!hasLayout || typeof x !== "number" || typeof y !== "number") {
      x = Math.cos(2 * Math.PI * i / Math.max(n, 1));
      y = Math.sin(2 * Math.PI * i / Math.max(n, 1));
    }
    keys[i] = id;
    ids.set(id, i);
    labels[i] = String(nval(i, "label") || id);
    colors[i] = nodeColor(i);
    /* zIndex: the bigger node is drawn over the smaller, and so picked by a
       click where they overlap (sigma picks what it drew on top) */
    graph.addNode(gkey(i), { x: x, y: y, size: nodeSize(i), zIndex: nodeSize(i), color: colors[i],
                             label: labels[i], i: i });
  }
  var weights = new Float64Array(m), src = new Int32Array(m), dst = new Int32Array(m);
  var wmin = Infinity, wmax = -Infinity;
  for (var e = 0; e < m; e++) {
    var w = Number(eval_(e, "weight"));
    if (!isFinite(w)) w = Number(eval_(e, "count")) || 0;
    weights[e] = w;
    src[e] = ER[e][0];
    dst[e] = ER[e][1];
    if (w < wmin) wmin = w;
    if (w > wmax) wmax = w;
  }
  /* Width by weight (log). Where edges can be clicked they are at least
   * 1.5 px wide: sigma picks them in a buffer of half the resolution. */
  var wspan = Math.log1p(Math.max(0, wmax - wmin)) || 1;
  var EDGE_EVENTS = m <= 50000, wthin = EDGE_EVENTS ? 1.5 : 0.6;
  for (e = 0; e < m; e++) {
    graph.addEdgeWithKey("e" + e, gkey(src[e]), gkey(dst[e]), {
      size: wthin + 2.5 * Math.log1p(weights[e] - wmin) / wspan, color: EDGE, i: e,
    });
  }

  mark("graph");

  /* ---- time (--period): counts per period, a range of them -------------- */

  /* Each node's and edge's "timeline" ("2019:3 2020:1") as [[period, count]]
   * over timeLabels, the periods in order. While the range [timeFrom,
   * timeTo] is not all of them, an element shows only with a count in it,
   * sized by the share of its count that falls in it. */
  var timeLabels = [], nodeSeries = [], edgeSeries = [], timeFrom = 0, timeTo = -1;
  var nodeInRange = new Float64Array(n), edgeInRange = new Float64Array(m);
  var nodeBase = new Float64Array(n), edgeBase = new Float64Array(m);
  (function () {
    if (!raw.graph || !raw.graph.period || !NC.has("timeline")) return;
    var seen = new Set(), texts = [], etexts = [];
    function labelsOf(s) {
      var out = [];
      if (typeof s === "string" && s) s.split(" ").forEach(function (item) { out.push(item); });
      out.forEach(function (item) { seen.add(item.slice(0, item.lastIndexOf(":"))); });
      return out;
    }
    for (var i = 0; i < n; i++) texts.push(labelsOf(nval(i, "timeline")));
    for (var e = 0; e < m; e++) etexts.push(labelsOf(eval_(e, "timeline")));
    timeLabels = Array.from(seen).sort();
    var index = new Map(timeLabels.map(function (t, k) { return [t, k]; }));
    function series(items) {
      return items.map(function (item) {
        var c = item.lastIndexOf(":");
        return [index.get(item.slice(0, c)), Number(item.slice(c + 1))];
      });
    }
    nodeSeries = texts.map(series);
    edgeSeries = etexts.map(series);
    timeTo = timeLabels.length - 1;
    graph.forEachNode(function (k, a) { nodeBase[a.i] = a.size; });
    graph.forEachEdge(function (k, a) { edgeBase[a.i] = a.size; });
  })();

  function timeActive() { return timeLabels.length > 0 && (timeFrom > 0 || timeTo < timeLabels.length - 1); }
  function inRange(s) {
    var sum = 0;
    for (var k = 0; k < s.length; k++) if (s[k][0] >= timeFrom && s[k][0] <= timeTo) sum += s[k][1];
    return sum;
  }
  function total(s) { var sum = 0; for (var k = 0; k < s.length; k++) sum += s[k][1]; return sum; }
  /* Counts in the range, and sizes by them (the full range: as drawn). */
  function applyTime() {
    var on = timeActive();
    for (var i = 0; i < n && timeLabels.length; i++) {
      nodeInRange[i] = inRange(nodeSeries[i]);
      var share = on ? Math.sqrt(nodeInRange[i] / (total(nodeSeries[i]) || 1)) : 1;
      graph.setNodeAttribute(gkey(i), "size", 2 + (nodeBase[i] - 2) * share);
    }
    for (var e = 0; e < m && timeLabels.length; e++) {
      edgeInRange[e] = inRange(edgeSeries[e]);
      var eshare = on ? Math.sqrt(edgeInRange[e] / (total(edgeSeries[e]) || 1)) : 1;
      graph.setEdgeAttribute("e" + e, "size", 0.5 + (edgeBase[e] - 0.5) * eshare);
    }
  }
  function timeShowsNode(i) { return !timeActive() || nodeInRange[i] > 0; }
  function timeShowsEdge(e) { return !timeActive() || edgeInRange[e] > 0; }

  /* ---- filters and selection -------------------------------------------- */

  var TOP_COMMUNITIES = 12;
  var hasCommunity = NC.has("community");
  var communityOf = new Int32Array(n); /* index into communityGroups */
  var communityGroups = []; /* {label, value, count, color} */
  (function () {
    if (!hasCommunity) return;
    var count = new Map();
    for (var i = 0; i < n; i++) { var c = Number(nval(i, "community")); count.set(c, (count.get(c) || 0) + 1); }
    var ids = Array.from(count.keys()).sort(function (a, b) { return count.get(b) - count.get(a) || a - b; });
    var slot = new Map(), other = -1;
    ids.forEach(function (c, k) {
      if (k < TOP_COMMUNITIES) {
        slot.set(c, communityGroups.length);
        communityGroups.push({ label: "Community " + c, value: c, count: count.get(c) });
      } else {
        if (other < 0) {
          other = communityGroups.length;
          communityGroups.push({ label: "Other communities", value: null, count: 0 });
        }
        slot.set(c, other);
        communityGroups[other].count += count.get(c);
      }
    });
    for (i = 0; i < n; i++) communityOf[i] = slot.get(Number(nval(i, "community")));
  })();
  var typeOf = typeGroups.of, typeCount = typeGroups.count;

  var typeOn = typeNames.map(function () { return true; });
  /* source: "dictionary" or "discovered" (found in the text) */
  var sourceGroups = groupsOf("source"), sourceNames = sourceGroups.names;
  var sourceOf = sourceGroups.of, sourceCount = sourceGroups.count;
  var sourceOn = sourceNames.map(function () { return true; });
  var communityOn = communityGroups.map(function () { return true; });
  var distinctWeights = Array.from(new Set(Array.from(weights))).sort(function (a, b) { return a - b; });
  var threshold = distinctWeights.length ? distinctWeights[0] : 0;

  var nodeVisible = new Uint8Array(n), edgeVisible = new Uint8Array(m);
  var visibleNodes = 0, visibleEdges = 0;
  var selNode = -1, selEdge = -1, neighbours = new Set();

  function applyFilters() {
    visibleNodes = 0;
    for (var i = 0; i < n; i++) {
      var on = typeOn[typeOf[i]] && sourceOn[sourceOf[i]] &&
        (!hasCommunity || communityOn[communityOf[i]]) && timeShowsNode(i);
      nodeVisible[i] = on ? 1 : 0;
      visibleNodes += nodeVisible[i];
    }
    visibleEdges = 0;
    for (var e = 0; e < m; e++) {
      var shown = weights[e] >= threshold && nodeVisible[src[e]] && nodeVisible[dst[e]] &&
        timeShowsEdge(e);
      edgeVisible[e] = shown ? 1 : 0;
      visibleEdges += edgeVisible[e];
    }
    document.getElementById("counts").textContent =
      fmt(visibleNodes) + " of " + fmt(n) + " nodes \u00b7 " + fmt(visibleEdges) + " of " + fmt(m) + " edges";
    if (selNode >= 0) fillNeighbours(selNode);
  }

  function fillNeighbours(i) {
    neighbours = new Set();
    graph.forEachEdge(gkey(i), function (ek, a) {
      if (edgeVisible[a.i]) neighbours.add(src[a.i] === i ? dst[a.i] : src[a.i]);
    });
  }

  /* above every size (at most 25 px): the selection, then its neighbours */
  var Z_SELECTED = 2000, Z_NEIGHBOUR = 1000;

  function nodeReducer(key, a) {
    var i = a.i;
    if (!nodeVisible[i]) return Object.assign({}, a, { hidden: true });
    if (selNode >= 0) {
      if (i === selNode) return Object.assign({}, a, { highlighted: true, forceLabel: true, zIndex: Z_SELECTED });
      if (neighbours.has(i)) return Object.assign({}, a, { forceLabel: true, zIndex: Z_NEIGHBOUR + a.size });
      return Object.assign({}, a, { color: DIM_NODE, label: "" });
    }
    if (selEdge >= 0 && (i === src[selEdge] || i === dst[selEdge]))
      return Object.assign({}, a, { highlighted: true, forceLabel: true, zIndex: Z_SELECTED });
    return a;
  }

  function edgeReducer(key, a) {
    var e = a.i;
    if (!edgeVisible[e]) return Object.assign({}, a, { hidden: true });
    if (e === selEdge) return Object.assign({}, a, { color: "#e15759", size: a.size + 2, zIndex: 2 });
    if (selNode >= 0) {
      if (src[e] !== selNode && dst[e] !== selNode) return Object.assign({}, a, { hidden: true });
      return Object.assign({}, a, { color: EDGE_HI, zIndex: 1 });
    }
    return a;
  }

  /* ---- labels ----------------------------------------------------------
   * sigma's own choice (the biggest node of each 80-px cell, once its disc
   * is 8 px wide) let the long names of neighbouring cells run into each
   * other, right where the hubs of a big graph crowd, and showed no name
   * at all at the first view of a few thousand nodes. So the page draws
   * the labels itself after each frame, on sigma's label layer: first
   * those of the selection (its neighbours, the ends of the selected
   * edge), then the others from the biggest node down; each to the right
   * of its node, else to the left, above, below or at a corner (the
   * first of eight spots that is free), only inside the view and where it
   * overlaps no label drawn before it (and, if a spot allows, no disc of
   * the LABEL_HUBS biggest nodes in view), at most one per LABEL_AREA square
   * pixels of the view (the selection's do not count). Widths are measured
   * once per node. Hovered and highlighted nodes keep sigma's boxed label,
   * whose place is reserved first. labelBoxes() gives the last frame's
   * labels to tests. */
  var LABEL_SIZE = 12, LABEL_FONT = "system-ui, sans-serif", LABEL_AREA = 14000, LABEL_GAP = 3;
  var byBigness = Array.from({ length: n }, function (x, i) { return i; });
  byBigness.sort(function (a, b) { return nodeSize(b) - nodeSize(a) || a - b; });
  var labelWidth = new Float64Array(n).fill(-1), labelBoxes = [];

  var LABEL_HUBS = 40; /* the discs labels keep clear of when they can */
  var hubDiscs = [];

  function labelFits(b, w, h, avoidDiscs) {
    if (b.x < 0 || b.y < 0 || b.x + b.w > w || b.y + b.h > h) return false;
    for (var k = 0; k < labelBoxes.length; k++) {
      var o = labelBoxes[k];
      if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return false;
    }
    for (k = 0; avoidDiscs && k < hubDiscs.length; k++) {
      var c = hubDiscs[k];
      var dx = c.x - Math.max(b.x, Math.min(c.x, b.x + b.w)), dy = c.y - Math.max(b.y, Math.min(c.y, b.y + b.h));
      if (c.i !== b.i && dx * dx + dy * dy < c.r * c.r) return false;
    }
    return true;
  }

  /* Place node i's label if it fits, clear of the hubs' discs if it can
   * be; draw it unless sigma does. */
  function placeLabel(ctx, i, d, dim) {
    var text = d.label;
    if (!text) return false;
    if (labelWidth[i] < 0) labelWidth[i] = ctx.measureText(text).width;
    var v = renderer.framedGraphToViewport(d), r = renderer.scaleSize(d.size);
    var w = labelWidth[i], h = LABEL_SIZE * 1.05, top = v.y + LABEL_SIZE / 3 - LABEL_SIZE * 0.8;
    if (d.highlighted) { /* sigma's hover label */
      labelBoxes.push({ i: i, x: v.x + r + LABEL_GAP, y: top, w: w, h: h });
      return true;
    }
    /* right, left, above, below, then the four corners */
    var a = r * 0.7, up = v.y - r - LABEL_GAP - h, down = v.y + r + LABEL_GAP;
    var spots = [[v.x + r + LABEL_GAP, top], [v.x - r - LABEL_GAP - w, top], [v.x - w / 2, up], [v.x - w / 2, down],
                 [v.x + a, v.y - a - h], [v.x + a, v.y + a], [v.x - a - w, v.y - a - h], [v.x - a - w, v.y + a]];
    for (var pass = 0; pass < 2; pass++)
      for (var k = 0; k < spots.length; k++) {
        var b = { i: i, x: spots[k][0], y: spots[k][1], w: w, h: h };
        if (!labelFits(b, dim.width, dim.height, pass === 0)) continue;
        labelBoxes.push(b);
        ctx.strokeText(text, b.x, b.y + LABEL_SIZE * 0.8);
        ctx.fillText(text, b.x, b.y + LABEL_SIZE * 0.8);
        return true;
      }
    return false;
  }

  /* The screen discs of the LABEL_HUBS biggest nodes in view. */
  function findHubDiscs(dim) {
    hubDiscs = [];
    for (var k = 0; k < n && hubDiscs.length < LABEL_HUBS; k++) {
      var d = renderer.getNodeDisplayData(gkey(byBigness[k]));
      if (!d || d.hidden) continue;
      var v = renderer.framedGraphToViewport(d), r = renderer.scaleSize(d.size);
      if (v.x + r > 0 && v.y + r > 0 && v.x - r < dim.width && v.y - r < dim.height)
        hubDiscs.push({ i: byBigness[k], x: v.x, y: v.y, r: r });
    }
  }

  function drawLabels() {
    labelBoxes = [];
    var cap = renderer.getMouseCaptor();
    if (n > 5000 && (renderer.getCamera().isAnimated() || cap.isMoving || cap.draggedEvents)) return;
    var ctx = renderer.getCanvases().labels.getContext("2d"), dim = renderer.getDimensions();
    ctx.font = LABEL_SIZE + "px " + LABEL_FONT;
    ctx.lineWidth = 3;
    ctx.lineJoin = "round";
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    ctx.fillStyle = "#222";
    findHubDiscs(dim);
    var budget = Math.floor(dim.width * dim.height / LABEL_AREA), k, d;
    for (k = 0; k < n; k++) { /* the selection's first */
      d = renderer.getNodeDisplayData(gkey(byBigness[k]));
      if (d && !d.hidden && (d.forceLabel || d.highlighted)) placeLabel(ctx, byBigness[k], d, dim);
    }
    for (k = 0; k < n && budget > 0; k++) {
      d = renderer.getNodeDisplayData(gkey(byBigness[k]));
      if (d && !d.hidden && !d.forceLabel && !d.highlighted && placeLabel(ctx, byBigness[k], d, dim)) budget--;
    }
  }

  /* ---- the renderer ----------------------------------------------------- */

  applyFilters(); /* before sigma's first pass, which runs the reducers */
  mark("filters");

  var container = document.getElementById("graph");
  var renderer = new Sigma(graph, container, {
    nodeReducer: nodeReducer,
    edgeReducer: edgeReducer,
    zIndex: true,
    renderEdgeLabels: false,
    enableEdgeEvents: EDGE_EVENTS,
    hideEdgesOnMove: m > 20000,
    hideLabelsOnMove: n > 5000,
    renderLabels: false, /* the page draws them: drawLabels below */
    labelFont: LABEL_FONT, /* for the hovered and highlighted nodes' */
    labelSize: LABEL_SIZE,
    minCameraRatio: 0.005,
    maxCameraRatio: 20,
    defaultEdgeColor: EDGE,
  });

  renderer.on("afterRender", drawLabels);
  drawLabels(); /* the frame sigma drew while starting */
  mark("sigma");

  /* Frame the bulk of the graph, not its outliers: a layout of thousands
   * of nodes can put a few small components far away, and fitting them
   * all would shrink the rest to a dot. Outliers stay reachable by
   * zooming out (or by search). */
  function quantiles(values, lo, hi) {
    var v = Float64Array.from(values).sort();
    return [v[Math.floor(lo * (v.length - 1))], v[Math.ceil(hi * (v.length - 1))]];
  }
  if (n > 200) {
    var xs = [], ys = [];
    graph.forEachNode(function (k, a) { xs.push(a.x); ys.push(a.y); });
    var qx = quantiles(xs, 0.01, 0.99), qy = quantiles(ys, 0.01, 0.99);
    var px = (qx[1] - qx[0]) * 0.05 || 1, py = (qy[1] - qy[0]) * 0.05 || 1;
    var full = renderer.getBBox();
    var bx = [Math.max(full.x[0], qx[0] - px), Math.min(full.x[1], qx[1] + px)];
    var by = [Math.max(full.y[0], qy[0] - py), Math.min(full.y[1], qy[1] + py)];
    if ((bx[1] - bx[0]) * (by[1] - by[0]) < 0.5 * (full.x[1] - full.x[0]) * (full.y[1] - full.y[0]))
      renderer.setCustomBBox({ x: bx, y: by });
  }

  /* sigma follows the window's size, not its container's */
  if (window.ResizeObserver)
    new ResizeObserver(function () { renderer.resize(); renderer.refresh(); }).observe(container);

  /* ---- the side panel: legend and filters ------------------------------- */

  function fmt(v) { return typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 4 }) : String(v); }
  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined) x.textContent = text;
    return x;
  }
  function dot(color) { var d = el("span", "dot"); d.style.background = color || "transparent"; return d; }

  /* A group's swatch in the legend: its colour when every member has it,
   * else a pie of its members' colours, most frequent first, in their
   * shares (a community of people and places when nodes are coloured by
   * type), so that no swatch is left empty. */
  function groupColor(groupOf, g) {
    var count = new Map(), total = 0;
    for (var i = 0; i < n; i++) {
      if (groupOf[i] !== g) continue;
      count.set(colors[i], (count.get(colors[i]) || 0) + 1);
      total++;
    }
    var mix = Array.from(count.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
    if (mix.length < 2) return mix.length ? mix[0][0] : null;
    var at = 0, stops = mix.map(function (c) {
      var from = at;
      at += 100 * c[1] / total;
      return c[0] + " " + from.toFixed(1) + "% " + at.toFixed(1) + "%";
    });
    return "conic-gradient(" + stops.join(", ") + ")";
  }

  function checkboxList(ul, items, on, onChange) {
    ul.textContent = "";
    items.forEach(function (it, k) {
      var li = el("li"), label = el("label"), box = el("input");
      box.type = "checkbox";
      box.checked = on[k];
      box.addEventListener("change", function () { on[k] = box.checked; onChange(); });
      label.append(box, dot(it.color), el("span", "name", it.label), el("span", "n", fmt(it.count)));
      li.append(label);
      ul.append(li);
    });
  }

  /* A filter change costs a pass over the edges and sigma's over the
   * graph: at most one per 100 ms on big graphs, whatever the slider sends. */
  var refreshTimer = null;
  function refresh() {
    if (refreshTimer !== null) return;
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      applyFilters();
      renderer.refresh();
    }, m > 20000 ? 100 : 0);
  }

  var typeItems = typeNames.map(function (t, k) {
    return { label: t || "(no type)", count: typeCount[k], color: groupColor(typeOf, k) };
  });
  checkboxList(document.getElementById("types"), typeItems, typeOn, refresh);
  var sourceItems = sourceNames.map(function (s, k) {
    return { label: s || "(no source)", count: sourceCount[k], color: null };
  });
  if (sourceNames.length > 1)
    checkboxList(document.getElementById("sources"), sourceItems, sourceOn, refresh);
  else
    document.getElementById("sources-section").hidden = true;
  if (hasCommunity && communityGroups.length) {
    communityGroups.forEach(function (g, k) { g.color = groupColor(communityOf, k); });
    checkboxList(document.getElementById("communities"), communityGroups, communityOn, refresh);
  } else {
    document.getElementById("communities-section").hidden = true;
  }
  Array.prototype.forEach.call(document.querySelectorAll("button.all"), function (b) {
    b.addEventListener("click", function () {
      var on = b.dataset.for === "types" ? typeOn
        : b.dataset.for === "sources" ? sourceOn : communityOn;
      var all = on.every(Boolean);
      for (var k = 0; k < on.length; k++) on[k] = !all;
      Array.prototype.forEach.call(document.querySelectorAll("#" + b.dataset.for + " input"),
        function (box) { box.checked = !all; });
      refresh();
    });
  });

  var slider = document.getElementById("threshold");
  var sliderSteps = Math.min(distinctWeights.length, 1000);
  slider.max = String(Math.max(0, sliderSteps - 1));
  slider.disabled = sliderSteps < 2;
  function weightAt(pos) {
    if (!distinctWeights.length) return 0;
    var k = sliderSteps < 2 ? 0 : Math.round(pos * (distinctWeights.length - 1) / (sliderSteps - 1));
    return distinctWeights[k];
  }
  function showThreshold() { document.getElementById("threshold-value").textContent = fmt(threshold); }
  slider.addEventListener("input", function () {
    threshold = weightAt(Number(slider.value));
    showThreshold();
    refresh();
  });
  showThreshold();

  /* The time range: two sliders over the periods, and play, which moves
   * the range (one period, or the width chosen) to the end, step by step. */
  var playTimer = null;
  function setTime(from, to) {
    var last = timeLabels.length - 1;
    timeFrom = Math.max(0, Math.min(from, last));
    timeTo = Math.max(timeFrom, Math.min(to, last));
    document.getElementById("time-from").value = String(timeFrom);
    document.getElementById("time-to").value = String(timeTo);
    document.getElementById("time-value").textContent = timeLabels[timeFrom] +
      (timeTo > timeFrom ? " \u2013 " + timeLabels[timeTo] : "");
    applyTime();
    refresh();
  }
  function stopPlay() {
    clearInterval(playTimer);
    playTimer = null;
    document.getElementById("play").textContent = "\u25b6";
  }
  function play() {
    if (playTimer !== null) { stopPlay(); return; }
    var last = timeLabels.length - 1, width = timeActive() ? timeTo - timeFrom : 0;
    if (!timeActive() || timeTo >= last) setTime(0, width);
    document.getElementById("play").textContent = "\u275a\u275a";
    playTimer = setInterval(function () {
      if (timeTo >= last) { stopPlay(); return; }
      setTime(timeFrom + 1, timeTo + 1);
    }, 800);
  }
  if (timeLabels.length > 1) {
    document.getElementById("time-section").hidden = false;
    ["time-from", "time-to"].forEach(function (id) {
      var r = document.getElementById(id);
      r.max = String(timeLabels.length - 1);
      r.addEventListener("input", function () {
        stopPlay();
        var f = Number(document.getElementById("time-from").value);
        var t = Number(document.getElementById("time-to").value);
        if (id === "time-from" && f > t) t = f;
        if (id === "time-to" && t < f) f = t;
        setTime(f, t);
      });
    });
    document.getElementById("play").addEventListener("click", play);
    setTime(0, timeLabels.length - 1);
  }

  var g = raw.graph || {};
  var note = "Node size: mentions (log scale); edge width: weight";
  if (g.window) note += "; co-occurrence window: " + g.window;
  if (g.documents !== undefined) note += "; " + fmt(g.documents) + " documents";
  if (!hasLayout) note += ". No layout in the data (--layout none): nodes on a circle";
  document.getElementById("legend-note").textContent = note + ".";

  /* ---- details: a node and its neighbours, an edge and its evidence ----- */

  var details = document.getElementById("details"), body = document.getElementById("details-body");
  var HIDDEN_NODE_ATTRS = { id: 1, label: 1, x: 1, y: 1, r: 1, g: 1, b: 1, size: 1, aliases: 1, docs: 1 };
  var HIDDEN_EDGE_ATTRS = { source: 1, target: 1, evidence: 1 };

  function attrList(names, get, hidden) {
    var dl = el("dl", "attrs");
    names.forEach(function (name) {
      if (hidden[name]) return;
      var v = get(name);
      if (v === null || v === undefined || v === "") return;
      dl.append(el("dt", "", name), el("dd", "", fmt(v)));
    });
    return dl;
  }

  function aliasesOf(i) {
    var a = nval(i, "aliases");
    return typeof a === "string" && a ? a.split("|") : [];
  }

  /* The documents kept for a node (--node-docs K): [[doc, mentions], ...]. */
  function showNodeDocs(i) {
    var docs = nval(i, "docs");
    if (!Array.isArray(docs)) return;
    body.append(el("h2", "", "Documents (" + docs.length + " of " + fmt(nval(i, "documents") || docs.length) + ")"));
    var ul = el("ul", "node-docs");
    ul.id = "node-docs";
    docs.forEach(function (d) {
      var li = el("li");
      li.append(el("cite", "", d[0]), el("span", "w", fmt(d[1]) + (d[1] === 1 ? " mention" : " mentions")));
      ul.append(li);
    });
    body.append(ul);
  }

  function showNode(i) {
    body.textContent = "";
    var h = el("h3");
    h.append(dot(colors[i]), document.createTextNode(" " + labels[i]));
    body.append(h, el("div", "muted", keys[i]));
    var al = aliasesOf(i).filter(function (a) { return a !== labels[i]; });
    if (al.length) body.append(el("div", "muted", "also: " + al.join(", ")));
    body.append(attrList(raw.nodes.columns, function (c) { return nval(i, c); }, HIDDEN_NODE_ATTRS));
    showNodeDocs(i);
    var list = [];
    graph.forEachEdge(gkey(i), function (ek, a) {
      if (edgeVisible[a.i]) list.push(a.i);
    });
    list.sort(function (a, b) {
      return weights[b] - weights[a] || (eval_(b, "count") || 0) - (eval_(a, "count") || 0) ||
        (labels[other(a, i)] < labels[other(b, i)] ? -1 : 1);
    });
    var hidden = graph.degree(gkey(i)) - list.length;
    body.append(el("h2", "", "Neighbours (" + list.length + ")" + (hidden ? ", " + hidden + " hidden by filters" : "")));
    var ol = el("ol", "neighbours");
    ol.id = "neighbours";
    list.forEach(function (e) {
      var j = other(e, i), li = el("li");
      li.dataset.edge = e;
      li.dataset.node = keys[j];
      li.title = "weight " + fmt(weights[e]) + ", count " + fmt(eval_(e, "count")) + ": show the evidence";
      li.append(dot(colors[j]), el("span", "name", labels[j]), el("span", "w", fmt(weights[e])));
      li.addEventListener("click", function () { selectEdge(e, i); });
      ol.append(li);
    });
    body.append(ol);
  }

  function other(e, i) { return src[e] === i ? dst[e] : src[e]; }

  /* Where an evidence window is: [doc, text, date, sentence, start, end]. */
  function evidenceWhere(item) {
    var parts = [];
    if (item[2]) parts.push(item[2]);
    if (typeof item[3] === "number") parts.push("sentence " + (item[3] + 1));
    if (typeof item[4] === "number") parts.push("bytes " + item[4] + "\u2013" + item[5]);
    return parts.join(" \u00b7 ");
  }

  function showEdge(e, fromNode) {
    body.textContent = "";
    var s = src[e], t = dst[e];
    if (fromNode >= 0) {
      var back = el("a", "back", "\u2190 " + labels[fromNode]);
      back.addEventListener("click", function () { selectNode(fromNode); });
      body.append(back);
    }
    var h = el("h3");
    h.append(dot(colors[s]), document.createTextNode(" " + labels[s] + " \u2014 "), dot(colors[t]),
             document.createTextNode(" " + labels[t]));
    body.append(h);
    body.append(attrList(raw.edges.columns, function (c) { return eval_(e, c); }, HIDDEN_EDGE_ATTRS));
    var ev = eval_(e, "evidence");
    body.append(el("h2", "", "Evidence"));
    if (!Array.isArray(ev) || !ev.length) {
      body.append(el("p", "note", Array.isArray(ev) ? "No window kept for this edge."
        : "No evidence in this graph: run entgraph with --evidence K to keep K sentences per edge."));
      return;
    }
    var ol = el("ol", "evidence");
    ol.id = "evidence";
    ev.forEach(function (item) {
      var li = el("li");
      li.append(el("q", "", item[1]), el("cite", "", item[0]));
      var where = evidenceWhere(item);
      if (where) li.append(el("span", "where", where));
      ol.append(li);
    });
    body.append(ol);
    var docs = Array.from(new Set(ev.map(function (item) { return item[0]; })));
    body.append(el("h2", "", "Documents (" + docs.length + " of " + fmt(eval_(e, "documents") || docs.length) + ")"));
    var ul = el("ul");
    docs.forEach(function (d) { ul.append(el("li", "", d)); });
    body.append(ul);
  }

  function makeVisible(i) {
    var changed = false;
    if (!typeOn[typeOf[i]]) { typeOn[typeOf[i]] = true; changed = true; }
    if (!sourceOn[sourceOf[i]]) { sourceOn[sourceOf[i]] = true; changed = true; }
    if (hasCommunity && !communityOn[communityOf[i]]) { communityOn[communityOf[i]] = true; changed = true; }
    if (changed) {
      checkboxList(document.getElementById("types"), typeItems, typeOn, refresh);
      if (sourceNames.length > 1) checkboxList(document.getElementById("sources"), sourceItems, sourceOn, refresh);
      if (hasCommunity) checkboxList(document.getElementById("communities"), communityGroups, communityOn, refresh);
      applyFilters();
    }
  }

  function selectNode(i) {
    selNode = i;
    selEdge = -1;
    makeVisible(i);
    fillNeighbours(i);
    showNode(i);
    details.hidden = false;
    renderer.refresh();
  }

  function selectEdge(e, fromNode) {
    selEdge = e;
    selNode = -1;
    showEdge(e, fromNode === undefined ? -1 : fromNode);
    details.hidden = false;
    renderer.refresh();
  }

  function clearSelection() {
    selNode = selEdge = -1;
    details.hidden = true;
    renderer.refresh();
  }

  /* Bring node i to the middle of what the details panel leaves visible
   * (zooming in on graphs too big to read whole). */
  function focusNode(i) {
    var d = renderer.getNodeDisplayData(gkey(i));
    if (!d) return;
    var cam = renderer.getCamera();
    var ratio = n <= 30 ? Math.max(cam.ratio, 1.4) : Math.min(cam.ratio, n > 1000 ? 0.15 : 0.6);
    var state = { x: d.x, y: d.y, ratio: ratio, angle: cam.angle };
    var dim = renderer.getDimensions(), shift = details.hidden ? 0 : details.offsetWidth / 2;
    var a = renderer.viewportToFramedGraph({ x: dim.width / 2, y: dim.height / 2 }, { cameraState: state });
    var b = renderer.viewportToFramedGraph({ x: dim.width / 2 + shift, y: dim.height / 2 }, { cameraState: state });
    state.x += b.x - a.x;
    state.y += b.y - a.y;
    cam.animate(state, { duration: 400 });
  }

  renderer.on("clickNode", function (ev) { selectNode(graph.getNodeAttribute(ev.node, "i")); });
  renderer.on("clickEdge", function (ev) { selectEdge(graph.getEdgeAttribute(ev.edge, "i")); });
  renderer.on("clickStage", clearSelection);
  renderer.on("enterNode", function () { container.style.cursor = "pointer"; });
  renderer.on("leaveNode", function () { container.style.cursor = ""; });
  renderer.on("enterEdge", function () { container.style.cursor = "pointer"; });
  renderer.on("leaveEdge", function () { container.style.cursor = ""; });
  document.getElementById("close").addEventListener("click", clearSelection);

  /* ---- search with suggestions ------------------------------------------ */

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var names = []; /* [folded name, node, shown name] */
  for (i = 0; i < n; i++) {
    var seen = new Set();
    [labels[i], keys[i]].concat(aliasesOf(i)).forEach(function (s) {
      var f = fold(s);
      if (!f || seen.has(f)) return;
      seen.add(f);
      names.push([f, i, s]);
    });
  }
  var mentions = new Float64Array(n);
  for (i = 0; i < n; i++) mentions[i] = Number(nval(i, "mentions")) || 0;

  function suggest(q) {
    q = fold(q.trim());
    if (!q) return [];
    var best = new Map(); /* node -> [rank, name] */
    for (var k = 0; k < names.length; k++) {
      var f = names[k][0], at = f.indexOf(q);
      if (at < 0) continue;
      var rank = f === q ? 0 : at === 0 ? 1 : /[\s\-'.]/.test(f[at - 1]) ? 2 : 3;
      var cur = best.get(names[k][1]);
      if (!cur || rank < cur[0]) best.set(names[k][1], [rank, names[k][2]]);
    }
    return Array.from(best.entries()).sort(function (a, b) {
      return a[1][0] - b[1][0] || mentions[b[0]] - mentions[a[0]] || a[0] - b[0];
    }).slice(0, 12).map(function (x) { return { node: x[0], name: x[1][1] }; });
  }

  var input = document.getElementById("search"), sugg = document.getElementById("suggestions");
  var current = [], active = -1;
  function renderSuggestions() {
    sugg.textContent = "";
    current.forEach(function (s, k) {
      var li = el("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", k === active ? "true" : "false");
      li.dataset.node = keys[s.node];
      li.append(dot(colors[s.node]), document.createTextNode(" " + labels[s.node]));
      if (s.name !== labels[s.node]) li.append(el("span", "alias", " (" + s.name + ")"));
      li.append(el("span", "alias", " \u00b7 " + (nval(s.node, "type") || "")));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(k); });
      sugg.append(li);
    });
    sugg.hidden = current.length === 0;
  }
  function choose(k) {
    var s = current[k];
    if (!s) return;
    input.value = labels[s.node];
    current = [];
    renderSuggestions();
    selectNode(s.node);
    focusNode(s.node);
  }
  input.addEventListener("input", function () { current = suggest(input.value); active = current.length ? 0 : -1; renderSuggestions(); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!current.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : current.length - 1)) % current.length;
      renderSuggestions();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      choose(active < 0 ? 0 : active);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      current = [];
      renderSuggestions();
    }
  });
  input.addEventListener("blur", function () { current = []; renderSuggestions(); });

  /* ---- start ------------------------------------------------------------ */

  document.getElementById("title").textContent = "entgraph";
  document.title = "entgraph \u2014 " + fmt(n) + " nodes, " + fmt(m) + " edges";

  window.entgraph = {
    timings: timings,
    graph: graph,
    renderer: renderer,
    /* nodes sigma has drawn, hidden ones left out */
    renderedNodes: function () {
      var k = 0;
      graph.forEachNode(function (key) {
        var d = renderer.getNodeDisplayData(key);
        if (d && !d.hidden) k++;
      });
      return k;
    },
    visible: function () { return { nodes: visibleNodes, edges: visibleEdges }; },
    /* the time range (--period): its periods, and the one shown */
    time: function () { return { periods: timeLabels.slice(), from: timeFrom, to: timeTo, playing: playTimer !== null }; },
    /* where the node of entity `id` is drawn, in CSS pixels from the
       page's top left */
    nodePosition: function (id) {
      var p = renderer.graphToViewport(graph.getNodeAttributes(gkey(ids.get(id))));
      var r = container.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    selectNode: function (id) { selectNode(ids.get(id)); },
    /* the labels drawn in the last frame: entity id and box, in CSS
       pixels from the graph's top left */
    labelBoxes: function () {
      return labelBoxes.map(function (b) { return { id: keys[b.i], x: b.x, y: b.y, w: b.w, h: b.h }; });
    },
    /* the entity ids, in the data's order */
    ids: function () { return keys.slice(); },
  };
})();
