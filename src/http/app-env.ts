// The Hono environment every route shares: the request's variables, each declared beside the middleware
// that sets it (hono/request-id, the tenant boundary's steps, the platform boundary).
import type { Context } from "hono";
import type { RequestIdVariables } from "hono/request-id";
import type { OperatorVariables } from "./platform-middleware.ts";
import type { TenantVariables } from "./tenant/variables.ts";

export type AppEnv = { Variables: RequestIdVariables & TenantVariables & OperatorVariables };

export type AppContext = Context<AppEnv>;
