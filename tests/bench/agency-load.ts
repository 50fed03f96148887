// One agency under light writes and bulk data, for the scenarios that restructure it while it serves
// (13, moves; 14, point-in-time restore): writer loops POSTing clients through the API, and a fill of
// its clients table up to a database size.
import type { Sql } from "../../src/platform/db.ts";
import { sleep } from "./util.ts";

export const MB = 1024 * 1024;
/** Writer loops per agency, and the pause after each acknowledged request (light load). */
export const WRITERS = 2;
export const WRITER_PAUSE_MS = 20;
/** Hang guards for a writer loop (the scenarios stay well under both). */
const WRITER_DEADLINE_MS = 20 * 60_000;
const WRITER_MAX_REQUESTS = 50_000;

export type Attempt = { name: string; status: number; startedAt: number; endedAt: number };

/** What the writers call: the in-process app (`app.request`) or a served API over HTTP. */
export type Requester = { request(path: string, init: RequestInit): Response | Promise<Response> };

/** Writers creating clients named `${prefix}-${loop}-${i}` until stopped. */
export function startWriters(api: Requester, token: string, prefix: string) {
  const attempts: Attempt[] = [];
  let stopped = false;
  const deadline = performance.now() + WRITER_DEADLINE_MS;
  const loops = Array.from({ length: WRITERS }, async (_, w) => {
    for (let i = 0; !stopped && i < WRITER_MAX_REQUESTS && performance.now() < deadline; i++) {
      const name = `${prefix}-${w}-${i}`;
      const startedAt = performance.now();
      let status = 0;
      try {
        const res = await api.request("/api/clients", {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
          body: JSON.stringify({ name }),
        });
        status = res.status;
        await res.body?.cancel();
      } catch {
        status = -1; // thrown by the app itself: counted apart
      }
      attempts.push({ name, status, startedAt, endedAt: performance.now() });
      await sleep(status === 201 ? WRITER_PAUSE_MS : 50);
    }
  });
  return {
    attempts,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

export const statusesOf = (attempts: Attempt[]) => {
  const out: Record<string, number> = {};
  for (const a of attempts) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
};

export async function databaseBytes(sql: Sql): Promise<number> {
  const [{ bytes }] = await sql<{ bytes: number }[]>`
    select pg_database_size(current_database())::float8 as bytes`;
  return bytes;
}

/** Fills the agency's clients (rows of ~1.5 kB named `fill-N`: stored as is, below TOAST's compression
 * threshold) until its database is about `targetBytes`. Returns the rows added. */
export async function fillTo(sql: Sql, targetBytes: number): Promise<number> {
  let rows = 0;
  for (let size = await databaseBytes(sql); size < targetBytes; size = await databaseBytes(sql)) {
    const batch = Math.max(200, Math.min(40_000, Math.ceil((targetBytes - size) / 2200)));
    await sql`
      insert into clients (name, email, city, notes)
      select 'fill-' || g, 'fill' || g || '@example.com', 'Pune', repeat(md5(g::text), 45)
      from generate_series(${rows + 1}::int, ${rows + batch}::int) g`;
    rows += batch;
  }
  await sql`vacuum analyze clients`; // a settled table, as a long-lived agency's would be
  return rows;
}
