// check_big_page.js — the HTML page at real size (a few thousand nodes).
//
//   node check_big_page.js PAGE.html GRAPH.json SCREENSHOT.png
//
// PAGE.html and GRAPH.json (node-link) come from one entgraph run of a
// graph of thousands of nodes whose communities mix types
// (tests/browser/big_graph.py --types). What a user of such a page hit:
//   1. labels: at the first view and zoomed in on the biggest hub, no two
//      drawn labels overlap, and the biggest hubs in view have theirs
//      (the 3 biggest at the first view, where they crowd within a few
//      pixels, the 5 biggest zoomed in). Drawn labels are the page's own list
//      (window.entgraph.labelBoxes) or, on a page without one, sigma's
//      displayed labels where sigma's default drawing puts them;
//   2. picking: a click at the centre of each of the 20 biggest nodes
//      selects the biggest node whose disc holds that point (the node
//      itself unless a bigger one covers it), not a smaller one drawn
//      over it;
//   3. legend: every swatch of the type and community filters is filled
//      (a colour, or the mix of its members' colours), none hollow.
// Prints PASS/FAIL per check and "browser: N passed, N failed"; exit 1
// on any failure.
"use strict";

const fs = require("fs");
const path = require("path");
const { checker, launch, oneLine } = require("./harness");

const argv = process.argv.slice(2);
const [pagePath, jsonPath, shotPath] = argv;
if (!pagePath || !jsonPath || !shotPath) {
  console.error("usage: check_big_page.js PAGE.html GRAPH.json SCREENSHOT.png");
  process.exit(2);
}
const { check, done } = checker();

// In the page: the boxes of the labels drawn now (CSS pixels of the graph
// container), and where each node is, biggest first.
function drawn() {
  const eg = window.entgraph, r = eg.renderer, keys = eg.ids();
  let boxes;
  if (eg.labelBoxes) {
    boxes = eg.labelBoxes();
  } else { // sigma's own labels: drawDiscNodeLabel's text at x + size + 3
    const s = r.getSettings(), ctx = document.createElement("canvas").getContext("2d");
    ctx.font = s.labelWeight + " " + s.labelSize + "px " + s.labelFont;
    boxes = Array.from(r.getNodeDisplayedLabels()).map((k) => {
      const d = r.getNodeDisplayData(k), v = r.framedGraphToViewport(d), size = r.scaleSize(d.size);
      const a = eg.graph.getNodeAttributes(k);
      return { id: keys[a.i], x: v.x + size + 3, y: v.y + s.labelSize / 3 - s.labelSize * 0.8,
               w: ctx.measureText(d.label || "").width, h: s.labelSize * 1.05 };
    });
  }
  const dim = r.getDimensions(), nodes = [];
  eg.graph.forEachNode((k, a) => {
    const d = r.getNodeDisplayData(k), v = r.framedGraphToViewport(d);
    nodes.push({ id: keys[a.i], label: a.label, x: v.x, y: v.y, size: r.scaleSize(d.size),
                 inView: v.x > 0 && v.y > 0 && v.x < dim.width && v.y < dim.height });
  });
  nodes.sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
  return { boxes, nodes };
}

function overlaps(boxes) {
  const out = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = 0; j < i; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) out.push(b.id + " / " + a.id);
    }
  return out;
}

function checkLabels(view, where, hubs) {
  const clash = overlaps(view.boxes);
  check(clash.length === 0, where + ": no two of the " + view.boxes.length + " labels overlap",
        clash.length + " pairs, e.g. " + clash.slice(0, 4).join(", "));
  const labelled = new Set(view.boxes.map((b) => b.id));
  const big = view.nodes.filter((x) => x.inView).slice(0, hubs);
  const bare = big.filter((x) => !labelled.has(x.id)).map((x) => x.label);
  check(big.length > 0 && bare.length === 0, where + ": the " + big.length + " biggest hubs in view have labels",
        "unlabelled: " + bare.join(", "));
}

(async () => {
  const browser = await launch({ width: 1280, height: 760 }), context = browser.context;
  const errors = [];
  let page = null;
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  try {
    const expect = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
    page = context.pages()[0] || (await context.newPage());
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto("file://" + path.resolve(pagePath), { timeout: 180000 });
    await page.waitForFunction(() => window.entgraph && window.entgraph.renderer, null, { timeout: 180000 });
    await frames();
    console.log("page of " + expect.nodes.length + " nodes, " + expect.links.length + " edges");

    // 1. labels, at the first view and zoomed in on the biggest hub
    let view = await page.evaluate(drawn);
    checkLabels(view, "first view", 3);
    await page.evaluate(() => {
      const eg = window.entgraph, r = eg.renderer;
      let best = null;
      eg.graph.forEachNode((k, a) => { if (!best || a.size > best.size) best = { k, size: a.size }; });
      const d = r.getNodeDisplayData(best.k);
      r.getCamera().setState({ x: d.x, y: d.y, ratio: 0.3 });
    });
    await frames();
    await page.waitForTimeout(100);
    await frames();
    view = await page.evaluate(drawn);
    checkLabels(view, "zoomed in on the biggest hub", 5);
    await page.evaluate(() => window.entgraph.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));
    await frames();

    // 2. a click at the centre of each of the 20 biggest nodes selects it
    view = await page.evaluate(drawn);
    const box = await page.evaluate(() => { const r = document.getElementById("graph").getBoundingClientRect(); return { x: r.left, y: r.top }; });
    const wrong = [];
    // the biggest discs that hold point p (equal sizes: any of them)
    const under = (p) => {
      const hit = view.nodes.filter((x) => Math.hypot(x.x - p.x, x.y - p.y) < x.size);
      return hit.filter((x) => x.size === hit[0].size).map((x) => x.label);
    };
    for (const node of view.nodes.filter((x) => x.inView).slice(0, 20)) {
      const want = under(node);
      await page.waitForTimeout(350); // two clicks within 300 ms are a double click
      await page.mouse.move(box.x + node.x, box.y + node.y);
      await frames();
      await page.mouse.click(box.x + node.x, box.y + node.y);
      const title = await page.waitForSelector("#details:not([hidden]) h3", { timeout: 2000 })
        .then((h) => h.textContent(), () => "(nothing)");
      if (!want.some((label) => title.includes(label)))
        wrong.push("at " + node.label + " got " + title.trim() + " instead of " + want.join(" or "));
      await page.evaluate(() => document.getElementById("close").click());
    }
    check(wrong.length === 0, "a click at the centre of each of the 20 biggest nodes selects the biggest node there",
          wrong.length + " wrong: " + wrong.slice(0, 4).join("; "));

    // 3. no hollow swatch in the legend
    const swatches = await page.$$eval("#types .dot, #communities .dot", (dots) => dots.map((d) => {
      const s = getComputedStyle(d), name = d.parentElement.querySelector(".name");
      return { name: name ? name.textContent : "?", fill: s.backgroundImage !== "none" || s.backgroundColor !== "rgba(0, 0, 0, 0)" };
    }));
    const hollow = swatches.filter((s) => !s.fill).map((s) => s.name);
    check(swatches.length > 1 && hollow.length === 0, "every one of the " + swatches.length + " legend swatches is filled",
          "hollow: " + hollow.join(", "));

    check(errors.length === 0, "no error in the page", errors.join(" | "));
    fs.mkdirSync(path.dirname(path.resolve(shotPath)), { recursive: true });
    await page.screenshot({ path: shotPath });
  } catch (e) {
    if (page) await page.screenshot({ path: shotPath }).catch(() => {});
    check(false, "big page test", oneLine(e));
  } finally {
    await browser.close();
  }
  done();
})();
