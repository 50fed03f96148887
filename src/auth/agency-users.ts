// Users inside an agency database (users + profiles + user_roles): what login and user management
// read and write. One role per user in practice; the highest wins if several exist.
import { z } from "zod";
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
  /** Tokens issued (iat, in seconds) up to this second are refused; null when none is. */
  tokensValidAfter: number | null;
  /** jtis of this user's tokens revoked one by one and not yet expired. */
  revokedTokens: string[];
};

/** A user's key across agencies: the users cache's (the tenant boundary reads access state through
 * it; whatever changes a user's access forgets the entry). */
export const userCacheKey = (agencyId: string, userId: string) => `${agencyId}:${userId}`;

const selectUsers = (sql: Queryable, withHash = false) =>
  sql`
    select u.id, u.email, p.full_name, u.is_active, u.last_login_at, u.created_at,
      extract(epoch from u.tokens_valid_after)::int as tokens_valid_after,
      (select coalesce(string_agg(t.jti::text, ','), '') from revoked_tokens t
        where t.user_id = u.id and t.expires_at > now()) as revoked_tokens,
      ${withHash ? sql`u.password_hash,` : sql``}
      (select r.role from user_roles r where r.user_id = u.id
        order by array_position(string_to_array(${AGENCY_ROLES.join(",")}, ','), r.role) limit 1) as role
    from users u join profiles p on p.user_id = u.id`;

type UserRow = Omit<AgencyUser, "revokedTokens"> & { revokedTokens: string };
const fromRow = <T extends UserRow>({ revokedTokens, ...user }: T) => ({
  ...user,
  revokedTokens: revokedTokens ? revokedTokens.split(",") : [],
});

export async function findUser(sql: Queryable, id: string): Promise<AgencyUser | undefined> {
  const [user] = await sql<UserRow[]>`${selectUsers(sql)} where u.id = ${id}`;
  return user && fromRow(user);
}

export async function findUserForLogin(sql: Queryable, id: string) {
  const [user] = await sql<(UserRow & { passwordHash: string })[]>`
    ${selectUsers(sql, true)} where u.id = ${id}`;
  return user && fromRow(user);
}

export async function listUsers(sql: Queryable, limit: number, after?: string): Promise<AgencyUser[]> {
  const rows = await sql<UserRow[]>`
    ${selectUsers(sql)} ${after ? sql`where u.id > ${after}` : sql``} order by u.id limit ${limit}`;
  return rows.map(fromRow);
}

/** Ends the user's sessions: every token issued up to this second is refused from now on. Returns
 * that second, for tokens issued afterwards (see tokenIssuedAt), or undefined for no such user. */
export async function revokeAllTokens(sql: Queryable, userId: string): Promise<number | undefined> {
  const [row] = await sql<{ cut: number }[]>`
    update users set tokens_valid_after = date_trunc('second', now()) where id = ${userId}
    returning extract(epoch from tokens_valid_after)::int as cut`;
  return row?.cut;
}

/** The iat of a token issued now to a user whose sessions were cut at `cut`: after the cut, even
 * within the same second (at most a second ahead, well within verification's clock skew). */
export const tokenIssuedAt = (cut: number | null | undefined) =>
  Math.max(Math.floor(Date.now() / 1000), (cut ?? 0) + 1);

/** Revokes one token until it expires (and forgets revocations that have expired). */
export async function revokeToken(sql: Queryable, userId: string, jti: string, expiresAtSeconds: number) {
  await sql`delete from revoked_tokens where user_id = ${userId} and expires_at <= now()`;
  await sql`
    insert into revoked_tokens (jti, user_id, expires_at)
    values (${jti}, ${userId}, to_timestamp(${expiresAtSeconds})) on conflict (jti) do nothing`;
}

/** Whether a token of this user has been revoked, one by one or with all of them. */
export const isRevoked = (user: AgencyUser, token: { jti?: string; iat: number }) =>
  (user.tokensValidAfter !== null && token.iat <= user.tokensValidAfter) ||
  (token.jti !== undefined && user.revokedTokens.includes(token.jti));

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

export async function updateUser(
  sql: Queryable,
  id: string,
  patch: { fullName?: string; role?: AgencyRole; isActive?: boolean },
): Promise<void> {
  if (patch.isActive !== undefined) {
    await sql`update users set is_active = ${patch.isActive} where id = ${id}`;
  }
  if (patch.fullName) await sql`update profiles set full_name = ${patch.fullName} where user_id = ${id}`;
  if (patch.role) {
    await sql`delete from user_roles where user_id = ${id}`;
    await sql`insert into user_roles (user_id, role) values (${id}, ${patch.role})`;
  }
}

/** A user as /api/users and /api/me answer it (never the hash or the revocations). */
export const userViewSchema = z.strictObject({
  id: z.uuid(),
  email: z.email(),
  fullName: z.string(),
  role: z.enum(AGENCY_ROLES),
  isActive: z.boolean(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
/** The user a token is issued to, as signup and login answer it. */
export const sessionUserSchema = userViewSchema.pick({ id: true, email: true, fullName: true, role: true });

type UserViewKey = keyof typeof userViewSchema.shape;
const USER_VIEW_KEYS = Object.keys(userViewSchema.shape) as UserViewKey[];

export const userView = (user: AgencyUser) =>
  Object.fromEntries(USER_VIEW_KEYS.map((key) => [key, user[key]])) as Pick<AgencyUser, UserViewKey>;
