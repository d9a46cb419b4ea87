// The plan editor: the whole text goes to the engine on every change (Workspace.check),
// and the page shows what comes back: diagnostics as squiggles and as a list, the
// scorecard, the alignment tree. Everything runs in the page.
import { EditorView, basicSetup } from "codemirror";
import { yaml } from "@codemirror/lang-yaml";
import { setDiagnostics, lintGutter } from "@codemirror/lint";
import { init, Workspace, Plan, rules, generate } from "okr";
import acme from "../../examples/acme.yaml?raw";
import acmeLog from "../../examples/acme.check-ins.jsonl?raw";
import "./style.css";

await init();

const ruleDocs = new Map(rules().map((r) => [r.code, r]));
const asOfInput = document.getElementById("as-of");
asOfInput.value = "2026-11-15";
const workspace = new Workspace({ format: "yaml", log: acmeLog, asOf: asOfInput.value });
const $ = (id) => document.getElementById(id);
const escape = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const pct = (x) => (x === null || x === undefined ? "–" : `${Math.round(x * 100)}%`);
const STATUS = {
  on_track: "on track", behind: "behind", at_risk: "at risk", done: "done",
  not_started: "not started", stale: "stale", closed: "closed", no_target: "no target",
};

/** The range a finding marks: from its position to the end of its line. */
function range(doc, offset) {
  const at = Math.min(offset, doc.length);
  return { from: at, to: Math.max(doc.lineAt(at).to, Math.min(at + 1, doc.length)) };
}

function findingsOf(result, doc) {
  const problems = result.problems.map((p) => ({ ...p, severity: "error", rule: p.code, help: "" }));
  return [...problems, ...result.diagnostics];
}

function ruleNote(code) {
  const rule = ruleDocs.get(code);
  return rule ? `${rule.code} ${rule.name}: ${rule.summary}` : "";
}

function renderFindings(findings, view) {
  $("finding-count").textContent = findings.length ? String(findings.length) : "none";
  $("findings").innerHTML = findings
    .map((f, i) => `<li class="finding ${f.severity}" data-i="${i}" title="${escape(ruleNote(f.code))}">
        <span class="sev">${f.severity === "error" ? "●" : f.severity === "warning" ? "▲" : "◆"}</span>
        <span class="code">${escape(f.code)}</span>
        <span class="msg">${escape(f.message)}</span>
        <span class="where">${f.line ? `line ${f.line}` : ""}</span></li>`)
    .join("");
  for (const li of $("findings").querySelectorAll("li")) {
    li.addEventListener("click", () => {
      const f = findings[Number(li.dataset.i)];
      if (f.offset === null) return;
      const { from } = range(view.state.doc, f.offset);
      view.dispatch({ selection: { anchor: from }, effects: EditorView.scrollIntoView(from, { y: "center" }) });
      view.focus();
    });
  }
}

function bar(progress, expected, status) {
  const p = Math.max(0, Math.min(1, progress ?? 0));
  const marker = expected === null || expected === undefined ? "" : `<i class="expected" style="left:${Math.min(1, expected) * 100}%"></i>`;
  return `<div class="bar ${status}"><b style="width:${p * 100}%"></b>${marker}</div>`;
}

function renderScores(scores) {
  if (!scores) {
    $("scorecard").innerHTML = `<p class="muted">Fix the problems above to see scores.</p>`;
    $("alignment").innerHTML = "";
    return;
  }
  const krs = new Map();
  for (const k of scores.keyResults) krs.set(k.objectiveId, [...(krs.get(k.objectiveId) ?? []), k]);
  $("scorecard").innerHTML = scores.objectives
    .map((o) => `<details class="objective" data-id="${escape(o.id)}"><summary>
        <span class="title">${escape(o.title)}</span>
        <span class="pill ${o.status}">${STATUS[o.status] ?? o.status}</span>
        <span class="num">${pct(o.progress)}</span>${bar(o.progress, o.expected, o.status)}</summary>
        <ul>${(krs.get(o.id) ?? []).map((k) => `<li class="kr" data-id="${escape(k.id)}">
          <span class="title">${escape(k.title)}</span>
          <span class="pill ${k.status}">${STATUS[k.status] ?? k.status}</span>
          <span class="num">${pct(k.progress)}</span>${bar(k.progress, k.expected, k.status)}</li>`).join("")}</ul>
      </details>`)
    .join("");
  const counts = {};
  for (const o of scores.objectives) counts[o.status] = (counts[o.status] ?? 0) + 1;
  $("summary").innerHTML = Object.entries(counts)
    .map(([s, n]) => `<span class="pill ${s}">${n} ${STATUS[s] ?? s}</span>`)
    .join("");
}

function renderAlignment(scores, plan) {
  if (!scores) return;
  const byId = new Map(scores.objectives.map((o) => [o.id, o]));
  const node = (id, seen) => {
    const o = byId.get(id);
    if (!o || seen.has(id)) return "";
    seen.add(id);
    const kids = o.children.map((c) => node(c, seen)).join("");
    return `<li><div class="node"><span class="pill ${o.status}">${pct(o.progress)}</span> ${escape(o.title)}</div>${kids ? `<ul>${kids}</ul>` : ""}</li>`;
  };
  const roots = scores.objectives.filter((o) => o.parents.length === 0).map((o) => o.id);
  const seen = new Set();
  $("alignment").innerHTML = `<ul>${roots.map((r) => node(r, seen)).join("")}</ul>`;
}

let lastMs = 0;
function check(view) {
  const text = view.state.doc.toString();
  const started = performance.now();
  const result = workspace.check(text);
  lastMs = performance.now() - started;
  const findings = findingsOf(result, view.state.doc);
  const marks = findings
    .filter((f) => f.offset !== null)
    .map((f) => ({
      ...range(view.state.doc, f.offset),
      severity: f.severity,
      source: f.code,
      message: f.message,
      renderMessage: () => {
        const el = document.createElement("div");
        el.className = "hover";
        const rule = ruleDocs.get(f.code);
        el.innerHTML = `<div><b>${escape(f.code)}</b> ${escape(f.message)}</div>` +
          (f.help ? `<div class="help">${escape(f.help)}</div>` : "") +
          (rule ? `<div class="rule"><b>${escape(rule.name)}</b>: ${escape(rule.summary)}</div>` : "");
        return el;
      },
    }));
  view.dispatch(setDiagnostics(view.state, marks));
  renderFindings(findings, view);
  renderScores(result.scores);
  renderAlignment(result.scores);
  const lines = view.state.doc.lines;
  $("status").textContent = `${lines} lines · ${result.problems.length} problems · ${result.diagnostics.length} diagnostics · checked in ${lastMs.toFixed(1)} ms`;
  document.body.dataset.checks = String(Number(document.body.dataset.checks ?? 0) + 1);
}

const view = new EditorView({
  doc: acme,
  parent: $("editor"),
  extensions: [
    basicSetup,
    yaml(),
    lintGutter(),
    EditorView.updateListener.of((update) => update.docChanged && check(update.view)),
    EditorView.theme({ "&": { height: "100%" }, ".cm-scroller": { fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace" } }),
  ],
});
asOfInput.addEventListener("change", () => {
  workspace.setAsOf(asOfInput.value || undefined);
  check(view);
});
// For the browser tests: the editor, the time of the last check, and a generated plan.
window.okrEditor = {
  view,
  lastMs: () => lastMs,
  generatedYaml: (objectives) => {
    const plan = generate(objectives, 1);
    try {
      return plan.write("yaml");
    } finally {
      plan.free();
    }
  },
  // The editor's loop alone (Workspace.check, no rendering) on a generated plan whose
  // check-ins are moved to a JSON Lines log, the shape teams keep: median ms of `runs`.
  timeCheckWithLog: (objectives, runs) => {
    const generated = generate(objectives, 1);
    const doc = generated.toJSON();
    generated.free();
    const log = [];
    doc.check_ins_file = "plan.jsonl";
    for (const o of doc.objectives) {
      for (const kr of o.key_results) {
        for (const c of kr.check_ins ?? []) log.push(JSON.stringify({ key_result: kr.id, ...c }));
        delete kr.check_ins;
      }
    }
    const plan = Plan.fromObject(doc);
    const text = plan.write("yaml");
    plan.free();
    const ws = new Workspace({ format: "yaml", log: log.join("\n") + "\n", asOf: "2026-02-14" });
    const times = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const result = ws.check(text);
      times.push(performance.now() - started);
      if (result.problems.length) throw new Error(result.problems[0].message);
    }
    ws.free();
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(runs / 2)], bytes: text.length, checkIns: log.length };
  },
};
check(view);
