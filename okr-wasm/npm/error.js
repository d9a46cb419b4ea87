/**
 * Every failure of the engine is an `OkrError`: bad input (a syntax error, an unknown
 * field, a dangling reference, a bad option) and, with code `internal`, a failure of
 * the engine itself. The engine throws plain `Error`s named `OkrError`, carrying the
 * fields below; `instanceof OkrError` recognises them, so they need no wrapping.
 */
export class OkrError extends Error {
  constructor(message, fields = {}) {
    super(message);
    this.name = "OkrError";
    this.code = "internal";
    this.document = "plan";
    this.path = "";
    this.line = null;
    this.column = null;
    this.ids = [];
    this.errors = [];
    Object.assign(this, fields);
  }

  static [Symbol.hasInstance](value) {
    return value instanceof Error && value.name === "OkrError";
  }
}
