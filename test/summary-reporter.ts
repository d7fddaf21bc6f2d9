/**
 * Prints one closing line, `Tests: N passed, N failed[, N skipped]`, after
 * vitest's own summary, so that CI can read the outcome in a plain form.
 */
import type { File, Task } from "vitest";
import type { Reporter } from "vitest/reporters";

function count(tasks: readonly Task[], acc: { passed: number; failed: number; skipped: number }): void {
  for (const t of tasks) {
    if (t.type === "suite") {
      if (t.result?.state === "fail" && t.tasks.length === 0) acc.failed++;
      count(t.tasks, acc);
    } else if (t.mode === "skip" || t.mode === "todo") acc.skipped++;
    else if (t.result?.state === "pass") acc.passed++;
    else if (t.result?.state === "fail") acc.failed++;
  }
}

export default class SummaryReporter implements Reporter {
  onFinished(files: File[] = [], errors: unknown[] = []): void {
    const acc = { passed: 0, failed: 0, skipped: 0 };
    for (const f of files) {
      // a file that failed to load counts as a failure
      if (f.result?.state === "fail" && f.tasks.length === 0) acc.failed++;
      count(f.tasks, acc);
    }
    acc.failed += errors.length;
    const skipped = acc.skipped ? `, ${acc.skipped} skipped` : "";
    process.stdout.write(`\nTests: ${acc.passed} passed, ${acc.failed} failed${skipped}\n`);
  }
}
