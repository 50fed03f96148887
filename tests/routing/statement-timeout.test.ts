// A runaway query cannot hold a server connection: the app role's statement_timeout (set by the stack,
// as in compose.yaml) cancels it through PgBouncer, and the request path answers 503 with Retry-After,
// never 500. The control plane (admin role) is not limited.
import { expect, it } from "vitest";
import { toApiError } from "../../src/platform/errors.ts";
import { APP_ROLE_LIMITS } from "../../src/stack/index.ts";
import { signupAgency } from "../support/fixtures.ts";
import { testApp } from "../support/stack.ts";

const { app, services } = testApp({ TRUST_PROXY: "true" });

it("cancels a statement past the app role's statement_timeout; the request answers 503", async () => {
  const tenant = await signupAgency(app, "stmt");
  const limit = APP_ROLE_LIMITS.statementTimeoutMs;
  const settings = await services.tenantClients.use(
    tenant.agency,
    (sql) =>
      sql<{ statementTimeout: string; idle: string }[]>`
      select current_setting('statement_timeout') as statement_timeout,
        current_setting('idle_in_transaction_session_timeout') as idle`,
  );
  expect(settings[0]).toEqual({
    statementTimeout: `${limit / 1000}s`,
    idle: `${APP_ROLE_LIMITS.idleInTransactionTimeoutMs / 1000}s`,
  });

  const started = performance.now();
  const error = await services.tenantClients.use(
    tenant.agency,
    (sql) => sql`select pg_sleep(${(limit / 1000) * 3})`,
  ).then(() => undefined, (e) => e);
  const elapsed = performance.now() - started;
  expect(error?.code).toBe("57014"); // query_canceled
  expect(elapsed).toBeGreaterThanOrEqual(limit - 100);
  expect(elapsed).toBeLessThan(limit * 2);
  const api = toApiError(error);
  expect([api.status, api.code, api.extra.headers?.["Retry-After"]]).toEqual([503, "unavailable", "2"]);

  // The agency's client is still usable afterwards.
  const [{ one }] = await services.tenantClients.use(tenant.agency, (sql) => sql`select 1 as one`);
  expect(one).toBe(1);
  // The control plane is not bound by it.
  const [{ setting }] = await services.control<{ setting: string }[]>`
    select current_setting('statement_timeout') as setting`;
  expect(setting).toBe("0");
}, 30_000);
