// The editor page in real Chromium (Debian's, driven by playwright-core): it loads the
// example plan, and typing into it shows a new flaw's diagnostic and takes it away when
// fixed, makes the plan unreadable and readable again, and moves the scores. Saves
// screenshots (okr-wasm/browser/out/) to look at, and reports the time of one check of
// a 200-objective plan (never asserted: the machine is shared).
//
//   node --test okr-wasm/browser/      (after scripts/wasm-build and `vite build`)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname } from "node:path";
import { chromium } from "playwright-core";

const root = new URL("../www/dist/", import.meta.url);
const out = new URL("./out/", import.meta.url);
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };
let server, browser, page, url;
const requests = [];

before(async () => {
  await mkdir(out, { recursive: true });
  server = createServer(async (req, res) => {
    const path = new URL(`.${req.url === "/" ? "/index.html" : req.url}`, root);
    try {
      const body = await readFile(path);
      res.writeHead(200, { "content-type": TYPES[extname(path.pathname)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on("request", (r) => requests.push(r.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => Number(document.body.dataset.checks ?? 0) >= 1, null, { timeout: 30_000 });
  assert.deepEqual(errors, []);
});

after(async () => {
  await browser?.close();
  server?.close();
});

const status = () => page.textContent("#status");
const codes = () => page.$$eval("#findings .code", (els) => els.map((e) => e.textContent));
const checks = () => page.evaluate(() => Number(document.body.dataset.checks));

/** Puts the cursor at the end of the first line containing `text`. */
async function cursorAfter(text) {
  await page.evaluate((text) => {
    const { view } = window.okrEditor;
    const at = view.state.doc.toString().indexOf(text);
    if (at < 0) throw new Error(`not in the text: ${text}`);
    const end = view.state.doc.lineAt(at).to;
    view.dispatch({ selection: { anchor: end } });
    view.focus();
  }, text);
}

/** Types like a person, then waits for the page to have checked the last keystroke. */
async function type(keys) {
  const before = await checks();
  await page.keyboard.type(keys);
  await page.waitForFunction((n) => Number(document.body.dataset.checks) >= n, before + keys.length);
}

test("the example plan loads with its scorecard, alignment tree and findings, and nothing is fetched from elsewhere", async () => {
  assert.match(await status(), /0 problems · \d+ diagnostics/);
  assert.ok((await page.$$(".objective")).length >= 5);
  assert.ok((await page.$$("#alignment li")).length >= 5);
  assert.ok((await codes()).length > 0);
  assert.ok(requests.every((r) => r.startsWith(url)), requests.join("\n"));
  await page.screenshot({ path: new URL("editor.png", out).pathname });
});

test("a new flaw's diagnostic appears as it is typed and goes when it is fixed", async () => {
  const before = (await codes()).filter((c) => c === "OKR109").length;
  await cursorAfter("title: Become the default ledger for mid-market finance teams");
  await type(" to earn our bonus");
  assert.equal((await codes()).filter((c) => c === "OKR109").length, before + 1);
  assert.ok((await page.$$(".cm-lintRange-warning, .cm-lintRange-error, .cm-lintRange-info")).length > 0);
  await page.screenshot({ path: new URL("editor-flaw.png", out).pathname });
  for (let i = 0; i < " to earn our bonus".length; i++) await page.keyboard.press("Backspace");
  await page.waitForFunction((n) => (document.querySelectorAll("#findings .code")).length >= 0 && [...document.querySelectorAll("#findings .code")].filter((e) => e.textContent === "OKR109").length === n, before);
});

test("unreadable text is one located problem, scores come back when it is fixed", async () => {
  // A field's name misspelt: an unknown field, in the middle of the objective.
  await cursorAfter("    owner: maria");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await type("e");
  assert.match(await status(), /1 problems/);
  assert.equal((await codes())[0], "unknown_field");
  assert.match(await page.textContent("#findings"), /ownere/);
  assert.match(await page.textContent("#scorecard"), /Fix the problems/);
  await page.keyboard.press("Backspace");
  await page.waitForFunction(() => /0 problems/.test(document.getElementById("status").textContent));
  assert.ok((await page.$$(".objective")).length >= 5);
});

test("the scores follow the text: a higher target lowers the key result's progress", async () => {
  const progress = () => page.textContent('.kr[data-id="arr"] .num');
  const was = await progress();
  await cursorAfter("        target: 12.5");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await type("0"); // 12.5 → 120.5
  const now = await progress();
  assert.notEqual(now, was);
  assert.ok(parseInt(now) < parseInt(was), `${now} < ${was}`);
  await page.keyboard.press("Backspace");
  await page.waitForFunction((was) => document.querySelector('.kr[data-id="arr"] .num').textContent === was, was);
});

test("clicking a finding moves the cursor to it; the date picker re-scores", async () => {
  const first = await page.$("#findings li");
  const line = Number((await first.textContent()).match(/line (\d+)/)?.[1]);
  await first.click();
  const cursorLine = await page.evaluate(() => {
    const { view } = window.okrEditor;
    return view.state.doc.lineAt(view.state.selection.main.head).number;
  });
  assert.equal(cursorLine, line);
  const was = await page.textContent("#scorecard");
  await page.fill("#as-of", "2026-12-31");
  await page.dispatchEvent("#as-of", "change");
  assert.notEqual(await page.textContent("#scorecard"), was);
});

test("a 200-objective plan: the time of one check in the page", async () => {
  // The generated plan, check-ins inline (48 per objective): the heavy case.
  const text = await page.evaluate(() => window.okrEditor.generatedYaml(200));
  await page.evaluate((t) => {
    const { view } = window.okrEditor;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
    view.dispatch({ selection: { anchor: view.state.doc.length } });
    view.focus();
  }, text);
  assert.match(await status(), /0 problems/);
  const times = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.type(" ");
    times.push(await page.evaluate(() => window.okrEditor.lastMs()));
  }
  times.sort((a, b) => a - b);
  console.log(`# 200-objective YAML plan (${(text.length / 1e6).toFixed(2)} MB): one check in Chromium, median of 10 keystrokes: ${times[5].toFixed(1)} ms`);
  await page.screenshot({ path: new URL("editor-200.png", out).pathname });
  // The shape teams keep: the check-ins in the log, which the workspace reads once.
  const withLog = await page.evaluate(() => window.okrEditor.timeCheckWithLog(200, 21));
  assert.ok(withLog.checkIns > 0);
  console.log(`# 200-objective YAML plan, check-ins in the log (${(withLog.bytes / 1e6).toFixed(2)} MB of YAML, ${withLog.checkIns} logged check-ins): Workspace.check in Chromium, median of 21: ${withLog.ms.toFixed(1)} ms`);
});
