// A catalog of mostly cold agencies for scenario 15. A few real agencies (seeded, filled to ~10 MB)
// go cold through the operator's action (POST /api/admin/agencies/:id/cold: dumped, verified,
// dropped); every other cold agency is a catalog row registered as the core registers one, with a
// dump of its own that is a byte copy of a real one: BACKUP_DIR/cold/<id>/<database>-<stamp>.dump, its
// manifest beside it, and the `agency.cold` event whose details the wake reads (file, sha256,
// schemaVersion). Its directory row gives it a login of its own: a unique email mapped to the copied
// agency's admin user (the login finds the user by the directory's user_id, in the woken database).
import { connect, type Sql, transaction } from "../../src/platform/db.ts";
import { mapLimit } from "../../src/platform/map-limit.ts";
import { agencyDatabaseName } from "../../src/tenancy/database-name.ts";
import { dropDatabase, restoreDatabase } from "../../src/tenancy/control-plane.ts";
import { stamp } from "../../src/tenancy/lifecycle.ts";
import { databaseBytes as sizeOf, fillTo, MB } from "./agency-load.ts";
import type { BenchOperator } from "./operator.ts";
import { BENCH_PASSWORD, type SeededAgency } from "./seed.ts";
import type { BenchStack } from "./stack.ts";
import { freshAddress, hex, sleep } from "./util.ts";

/** The data a real cold agency holds beyond an empty agency database. */
export const SOURCE_MB = 10;

/** What a cold agency's latest `agency.cold` event records (src/tenancy/lifecycle.ts stowAgency). */
type ColdDetails = {
  agencyId: string;
  schemaVersion: string;
  database: string;
  file: string;
  bytes: number;
  sha256: string;
  at: string;
  manifest: string;
};

export type ColdSource = {
  agency: SeededAgency;
  details: ColdDetails;
  databaseBytes: number;
  fillRows: number;
};
export type ColdCopy = { id: string; email: string; databaseName: string; source: ColdSource };

/** Adds ~SOURCE_MB of data to each seeded agency and sends it cold by the operator's action. */
export async function coldSources(
  stack: BenchStack,
  operator: BenchOperator,
  agencies: SeededAgency[],
): Promise<ColdSource[]> {
  const sources: ColdSource[] = [];
  for (const agency of agencies) {
    const sql = connect(stack.adminUrl(agency.databaseName), { max: 1 });
    let fillRows: number;
    let databaseBytes: number;
    try {
      fillRows = await fillTo(sql, (await sizeOf(sql)) + SOURCE_MB * MB);
      [{ databaseBytes }] = await sql<{ databaseBytes: number }[]>`
        select pg_database_size(current_database())::float8 as database_bytes`;
    } finally {
      await sql.end({ timeout: 5 });
    }
    await operator.admin("POST", `/agencies/${agency.id}/cold`);
    const [{ details }] = await stack.controlPlane.control<{ details: ColdDetails }[]>`
      select details from agency_events where agency_id = ${agency.id} and event = 'agency.cold'
      order by id desc limit 1`;
    sources.push({ agency, details, databaseBytes, fillRows });
  }
  return sources;
}

/** `count` cold agencies, each a copy of one source's dump (round robin), in batches of 500 rows. */
export async function copyColdAgencies(
  control: Sql,
  backupDir: string,
  sources: ColdSource[],
  count: number,
  tag: string,
  progress: (done: number) => void,
): Promise<ColdCopy[]> {
  const copies: ColdCopy[] = [];
  for (let from = 0; from < count; from += 500) {
    const batch = Array.from({ length: Math.min(500, count - from) }, (_, k) => {
      const i = from + k;
      const id = crypto.randomUUID();
      const domain = `cold-${tag}-${i}.example.com`;
      return {
        id,
        domain,
        email: `cold.${i}.${tag}@bench.example.com`,
        databaseName: agencyDatabaseName(id, domain),
        source: sources[i % sources.length],
      };
    });
    const events = await mapLimit(batch, 8, async (c) => {
      const { details } = c.source;
      const file = `${backupDir}/cold/${c.id}/${c.databaseName}-${stamp()}.dump`;
      await Deno.mkdir(`${backupDir}/cold/${c.id}`, { recursive: true });
      await Deno.copyFile(details.file, file);
      const manifest = {
        agencyId: c.id,
        schemaVersion: details.schemaVersion,
        database: c.databaseName,
        file,
        bytes: details.bytes,
        sha256: details.sha256,
        at: new Date().toISOString(),
        copiedFrom: details.file,
      };
      await Deno.writeTextFile(`${file}.json`, JSON.stringify(manifest, null, 2));
      return { id: c.id, details: { ...manifest, manifest: `${file}.json` } };
    });
    const rows = batch.map((c) => ({
      id: c.id,
      name: `Cold bench ${c.domain}`,
      domain: c.domain,
      database_name: c.databaseName,
      schema_version: c.source.details.schemaVersion,
      source: c.source.agency.id,
      email: c.email,
      user_id: c.source.agency.users[0].id,
    }));
    await transaction(control, async (tx) => {
      await tx`
        insert into agencies (id, name, domain, database_name, subscription_plan, status, schema_version)
        select r.id, r.name, r.domain, r.database_name, s.subscription_plan, 'cold', r.schema_version
        from jsonb_to_recordset(${tx.json(rows)}::jsonb) as r(id uuid, name text, domain text,
          database_name text, schema_version text, source uuid)
        join agencies s on s.id = r.source`;
      await tx`
        insert into agency_events (agency_id, event, from_status, to_status, actor, details)
        select r.id, 'agency.cold', 'cooling', 'cold', 'bench:cold-copy', r.details
        from jsonb_to_recordset(${tx.json(events)}::jsonb) as r(id uuid, details jsonb)`;
      await tx`
        insert into user_directory (email, agency_id, user_id)
        select r.email, r.id, r.user_id from jsonb_to_recordset(${tx.json(rows)}::jsonb)
          as r(id uuid, email text, user_id uuid)`;
    });
    copies.push(...batch.map(({ id, email, databaseName, source }) => ({ id, email, databaseName, source })));
    progress(copies.length);
  }
  return copies;
}

export type Wake = {
  first: number;
  retryAfter: string | null;
  code: string | undefined;
  /** From the first login's start to the end of the first 200 (logins retried every POLL_MS). */
  ms: number;
  attempts: number;
  token?: string;
};

const POLL_MS = 100;

/** Logs in to a cold agency and again every POLL_MS until a 200 (or `deadlineMs`). */
export async function wakeByLogin(url: string, email: string, deadlineMs: number): Promise<Wake> {
  const started = performance.now();
  const wake: Wake = { first: 0, retryAfter: null, code: undefined, ms: NaN, attempts: 0 };
  while (performance.now() - started < deadlineMs && wake.attempts < deadlineMs / POLL_MS) {
    const res = await fetch(`${url}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": freshAddress() },
      body: JSON.stringify({ email, password: BENCH_PASSWORD }),
    });
    const body = await res.json().catch(() => ({}));
    wake.attempts++;
    if (wake.attempts === 1) {
      wake.first = res.status;
      wake.retryAfter = res.headers.get("retry-after");
      wake.code = body?.code;
    }
    if (res.status === 200) {
      wake.ms = performance.now() - started;
      wake.token = body.token;
      return wake;
    }
    if (res.status !== 503) {
      throw new Error(`login ${email}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
    await sleep(POLL_MS);
  }
  return wake;
}

/** The wake's restore step alone (restoreDatabase, as the wake calls it) of a dump into a scratch
 * database, `n` times: how much of a wake is pg_restore. */
export async function restoreAlone(stack: BenchStack, file: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const name = `bench_restore_${hex(8)}`;
    const started = performance.now();
    try {
      await restoreDatabase(stack.controlPlane, stack.tools.pgBin, file, name);
      out.push(performance.now() - started);
    } finally {
      await dropDatabase(stack.controlPlane, name);
    }
  }
  return out;
}

/** Removes the copies still cold (catalog rows, with their events and directory rows, and dump files):
 * the disk they hold goes to the live databases measured next. Returns how many. */
export async function removeColdCopies(control: Sql, backupDir: string, copies: ColdCopy[]): Promise<number> {
  let removed = 0;
  for (let i = 0; i < copies.length; i += 1000) {
    const rows = await control<{ id: string }[]>`
      delete from agencies where status = 'cold' and id in ${
      control(copies.slice(i, i + 1000).map((c) => c.id))
    }
      returning id`;
    await mapLimit(
      rows,
      16,
      (r) => Deno.remove(`${backupDir}/cold/${r.id}`, { recursive: true }).catch(() => {}),
    );
    removed += rows.length;
  }
  return removed;
}
