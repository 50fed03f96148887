// Scenario 3 — routed reads over many agencies, Zipf-skewed (s = 1.1) and uniform, each next to its
// ceiling: the Zipf load, then the warm agencies' reads (scenario 2's load, run again here); the
// uniform load, then `pgbench -C -S` straight to PostgreSQL (a new connection per transaction). The
// app role's server connections are sampled every 100 ms and compared with PgBouncer's cap.
import { type BenchContext, churnNote, statusText, warmPass, withCpu } from "../context.ts";
import { runPgbench } from "../pgbench.ts";
import { type Check, NO_DATA, sampled, type ScenarioResult } from "../report.ts";
import { type ResponseErrors, responseErrors, sampleText, sumErrors } from "../responses.ts";
import { type ConnectionSamples, startConnectionSampler } from "../sampler.ts";
import { fmt } from "../util.ts";
import { ensurePgbench, loadColumns, pgbenchRow, readLoad, wrkRow } from "./reads-warm.ts";

// The server-connection cap: PgBouncer's max_user_connections (59, pgbouncer/pgbouncer.ini) plus
// the one backend PostgreSQL may still list after PgBouncer has closed it.
export const CAP = 60;

/** "Never above the cap" over sampled loads: NO DATA unless every load was sampled at least every
 * 200 ms on average (the sampler aims at 100 ms), since a gap is where a breach would hide. */
export function capCheck(loads: { label: string; connections: ConnectionSamples; seconds: number }[]): Check {
  const target = `app-role server connections never above the cap (${CAP})`;
  const peak = Math.max(0, ...loads.map((l) => l.connections.peakApp));
  const counts = loads.map((l) => `${l.label} ${l.connections.samples}`).join(", ");
  const thin = loads.filter((l) => l.connections.samples < l.seconds * 5);
  if (thin.length) {
    return {
      target,
      measured: `too few samples (${counts}; want ≥ 5/s): ${thin.map((l) => l.label).join(", ")}`,
      pass: NO_DATA,
    };
  }
  return { target, measured: `peak ${peak} (samples: ${counts})`, pass: peak <= CAP };
}

/** No response but 2xx and well-formed 503s, and no socket errors; judged over every request. */
export function errorsCheck(target: string, e: ResponseErrors): Check {
  return sampled(
    target,
    e.requests,
    `${e.non503} non-503, ${e.socket} socket, ${e.n503} 503 (${e.malformed503} malformed) in ${e.requests} requests`,
    () => e.non503 + e.socket + e.malformed503 === 0,
  );
}

export async function readsMany(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes, stack, api } = ctx;
  const agencies = ctx.seeder.agencies.slice(0, sizes.many);
  const warmAgencies = ctx.seeder.agencies.slice(0, sizes.warm);
  const warmStatuses = await warmPass(api.url, agencies, 8);
  ctx.log(`  warm pass over ${agencies.length}: ${statusText(warmStatuses)}`);
  const admissionBefore = api.services.admission.stats();

  const sampledLoad = async (label: string, load: () => ReturnType<typeof readLoad>) => {
    const sampler = await startConnectionSampler(stack.observerUrl, stack.appRole);
    const wrk = await load();
    const connections = await sampler.stop();
    ctx.log(`  ${label}: ${fmt(wrk.okRps, 0)} 2xx/s, peak app-role backends ${connections.peakApp}`);
    return { wrk, connections };
  };
  // Each ratio's two sides run back to back, in the same machine state.
  const zipf = await sampledLoad("zipf", () => readLoad(ctx, agencies, { kind: "zipf", s: 1.1 }));
  const warm = await sampledLoad(`warm ${warmAgencies.length}`, () => readLoad(ctx, warmAgencies));
  const uniform = await sampledLoad("uniform", () => readLoad(ctx, agencies));
  const admissionAfter = api.services.admission.stats();

  await ensurePgbench(ctx);
  const sampler = await startConnectionSampler(stack.observerUrl, stack.appRole);
  const pgC = await withCpu(ctx, () =>
    runPgbench(stack, {
      via: "direct",
      clients: sizes.connections,
      threads: sizes.threads,
      durationSec: sizes.loadSec,
      connectEach: true,
    }));
  const pgConnections = await sampler.stop();
  ctx.log(`  pgbench -C -S (direct): ${fmt(pgC.tps, 0)} tps`);

  const zipfRatio = zipf.wrk.okRps / warm.wrk.okRps;
  const uniformRatio = uniform.wrk.okRps / pgC.tps;
  const errors = {
    zipf: responseErrors(zipf.wrk),
    warm: responseErrors(warm.wrk),
    uniform: responseErrors(uniform.wrk),
  };
  const fullScale = sizes.many >= 1000;
  const at = fullScale ? "" : ` (at ${sizes.many} agencies, not 1,000)`;
  const okCount = (r: typeof warm.wrk) => Math.round(r.okRps * r.durationSec);
  const seconds = sizes.loadSec;
  return {
    number: 3,
    id: "reads-many",
    title: `Routed reads, ${sizes.many} agencies`,
    status: "ok",
    tables: [
      {
        columns: [...loadColumns, `peak app-role backends (cap ${CAP})`],
        rows: [
          [
            ...wrkRow(
              `API, ${sizes.many} agencies, Zipf s=1.1 (ceiling: the next row)`,
              zipf.wrk,
              warm.wrk.okRps,
            ),
            zipf.connections.peakApp,
          ],
          [
            ...wrkRow(`API, ${sizes.warm} warm agencies, uniform (run right after Zipf)`, warm.wrk),
            warm.connections.peakApp,
          ],
          [
            ...wrkRow(`API, ${sizes.many} agencies, uniform (ceiling: the next row)`, uniform.wrk, pgC.tps),
            uniform.connections.peakApp,
          ],
          [...pgbenchRow(`${pgC.command}, 1 database (run right after uniform)`, pgC), pgConnections.peakApp],
        ],
      },
      {
        title: "Errors",
        columns: [
          "load",
          "requests",
          "503",
          "non-503 non-2xx",
          "socket errors",
          "503 samples parsed",
          "malformed 503s",
        ],
        rows: Object.entries(errors).map(([load, e]) => [
          load,
          e.requests,
          e.n503,
          e.non503,
          e.socket,
          e.samples503,
          e.malformed503,
        ]),
      },
    ],
    checks: [
      sampled(
        `Zipf ≥ 0.8 × warm${at}`,
        Math.min(zipf.wrk.requests, okCount(warm.wrk)),
        `${fmt(zipfRatio, 2)}×`,
        () => fullScale ? zipfRatio >= 0.8 : null,
      ),
      sampled(
        `uniform ≥ 0.5 × pgbench -C -S${at}`,
        Math.min(uniform.wrk.requests, pgC.transactions),
        `${fmt(uniformRatio, 2)}×`,
        () => fullScale ? uniformRatio >= 0.5 : null,
      ),
      capCheck([
        { label: "Zipf", connections: zipf.connections, seconds },
        { label: "warm", connections: warm.connections, seconds },
        { label: "uniform", connections: uniform.connections, seconds },
      ]),
      errorsCheck(
        "no errors but well-formed 503s (none expected here: scenario 9 drives the 503s)",
        sumErrors(Object.values(errors)),
      ),
    ],
    notes: [
      ...churnNote(ctx, "Zipf", zipf.wrk, seconds),
      ...churnNote(ctx, "uniform", uniform.wrk, seconds),
      `Warm pass first over all ${agencies.length} agencies (${
        statusText(warmStatuses)
      }); agency cache TTL ${ctx.config.AGENCY_CACHE_TTL_MS} ms, so part of the catalog cache expires during the loads. The warm row runs with the registry and PgBouncer as Zipf left them, so it may sit below scenario 2's figure.`,
      `Admission during the three loads: admitted +${
        admissionAfter.admitted - admissionBefore.admitted
      }, waited +${admissionAfter.waited - admissionBefore.waited}, rejected +${
        admissionAfter.rejected - admissionBefore.rejected
      }, timed out +${
        admissionAfter.timedOut - admissionBefore.timedOut
      } (wrk's ${sizes.connections} connections stay below ADMISSION_CONCURRENCY=${ctx.config.ADMISSION_CONCURRENCY}).`,
      `Client registry after the loads: ${JSON.stringify(api.services.tenantClients.stats())}.`,
      `Backends sampled every 100 ms; peak of all client backends ${
        Math.max(zipf.connections.peakTotal, warm.connections.peakTotal, uniform.connections.peakTotal)
      } (max_connections 100).`,
      ...[zipf, warm, uniform].flatMap((l) =>
        l.wrk.samples.length || l.wrk.samples503.length
          ? [`Non-2xx samples: ${sampleText([...l.wrk.samples503, ...l.wrk.samples])}`]
          : []
      ),
    ],
    data: { zipf, warm, uniform, pgbenchC: pgC, pgConnections },
  };
}
