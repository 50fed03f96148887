// A resource is declared once — table, writable fields, list filters, optional line items — and its
// routes, OpenAPI entry and tests follow from the declaration.
import { z } from "zod";
import type { CountedLimit } from "../limits/plan-limits.ts";
import type { DocumentSeries } from "./document-series.ts";
import { decimal, gstRate, hsnSac, quantity, text } from "./fields.ts";

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

const nonEmpty = (value: object) => Object.keys(value).length > 0;

export function defineResource(declaration: ResourceDeclaration) {
  const { fields, items } = declaration;
  const itemsField = items ? { items: z.array(lineItemSchema).min(1).max(500) } : {};
  // A document number is taken from the series when the document is issued.
  const create = z.strictObject({ ...fields, ...itemsField });
  // PATCH: every field optional; optional columns may be cleared with null.
  const patchShape = Object.fromEntries(
    Object.entries({ ...fields, ...itemsField }).map(([key, schema]) => [
      key,
      (schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType).nullable() : schema as z.ZodType)
        .optional(),
    ]),
  );
  const update = z.strictObject(patchShape).refine(nonEmpty, "nothing to change");
  const list = z.strictObject({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(200).optional(),
    ...declaration.filters,
  });
  return { ...declaration, schemas: { create, update, list } };
}

export type Resource = ReturnType<typeof defineResource>;
