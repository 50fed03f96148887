// What the tenant boundary's steps (this folder, composed in src/app.ts) set for the handlers after them.
import type { VerifiedAgencyClaims } from "../../auth/tokens.ts";
import type { Agency } from "../../catalog/agencies.ts";
import type { Sql } from "../../platform/db.ts";
import type { RequestOrigin } from "../../platform/request-origin.ts";
import type { TenantDatabase } from "../../tenancy/tenant-clients.ts";

export type TenantVariables = {
  /** verifyToken: the verified token's claims; checkAccess puts the user's current role in them. */
  claims: VerifiedAgencyClaims;
  /** verifyToken: the client's address and user agent, for the audit trail. */
  origin: RequestOrigin;
  /** gateAgency: the token's agency, serving, from the catalog cache. */
  agency: Agency;
  /** chooseDatabase: where the request's queries run: the agency's primary, or one of its replicas. */
  database: TenantDatabase;
  /** connectDatabase: a client for that database (through its cluster's PgBouncer). */
  sql: Sql;
  /** Set by a handler that changed a user's access (sessions, active, role): checkAccess forgets that
   * user's cached state once the write has committed and its position is noted. */
  accessChanged?: string;
};

export type TenantEnv = { Variables: TenantVariables };
