// Per-agency prefixes of the document series (settings key "documents"). At most 4 characters, so
// PREFIX/YY-YY/serial always fits the 16 characters of CGST Rule 46(b), and in the e-invoice's shape
// for DocDtls.No (upper case, not starting with 0 or -).
import { z } from "zod";
import type { Queryable } from "../platform/db.ts";

const prefix = () =>
  z.string().regex(
    /^[A-Z1-9][A-Z0-9-]{0,3}$/,
    "must be 1 to 4 upper-case letters, digits or '-', not starting with 0 or '-'",
  );

export const documentPrefixesSchema = z.strictObject({
  invoicePrefix: prefix(),
  quotationPrefix: prefix(),
  purchaseOrderPrefix: prefix(),
  /** Credit and debit notes have their own series (Rule 53(1A)); CN and DN when not set. */
  creditNotePrefix: prefix().optional(),
  debitNotePrefix: prefix().optional(),
});
export type DocumentPrefixes = Required<z.infer<typeof documentPrefixesSchema>>;

export const DEFAULT_PREFIXES: DocumentPrefixes = {
  invoicePrefix: "INV",
  quotationPrefix: "QT",
  purchaseOrderPrefix: "PO",
  creditNotePrefix: "CN",
  debitNotePrefix: "DN",
};

export async function findDocumentPrefixes(sql: Queryable): Promise<DocumentPrefixes> {
  const [row] = await sql`select value from settings where key = 'documents'`;
  return { ...DEFAULT_PREFIXES, ...(row?.value ?? {}) };
}

export async function saveDocumentPrefixes(
  sql: Queryable,
  input: z.infer<typeof documentPrefixesSchema>,
  userId: string,
) {
  const prefixes = { ...DEFAULT_PREFIXES, ...input };
  await sql`
    insert into settings (key, value, description, updated_by)
    values ('documents', ${sql.json(prefixes)}, 'Document series prefixes', ${userId})
    on conflict (key) do update set value = excluded.value, updated_by = excluded.updated_by`;
  return prefixes;
}
