/** A date (`2026-02-14`, read as the end of that day) or an RFC 3339 timestamp. */
export type DateText = string;

/** The stable codes of `OkrError.code` (the same strings in Rust, Python and Kotlin). */
export type ErrorCode =
  | "syntax" | "unknown_field" | "schema" | "invalid_value" | "duplicate_id"
  | "unknown_reference" | "cycle" | "zero_range" | "direction_mismatch" | "date_order"
  | "limit" | "not_found" | "policy" | "unknown_rule" | "io" | "invalid_argument"
  | "internal";

export type Status =
  | "not_started" | "on_track" | "behind" | "at_risk" | "done" | "stale" | "closed"
  | "no_target";

export type KrType =
  | "increase" | "decrease" | "stay_above" | "stay_below" | "within" | "milestone"
  | "checklist" | "zones" | "baseline" | "aggregate";

export type Severity = "info" | "warning" | "error";

/** A check-in's value: a number, done or not (milestones), a zone name, or finished steps. */
export type Value = number | boolean | string | string[];

/** The plan document, as in the JSON file format (see `schema()`). */
export type PlanDocument = { schema_version: number; [field: string]: unknown };

export interface LoadOptions {
  /** Default `"yaml"`. */
  format?: "yaml" | "json" | "csv";
  /** The text of the plan's check-ins log (JSON Lines). */
  log?: string;
  /** Default `true`: throw every problem of meaning too, not only unreadable text. */
  validate?: boolean;
}

export interface ScoreOptions {
  /** Default: now. */
  asOf?: DateText;
  /** Score under a peer tool's policy (see `presets()`). */
  preset?: string;
}

export interface LintOptions {
  /** Default: now. */
  asOf?: DateText;
  profile?: "default" | "strict";
  /** Only these rules (codes or names). */
  select?: string[];
  /** Never these rules (codes or names). */
  ignore?: string[];
  /** Severity per rule (code or name). */
  severity?: Record<string, "error" | "warn" | "info" | "off">;
  /** Rule settings by name (see each rule's documentation). */
  settings?: Record<string, number | boolean | string | string[]>;
}

export interface ReportOptions extends LintOptions {
  /** Default `"md"`. */
  format?: "md" | "html";
  /** Also say what changed since this earlier date (`YYYY-MM-DD` or a timestamp). */
  since?: string;
  /** `false`: leave the lint findings out. Default `true`. */
  lint?: boolean;
  /** Only this unit's objectives and those of the units under it. */
  unit?: string;
  /** Only what this person owns: their objectives, and their key results in others'. */
  owner?: string;
}

export interface WorkspaceOptions extends LintOptions {
  /** Default `"yaml"`. */
  format?: "yaml" | "json" | "csv";
  /** The text of the check-ins log (JSON Lines). */
  log?: string;
}

/** One problem of an `OkrError`, or of `plan.problems()`. */
export interface Problem {
  code: ErrorCode;
  message: string;
  /** Which text it is in. */
  document: "plan" | "log" | "config";
  /** Document path, e.g. `objectives[0].key_results[1].target`. */
  path: string;
  /** 1-based line, when known. */
  line: number | null;
  /** 1-based column in characters, when known. */
  column: number | null;
  ids: string[];
}

export interface Diagnostic {
  /** Stable rule code, e.g. `OKR202`. */
  code: string;
  /** Rule name, e.g. `activity-key-result`. */
  rule: string;
  severity: Severity;
  message: string;
  help: string;
  ids: string[];
  path: string;
  line: number | null;
  column: number | null;
}

/** A position in the checked text: UTF-16 code units (JavaScript string indices) and bytes. */
export interface Offsets {
  offset: number | null;
  byteOffset: number | null;
}

export interface Forecast {
  projectedValue: number;
  projectedProgress: number | null;
  projectedRawProgress: number | null;
  targetDate: string | null;
  slopePerDay: number;
  points: number;
}

export interface Grade {
  score: number;
  manual: boolean;
  band: "red" | "yellow" | "green";
  expected: number | null;
  meetsExpectation: boolean | null;
}

export interface ObjectiveScore {
  id: string;
  title: string;
  owner: string | null;
  unit: string | null;
  cycle: string | null;
  type: "committed" | "aspirational" | null;
  state: "draft" | "active" | "closed" | "cancelled";
  value: null;
  progress: number | null;
  rawProgress: number | null;
  expected: number | null;
  status: Status;
  confidence: number | null;
  forecast: { projectedProgress: number } | null;
  /** The chance that progress at the due dates reaches 0.7 (docs/forecasting.md). */
  probability: number | null;
  grade: Grade | null;
  parents: string[];
  children: string[];
}

export interface KeyResultScore {
  id: string;
  objectiveId: string;
  title: string;
  owner: string | null;
  type: KrType;
  measure: string | null;
  weight: number;
  due: string | null;
  value: Value | null;
  progress: number | null;
  rawProgress: number | null;
  expected: number | null;
  gap: number | null;
  status: Status;
  confidence: number | null;
  confidenceDivergence: boolean;
  forecast: Forecast | null;
  /** The chance that the value at the due date hits the target (docs/forecasting.md). */
  probability: number | null;
  /** The likely value at the due date: the model's central 80 %. */
  valueInterval: { low: number; high: number } | null;
  checkIns: number;
  lastCheckIn: string | null;
}

/** How one objective's or key result's score moves in `Plan.whatIf`. */
export interface ScoreChange {
  id: string;
  kind: "objective" | "key_result";
  progressBefore: number | null;
  progressAfter: number | null;
  statusBefore: Status;
  statusAfter: Status;
  probabilityBefore: number | null;
  probabilityAfter: number | null;
}

/** `Plan.whatIf`'s answer: the values supposed, every score that moves, the scores as if. */
export interface WhatIf {
  supposed: { keyResult: string; value: Value }[];
  changes: ScoreChange[];
  scores: Scores;
}

export interface CalibrationOptions {
  /** Key results due by then are settled. Default: now. */
  asOf?: DateText;
  /** Count reaching this progress (0 < p ≤ 1) as a hit, instead of reaching the target. */
  hitAt?: number;
  /** Fewest settled key results before a verdict. Default: the plan's lint setting, else 8. */
  minKeyResults?: number;
  /** Fewest cycles they must span. Default: the plan's lint setting, else 2. */
  minCycles?: number;
  /** Largest gap called calibrated. Default: the plan's lint setting, else 0.25. */
  maxGap?: number;
}

/** What a group's forecasts say of its stated confidence. */
export type Verdict = "too_little_evidence" | "calibrated" | "overconfident" | "underconfident" | "inconsistent";

/** Forecasts whose stated confidence fell in `[low, high)` (the last bin includes 1). */
export interface ReliabilityBin {
  low: number;
  high: number;
  forecasts: number;
  /** `null` in an empty bin. */
  meanConfidence: number | null;
  /** Share of them whose key result hit; `null` in an empty bin. */
  hitRate: number | null;
}

/** One group's calibration: everyone's (`id` empty), or an owner's, unit's or cycle's. */
export interface CalibrationGroup {
  id: string;
  /** Check-ins with a stated confidence, made before their key result was due. */
  forecasts: number;
  /** Settled key results with at least one of them. */
  keyResults: number;
  /** How many of those key results hit. */
  hits: number;
  cycles: number;
  meanConfidence: number | null;
  /** Share of forecasts whose key result hit. */
  hitRate: number | null;
  /** `meanConfidence − hitRate`: above 0 is overconfidence. */
  gap: number | null;
  /** Mean squared distance of confidence from outcome (0 is perfect; always 50 % scores 0.25). */
  brier: number | null;
  /** Forecast-weighted mean distance of each bin's confidence from its hit rate. */
  calibrationError: number | null;
  verdict: Verdict;
  /** Ten bins, one per tenth of stated confidence. */
  bins: ReliabilityBin[];
}

/** `Plan.calibration`'s answer. */
export interface Calibration {
  asOf: string;
  hitAt: number | null;
  judgement: { minKeyResults: number; minCycles: number; maxGap: number };
  overall: CalibrationGroup;
  owners: CalibrationGroup[];
  units: CalibrationGroup[];
  cycles: CalibrationGroup[];
  /** By when in its period each forecast was made: the `early`, `middle` and `late` thirds that have forecasts, in that order. */
  phases: CalibrationGroup[];
}

export interface Scores {
  asOf: string;
  objectives: ObjectiveScore[];
  keyResults: KeyResultScore[];
}

export interface AlignedObjective {
  id: string;
  unit: string | null;
  parents: string[];
  children: string[];
  depth: number;
  orphan: boolean;
  skippedLevels: { parent: string; skippedUnits: string[] }[];
  coverage: { keyResults: number; covered: number; share: number; uncovered: string[] } | null;
}

export interface Alignment {
  roots: string[];
  orphans: string[];
  objectives: AlignedObjective[];
}

export interface RuleInfo {
  code: string;
  name: string;
  category: "correctness" | "practice" | "advice";
  defaultSeverity: Severity;
  summary: string;
  /** The rule's documentation, as Markdown. */
  doc: string;
}

export interface Counts {
  objectives: number;
  keyResults: number;
  checkIns: number;
}

/** A table as columns: numbers in `Float64Array`s (`NaN` when missing; times in ms since the epoch). */
export interface Table {
  rows: number;
  columns: Record<string, Float64Array | (string | null)[]>;
  docs: Record<string, string>;
}

/** What an editor shows for one version of the text. */
export interface CheckResult {
  /** What stops the plan from being scored (unreadable text, dangling references…). */
  problems: (Problem & Offsets)[];
  diagnostics: (Diagnostic & Offsets)[];
  /** `null` while the plan has problems. */
  scores: Scores | null;
}
