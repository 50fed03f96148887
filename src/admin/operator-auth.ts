// Operator sign-in and the operator as the catalog has it now: one place for both, shared by the
// admin API's bearer login and the console's cookie sign-in, so they count failures against the same
// limit and honour removal and role changes the same way.
import { decoyHash, verifyPassword } from "../auth/password.ts";
import type { Sql } from "../platform/db.ts";
import { unauthorized } from "../platform/errors.ts";
import { createLoadingCache } from "../platform/loading-cache.ts";
import { createRateLimiter } from "../platform/rate-limit.ts";
import { findOperator, type Operator } from "./operators.ts";

export function createOperatorAuth(control: Sql) {
  const perEmail = createRateLimiter({ windowMs: 15 * 60_000, max: 10 });
  const operators = createLoadingCache<Operator>({ ttlMs: 5000, max: 10_000 });

  return {
    /** The active operator with these credentials; 401 otherwise (unknown email and wrong password
     * cost the same), 429 past the failures allowed for this email. */
    async signIn(email: string, password: string): Promise<Operator> {
      perEmail.check(email); // only failures count
      const operator = await findOperator(control, { email });
      const valid = await verifyPassword(password, operator?.passwordHash ?? await decoyHash());
      if (!operator || !valid || !operator.isActive) {
        perEmail.hit(email);
        throw unauthorized("Invalid email or password", "invalid_credentials");
      }
      await control`update users set last_login_at = now() where id = ${operator.id}`;
      return operator;
    },
    /** Briefly cached: removal, deactivation and role changes take effect within 5 s instead of when
     * a token or session expires. */
    current: (id: string) => operators.get(id, () => findOperator(control, { id })),
  };
}

export type OperatorAuth = ReturnType<typeof createOperatorAuth>;
