// Scenario 9 — the admission limit under overload: a second in-process API whose limit is far below
// wrk's concurrency (ADMISSION_CONCURRENCY + ADMISSION_QUEUE < connections), reads over the warm
// agencies. The excess must queue, then be shed as 503 with Retry-After and the contract's body (or as
// a well-formed 429 for an agency past its share of the queue), while admitted requests still succeed;
// /metrics must show the queueing and the shedding.
import { createApp, createServices } from "../../../src/app.ts";
import { type BenchContext, configLabel, statusText, warmPass } from "../context.ts";
import { readGauges, tryReadGauges } from "../metrics.ts";
import { type Check, NO_DATA, sampled, type ScenarioResult } from "../report.ts";
import { allSamples, responseErrors, sampleText } from "../responses.ts";
import { benchConfig } from "../stack.ts";
import { fmt, sleep } from "../util.ts";
import { loadColumns, readLoad, wrkRow } from "./reads-warm.ts";
import { errorsCheck } from "./reads-many.ts";

/** Small enough that wrk's connections overflow both the slots and the queue; a timeout short enough
 * that some queued requests time out rather than being served. */
const LIMIT = { ADMISSION_CONCURRENCY: 2, ADMISSION_QUEUE: 4, ADMISSION_TIMEOUT_MS: 10 };

type Gauges = Record<string, number>;

/** /metrics every 100 ms while `during` runs (bounded by its end and by `maxSamples`). */
async function sampleGauges<T>(url: string, maxSamples: number, during: () => Promise<T>) {
  let done = false;
  const seen: Gauges[] = [];
  const loop = (async () => {
    while (!done && seen.length < maxSamples) {
      const g = await tryReadGauges(url);
      if (g) seen.push(g);
      await sleep(100);
    }
  })();
  try {
    return { result: await during(), seen };
  } finally {
    done = true;
    await loop;
  }
}

export async function admission(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes, stack } = ctx;
  const agencies = ctx.seeder.agencies.slice(0, sizes.warm);
  const limit = Object.fromEntries(Object.entries(LIMIT).map(([k, v]) => [k, String(v)]));
  const config = benchConfig(stack, { ...ctx.overrides, ...limit });
  const services = createServices(config, stack.servers);
  // Not serveApi: no start-up sweep and no spare refills; the composition the bench API has.
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: () => {} },
    createApp(services).fetch,
  );
  const url = `http://127.0.0.1:${server.addr.port}`;
  try {
    const warmStatuses = await warmPass(url, agencies, LIMIT.ADMISSION_CONCURRENCY);
    const before = await readGauges(url);
    const admittedBefore = services.admission.stats().admitted; // not among the gauges
    const { result: wrk, seen } = await sampleGauges(
      url,
      sizes.loadSec * 10 + 50,
      () => readLoad(ctx, agencies, undefined, url),
    );
    const after = await tryReadGauges(url);
    const admitted = services.admission.stats().admitted - admittedBefore;
    const e = responseErrors(wrk);
    ctx.log(`  overload: ${statusText(wrk.statuses)}, ${e.malformed503} malformed 503`);

    const delta = (name: string) => after ? after[name] - before[name] : NaN;
    const waited = delta("admission_waited_total");
    const rejected = delta("admission_rejected_total");
    const timedOut = delta("admission_timed_out_total");
    const peakActive = Math.max(0, ...seen.map((g) => g.admission_active));
    const peakWaiting = Math.max(0, ...seen.map((g) => g.admission_waiting));
    const ok = Object.entries(wrk.statuses).filter(([s]) => s.startsWith("2")).reduce((a, [, v]) => a + v, 0);

    const queued: Check = !after
      ? {
        target: "overload queues, then sheds",
        measured: "GET /metrics failed after the load",
        pass: NO_DATA,
      }
      : sampled(
        "overload queues, then sheds (/metrics: admission_waited_total > 0, rejected + timed out > 0)",
        wrk.requests,
        `waited +${waited}, rejected +${rejected}, timed out +${timedOut}`,
        () => waited > 0 && rejected + timedOut > 0,
      );
    return {
      number: 9,
      id: "admission",
      title: "Admission limit under overload",
      status: "ok",
      tables: [
        {
          columns: loadColumns,
          rows: [
            wrkRow(
              `API GET /api/projects?limit=20, ${agencies.length} agencies, limit ${LIMIT.ADMISSION_CONCURRENCY}+${LIMIT.ADMISSION_QUEUE}`,
              configLabel(ctx, { config }),
              wrk,
            ),
          ],
        },
        {
          title: "Admission (GET /metrics)",
          columns: [
            "admitted (stats)",
            "waited",
            "rejected (queue full)",
            "timed out",
            "peak active (limit)",
            "peak waiting (queue)",
            "/metrics samples",
            "503s seen by wrk",
            "503 samples parsed",
            "malformed 503s",
          ],
          rows: [[
            admitted,
            waited,
            rejected,
            timedOut,
            `${peakActive} (${LIMIT.ADMISSION_CONCURRENCY})`,
            `${peakWaiting} (${LIMIT.ADMISSION_QUEUE})`,
            seen.length,
            e.n503,
            e.samples503,
            e.malformed503,
          ]],
        },
      ],
      checks: [
        queued,
        sampled(
          'every 503 well-formed (Retry-After > 0, JSON {error, code: "unavailable"})',
          Math.min(e.n503, e.samples503),
          `${e.n503} 503s judged, ${e.samples503} parsed in full, ${e.malformed503} malformed`,
          () => e.malformed503 === 0,
        ),
        sampled(
          `slots and queue never above the limit (active ≤ ${LIMIT.ADMISSION_CONCURRENCY}, waiting ≤ ${LIMIT.ADMISSION_QUEUE})`,
          seen.length,
          `peak ${peakActive} active, ${peakWaiting} waiting over ${seen.length} samples`,
          () => peakActive <= LIMIT.ADMISSION_CONCURRENCY && peakWaiting <= LIMIT.ADMISSION_QUEUE,
        ),
        sampled(
          "admitted requests still served (2xx > 0)",
          wrk.requests,
          `${ok} 2xx (${fmt(wrk.okRps, 0)}/s)`,
          () => ok > 0,
        ),
        // An agency past its share of the queue is refused with a well-formed 429 (fair admission).
        errorsCheck("no errors but well-formed 503s and 429s", e, { allow429: true }),
      ],
      notes: [
        `A second in-process API (createServices + createApp, the bench configuration) with ADMISSION_CONCURRENCY=${LIMIT.ADMISSION_CONCURRENCY}, ADMISSION_QUEUE=${LIMIT.ADMISSION_QUEUE}, ADMISSION_TIMEOUT_MS=${LIMIT.ADMISSION_TIMEOUT_MS}; wrk -t${sizes.threads} -c${sizes.connections} -d${sizes.loadSec}s over the ${agencies.length} warm agencies after one pass (${
          statusText(warmStatuses)
        }).`,
        "The admission counters are GET /metrics deltas around the load; wrk stops counting at its deadline, so the 503s it saw may fall a few short of rejected + timed out. /metrics is read every 100 ms during the load for the peaks.",
        ...(wrk.samples503.length ? [`503 samples: ${sampleText(wrk.samples503, 2)}`] : []),
        ...(allSamples(wrk).length > wrk.samples503.length
          ? [`Other non-2xx samples: ${sampleText([...wrk.samples429, ...wrk.samples])}`]
          : []),
      ],
      data: { wrk, before, after, limit: LIMIT, gaugeSamples: seen.length },
    };
  } finally {
    await server.shutdown();
    await services.close();
  }
}
