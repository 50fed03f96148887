// The console's errors as a page, not the API's JSON: a refused or expired form, a missing agency, a
// bad search. Bugs go on to the app's error handler, which logs them.
import type { Context } from "hono";
import type { ApiError } from "../../../platform/errors.ts";
import type { ConsoleEnv } from "../session.ts";
import { Layout, Notice } from "./layout.tsx";

const TITLES: Record<number, string> = { 400: "Not understood", 403: "Not allowed", 404: "Not found" };

export function renderErrorPage(c: Context<ConsoleEnv>, error: ApiError) {
  return c.html(
    <Layout title={TITLES[error.status] ?? "Something went wrong"} session={c.var.session}>
      <Notice kind="error">{error.message}</Notice>
      <p>
        <a href="/console">Back to the fleet</a>
      </p>
    </Layout>,
    error.status,
    error.extra.headers,
  );
}
