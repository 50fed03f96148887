// Keyset cursors over (created_at to the microsecond, id): stable under inserts and deletes.
import { z } from "zod";
import { badRequest } from "./errors.ts";

export const encodeCursor = (key: string, id: string) => btoa(`${key}|${id}`).replaceAll("=", "");

export function decodeCursor(cursor: string): { key: string; id: string } {
  let decoded = "";
  try {
    decoded = atob(cursor);
  } catch { /* reported below */ }
  const [key, id] = decoded.split("|");
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/.test(key ?? "") || !z.uuid().safeParse(id).success) {
    throw badRequest("Invalid cursor", [{ path: "cursor", message: "is not a cursor from a previous page" }]);
  }
  return { key, id };
}
