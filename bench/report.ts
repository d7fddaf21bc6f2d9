/**
 * Turn the cells of a run into the markdown report: medians, ratios of
 * ndframe to each reference, the targets, peak RSS, and notes
 * (cross-library check mismatches, errors).
 */
import {
  type CellResult,
  HAND2_NOTE,
  LIBS,
  type LibId,
  meets,
  type Question,
  targetLabel,
  unsupported,
} from "./config.js";

export type Cells = Record<string, Partial<Record<LibId, CellResult>>>;

export interface Meta {
  readonly date: string;
  readonly n: number;
  readonly runs: number;
  /** Processes per cell (older saved runs: 1). */
  readonly rounds?: number;
  /** Processes per cell for questions whose target is the hand loop. */
  readonly handRounds?: number;
  /** Which statistic of the timed runs the table shows. */
  readonly stat: "median" | "min";
  readonly seed: number;
  readonly node: string;
  readonly cpus: string;
  readonly versions: Record<string, string>;
  readonly seconds?: number;
  /** 1-minute load average at the start and end of the run (other work on the machine skews times). */
  readonly load?: readonly [number, number];
}

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function processes(meta: Meta): string {
  const r = meta.rounds ?? 1;
  const h = meta.handRounds ?? r;
  const one = (k: number) => (k === 1 ? "one process per cell" : `${k} interleaved processes per cell`);
  return h === r
    ? one(r)
    : `${one(r)} (${h} for ndframe and the hand loops where the target is the hand loop)`;
}

/** Milliseconds with about three significant digits. */
export function fmtMs(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(3);
}

const fmtRatio = (r: number): string =>
  `${r >= 10 ? r.toFixed(1) : r >= 0.01 ? r.toFixed(2) : r.toPrecision(2)}×`;

/** The cell text for a library: its median, or why there is none. */
function timeCell(
  q: Question,
  lib: LibId,
  cell: CellResult | undefined,
  stat: Meta["stat"],
  mismatch: boolean,
): string {
  if (unsupported(lib, q) !== null) return "—";
  if (cell === undefined) return "";
  const v = cell[stat];
  if (cell.status === "ok" && v !== undefined) return fmtMs(v) + (mismatch ? " ≠" : "");
  if (cell.status === "n/a") return "n/a";
  return cell.message?.startsWith("timeout") ? "timeout" : "err";
}

function timeOf(cells: Cells, q: Question, lib: LibId, stat: Meta["stat"]): number | undefined {
  const c = cells[q.id]?.[lib];
  return c?.status === "ok" ? c[stat] : undefined;
}

function ratio(cells: Cells, q: Question, against: LibId, stat: Meta["stat"]): number | undefined {
  const nd = timeOf(cells, q, "ndframe", stat);
  const ref = timeOf(cells, q, against, stat);
  return nd === undefined || ref === undefined || ref === 0 ? undefined : nd / ref;
}

/** Relative comparison of two checks (sums in a different order differ in the last bits). */
function sameCheck(x: readonly number[], y: readonly number[]): boolean {
  if (x.length !== y.length) return false;
  return x.every((v, i) => {
    const w = y[i] as number;
    if (Number.isNaN(v) && Number.isNaN(w)) return true;
    return Math.abs(v - w) <= 1e-6 * Math.max(1, Math.abs(v), Math.abs(w));
  });
}

/** Libraries whose check disagrees with the reference (hand loop, else ndframe). */
export function mismatches(cells: Cells, q: Question): Map<LibId, string> {
  const row = cells[q.id] ?? {};
  const refLib: LibId | undefined = row.hand?.check ? "hand" : row.ndframe?.check ? "ndframe" : undefined;
  const out = new Map<LibId, string>();
  if (refLib === undefined) return out;
  const ref = row[refLib]?.check as readonly number[];
  for (const lib of LIBS) {
    const c = row[lib.id]?.check;
    if (c !== undefined && !sameCheck(c, ref)) {
      out.set(lib.id, `${lib.id} gave [${c.join(", ")}], ${refLib} [${ref.join(", ")}]`);
    }
  }
  return out;
}

const RATIO_COLUMNS: [LibId, string][] = [
  ["hand", "nd/hand"],
  ["polars-1", "nd/pl 1T"],
  ["polars", "nd/pl"],
  ["duckdb-1", "nd/duck 1T"],
  ["duckdb", "nd/duck"],
  ["arquero", "nd/aq"],
];

const TIME_COLUMNS = LIBS.filter((l) => l.id !== "hand2");

/** Target text and verdict for a row: one entry per target, joined by "; ". */
function targetCells(cells: Cells, q: Question, stat: Meta["stat"]): [string, string] {
  if (q.targets.length === 0) return ["—", "—"];
  const hasNd = timeOf(cells, q, "ndframe", stat) !== undefined;
  const verdicts = q.targets.map((t) => {
    const r = ratio(cells, q, t.against, stat);
    if (r === undefined) return hasNd ? "?" : "n/a";
    return meets(t, r) ? "met" : "not met";
  });
  return [q.targets.map((t) => targetLabel(t, q.hand?.label)).join("; "), verdicts.join("; ")];
}

function mdRow(cols: readonly string[]): string {
  return `| ${cols.join(" | ")} |`;
}

const isIO = (q: Question): boolean => q.op.startsWith("io-");

/**
 * The Arrow parse rows side by side: parseArrow on 2e5 rows (flights) and
 * on N rows (h2o) take about the same time when it is zero-copy (O(1) in
 * the data size). (io-arrow-read adds the file read, linear in its size.)
 */
function constantTimeNotes(questions: readonly Question[], cells: Cells, meta: Meta): string[] {
  const out: string[] = [];
  for (const op of ["io-arrow-parse"]) {
    const small = questions.find((q) => q.id === `${op}:flights`);
    const big = questions.find((q) => q.id === `${op}:h2o`);
    if (small === undefined || big === undefined) continue;
    for (const lib of ["ndframe", "hand", "arquero", "polars"] as const) {
      const a = timeOf(cells, small, lib, meta.stat);
      const b = timeOf(cells, big, lib, meta.stat);
      if (a === undefined || b === undefined) continue;
      const label = LIBS.find((l) => l.id === lib)?.label ?? lib;
      out.push(
        `- \`${op}\` ${label}: ${fmtMs(a)} ms on 2e5 rows (flights, 1.6 MB), ${fmtMs(b)} ms on ${meta.n.toExponential(0).replace("+", "")} rows (h2o): ${fmtRatio(b / a)} the time for ${fmtRatio(meta.n / 2e5)} the rows.`,
      );
    }
  }
  return out;
}

/** The whole report as markdown. */
export function renderReport(questions: readonly Question[], cells: Cells, meta: Meta): string {
  const lines: string[] = [];
  lines.push(`# ndframe benchmark — N = ${meta.n.toExponential(0).replace("+", "")}`);
  lines.push("");
  lines.push(
    `${meta.date}; ${meta.stat} of ${processes(meta)}, each timing ${meta.runs} runs after a warm-up; node ${meta.node}; ${meta.cpus}.`,
  );
  const versions = Object.entries(meta.versions).map(([k, v]) => `${k} ${v}`);
  const took = meta.seconds === undefined ? "" : ` Whole run: ${Math.round(meta.seconds)} s.`;
  const load =
    meta.load === undefined
      ? ""
      : ` Load average ${meta.load[0].toFixed(1)} at start, ${meta.load[1].toFixed(1)} at end.`;
  const duckThreads = Object.values(cells).find((row) => row.duckdb?.threads !== undefined)?.duckdb?.threads;
  const threads = duckThreads === undefined ? "" : ` DuckDB's default threads here: ${duckThreads}.`;
  lines.push(`Versions: ${versions.join(", ")}.${took}${load}${threads}`);
  lines.push("");
  lines.push(
    `Times in ms (${meta.stat}). 1T = one thread (POLARS_MAX_THREADS=1, DuckDB \`SET threads = 1\`); polars and duckdb without 1T use their default, both cores here. Ratios are ndframe / the other (below 1 = ndframe faster). — = no equivalent operation (in a one-thread row: a configuration shown in the row above); n/a = ndframe kernel not available yet; ≠ = result check differs from the hand loop (see notes). In the Parquet and Arrow rows the hand column is a library call, not a loop: see the notes.`,
  );
  lines.push("");
  const head = [
    "question",
    ...TIME_COLUMNS.map((l) => l.label),
    ...RATIO_COLUMNS.map(([, h]) => h),
    "target",
    "met?",
  ];
  lines.push(mdRow(head));
  lines.push(mdRow(head.map((_, i) => (i === 0 ? "---" : "---:"))));
  const notes: string[] = [];
  for (const q of questions) {
    const row = cells[q.id] ?? {};
    const bad = mismatches(cells, q);
    const times = TIME_COLUMNS.map((l) => timeCell(q, l.id, row[l.id], meta.stat, bad.has(l.id)));
    const ratios = RATIO_COLUMNS.map(([lib]) => {
      const r = ratio(cells, q, lib, meta.stat);
      return r === undefined ? "" : fmtRatio(r);
    });
    lines.push(mdRow([`\`${q.id}\``, ...times, ...ratios, ...targetCells(cells, q, meta.stat)]));
    for (const m of bad.values()) notes.push(`- \`${q.id}\`: check mismatch: ${m}`);
    for (const l of LIBS) {
      const c = row[l.id];
      if (c !== undefined && c.status !== "ok")
        notes.push(`- \`${q.id}\` ${l.id}: ${c.status}: ${c.message ?? ""}`);
    }
    if (q.hand !== undefined) notes.push(`- \`${q.id}\`: hand = ${q.hand.label}: ${q.hand.what}.`);
    const alt = timeOf(cells, q, "hand2", meta.stat);
    if (alt !== undefined) {
      const nd = timeOf(cells, q, "ndframe", meta.stat);
      const what = q.op === "muladd" ? "two-pass loop (a * b, then + c)" : "naive-summation loop";
      notes.push(
        `- \`${q.id}\`: ${what} ${fmtMs(alt)} ms` +
          (nd === undefined ? "" : ` (ndframe / ${what.split(" ")[0]} = ${fmtRatio(nd / alt)})`) +
          `; ${HAND2_NOTE}.`,
      );
    }
  }
  notes.push(...constantTimeNotes(questions, cells, meta));
  lines.push("");
  lines.push("## Peak RSS per process (MB, includes the generated input data)");
  lines.push("");
  if (questions.some(isIO))
    lines.push(
      "IO rows: peak (+Δ), Δ = the peak minus the RSS before the first run (the library loaded, and for the writes the table): what reading or writing added.",
      "",
    );
  const rssHead = ["question", ...LIBS.map((l) => l.label)];
  lines.push(mdRow(rssHead));
  lines.push(mdRow(rssHead.map((_, i) => (i === 0 ? "---" : "---:"))));
  for (const q of questions) {
    const row = cells[q.id] ?? {};
    lines.push(
      mdRow([
        `\`${q.id}\``,
        ...LIBS.map((l) => {
          const c = row[l.id];
          if (unsupported(l.id, q) !== null) return "—";
          if (c?.rssMB === undefined) return "";
          return isIO(q) && c.baseMB !== undefined ? `${c.rssMB} (+${c.rssMB - c.baseMB})` : String(c.rssMB);
        }),
      ]),
    );
  }
  lines.push("");
  lines.push("## Questions");
  lines.push("");
  for (const q of questions) lines.push(`- \`${q.id}\`: ${q.title}`);
  if (notes.length > 0) {
    lines.push("");
    lines.push("## Notes");
    lines.push("");
    lines.push(...notes);
  }
  lines.push("");
  return lines.join("\n");
}
