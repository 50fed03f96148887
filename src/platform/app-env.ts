// The Hono environment every route and middleware shares: typed variables set with c.set().
import type { Context } from "hono";
import type { PlatformClaims, VerifiedAgencyClaims } from "../auth/tokens.ts";
import type { Agency } from "../catalog/agencies.ts";
import type { Sql } from "./db.ts";
import type { RequestOrigin } from "./request-origin.ts";

export type AppEnv = {
  Variables: {
    requestId: string;
    /** Set by the tenant middleware: the verified token's claims. */
    claims: VerifiedAgencyClaims;
    /** Set by the tenant middleware: the token's agency, active, from the catalog cache. */
    agency: Agency;
    /** Set by the tenant middleware: a client for this agency's database (through PgBouncer). */
    sql: Sql;
    /** Set by the tenant middleware: the client's address and user agent, for the audit trail. */
    origin: RequestOrigin;
    /** Set by a handler that changed a user's access (sessions, active, role): the tenant middleware
     * forgets that user's cached state once the write has committed and its position is noted. */
    accessChanged?: string;
    /** Set by the platform middleware: the verified operator token's claims. */
    operator: PlatformClaims;
  };
};

export type AppContext = Context<AppEnv>;
