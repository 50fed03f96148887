// The connection budget's arithmetic: PgBouncer's cap, PostgreSQL's max_connections and autovacuum's
// naptime all follow from one number, so they cannot disagree.
import { expect, it } from "vitest";
import {
  connectionBudget,
  CONTROL_CONNECTIONS,
  DEFAULT_CONNECTION_BUDGET,
  SUPERUSER_RESERVED,
} from "../../src/platform/connection-budget.ts";
import { loadConfig } from "../../src/config.ts";

it("derives the cap, max_connections and the naptime from the budget", () => {
  expect(connectionBudget(1000)).toEqual({
    appBackends: 1000,
    maxUserConnections: 999, // one slot for a backend still exiting
    maxConnections: 1000 + 40 + 3,
    autovacuumNaptimeSeconds: 250,
  });
  expect([CONTROL_CONNECTIONS, SUPERUSER_RESERVED]).toEqual([40, 3]);
  // A small budget keeps autovacuum's default pace; the cap always fits under max_connections.
  for (const n of [2, 60, 240, 5000]) {
    const b = connectionBudget(n);
    expect(b.maxUserConnections + 1 + CONTROL_CONNECTIONS + SUPERUSER_RESERVED).toBe(b.maxConnections);
    expect(b.autovacuumNaptimeSeconds).toBe(Math.max(60, Math.ceil(n / 4)));
  }
});

it("refuses a budget that is not a whole number of at least 2", () => {
  for (const bad of [0, 1, 2.5, Number.NaN]) expect(() => connectionBudget(bad)).toThrow(/at least 2/);
});

it("PG_CONNECTION_BUDGET defaults to the budget the shared tuning is written for, and is validated", () => {
  expect(loadConfig({}).PG_CONNECTION_BUDGET).toBe(DEFAULT_CONNECTION_BUDGET);
  expect(loadConfig({ PG_CONNECTION_BUDGET: "300" }).PG_CONNECTION_BUDGET).toBe(300);
  expect(() => loadConfig({ PG_CONNECTION_BUDGET: "1" })).toThrow(/PG_CONNECTION_BUDGET/);
});
