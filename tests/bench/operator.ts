// An operator of the bench API for the scenarios that act as one: an owner in the catalog, its admin
// API token (POST /api/admin/login), and a console session over HTTP (a cookie jar, the sign-in
// form's CSRF token read back from the page, as a browser would).
import { upsertOperator } from "../../src/admin/operators.ts";
import { hashPassword } from "../../src/auth/password.ts";
import type { Sql } from "../../src/platform/db.ts";
import { freshAddress, hex } from "./util.ts";

const PASSWORD = "Bench-operator-42-long";

export type BenchOperator = {
  email: string;
  /** A request to the admin API with the operator's token; the response's JSON when it is `expected`. */
  admin(method: string, path: string, expected?: number): Promise<unknown>;
  /** A console page (cookie session): its status and HTML. */
  page(path: string): Promise<{ status: number; html: string }>;
  remove(): Promise<void>;
};

export async function benchOperator(url: string, control: Sql): Promise<BenchOperator> {
  const email = `bench-owner.${hex(8)}@bench.example.com`;
  await upsertOperator(control, {
    email,
    fullName: "Bench owner",
    role: "owner",
    passwordHash: await hashPassword(PASSWORD),
  });
  const remove = async () => void await control`delete from users where email = ${email}`;
  try {
    const signIn = await fetch(`${url}/api/admin/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": freshAddress() },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const { token } = await signIn.json();
    if (signIn.status !== 200 || !token) throw new Error(`POST /api/admin/login: ${signIn.status}`);

    const jar = new Map<string, string>();
    const send = async (method: string, path: string, form?: Record<string, string>) => {
      const headers: Record<string, string> = { "X-Forwarded-For": "10.255.0.1" };
      if (jar.size) headers.Cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
      const body = form && new URLSearchParams(form);
      if (body) headers["Content-Type"] = "application/x-www-form-urlencoded";
      const res = await fetch(`${url}${path}`, { method, headers, body, redirect: "manual" });
      for (const line of res.headers.getSetCookie()) {
        const pair = line.split(";")[0];
        jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
      }
      return { status: res.status, html: await res.text() };
    };
    const form = await send("GET", "/console/login");
    const csrf = form.html.match(/name="_csrf" value="([^"]+)"/)?.[1];
    if (!csrf) throw new Error("GET /console/login: no CSRF field");
    const session = await send("POST", "/console/login", {
      _csrf: csrf,
      email,
      password: PASSWORD,
      next: "/console",
    });
    if (session.status !== 303 && session.status !== 302) {
      throw new Error(`console sign-in: ${session.status}`);
    }

    return {
      email,
      async admin(method, path, expected = 200) {
        const res = await fetch(`${url}/api/admin${path}`, {
          method,
          headers: { Authorization: `Bearer ${token}` },
        });
        const text = await res.text();
        if (res.status !== expected) {
          throw new Error(`${method} /api/admin${path}: ${res.status} ${text.slice(0, 300)}`);
        }
        return JSON.parse(text);
      },
      page: (path) => send("GET", path),
      remove,
    };
  } catch (error) {
    await remove();
    throw error;
  }
}
