// A browser as far as the console cares, for tests that drive the app in process: a cookie jar,
// form posts, and the CSRF token read back from the page, as a browser submitting the form would.
import { afterAll, beforeAll } from "vitest";
import { upsertOperator } from "../../src/admin/operators.ts";
import { hashPassword } from "../../src/auth/password.ts";
import type { Sql } from "../../src/platform/db.ts";
import { type AnyApp, hex } from "../support/fixtures.ts";

export const OPERATOR_PASSWORD = "Operator-pass-42-long";

/** Operators created before the file's tests and removed after them: `{ owner, viewer, … }`. */
export function operators<R extends string>(control: () => Sql, su: Sql, roles: Record<R, string>) {
  const tag = hex(8);
  const made = Object.fromEntries(
    Object.keys(roles).map((name) => [name, { email: `${name}.${tag}@console.example.com`, id: "" }]),
  ) as Record<R, { email: string; id: string }>;
  beforeAll(async () => {
    const passwordHash = await hashPassword(OPERATOR_PASSWORD);
    for (const [name, role] of Object.entries(roles) as [R, string][]) {
      made[name].id = await upsertOperator(control(), {
        email: made[name].email,
        fullName: `Console ${name}`,
        role: role as "owner",
        passwordHash,
      });
    }
  });
  afterAll(async () => {
    await su`delete from users where email in ${
      su(Object.values<{ email: string }>(made).map((o) => o.email))
    }`;
  });
  return made;
}

export type Page = { status: number; headers: Headers; html: string; location: string | null };

export function browser(app: AnyApp) {
  const jar = new Map<string, string>();
  const remember = (headers: Headers) => {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      if (attributes.some((a) => /^\s*max-age=0$/i.test(a))) jar.delete(name);
      else jar.set(name, value);
    }
  };
  async function send(
    method: string,
    path: string,
    init: { form?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers };
    if (jar.size) headers.Cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const body = init.form ? new URLSearchParams(init.form) : undefined;
    if (body) headers["Content-Type"] = "application/x-www-form-urlencoded";
    const res = await app.request(path, { method, headers, body });
    remember(res.headers);
    return {
      status: res.status,
      headers: res.headers,
      html: await res.text(),
      location: res.headers.get("location"),
    };
  }
  return {
    jar,
    get: (path: string, headers?: Record<string, string>) => send("GET", path, { headers }),
    post: (path: string, form: Record<string, string>, headers?: Record<string, string>) =>
      send("POST", path, { form, headers }),
    /** Opens the sign-in page and submits it. */
    async signIn(email: string, password = OPERATOR_PASSWORD) {
      const page = await send("GET", "/console/login");
      return await send("POST", "/console/login", {
        form: { _csrf: csrfOf(page.html), email, password, next: "/console" },
      });
    },
  };
}

/** The CSRF token a page's forms carry. */
export function csrfOf(html: string): string {
  const token = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!token) throw new Error("no CSRF field on the page");
  return token;
}
