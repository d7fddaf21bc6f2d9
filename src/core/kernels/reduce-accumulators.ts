/**
 * Accumulators: the init / add / remove / value protocol of DESIGN.md §4.
 * One accumulator holds the state of one reducer for `slots` independent
 * places at once, in struct-of-arrays form (one Float64Array per field,
 * indexed by slot), so the same object serves
 * - a whole column (one slot),
 * - group-by (slot = group code: `add(codes[i], x[i])`),
 * - rolling windows (one slot per output; `add` the value entering the
 *   window, `remove` the value leaving it).
 *
 * Values arrive as doubles, already filtered: drivers skip nulls (and NaN
 * under skipna) before calling `add`, so accumulators never see them.
 * `value(g)` returns null when the slot has too few values.
 *
 * Numerics follow the whole-column kernels: sums are Neumaier-compensated
 * (adding −x to remove x, as pandas' rolling sums do with Kahan); variance
 * is Welford's online update and its inverse (as pandas' roll_var); skew
 * and kurt keep compensated power sums Σx..Σx⁴ (as pandas' rolling skew and
 * kurt). min, max, prod, first and last are not invertible: rolling windows
 * must recompute them (or use a monotonic deque for min/max).
 * @internal
 */
import { OptionError } from "../errors.js";

/** Per-slot reducer state. */
export interface Accumulator {
  /** Add one value to slot `g`. */
  add(g: number, x: number): void;
  /** Remove one value previously added to slot `g` (invertible reducers only). */
  remove(g: number, x: number): void;
  /** The result for slot `g`, or null when it has too few values. */
  value(g: number): number | null;
}

function notInvertible(name: string): never {
  throw new OptionError(
    `the ${name} reducer cannot remove values (it is not invertible); recompute the window`,
  );
}

/** Neumaier add of x into (s[g], c[g]). */
function kadd(s: Float64Array, c: Float64Array, g: number, x: number): void {
  const a = s[g] as number;
  const t = a + x;
  c[g] = (c[g] as number) + (Math.abs(a) >= Math.abs(x) ? a - t + x : x - t + a);
  s[g] = t;
}

const ksum = (s: Float64Array, c: Float64Array, g: number): number =>
  Number.isFinite(s[g] as number) ? (s[g] as number) + (c[g] as number) : (s[g] as number);

export class CountAccumulator implements Accumulator {
  readonly n: Float64Array;
  constructor(slots: number) {
    this.n = new Float64Array(slots);
  }
  add(g: number): void {
    this.n[g] = (this.n[g] as number) + 1;
  }
  remove(g: number): void {
    this.n[g] = (this.n[g] as number) - 1;
  }
  value(g: number): number {
    return this.n[g] as number;
  }
}

export class SumAccumulator implements Accumulator {
  readonly s: Float64Array;
  readonly c: Float64Array;
  readonly n: Float64Array;
  constructor(
    slots: number,
    readonly minCount = 0,
  ) {
    this.s = new Float64Array(slots);
    this.c = new Float64Array(slots);
    this.n = new Float64Array(slots);
  }
  add(g: number, x: number): void {
    kadd(this.s, this.c, g, x);
    this.n[g] = (this.n[g] as number) + 1;
  }
  remove(g: number, x: number): void {
    kadd(this.s, this.c, g, -x);
    this.n[g] = (this.n[g] as number) - 1;
    // An emptied window restarts exactly at zero instead of carrying residue.
    if (this.n[g] === 0) this.s[g] = this.c[g] = 0;
  }
  value(g: number): number | null {
    return (this.n[g] as number) < this.minCount ? null : ksum(this.s, this.c, g);
  }
}

export class MeanAccumulator extends SumAccumulator {
  override value(g: number): number | null {
    const n = this.n[g] as number;
    return n === 0 ? null : ksum(this.s, this.c, g) / n;
  }
}

/** Welford's running mean and M2 (Σ(x − mean)²), with its inverse for windows. */
export class VarAccumulator implements Accumulator {
  readonly n: Float64Array;
  readonly mean: Float64Array;
  readonly m2: Float64Array;
  constructor(
    slots: number,
    readonly ddof = 1,
    readonly sqrt = false,
  ) {
    this.n = new Float64Array(slots);
    this.mean = new Float64Array(slots);
    this.m2 = new Float64Array(slots);
  }
  add(g: number, x: number): void {
    const n = (this.n[g] as number) + 1;
    const d = x - (this.mean[g] as number);
    const mean = (this.mean[g] as number) + d / n;
    this.n[g] = n;
    this.mean[g] = mean;
    this.m2[g] = (this.m2[g] as number) + d * (x - mean);
  }
  remove(g: number, x: number): void {
    const n = (this.n[g] as number) - 1;
    if (n === 0) {
      this.n[g] = this.mean[g] = this.m2[g] = 0;
      return;
    }
    const d = x - (this.mean[g] as number);
    const mean = (this.mean[g] as number) - d / n;
    this.n[g] = n;
    this.mean[g] = mean;
    this.m2[g] = Math.max((this.m2[g] as number) - d * (x - mean), 0);
  }
  value(g: number): number | null {
    const n = this.n[g] as number;
    if (n <= this.ddof) return null;
    const v = (this.m2[g] as number) / (n - this.ddof);
    return this.sqrt ? Math.sqrt(v) : v;
  }
}

/** Compensated power sums Σx, Σx², Σx³, Σx⁴ for skew (order 3) and kurt (order 4). */
export class MomentAccumulator implements Accumulator {
  readonly n: Float64Array;
  readonly s: Float64Array[];
  readonly c: Float64Array[];
  constructor(
    slots: number,
    readonly order: 3 | 4,
  ) {
    this.n = new Float64Array(slots);
    this.s = [1, 2, 3, 4].map(() => new Float64Array(slots));
    this.c = [1, 2, 3, 4].map(() => new Float64Array(slots));
  }
  #update(g: number, x: number, sign: number): void {
    const x2 = x * x;
    kadd(this.s[0] as Float64Array, this.c[0] as Float64Array, g, sign * x);
    kadd(this.s[1] as Float64Array, this.c[1] as Float64Array, g, sign * x2);
    kadd(this.s[2] as Float64Array, this.c[2] as Float64Array, g, sign * x2 * x);
    kadd(this.s[3] as Float64Array, this.c[3] as Float64Array, g, sign * x2 * x2);
    this.n[g] = (this.n[g] as number) + sign;
  }
  add(g: number, x: number): void {
    this.#update(g, x, 1);
  }
  remove(g: number, x: number): void {
    this.#update(g, x, -1);
  }
  value(g: number): number | null {
    const n = this.n[g] as number;
    if (n < this.order) return null;
    const p = (k: number) => ksum(this.s[k] as Float64Array, this.c[k] as Float64Array, g) / n;
    const m = p(0);
    // central moments from raw moments
    const m2 = p(1) - m * m;
    if (m2 <= 1e-14 * Math.max(1, p(1))) return 0;
    if (this.order === 3) {
      const m3 = p(2) - 3 * m * p(1) + 2 * m ** 3;
      return ((Math.sqrt(n * (n - 1)) / (n - 2)) * m3) / m2 ** 1.5;
    }
    const m4 = p(3) - 4 * m * p(2) + 6 * m * m * p(1) - 3 * m ** 4;
    return ((n - 1) / ((n - 2) * (n - 3))) * ((n + 1) * (m4 / (m2 * m2)) - 3 * (n - 1));
  }
}

/** min or max: not invertible. */
export class ExtremeAccumulator implements Accumulator {
  readonly m: Float64Array;
  readonly n: Float64Array;
  constructor(
    slots: number,
    readonly max: boolean,
  ) {
    this.m = new Float64Array(slots);
    this.n = new Float64Array(slots);
  }
  add(g: number, x: number): void {
    const n = this.n[g] as number;
    if (n === 0 || (this.max ? x > (this.m[g] as number) : x < (this.m[g] as number))) this.m[g] = x;
    this.n[g] = n + 1;
  }
  remove(): void {
    notInvertible(this.max ? "max" : "min");
  }
  value(g: number): number | null {
    return this.n[g] === 0 ? null : (this.m[g] as number);
  }
}

/** prod: not invertible (a zero cannot be divided out). */
export class ProdAccumulator implements Accumulator {
  readonly p: Float64Array;
  readonly n: Float64Array;
  constructor(
    slots: number,
    readonly minCount = 0,
  ) {
    this.p = new Float64Array(slots).fill(1);
    this.n = new Float64Array(slots);
  }
  add(g: number, x: number): void {
    this.p[g] = (this.p[g] as number) * x;
    this.n[g] = (this.n[g] as number) + 1;
  }
  remove(): void {
    notInvertible("prod");
  }
  value(g: number): number | null {
    return (this.n[g] as number) < this.minCount ? null : (this.p[g] as number);
  }
}

/** first or last value added: not invertible. */
export class FirstAccumulator implements Accumulator {
  readonly v: Float64Array;
  readonly n: Float64Array;
  constructor(
    slots: number,
    readonly last: boolean,
  ) {
    this.v = new Float64Array(slots);
    this.n = new Float64Array(slots);
  }
  add(g: number, x: number): void {
    if (this.last || this.n[g] === 0) this.v[g] = x;
    this.n[g] = (this.n[g] as number) + 1;
  }
  remove(): void {
    notInvertible(this.last ? "last" : "first");
  }
  value(g: number): number | null {
    return this.n[g] === 0 ? null : (this.v[g] as number);
  }
}

/** any or all, as 1/0: invertible through counts of non-zero and zero values. */
export class TruthAccumulator implements Accumulator {
  readonly yes: Float64Array;
  readonly no: Float64Array;
  constructor(
    slots: number,
    readonly all: boolean,
  ) {
    this.yes = new Float64Array(slots);
    this.no = new Float64Array(slots);
  }
  add(g: number, x: number): void {
    if (x === 0) this.no[g] = (this.no[g] as number) + 1;
    else this.yes[g] = (this.yes[g] as number) + 1;
  }
  remove(g: number, x: number): void {
    if (x === 0) this.no[g] = (this.no[g] as number) - 1;
    else this.yes[g] = (this.yes[g] as number) - 1;
  }
  value(g: number): number {
    return this.all ? (this.no[g] === 0 ? 1 : 0) : (this.yes[g] as number) > 0 ? 1 : 0;
  }
}
