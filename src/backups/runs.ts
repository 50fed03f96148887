// The catalog's record of backup runs (backup_runs): a row when a run starts, completed when it ends,
// with what it did or why it failed. The console, `deno task stats` and /metrics read it.
import type { Sql } from "../platform/db.ts";

export type RunKind = "full" | "diff" | "incr" | "verify" | "dumps";

/** Runs `work` as one recorded run of `kind` on `cluster` (null: fleet-wide); its result becomes the
 * run's details. A failure is recorded (ok = false: what alerting reads), then rethrown; a run ended by
 * `signal` (its scheduler stopping) is recorded as interrupted (ok stays null), not as a failure. */
export async function recordRun<T extends Record<string, unknown>>(
  control: Sql,
  cluster: string | null,
  kind: RunKind,
  work: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const [{ id }] = await control<{ id: string }[]>`
    insert into backup_runs (cluster, kind) values (${cluster}, ${kind}) returning id`;
  try {
    const details = await work();
    await control`
      update backup_runs set finished_at = now(), ok = true, details = ${control.json(details as never)}
      where id = ${id}`;
    return details;
  } catch (error) {
    const message = String((error as Error)?.message ?? error).slice(0, 4000);
    await control`
      update backup_runs set finished_at = now(), ok = ${signal?.aborted ? null : false},
        error = ${signal?.aborted ? `interrupted: ${message}` : message}
      where id = ${id}`;
    throw error;
  }
}

export type RunSummary = {
  cluster: string | null;
  kind: RunKind;
  /** The latest successful run's end, and the latest attempt's start and outcome (null: running). */
  lastSuccessAt: Date | null;
  lastAttemptAt: Date;
  lastOk: boolean | null;
  lastError: string | null;
  /** The latest successful run's details. */
  details: Record<string, unknown>;
};

/** Per cluster and kind: the latest attempt and the latest success. */
export async function latestRuns(control: Sql): Promise<RunSummary[]> {
  return await control<RunSummary[]>`
    select distinct on (cluster, kind) cluster, kind,
      (select max(finished_at) from backup_runs s where s.cluster is not distinct from r.cluster
        and s.kind = r.kind and s.ok) as last_success_at,
      started_at as last_attempt_at, ok as last_ok, error as last_error,
      coalesce((select details from backup_runs s where s.cluster is not distinct from r.cluster
        and s.kind = r.kind and s.ok order by finished_at desc limit 1), '{}') as details
    from backup_runs r
    order by cluster, kind, started_at desc`;
}
