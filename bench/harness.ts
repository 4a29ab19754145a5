// Tiny benchmark harness shared by bench/*.bench.ts: warm up, run a few timed repetitions, report the
// median, and print ratios between a subject and its baseline measured in the same process.

/** Result of timing one function. */
export interface Timing {
  name: string;
  medianMs: number;
  runs: number[];
}

/** Runs `fn` `warmup` times untimed, then `repeat` times timed; returns the median in milliseconds. */
export function time(name: string, fn: () => unknown, { warmup = 2, repeat = 5 } = {}): Timing {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const runs: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    sink = fn();
    runs.push(performance.now() - t0);
  }
  if (sink === Symbol.for('never')) console.log('');
  const sorted = [...runs].sort((a, b) => a - b);
  return { name, medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN, runs };
}

/** Prints timings as a table with each one's ratio to the first (the baseline). */
export function report(title: string, timings: Timing[]): void {
  const base = timings[0];
  console.log(`\n${title}`);
  for (const t of timings) {
    const ratio = base === undefined ? NaN : t.medianMs / base.medianMs;
    console.log(`  ${t.name.padEnd(48)} ${t.medianMs.toFixed(2).padStart(10)} ms   ×${ratio.toFixed(2)} of ${base?.name ?? '-'}`);
  }
}

/** Peak resident memory so far, in MiB. */
export function peakMemoryMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
