// Scenario 11 — fair admission: a quiet agency's latency while another agency floods the API. Agency
// B's reads run one at a time (wrk -c1) alone, then while agency A keeps 400 requests in flight (wrk
// -c400 on A's token, retrying any 429 at once: the target is judged there), then while A overflows
// its lane (AGENCY_CONCURRENCY + AGENCY_QUEUE + 100 connections) waiting the Retry-After of each 429,
// as a client following the contract would: A's 429s are judged there. A gets AGENCY_CONCURRENCY
// slots and AGENCY_QUEUE waiters; past that, 429 rate_limited for A alone. A's lane is sampled
// in-process every 100 ms. Then many agencies flood at once (./fairness-many.ts).
import { type BenchContext, configLabel, statusText, targetsOf, warmPass, withCpu } from "../context.ts";
import { type Check, sampled, type ScenarioResult } from "../report.ts";
import { allSamples, ERROR_COLUMNS, errorRow, responseErrors, sampleText, sumErrors } from "../responses.ts";
import { type ConnectionSamples, startConnectionSampler } from "../sampler.ts";
import { fmt, sleep } from "../util.ts";
import { runWrk, type WrkResult } from "../wrk.ts";
import { type CpuSeconds, cpuSeconds, cpuSnapshot } from "../cpu.ts";
import { benchEnv, startChildApi } from "../stack.ts";
import { loadColumns, wrkRow } from "./reads-warm.ts";
import { capCheck, errorsCheck } from "./reads-many.ts";
import {
  admissionCounters,
  counterDelta,
  MANY_COLUMNS,
  MANY_FLOODS,
  manyChecks,
  manyFlood,
  manyRow,
  okCount,
  RAMP_SEC,
  refusalsOnly,
} from "./fairness-many.ts";

type Flood = {
  quiet: WrkResult;
  flood: WrkResult;
  lanes: { active: number; waiting: number }[];
  connections: ConnectionSamples;
  /** The bench's process (the API in it) while A's wrk ran. */
  cpu?: CpuSeconds;
  admission: Record<string, number>;
};

export async function fairness(ctx: BenchContext): Promise<ScenarioResult> {
  const { sizes, api, stack } = ctx;
  const [flooder, quiet] = ctx.seeder.agencies;
  const c = ctx.config;
  const floodSec = sizes.fairnessSec + RAMP_SEC + 1;
  await warmPass(api.url, [flooder, quiet], 2);
  const quietLoad = () =>
    runWrk({
      url: api.url,
      targets: targetsOf([quiet]),
      choice: { kind: "uniform" },
      connections: 1,
      threads: 1,
      durationSec: sizes.fairnessSec,
    });

  const alone = await withCpu(ctx, quietLoad);
  ctx.log(
    `  quiet agency alone: p50 ${fmt(alone.latencyMs.p50, 2)} ms, p95 ${fmt(alone.latencyMs.p95, 2)} ms`,
  );

  /** B's load while A floods: A's wrk starts first, B's joins RAMP_SEC later. */
  const withFlood = async (honourRetryAfter: boolean, floodConnections: number): Promise<Flood> => {
    const before = await admissionCounters(api.url);
    const sampler = await startConnectionSampler(stack.observerUrl, stack.appRole);
    const lanes: Flood["lanes"] = [];
    let flooding = true;
    // In-process and cheap (a sort over the lanes): every 100 ms, bounded by the flood's end.
    const laneLoop = (async () => {
      for (let i = 0; flooding && i < (floodSec + 10) * 10; i++) {
        const lane = api.services.admission.stats().busiest.find((l) => l.agency === flooder.id);
        lanes.push({ active: lane?.active ?? 0, waiting: lane?.waiting ?? 0 });
        await sleep(100);
      }
    })();
    let quiet: WrkResult;
    let flood: WrkResult;
    let cpu: CpuSeconds | undefined; // the bench's process (the API in it) while A's wrk ran
    try {
      const floodRun = withCpu(ctx, async () => {
        const before = cpuSnapshot(stack.dir);
        const result = await runWrk({
          url: api.url,
          targets: targetsOf([flooder]),
          choice: { kind: "uniform" },
          connections: floodConnections,
          threads: sizes.threads,
          durationSec: floodSec,
          honourRetryAfter,
        });
        cpu = cpuSeconds(before, cpuSnapshot(stack.dir));
        return result;
      });
      await sleep(RAMP_SEC * 1000);
      quiet = await withCpu(ctx, quietLoad);
      flood = await floodRun;
    } finally {
      flooding = false;
      await laneLoop;
    }
    const connections = await sampler.stop();
    const admission = counterDelta(before, await admissionCounters(api.url));
    ctx.log(
      `  under a flood of ${floodConnections}${honourRetryAfter ? " (Retry-After honoured)" : ""}: p50 ${
        fmt(quiet.latencyMs.p50, 2)
      } ms, p95 ${fmt(quiet.latencyMs.p95, 2)} ms; flood ${statusText(flood.statuses)}`,
    );
    return { quiet, flood, lanes, connections, cpu, admission };
  };
  const overflowConnections = c.AGENCY_CONCURRENCY + c.AGENCY_QUEUE + 100;
  const storm = await withFlood(false, sizes.floodConnections);
  const polite = await withFlood(true, overflowConnections);

  // Many agencies at once, against the API in a process of its own: B stays the quiet one; the
  // flooders are the next 20 seeded.
  await ctx.ensureAgencies(2 + Math.max(...MANY_FLOODS.map(([n]) => n)));
  const others = ctx.seeder.agencies.slice(2);
  const child = await startChildApi(benchEnv(stack, ctx.overrides), stack.servers);
  const many = [];
  try {
    await warmPass(child.url, ctx.seeder.agencies.slice(0, 2 + others.length), 4);
    for (const [n, inFlight] of MANY_FLOODS) {
      many.push(await manyFlood(ctx, child, quiet, others.slice(0, n), inFlight));
    }
  } finally {
    await child.stop();
  }
  const refusals = [await refusalsOnly(ctx, [flooder], sizes.floodConnections)];
  for (const [n, inFlight] of MANY_FLOODS) {
    refusals.push(await refusalsOnly(ctx, others.slice(0, n), inFlight));
  }
  const one = {
    label: `1 agency (A) × ${sizes.floodConnections} in flight`,
    quiet: storm.quiet,
    flood: [storm.flood],
    cpu: storm.cpu,
    admission: storm.admission,
  };
  // What a served read costs the API under a flood (A's, all 2xx): what a refusal is set against.
  const servedMs = storm.cpu ? (storm.cpu.api * 1000) / Math.max(1, okCount([storm.flood])) : NaN;

  const floodErrors = responseErrors(storm.flood);
  const overflowErrors = responseErrors(polite.flood);
  const p95Ratio = (f: Flood) => f.quiet.latencyMs.p95 / alone.latencyMs.p95;
  const lanesOf = (f: Flood) => ({
    active: Math.max(0, ...f.lanes.map((l) => l.active)),
    waiting: Math.max(0, ...f.lanes.map((l) => l.waiting)),
  });
  const peak = lanesOf(storm);
  const config = configLabel(ctx);
  const quietFailures = storm.quiet.requests - okCount([storm.quiet]) + responseErrors(storm.quiet).socket;
  const checks: Check[] = [
    sampled(
      `quiet agency's p95 under the flood (429s retried at once) ≤ 3 × its p95 alone`,
      Math.min(alone.requests, storm.quiet.requests),
      `${fmt(p95Ratio(storm), 2)}× (${fmt(storm.quiet.latencyMs.p95, 2)} / ${
        fmt(alone.latencyMs.p95, 2)
      } ms)`,
      () => p95Ratio(storm) <= 3,
    ),
    sampled(
      "quiet agency gets no errors under the flood (every response 2xx, no socket errors)",
      storm.quiet.requests,
      `${quietFailures} in ${storm.quiet.requests} requests (${statusText(storm.quiet.statuses)})`,
      () => quietFailures === 0,
    ),
    sampled(
      'the flooding agency\'s 429s past its lane well-formed (Retry-After > 0, JSON {error, code: "rate_limited"})',
      Math.min(overflowErrors.n429, overflowErrors.samples429),
      `${overflowErrors.n429} 429s judged, ${overflowErrors.samples429} parsed in full, ${overflowErrors.malformed429} malformed`,
      () => overflowErrors.malformed429 === 0,
    ),
    sampled(
      `the flooding agency held to its lane (active ≤ AGENCY_CONCURRENCY ${c.AGENCY_CONCURRENCY}, waiting ≤ AGENCY_QUEUE ${c.AGENCY_QUEUE})`,
      storm.lanes.length,
      `peak ${peak.active} active, ${peak.waiting} waiting over ${storm.lanes.length} samples`,
      () => peak.active <= c.AGENCY_CONCURRENCY && peak.waiting <= c.AGENCY_QUEUE,
    ),
    errorsCheck("flood: no errors but 2xx and well-formed 429s or 503s", floodErrors, { allow429: true }),
    errorsCheck("overflow: no errors but 2xx and well-formed 429s or 503s", overflowErrors, {
      allow429: true,
    }),
    capCheck(stack.budget.appBackends, [{
      label: "flood",
      connections: storm.connections,
      seconds: floodSec,
    }]),
    ...manyChecks(many, refusals, servedMs),
  ];
  const floods = [
    [`-c${sizes.floodConnections}, 429s retried at once`, storm],
    [`-c${overflowConnections}, past the lane, Retry-After honoured`, polite],
  ] as const;
  return {
    number: 11,
    id: "fairness",
    title:
      `Fairness: a quiet agency beside one agency with ${sizes.floodConnections} requests in flight, and beside many`,
    status: "ok",
    tables: [
      {
        columns: [...loadColumns, "A's lane peak active / waiting", "B's p95 / alone"],
        rows: [
          [...wrkRow("agency B alone, wrk -c1 (one request at a time)", config, alone), "–", "1.00"],
          ...floods.flatMap(([how, f]) => [
            [
              ...wrkRow(`agency B under A's flood (${how}), wrk -c1`, config, f.quiet, alone.okRps),
              `${lanesOf(f).active} / ${lanesOf(f).waiting}`,
              fmt(p95Ratio(f), 2),
            ],
            [
              ...wrkRow(`agency A's flood (${how})`, config, f.flood),
              "",
              "",
            ],
          ]),
        ],
      },
      {
        title: "Many agencies flooding at once (each from its own wrk, every 429 and 503 retried at once)",
        columns: MANY_COLUMNS,
        rows: [one, ...many].map((run, i) => manyRow(run, refusals[i])),
      },
      {
        title: "Errors",
        columns: ERROR_COLUMNS,
        rows: [
          errorRow("B alone", responseErrors(alone)),
          ...floods.flatMap(([how, f]) => [
            errorRow(`B under flood (${how})`, responseErrors(f.quiet)),
            errorRow(`A's flood (${how})`, responseErrors(f.flood)),
          ]),
          ...many.flatMap((run) => [
            errorRow(`B beside ${run.label}`, responseErrors(run.quiet)),
            errorRow(`the floods of ${run.label}`, sumErrors(run.flood.map(responseErrors))),
          ]),
        ],
      },
    ],
    checks,
    notes: [
      `A's floods: wrk -t${sizes.threads} -c${sizes.floodConnections}, then -c${overflowConnections}, for ${floodSec} s each on one agency's token; B's load starts ${RAMP_SEC} s in and runs ${sizes.fairnessSec} s. The API is the bench's in-process API (${config}, AGENCY_QUEUE=${c.AGENCY_QUEUE}, ADMISSION_CONCURRENCY=${c.ADMISSION_CONCURRENCY}). The CPU column of B's rows is the whole machine while B ran, the flood included.`,
      ...floods.map(([how, f]) =>
        `A's flood (${how}): ${statusText(f.flood.statuses)} (${
          fmt((f.flood.statuses["429"] ?? 0) / f.flood.durationSec, 0)
        } 429/s, ${fmt(f.flood.okRps, 0)} 2xx/s); admission: ${
          JSON.stringify(f.admission)
        }; peak app-role backends ${f.connections.peakApp}.`
      ),
      "Retried at once: wrk sends A's next request straight away after each answer. A's requests past its lane get 429 (each agency may hold AGENCY_QUEUE waiters alone, queue / n while n agencies wait); the first in a Retry-After goes through the token check and is answered at once, the next ones are refused before it and held until the Retry-After they ignored (at most ADMISSION_HOLD_MAX at once), so a connection that ignores it costs about one cheap refusal a second. Retry-After honoured: each 429 makes one of A's connections wait the second it names (wrk's delay hook), as a client following the contract would.",
      `Many flooders: each flooding agency from its own wrk (-t1, the connections its row names) for ${
        RAMP_SEC + sizes.fairnessSec + 1
      } s, B's wrk -c1 from ${RAMP_SEC} s in for ${sizes.fairnessSec} s; the flooders are agencies 3 to 22 seeded, against the API in a process of its own (tests/bench/api-child.ts, the bench's configuration), as the issue measured it: the API CPU column is that process over the whole flood (A's row: the bench's process, the API in it). The API's CPU per rejected request comes from the same floods (its row's shape) against lanes held full by work held open in the bench's process, so that every request is refused: the bench process's CPU over ${
        refusals[0].seconds
      } s from a second in (the connections set up), divided by admission's count of the refusals in that time. A served read under A's flood costs ${
        fmt(servedMs, 3)
      } ms of it.`,
      ...(allSamples(storm.flood).length
        ? [`A's non-2xx samples: ${sampleText(allSamples(storm.flood), 2)}`]
        : []),
      ...floods.flatMap(([how, f]) =>
        allSamples(f.quiet).length ? [`B's non-2xx samples (${how}): ${sampleText(allSamples(f.quiet))}`] : []
      ),
    ],
    data: { alone, storm, polite, many, refusals },
  };
}
