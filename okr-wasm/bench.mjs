// Node against native, same machine, same run: load + score + lint of a generated
// plan as whole calls from JavaScript, against the same through the release CLI as
// whole processes (process start and writing the JSON answer included there, so the
// ratio is if anything kind to native). Also the gzipped size of the wasm.
//
//   node okr-wasm/bench.mjs [M] [runs]      (after scripts/wasm-build and a release build)
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load, generate } from "okr";

const size = process.argv[2] ?? "M";
const runs = Number(process.argv[3] ?? 5);
const asOf = "2026-02-14";
const okr = new URL("../target/release/okr", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "okr-bench-"));
const file = join(dir, `${size}.json`);
writeFileSync(file, generate(size, 1).write("json"));
const text = readFileSync(file, "utf8");

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(f) {
  f();
  return median(Array.from({ length: runs }, () => {
    const t = performance.now();
    f();
    return performance.now() - t;
  }));
}

// Each plan is freed at once, as a long-lived page should: left to the garbage
// collector, WebAssembly memory is released late and every other call grows it.
function call(method) {
  const plan = load(text, { format: "json" });
  try {
    return plan[method]({ asOf });
  } finally {
    plan.free();
  }
}
const js = { score: time(() => call("score")), lint: time(() => call("lint")) };
const native = {
  score: time(() => execFileSync(okr, ["score", file, "--as-of", asOf, "--format", "json"], { maxBuffer: 1 << 30 })),
  lint: time(() => execFileSync(okr, ["lint", file, "--as-of", asOf, "--format", "json"], { maxBuffer: 1 << 30 })),
};
const wasm = readFileSync(new URL("./npm/dist/okr_wasm_bg.wasm", import.meta.url));
console.log(`size ${size}, median of ${runs} runs, Node ${process.version}`);
console.log("| call | Node (wasm) | native CLI | ratio |");
console.log("|---|---|---|---|");
for (const k of ["score", "lint"]) {
  console.log(`| load + ${k} | ${js[k].toFixed(0)} ms | ${native[k].toFixed(0)} ms | ${(js[k] / native[k]).toFixed(2)}× |`);
}
console.log(`\nwasm: ${wasm.length} bytes, ${gzipSync(wasm, { level: 9 }).length} gzipped`);
