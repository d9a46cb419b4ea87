// Node: the module is compiled and instantiated synchronously on import, from the wasm
// file beside this one; `init()` is there so that code written for browsers runs as is.
import { readFileSync } from "node:fs";
import { initSync } from "./dist/okr_wasm.js";

initSync({ module: readFileSync(new URL("./dist/okr_wasm_bg.wasm", import.meta.url)) });

export * from "./dist/okr_wasm.js";
export { OkrError } from "./error.js";

/** Already done in Node; resolves at once. */
export async function init() {}
