// A V8 CPU profile (the DevTools protocol's Profiler.stop) attributed to the API's layers: each frame
// goes to a layer by its script (src/ file or package) and, inside a few files, by function. A
// built-in function (no script: Array.prototype.map, RegExp exec, JSON.parse …) counts for the frame
// that called it, except JSON.stringify, which is the response's serialization. Self time is the
// sampled time at the top of the stack; inclusive time is the time with the layer anywhere on the
// stack (the synchronous part: an async function's continuation starts a new stack). Deno's own
// JavaScript (ext:, node:) counts for the frame that called into it too — postgres.js's socket
// writes through node:net are postgres.js's — and only for the runtime when nothing of ours or of a
// package is below it (Deno.serve's loop, timers, the microtask queue).

type CallFrame = { functionName: string; url: string; lineNumber: number };
type Node = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

export const IDLE = "(idle)";
const FLOOR = "tests/bench/floor-server.ts";
export const OTHER = "other (our code not listed above)";

/** Layers in the order they are tried: the first whose test matches a frame takes it. */
const LAYERS: [string, (where: string, fn: string) => boolean][] = [
  ["garbage collection", (w) => w === "(garbage collector)"],
  [
    "native, outside JavaScript (V8's (program): Deno's Rust side, sockets, HTTP parsing)",
    (w) => w === "(program)",
  ],
  [IDLE, (w) => w === "(idle)"],
  [
    "token verification (jose)",
    (w) => /^src\/http\/tenant\/verify-token\.ts|^src\/auth\/(tokens|bearer)\.ts|^jose@/.test(w),
  ],
  [
    "agency and user caches",
    (w) =>
      /^src\/http\/tenant\/(gate-agency|check-access)\.ts|^src\/tenancy\/agency-(cache|gate)\.ts|^src\/platform\/loading-cache\.ts|^src\/auth\/agency-users\.ts/
        .test(w),
  ],
  ["admission", (w) => /^src\/http\/tenant\/admit\.ts|^src\/tenancy\/admission(-backoff)?\.ts/.test(w)],
  [
    "replica routing",
    (w) =>
      /^src\/http\/tenant\/(choose-database|retry-on-primary|issue-consistency-token)\.ts|^src\/tenancy\/replica-router\.ts/
        .test(w),
  ],
  [
    "agency client registry",
    (w) => /^src\/http\/tenant\/connect-database\.ts|^src\/tenancy\/tenant-clients\.ts/.test(w),
  ],
  ["request validation (zod)", (w) => /^src\/platform\/validate\.ts|^zod@|^@hono\+zod-validator@/.test(w)],
  // A page's rows (keysetPage), postgres.js's decoding of each row, c.json (JSON.stringify runs
  // inside it: V8 shows no frame of its own for it) and the floor's json().
  ["row mapping and JSON", (w, fn) =>
    (w.startsWith("src/platform/cursor.ts") && fn === "keysetPage") ||
    (/^postgres@/.test(w) && (fn === "DataRow" || /\/types\.js/.test(w))) ||
    (/^hono@.*\/context\.js/.test(w) && fn === "json") || (w === FLOOR && fn === "json") ||
    (w === "" && fn === "stringify")],
  [
    "the route and its query builder (resource-routes, resources/, cursor)",
    (w) => /^src\/http\/resource-routes\.ts|^src\/resources\/|^src\/platform\/(cursor|db)\.ts/.test(w),
  ],
  ["postgres.js", (w) => /^postgres@/.test(w)],
  [
    "Hono and the middleware chain",
    (w) => /^hono@|^src\/(app|server|main)\.ts|^src\/http\/|^src\/ops\/|^src\/limits\//.test(w),
  ],
  [OTHER, (w) => w.startsWith("src/")],
  ["the floor's handler (tests/bench/floor-server.ts)", (w) => w === FLOOR],
  ["other (packages not listed above)", () => true],
];
export const RUNTIME = "Deno runtime (Deno.serve's loop, timers, microtasks: nothing of ours below)";
export const LAYER_NAMES = [...LAYERS.map(([name]) => name), RUNTIME];

const ROOT = new URL("../../", import.meta.url).href;
/** A frame's script: repository-relative (src/…), in a package (hono@4.13.19/dist/…), the runtime's
 * (ext:…, node:…), V8's own ((program) …), or "" for a built-in. */
const whereOf = ({ url, functionName }: CallFrame) =>
  url
    ? url.replace(ROOT, "").replace(
      /^(.*\/)?node_modules\/\.deno\/([^/]+)\/node_modules\/(@[^/]+\/)?[^/]+\//,
      "$2/",
    )
    : functionName.startsWith("(")
    ? functionName
    : "";

export type LayerTime = {
  layer: string;
  selfUs: number;
  inclusiveUs: number;
  /** The functions with the most self time in this layer. */
  top: { name: string; us: number }[];
};

export type Attribution = {
  /** Sampled time the thread was busy (not idle), µs. */
  busyUs: number;
  idleUs: number;
  samples: number;
  layers: LayerTime[];
};

export function attribute(profile: CpuProfile): Attribution {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = (n: Node): string | undefined => {
    const where = whereOf(n.callFrame);
    if (where === "" && n.callFrame.functionName !== "stringify") return undefined; // a built-in
    if (where === "(root)" || /^(ext|node):/.test(where)) return undefined; // the runtime
    return LAYERS.find(([, test]) => test(where, n.callFrame.functionName))![0];
  };
  // A node's layer: its own, or for a built-in or the runtime its caller's.
  const layerCache = new Map<number, string>();
  const layerOf = (id: number): string => {
    const cached = layerCache.get(id);
    if (cached) return cached;
    const node = byId.get(id)!;
    const up = parent.get(id);
    const layer = own(node) ?? (up === undefined ? RUNTIME : layerOf(up));
    layerCache.set(id, layer);
    return layer;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const functions = new Map<string, Map<string, number>>();
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const layer = layerOf(id);
    self.set(layer, (self.get(layer) ?? 0) + us);
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = whereOf({ functionName, url, lineNumber });
    const name = `${functionName || "(anonymous)"}${url ? ` ${where}:${lineNumber + 1}` : ""}`;
    const fns = functions.get(layer) ?? new Map<string, number>();
    fns.set(name, (fns.get(name) ?? 0) + us);
    functions.set(layer, fns);
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (own(byId.get(at)!) !== undefined || at === id) onStack.add(layerOf(at));
    }
    for (const l of onStack) inclusive.set(l, (inclusive.get(l) ?? 0) + us);
  });
  const idleUs = self.get(IDLE) ?? 0;
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return {
    busyUs: total - idleUs,
    idleUs,
    samples: profile.samples.length,
    layers: LAYER_NAMES.filter((l) => l !== IDLE).map((layer) => ({
      layer,
      selfUs: self.get(layer) ?? 0,
      inclusiveUs: inclusive.get(layer) ?? 0,
      top: [...(functions.get(layer) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 4)
        .map(([name, us]) => ({ name, us })),
    })),
  };
}
