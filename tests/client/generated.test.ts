// src/client/api.d.ts is committed: it must be what `deno task client:generate` writes from the
// document the API serves now, so a response field changed without regenerating fails here.
import { expect, it } from "vitest";
import { clientTypes } from "../../src/client/generate.ts";
import { testApp } from "../support/stack.ts";

const { app } = testApp();

it("the committed client types match a fresh generation from GET /openapi.json", async () => {
  const served = await (await app.request("/openapi.json")).json();
  const committed = await Deno.readTextFile(new URL("../../src/client/api.d.ts", import.meta.url));
  // toBe on two 360 kB strings would print both: compare, and name the fix.
  expect(committed === await clientTypes(served), "stale: run `deno task client:generate`").toBe(true);
});
