// Catalog migrations (dbmate, db/main) and the app role's read access to the catalog.
import postgres from "postgres";
import { CATALOG_MIGRATIONS, dbmate } from "../platform/dbmate.ts";

/** Applies pending catalog migrations, then grants the request-serving role what it reads. */
export async function migrateCatalog(dbmateBin: string, databaseUrl: string, appRole: string): Promise<void> {
  await dbmate(dbmateBin, databaseUrl, CATALOG_MIGRATIONS, "migrate");
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`grant usage on schema public to ${sql(appRole)}`;
    // Read-only: the data plane resolves agencies and logins; all writes go through the control plane.
    await sql`grant select on agencies, user_directory, subscription_plans, gst_rates to ${sql(appRole)}`;
  } finally {
    await sql.end();
  }
}
