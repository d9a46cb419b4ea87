// The shared fixtures hold JavaScript to the same numbers, diagnostics and errors as
// Rust and Python.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { load, Plan, OkrError } from "okr";

const fixtures = new URL("../../fixtures/", import.meta.url);
const read = (path) => readFileSync(new URL(path, fixtures), "utf8");
const json = (path) => JSON.parse(read(path));
const formatOf = (file) => (file.endsWith(".json") ? "json" : file.endsWith(".csv") ? "csv" : "yaml");

/** `raw_progress` as JavaScript spells it. */
const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

function field(record, name) {
  const grade = record.grade ?? {};
  const mapped = { grade_band: grade.band, grade_score: grade.score, meets_expectation: grade.meetsExpectation };
  return name in mapped ? mapped[name] ?? null : record[camel(name)];
}

function close(actual, expected) {
  if (typeof expected === "number" || typeof actual === "number") {
    if (actual === null || expected === null) return actual === expected;
    return Math.abs(actual - expected) < 1e-9;
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function mismatches(scores, expect) {
  const out = [];
  for (const [kind, list] of [["objectives", scores.objectives], ["key_results", scores.keyResults]]) {
    for (const [id, fields] of Object.entries(expect[kind] ?? {})) {
      const record = list.find((r) => r.id === id);
      if (!record) { out.push(`${kind} ${id}: missing`); continue; }
      for (const [name, want] of Object.entries(fields)) {
        const got = field(record, name);
        if (!close(got, want)) out.push(`${kind} ${id}.${name}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
    }
  }
  return out;
}

for (const c of json("compat/vectors.json").cases) {
  test(`compat: ${c.name}`, () => {
    const plan = structuredClone(c.plan);
    plan.policy = { preset: c.preset };
    if (c.expect_error) {
      assert.throws(() => Plan.fromObject(plan).score({ asOf: c.as_of }), (e) => {
        assert.ok(e instanceof OkrError, String(e));
        assert.equal(e.code, c.expect_error.kind);
        return true;
      });
      return;
    }
    const scores = Plan.fromObject(plan).score({ asOf: c.as_of });
    assert.deepEqual(mismatches(scores, c.expect), []);
  });
}

for (const c of json("rollup/expected.json").cases) {
  test(`rollup: ${c.file}`, () => {
    const plan = load(read(`rollup/${c.file}`), { format: formatOf(c.file) });
    assert.deepEqual(mismatches(plan.score({ asOf: c.as_of }), c.expect), []);
  });
}

for (const c of json("lint/expected.json").cases) {
  test(`lint: ${c.file} ${c.rule} ${JSON.stringify(c.config ?? "")}`, () => {
    const plan = load(read(`lint/${c.file}`), { format: formatOf(c.file), validate: false });
    const config = c.config ?? {};
    const found = plan.lint({
      ...config,
      select: c.all_rules ? config.select : [c.rule],
      asOf: c.as_of ?? "2026-02-14",
    });
    const got = found.filter((d) => d.rule === c.rule).map((d) => [d.path, d.ids[0] ?? "", d.severity]);
    const want = c.expect.map((e) => [e[0], e[1], e[2] ?? c.severity ?? null]);
    assert.deepEqual(got.map((g) => g.slice(0, 2)), want.map((w) => w.slice(0, 2)));
    got.forEach((g, i) => want[i][2] !== null && assert.equal(g[2], want[i][2], String(g)));
  });
}

const bad = json("bad/expected.json").cases;
// Written by scripts/gen-bad-fixtures.py: one break per case of a valid base plan.
const generated = json("bad/generated/expected.json");
for (const file of generated.valid) {
  test(`generated base: ${file}`, () => {
    load(read(`bad/${file}`), { format: formatOf(file) });
  });
}
for (const c of [...bad, ...generated.cases].filter((c) => c.file)) {
  test(`bad input: ${c.file}`, () => {
    assert.throws(() => load(read(`bad/${c.file}`), { format: formatOf(c.file) }), (e) => {
      assert.ok(e instanceof OkrError, `not an OkrError: ${e}`);
      assert.ok(e instanceof Error);
      assert.equal(e.code, c.kind, e.message);
      if (c.path !== undefined) assert.equal(e.path, c.path, e.message);
      if (c.path_prefix !== undefined) assert.ok(e.path.startsWith(c.path_prefix), e.message);
      if (c.line !== undefined) assert.equal(e.line, c.line, e.message);
      if (c.ids !== undefined) assert.deepEqual(e.ids, c.ids, e.message);
      assert.ok(e.errors.length >= 1 && e.errors[0].code === e.code);
      return true;
    });
  });
}

test("a 50 MB note is refused with its path", () => {
  const c = bad.find((c) => c.generate === "50MB");
  const note = "x".repeat(50 * 1024 * 1024);
  const text = `{"schema_version": 1, "objectives": [{"id": "o", "title": "t", "key_results": [{"id": "k", "title": "t", "type": "milestone", "check_ins": [{"at": "2026-01-05", "value": true, "note": "${note}"}]}]}]}`;
  assert.throws(() => load(text, { format: "json" }), (e) => e instanceof OkrError && e.code === c.kind && e.path === c.path);
});

test("every calibration case of fixtures/calibration holds", () => {
  const expected = json("calibration/expected.json");
  const failures = [];
  const check = (name, group, expect) => {
    for (const [key, want] of Object.entries(expect)) {
      if (key === "bins") continue;
      const got = group[camel(key)];
      const same = typeof want === "number" ? Math.abs(got - want) < 1e-6 : got === want;
      if (!same) failures.push(`${name}.${key}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
    }
    const listed = new Map(expect.bins.map((b) => [Math.round(b[0] * 10), b]));
    assert.equal(group.bins.length, 10, name);
    group.bins.forEach((b, i) => {
      const want = listed.get(i);
      const got = [b.forecasts, b.meanConfidence, b.hitRate];
      const wanted = want ? want.slice(1) : [0, null, null];
      const same = got.every((g, k) => (typeof wanted[k] === "number" && k > 0 ? Math.abs(g - wanted[k]) < 1e-6 : g === wanted[k]));
      if (!same) failures.push(`${name} bin ${i}: got ${JSON.stringify(got)}, want ${JSON.stringify(wanted)}`);
    });
  };
  for (const c of expected.cases) {
    const options = Object.fromEntries(Object.entries(c.options ?? {}).map(([k, v]) => [camel(k), v]));
    const cal = load(read(`calibration/${c.file}`)).calibration({ asOf: c.as_of, ...options });
    const judgement = Object.fromEntries(Object.entries(c.judgement).map(([k, v]) => [camel(k), v]));
    assert.deepEqual(cal.judgement, judgement);
    check("overall", cal.overall, c.overall);
    for (const key of ["owners", "units", "cycles", "phases"]) {
      const listed = c[key] ?? {};
      for (const [id, expect] of Object.entries(listed)) {
        const group = cal[key].find((g) => g.id === id);
        if (!group) failures.push(`${key}.${id}: missing`);
        else check(`${key}.${id}`, group, expect);
      }
      if (!c.only_listed) assert.deepEqual(cal[key].map((g) => g.id), Object.keys(listed), key);
    }
  }
  assert.deepEqual(failures, []);
});
