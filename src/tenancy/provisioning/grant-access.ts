// Step 3: PUBLIC may not connect; the app role may (spares were granted already; a clone was not).
import { restrictConnect } from "../control-plane.ts";
import type { Step } from "./types.ts";

export const grantAccess: Step = {
  name: "grant-access",
  run: (p, deps) => restrictConnect(deps, p.databaseName),
};
