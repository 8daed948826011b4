// check.js DIR — do the JavaScript consumers load entgraph's files?
//
// DIR holds what tests/consumers/check_formats.py wrote from one corpus:
//   graph.gexf (GEXF 1.3), graph.json (node-link), graph.graphology.json
//   and graph.cytoscape.json. Each file is loaded the way a web page
//   would (graphology-gexf's parse, graphology's Graph.from, a headless
//   cytoscape) and must give the node-link file's nodes and edges, with
//   what sigma.js and Cytoscape need to draw them (x, y, size, colour).
// Prints `PASS name` / `FAIL name: reason` lines and exits 1 on failure.
'use strict';
const fs = require('fs');
const path = require('path');
const {Graph} = require('graphology');
const gexf = require('graphology-gexf');
const cytoscape = require('cytoscape');

const dir = process.argv[2];
const read = (name) => fs.readFileSync(path.join(dir, name), 'utf8');
const nodeLink = JSON.parse(read('graph.json'));
const wantNodes = nodeLink.nodes.map((n) => n.id).sort();
const pairKey = (a, b) => (a < b ? a + '\t' + b : b + '\t' + a);
const wantEdges = nodeLink.links.map((l) => pairKey(l.source, l.target)).sort();
const weightOf = new Map(nodeLink.links.map((l) => [pairKey(l.source, l.target), l.weight]));
let passed = 0;
let failed = 0;

function check(name, fn) {
  let reason;
  try {
    reason = fn();
  } catch (e) {
    reason = `${e.name}: ${String(e.message).split('\n')[0]}`;
  }
  if (reason === undefined || reason === true) {
    passed++;
    console.log(`PASS ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}: ${reason}`);
  }
}

function sameList(what, got, want) {
  got = [...got].sort();
  if (got.length !== want.length) return `${what}: ${got.length}, want ${want.length}`;
  for (let i = 0; i < got.length; i++)
    if (got[i] !== want[i]) return `${what} differ at ${JSON.stringify(got[i])} vs ${JSON.stringify(want[i])}`;
  return undefined;
}

// A graphology graph: same nodes and edges, weights, and drawable nodes.
function checkGraphology(g, colorRx) {
  if (g.type !== 'undirected') return `graph type ${g.type}`;
  const r = sameList('nodes', g.nodes(), wantNodes) ||
    sameList('edges', g.mapEdges((e, a, s, t) => pairKey(s, t)), wantEdges);
  if (r) return r;
  for (const n of g.nodes()) {
    const a = g.getNodeAttributes(n);
    for (const k of ['label', 'x', 'y', 'size', 'color'])
      if (a[k] === undefined) return `node ${n} has no ${k}`;
    if (!colorRx.test(a.color)) return `node ${n}: colour ${a.color}`;
  }
  let bad;
  g.forEachEdge((e, a, s, t) => {
    const w = weightOf.get(pairKey(s, t));
    if (!bad && Math.abs(a.weight - w) > 1e-9 * Math.max(1, Math.abs(w)))
      bad = `edge ${s} -- ${t}: weight ${a.weight}, want ${w}`;
  });
  return bad;
}

// The dictionary's number columns are numbers, as in the node-link JSON.
function checkTyped(g) {
  let seen = 0;
  for (const n of nodeLink.nodes) {
    for (const k of ['lat', 'lon', 'population']) {
      if (typeof n[k] !== 'number') continue;
      const got = g.getNodeAttribute(n.id, k);
      if (typeof got !== 'number' || got !== n[k]) return `node ${n.id}: ${k} is ${JSON.stringify(got)}, want ${n[k]}`;
      seen++;
    }
  }
  return seen ? undefined : 'no node has a number lat, lon or population';
}

check('graphology-gexf loads GEXF 1.3 with positions, sizes and colours', () =>
  checkGraphology(gexf.parse(Graph, read('graph.gexf')), /^rgb\(\d+,\d+,\d+\)$/));

// --period month (period.gexf): one dynamic block per class, which
// graphology-gexf must read (it keeps one block of a class) with every
// node and edge, and the counts per period as attributes.
if (fs.existsSync(path.join(dir, 'period.gexf')))
  check('graphology-gexf loads GEXF 1.3 with counts per period', () => {
    const g = gexf.parse(Graph, read('period.gexf'));
    const r = sameList('nodes', g.nodes(), wantNodes) ||
      sameList('edges', g.mapEdges((e, a, s, t) => pairKey(s, t)), wantEdges);
    if (r) return r;
    const periodic = JSON.parse(read('period.json')).nodes
      .filter((n) => n.timeline && Object.keys(n.timeline).length);
    if (!periodic.length) return 'no node of period.json has a timeline';
    for (const n of periodic)
      if (!Number.isInteger(g.getNodeAttribute(n.id, 'period_mentions')))
        return `node ${n.id} has no period_mentions`;
    return undefined;
  });

check('graphology Graph.from loads the graphology JSON style', () =>
  checkGraphology(Graph.from(JSON.parse(read('graph.graphology.json'))), /^#[0-9a-f]{6}$/));

check('graphology reads lat, lon and population as numbers from GEXF and JSON', () =>
  checkTyped(gexf.parse(Graph, read('graph.gexf'))) ||
  checkTyped(Graph.from(JSON.parse(read('graph.graphology.json')))));

// As the recipe in docs/output.md: without layout {name: 'preset'} Cytoscape runs
// its default layout and every node lands at (0, 0) in a headless run.
check('cytoscape loads the cytoscape JSON style at entgraph\'s positions', () => {
  const data = JSON.parse(read('graph.cytoscape.json'));
  const cy = cytoscape({headless: true, elements: data.elements, layout: {name: 'preset'}});
  const r = sameList('nodes', cy.nodes().map((n) => n.id()), wantNodes) ||
    sameList('edges', cy.edges().map((e) => pairKey(e.source().id(), e.target().id())), wantEdges);
  if (r) return r;
  const at = new Map(nodeLink.nodes.map((n) => [n.id, [n.x, n.y]]));
  const spots = new Set();
  for (const n of cy.nodes()) {
    const p = n.position();
    const [x, y] = at.get(n.id());
    if (Math.abs(p.x - x) > 1e-9 * Math.max(1, Math.abs(x)) ||
        Math.abs(p.y - y) > 1e-9 * Math.max(1, Math.abs(y)))
      return `node ${n.id()} at (${p.x}, ${p.y}), want (${x}, ${y})`;
    spots.add(`${p.x},${p.y}`);
    if (!/^#[0-9a-f]{6}$/.test(n.data('color'))) return `node ${n.id()}: colour ${n.data('color')}`;
  }
  if (cy.nodes().length > 1 && spots.size < 2) return 'every node at one position';
  return undefined;
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
