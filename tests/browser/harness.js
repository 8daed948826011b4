// harness.js — what the browser checks share: Debian's chromium as
// playwright-core drives it (no browser download), and PASS/FAIL lines
// closed by "browser: N passed, N failed".
"use strict";

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

module.exports = { CHROMIUM, ARGS, checker };
