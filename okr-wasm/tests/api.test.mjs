// The API as a web tool uses it: the editor's Workspace, errors, tables, documents.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as okr from "okr";
import { load, Plan, Workspace, OkrError } from "okr";

const acme = readFileSync(new URL("../../examples/acme.yaml", import.meta.url), "utf8");

test("init resolves in Node, where the module is ready on import", async () => {
  await okr.init();
  assert.match(okr.version(), /^\d+\.\d+\.\d+/);
});

test("the example plan scores as flat objective and key-result lists, in camelCase", () => {
  const plan = load(acme, { format: "yaml" });
  const scores = plan.score({ asOf: "2026-11-15" });
  assert.equal(scores.asOf, "2026-11-15");
  assert.ok(scores.objectives.length > 0 && scores.keyResults.length > 0);
  const kr = scores.keyResults[0];
  for (const name of ["id", "objectiveId", "progress", "rawProgress", "expected", "status", "value", "confidence", "forecast", "lastCheckIn"]) {
    assert.ok(name in kr, name);
  }
  assert.ok(!("key_results" in scores.objectives[0]));
  const counts = plan.counts();
  assert.equal(counts.keyResults, scores.keyResults.length);
});

test("a document round-trips through toJSON, JSON.stringify and write", () => {
  const plan = load(acme);
  const again = Plan.fromObject(JSON.parse(JSON.stringify(plan)));
  assert.equal(again.write("json"), plan.write("json"));
  assert.equal(load(plan.write("json"), { format: "json" }).write("yaml"), plan.write("yaml"));
});

test("errors are OkrErrors with a stable code, a path, a line and every problem", () => {
  const text = "schema_version: 1\nobjectives:\n  - id: o\n    title: Grow\n    wieght: 2\n";
  assert.throws(() => load(text), (e) => {
    assert.ok(e instanceof OkrError && e instanceof Error);
    assert.equal(e.name, "OkrError");
    assert.equal(e.code, "unknown_field");
    assert.equal(e.path, "objectives[0].wieght");
    assert.equal(e.line, 5);
    assert.equal(e.errors.length, 1);
    return true;
  });
  const dangling = "schema_version: 1\nobjectives:\n  - {id: a, title: Grow the business, unit: nowhere}\n  - {id: b, title: Keep customers, unit: elsewhere}\n";
  assert.throws(() => load(dangling), (e) => e.code === "unknown_reference" && e.errors.length === 2);
  const plan = load(dangling, { validate: false });
  assert.equal(plan.problems().length, 2);
  assert.throws(() => plan.score({ asOf: "2026-11-15" }), OkrError);
  assert.throws(() => load(acme).lint({ select: ["OKR999"] }), (e) => e.code === "unknown_rule");
  assert.throws(() => load(acme).lint({ settings: { max_krs: 3 } }), (e) => e.code === "unknown_field" && e.path === "settings.max_krs");
  assert.throws(() => load(acme).score({ asOf: "someday" }), (e) => e.code === "invalid_argument");
  assert.throws(() => load(acme, { format: "toml" }), (e) => e.code === "invalid_argument");
  assert.throws(() => load(acme, { formt: "json" }), (e) => e.code === "invalid_argument" && /formt/.test(e.message));
  assert.throws(() => load(acme).score({ asof: "2026-11-15" }), (e) => e.code === "unknown_field");
  assert.throws(() => Plan.fromObject({ schema_version: 1, objectives: "none" }), (e) => e.code === "schema");
  assert.ok(new OkrError("made by hand", { code: "io" }) instanceof OkrError);
  assert.ok(!(new Error("plain") instanceof OkrError));
});

test("the workspace answers a keystroke with located problems, diagnostics and scores", () => {
  const ws = new Workspace({ asOf: "2026-11-15" });
  const ok = ws.check(acme);
  assert.deepEqual(ok.problems, []);
  assert.ok(ok.scores.objectives.length > 0);
  for (const d of ok.diagnostics) {
    if (d.line !== null) {
      assert.equal(typeof d.offset, "number");
      assert.equal(typeof d.byteOffset, "number");
    }
  }
  // A typo: the plan can no longer be read; no throw, one located problem, no scores.
  const broken = acme.replace("title:", "titel:");
  const bad = ws.check(broken);
  assert.equal(bad.scores, null);
  assert.equal(bad.problems[0].code, "unknown_field");
  assert.equal(broken.slice(bad.problems[0].offset, bad.problems[0].offset + 5), "titel");
});

test("positions count UTF-16 code units for JavaScript and bytes for files", () => {
  const text = "schema_version: 1\nobjectives:\n  - id: o\n    title: \"🚀 Wachstum für alle\"\n    owner: zoë\n    wieght: 2\n";
  const [problem] = new Workspace({}).check(text).problems;
  assert.equal(problem.path, "objectives[0].wieght");
  assert.equal(text.slice(problem.offset, problem.offset + 6), "wieght");
  const bytes = new TextEncoder().encode(text);
  assert.equal(new TextDecoder().decode(bytes.slice(problem.byteOffset, problem.byteOffset + 6)), "wieght");
  assert.notEqual(problem.offset, problem.byteOffset);
});

test("tables are columns, numbers in Float64Arrays", () => {
  const table = load(acme).table("scores", { asOf: "2026-11-15" });
  assert.ok(table.rows > 0);
  assert.ok(table.columns.progress instanceof Float64Array);
  assert.equal(table.columns.progress.length, table.rows);
  assert.ok(Array.isArray(table.columns.id));
  assert.equal(typeof table.docs.progress, "string");
  assert.throws(() => load(acme).table("people", {}), (e) => e.code === "invalid_argument");
});

test("reports, alignment, rules, presets, schema and generated plans", () => {
  const plan = load(acme);
  assert.match(plan.report({ format: "md", asOf: "2026-11-15" }), /^#/);
  assert.match(plan.report({ format: "html", asOf: "2026-11-15" }), /<html/i);
  const since = plan.report({ asOf: "2026-11-15", since: "2026-11-01", lint: false });
  assert.match(since, /## Since 1 November 2026/);
  assert.match(since, /\| \*\*emea-dach\*\* Break into the DACH mid-market \| 17% → 77% \| \+60 pts \|/);
  assert.doesNotMatch(since, /Diagnostics:/);
  const sales = plan.report({ asOf: "2026-11-15", unit: "sales" });
  assert.match(sales, /unit Sales and the units under it/);
  assert.doesNotMatch(sales, /### acme-grow/);
  const alignment = plan.alignment();
  assert.ok(Array.isArray(alignment.roots) && alignment.objectives.every((o) => "skippedLevels" in o));
  const rules = okr.rules();
  assert.equal(rules.length, 34);
  assert.ok(rules.every((r) => /^OKR\d{3}$/.test(r.code) && r.defaultSeverity));
  assert.ok(okr.presets().includes("okr-tracker"));
  assert.equal(okr.schema().title, "OKR plan");
  const generated = okr.generate("S", 1);
  assert.equal(generated.counts().objectives, 1000);
  assert.equal(okr.generate(25).counts().objectives, 25);
  assert.throws(() => okr.generate("XL"), (e) => e.code === "invalid_argument");
});

test("whatIf scores as if key results had reported values, and lists what moves", () => {
  const plan = load(acme, { format: "yaml" });
  const answer = plan.whatIf({ arr: 12.5, pg16: "done" }, { asOf: "2026-11-15" });
  assert.deepEqual(answer.changes.map((c) => c.id), ["acme-grow", "arr", "platform-speed", "pg16"]);
  const arr = answer.changes[1];
  assert.equal(arr.kind, "key_result");
  assert.equal(arr.progressAfter, 1);
  assert.equal(arr.statusAfter, "done");
  assert.deepEqual(answer.supposed[1], { keyResult: "pg16", value: true });
  assert.equal(answer.scores.keyResults.find((k) => k.id === "arr").progress, 1);
  assert.equal(plan.score({ asOf: "2026-11-15" }).keyResults.find((k) => k.id === "arr").progress, 0.4);
  assert.throws(() => plan.whatIf({ "new-logos": 5 }, {}), (e) => e.code === "invalid_argument" && /aggregate/.test(e.message));
  assert.throws(() => plan.whatIf({ nope: 5 }, {}), (e) => e.code === "not_found");
  assert.throws(() => plan.whatIf({ arr: { lots: 1 } }, {}), (e) => e.code === "invalid_argument");
});

test("the workspace reads its log once; a log that cannot be read is every check's problem", () => {
  const plan = "schema_version: 1\ncheck_ins_file: q.jsonl\nobjectives:\n  - id: o\n    title: Grow the business\n    key_results: [{id: k, title: Sign 10 deals, type: increase, start: 0, target: 10}]\n";
  const ws = new Workspace({ asOf: "2026-02-14", log: '{"key_result": "k", "at": "2026-02-01", "value": 4}\n' });
  const kr = ws.check(plan).scores.keyResults[0];
  assert.equal(kr.checkIns, 1);
  assert.equal(kr.progress, 0.4);
  ws.setLog('{"key_result": "k", "at": "2026-02-01", "value": 4}\nnot a check-in\n');
  const bad = ws.check(plan);
  assert.equal(bad.scores, null);
  assert.equal(bad.problems[0].document, "log");
  assert.equal(bad.problems[0].line, 2);
  assert.equal(bad.problems[0].offset, null, "a position in the log is not one in the plan's text");
  ws.setLog(undefined);
  assert.equal(ws.check(plan).scores.keyResults[0].checkIns, 0);
});

test("calibration judges each owner's stated confidence against outcomes", () => {
  const text = readFileSync(new URL("../../fixtures/calibration/track-record.yaml", import.meta.url), "utf8");
  const cal = load(text).calibration({ asOf: "2026-07-15" });
  assert.equal(cal.asOf, "2026-07-15");
  assert.deepEqual(cal.judgement, { minKeyResults: 4, minCycles: 2, maxGap: 0.25 });
  const ana = cal.owners.find((g) => g.id === "ana");
  assert.equal(ana.verdict, "overconfident");
  assert.equal(ana.bins.length, 10);
  assert.equal(cal.overall.brier, 0.360625);
  assert.throws(() => load(text).calibration({ hitAt: 2 }), (e) => e instanceof OkrError && e.code === "invalid_argument");
  assert.throws(() => load(text).calibration({ hit: 0.5 }), (e) => e.code === "unknown_field");
});
