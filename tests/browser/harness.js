// harness.js — what the browser checks share: Debian's chromium as
// playwright-core drives it (no browser download), and PASS/FAIL lines
// closed by "browser: N passed, N failed".
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// check(ok, what, detail) prints a line and counts; done() prints the
// summary and exits 1 when a check failed.
function checker() {
  let passed = 0, failed = 0;
  return {
    check(ok, what, detail) {
      if (ok) { passed++; console.log("PASS " + what); } else { failed++; console.log("FAIL " + what + (detail ? ": " + detail : "")); }
      return ok;
    },
    done() {
      console.log(`browser: ${passed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
}

// A persistent context of chromium in a fresh profile folder; close()
// closes it and removes the folder.
async function launch(viewport) {
  const { chromium } = require("playwright-core");
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), "entgraph-chromium-"));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDir, { recursive: true, force: true });
    },
  };
}

// An exception as one line: its first three stack lines.
function oneLine(e) {
  return e && e.stack ? e.stack.split("\n").slice(0, 3).join(" ") : String(e);
}

module.exports = { CHROMIUM, ARGS, checker, launch, oneLine };
