// Users inside an agency database (users + profiles + user_roles): what login and user management
// read and write. One role per user in practice; the highest wins if several exist.
import type { Queryable } from "../platform/db.ts";
import type { AgencyRole } from "./tokens.ts";

export const AGENCY_ROLES = ["admin", "manager", "accountant", "employee"] as const satisfies AgencyRole[];

export type AgencyUser = {
  id: string;
  email: string;
  fullName: string;
  role: AgencyRole;
  isActive: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

const selectUsers = (sql: Queryable, withHash = false) =>
  sql`
    select u.id, u.email, p.full_name, u.is_active, u.last_login_at, u.created_at,
      ${withHash ? sql`u.password_hash,` : sql``}
      (select r.role from user_roles r where r.user_id = u.id
        order by array_position(string_to_array(${AGENCY_ROLES.join(",")}, ','), r.role) limit 1) as role
    from users u join profiles p on p.user_id = u.id`;

export async function findUser(sql: Queryable, id: string): Promise<AgencyUser | undefined> {
  const [user] = await sql<AgencyUser[]>`${selectUsers(sql)} where u.id = ${id}`;
  return user;
}

export async function findUserForLogin(sql: Queryable, id: string) {
  const [user] = await sql<(AgencyUser & { passwordHash: string })[]>`
    ${selectUsers(sql, true)} where u.id = ${id}`;
  return user;
}

export async function listUsers(sql: Queryable, limit: number, after?: string): Promise<AgencyUser[]> {
  return await sql<AgencyUser[]>`
    ${selectUsers(sql)} ${after ? sql`where u.id > ${after}` : sql``} order by u.id limit ${limit}`;
}

export async function insertUser(
  sql: Queryable,
  user: { email: string; passwordHash: string; fullName: string; role: AgencyRole },
): Promise<string> {
  const [{ id }] = await sql<{ id: string }[]>`
    insert into users (email, password_hash) values (${user.email}, ${user.passwordHash}) returning id`;
  await sql`insert into profiles (user_id, full_name) values (${id}, ${user.fullName})`;
  await sql`insert into user_roles (user_id, role) values (${id}, ${user.role})`;
  return id;
}

export const userView = ({ id, email, fullName, role, isActive, lastLoginAt, createdAt }: AgencyUser) => ({
  id,
  email,
  fullName,
  role,
  isActive,
  lastLoginAt,
  createdAt,
});
