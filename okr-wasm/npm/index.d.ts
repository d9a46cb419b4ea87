export * from "./dist/okr_wasm.js";
import type { ErrorCode, Problem } from "./dist/okr_wasm.js";

/**
 * Loads the WebAssembly module. Browsers and bundlers must await it once before any
 * other call; in Node it is done on import and resolves at once.
 */
export function init(module?: unknown): Promise<unknown>;

/** Every failure of the engine: bad input, or (code `internal`) the engine itself. */
export class OkrError extends Error {
  constructor(message: string, fields?: Partial<OkrError>);
  /** The stable code of the first problem. */
  code: ErrorCode;
  /** Which text the first problem is in. */
  document: "plan" | "log" | "config";
  /** Its document path, e.g. `objectives[0].key_results[1].target`. */
  path: string;
  line: number | null;
  column: number | null;
  ids: string[];
  /** Every problem of the call, the first included. */
  errors: Problem[];
}
