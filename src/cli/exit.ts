// Command-line entry points: a known failure prints its message and exits 1, without a stack trace.
import { ConfigError } from "../config.ts";
import { CommandError } from "../platform/command.ts";
import { ApiError } from "../platform/errors.ts";
import { MissingToolsError } from "../platform/tools.ts";
import { ClusterConfigError } from "../tenancy/cluster-directory.ts";

export async function exitOnError(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof MissingToolsError ||
      error instanceof CommandError || error instanceof ClusterConfigError || error instanceof ApiError;
    console.error(known ? (error as Error).message : error);
    Deno.exit(1);
  }
}
