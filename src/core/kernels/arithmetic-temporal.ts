/**
 * Temporal arithmetic, as pandas' datetime64/timedelta64 rules:
 *
 * | operation                 | result                          |
 * |---------------------------|---------------------------------|
 * | timestamp − timestamp     | duration (finer unit)           |
 * | timestamp ± duration      | timestamp (finer unit, same tz) |
 * | duration + timestamp      | timestamp                       |
 * | duration ± duration       | duration (finer unit)           |
 * | duration × integer        | duration                        |
 * | integer × duration        | duration                        |
 * | duration / duration       | float64                         |
 * | neg, abs of a duration    | duration                        |
 *
 * Timestamps of different zones throw (convert one first); every other mix
 * (dates, timestamp + timestamp, numbers with timestamps, duration × float…)
 * throws a `DTypeError` naming both dtypes. Converting an operand to the
 * finer unit multiplies its int64 counts exactly and throws a `CastError`
 * naming the row if that overflows; the arithmetic itself wraps unless
 * `checked`, like integers.
 * @internal
 */

import { show } from "../../util/is.js";
import { getBit } from "../bitmap.js";
import type { Chunk } from "../chunk.js";
import { Column } from "../column.js";
import {
  type DType,
  dtypeToString,
  duration,
  float64,
  isInteger,
  type TimeUnit,
  timestamp,
} from "../dtype.js";
import { CastError, DTypeError } from "../errors.js";
import { bigintWords, mulOverflowsSigned, mulWords, signedToNumber, words, wordsToBigInt } from "../int64.js";
import { promote } from "../promotion.js";
import { allNull, LOOPS, type Operand, operandArray, runBinary, runUnary } from "./arithmetic-engine.js";
import type { BinaryOp } from "./arithmetic-support.js";

type Scalar = number | bigint | boolean | string | null;

const PER_SECOND: Record<TimeUnit, number> = { s: 1, ms: 1e3, us: 1e6, ns: 1e9 };

function describe(x: Column | Scalar): string {
  return x instanceof Column ? dtypeToString(x.dtype) : `${typeof x} ${show(x)}`;
}

function unsupported(op: string, a: Column | Scalar, b: Column | Scalar, why = ""): DTypeError {
  return new DTypeError(`${op} does not support ${describe(a)} and ${describe(b)}${why}`);
}

/** Int64 words of a temporal chunk in a finer unit (×factor, checked), or the chunk's own words. */
function scaled(c: Chunk, factor: number, from: DType, unit: TimeUnit, row0: number): Int32Array {
  const w = words(c.values as BigInt64Array);
  if (factor === 1) return w;
  const out = new Int32Array(w.length);
  const f = bigintWords(BigInt(factor));
  const flo = f[0] as number;
  for (let i = 0; i < c.length; i++) {
    const lo = w[2 * i] as number;
    const hi = w[2 * i + 1] as number;
    mulWords(out, i, lo, hi, flo, 0);
    if (mulOverflowsSigned(lo, hi, flo, 0, out[2 * i + 1] as number)) {
      if (c.validity === null || getBit(c.validity, c.offset + i)) {
        throw new CastError(
          `${dtypeToString(from)} value ${wordsToBigInt(lo, hi, true)} at row ${row0 + i} overflows int64 in unit ${unit}`,
        );
      }
    }
  }
  return out;
}

function unitOf(d: DType): TimeUnit {
  return (d as DType & { unit: TimeUnit }).unit;
}

/** An operand column scaled to `unit` (as int64 words, or float64 for division). */
function scaledOperand(col: Column, unit: TimeUnit, asFloat: boolean): Operand {
  const factor = PER_SECOND[unit] / PER_SECOND[unitOf(col.dtype)];
  return {
    col,
    prep: (c, row0) => {
      const w = scaled(c, factor, col.dtype, unit, row0);
      if (!asFloat) return w;
      const out = new Float64Array(c.length);
      for (let i = 0; i < c.length; i++) out[i] = signedToNumber(w[2 * i] as number, w[2 * i + 1] as number);
      return out;
    },
  };
}

function isIntegerOperand(x: Column | Scalar): boolean {
  if (x instanceof Column) return isInteger(x.dtype) || x.dtype.kind === "bool";
  return typeof x === "bigint" || (typeof x === "number" && Number.isInteger(x)) || typeof x === "boolean";
}

/** The integer side of duration × integer, as int64 words. */
function integerOperand(x: Column | Scalar, op: string): Operand {
  if (x instanceof Column) return { col: x, prep: (c, row0) => operandArray(c, "i64", row0) };
  const v = typeof x === "boolean" ? BigInt(x) : BigInt(x as number | bigint);
  if (v < -(2n ** 63n) || v >= 2n ** 63n)
    throw new CastError(`scalar ${show(x)} does not fit int64 in ${op}`);
  return { col: null, scalar: bigintWords(v) };
}

/** Binary arithmetic where at least one side is a temporal column. */
export function temporalBinary(
  op: BinaryOp,
  a: Column | Scalar,
  b: Column | Scalar,
  checked: boolean,
): Column {
  const da = a instanceof Column ? a.dtype : null;
  const db = b instanceof Column ? b.dtype : null;
  const ka = da?.kind;
  const kb = db?.kind;
  const timeLike = (k: string | undefined) => k === "timestamp" || k === "duration";
  if (ka === "time" || kb === "time") {
    // pandas: datetime.time has no arithmetic (TypeError for time − time, time + timedelta)
    throw unsupported(op, a, b, " (times of day have no arithmetic; cast them to int64 counts first)");
  }
  if (op === "mul") {
    const [d, other] =
      ka === "duration" ? [a as Column, b] : kb === "duration" ? [b as Column, a] : [null, null];
    if (d !== null && other === null) return allNull(d.dtype, d.length);
    if (d === null || !isIntegerOperand(other) || (other instanceof Column && timeLike(other.dtype.kind))) {
      throw unsupported(op, a, b, " (a duration multiplies an integer)");
    }
    const dOp: Operand = { col: d, prep: (c, row0) => operandArray(c, "i64", row0) };
    const iOp = integerOperand(other, op);
    const [left, right] = d === a ? [dOp, iOp] : [iOp, dOp];
    return runBinary({ name: op, op, key: "i64", outDtype: d.dtype, checked }, left, right);
  }
  if (da === null || db === null || !timeLike(ka) || !timeLike(kb)) throw unsupported(op, a, b);
  const unit = promoteUnit(da, db, op);
  const A = a as Column;
  const B = b as Column;
  let out: DType | null = null;
  if (op === "add" && ka !== kb) out = timestamp(unit, ka === "timestamp" ? tzOf(da) : tzOf(db));
  else if (op === "add" && ka === "duration") out = duration(unit);
  else if (op === "sub" && ka === "timestamp" && kb === "timestamp") out = duration(unit);
  else if (op === "sub" && ka === "timestamp") out = timestamp(unit, tzOf(da));
  else if (op === "sub" && ka === "duration" && kb === "duration") out = duration(unit);
  else if (op === "div" && ka === "duration" && kb === "duration") {
    const plan = { name: op, op, key: "f64" as const, outDtype: float64, checked: false };
    return runBinary(plan, scaledOperand(A, unit, true), scaledOperand(B, unit, true));
  }
  if (out === null) throw unsupported(op, a, b);
  const plan = { name: op, op, key: "i64" as const, outDtype: out, checked };
  return runBinary(plan, scaledOperand(A, unit, false), scaledOperand(B, unit, false));
}

function tzOf(d: DType): string | null {
  return (d as DType & { tz: string | null }).tz;
}

/** The finer unit of two timestamp/duration dtypes; timestamps must share a zone. */
function promoteUnit(a: DType, b: DType, op: string): TimeUnit {
  if (a.kind === "timestamp" && b.kind === "timestamp") {
    try {
      return unitOf(promote(a, b));
    } catch (e) {
      throw new DTypeError(`${op}: ${(e as Error).message}`);
    }
  }
  const ua = unitOf(a);
  const ub = unitOf(b);
  return PER_SECOND[ua] >= PER_SECOND[ub] ? ua : ub;
}

/** neg and abs of a duration column. */
export function temporalUnary(name: "neg" | "abs", col: Column, checked: boolean): Column {
  if (col.dtype.kind !== "duration") {
    throw new DTypeError(`${name} does not support dtype ${dtypeToString(col.dtype)} (only durations)`);
  }
  const set = LOOPS.i64;
  const check = checked ? (name === "neg" ? set.negChecked : set.absChecked) : null;
  const loop = name === "neg" ? set.neg : set.abs;
  return runUnary({ name, key: "i64", outDtype: col.dtype, loop, checked: check }, col);
}
