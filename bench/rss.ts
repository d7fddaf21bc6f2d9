/** Peak memory of the current process, for the bench's child processes. */
import { readFileSync } from "node:fs";

/**
 * Peak RSS of this process, MB: Linux's VmHWM (the high-water mark of this
 * process's own memory, worker threads included), else getrusage's max
 * RSS. Not getrusage on Linux: it carries the parent's RSS at the fork
 * across exec, so a child of a large parent (run.ts after writing the
 * 1e7-row Arrow file: 1.2 GB) reported the parent's size.
 */
export function peakRssMB(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m !== null) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
