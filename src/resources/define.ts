// A resource is declared once — table, writable fields, list filters, optional line items — and its
// routes, OpenAPI entry (request and response schemas) and tests follow from the declaration.
import { z } from "zod";
import type { CountedLimit } from "../limits/plan-limits.ts";
import type { DocumentSeries } from "./document-series.ts";
import {
  decimal,
  gstRate,
  hsnSac,
  numericString,
  quantity,
  ref,
  text,
  timestamp,
} from "../platform/fields.ts";

export type LineItems = {
  /** Child table holding the lines, e.g. invoice_items, and its column pointing at the parent. */
  table: string;
  foreignKey: string;
  /** The parent's document number column (camelCase), null while the document is a draft. */
  numberField: string;
  /** The series an issued document takes its number from. */
  series: DocumentSeries;
  /** The document's date (camelCase): picks the financial year and the GST rates in force. */
  dateField: string;
  /** Tax documents (s. 31): the only fields that may change once issued; a correction after issue is a
   * credit or debit note (s. 34). Without it, an issued document keeps its number and date only. */
  changeableAfterIssue?: string[];
};

export type ResourceDeclaration = {
  /** URL segment under /api, e.g. "leave-requests". */
  path: string;
  table: string;
  /** Writable fields (camelCase, one per column); required ones are required on create. */
  fields: z.ZodRawShape;
  /** Equality filters on list (camelCase field → its schema). */
  filters?: z.ZodRawShape;
  items?: LineItems;
  /** Columns the server writes and answers but no request sets (camelCase → the answered schema). */
  computed?: z.ZodRawShape;
  /** CHECK constraints a request can break, by name: the field a violation is reported on. */
  constraints?: Record<string, { path: string; message: string }>;
  /** The plan limit each created row counts against (403 plan_limit_reached past it). */
  planLimit?: CountedLimit;
};

export const lineItemSchema = z.strictObject({
  description: text(500),
  hsnSac: hsnSac().optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  quantity: quantity(),
  unitPrice: decimal(2),
  gstRate: gstRate().default("18"),
});

export type LineItem = z.infer<typeof lineItemSchema>;

const taxes = {
  cgstAmount: numericString(),
  sgstAmount: numericString(),
  igstAmount: numericString(),
  taxAmount: numericString(),
};

/** A line as answered: the written fields plus the server's amount and GST split. */
export const lineRowSchema = z.strictObject({
  id: ref(),
  description: z.string(),
  hsnSac: z.string().nullable(),
  unit: z.string(),
  quantity: numericString(),
  unitPrice: numericString(),
  gstRate: numericString(),
  amount: numericString(),
  ...taxes,
  position: z.number().int(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
});

/** A document's totals and supply type: computed by the server from its lines (line-items.ts). */
const documentTotals = {
  supplyType: z.enum(["intra_state", "inter_state", "export", "sez"]).nullable(),
  /** The place of supply's name (a state, a union territory, or "Other Country" for 96). */
  placeOfSupplyState: z.string().nullable(),
  subtotal: numericString(),
  ...taxes,
  totalAmount: numericString(),
};

const nonEmpty = (value: object) => Object.keys(value).length > 0;

const isTimestamp = (schema: z.ZodType): boolean =>
  schema instanceof z.ZodNullable || schema instanceof z.ZodOptional
    ? isTimestamp(schema.unwrap() as z.ZodType)
    : schema instanceof z.ZodISODateTime;

/** The select list of a row's columns, built once per resource: each camelCase field's snake_case
 * column, quoted, and timestamps formatted by the server as the contract answers them (what
 * Date.toJSON gives, milliseconds truncated), so reads parse and serialize no Date per value. */
function selectList(row: z.ZodRawShape): string {
  return Object.entries(row).map(([key, schema]) => {
    const column = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (!/^[a-z][a-z0-9_]*$/.test(column)) throw new Error(`not a column name: ${key}`);
    return isTimestamp(schema as z.ZodType)
      ? `to_char("${column}" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "${column}"`
      : `"${column}"`;
  }).join(", ");
}
/** An optional column may hold NULL: PATCH may clear it, and rows answer it. */
const nullableIfOptional = (schema: z.ZodType) =>
  schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType).nullable() : schema;

export function defineResource(declaration: ResourceDeclaration) {
  const { fields, items } = declaration;
  const itemsField = items ? { items: z.array(lineItemSchema).min(1).max(500) } : {};
  // A document number is taken from the series when the document is issued.
  const create = z.strictObject({ ...fields, ...itemsField });
  // PATCH: every field optional; optional columns may be cleared with null.
  const patchShape = Object.fromEntries(
    Object.entries({ ...fields, ...itemsField }).map(([key, schema]) => [
      key,
      nullableIfOptional(schema as z.ZodType).optional(),
    ]),
  );
  const update = z.strictObject(patchShape).refine(nonEmpty, "nothing to change");
  const list = z.strictObject({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(200).optional(),
    ...declaration.filters,
  });
  // A row as answered: its id and timestamps, the declared fields and a document's totals. Exactly these
  // columns are selected (selectList): a column added to the table is not served until it is declared.
  const row = z.strictObject({
    id: ref(),
    ...Object.fromEntries(
      Object.entries(fields).map(([key, schema]) => [key, nullableIfOptional(schema as z.ZodType)]),
    ),
    ...(items ? documentTotals : {}),
    ...declaration.computed,
    createdAt: timestamp(),
    updatedAt: timestamp(),
  });
  const item = items ? row.extend({ items: z.array(lineRowSchema) }) : row;
  return { ...declaration, selectList: selectList(row.shape), schemas: { create, update, list, row, item } };
}

export type Resource = ReturnType<typeof defineResource>;
