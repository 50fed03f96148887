// One JSON line per request on stdout: what an operator greps when a client reports an error.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./app-env.ts";

export function accessLog() {
  return createMiddleware<AppEnv>(async function accessLog(c, next) {
    const started = performance.now();
    await next();
    console.log(JSON.stringify({
      at: new Date().toISOString(),
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    }));
  });
}
