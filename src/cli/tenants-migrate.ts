// `deno task tenants:migrate`: migrates the tenant template (db/tenant), then refills the spare pool
// at the new version.
import { refillSpares } from "../tenancy/spares.ts";
import { prepareTemplate } from "../tenancy/template.ts";
import { exitOnError } from "./exit.ts";
import { withCliContext } from "./context.ts";

await exitOnError(() =>
  withCliContext(async ({ config, tools, controlPlane }) => {
    const version = await prepareTemplate(controlPlane, tools.dbmate);
    console.log(`template at ${version}`);
    const created = await refillSpares(controlPlane, config.SPARE_DATABASES);
    console.log(`spares created: ${created}`);
  })
);
