// The Hono environment every route and middleware shares: typed variables set with c.set().
import type { Context } from "hono";

export type AppEnv = {
  Variables: {
    requestId: string;
  };
};

export type AppContext = Context<AppEnv>;
