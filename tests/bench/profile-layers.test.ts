// The bench's profile attribution (profile-layers.ts) on a hand-made V8 profile: a frame goes to its
// layer, a built-in and Deno's own JavaScript to their caller's, the runtime's loop to the runtime.
import { describe, expect, it } from "vitest";
import { attribute, type CpuProfile, RUNTIME } from "./profile-layers.ts";

const root = new URL("../../", import.meta.url).href;
const npm = (pkg: string, file: string) => `${root}node_modules/.deno/${pkg}/node_modules/${file}`;
const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
  id,
  callFrame: { functionName, url, lineNumber: 0 },
  children,
});

// (root) → Hono's dispatch → verifyToken → RegExp exec (a built-in)
//                          → c.json
//        → postgres.js write → node:net (ext:) → writeBuffer (a built-in)
//        → Deno.serve's loop (ext:), garbage collector, idle
const profile: CpuProfile = {
  nodes: [
    frame(1, "(root)", "", [2, 6, 9, 10, 11]),
    frame(2, "dispatch", npm("hono@4.13.19", "hono/dist/compose.js"), [3, 12]),
    frame(3, "verifyToken", `${root}src/http/tenant/verify-token.ts`, [4]),
    frame(4, "exec", ""),
    frame(6, "write", npm("postgres@3.4.9", "postgres/src/connection.js"), [7]),
    frame(7, "write", "ext:deno_node/net.ts", [8]),
    frame(8, "writeBuffer", ""),
    frame(9, "fastSyncResponseOrStream", "ext:deno_http/00_serve.ts"),
    frame(10, "(garbage collector)", ""),
    frame(11, "(idle)", ""),
    frame(12, "json", npm("hono@4.13.19", "hono/dist/context.js")),
  ],
  samples: [4, 8, 9, 10, 11, 12, 4],
  timeDeltas: [100, 200, 50, 30, 1000, 70, 100],
};

describe("profile attribution by layer", () => {
  const result = attribute(profile);
  const layer = (prefix: string) => result.layers.find((l) => l.layer.startsWith(prefix))!;

  it("gives each sample's time to one layer, idle apart", () => {
    expect(result.idleUs).toBe(1000);
    expect(result.busyUs).toBe(550);
    expect(result.layers.reduce((a, l) => a + l.selfUs, 0)).toBe(550);
  });

  it("counts a built-in and Deno's JavaScript for the frame that called them", () => {
    expect(layer("token verification").selfUs).toBe(200);
    expect(layer("postgres.js").selfUs).toBe(200);
    expect(layer("postgres.js").top[0]).toEqual({ name: "writeBuffer", us: 200 });
    expect(layer(RUNTIME).selfUs).toBe(50);
    expect(layer("garbage collection").selfUs).toBe(30);
    expect(layer("row mapping and JSON").selfUs).toBe(70);
  });

  it("counts inclusive time once per sample for every layer on the stack", () => {
    expect(layer("Hono and the middleware chain").selfUs).toBe(0);
    expect(layer("Hono and the middleware chain").inclusiveUs).toBe(270);
    expect(layer("token verification").inclusiveUs).toBe(200);
  });
});
