// POST /api/agencies end to end on the real stack: each signup gets its own migrated database that
// only the app role may reach, its first admin, a directory row, an audit event and a token; the
// template and the spare pool behave; concurrent signups never share a database; bad input is a 4xx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE } from "../../src/stack/index.ts";
import { connect } from "../../src/platform/db.ts";
import { migrationVersions, TENANT_MIGRATIONS } from "../../src/platform/dbmate.ts";
import { databaseUrlFor, dropDatabase, restrictConnect } from "../../src/tenancy/control-plane.ts";
import { ApiError, errorBody } from "../../src/platform/errors.ts";
import { isAgencyDatabaseName } from "../../src/tenancy/database-name.ts";
import { provisionAgency } from "../../src/tenancy/provisioning/index.ts";
import { claimSpare } from "../../src/tenancy/spares.ts";
import { cloneTemplate, TEMPLATE_DATABASE, templateVersion } from "../../src/tenancy/template.ts";
import {
  asSuperuser,
  databaseExists,
  hex,
  PASSWORD,
  type SignedInOperator,
  signedInOperator,
  type Signup,
} from "../support/fixtures.ts";
import { localPlane, stack, superuser, testApp, testConfig } from "../support/stack.ts";
import {
  databasesContaining,
  DB_NAME,
  direct,
  hex8,
  leftovers,
  phantomSpares,
  postSignup,
  type SignupBody,
  signupBody,
  slugOf,
  sqlstate,
  throughPooler,
} from "./helpers.ts";

const { app, services } = testApp({ TRUST_PROXY: "true" });
const su = superuser();
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
let operator: SignedInOperator;
beforeAll(async () => {
  operator = await signedInOperator(app, services.control);
});
afterAll(() => su`delete from users where email = ${operator.email}`);

async function signup(body: SignupBody, target = app, headers: Record<string, string> = {}): Promise<Signup> {
  const res = await postSignup(target, body, headers);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json;
}

/** The `agency.created` event's details, as recorded by the activate step. */
async function createdEvent(agencyId: string) {
  const rows = await su<
    { details: { databaseName: string; source: string }; toStatus: string; actor: string }[]
  >`
    select details, to_status, actor from agency_events
    where agency_id = ${agencyId} and event = 'agency.created'`;
  return rows;
}

const databaseOid = async (name: string) =>
  (await su<{ oid: number }[]>`select oid::int as oid from pg_database where datname = ${name}`)[0]?.oid;

describe("POST /api/agencies: a signup", () => {
  it("creates 5 agencies, each with its own migrated database, admin, directory row, event and token", async () => {
    const versions = await migrationVersions(TENANT_MIGRATIONS);
    expect(versions.length).toBeGreaterThanOrEqual(11);
    const latest = versions.at(-1)!;
    const plans = ["starter", "pro", "enterprise", undefined, "starter"];
    const seen = new Set<string>();

    for (const plan of plans) {
      const body = { ...signupBody("five"), ...(plan ? { subscriptionPlan: plan } : {}) };
      // Plans that are not self-service are an operator's to give.
      const byOperator = plan === "pro" || plan === "enterprise";
      const created = await signup(body, app, byOperator ? bearer(operator.token) : {});
      const { agency, user, token, agencyDatabase } = created;

      // The response: the contract's shape, no internal columns.
      expect(Object.keys(created).sort()).toEqual(["agency", "agencyDatabase", "token", "user"]);
      expect(Object.keys(agency).sort()).toEqual(
        ["cluster", "createdAt", "databaseName", "domain", "id", "name", "status", "subscriptionPlan"],
      );
      expect(agency).toMatchObject({
        name: body.name,
        domain: body.domain,
        subscriptionPlan: plan ?? "starter",
        status: "active",
      });
      expect(Number.isNaN(Date.parse(agency.createdAt))).toBe(false);
      expect(user).toEqual({
        id: expect.any(String),
        email: body.admin.email.toLowerCase(),
        fullName: body.admin.fullName,
        role: "admin",
      });
      expect(agencyDatabase).toBe(agency.databaseName);

      // The database name: the pattern, the domain's slug and the id's first 8 hex.
      const db = agency.databaseName;
      expect(db).toMatch(DB_NAME);
      expect(db).toBe(`agency_${slugOf(body)}_${hex8(agency.id)}`);
      expect(seen.has(db)).toBe(false);
      seen.add(db);

      // Inside the database: the tenant schema at the latest migration, and exactly one admin.
      await asSuperuser(db, async (sql) => {
        const [{ tables }] = await sql<{ tables: number }[]>`
          select count(*)::int as tables from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'`;
        expect(tables).toBeGreaterThanOrEqual(53);
        const applied = await sql<
          { version: string }[]
        >`select version from schema_migrations order by version`;
        expect(applied.map((r) => r.version)).toEqual(versions);

        const users = await sql<{ id: string; email: string; passwordHash: string }[]>`
          select id, email, password_hash from users`;
        expect(users).toHaveLength(1);
        expect(users[0].id).toBe(user.id);
        expect(users[0].email).toBe(body.admin.email.toLowerCase());
        expect(users[0].passwordHash.startsWith("$argon2id$")).toBe(true);
        expect(users[0].passwordHash).not.toContain(PASSWORD);
        const roles = await sql<{ role: string }[]>`select role from user_roles where user_id = ${user.id}`;
        expect(roles.map((r) => r.role)).toEqual(["admin"]);
        const profiles = await sql<
          { fullName: string }[]
        >`select full_name from profiles where user_id = ${user.id}`;
        expect(profiles.map((r) => r.fullName)).toEqual([body.admin.fullName]);
      });

      // Only the app role may connect: the ACL is explicit (a NULL datacl would mean PUBLIC may).
      const [acl] = await su<
        { aclIsNull: boolean; publicEntries: number; publicConnect: boolean; appConnect: boolean }[]
      >`
        select datacl is null as acl_is_null,
          (select count(*)::int from unnest(datacl) as entry where entry::text like '=%') as public_entries,
          has_database_privilege('public', oid, 'CONNECT') as public_connect,
          has_database_privilege(${APP_ROLE}, oid, 'CONNECT') as app_connect
        from pg_database where datname = ${db}`;
      expect(acl.aclIsNull).toBe(false);
      expect(acl.publicEntries).toBe(0);
      expect(acl.publicConnect).toBe(false);
      expect(acl.appConnect).toBe(true);

      // The app role reaches it through PgBouncer.
      const [{ count }] = await throughPooler(
        db,
        (sql) => sql<{ count: number }[]>`select count(*)::int from users`,
      );
      expect(count).toBe(1);

      // The catalog: directory row, active at the latest version, one `agency.created` event.
      const directory = await su<{ email: string; userId: string }[]>`
        select email, user_id from user_directory where agency_id = ${agency.id}`;
      expect(directory).toEqual([{ email: body.admin.email.toLowerCase(), userId: user.id }]);
      const [row] = await su<{ status: string; schemaVersion: string; databaseName: string }[]>`
        select status, schema_version, database_name from agencies where id = ${agency.id}`;
      expect(row).toEqual({ status: "active", schemaVersion: latest, databaseName: db });
      const events = await createdEvent(agency.id);
      expect(events).toHaveLength(1);
      expect(events[0].toStatus).toBe("active");
      expect(events[0].actor).toBe(byOperator ? `operator:${operator.id}` : "system");
      expect(events[0].details.databaseName).toBe(db);
      expect(["spare", "clone"]).toContain(events[0].details.source);

      // The token: an agency token for this admin.
      const claims = await services.tokens.verifyAgency(token);
      expect(claims).toEqual({
        sub: user.id,
        agencyId: agency.id,
        agencyDatabase: db,
        role: "admin",
        jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
        iat: expect.any(Number),
        exp: claims.iat + testConfig().JWT_TTL_SECONDS,
      });
      await expect(services.tokens.verifyPlatform(token)).rejects.toMatchObject({ status: 401 });
    }
    expect(seen.size).toBe(5);
  });

  it("gives PUBLIC no CONNECT: a fresh login role is refused with 42501, until granted", async () => {
    const { agency } = await signup(signupBody("acl"));
    const role = `tenancy_probe_${hex(12)}`;
    const password = hex(24);
    await su.unsafe(`create role ${role} login password '${password}'`);
    try {
      const url = new URL(databaseUrlFor(stack().superuserUrl, agency.databaseName));
      url.username = role;
      url.password = password;
      const attempt = async () => {
        const sql = connect(url.toString(), { max: 1 });
        try {
          await sql`select 1`;
        } finally {
          await sql.end({ timeout: 5 });
        }
      };
      expect(await sqlstate(attempt)).toBe("42501"); // insufficient_privilege, not a bad password
      // The control: the same role and password get in once CONNECT is granted to it.
      await su`grant connect on database ${su(agency.databaseName)} to ${su(role)}`;
      expect(await sqlstate(attempt)).toBeUndefined();
      await su`revoke connect on database ${su(agency.databaseName)} from ${su(role)}`;
      expect(await sqlstate(attempt)).toBe("42501");
    } finally {
      await su.unsafe(`drop role if exists ${role}`);
    }
  });
});

describe("the tenant template", () => {
  it("is a closed template the app role cannot reach through the pooler", async () => {
    const [tpl] = await su<
      { datistemplate: boolean; datallowconn: boolean; appConnect: boolean; publicConnect: boolean }[]
    >`
      select datistemplate, datallowconn,
        has_database_privilege(${APP_ROLE}, oid, 'CONNECT') as app_connect,
        has_database_privilege('public', oid, 'CONNECT') as public_connect
      from pg_database where datname = ${TEMPLATE_DATABASE}`;
    expect(tpl).toEqual({
      datistemplate: true,
      datallowconn: false,
      appConnect: false,
      publicConnect: false,
    });

    const error = await throughPooler(TEMPLATE_DATABASE, (sql) => sql`select 1`).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error, "the app role reached the template").toBeInstanceOf(Error);
    // PostgreSQL checks datallowconn before the CONNECT privilege, so that is the refusal PgBouncer
    // relays (the missing CONNECT is asserted above).
    expect(String(error)).toBe(
      `PostgresError: database "${TEMPLATE_DATABASE}" is not currently accepting connections`,
    );
  });

  it("clones into a database at the template's version whose grants must be restricted", async () => {
    // Not agency_ nor buildflow_spare_: no sweeper running in parallel may take it.
    const name = `tenancy_clone_${hex(12)}`;
    try {
      await cloneTemplate(localPlane(services), name);
      const versions = await migrationVersions(TENANT_MIGRATIONS);
      await asSuperuser(name, async (sql) => {
        const applied = await sql<
          { version: string }[]
        >`select version from schema_migrations order by version`;
        expect(applied.map((r) => r.version)).toEqual(versions);
      });
      // A clone does not inherit the template's database ACL: PUBLIC may connect until restricted.
      const publicConnect = async () =>
        (await su<{ ok: boolean }[]>`
          select has_database_privilege('public', ${name}, 'CONNECT') as ok`)[0].ok;
      expect(await publicConnect()).toBe(true);
      await restrictConnect(localPlane(services), name);
      expect(await publicConnect()).toBe(false);
    } finally {
      await dropDatabase(localPlane(services), name);
    }
    expect(await databaseExists(su, name)).toBe(false);
  });
});

describe("the spare pool", () => {
  // Apps are made at describe level, where testApp's afterAll closes them (inside an `it` it never runs).
  const spares = testApp({ SPARE_DATABASES: "2", TRUST_PROXY: "true" });

  it("hands out no spare for an unknown schema version", async () => {
    expect(await claimSpare(services.control, "local", "1")).toBeUndefined();
  });

  it("serves a signup from a spare after the refiller filled the pool", async () => {
    // The pool is shared with every test file: another signup may take the spares first, so try a
    // few times; one signup served by a spare is the point.
    const sources: string[] = [];
    for (let attempt = 0; attempt < 4 && !sources.includes("spare"); attempt++) {
      spares.services.spares.kick(localPlane(spares.services));
      await spares.services.spares.idle();
      const { agency } = await signup(signupBody("spare"), spares.app);
      const [event] = await createdEvent(agency.id);
      sources.push(event.details.source);
    }
    expect(sources).toContain("spare");
    // The signup kicked the refiller again; once idle, the pool holds no phantom spare.
    await spares.services.spares.idle();
    expect(await phantomSpares(su)).toEqual([]);
  });

  it("renames the claimed spare itself (same database oid) into the agency's database", async () => {
    const cp = localPlane(services);
    const version = (await templateVersion({ control: su, cluster: "local" }))!;
    const spare = `buildflow_spare_${hex(12)}`;
    let spareOid: number | undefined;
    const result = await provisionAgency({
      ...cp,
      hooks: {
        // Planted just before the claim, as the oldest ready spare, so the claim takes this one.
        async beforeStep(step) {
          if (step !== "create-database") return;
          await su`insert into spare_databases (database_name, schema_version) values (${spare}, ${version})`;
          await cloneTemplate(cp, spare);
          await restrictConnect(cp, spare);
          spareOid = await databaseOid(spare);
          await su`
            update spare_databases set ready = true, created_at = '2000-01-01'
            where database_name = ${spare}`;
        },
      },
    }, direct(signupBody("plant")));
    try {
      expect(result.source).toBe("spare");
      expect(spareOid).toBeTypeOf("number");
      expect(await databaseOid(result.agency.databaseName)).toBe(spareOid);
      expect(await databaseExists(su, spare)).toBe(false);
      expect(await su`select 1 from spare_databases where database_name = ${spare}`).toHaveLength(0);
      const [event] = await createdEvent(result.agency.id);
      expect(event.details.source).toBe("spare");
    } finally {
      // Had another signup claimed the planted spare first, it is theirs; only an unclaimed one is ours.
      const mine = await su`delete from spare_databases where database_name = ${spare} returning 1`;
      if (mine.length) await dropDatabase(localPlane(services), spare);
    }
  });

  it("clones the template when no spare is ready (every spare row held locked during the claim)", async () => {
    const cp = localPlane(services);
    const locker = connect(stack().superuserUrl, { max: 1 });
    let release = () => {};
    let held: Promise<unknown> = Promise.resolve();
    try {
      const result = await provisionAgency({
        ...cp,
        hooks: {
          // SKIP LOCKED: while this transaction holds every spare row, the claim finds none.
          async beforeStep(step) {
            if (step !== "create-database") return;
            const released = new Promise<void>((resolve) => (release = resolve));
            let locked = () => {};
            const isLocked = new Promise<void>((resolve) => (locked = resolve));
            held = locker.begin(async (tx) => {
              await tx`select database_name from spare_databases for update`;
              locked();
              await released;
            });
            await Promise.race([isLocked, held]);
          },
          afterStep(step) {
            if (step === "create-database") release();
          },
        },
      }, direct(signupBody("clone")));
      expect(result.source).toBe("clone");
      expect(result.agency.status).toBe("active");
      expect(await databaseExists(su, result.agency.databaseName)).toBe(true);
      const [event] = await createdEvent(result.agency.id);
      expect(event.details.source).toBe("clone");
    } finally {
      release();
      await held.catch(() => {});
      await locker.end({ timeout: 5 });
    }
  });
});

describe("20 concurrent signups", () => {
  const burst = testApp({ TRUST_PROXY: "true", SPARE_DATABASES: "2" });

  it("each get their own database or a clean 503 that leaves nothing behind", async () => {
    const run = hex(8);
    const bodies = Array.from({ length: 20 }, (_, i) => signupBody(`burst${i}-${run}`));
    const started = performance.now();
    const responses = await Promise.all(bodies.map(async (body) => {
      const res = await postSignup(burst.app, body);
      return { body, status: res.status, json: await res.json(), retryAfter: res.headers.get("retry-after") };
    }));
    const elapsed = performance.now() - started;
    await burst.services.spares.idle();

    const ok = responses.filter((r) => r.status === 201);
    const failed = responses.filter((r) => r.status !== 201);
    const sources = await Promise.all(
      ok.map(async (r) => (await createdEvent(r.json.agency.id))[0]?.details.source),
    );
    console.log(JSON.stringify({
      concurrentSignups: 20,
      created: ok.length,
      failed: failed.map((r) => `${r.status} ${r.json.code}: ${r.json.error}`),
      ms: Math.round(elapsed),
      sources: {
        spare: sources.filter((s) => s === "spare").length,
        clone: sources.filter((s) => s === "clone").length,
      },
    }));

    for (const r of failed) {
      expect(r.status, JSON.stringify(r.json)).toBe(503);
      expect(r.json).toEqual({ error: expect.any(String), code: "unavailable" });
      expect(r.retryAfter).toMatch(/^\d+$/);
    }
    // At least most succeed: a burst of 20 is well within what the stack is sized for.
    expect(ok.length).toBeGreaterThanOrEqual(15);

    // Every success has its own database, which exists.
    const names = ok.map((r) => r.json.agency.databaseName as string);
    expect(new Set(names).size).toBe(ok.length);
    const ids = ok.map((r) => r.json.agency.id as string);
    expect(new Set(ids).size).toBe(ok.length);
    for (const r of ok) {
      expect(r.json.agency.databaseName).toBe(`agency_${slugOf(r.body)}_${hex8(r.json.agency.id)}`);
    }
    const oids = await su<{ datname: string; oid: number }[]>`
      select datname, oid::int as oid from pg_database where datname in ${su(names)}`;
    expect(oids.map((r) => r.datname).sort()).toEqual([...names].sort());
    expect(new Set(oids.map((r) => r.oid)).size).toBe(names.length);
    expect(sources.every((s) => s === "spare" || s === "clone")).toBe(true);

    // The databases carrying this run's tag are exactly the successful ones.
    expect(await databasesContaining(su, run)).toEqual([...names].sort());
    // Each failure left nothing: no catalog row, no directory row, no database.
    for (const r of failed) {
      expect(await leftovers(su, r.body)).toEqual({ agencies: 0, directory: 0, databases: [] });
    }
    // Each success: one active row, one directory row.
    const rows = await su<{ id: string; status: string }[]>`
      select id, status from agencies where id in ${su(ids)}`;
    expect(rows.every((r) => r.status === "active")).toBe(true);
    expect(rows).toHaveLength(ids.length);
    const [{ directory }] = await su<{ directory: number }[]>`
      select count(*)::int as directory from user_directory where agency_id in ${su(ids)}`;
    expect(directory).toBe(ids.length);
    expect(await phantomSpares(su)).toEqual([]);
  });
});

describe("input", () => {
  it("answers a duplicate domain with 409 on `domain` and creates nothing", async () => {
    const first = signupBody("dup");
    const created = await signup(first);
    for (const domain of [first.domain!, first.domain!.toUpperCase(), `  ${first.domain}  `]) {
      const second = { ...signupBody("dup2"), domain };
      const res = await postSignup(app, second);
      const json = await res.json();
      expect(res.status, JSON.stringify(json)).toBe(409);
      expect(json.code).toBe("conflict");
      expect(json.issues[0].path).toBe("domain");
      const [{ count }] = await su<{ count: number }[]>`
        select count(*)::int as count from agencies where domain = ${first.domain!} or name = ${second.name}`;
      expect(count).toBe(1);
      expect(await su`select 1 from user_directory where email = ${second.admin.email.toLowerCase()}`)
        .toHaveLength(0);
    }
    expect(await databasesContaining(su, slugOf(first))).toEqual([created.agency.databaseName]);
  });

  const base = () => signupBody("bad");
  const invalid: [string, () => unknown, string][] = [
    ["a bad email", () => ({ ...base(), admin: { ...base().admin, email: "not-an-email" } }), "admin.email"],
    [
      "a short password",
      () => ({ ...base(), admin: { ...base().admin, password: "short" } }),
      "admin.password",
    ],
    [
      "a letters-only password",
      () => ({ ...base(), admin: { ...base().admin, password: "onlyletterslong" } }),
      "admin.password",
    ],
    ["a 101-character name", () => ({ ...base(), name: "n".repeat(101) }), "name"],
    ["an unknown plan", () => ({ ...base(), subscriptionPlan: "platinum" }), "subscriptionPlan"],
    ["a domain with quotes and semicolons", () => ({ ...base(), domain: `a'b";drop.example.com` }), "domain"],
    [
      "a blank full name",
      () => ({ ...base(), admin: { ...base().admin, fullName: "   " } }),
      "admin.fullName",
    ],
  ];

  it.each(invalid)("answers %s with 400 naming the field", async (_, make, path) => {
    const body = make() as SignupBody;
    const res = await postSignup(app, body);
    const json = await res.json();
    expect(res.status, JSON.stringify(json)).toBe(400);
    expect(json.code).toBe("validation_failed");
    expect(json.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await leftovers(su, body)).toEqual({ agencies: 0, directory: 0, databases: [] });
  });

  it("answers an unknown field, top-level or in admin, with 400 naming it", async () => {
    const cases: [SignupBody, string, string][] = [
      [{ ...base(), isPlatformOwner: true } as SignupBody, "", "isPlatformOwner"],
      [{ ...base(), admin: { ...base().admin, role: "owner" } } as SignupBody, "admin", "role"],
    ];
    for (const [body, path, key] of cases) {
      const res = await postSignup(app, body);
      const json = await res.json();
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(json.code).toBe("validation_failed");
      expect(json.issues).toEqual([{ path, message: expect.stringContaining(`"${key}"`) }]);
      expect(await leftovers(su, body)).toEqual({ agencies: 0, directory: 0, databases: [] });
    }
  });

  it("answers malformed JSON with 400 validation_failed", async () => {
    for (const raw of ['{"name": "x",', "", "{'name': 'x'}", "not json"]) {
      const res = await postSignup(app, raw);
      expect(res.status, raw).toBe(400);
      expect((await res.json()).code, raw).toBe("validation_failed");
    }
  });

  it("accepts a 100-character name full of quotes, semicolons and unicode, with a valid database name", async () => {
    const pieces = Array.from(`'";--DROP DATABASE buildflow;/*é東京🏗️*/ \\x00 $$ `);
    let name = "";
    for (let i = 0; name.length + pieces[i % pieces.length].length <= 100; i++) {
      name += pieces[i % pieces.length];
    }
    name = name.trim();
    while (name.length < 100) name += "z";
    expect(name.length).toBe(100);
    const body = { ...signupBody("nasty"), name, domain: undefined };
    const created = await signup(body);
    expect(created.agency.name).toBe(name);
    expect(created.agency.domain).toBeNull();
    expect(isAgencyDatabaseName(created.agency.databaseName)).toBe(true);
    expect(created.agency.databaseName).toMatch(/^agency_drop_database_buildflow_e_/);
    expect(await databaseExists(su, created.agency.databaseName)).toBe(true);
  });

  it("never answers a nasty body with a 5xx", async () => {
    const b = base();
    const deep = "[".repeat(50_000) + "]".repeat(50_000);
    const nasty: [string, unknown][] = [
      ["array", []],
      ["string", '"x"'],
      ["null", "null"],
      ["number", "42"],
      ["true", "true"],
      ["empty object", {}],
      ["numbers in string fields", { name: 123, domain: 4.5, admin: { email: 1, password: 2, fullName: 3 } }],
      ["admin as a string", { ...b, admin: "x" }],
      ["admin as an array", { ...b, admin: [b.admin] }],
      ["operator objects", { ...b, name: { $gt: "" }, subscriptionPlan: ["starter"] }],
      ["nested junk", { ...b, admin: { ...b.admin, email: { nested: { deeper: [null, {}] } } } }],
      ["__proto__ key", `{"__proto__": {"isAdmin": true}, "name": "x", "admin": ${JSON.stringify(b.admin)}}`],
      ["constructor key", { ...b, constructor: { prototype: { polluted: true } } }],
      ["deep nesting", deep],
      ["huge number", `{"name": 1e999, "admin": ${JSON.stringify(b.admin)}}`],
      ["a 300-character email", { ...b, admin: { ...b.admin, email: `${"e".repeat(290)}@x.example` } }],
      ["a 129-character password", { ...b, admin: { ...b.admin, password: "a1".repeat(65).slice(0, 129) } }],
      ["a name of whitespace", { ...b, name: " \t\n " }],
      ["a domain with a space", { ...b, domain: "acme .example.com" }],
      ["a SQL plan code", { ...b, subscriptionPlan: "starter'; drop table agencies;--" }],
    ];
    const statuses: Record<string, number> = {};
    for (const [label, body] of nasty) {
      const res = await postSignup(app, body);
      statuses[label] = res.status;
      const json = await res.json();
      expect(json, label).toMatchObject({ error: expect.any(String), code: "validation_failed" });
    }
    const fivexx = Object.entries(statuses).filter(([, s]) => s >= 500);
    expect(fivexx, JSON.stringify(statuses)).toEqual([]);
    for (const [label, status] of Object.entries(statuses)) expect(status, label).toBe(400);
  });

  // The route's schema refuses control characters in names, so over HTTP a NUL byte never gets as far
  // as provisioning: it is a 400 naming the field, from validation.
  it("refuses a NUL byte in the name or the full name at validation: 400 naming the field", async () => {
    const b = base();
    const cases: [string, SignupBody][] = [
      ["name", { ...b, name: "nul\u0000byte" }],
      ["admin.fullName", { ...b, admin: { ...b.admin, fullName: "nul\u0000byte" } }],
    ];
    for (const [path, body] of cases) {
      const res = await postSignup(app, body);
      const json = await res.json();
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(json).toEqual({
        error: "Invalid body",
        code: "validation_failed",
        issues: [{ path, message: "must not contain control characters" }],
      });
      expect(await leftovers(su, body)).toEqual({ agencies: 0, directory: 0, databases: [] });
    }
  });

  // Provisioning itself, for callers other than the route (CLI, admin): PostgreSQL refuses a NUL byte
  // (22021), which can never succeed, so it is a 400 validation_failed, not a 503 "retry", and every
  // step begun is undone. In the name it fails the first step; in the full name it fails once the
  // database exists, so the undo has a database, a catalog row and nothing else to remove.
  it.each([
    ["the name", (b: SignupBody) => ({ ...b, name: "nul\u0000byte" }), ["record-agency"]],
    [
      "the full name",
      (b: SignupBody) => ({ ...b, admin: { ...b.admin, fullName: "nul\u0000byte" } }),
      ["record-agency", "create-database", "grant-access", "create-admin-user"],
    ],
  ])("provisionAgency answers a NUL byte in %s with 400 validation_failed and keeps nothing", async (
    _,
    make,
    reached,
  ) => {
    const body = make(base());
    const begun: string[] = [];
    const failure = await provisionAgency(
      { ...localPlane(services), hooks: { beforeStep: (step) => void begun.push(step) } },
      direct(body),
    ).then(() => undefined, (error: unknown) => error);
    expect(begun).toEqual(reached);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: "validation_failed" });
    expect(errorBody(failure as ApiError)).toEqual({
      error: "A value is not valid UTF-8 text",
      code: "validation_failed",
    });
    expect(await leftovers(su, body)).toEqual({ agencies: 0, directory: 0, databases: [] });
  });
});

/** Rate limiting is per client address: the 11th signup in a minute from one address is refused. */
describe("rate limiting", () => {
  const limited = testApp({ TRUST_PROXY: "true" });

  it("answers the 11th attempt from one address with 429 and Retry-After, before validation", async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 250)}, 10.0.0.1`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await postSignup(limited.app, { invalid: true }, { "X-Forwarded-For": address });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
        expect((await res.json()).code).toBe("rate_limited");
      } else await res.body?.cancel();
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
    // Another address is not affected.
    const other = await postSignup(limited.app, { invalid: true });
    expect(other.status).toBe(400);
  });
});
