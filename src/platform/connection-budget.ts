// The connection budget: how many app-role backends PostgreSQL keeps for agencies, and every setting
// derived from it, so PgBouncer's cap and PostgreSQL's max_connections can never disagree. Slots are
// cheap (an idle backend after agency queries costs a few MB of private memory: deno task bench
// reports the figure); churn is not (a new backend costs a fork, a login and a cold catalog cache).

/** The default: 1,000 warm agency pools (about 1.5 GB of backends on this kind of machine). */
export const DEFAULT_CONNECTION_BUDGET = 1000;

/** Direct connections beside the budget: each API instance's control pool (4) and change listener,
 * advisory-lock sessions, the CLIs, and tenants:migrate (a lock session plus dbmate per worker). */
export const CONTROL_CONNECTIONS = 40;
/** PostgreSQL's own default, kept for the superuser (maintenance, the bootstrap). */
export const SUPERUSER_RESERVED = 3;

export type ConnectionBudget = {
  /** App-role backends PostgreSQL may hold for agencies. */
  appBackends: number;
  /** PgBouncer's global cap (max_user_connections): one below, for a backend PgBouncer has already
   * closed and counted free while PostgreSQL still lists it until it exits. */
  maxUserConnections: number;
  maxConnections: number;
  /** Scaled to the databases the budget serves: the launcher starts a worker every naptime/databases,
   * and each start is a new backend. */
  autovacuumNaptimeSeconds: number;
};

export function connectionBudget(appBackends: number): ConnectionBudget {
  if (!Number.isInteger(appBackends) || appBackends < 2) {
    throw new Error(`a connection budget is a whole number of at least 2 backends, not ${appBackends}`);
  }
  return {
    appBackends,
    maxUserConnections: appBackends - 1,
    maxConnections: appBackends + CONTROL_CONNECTIONS + SUPERUSER_RESERVED,
    autovacuumNaptimeSeconds: Math.max(60, Math.ceil(appBackends / 4)),
  };
}
