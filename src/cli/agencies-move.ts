// `deno task agencies:move <id|database> --to CLUSTER`: moves an agency to another cluster online
// (src/tenancy/mover), printing each step as it starts and the timings at the end. Run again after
// an interruption, it undoes the interrupted move (or finishes it, if it had switched) first.
import { parseArgs } from "node:util";
import { moveAgency, moverDeps } from "../tenancy/mover/index.ts";
import { withCliContext } from "./context.ts";
import { exitOnError } from "./exit.ts";
import { table } from "./output.ts";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { to: { type: "string" } } });
const [target] = positionals;

await exitOnError(() =>
  withCliContext(async ({ config, lifecycle }) => {
    if (!target || !values.to) throw new Error("usage: agencies:move <id|database> --to CLUSTER");
    const started = performance.now();
    const deps = moverDeps(lifecycle, config, {
      beforeStep: (step) =>
        console.log(`move: ${step} (${((performance.now() - started) / 1000).toFixed(1)} s)`),
    });
    const result = await moveAgency(deps, target, values.to, { actor: "cli" });
    console.log(table([{ move: result.move, from: result.from, to: result.to, ...result.timings }]));
    const { verification } = result;
    console.log(
      verification.verified === true
        ? `verified: ${verification.tables} tables, ${verification.rows} rows equal on both sides`
        : `NOT verified: ${verification.reason ?? `tables differ: ${verification.differing?.join(", ")}`}`,
    );
    if (verification.verified === false) Deno.exit(1);
  })
);
