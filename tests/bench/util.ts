// Small helpers shared by the bench: percentiles, formatting, timing.

/** Nearest-rank percentile of unsorted samples (NaN when empty). */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A number for a table cell: large integers as is, others with `digits` decimals; NaN as "–". */
export function fmt(value: number | undefined, digits = 1): string {
  if (value === undefined || !Number.isFinite(value)) return "–";
  return Number.isInteger(value) && Math.abs(value) >= 100 ? String(value) : value.toFixed(digits);
}

export const hex = (n: number) => crypto.randomUUID().replaceAll("-", "").slice(0, n);

/** A distinct client address per call (X-Forwarded-For), so per-client rate limits never interfere. */
let addressCounter = 0;
export const freshAddress = () => {
  const n = ++addressCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/** Runs a load tool to completion, killed after `deadlineMs` so no loop outlives its bound. */
export async function outputWithin(command: Deno.Command, deadlineMs: number): Promise<Deno.CommandOutput> {
  const child = command.spawn();
  const killer = setTimeout(() => {
    try {
      child.kill("SIGKILL");
    } catch { /* gone */ }
  }, deadlineMs);
  try {
    return await child.output();
  } finally {
    clearTimeout(killer);
  }
}
