// Scenario 3 — routed reads over many agencies, a scale curve: at each agency count (100, 300, 1,000
// in full mode), a Zipf-skewed load (s = 1.1), the warm agencies' reads (scenario 2's load) right
// after it, then a uniform load right after that, so each ratio's two sides run back to back in the
// same machine state. The app role's server connections are sampled every 100 ms and compared with
// the stack's connection budget.
import { type BenchContext, churnNote, configLabel, statusText, warmPass } from "../context.ts";
import { type Check, NO_DATA, sampled, type ScenarioResult } from "../report.ts";
import {
  allSamples,
  ERROR_COLUMNS,
  errorRow,
  errorsText,
  type ResponseErrors,
  responseErrors,
  sampleText,
  sumErrors,
} from "../responses.ts";
import { type ConnectionSamples, startConnectionSampler } from "../sampler.ts";
import { withSql } from "../stack.ts";
import { fmt } from "../util.ts";
import type { WrkResult } from "../wrk.ts";
import { loadColumns, readLoad, wrkRow } from "./reads-warm.ts";

/** "Never above the budget" over sampled loads: NO DATA unless every load was sampled at least every
 * 200 ms on average (the sampler aims at 100 ms), since a gap is where a breach would hide. The cap
 * is the budget's app-role backends: PgBouncer's max_user_connections plus the one backend PostgreSQL
 * may still list after PgBouncer has closed it. */
export function capCheck(
  cap: number,
  loads: { label: string; connections: ConnectionSamples; seconds: number }[],
): Check {
  const target = `app-role server connections never above the budget (${cap})`;
  const peak = Math.max(0, ...loads.map((l) => l.connections.peakApp));
  const counts = loads.map((l) => `${l.label} ${l.connections.samples}`).join(", ");
  const thin = loads.filter((l) => l.connections.samples < l.seconds * 5);
  if (thin.length || !loads.length) {
    return {
      target,
      measured: `too few samples (${counts || "no loads"}; want ≥ 5/s): ${
        thin.map((l) => l.label).join(", ")
      }`,
      pass: NO_DATA,
    };
  }
  return { target, measured: `peak ${peak} (samples: ${counts})`, pass: peak <= cap };
}

/** No response but 2xx, well-formed 503s and (when `allow429`) well-formed 429s, and no socket
 * errors; judged over every request. */
export function errorsCheck(target: string, e: ResponseErrors, { allow429 = false } = {}): Check {
  return sampled(
    target,
    e.requests,
    errorsText(e),
    () => e.other + e.socket + e.malformed503 + (allow429 ? e.malformed429 : e.n429) === 0,
  );
}

type SampledLoad = { wrk: WrkResult; connections: ConnectionSamples };
type Point = {
  n: number;
  zipf: SampledLoad;
  warm: SampledLoad;
  uniform: SampledLoad;
  warmStatuses: Record<string, number>;
};

export async function readsMany(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes, stack, api } = ctx;
  const cap = stack.budget.appBackends;
  const warmAgencies = ctx.seeder.agencies.slice(0, sizes.warm);
  const points = sizes.scalePoints.filter((n) => n <= ctx.seeder.agencies.length);
  const seconds = sizes.scaleSec;
  const admissionBefore = api.services.admission.stats();
  const config = configLabel(ctx);

  const sampledLoad = async (label: string, load: () => Promise<WrkResult>): Promise<SampledLoad> => {
    const sampler = await startConnectionSampler(stack.observerUrl, stack.appRole);
    const wrk = await load();
    const connections = await sampler.stop();
    ctx.log(`  ${label}: ${fmt(wrk.okRps, 0)} 2xx/s, peak app-role backends ${connections.peakApp}`);
    return { wrk, connections };
  };
  const curve: Point[] = [];
  for (const n of points) {
    const agencies = ctx.seeder.agencies.slice(0, n);
    const warmStatuses = await warmPass(api.url, agencies, 8);
    ctx.log(`  ${n} agencies, warm pass: ${statusText(warmStatuses)}`);
    const zipf = await sampledLoad(
      `${n} Zipf`,
      () => readLoad(ctx, agencies, { kind: "zipf", s: 1.1 }, api.url, seconds),
    );
    const warm = await sampledLoad(
      `${n} warm ${warmAgencies.length}`,
      () => readLoad(ctx, warmAgencies, undefined, api.url, seconds),
    );
    const uniform = await sampledLoad(
      `${n} uniform`,
      () => readLoad(ctx, agencies, undefined, api.url, seconds),
    );
    curve.push({ n, zipf, warm, uniform, warmStatuses });
  }
  const admissionAfter = api.services.admission.stats();
  const [{ maxConnections }] = await withSql(
    stack.observerUrl,
    (sql) => sql<{ maxConnections: string }[]>`select current_setting('max_connections') as max_connections`,
  );

  const ratio = (a: WrkResult, b: WrkResult) => a.okRps / b.okRps;
  const okCount = (r: WrkResult) => Math.round(r.okRps * r.durationSec);
  const top = curve.at(-1);
  const fullScale = (top?.n ?? 0) >= 1000;
  const at = top ? (fullScale ? "1,000 agencies" : `${top.n} agencies (not 1,000)`) : "no point";
  const loads = curve.flatMap((p) =>
    (["zipf", "warm", "uniform"] as const).map((kind) => ({ point: p.n, kind, load: p[kind] }))
  );
  const errors = loads.map((l) => ({ label: `${l.point} ${l.kind}`, e: responseErrors(l.load.wrk) }));
  const sessionsPerSec = (l: SampledLoad) =>
    l.wrk.pool ? fmt(l.wrk.pool.newSessions / l.wrk.durationSec, 0) : "–";
  const rowLabel = (p: Point, kind: "zipf" | "warm" | "uniform") =>
    kind === "zipf"
      ? `API, ${p.n} agencies, Zipf s=1.1 (ceiling: the warm row after it)`
      : kind === "warm"
      ? `API, ${warmAgencies.length} warm agencies, uniform (right after Zipf over ${p.n})`
      : `API, ${p.n} agencies, uniform (ceiling: the warm row before it)`;
  const ceilingOf = (p: Point, kind: "zipf" | "warm" | "uniform") =>
    kind === "warm" ? undefined : p.warm.wrk.okRps;

  return {
    number: 3,
    id: "reads-many",
    title: `Routed reads, scale curve over ${points.join(" / ")} agencies`,
    status: "ok",
    tables: [
      {
        title: "Scale curve (each ratio's two sides back to back)",
        columns: [
          "agencies",
          "configuration",
          "Zipf 2xx/s",
          "warm 2xx/s",
          "Zipf / warm",
          "uniform 2xx/s",
          "uniform / warm",
          "p95 ms Zipf / warm / uniform",
          `peak app-role backends (budget ${cap})`,
          "new PG sessions/s Zipf / warm / uniform",
        ],
        rows: curve.map((p) => [
          p.n,
          config,
          fmt(p.zipf.wrk.okRps, 0),
          fmt(p.warm.wrk.okRps, 0),
          fmt(ratio(p.zipf.wrk, p.warm.wrk), 2),
          fmt(p.uniform.wrk.okRps, 0),
          fmt(ratio(p.uniform.wrk, p.warm.wrk), 2),
          [p.zipf, p.warm, p.uniform].map((l) => fmt(l.wrk.latencyMs.p95, 1)).join(" / "),
          Math.max(p.zipf.connections.peakApp, p.warm.connections.peakApp, p.uniform.connections.peakApp),
          [p.zipf, p.warm, p.uniform].map(sessionsPerSec).join(" / "),
        ]),
      },
      {
        title: "Every load",
        columns: [...loadColumns, `peak app-role backends (budget ${cap})`],
        rows: curve.flatMap((p) =>
          (["zipf", "warm", "uniform"] as const).map((kind) => [
            ...wrkRow(rowLabel(p, kind), config, p[kind].wrk, ceilingOf(p, kind)),
            p[kind].connections.peakApp,
          ])
        ),
      },
      { title: "Errors", columns: ERROR_COLUMNS, rows: errors.map(({ label, e }) => errorRow(label, e)) },
    ],
    checks: [
      ...(["zipf", "uniform"] as const).map((kind) => {
        const target = kind === "zipf" ? 0.6 : 0.5;
        return sampled(
          `${kind === "zipf" ? "Zipf" : "uniform"} ≥ ${target} × warm at ${at}`,
          top ? Math.min(top[kind].wrk.requests, okCount(top.warm.wrk)) : 0,
          top
            ? `${fmt(ratio(top[kind].wrk, top.warm.wrk), 2)}× (${fmt(top[kind].wrk.okRps, 0)} / ${
              fmt(top.warm.wrk.okRps, 0)
            } 2xx/s)`
            : "–",
          () => fullScale ? ratio(top![kind].wrk, top!.warm.wrk) >= target : null,
        );
      }),
      capCheck(
        cap,
        loads.map((l) => ({ label: `${l.point} ${l.kind}`, connections: l.load.connections, seconds })),
      ),
      errorsCheck(
        "no errors but well-formed 503s or 429s (Retry-After, contract body)",
        sumErrors(errors.map(({ e }) => e)),
        { allow429: true },
      ),
    ],
    notes: [
      `Scale points ${points.join(", ")} (${seconds} s per load${
        ctx.quick ? "; quick mode: fewer and smaller points" : ""
      }); before each point one GET per agency of that point (${
        curve.map((p) => `${p.n}: ${statusText(p.warmStatuses)}`).join("; ")
      }). Zipf ranks map onto a random order of the point's agencies; the warm set is the first ${warmAgencies.length} seeded, a subset of every point.`,
      `Connection budget ${cap} app-role backends (PgBouncer max_user_connections ${stack.budget.maxUserConnections}, PostgreSQL max_connections ${maxConnections}); the catalog and every agency database each take a PgBouncer pool, so 1,000 agencies plus the catalog want one server connection more than the cap holds.`,
      ...curve.flatMap((p) => [
        ...churnNote(ctx, `${p.n} Zipf`, p.zipf.wrk, seconds),
        ...churnNote(ctx, `${p.n} uniform`, p.uniform.wrk, seconds),
      ]),
      `Admission during the loads: admitted +${admissionAfter.admitted - admissionBefore.admitted}, waited +${
        admissionAfter.waited - admissionBefore.waited
      }, rejected +${admissionAfter.rejected - admissionBefore.rejected}, agency-refused (429) +${
        Object.values(admissionAfter.refused).reduce((a, b) => a + b, 0) -
        Object.values(admissionBefore.refused).reduce((a, b) => a + b, 0)
      }, timed out +${
        admissionAfter.timedOut - admissionBefore.timedOut
      } (ADMISSION_CONCURRENCY=${ctx.config.ADMISSION_CONCURRENCY}, AGENCY_CONCURRENCY=${ctx.config.AGENCY_CONCURRENCY}, AGENCY_QUEUE=${ctx.config.AGENCY_QUEUE}: under Zipf the hottest agency's requests queue behind its own ${ctx.config.AGENCY_CONCURRENCY} slots).`,
      `Client registry after the loads: ${JSON.stringify(api.services.tenantClients.stats())}.`,
      `Backends sampled every 100 ms; peak of all client backends ${
        Math.max(0, ...loads.map((l) => l.load.connections.peakTotal))
      } (max_connections ${maxConnections}).`,
      ...loads.flatMap((l) =>
        allSamples(l.load.wrk).length
          ? [`Non-2xx samples (${l.point} ${l.kind}): ${sampleText(allSamples(l.load.wrk))}`]
          : []
      ),
    ],
    data: { budget: stack.budget, curve: curve.map(({ warmStatuses: _w, ...p }) => p) },
  };
}
