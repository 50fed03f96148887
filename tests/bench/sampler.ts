// Samples PostgreSQL's backends every 100 ms during a load (superuser or pg_read_all_stats):
// the app role's server connections (the PgBouncer cap applies to them) and all client backends.
import { connect } from "../../src/platform/db.ts";

export type ConnectionSamples = { peakApp: number; peakTotal: number; meanApp: number; samples: number };

export async function startConnectionSampler(observerUrl: string, appRole: string, everyMs = 100) {
  const sql = connect(observerUrl, { max: 1, applicationName: "buildflow-bench-sampler" });
  await sql`select 1`; // connected before the load takes every slot
  let stopped = false;
  const seen: { app: number; total: number }[] = [];
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      try {
        const [row] = await sql<{ app: number; total: number }[]>`
          select count(*) filter (where usename = ${appRole})::int as app,
            count(*) filter (where backend_type = 'client backend')::int as total
          from pg_stat_activity`;
        seen.push(row);
      } catch { /* a missed sample */ }
      const wait = everyMs - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  return {
    async stop(): Promise<ConnectionSamples> {
      stopped = true;
      await loop;
      await sql.end({ timeout: 2 });
      return {
        peakApp: Math.max(0, ...seen.map((s) => s.app)),
        peakTotal: Math.max(0, ...seen.map((s) => s.total)),
        meanApp: seen.reduce((a, s) => a + s.app, 0) / (seen.length || 1),
        samples: seen.length,
      };
    },
  };
}
