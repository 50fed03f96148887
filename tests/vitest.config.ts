// The suite runs under Deno against one real stack (PostgreSQL + PgBouncer) booted by global-setup.
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig, type Plugin } from "vitest/config";

// Deno imports the console's assets as text (`with { type: "text" }`); Vite ignores the attribute and
// would run the file as a module, so each such import becomes Vite's `?raw`, which gives the same text.
const textImports: Plugin = {
  name: "deno-text-imports",
  enforce: "pre",
  transform(code) {
    if (!code.includes('type: "text"')) return;
    return code.replace(/from\s+"([^"]+)"\s+with\s+\{\s*type:\s*"text"\s*\}/g, 'from "$1?raw"');
  },
};

const FLOODS = "tests/**/*flood*.test.ts";
// Runs alone after the suite too: see its own note.
const ALONE = "tests/admin/archive-under-load.test.ts";

export default defineConfig({
  plugins: [textImports],
  // As deno.json's compilerOptions: the console's pages are hono/jsx.
  oxc: { jsx: { runtime: "automatic", importSource: "hono/jsx" } },
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    // The files wait on PostgreSQL, PgBouncer and child processes far more than they compute: three
    // at a time on two cores (Vitest's default here is one, and the suite would take the sum).
    maxWorkers: 3,
    // Vitest empties CSS imports by default; the console serves its stylesheets' text.
    css: { include: [/\.css(\?|$)/] },
    // Floods load the whole machine: they run alone, after the rest, so that neither distorts the
    // other's timings (the root's globalSetup runs once, for both).
    projects: [
      {
        extends: true,
        test: {
          name: "suite",
          include: ["tests/**/*.test.ts"],
          exclude: [...configDefaults.exclude, FLOODS, ALONE],
        },
      },
      {
        extends: true,
        // One file at a time, so neither loads the machine under the other.
        test: {
          name: "floods",
          include: [FLOODS, ALONE],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
