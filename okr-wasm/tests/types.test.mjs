// The TypeScript types are kept by hand (npm/types.d.ts); this holds every field they
// name to the objects the engine really returns, and every field returned to a type.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { load, rules, Workspace } from "okr";

const declared = readFileSync(new URL("../npm/types.d.ts", import.meta.url), "utf8");

/** The field names of `export interface name { ... }`, from the declaration text. */
function fields(name) {
  const body = declared.match(new RegExp(`export interface ${name}(?: extends [^{]+)? \\{([\\s\\S]*?)\\n\\}`));
  assert.ok(body, `interface ${name} not found`);
  return body[1]
    .split("\n")
    .map((line) => line.match(/^ {2}(\w+)\??:/))
    .filter(Boolean)
    .map((m) => m[1])
    .sort();
}

const acme = readFileSync(new URL("../../examples/acme.yaml", import.meta.url), "utf8");
const plan = load(acme);
const scores = plan.score({ asOf: "2026-11-15" });
const keys = (o) => Object.keys(o).sort();

test("the declared what-if records have exactly the fields the engine returns", () => {
  const answer = plan.whatIf({ arr: 12.5 }, { asOf: "2026-11-15" });
  assert.deepEqual(keys(answer), fields("WhatIf"));
  assert.deepEqual(keys(answer.changes[0]), fields("ScoreChange"));
});

test("the declared calibration records have exactly the fields the engine returns", () => {
  const track = readFileSync(new URL("../../fixtures/calibration/track-record.yaml", import.meta.url), "utf8");
  const cal = load(track).calibration({ asOf: "2026-07-15" });
  assert.deepEqual(keys(cal), fields("Calibration"));
  assert.deepEqual(keys(cal.overall), fields("CalibrationGroup"));
  assert.deepEqual(keys(cal.overall.bins[0]), fields("ReliabilityBin"));
});

test("the declared records have exactly the fields the engine returns", () => {
  assert.deepEqual(keys(scores), fields("Scores"));
  assert.deepEqual(keys(scores.objectives[0]), fields("ObjectiveScore"));
  assert.deepEqual(keys(scores.keyResults[0]), fields("KeyResultScore"));
  const forecast = scores.keyResults.find((k) => k.forecast)?.forecast;
  assert.ok(forecast, "the example has a forecast");
  assert.deepEqual(keys(forecast), fields("Forecast"));
  const grade = scores.objectives.find((o) => o.grade)?.grade;
  if (grade) assert.deepEqual(keys(grade), fields("Grade"));
  const diagnostics = plan.lint({ asOf: "2026-11-15" });
  assert.ok(diagnostics.length > 0, "the example has diagnostics");
  assert.deepEqual(keys(diagnostics[0]), fields("Diagnostic"));
  const alignment = plan.alignment();
  assert.deepEqual(keys(alignment), fields("Alignment"));
  assert.deepEqual(keys(alignment.objectives[0]), fields("AlignedObjective"));
  assert.deepEqual(keys(rules()[0]), fields("RuleInfo"));
  assert.deepEqual(keys(plan.counts()), fields("Counts"));
  assert.deepEqual(keys(plan.table("scores", { asOf: "2026-11-15" })), fields("Table"));
  const check = new Workspace({ asOf: "2026-11-15" }).check(acme.replace("title:", "titel:"));
  assert.deepEqual(keys(check), fields("CheckResult"));
  assert.deepEqual(keys(check.problems[0]), [...fields("Problem"), ...fields("Offsets")].sort());
  try {
    load("schema_version: 1\nobjectives: 3\n");
    assert.fail("should throw");
  } catch (e) {
    assert.deepEqual(keys(e.errors[0]), fields("Problem"));
  }
});
