// Backup and restore of one agency on the real stack: data created through the API survives
// `deno task backup` (manifest with size and sha256), rows deleted afterwards come back, row for row,
// from restoreAgencyFromBackup into a new database the catalog then points at, while another
// agency's traffic carries on; `deno task restore --as-new` only adds an inspection copy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENCY_DATABASE_PATTERN } from "../../src/tenancy/database-name.ts";
import { restoreAgencyFromBackup } from "../../src/tenancy/restore.ts";
import { call, databaseExists, dataOf, login, signupAgency, type Tenant } from "../support/fixtures.ts";
import { superuser, testApp } from "../support/stack.ts";
import { runCli, sha256Hex, tableRows } from "./helpers.ts";

const backupDir = await Deno.makeTempDir({ prefix: "buildflow-backups-" });
const { app, services } = testApp({ TRUST_PROXY: "true", BACKUP_DIR: backupDir });
const su = superuser();
const TABLES = ["clients", "projects", "invoices", "invoice_items"] as const;

type Row = Record<string, unknown> & { id: string };
let subject: Tenant;
let bystander: Tenant;
let created: { clients: Row[]; project: Row; invoice: Row };
let snapshot: Record<string, Row[]>;
let dumpFile = "";
const inspectDatabases: string[] = [];

const get = (t: Tenant, path: string) => call(app, "GET", path, { token: t.token });
const post = (t: Tenant, path: string, body: unknown) => call(app, "POST", path, { token: t.token, body });
const del = (t: Tenant, path: string) => call(app, "DELETE", path, { token: t.token });
const catalogRow = async (id: string) =>
  (await su<{ databaseName: string; schemaVersion: string }[]>`
    select database_name, schema_version from agencies where id = ${id}`)[0];

async function allRows(database: string) {
  const out: Record<string, Row[]> = {};
  for (const table of TABLES) out[table] = (await tableRows(database, table)) as unknown as Row[];
  return out;
}

beforeAll(async () => {
  [subject, bystander] = await Promise.all([signupAgency(app, "bkp"), signupAgency(app, "bkpother")]);
  const clients = [
    dataOf<Row>(
      await post(subject, "/api/clients", {
        name: "Acme Interiors",
        email: "accounts@acme.example.com",
        gstin: "27AAPFU0939F1ZV",
        stateCode: "27",
        paymentTermsDays: 30,
      }),
      201,
    ),
    dataOf<Row>(await post(subject, "/api/clients", { name: "Bharat Builders", city: "Pune" }), 201),
  ];
  const project = dataOf<Row>(
    await post(subject, "/api/projects", {
      name: "Showroom fit-out",
      clientId: clients[0].id,
      status: "active",
      budget: "125000.50",
      startDate: "2026-01-05",
    }),
    201,
  );
  const invoice = dataOf<Row>(
    await post(subject, "/api/invoices", {
      clientId: clients[0].id,
      projectId: project.id,
      issueDate: "2026-02-01",
      dueDate: "2026-03-03",
      placeOfSupply: "27",
      items: [
        { description: "Design", quantity: "2", unitPrice: "1500.25", gstRate: 18 },
        { description: "Printing", quantity: 1.5, unitPrice: 99.99, gstRate: 5 },
      ],
    }),
    201,
  );
  expect(invoice.items).toHaveLength(2);
  created = { clients, project, invoice };
  snapshot = await allRows(subject.agencyDatabase);
  expect(snapshot.clients).toHaveLength(2);
  expect(snapshot.invoice_items).toHaveLength(2);
});

afterAll(async () => {
  for (const name of inspectDatabases) await su`drop database if exists ${su(name)} with (force)`;
  await Deno.remove(backupDir, { recursive: true }).catch(() => {});
});

describe("backup", () => {
  it("the CLI dumps the agency and writes a manifest whose size and sha256 match the file", async () => {
    const out = `${backupDir}/cli-${crypto.randomUUID().slice(0, 8)}`;
    const { code, stdout, stderr } = await runCli("backup.ts", [
      "--agency",
      subject.agencyDatabase,
      "--out",
      out,
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`manifest: ${out}/manifest.json`);
    const manifest = JSON.parse(await Deno.readTextFile(`${out}/manifest.json`));
    expect(new Date(manifest.createdAt).getTime()).not.toBeNaN();
    const entry = manifest.entries.find((e: { agencyId?: string }) => e.agencyId === subject.agency.id);
    expect(entry).toMatchObject({
      agencyId: subject.agency.id,
      database: subject.agencyDatabase,
      schemaVersion: (await catalogRow(subject.agency.id)).schemaVersion,
      file: `${out}/${subject.agencyDatabase}.dump`,
    });
    expect(entry.error).toBeUndefined();
    const { size } = await Deno.stat(entry.file);
    expect(entry.bytes).toBe(size);
    expect(entry.bytes).toBeGreaterThan(1000);
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await sha256Hex(entry.file)).toBe(entry.sha256);
    // The catalog is dumped alongside, so a whole-platform restore is possible.
    expect(manifest.entries.some((e: { file?: string }) => e.file === `${out}/catalog.dump`)).toBe(true);
    dumpFile = entry.file;
  });
});

describe("restore", () => {
  it("brings deleted rows back into a new database while another agency keeps working", async () => {
    expect(dumpFile).not.toBe("");
    // Delete everything made above, through the API (the invoice's items go with it).
    expect((await del(subject, `/api/invoices/${created.invoice.id}`)).status).toBe(204);
    expect((await del(subject, `/api/projects/${created.project.id}`)).status).toBe(204);
    for (const c of created.clients) expect((await del(subject, `/api/clients/${c.id}`)).status).toBe(204);
    expect((await get(subject, `/api/clients/${created.clients[0].id}`)).status).toBe(404);
    expect(await tableRows(subject.agencyDatabase, "invoice_items")).toHaveLength(0);

    const previous = subject.agencyDatabase;
    const [{ n: eventsBefore }] = await su<{ n: number }[]>`
      select count(*)::int as n from agency_events where agency_id = ${subject.agency.id} and event = 'agency.restored'`;

    // Another agency's traffic for the duration of the restore (bounded).
    let restoring = true;
    const statuses: number[] = [];
    const traffic = (async () => {
      const deadline = Date.now() + 30_000;
      while ((restoring || statuses.length < 5) && Date.now() < deadline) {
        const res = await get(bystander, "/api/projects");
        statuses.push(res.status);
        if (res.status !== 200) break;
      }
    })();
    let result;
    try {
      result = await restoreAgencyFromBackup(services.lifecycle, subject.agency.id, dumpFile, {
        actor: "test",
      });
    } finally {
      restoring = false;
      await traffic;
    }
    expect(statuses.length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    expect(result).toMatchObject({ previous });
    const database = (result as { database: string }).database;
    expect(database).not.toBe(previous);
    expect(database).toMatch(AGENCY_DATABASE_PATTERN);
    expect(new TextEncoder().encode(database).length).toBeLessThanOrEqual(63);
    expect(database.endsWith(previous.slice(-8))).toBe(true); // still carries the agency id's prefix
    expect((await catalogRow(subject.agency.id)).databaseName).toBe(database);
    expect(await databaseExists(su, database)).toBe(true);

    const events = await su<{ actor: string; details: { file: string; from: string } }[]>`
      select actor, details from agency_events where agency_id = ${subject.agency.id} and event = 'agency.restored'
      order by id`;
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events.at(-1)).toMatchObject({ actor: "test", details: { file: dumpFile, from: previous } });

    // Row for row, every column, as before the deletes.
    expect(await allRows(database)).toEqual(snapshot);
    // And through the API, with the token issued before the restore.
    for (const c of created.clients) expect(dataOf(await get(subject, `/api/clients/${c.id}`))).toEqual(c);
    expect(dataOf(await get(subject, `/api/projects/${created.project.id}`))).toEqual(created.project);
    expect(dataOf(await get(subject, `/api/invoices/${created.invoice.id}`))).toEqual(created.invoice);
    // Writes work in the restored database (the app role got its privileges back).
    dataOf(await post(subject, "/api/clients", { name: "After restore" }), 201);
    // Logins land on the new database.
    const relogin = await login(app, { email: subject.email, password: subject.password });
    expect(relogin.status, JSON.stringify(relogin.body)).toBe(200);
    expect(relogin.body.agencyDatabase).toBe(database);
  });

  it("--as-new restores next to the live database without touching the catalog", async () => {
    expect(dumpFile).not.toBe("");
    const before = await catalogRow(subject.agency.id);
    const [{ n: eventsBefore }] = await su<{ n: number }[]>`
      select count(*)::int as n from agency_events where agency_id = ${subject.agency.id}`;
    const { code, stdout, stderr } = await runCli("restore.ts", [
      "--agency",
      subject.agency.id,
      "--from",
      dumpFile,
      "--as-new",
    ]);
    const name = stdout.match(/ into (\S+)/)?.[1];
    if (name) inspectDatabases.push(name);
    expect(code, stderr).toBe(0);
    expect(name).toMatch(/^inspect_/);
    expect(name).not.toMatch(AGENCY_DATABASE_PATTERN); // never taken for an agency's, nor swept
    expect(await databaseExists(su, name!)).toBe(true);
    expect(await allRows(name!)).toEqual(snapshot);

    expect(await catalogRow(subject.agency.id)).toEqual(before);
    const [{ n: eventsAfter }] = await su<{ n: number }[]>`
      select count(*)::int as n from agency_events where agency_id = ${subject.agency.id}`;
    expect(eventsAfter).toBe(eventsBefore);
    const listed = await get(subject, "/api/clients?limit=100");
    expect(listed.status).toBe(200);
    expect((listed.body!.data as Row[]).map((r) => r.name)).toContain("After restore"); // still the live one
  });
});
