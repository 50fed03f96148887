// Scenario 4 — writes: POST /api/tasks with a JSON title over the warm agencies, against
// `pgbench -N` (simple update: 3 writes + 1 read per transaction) through the same PgBouncer.
import {
  type BenchContext,
  churnNote,
  configLabel,
  type Sizes,
  stackLabel,
  targetsOf,
  withCpu,
} from "../context.ts";
import type { SeededAgency } from "../seed.ts";
import { runPgbench } from "../pgbench.ts";
import { sampled, type ScenarioResult } from "../report.ts";
import { allSamples, sampleText } from "../responses.ts";
import { fmt } from "../util.ts";
import { errorCount, runWrk } from "../wrk.ts";
import { ensurePgbench, loadColumns, pgbenchRow, wrkRow } from "./reads-warm.ts";

/** This scenario's load: POST /api/tasks spread uniformly over `agencies` (scenario 14 measures the WAL
 * archive under it). */
export const taskWrites = (url: string, agencies: SeededAgency[], sizes: Sizes) =>
  runWrk({
    url,
    targets: targetsOf(agencies, "/api/tasks"),
    choice: { kind: "uniform" },
    method: "POST",
    body: JSON.stringify({ title: "Bench task", priority: "high" }),
    connections: sizes.connections,
    threads: sizes.threads,
    durationSec: sizes.loadSec,
  });

export async function writes(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes, api, stack } = ctx;
  const agencies = ctx.seeder.agencies.slice(0, sizes.warm);
  const wrk = await withCpu(ctx, () => taskWrites(api.url, agencies, sizes));
  ctx.log(`  API POST /api/tasks: ${fmt(wrk.okRps, 0)} 2xx/s`);
  await ensurePgbench(ctx);
  const pg = await withCpu(ctx, () =>
    runPgbench(stack, {
      via: "pooler",
      clients: sizes.connections,
      threads: sizes.threads,
      durationSec: sizes.loadSec,
      connectEach: false,
      builtin: "simple-update",
    }));
  ctx.log(`  pgbench -N (pooler): ${fmt(pg.tps, 0)} tps`);
  const errors = errorCount(wrk);
  return {
    number: 4,
    id: "writes",
    title: `Writes, ${sizes.warm} agencies`,
    status: "ok",
    tables: [{
      columns: loadColumns,
      rows: [
        wrkRow(`API POST /api/tasks, ${sizes.warm} agencies, uniform`, configLabel(ctx), wrk, pg.tps),
        pgbenchRow(`${pg.command}, 1 database`, stackLabel(ctx), pg),
      ],
    }],
    checks: [sampled("no errors", wrk.requests, `${errors} in ${wrk.requests} requests`, () => errors === 0)],
    notes: [
      ...churnNote(ctx, "API", wrk, sizes.loadSec),
      "No throughput target; the ceiling is pgbench's simple-update transaction (BEGIN; UPDATE; SELECT; INSERT; END) at the same concurrency through PgBouncer.",
      "Each API write is a transaction: INSERT … RETURNING id, then SELECT the row (findOne), committed (fsync on).",
      ...(allSamples(wrk).length ? [`Non-2xx samples: ${sampleText(allSamples(wrk))}`] : []),
    ],
    data: { wrk, pgbench: pg },
  };
}
