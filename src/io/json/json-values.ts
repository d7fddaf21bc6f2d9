/**
 * JSON text to JS values with integers kept exact: `JSON.parse` rounds
 * integer literals past 2^53, so text that holds a run of 16 or more digits
 * is parsed here instead, where such integers become bigints. Errors name
 * the line and column of the text.
 * @internal
 */
import { ParseError } from "../../core/errors.js";

const LONG_DIGITS = /\d{16}/;

/** Parse JSON text; integers beyond 2^53 come back as bigints. */
export function parseJSONText(text: string, what: string, line0 = 1): unknown {
  if (!LONG_DIGITS.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // fall through: the exact parser says where the text breaks
    }
  }
  return new ExactParser(text, what, line0).document();
}

const WS = new Set([32, 9, 10, 13]);

class ExactParser {
  #i = 0;

  constructor(
    readonly text: string,
    readonly what: string,
    readonly line0: number,
  ) {}

  document(): unknown {
    const v = this.#value();
    this.#ws();
    if (this.#i < this.text.length) this.#fail("unexpected text after the JSON value");
    return v;
  }

  #fail(message: string): never {
    const before = this.text.slice(0, this.#i);
    const line = this.line0 + (before.match(/\n/g)?.length ?? 0);
    const col = this.#i - before.lastIndexOf("\n");
    throw new ParseError(`${this.what}: line ${line}, column ${col}: ${message}`);
  }

  #ws(): void {
    while (WS.has(this.text.charCodeAt(this.#i))) this.#i++;
  }

  #value(): unknown {
    this.#ws();
    const c = this.text[this.#i];
    if (c === "{") return this.#object();
    if (c === "[") return this.#array();
    if (c === '"') return this.#string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.#number();
    for (const [word, v] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (this.text.startsWith(word, this.#i)) {
        this.#i += word.length;
        return v;
      }
    }
    return this.#fail(
      c === undefined ? "the text ends where a value should be" : `unexpected ${JSON.stringify(c)}`,
    );
  }

  #object(): Record<string, unknown> {
    const out: Record<string, unknown> = Object.create(null);
    this.#i++;
    this.#ws();
    if (this.text[this.#i] === "}") {
      this.#i++;
      return out;
    }
    for (;;) {
      this.#ws();
      if (this.text[this.#i] !== '"') this.#fail("expected a key in quotes");
      const key = this.#string();
      this.#ws();
      if (this.text[this.#i] !== ":") this.#fail('expected ":" after a key');
      this.#i++;
      Object.defineProperty(out, key, {
        value: this.#value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.#ws();
      const c = this.text[this.#i++];
      if (c === "}") return out;
      if (c !== ",") this.#fail('expected "," or "}" in an object');
    }
  }

  #array(): unknown[] {
    const out: unknown[] = [];
    this.#i++;
    this.#ws();
    if (this.text[this.#i] === "]") {
      this.#i++;
      return out;
    }
    for (;;) {
      out.push(this.#value());
      this.#ws();
      const c = this.text[this.#i++];
      if (c === "]") return out;
      if (c !== ",") this.#fail('expected "," or "]" in an array');
    }
  }

  #string(): string {
    const start = this.#i;
    let i = start + 1;
    for (;;) {
      const c = this.text.charCodeAt(i);
      if (Number.isNaN(c)) {
        this.#i = start;
        this.#fail("a string is not closed");
      }
      if (c === 34) break;
      i += c === 92 ? 2 : 1;
    }
    this.#i = i + 1;
    try {
      return JSON.parse(this.text.slice(start, i + 1)) as string;
    } catch {
      this.#i = start;
      return this.#fail("a string holds an invalid escape or control character");
    }
  }

  #number(): number | bigint {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.#i, this.#i + 400));
    if (m === null) return this.#fail("invalid number");
    this.#i += m[0].length;
    if (m[2] === undefined && m[3] === undefined) {
      const n = Number(m[0]);
      return Number.isSafeInteger(n) ? n : BigInt(m[0]);
    }
    return Number(m[0]);
  }
}
