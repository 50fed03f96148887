// Per-agency prefixes of the document series (settings key "documents"). At most 4 characters, so
// PREFIX/YY-YY/serial always fits the 16 characters of CGST Rule 46(b).
import { z } from "zod";
import type { Queryable } from "../platform/db.ts";

const prefix = () => z.string().regex(/^[A-Za-z0-9-]{1,4}$/, "must be 1 to 4 letters, digits or '-'");

export const documentPrefixesSchema = z.strictObject({
  invoicePrefix: prefix(),
  quotationPrefix: prefix(),
  purchaseOrderPrefix: prefix(),
});
export type DocumentPrefixes = z.infer<typeof documentPrefixesSchema>;

export const DEFAULT_PREFIXES: DocumentPrefixes = {
  invoicePrefix: "INV",
  quotationPrefix: "QT",
  purchaseOrderPrefix: "PO",
};

export async function findDocumentPrefixes(sql: Queryable): Promise<DocumentPrefixes> {
  const [row] = await sql`select value from settings where key = 'documents'`;
  return { ...DEFAULT_PREFIXES, ...(row?.value ?? {}) };
}

export async function saveDocumentPrefixes(sql: Queryable, prefixes: DocumentPrefixes, userId: string) {
  await sql`
    insert into settings (key, value, description, updated_by)
    values ('documents', ${sql.json(prefixes)}, 'Document series prefixes', ${userId})
    on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by`;
  return prefixes;
}
