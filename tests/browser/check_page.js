// check_page.js — open an entgraph page in headless Chromium and use it.
//
//   node check_page.js PAGE.html GRAPH.json SCREENSHOT.png [--search NAME] [--load-only]
//
// PAGE.html and GRAPH.json (node-link) come from one entgraph run. The
// page must draw every node of the JSON, find NAME (default "Peskov")
// through the search box's suggestions, select the node when it is
// clicked on the canvas, list its neighbours by weight, and show an
// evidence sentence of the edge to a neighbour, which must be one of the
// sentences the JSON keeps for that edge (--load-only: the drawing only). The page must load nothing from
// the network and log no error. Prints PASS/FAIL per step and closes with
// "N passed, N failed"; exit 1 on any failure.
//
// Debian's chromium, driven by playwright-core: no browser is downloaded.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { chromium } = require("playwright-core");
const { CHROMIUM, ARGS, checker } = require("./harness");

const argv = process.argv.slice(2);
const [pagePath, jsonPath, shotPath] = argv;
const search = argv.includes("--search") ? argv[argv.indexOf("--search") + 1] : "Peskov";
if (!pagePath || !jsonPath || !shotPath) {
  console.error("usage: check_page.js PAGE.html GRAPH.json SCREENSHOT.png [--search NAME]");
  process.exit(2);
}

const { check, done } = checker();

(async () => {
  const expect = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), "entgraph-chromium-"));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 760 },
  });
  const errors = [], requests = [];
  let page = null;
  // two animation frames: sigma has drawn (and filled its picking buffers)
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  try {
    page = context.pages()[0] || (await context.newPage());
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url()); });

    const t0 = Date.now();
    await page.goto("file://" + path.resolve(pagePath), { timeout: 180000 });
    // ready, or stop at the first error the page throws (a script that
    // fails never sets window.entgraph: no need to wait for the timeout)
    let poll;
    const failed = new Promise((_, reject) => {
      poll = setInterval(() => { if (errors.length) reject(new Error("page error: " + errors[0])); }, 100);
    });
    try {
      await Promise.race([
        page.waitForFunction(() => window.entgraph && window.entgraph.renderer, null, { timeout: 180000 }),
        failed,
      ]);
    } finally {
      clearInterval(poll);
    }
    console.log("page ready in " + (Date.now() - t0) + " ms");

    // 1. every node drawn, and the counts say so
    const rendered = await page.evaluate(() => window.entgraph.renderedNodes());
    check(rendered === expect.nodes.length, "renders all " + expect.nodes.length + " nodes", "rendered " + rendered);
    const counts = await page.textContent("#counts");
    const nn = expect.nodes.length.toLocaleString("en-US"), ne = expect.links.length.toLocaleString("en-US");
    check(counts.includes(nn + " of " + nn + " nodes") && counts.includes(ne + " of " + ne + " edges"),
          "counts of visible nodes and edges", counts);

    if (expect.nodes.length === 0 || argv.includes("--load-only")) throw "done";

    // 1b. the source filter: unticking "discovered" hides the nodes found
    //     in the text (source=discovered), ticking it shows them again
    const found = expect.nodes.filter((x) => x.source === "discovered").length;
    if (argv.includes("--require-sources"))
      check(found > 0 && found < expect.nodes.length, "the page has dictionary and discovered nodes",
            found + " of " + expect.nodes.length + " discovered");
    if (found > 0 && found < expect.nodes.length) {
      const box = await page.$("#sources label:has-text('discovered') input");
      check(!!box, "a source filter lists 'discovered'", "");
      if (box) {
        await box.uncheck();
        await page.waitForTimeout(150);
        const left = (expect.nodes.length - found).toLocaleString("en-US");
        const after = await page.textContent("#counts");
        check(after.includes(left + " of " + nn + " nodes"),
              "unticking 'discovered' hides its " + found + " nodes", after);
        await box.check();
        await page.waitForTimeout(150);
        const back = await page.textContent("#counts");
        check(back.includes(nn + " of " + nn + " nodes"), "ticking it again shows them", back);
      }
      // selecting a node that a type filter hides ticks its type again
      const hidden = expect.nodes.find((x) => x.source === "discovered");
      const typeBox = "#types label:has-text('" + hidden.type + "') input";
      await page.uncheck(typeBox);
      await page.waitForTimeout(150);
      const chosen = await page.evaluate((key) => {
        try { window.entgraph.selectNode(key); return document.querySelector("#details h3").textContent; } catch (e) { return String(e); }
      }, hidden.id);
      check(chosen.includes(hidden.label) && await page.isChecked(typeBox), /* the list is new */
            "selecting " + hidden.id + " while its type is hidden shows it and ticks the type", chosen);
      await page.click("#close");
    }

    // 2. search with suggestions: by alias, then by name
    const aliased = expect.nodes.find((x) => x.aliases);
    if (aliased) {
      const alias = aliased.aliases.split("|")[0];
      await page.fill("#search", alias);
      await page.waitForSelector("#suggestions li", { timeout: 5000 });
      const ids = await page.$$eval("#suggestions li", (lis) => lis.map((li) => li.dataset.node));
      check(ids.includes(aliased.id), "alias '" + alias + "' suggests " + aliased.id, JSON.stringify(ids));
    }
    await page.fill("#search", search);
    await page.waitForSelector("#suggestions li", { timeout: 5000 });
    const sugg = await page.$$eval("#suggestions li", (lis) => lis.map((li) => [li.dataset.node, li.textContent]));
    const hit = sugg.find(([, text]) => text.includes(search));
    check(!!hit, "suggestions for '" + search + "'", JSON.stringify(sugg));
    if (!hit) throw new Error("nothing to click");
    const id = hit[0];
    const node = expect.nodes.find((x) => x.id === id);
    await page.click(`#suggestions li[data-node="${id}"]`);
    await page.waitForTimeout(700); // the camera's animation

    // 3. click the node on the canvas: the details list its neighbours by weight
    await page.click("#close");
    const pos = await page.evaluate((key) => window.entgraph.nodePosition(key), id);
    await page.mouse.click(pos.x, pos.y);
    await page.waitForSelector("#details:not([hidden]) #neighbours", { timeout: 5000 });
    const title = await page.textContent("#details h3");
    check(title.includes(node.label), "clicking the node shows " + node.label, title);
    const links = expect.links.filter((l) => l.source === id || l.target === id)
      .sort((a, b) => b.weight - a.weight);
    const shown = await page.$$eval("#neighbours li", (lis) => lis.map((li) => ({ node: li.dataset.node, edge: li.dataset.edge })));
    check(shown.length === links.length && shown.length > 0,
          "neighbour list has the node's " + links.length + " neighbours", JSON.stringify(shown));
    const wantOrder = links.map((l) => l.weight);
    const gotOrder = shown.map((s) => links.find((l) => l.source === s.node || l.target === s.node)?.weight);
    check(JSON.stringify(gotOrder) === JSON.stringify(wantOrder), "neighbours listed by weight",
          JSON.stringify(gotOrder) + " vs " + JSON.stringify(wantOrder));
    // --node-docs K: the node's documents with its mentions, ids relative
    if (node.docs) {
      const nodeDocs = await page.$$eval("#node-docs li", (lis) => lis.map((li) =>
        [li.querySelector("cite").textContent, li.querySelector(".w").textContent]));
      const want = node.docs.map((d) => [d.doc.replace(/^.*\/wikinews\//, ""),
        d.mentions + (d.mentions === 1 ? " mention" : " mentions")]);
      check(nodeDocs.length > 0 && JSON.stringify(nodeDocs) === JSON.stringify(want),
            "the node's documents with its mentions", JSON.stringify(nodeDocs) + " vs " + JSON.stringify(want));
    }

    // 4. an edge of the node on the canvas, at its middle, both ends in
    //    view and no node near: the details show that edge
    const spot = await page.evaluate(([key, others]) => {
      const eg = window.entgraph, panel = document.getElementById("details").getBoundingClientRect();
      const all = eg.ids().map((k) => eg.nodePosition(k));
      const me = eg.nodePosition(key);
      const g = document.getElementById("graph").getBoundingClientRect();
      const inside = (q) => q.x > g.left + 5 && q.x < Math.min(g.right, panel.left) - 5 && q.y > g.top + 5 && q.y < g.bottom - 5;
      for (const o of others) {
        const p = eg.nodePosition(o), mid = { x: (me.x + p.x) / 2, y: (me.y + p.y) / 2 };
        if (inside(me) && inside(p) && all.every((q) => Math.hypot(q.x - mid.x, q.y - mid.y) > 25))
          return { x: mid.x, y: mid.y, other: o };
      }
      return null;
    }, [id, shown.map((x) => x.node)]);
    if (spot) {
      await page.waitForTimeout(400); // sigma takes a 2nd click within 300 ms for a double click
      await frames();
      await page.mouse.move(spot.x, spot.y);
      await frames();
      await page.mouse.click(spot.x, spot.y);
      const other = expect.nodes.find((x) => x.id === spot.other);
      const ok = await page.waitForFunction((label) => {
        const h = document.querySelector("#details:not([hidden]) h3");
        return h && h.textContent.includes("\u2014") && h.textContent.includes(label);
      }, other.label, { timeout: 5000 }).then(() => true, () => false);
      check(ok, "clicking the edge to " + other.label + " shows it", await page.textContent("#details h3"));
      await page.evaluate((key) => window.entgraph.selectNode(key), id);
    } else {
      console.log("(no edge of " + id + " clear of nodes to click on)");
    }

    // 5. a neighbour: the evidence sentences of the edge and their documents
    await page.click("#neighbours li:first-child");
    await page.waitForSelector("#evidence li", { timeout: 5000 });
    const first = shown[0].node;
    const link = links.find((l) => l.source === first || l.target === first);
    const sentences = await page.$$eval("#evidence li q", (qs) => qs.map((q) => q.textContent));
    const docs = await page.$$eval("#evidence li cite", (cs) => cs.map((c) => c.textContent));
    const kept = (link.evidence || []).map((x) => x.text);
    check(sentences.length > 0 && sentences.every((s) => kept.includes(s)),
          "evidence sentence of " + link.source + " -- " + link.target, JSON.stringify(sentences));
    // the page shows an absolute path relative to the folder all share
    const sameDoc = (d, x) => x.doc === d || (x.doc.startsWith("/") && x.doc.endsWith("/" + d));
    check(docs.length === sentences.length && docs.every((d) => !d.startsWith("/") &&
          (link.evidence || []).some((x) => sameDoc(d, x))),
          "evidence documents, relative", JSON.stringify(docs));
    // and where each window is: date, sentence (from 1), bytes
    const wheres = await page.$$eval("#evidence li", (lis) => lis.map((li) => {
      const w = li.querySelector(".where");
      return w ? w.textContent : "";
    }));
    const whereOf = (x) => [x.date, "sentence " + (x.sentence + 1), "bytes " + x.start + "\u2013" + x.end]
      .filter(Boolean).join(" \u00b7 ");
    check(wheres.length === sentences.length && wheres.every((w, k) => (link.evidence || []).some(
          (x) => x.text === sentences[k] && sameDoc(docs[k], x) && whereOf(x) === w)),
          "evidence says where each window is", JSON.stringify(wheres));

    check(errors.length === 0, "no error in the page", errors.join(" | "));
    check(requests.length === 0, "nothing loaded from the network", requests.join(" "));

    fs.mkdirSync(path.dirname(path.resolve(shotPath)), { recursive: true });
    await page.screenshot({ path: shotPath });
    console.log("screenshot: " + shotPath);
  } catch (e) {
    if (e === "done") {
      check(errors.length === 0, "no error in the page", errors.join(" | "));
    } else {
      if (page) await page.screenshot({ path: shotPath }).catch(() => {});
      check(false, "page test", e && e.stack ? e.stack.split("\n").slice(0, 3).join(" ") : String(e));
    }
  } finally {
    await context.close();
    fs.rmSync(userDir, { recursive: true, force: true });
  }
  done();
})();
