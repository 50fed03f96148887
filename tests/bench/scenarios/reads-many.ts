// Scenario 3 — routed reads over many agencies, Zipf-skewed (s = 1.1) and uniform, against
// `pgbench -C -S` straight to PostgreSQL (a new connection per transaction); the app role's server
// connections are sampled every 100 ms and compared with PgBouncer's cap.
import { type BenchContext, churnNote, statusText, targetsOf, warmPass, withCpu } from "../context.ts";
import { runPgbench } from "../pgbench.ts";
import type { ScenarioResult } from "../report.ts";
import { startConnectionSampler } from "../sampler.ts";
import { fmt } from "../util.ts";
import { runWrk, type WrkResult } from "../wrk.ts";
import { ensurePgbench, loadColumns, measureWarm, pgbenchRow, wrkRow } from "./reads-warm.ts";

// The server-connection cap: PgBouncer's max_user_connections (59, pgbouncer/pgbouncer.ini) plus
// the one backend PostgreSQL may still list after PgBouncer has closed it.
export const CAP = 60;

/** A 503 sample ("503 <retry-after> <body>") with a Retry-After and the contract's error body. */
export function wellFormed503(sample: string): boolean {
  const [status, retryAfter, ...rest] = sample.split(" ");
  if (status !== "503") return true; // judged elsewhere
  try {
    const body = JSON.parse(rest.join(" "));
    return Number(retryAfter) > 0 && body.code === "unavailable" && typeof body.error === "string";
  } catch {
    return false;
  }
}

export function failures(r: WrkResult) {
  const non503 = Object.entries(r.statuses)
    .filter(([s]) => !s.startsWith("2") && s !== "503")
    .reduce((a, [, v]) => a + v, 0);
  const socket = r.errors.connect + r.errors.read + r.errors.write + r.errors.timeout;
  const malformed503 = r.samples.filter((s) => !wellFormed503(s)).length;
  return {
    non503,
    socket,
    n503: r.statuses["503"] ?? 0,
    malformed503,
    samples503: r.samples.filter((s) => s.startsWith("503")).length,
  };
}

export async function readsMany(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes, stack, api } = ctx;
  const agencies = ctx.seeder.agencies.slice(0, sizes.many);
  const warm = ctx.shared.warm ?? (await measureWarm(ctx)).wrk;
  const warmStatuses = await warmPass(api.url, agencies, 8);
  ctx.log(`  warm pass over ${agencies.length}: ${statusText(warmStatuses)}`);
  const admissionBefore = api.services.admission.stats();

  const load = async (kind: "zipf" | "uniform") => {
    const sampler = await startConnectionSampler(stack.observerUrl, stack.appRole);
    const wrk = await withCpu(ctx, () =>
      runWrk({
        url: api.url,
        targets: targetsOf(agencies),
        choice: kind === "zipf" ? { kind: "zipf", s: 1.1 } : { kind: "uniform" },
        connections: sizes.connections,
        threads: sizes.threads,
        durationSec: sizes.loadSec,
      }));
    const connections = await sampler.stop();
    ctx.log(`  ${kind}: ${fmt(wrk.okRps, 0)} 2xx/s, peak app-role backends ${connections.peakApp}`);
    return { wrk, connections };
  };
  const zipf = await load("zipf");
  const uniform = await load("uniform");
  ctx.shared.manyUniform = uniform.wrk;
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

  const zipfRatio = zipf.wrk.okRps / warm.okRps;
  const uniformRatio = uniform.wrk.okRps / pgC.tps;
  const peak = Math.max(zipf.connections.peakApp, uniform.connections.peakApp);
  const fz = failures(zipf.wrk);
  const fu = failures(uniform.wrk);
  const fullScale = sizes.many >= 1000;
  const at = fullScale ? "" : ` (at ${sizes.many} agencies, not 1,000)`;
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
            ...wrkRow(`API, ${sizes.many} agencies, Zipf s=1.1 (ceiling: warm)`, zipf.wrk, warm.okRps),
            zipf.connections.peakApp,
          ],
          [
            ...wrkRow(`API, ${sizes.many} agencies, uniform (ceiling: pgbench -C)`, uniform.wrk, pgC.tps),
            uniform.connections.peakApp,
          ],
          [...wrkRow(`API, ${sizes.warm} warm agencies (scenario 2)`, warm), "–"],
          [...pgbenchRow(`${pgC.command}, 1 database`, pgC), pgConnections.peakApp],
        ],
      },
      {
        title: "Errors",
        columns: ["load", "503", "non-503 non-2xx", "socket errors", "503 samples checked", "malformed 503s"],
        rows: [
          ["Zipf", fz.n503, fz.non503, fz.socket, fz.samples503, fz.malformed503],
          ["uniform", fu.n503, fu.non503, fu.socket, fu.samples503, fu.malformed503],
        ],
      },
    ],
    checks: [
      {
        target: `Zipf ≥ 0.8 × warm${at}`,
        measured: `${fmt(zipfRatio, 2)}×`,
        pass: fullScale ? zipfRatio >= 0.8 : null,
      },
      {
        target: `uniform ≥ 0.5 × pgbench -C -S${at}`,
        measured: `${fmt(uniformRatio, 2)}×`,
        pass: fullScale ? uniformRatio >= 0.5 : null,
      },
      {
        target: `app-role server connections never above the cap (${CAP})`,
        measured: `peak ${peak}`,
        pass: peak <= CAP,
      },
      {
        target: "no non-503 errors; 503s well-formed",
        measured: `${fz.non503 + fu.non503 + fz.socket + fu.socket} non-503, ${
          fz.malformed503 + fu.malformed503
        } malformed 503`,
        pass: fz.non503 + fu.non503 + fz.socket + fu.socket + fz.malformed503 + fu.malformed503 === 0,
      },
    ],
    notes: [
      ...churnNote(ctx, "Zipf", zipf.wrk, sizes.loadSec),
      ...churnNote(ctx, "uniform", uniform.wrk, sizes.loadSec),
      `Warm pass first over all ${agencies.length} agencies (${
        statusText(warmStatuses)
      }); agency cache TTL ${ctx.config.AGENCY_CACHE_TTL_MS} ms, so part of the catalog cache expires during the loads.`,
      `Admission during the two loads: admitted +${
        admissionAfter.admitted - admissionBefore.admitted
      }, waited +${admissionAfter.waited - admissionBefore.waited}, rejected +${
        admissionAfter.rejected - admissionBefore.rejected
      }, timed out +${admissionAfter.timedOut - admissionBefore.timedOut}.`,
      `Client registry after the loads: ${JSON.stringify(api.services.tenantClients.stats())}.`,
      `Backends sampled every 100 ms (${zipf.connections.samples} + ${uniform.connections.samples} samples); peak of all client backends ${
        Math.max(zipf.connections.peakTotal, uniform.connections.peakTotal)
      } (max_connections 100).`,
      ...(zipf.wrk.samples.length || uniform.wrk.samples.length
        ? [
          `Non-2xx samples: ${
            [...zipf.wrk.samples, ...uniform.wrk.samples].slice(0, 3).map((s) => "`" + s + "`").join("; ")
          }`,
        ]
        : []),
    ],
    data: { zipf, uniform, pgbenchC: pgC, pgConnections, warm },
  };
}
