// Compiled by `tsc --strict` in CI (never run): the package's types must let a
// TypeScript user write this, and must refuse what is marked @ts-expect-error.
import { init, load, Plan, Workspace, OkrError, rules, presets, generate } from "okr";
import type { Scores, Diagnostic, CheckResult, KeyResultScore, Table, WhatIf, Calibration, Verdict } from "okr";

export async function example(text: string): Promise<number> {
  await init();
  const plan: Plan = load(text, { format: "yaml", validate: true });
  const scores: Scores = plan.score({ asOf: "2026-02-14", preset: presets()[0] });
  const behind: KeyResultScore[] = scores.keyResults.filter((k) => k.status === "behind");
  const progress: number | null = scores.objectives[0]?.progress ?? null;
  const diagnostics: Diagnostic[] = plan.lint({ profile: "strict", ignore: ["OKR101"], severity: { "OKR202": "error" } });
  const table: Table = plan.table("scores", { asOf: "2026-02-14" });
  const whatIf: WhatIf = plan.whatIf({ arr: 12.5, beta: true, steps: ["a"] }, { asOf: "2026-02-14" });
  const chance: number | null = whatIf.changes[0]?.probabilityAfter ?? null;
  const calibration: Calibration = plan.calibration({ asOf: "2026-07-15", hitAt: 0.7, minCycles: 3 });
  const verdict: Verdict = calibration.owners[0]?.verdict ?? "too_little_evidence";
  const gap: number | null = calibration.overall.gap;
  const column = table.columns["progress"];
  const ws = new Workspace({ format: "yaml", asOf: "2026-02-14" });
  const result: CheckResult = ws.check(text);
  const first = result.diagnostics[0];
  const at: number | null = first ? first.offset : null;
  try {
    Plan.fromObject({ schema_version: 1 }).write("json");
  } catch (e) {
    if (e instanceof OkrError) {
      const code: string = e.code;
      const lines: (number | null)[] = e.errors.map((p) => p.line);
      return code.length + lines.length;
    }
  }
  // @ts-expect-error: statuses are a closed set
  const wrong: KeyResultScore["status"] = "late";
  // @ts-expect-error: verdicts are a closed set
  const unsure: Verdict = "unsure";
  // @ts-expect-error: lint profiles are a closed set
  plan.lint({ profile: "lenient" });
  return (chance ?? 0) + (gap ?? 0) + verdict.length + unsure.length + behind.length + (progress ?? 0) + diagnostics.length + (column?.length ?? 0) + (at ?? 0) + rules().length + generate("S", 1).counts().objectives + wrong.length;
}
