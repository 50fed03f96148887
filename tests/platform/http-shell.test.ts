import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createApp, createServices } from "../../src/app.ts";
import { validate } from "../../src/platform/validate.ts";
import { stack, testApp, testConfig } from "../support/stack.ts";

describe("HTTP shell", () => {
  const { app } = testApp();

  it("answers /healthz and tags every response with X-Request-Id", async () => {
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("keeps a caller's request id", async () => {
    const res = await app.request("/healthz", { headers: { "X-Request-Id": "trace-abc-123" } });
    expect(res.headers.get("x-request-id")).toBe("trace-abc-123");
  });

  it("is ready when the catalog and the pooler answer", async () => {
    const res = await app.request("/readyz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ready",
      checks: { catalog: true, pooler: true, clusters: { local: true } },
    });
  });

  it("is not ready, with Retry-After, when the pooler is unreachable", async () => {
    const dead = new URL(stack().servers.poolerUrl);
    dead.port = "1"; // nothing listens there
    const services = createServices(testConfig(), { ...stack().servers, poolerUrl: dead.toString() });
    try {
      const res = await createApp(services).request("/readyz");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("2");
      expect(await res.json()).toMatchObject({
        code: "unavailable",
        checks: { catalog: true, pooler: false, clusters: { local: false } },
      });
    } finally {
      await services.close();
    }
  });

  it("answers unknown routes with the contract's 404", async () => {
    for (const [method, path] of [["GET", "/nope"], ["POST", "/api/nothing-here"], ["DELETE", "/"]]) {
      const res = await app.request(path, { method });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "No such route", code: "not_found" });
    }
  });

  it("refuses a 2 MB body with 413 before reading it", async () => {
    const res = await app.request("/api/agencies", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "payload_too_large" });
  });
});

describe("validation", () => {
  // The same shell (error handler, validator hook) around a route that exists only here.
  const { services } = testApp();
  const app = createApp(services);
  const probe = new Hono().post(
    "/probe",
    validate("json", z.object({ email: z.email(), age: z.number().int().min(0) }).strict()),
    (c) => c.json(c.req.valid("json")),
  );
  app.route("/test", probe);

  it("answers malformed JSON with 400 validation_failed", async () => {
    const res = await app.request("/test/probe", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"email": "a@b.co",',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "validation_failed" });
  });

  it("names each failing field in issues", async () => {
    const res = await app.request("/test/probe", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "not-an-email", age: -1, extra: true }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe("validation_failed");
    expect(body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["", "age", "email"]);
  });
});
