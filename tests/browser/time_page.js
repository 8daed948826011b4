// time_page.js PAGE.html — how long an entgraph page takes in headless
// Chromium: load to first drawing, a filter change (edge-weight slider),
// a search and selection, a zoom. Prints one line per measure (ms).
// Not part of make check: make check-browser-big runs it on a synthetic
// 20,000-node graph (big_graph.py).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

(async () => {
  const page_ = process.argv[2];
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), "entgraph-chromium-"));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ARGS,
    viewport: { width: 1280, height: 760 },
  });
  const errors = [];
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.on("pageerror", (e) => errors.push(String(e)));
    const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    let t = Date.now();
    await page.goto("file://" + path.resolve(page_), { timeout: 120000 });
    await page.waitForFunction(() => window.entgraph && window.entgraph.renderer, null, { timeout: 120000 });
    await frame();
    console.log("load and first drawing: " + (Date.now() - t) + " ms (in the page: " +
      JSON.stringify(await page.evaluate(() => window.entgraph.timings)) + ")");
    const info = await page.evaluate(() => ({ nodes: window.entgraph.renderedNodes(), ...window.entgraph.visible() }));
    console.log("drawn nodes: " + info.nodes + ", visible edges: " + info.edges);
    t = Date.now();
    await page.evaluate(() => {
      const s = document.getElementById("threshold");
      s.value = String(Math.round(Number(s.max) / 2));
      s.dispatchEvent(new Event("input"));
    });
    await frame();
    console.log("edge-weight filter: " + (Date.now() - t) + " ms");
    t = Date.now();
    await page.fill("#search", "ka");
    await page.waitForSelector("#suggestions li");
    console.log("suggestions: " + (Date.now() - t) + " ms");
    t = Date.now();
    await page.press("#search", "Enter");
    await page.waitForSelector("#details:not([hidden]) h3");
    await frame();
    console.log("select a node: " + (Date.now() - t) + " ms");
    t = Date.now();
    await page.mouse.move(700, 380);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -300);
    await frame();
    console.log("zoom (5 wheel steps): " + (Date.now() - t) + " ms");
    await page.screenshot({ path: path.join(path.dirname(page_), "big.png") });
    if (errors.length) console.log("errors: " + errors.join(" | "));
  } finally {
    await context.close();
    fs.rmSync(userDir, { recursive: true, force: true });
  }
})();
