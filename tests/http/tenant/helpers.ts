// What the tests of the tenant boundary's steps share: an app of the step under test, composed as
// src/app.ts composes the boundary (one `every`, the handler after it), behind a stand-in for the steps
// before it (the variables they set), answering errors in the contract's shape.
import { Hono, type MiddlewareHandler } from "hono";
import { every } from "hono/combine";
import { createMiddleware } from "hono/factory";
import type { AppContext, AppEnv } from "../../../src/http/app-env.ts";
import { renderError, toApiError } from "../../../src/platform/errors.ts";

type Variables = Partial<AppEnv["Variables"]>;

/** Sets what the steps before the one under test would have set. */
export const given = (variables: Variables | ((c: AppContext) => Variables | Promise<Variables>)) =>
  createMiddleware<AppEnv>(async function given(c, next) {
    const values = typeof variables === "function" ? await variables(c) : variables;
    for (const [name, value] of Object.entries(values)) c.set(name as keyof Variables, value as never);
    await next();
  });

/** An app answering every method on / with `handler`, behind `steps`. */
export function stepApp(
  steps: MiddlewareHandler[],
  handler: (c: AppContext) => Response | Promise<Response>,
) {
  const app = new Hono<AppEnv>();
  app.onError((error, c) => renderError(toApiError(error), c));
  return app.use(every(...steps)).all("/", handler);
}
