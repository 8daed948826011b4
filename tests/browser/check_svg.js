// check_svg.js — an entgraph picture (-o FILE.svg) in headless Chromium.
//
//   node check_svg.js PICTURE.svg GRAPH.json SCREENSHOT.png [--min-labels N]
//
// PICTURE.svg and GRAPH.json (node-link) come from one entgraph run. The
// browser draws the picture and measures it with the fonts it really
// has, not entgraph's estimate:
//   - a disc per node of the JSON, and a line per edge;
//   - the picture is not empty: rasterised on a canvas, the area of the
//     nodes holds pixels of more than one colour, and many not white;
//   - every text (labels, legend, title) lies inside the canvas;
//   - no two node labels overlap, and at least N of them are drawn
//     (default 1 when the graph has nodes);
//   - nothing is loaded from the network, no error is logged.
// Prints PASS/FAIL per check and "browser: N passed, N failed"; exit 1
// on any failure. Debian's chromium, driven by playwright-core.
"use strict";

const fs = require("fs");
const path = require("path");
const { checker, launch, oneLine } = require("./harness");

const argv = process.argv.slice(2);
const [svgPath, jsonPath, shotPath] = argv;
const minLabels = argv.includes("--min-labels") ? Number(argv[argv.indexOf("--min-labels") + 1]) : 1;
if (!svgPath || !jsonPath || !shotPath) {
  console.error("usage: check_svg.js PICTURE.svg GRAPH.json SCREENSHOT.png [--min-labels N]");
  process.exit(2);
}

const { check, done } = checker();

// In the page: what the picture holds, measured.
function measure() {
  const svg = document.querySelector("svg");
  const vb = svg.viewBox.baseVal;
  const box = (t) => { const b = t.getBBox(); return { x: b.x, y: b.y, w: b.width, h: b.height, text: t.textContent }; };
  const texts = Array.from(svg.querySelectorAll("text")).map(box);
  const labels = Array.from(svg.querySelectorAll("#labels text")).map(box);
  const area = document.getElementById("nodes").getBBox();
  return {
    width: vb.width, height: vb.height,
    discs: svg.querySelectorAll("#nodes circle").length,
    lines: svg.querySelectorAll("#edges line").length,
    texts, labels,
    area: { x: area.x, y: area.y, w: area.width, h: area.height },
  };
}

// In the page: the picture drawn on a canvas; distinct colours and the
// share of non-white pixels in the area of the nodes.
async function pixels({ text, area }) {
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  const img = new Image();
  await new Promise((ok, bad) => { img.onload = ok; img.onerror = () => bad(new Error("the picture does not load as an image")); img.src = url; });
  const c = document.createElementNS("http://www.w3.org/1999/xhtml", "canvas"); // an SVG document
  c.width = img.naturalWidth;
  c.height = img.naturalHeight;
  const ctx = c.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const x = Math.max(0, Math.floor(area.x)), y = Math.max(0, Math.floor(area.y));
  const w = Math.max(1, Math.min(c.width - x, Math.ceil(area.w))), h = Math.max(1, Math.min(c.height - y, Math.ceil(area.h)));
  const d = ctx.getImageData(x, y, w, h).data;
  const colours = new Set();
  let ink = 0;
  for (let i = 0; i < d.length; i += 4) {
    colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) ink++;
  }
  return { colours: colours.size, ink: ink / (w * h) };
}

function overlap(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

(async () => {
  const expect = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
  const text = fs.readFileSync(svgPath, "utf8");
  const browser = await launch({ width: 1200, height: 900 }), context = browser.context;
  const errors = [], requests = [];
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) requests.push(r.url()); });
    await page.goto("file://" + path.resolve(svgPath));
    const m = await page.evaluate(measure);
    const nn = expect.nodes.length;
    check(m.discs === nn, "a disc per node (" + nn + ")", String(m.discs));
    check(m.lines === expect.links.length, "a line per edge (" + expect.links.length + ")", String(m.lines));

    const outside = m.texts.filter((t) => !(t.x >= 0 && t.y >= 0 && t.x + t.w <= m.width && t.y + t.h <= m.height));
    check(outside.length === 0, "all " + m.texts.length + " texts inside the " + m.width + " x " + m.height + " canvas",
          JSON.stringify(outside.slice(0, 3)));
    const clashes = [];
    for (let i = 0; i < m.labels.length; i++)
      for (let j = 0; j < i; j++)
        if (overlap(m.labels[i], m.labels[j])) clashes.push(m.labels[j].text + " / " + m.labels[i].text);
    check(clashes.length === 0, "no two of the " + m.labels.length + " labels overlap", clashes.slice(0, 5).join(", "));
    if (nn > 0) {
      check(m.labels.length >= Math.min(minLabels, nn), "at least " + Math.min(minLabels, nn) + " labels", String(m.labels.length));
      const px = await page.evaluate(pixels, { text, area: m.area });
      check(px.colours > 1 && px.ink > 0.005, "the area of the nodes is drawn (more than one colour, some ink)",
            px.colours + " colours, " + (100 * px.ink).toFixed(2) + "% not white");
    }
    fs.mkdirSync(path.dirname(path.resolve(shotPath)), { recursive: true });
    await page.screenshot({ path: shotPath });
    check(errors.length === 0, "no error in the page", errors.join(" | "));
    check(requests.length === 0, "nothing loaded from the network", requests.join(" "));
  } catch (e) {
    check(false, "picture test", oneLine(e));
  } finally {
    await browser.close();
  }
  done();
})();
