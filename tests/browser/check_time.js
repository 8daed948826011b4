// check_time.js — the time slider of a page built with --period.
//
//   node check_time.js PAGE.html GRAPH.json SCREENSHOT.png
//
// PAGE.html and GRAPH.json (node-link, with "timeline" on nodes and
// links) come from one entgraph run with --period. At two positions of
// the range (the first period alone, the last period alone) the page
// must show exactly the nodes and edges whose timeline has a count in
// that period, as the JSON says, and the full range everything; play
// must move the range on by itself. Prints PASS/FAIL per step and closes
// with "N passed, N failed"; exit 1 on any failure.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const [pagePath, jsonPath, shotPath] = process.argv.slice(2);
if (!pagePath || !jsonPath || !shotPath) {
  console.error("usage: check_time.js PAGE.html GRAPH.json SCREENSHOT.png");
  process.exit(2);
}

let passed = 0, failed = 0;
function check(ok, what, detail) {
  if (ok) { passed++; console.log("PASS " + what); } else { failed++; console.log("FAIL " + what + (detail ? ": " + detail : "")); }
  return ok;
}

// What the page must show for the periods [from, to] (names): elements
// with a count in them.
function expected(g, from, to) {
  const has = (t) => t && Object.keys(t).some((p) => p >= from && p <= to && t[p] > 0);
  return {
    nodes: g.nodes.filter((x) => has(x.timeline)).length,
    edges: g.links.filter((l) => has(l.timeline)).length,
  };
}

(async () => {
  const g = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
  const periods = Array.from(new Set(g.nodes.flatMap((x) => Object.keys(x.timeline || {})))).sort();
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), "entgraph-chromium-"));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 760 },
  });
  const errors = [];
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto("file://" + path.resolve(pagePath), { timeout: 120000 });
    await page.waitForFunction(() => window.entgraph, null, { timeout: 60000 });
    const t = await page.evaluate(() => window.entgraph.time());
    check(periods.length >= 2 && JSON.stringify(t.periods) === JSON.stringify(periods),
          "the slider runs over the JSON's periods", JSON.stringify(t.periods));
    check(await page.isVisible("#time-section"), "the time section is shown");
    const visible = () => page.evaluate(() => window.entgraph.visible());
    // move both ends with the range inputs, as a user would
    async function slide(from, to) {
      for (const [id, v] of [["#time-from", from], ["#time-to", to], ["#time-from", from]])
        await page.$eval(id, (r, val) => { r.value = String(val); r.dispatchEvent(new Event("input")); }, v);
      await page.waitForTimeout(100);
    }
    const all = await visible();
    check(all.nodes === g.nodes.length && all.edges === g.links.length, "the full range shows everything",
          JSON.stringify(all));
    for (const k of [0, periods.length - 1]) {
      await slide(k, k);
      const got = await visible(), want = expected(g, periods[k], periods[k]);
      const counts = await page.textContent("#counts");
      check(got.nodes === want.nodes && got.edges === want.edges && want.nodes < g.nodes.length &&
            counts.startsWith(want.nodes + " of "),
            "period " + periods[k] + " alone shows " + want.nodes + " nodes and " + want.edges + " edges",
            JSON.stringify(got) + " / " + counts);
      check((await page.textContent("#time-value")).trim() === periods[k], "the range is named " + periods[k]);
    }
    // play: from the first period, the range moves on by itself
    await slide(0, periods.length - 1);
    await page.click("#play");
    const started = await page.evaluate(() => window.entgraph.time());
    await page.waitForFunction((f) => window.entgraph.time().from > f, started.from, { timeout: 5000 })
      .then(() => check(true, "play moves the range on"), () => check(false, "play moves the range on",
        JSON.stringify(started)));
    await page.click("#play");
    check(!(await page.evaluate(() => window.entgraph.time().playing)), "play again pauses");
    check(errors.length === 0, "no error in the page", errors.join(" | "));
    await page.screenshot({ path: shotPath });
  } catch (e) {
    check(false, "time page test", e && e.stack ? e.stack.split("\n").slice(0, 3).join(" ") : String(e));
  } finally {
    await context.close();
    fs.rmSync(userDir, { recursive: true, force: true });
  }
  console.log("time: " + passed + " passed, " + failed + " failed");
  process.exit(failed ? 1 : 0);
})();
