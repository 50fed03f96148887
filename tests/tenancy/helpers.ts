// Helpers of the tenancy tests: unique signup bodies, signups sent with their own client address, and
// short-lived connections through PgBouncer (agencies, requests and superuser connections:
// ../support/fixtures.ts).
import type { Sql } from "../../src/platform/db.ts";
import { slugify } from "../../src/tenancy/database-name.ts";
import { type AnyApp, connectedTo, freshAddress, hex, PASSWORD, rand255 } from "../support/fixtures.ts";
import { stack } from "../support/stack.ts";

export const DB_NAME = /^agency_[a-z0-9_]+_[0-9a-f]{8}$/;

export const hex8 = (id: string) => id.replaceAll("-", "").slice(0, 8);

export type SignupBody = {
  name: string;
  domain?: string;
  subscriptionPlan?: string;
  admin: { email: string; password: string; fullName: string };
};

/** A signup body no other test shares: its domain's slug (`<tag>_<hex>_example_com`) is unique. */
export function signupBody(tag = "t"): SignupBody {
  const id = hex(10);
  return {
    name: `Tenancy ${tag} ${id}`,
    domain: `${tag}-${id}.example.com`,
    admin: { email: `Admin.${id}@Example.COM`, password: PASSWORD, fullName: `Ada ${id}` },
  };
}

/** A body as the route hands it to provisionAgency: validated, so plan defaulted, email lower-cased. */
export const direct = (body: SignupBody) => ({
  ...body,
  subscriptionPlan: body.subscriptionPlan ?? "starter",
  admin: { ...body.admin, email: body.admin.email.toLowerCase() },
});

/** Every database made for `body` contains this fragment (its domain's slug). */
export const slugOf = (body: SignupBody) => slugify(body.domain ?? body.name);

/** A proxy chain whose client (the hop our one trusted proxy appended, on the right) nobody else uses,
 * so the per-client signup limit never interferes; the hop on the left is the client's own word. */
const forwardedFor = () => `192.0.2.${rand255()}, ${freshAddress()}`;

/** POST /api/agencies with a body (any JSON value, or raw text) and its own X-Forwarded-For. */
export function postSignup(app: AnyApp, body: unknown, headers: Record<string, string> = {}) {
  return app.request("/api/agencies", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": forwardedFor(), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Runs `work` as the app role through PgBouncer on `database`, closed right after. */
export const throughPooler = <T>(database: string, work: (sql: Sql) => Promise<T>): Promise<T> =>
  connectedTo(stack().servers.poolerUrl, database, work);

/** The SQLSTATE `fn` fails with, or undefined when it succeeds. */
export async function sqlstate(fn: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? `no SQLSTATE: ${error}`;
  }
}

/** Databases whose name contains `fragment` (a slug made unique by the test). */
export async function databasesContaining(sql: Sql, fragment: string): Promise<string[]> {
  const rows = await sql<{ datname: string }[]>`
    select datname from pg_database where strpos(datname, ${fragment}) > 0`;
  return rows.map((r) => r.datname).sort();
}

/** What a failed signup might have left behind, by its unique name, email and slug. */
export async function leftovers(sql: Sql, body: SignupBody) {
  const agencies = await sql<{ id: string }[]>`
    select id from agencies
    where name = ${body.name.replaceAll("\u0000", "")} or domain = ${body.domain ?? null}`;
  const directory = await sql`select 1 from user_directory where email = ${body.admin.email.toLowerCase()}`;
  return {
    agencies: agencies.length,
    directory: directory.length,
    databases: await databasesContaining(sql, slugOf(body)),
  };
}

/** Ready spare rows whose database does not exist (one statement, one snapshot). */
export async function phantomSpares(sql: Sql): Promise<string[]> {
  const rows = await sql<{ databaseName: string }[]>`
    select s.database_name from spare_databases s
    where s.ready and not exists (select 1 from pg_database d where d.datname = s.database_name)`;
  return rows.map((r) => r.databaseName);
}
