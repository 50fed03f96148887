// CORS for a browser front end on another origin: only the configured origins, with Authorization and
// X-Agency-Database allowed, preflights answered, never credentials; no CORS headers at all when
// CORS_ORIGINS is unset; a bad origin list stops start-up.
import { expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { testApp } from "../support/stack.ts";

const FRONT = "https://app.example.com";
const { app } = testApp({ CORS_ORIGINS: `${FRONT}, http://localhost:5173` });
const closed = testApp({});

const preflight = (target: typeof app, origin: string) =>
  target.request("/api/clients", {
    method: "OPTIONS",
    headers: {
      Origin: origin,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "authorization, content-type, x-agency-database",
    },
  });

it("answers a preflight from an allowed origin with the headers the front end sends", async () => {
  const res = await preflight(app, FRONT);
  expect(res.status).toBe(204);
  expect(res.headers.get("access-control-allow-origin")).toBe(FRONT);
  const allowed = res.headers.get("access-control-allow-headers")!.toLowerCase().split(/,\s*/);
  expect(allowed).toEqual(expect.arrayContaining(["authorization", "content-type", "x-agency-database"]));
  expect(res.headers.get("access-control-allow-methods")).toContain("POST");
  expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  expect(res.headers.get("vary")?.toLowerCase()).toContain("origin");
});

it("gives an origin that is not allowed no CORS grant", async () => {
  const res = await preflight(app, "https://evil.example.net");
  expect(res.headers.get("access-control-allow-origin")).toBeNull();
  const simple = await app.request("/healthz", { headers: { Origin: "https://evil.example.net" } });
  expect(simple.headers.get("access-control-allow-origin")).toBeNull();
});

it("exposes X-Request-Id and Retry-After on actual responses to an allowed origin", async () => {
  const res = await app.request("/api/clients", { headers: { Origin: FRONT } });
  expect(res.status).toBe(401); // no token: the contract's answer, with the CORS grant
  expect(res.headers.get("access-control-allow-origin")).toBe(FRONT);
  expect(res.headers.get("access-control-expose-headers")?.toLowerCase()).toContain("x-request-id");
});

it("sends no CORS headers when CORS_ORIGINS is unset", async () => {
  const res = await preflight(closed.app, FRONT);
  expect(res.headers.get("access-control-allow-origin")).toBeNull();
});

it("refuses an origin list that is not origins", () => {
  expect(() => loadConfig({ CORS_ORIGINS: "app.example.com" })).toThrow(/CORS_ORIGINS/);
  expect(() => loadConfig({ CORS_ORIGINS: "https://a.example.com/path" })).toThrow(/CORS_ORIGINS/);
  expect(loadConfig({ CORS_ORIGINS: "*" }).CORS_ORIGINS).toEqual(["*"]);
});
