// The bare floor of routed reads (scenario 2): `Deno.serve` and postgres.js, nothing of ours between
// them — no framework, no token, no cache, no admission, no replica routing. GET
// /<agency database>/projects?limit=20 runs the SELECT the API's GET /api/projects?limit=20 runs, on
// one client per agency database (FLOOR_CONNECTIONS connections, as src/platform/db.ts configures a
// client) through PgBouncer as the app role, and answers the same JSON body. A child process of the
// bench (startChildApi), stopped by SIGTERM.
import { connect, inline, type Sql } from "../../src/platform/db.ts";
import { cursorKeyColumn, keysetPage } from "../../src/platform/cursor.ts";
import { resources } from "../../src/resources/erp.ts";

const env = Deno.env.toObject();
const poolerUrl = env.POOLER_URL;
/** Only these databases (the seeded agencies'): a path names one of them, or gets a 404. */
const databases = new Set((env.FLOOR_DATABASES ?? "").split(",").filter(Boolean));
const connections = Number(env.FLOOR_CONNECTIONS ?? 1);
if (!poolerUrl || !databases.size || !(connections >= 1)) {
  throw new Error("floor-server: POOLER_URL, FLOOR_DATABASES and FLOOR_CONNECTIONS ≥ 1 are required");
}
const projects = resources.find((r) => r.path === "projects")!;

const clients = new Map<string, Sql>();
function clientFor(database: string): Sql {
  let sql = clients.get(database);
  if (!sql) {
    const url = new URL(poolerUrl);
    url.pathname = `/${database}`;
    sql = connect(url.toString(), {
      max: connections,
      idleTimeoutSeconds: 20,
      applicationName: "buildflow-bench-floor",
    });
    clients.set(database, sql);
  }
  return sql;
}

// The API's list query (src/http/resource-routes.ts with no filter and no cursor), built as it builds
// it: its limit inlined, so postgres.js sends it in one round trip.
const listQuery = (sql: Sql, limit: number) =>
  sql`
    select ${sql.unsafe(projects.selectList)}, ${cursorKeyColumn(sql)} from ${sql(projects.table)} where true
    order by created_at desc, id desc limit ${inline(sql, limit + 1)}`;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const server = Deno.serve(
  { hostname: "127.0.0.1", port: Number(env.PORT ?? 0), onListen: () => {} },
  async (request) => {
    const url = new URL(request.url);
    const [, database, resource] = url.pathname.split("/");
    if (resource !== "projects" || !databases.has(database)) {
      return json({ error: "No such route", code: "not_found" }, 404);
    }
    const limit = Number(url.searchParams.get("limit") ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      return json({ error: "Invalid limit", code: "invalid_request" }, 400);
    }
    try {
      const sql = clientFor(database);
      const rows = await listQuery(sql, limit);
      return json(keysetPage(rows, limit));
    } catch (error) {
      return json({ error: String(error), code: "unavailable" }, 503);
    }
  },
);

Deno.addSignalListener("SIGTERM", async () => {
  await server.shutdown();
  await Promise.all([...clients.values()].map((sql) => sql.end({ timeout: 5 })));
  Deno.exit(0);
});
