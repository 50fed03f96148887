// The backoff of agencies past their lane (admission.ts), in front of the tenant boundary: such an
// agency costs the API almost nothing, even when its clients ignore Retry-After, as buggy integrations
// and scripts do. A refused request would otherwise still go through the token check, the catalog
// lookup and admission and build an error, and thousands of connections retrying at once hold the one
// event loop every agency shares.
// - Held: a 429 for an agency already told to retry later (refused within the last Retry-After) is
//   held until that time, so a client that ignores it sends about one request per connection per
//   Retry-After. At most `maxHeld` at once (each an open request: memory and a socket); past that,
//   answered at once.
// - Refused early: while an agency is told to retry later, its requests are refused before the token
//   is checked, by the agency id the token names (read, not verified) and the state of that agency's
//   lane. The unverified id only ever refuses, never admits: a forged one gets the forger a 429 only
//   when a request of the named agency would get one anyway (only its verified requests fill its lane
//   and start its backoff), and changes nothing the agency's own requests see.
import { decodeJwt } from "jose";
import { createMiddleware } from "hono/factory";
import { bearerOf } from "../auth/bearer.ts";
import { renderError } from "../platform/errors.ts";
import { type Admission, agencyRefusal, AgencyRefused, RETRY_AFTER_SECONDS } from "./admission.ts";

export type AdmissionBackoffOptions = {
  admission: Admission;
  /** 429s held at once, across agencies. */
  maxHeld: number;
};

/** An agency told to retry later: when that time comes, its held 429s go out. */
type Backoff = { over: Promise<void>; held: number };

const NAMES_MAX = 10_000;

export function createAdmissionBackoff({ admission, maxHeld }: AdmissionBackoffOptions) {
  const backoffs = new Map<string, Backoff>();
  // Agency ids by token text: a flood repeats few tokens, and decoding one was a large part of an
  // early refusal. Emptied when full: a bound, not an LRU.
  const names = new Map<string, string | undefined>();

  /** The agency id a bearer token names, unverified: for refusing only. */
  function namedAgency(token: string | undefined): string | undefined {
    if (!token) return;
    if (names.has(token)) return names.get(token);
    let name: string | undefined;
    try {
      const { agencyId } = decodeJwt(token);
      if (typeof agencyId === "string") name = agencyId;
    } catch { /* not a JWT: the tenant boundary answers it */ }
    if (names.size >= NAMES_MAX) names.clear();
    names.set(token, name);
    return name;
  }

  let held = 0;
  const counters = { refusedEarly: 0, heldTotal: 0, holdFull: 0 };

  /** The first refusal in a Retry-After starts it and goes out at once; the next ones wait it out. */
  async function hold(agency: string): Promise<void> {
    const backoff = backoffs.get(agency);
    if (!backoff) {
      const over = new Promise<void>((resolve) =>
        setTimeout(() => {
          backoffs.delete(agency);
          resolve();
        }, RETRY_AFTER_SECONDS * 1000)
      );
      backoffs.set(agency, { over, held: 0 });
      return;
    }
    if (held >= maxHeld) {
      counters.holdFull++;
      return;
    }
    held++;
    backoff.held++;
    counters.heldTotal++;
    try {
      await backoff.over;
    } finally {
      held--;
      backoff.held--;
    }
  }

  const middleware = createMiddleware(async function admissionBackoff(c, next) {
    // Only agencies in a backoff are refused early: otherwise no token is read twice.
    const named = backoffs.size ? namedAgency(bearerOf(c)) : undefined;
    if (named !== undefined && backoffs.has(named) && admission.refuseUnchecked(named)) {
      counters.refusedEarly++;
      await hold(named);
      return renderError(agencyRefusal, c);
    }
    await next();
    // Pushed out of the queue, a request has waited already: its 429 goes out at once.
    if (c.error instanceof AgencyRefused && c.error.mechanism !== "pushed_out") await hold(c.error.agency);
  });

  return {
    middleware,
    stats() {
      return {
        /** 429s held now, and at most. */
        held,
        maxHeld,
        ...counters,
        /** Agencies told to retry later, within the last Retry-After: their early requests are held. */
        agenciesHeldBack: backoffs.size,
        holding: [...backoffs].sort(([, a], [, b]) => b.held - a.held).slice(0, 10)
          .map(([agency, b]) => ({ agency, held: b.held })),
      };
    },
  };
}

export type AdmissionBackoff = ReturnType<typeof createAdmissionBackoff>;
