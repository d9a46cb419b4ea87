// Browsers and bundlers: `await init()` once (it fetches okr_wasm_bg.wasm beside this
// module, or takes the module or its bytes), then call the API.
import init from "./dist/okr_wasm.js";

export * from "./dist/okr_wasm.js";
export { OkrError } from "./error.js";
export { init };
