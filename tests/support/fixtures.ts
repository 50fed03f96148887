// Helpers shared by the API tests (auth, resources, routing, ops, admin, tenancy): agencies signed up
// through the real API (each with its own client address, so the signup and login limits never
// interfere between tests), logins, JSON requests with a bearer token, and short-lived connections to
// one database (closed at once: the cluster's connection slots are shared by every test file).
import type { Hono } from "hono";
import { decodeJwt } from "jose";
import { expect } from "vitest";
import { upsertOperator } from "../../src/admin/operators.ts";
import { hashPassword } from "../../src/auth/password.ts";
import { connect, type Sql } from "../../src/platform/db.ts";
import { databaseUrlFor } from "../../src/tenancy/control-plane.ts";
import { stack } from "./stack.ts";

// deno-lint-ignore no-explicit-any
export type AnyApp = Hono<any, any, any>;

export const PASSWORD = "Correct-horse-9-battery";

export const hex = (n: number) => crypto.randomUUID().replaceAll("-", "").slice(0, n);
export const rand255 = () => crypto.getRandomValues(new Uint8Array(1))[0];

/** A client address nobody else uses (the app must be made with TRUST_PROXY=true). */
export const freshAddress = () => `10.${rand255()}.${rand255()}.${rand255()}`;

export type AgencyView = {
  id: string;
  name: string;
  domain: string | null;
  databaseName: string;
  subscriptionPlan: string;
  status: string;
  cluster: string;
  createdAt: string;
};

/** An agency database on the shared stack's (single) cluster, as the client registry names it. */
export const onLocal = (databaseName: string) => ({ cluster: "local", databaseName });
export type UserView = { id: string; email: string; fullName: string; role: string };

/** The 201 body of POST /api/agencies. */
export type Signup = { token: string; agencyDatabase: string; agency: AgencyView; user: UserView };

/** A signed-up agency: its signup reply plus the admin's credentials and the domain it was given. */
export type Tenant = Signup & { email: string; password: string; domain: string };

/** Signs up a new agency (POST /api/agencies) and returns its admin's token and identity; `domain` may
 * be reused from a deleted agency; `plan` defaults to the signup's (starter), and one that is not
 * self-service needs an operator's `token`. */
export async function signupAgency(
  app: AnyApp,
  tag = "t",
  domain?: string,
  { plan, token }: { plan?: string; token?: string } = {},
): Promise<Tenant> {
  const id = hex(10);
  const email = `admin.${id}@example.com`;
  domain ??= `${tag}-${id}.example.com`;
  const res = await app.request("/api/agencies", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Forwarded-For": freshAddress(),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({
      name: `Agency ${tag} ${id}`,
      domain,
      admin: { email, password: PASSWORD, fullName: `Admin ${id}` },
      ...(plan ? { subscriptionPlan: plan } : {}),
    }),
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return { ...body, email, password: PASSWORD, domain };
}

export type SignedInOperator = { id: string; email: string; token: string };

/** A new platform operator of `role` in the catalog, signed in with POST /api/admin/login. The caller
 * removes it after its tests (`delete from users where email = ...`). */
export async function signedInOperator(
  app: AnyApp,
  control: Sql,
  role: "owner" | "operator" | "viewer" = "operator",
): Promise<SignedInOperator> {
  const email = `${role}.${hex(10)}@ops.example.com`;
  const id = await upsertOperator(control, {
    email,
    fullName: `Operator ${role}`,
    role,
    passwordHash: await hashPassword(PASSWORD),
  });
  const res = await call(app, "POST", "/api/admin/login", { body: { email, password: PASSWORD } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id, email, token: res.body!.token as string };
}

/** The scraper's token of the test apps that serve /metrics (made with `{ METRICS_TOKEN }`). */
export const METRICS_TOKEN = `test-metrics-${hex(32)}`;

/** GET /metrics as Prometheus reads it, with the scraper's token. */
export const scrape = (app: AnyApp) =>
  app.request("/metrics", { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });

/** POST /api/auth/login from a fresh client address; returns the raw response and its JSON. */
export async function login(app: AnyApp, body: Record<string, unknown>, address = freshAddress()) {
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": address },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** Logs in and returns the token (fails the test unless the login succeeds). */
export async function loginToken(app: AnyApp, email: string, password: string, agencyDatabase?: string) {
  const res = await login(app, { email, password, ...(agencyDatabase ? { agencyDatabase } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.token as string;
}

export type Reply = { status: number; headers: Headers; body: Record<string, unknown> | null };

/** A JSON request with an optional bearer token; the body is parsed when there is one (a body that is
 * not JSON comes back as `{ text }`). */
export async function call(
  app: AnyApp,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await app.request(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: Record<string, unknown> | null = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = { text };
    }
  }
  return { status: res.status, headers: res.headers, body };
}

/** A client bound to one app and token: `api.get("/api/clients")`, `api.post(path, body)`, ... */
export function apiFor(app: AnyApp, token: string) {
  return {
    get: (path: string, headers?: Record<string, string>) => call(app, "GET", path, { token, headers }),
    post: (path: string, body: unknown) => call(app, "POST", path, { token, body }),
    patch: (path: string, body: unknown) => call(app, "PATCH", path, { token, body }),
    put: (path: string, body: unknown) => call(app, "PUT", path, { token, body }),
    delete: (path: string) => call(app, "DELETE", path, { token }),
  };
}
export type Api = ReturnType<typeof apiFor>;

/** The `data` of a reply that must have `status`, with the body in the failure message. */
export function dataOf<T = Record<string, unknown>>(reply: Reply, status = 200): T {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return (reply.body as { data: T }).data;
}

/** Field paths named by a 400's issues. */
export const issuePaths = (reply: Reply) =>
  ((reply.body as { issues?: { path: string }[] })?.issues ?? []).map((i) => i.path);

/** The agencyDatabase claim of a token (decoded, not verified). */
export const agencyDatabaseOf = (token: string) => decodeJwt(token).agencyDatabase as string;

export { sleep } from "../../src/platform/sleep.ts";

/** Runs `work` on a one-connection client to `database` of the server at `serverUrl`, closed right
 * after. */
export async function connectedTo<T>(
  serverUrl: string,
  database: string,
  work: (sql: Sql) => Promise<T>,
): Promise<T> {
  const sql = connect(databaseUrlFor(serverUrl, database), { max: 1 });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Runs `work` on a one-connection superuser client to `database`, closed right after. */
export const asSuperuser = <T>(database: string, work: (sql: Sql) => Promise<T>): Promise<T> =>
  connectedTo(stack().superuserUrl, database, work);

export async function databaseExists(sql: Sql, name: string): Promise<boolean> {
  const [row] = await sql`select 1 from pg_database where datname = ${name}`;
  return Boolean(row);
}
