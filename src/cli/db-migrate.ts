// `deno task db:migrate`: applies pending catalog migrations (db/main) and the app role's grants.
import { migrateCatalog } from "../catalog/migrate.ts";
import { appRoleOf } from "../config.ts";
import { exitOnError } from "./exit.ts";
import { withCliContext } from "./context.ts";

await exitOnError(() =>
  withCliContext(async ({ servers, dbmate }) => {
    await migrateCatalog(dbmate(), servers.databaseUrl, appRoleOf(servers));
    console.log("catalog migrated");
  })
);
