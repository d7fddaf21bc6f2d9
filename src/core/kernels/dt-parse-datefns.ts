/**
 * date-fns format strings for `toDatetime` (`"dd.MM.yyyy HH:mm"`): each
 * value is decoded and handed to date-fns' `parse` with a reference date of
 * the `UtcDate` class below, a `Date` whose local-time getters and setters
 * are the UTC ones. date-fns builds its result through those methods, so the
 * wall clock it parsed comes back as `getTime()` unchanged by the process's
 * time zone (no DST gap shifts, no local offset). Precision is the
 * millisecond (a `Date`).
 * @internal
 */
import { format as formatDate, parse } from "date-fns";
import { decodeUtf8 } from "../chunk.js";
import { OptionError } from "../errors.js";
import { BAD, isNatText, NULL, OK, type TextParser } from "./dt-parse.js";

/** A Date that reads and writes its fields in UTC, whatever the process's TZ. */
class UtcDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }
  override setFullYear(y: number, m?: number, d?: number): number {
    return m === undefined
      ? this.setUTCFullYear(y)
      : d === undefined
        ? this.setUTCFullYear(y, m)
        : this.setUTCFullYear(y, m, d);
  }
  override setMonth(m: number, d?: number): number {
    return d === undefined ? this.setUTCMonth(m) : this.setUTCMonth(m, d);
  }
  override setDate(d: number): number {
    return this.setUTCDate(d);
  }
  override setHours(h: number, mi?: number, s?: number, ms?: number): number {
    if (mi === undefined) return this.setUTCHours(h);
    if (s === undefined) return this.setUTCHours(h, mi);
    return ms === undefined ? this.setUTCHours(h, mi, s) : this.setUTCHours(h, mi, s, ms);
  }
  override setMinutes(mi: number, s?: number, ms?: number): number {
    if (s === undefined) return this.setUTCMinutes(mi);
    return ms === undefined ? this.setUTCMinutes(mi, s) : this.setUTCMinutes(mi, s, ms);
  }
  override setSeconds(s: number, ms?: number): number {
    return ms === undefined ? this.setUTCSeconds(s) : this.setUTCSeconds(s, ms);
  }
  override setMilliseconds(ms: number): number {
    return this.setUTCMilliseconds(ms);
  }
}

/** date-fns tokens that carry a UTC offset or an absolute instant. */
const ZONED_TOKENS = /(?:^|[^'])(?:X|x|T|t)/;

/** A date-fns format, parsed per value through `parse` (missing fields from 1900-01-01, as pandas). */
export class DateFnsParser implements TextParser {
  readonly format: string;
  readonly #reference = new UtcDate(Date.UTC(1900, 0, 1));
  /** True when the format has an offset token: results are UTC instants. */
  readonly zoned: boolean;

  constructor(format: string) {
    this.format = format;
    try {
      // date-fns checks a format's tokens only as far as a parse gets: format() checks them all
      formatDate(this.#reference, format);
    } catch (err) {
      throw new OptionError(`invalid format: ${JSON.stringify(format)}: ${(err as Error).message}`);
    }
    this.zoned = ZONED_TOKENS.test(format.replace(/'[^']*'/g, ""));
  }

  parse(b: Uint8Array, p: number, e: number, r: Float64Array): number {
    const text = decodeUtf8(b, p, e).trim();
    if (text === "" || isNatText(b, p, e)) return NULL;
    let ms: number;
    try {
      ms = parse(text, this.format, this.#reference).getTime();
    } catch (err) {
      // date-fns throws a RangeError for a malformed format (unescaped letters, protected tokens)
      throw new OptionError(`invalid format: ${JSON.stringify(this.format)}: ${(err as Error).message}`);
    }
    if (Number.isNaN(ms)) return BAD;
    const sec = Math.floor(ms / 1000);
    r[0] = sec;
    r[1] = (ms - sec * 1000) * 1e6;
    r[2] = 0;
    r[3] = this.zoned ? 0 : Number.NaN;
    return OK;
  }
}
