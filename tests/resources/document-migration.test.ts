// An agency database from before the document series (migrated up to 20261201000100 and holding
// numbers of that time) is migrated to the current schema: its series start after the numbers already
// used, and an old draft carrying a number the rules refuse is issued inside the series.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbmate, TENANT_MIGRATIONS } from "../../src/platform/dbmate.ts";
import { transaction } from "../../src/platform/db.ts";
import { resources } from "../../src/resources/erp.ts";
import { patchDocument } from "../../src/resources/documents.ts";
import { databaseUrlFor } from "../../src/tenancy/control-plane.ts";
import { connectedTo, hex } from "../support/fixtures.ts";
import { stack, superuser } from "../support/stack.ts";

const BEFORE_SERIES_SEED = "20261201000100"; // the last migration before 20261215000100_gst_documents
const database = `gst_migration_${hex(8)}`;
const catalog = superuser();
const invoices = resources.find((r) => r.path === "invoices")!;
const url = () => databaseUrlFor(stack().superuserUrl, database);
const onDatabase = <T>(work: Parameters<typeof connectedTo<T>>[2]) =>
  connectedTo(stack().superuserUrl, database, work);

beforeAll(async () => {
  await catalog`create database ${catalog(database)}`;
  const old = await Deno.makeTempDir({ prefix: "tenant-migrations-" });
  for (const entry of Deno.readDirSync(TENANT_MIGRATIONS)) {
    if (entry.name.slice(0, 14) <= BEFORE_SERIES_SEED) {
      await Deno.copyFile(`${TENANT_MIGRATIONS}/${entry.name}`, `${old}/${entry.name}`);
    }
  }
  await dbmate(stack().tools.dbmate, url(), old, "migrate");
  await Deno.remove(old, { recursive: true });
});
afterAll(async () => {
  await catalog`drop database if exists ${catalog(database)} with (force)`;
});

describe("migrating documents from before the series", () => {
  it("seeds the series from numbers used and issues an old draft inside it", async () => {
    const draftId = await onDatabase(async (sql) => {
      await sql`insert into gst_settings (gstin, legal_name, state, state_code, is_primary)
        values ('29ABCDE1234F1ZW', 'Old Agency LLP', 'Karnataka', '29', true)`;
      const [client] =
        await sql`insert into clients (name, state_code) values ('Old client', '29') returning id`;
      const today = new Date().toISOString().slice(0, 10);
      // Already issued under the series' shape in this financial year: the series must go on from 7.
      await sql`insert into invoices (invoice_number, client_id, status, issue_date)
        values (${`INV/${fy(today)}/000007`}, ${client.id}, 'sent', ${today})`;
      // A draft numbered the old way (19 characters): refused by DocDtls.No and Rule 46(b).
      const [draft] = await sql`insert into invoices (invoice_number, client_id, status, issue_date)
        values ('INV/2026-27/0000042', ${client.id}, 'draft', '2026-03-20') returning id`;
      await sql`insert into invoice_items (invoice_id, description, hsn_sac, quantity, unit_price, amount, tax_amount)
        values (${draft.id}, 'Design', '998391', 1, 100, 100, 0)`;
      return draft.id as string;
    });

    await dbmate(stack().tools.dbmate, url(), TENANT_MIGRATIONS, "migrate");

    const today = new Date().toISOString().slice(0, 10);
    const issued = await onDatabase(async (sql) => {
      const [series] = await sql`select last_number from document_series
        where document_type = 'invoice' and financial_year = ${fy(today)}`;
      expect(series?.lastNumber).toBe(7);
      await transaction(sql, (tx) => patchDocument(tx, catalog, invoices, draftId, { status: "sent" }));
      const [row] = await sql`select invoice_number, issue_date, supplier_gstin, total_amount from invoices
        where id = ${draftId}`;
      return row;
    });
    expect(issued).toEqual({
      invoiceNumber: `INV/${fy(today)}/000008`,
      issueDate: today,
      supplierGstin: "29ABCDE1234F1ZW",
      totalAmount: "118.00",
    });
  });
});

function fy(date: string) {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start % 100}-${(start + 1) % 100}`;
}
