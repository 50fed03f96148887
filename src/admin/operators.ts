// Platform operators: the catalog's users table (global authentication, not agency users).
import type { Sql } from "../platform/db.ts";
import type { PlatformClaims } from "../auth/tokens.ts";

export type Operator = {
  id: string;
  email: string;
  fullName: string;
  role: PlatformClaims["role"];
  isActive: boolean;
  passwordHash: string;
};

export async function findOperator(sql: Sql, by: { email: string } | { id: string }) {
  const [operator] = "email" in by
    ? await sql<Operator[]>`
      select id, email, full_name, role, is_active, password_hash from users where email = ${by.email}`
    : await sql<Operator[]>`
      select id, email, full_name, role, is_active, password_hash from users where id = ${by.id}`;
  return operator as Operator | undefined;
}

/** Creates an operator, or resets the password, name and role of an existing one. */
export async function upsertOperator(
  sql: Sql,
  operator: Pick<Operator, "email" | "fullName" | "role" | "passwordHash">,
): Promise<string> {
  const [{ id }] = await sql<{ id: string }[]>`
    insert into users (email, full_name, role, password_hash)
    values (${operator.email}, ${operator.fullName}, ${operator.role}, ${operator.passwordHash})
    on conflict (email) do update
      set full_name = excluded.full_name, role = excluded.role, password_hash = excluded.password_hash, is_active = true
    returning id`;
  return id;
}
