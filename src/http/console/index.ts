// /console: the operator console, server-rendered with hono/jsx. Mounted once by the composition
// root; it adds no middleware to any other route, so agency traffic pays nothing for it.
import { Hono } from "hono";
import type { OperatorAuth } from "../../admin/operator-auth.ts";
import type { Tokens } from "../../auth/tokens.ts";
import { toApiError } from "../../platform/errors.ts";
import { assetRoutes } from "./assets.ts";
import { createFleet, type FleetDeps } from "./fleet.ts";
import { type PageDeps, pageRoutes } from "./page-routes.tsx";
import { renderErrorPage } from "./pages/error.tsx";
import { type ConsoleEnv, consoleSessions } from "./session.ts";
import { signInRoutes } from "./sign-in-routes.tsx";

export type ConsoleDeps = Omit<PageDeps, "sessions" | "fleet"> & FleetDeps & {
  tokens: Tokens;
  operators: OperatorAuth;
  /** Session cookies only over HTTPS (everywhere but development). */
  secure: boolean;
};

// Pages hold CSRF tokens and fleet data: never cached, never framed, and only this site's scripts.
// Same-origin referrers (not the API's no-referrer) so the browser names the origin of a form post.
const CONSOLE_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "same-origin",
  "Content-Security-Policy":
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
};

export function consoleRoutes(deps: ConsoleDeps) {
  const sessions = consoleSessions(deps);
  const fleet = createFleet(deps);
  return new Hono<ConsoleEnv>()
    .route("/assets", assetRoutes())
    .use(async (c, next) => {
      await next();
      for (const [name, value] of Object.entries(CONSOLE_HEADERS)) c.res.headers.set(name, value);
    })
    .route("/", signInRoutes({ sessions, operators: deps.operators }))
    .route("/", pageRoutes({ ...deps, sessions, fleet }))
    .onError((error, c) => {
      const apiError = toApiError(error);
      if (apiError.code === "internal") throw error; // a bug: the app's handler logs it
      return renderErrorPage(c, apiError);
    });
}
