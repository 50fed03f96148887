// `deno task layers [dir]`: the direction of src/ (STYLE.md, "Layers"). Each top-level folder or file of
// src/ is a room, and each room sits on a layer: it imports rooms on its own layer or below, never above,
// and no rooms import each other in a ring, however long. Prints each room with the rooms it imports,
// then every upward import and every ring, and exits 1 when there is one (or a room with no layer).
import { join, relative } from "node:path";

/** Bottom to top. A new room takes its place here: the check names any room it does not know. */
export const LAYERS: string[][] = [
  // Plumbing: errors, postgres.js clients, commands, tools, field formats. Imports nothing of ours.
  ["platform"],
  ["config.ts"],
  // Domain primitives: the catalog, tokens, passwords and agency users, operators, and tenancy (clients,
  // admission, placement, lifecycle, the mover).
  ["catalog", "auth", "admin", "tenancy"],
  // Capabilities built on them.
  ["audit", "limits", "settings", "resources", "backups", "ops"],
  // HTTP: every route module, the middleware that sets the request's variables, the console, the contract.
  ["http"],
  // Composition and entry points.
  ["app.ts", "server.ts", "main.ts", "cli", "stack", "client"],
];

export type Import = { from: string; to: string };
export type LayerReport = {
  /** Each room and the rooms it imports, bottom layer first. */
  rooms: { room: string; layer: number; imports: string[] }[];
  upward: Import[];
  /** Rooms that import each other (directly or through others), with the room-to-room imports among
   * them (each with its first file-to-file import and how many there are). */
  cycles: { rooms: string[]; imports: (Import & { first: Import; count: number })[] }[];
  unplaced: string[];
};

const SOURCE = /\.(ts|tsx|js)$/;
// `from "./x.ts"`, `import "./x.ts"`, `import("./x.ts")`: relative specifiers only (packages are not rooms).
const SPECIFIER = /(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

async function* sourceFiles(dir: string): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) yield* sourceFiles(path);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) yield path;
  }
}

const roomOf = (path: string) => path.split("/")[0];

/** Every import that crosses from one room into another, as paths relative to `src`. */
export async function crossingImports(src: string): Promise<Import[]> {
  const crossings: Import[] = [];
  for await (const file of sourceFiles(src)) {
    const from = relative(src, file);
    for (const [, specifier] of (await Deno.readTextFile(file)).matchAll(SPECIFIER)) {
      const to = relative(src, join(file, "..", specifier));
      if (!to.startsWith("..") && roomOf(to) !== roomOf(from)) crossings.push({ from, to });
    }
  }
  return crossings.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** Groups of rooms that reach each other (Tarjan's strongly connected components), two or more each. */
function rings(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (room: string) => {
    index.set(room, index.size);
    low.set(room, index.get(room)!);
    stack.push(room);
    for (const next of graph.get(room) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(room, Math.min(low.get(room)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(room, Math.min(low.get(room)!, index.get(next)!));
    }
    if (low.get(room) !== index.get(room)) return;
    const group: string[] = [];
    let member: string;
    do group.push(member = stack.pop()!); while (member !== room);
    if (group.length > 1) found.push(group.sort());
  };
  for (const room of [...graph.keys()].sort()) if (!index.has(room)) visit(room);
  return found;
}

export function checkLayers(crossings: Import[], layers = LAYERS): LayerReport {
  const layerOf = new Map(layers.flatMap((rooms, layer) => rooms.map((room) => [room, layer] as const)));
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of crossings) {
    graph.set(roomOf(to), graph.get(roomOf(to)) ?? new Set());
    graph.set(roomOf(from), (graph.get(roomOf(from)) ?? new Set()).add(roomOf(to)));
  }
  const rank = (room: string) => layerOf.get(room) ?? layers.length;
  const rooms = [...graph].map(([room, imports]) => ({
    room,
    layer: rank(room),
    imports: [...imports].sort(),
  }))
    .sort((a, b) => a.layer - b.layer || a.room.localeCompare(b.room));
  return {
    rooms,
    upward: crossings.filter(({ from, to }) =>
      layerOf.has(roomOf(from)) && layerOf.has(roomOf(to)) && rank(roomOf(to)) > rank(roomOf(from))
    ),
    cycles: rings(graph).map((group) => ({
      rooms: group,
      imports: group.flatMap((from) =>
        [...graph.get(from)!].filter((to) => group.includes(to)).sort().map((to) => {
          const files = crossings.filter((i) => roomOf(i.from) === from && roomOf(i.to) === to);
          return { from, to, first: files[0], count: files.length };
        })
      ),
    })),
    unplaced: rooms.map((r) => r.room).filter((room) => !layerOf.has(room)),
  };
}

export function renderReport({ rooms, upward, cycles, unplaced }: LayerReport): string {
  const arrow = ({ from, to }: Import) => `    ${from} -> ${to}`;
  const lines = [
    "Rooms of src/, bottom layer first (layer: room -> the rooms it imports):",
    ...rooms.map(({ room, layer, imports }) => `  ${layer}: ${room} -> ${imports.join(", ") || "(nothing)"}`),
    "",
    upward.length ? `Upward imports (${upward.length}):` : "Upward imports: none",
    ...upward.map(arrow),
    cycles.length ? `Cycles between rooms (${cycles.length}):` : "Cycles between rooms: none",
    ...cycles.flatMap((c) => [
      `  ${c.rooms.join(", ")}:`,
      ...c.imports.map(({ from, to, first, count }) =>
        `    ${from} -> ${to}  (${first.from} -> ${first.to}${count > 1 ? `, and ${count - 1} more` : ""})`
      ),
    ]),
  ];
  if (unplaced.length) {
    lines.push(`Rooms with no layer (add them to LAYERS in src/cli/layers.ts): ${unplaced}`);
  }
  return lines.join("\n");
}

if (import.meta.main) {
  const src = Deno.args[0] ?? new URL("..", import.meta.url).pathname;
  const report = checkLayers(await crossingImports(src));
  console.log(renderReport(report));
  if (report.upward.length || report.cycles.length || report.unplaced.length) Deno.exit(1);
}
