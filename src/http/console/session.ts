// Console sessions: a signed cookie (HttpOnly, SameSite=Strict, Secure outside development, 8 hours)
// whose token has the console's own audience, so neither an agency token nor an API operator token
// opens a page; the operator re-read from the catalog on each request (briefly cached), as the
// platform middleware does; and the CSRF token every state-changing form must carry.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { OperatorAuth } from "../../admin/operator-auth.ts";
import type { Operator } from "../../admin/operators.ts";
import type { Tokens } from "../../auth/tokens.ts";
import type { AppEnv } from "../app-env.ts";
import { forbidden } from "../../platform/errors.ts";

export type ConsoleEnv = {
  Variables: AppEnv["Variables"] & { session: { operator: Operator; csrf: string } };
};

export const CSRF_FIELD = "_csrf";
const SESSION_SECONDS = 8 * 3600;
const SIGN_IN_SECONDS = 3600;

const randomToken = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, (ch) => ({ "+": "-", "/": "_" })[ch] ?? "");
};

/** Compares without an early exit, so the time taken tells nothing about a guess. */
function sameToken(a: string, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** A second line behind the token: a browser names the site a form came from. Under a no-referrer
 * policy it sends `Origin: null`, and then only Sec-Fetch-Site tells. */
function fromThisSite(c: Context): boolean {
  const origin = c.req.header("origin");
  if (origin && origin !== "null") {
    return URL.canParse(origin) && new URL(origin).host === new URL(c.req.url).host;
  }
  const site = c.req.header("sec-fetch-site");
  return site ? site === "same-origin" : !origin;
}

export type SessionOptions = { tokens: Tokens; operators: OperatorAuth; secure: boolean };

export function consoleSessions({ tokens, operators, secure }: SessionOptions) {
  // `__Host-` binds the cookie to this host over HTTPS: a sibling subdomain cannot plant one.
  const prefix = secure ? "host" as const : undefined;
  const options = { path: "/", httpOnly: true, secure, sameSite: "Strict", prefix } as const;
  const SESSION = "buildflow_console";
  const SIGN_IN = "buildflow_console_signin";

  async function operatorOf(c: Context) {
    const token = getCookie(c, SESSION, prefix);
    const claims = token ? await tokens.verifyConsole(token).catch(() => undefined) : undefined;
    if (!claims) return undefined;
    const operator = await operators.current(claims.sub);
    return operator?.isActive ? { operator, csrf: claims.csrf } : undefined;
  }

  return {
    async open(c: Context, operator: Operator) {
      const token = await tokens.signConsole({ sub: operator.id, csrf: randomToken() }, SESSION_SECONDS);
      setCookie(c, SESSION, token, { ...options, maxAge: SESSION_SECONDS });
      deleteCookie(c, SIGN_IN, options);
    },
    close: (c: Context) => deleteCookie(c, SESSION, options),
    /** Whether the request carries a live session (the sign-in page sends such a visitor on). */
    isOpen: async (c: Context) => Boolean(await operatorOf(c)),

    /** Pages behind a session: without one, to sign-in and back. */
    required: createMiddleware<ConsoleEnv>(async function consoleSession(c, next) {
      const session = await operatorOf(c);
      if (!session) {
        const back = new URL(c.req.url);
        return c.redirect(`/console/login?next=${encodeURIComponent(back.pathname + back.search)}`, 303);
      }
      c.set("session", session);
      c.set("operator", { sub: session.operator.id, role: session.operator.role });
      await next();
    }),

    /** Every POST behind a session: its form must carry the session's token, from this site. */
    csrf: createMiddleware<ConsoleEnv>(async function consoleCsrf(c, next) {
      if (c.req.method === "POST") {
        const form = await c.req.parseBody();
        const sent = typeof form[CSRF_FIELD] === "string" ? form[CSRF_FIELD] : "";
        if (!sameToken(sent, c.var.session.csrf) || !fromThisSite(c)) {
          throw forbidden("This form has expired or did not come from the console: reload and try again");
        }
      }
      await next();
    }),

    /** Sign-in has no session yet: its form carries a token that must match a cookie set with the
     * page (double submit), so another site cannot sign a browser in to an account of its choosing. */
    signInToken(c: Context): string {
      const token = randomToken();
      setCookie(c, SIGN_IN, token, { ...options, maxAge: SIGN_IN_SECONDS });
      return token;
    },
    checkSignInToken(c: Context, sent: unknown) {
      const expected = getCookie(c, SIGN_IN, prefix) ?? "";
      if (typeof sent !== "string" || !sameToken(sent, expected) || !fromThisSite(c)) {
        throw forbidden("The sign-in form has expired or did not come from the console: reload it");
      }
    },
  };
}

export type ConsoleSessions = ReturnType<typeof consoleSessions>;
