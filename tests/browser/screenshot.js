// screenshot.js PAGE.html OUT.png [--search NAME] [--neighbour] [--size WxH]
//
// A picture of an entgraph page for the documentation (docs/*.png): the page as
// it opens, or with NAME found through the search box and selected
// (--search), and then the evidence of its heaviest edge (--neighbour).
// Same Chromium and flags as check_page.js.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

(async () => {
  const argv = process.argv.slice(2);
  const opt = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : null);
  const [pagePath, out] = argv;
  const [w, h] = (opt("--size") || "1100x600").split("x").map(Number);
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), "entgraph-chromium-"));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ARGS,
    viewport: { width: w, height: h },
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    await page.goto("file://" + path.resolve(pagePath));
    await page.waitForFunction(() => window.entgraph && window.entgraph.renderer);
    if (opt("--search")) {
      await page.fill("#search", opt("--search"));
      await page.waitForSelector("#suggestions li");
      await page.press("#search", "Enter");
      await page.waitForTimeout(800);
      if (argv.includes("--neighbour")) {
        await page.click("#neighbours li:first-child");
        await page.waitForSelector("#evidence li");
      }
    }
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: out });
  } finally {
    await context.close();
    fs.rmSync(userDir, { recursive: true, force: true });
  }
})();
