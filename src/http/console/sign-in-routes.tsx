// Sign-in: the operator accounts and failure limits of POST /api/admin/login, answered with a session
// cookie instead of a bearer token.
import { Hono } from "hono";
import type { OperatorAuth } from "../../admin/operator-auth.ts";
import { credentialsSchema } from "../../auth/schemas.ts";
import { ApiError } from "../../platform/errors.ts";
import { SignInPage } from "./pages/sign-in.tsx";
import { type ConsoleEnv, type ConsoleSessions, CSRF_FIELD } from "./session.ts";

/** Back where the visitor was going, only ever a console page of this site. */
const nextPage = (next: unknown) =>
  typeof next === "string" && /^\/console([/?]|$)/.test(next) ? next : "/console";

export function signInRoutes(
  { sessions, operators }: { sessions: ConsoleSessions; operators: OperatorAuth },
) {
  return new Hono<ConsoleEnv>()
    .get("/login", async (c) => {
      const next = nextPage(c.req.query("next"));
      if (await sessions.isOpen(c)) return c.redirect(next, 303);
      return c.html(<SignInPage csrf={sessions.signInToken(c)} next={next} />);
    })
    .post("/login", async (c) => {
      const form = await c.req.parseBody();
      sessions.checkSignInToken(c, form[CSRF_FIELD]);
      const next = nextPage(form.next);
      const again = (status: 400 | 401 | 429, error: string, headers?: Record<string, string>) =>
        c.html(
          <SignInPage
            csrf={sessions.signInToken(c)}
            next={next}
            email={String(form.email ?? "")}
            error={error}
          />,
          status,
          headers,
        );
      const parsed = credentialsSchema.safeParse({ email: form.email, password: form.password });
      if (!parsed.success) return again(400, "Enter an email and a password.");
      try {
        const operator = await operators.signIn(parsed.data.email, parsed.data.password);
        await sessions.open(c, operator);
        return c.redirect(next, 303);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 429)) {
          return again(error.status, error.message, error.extra.headers);
        }
        throw error;
      }
    });
}
