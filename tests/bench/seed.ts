// Seeds bench agencies directly (no HTTP signup, no argon2 per agency): each agency is a template
// clone (the app's cloneTemplate, as a signup without spares does it) with its catalog row, CONNECT
// grant, 3 users sharing one precomputed password hash, 20 projects and 20 tasks, and directory rows.
// This is the same database work as provisionAgency minus the per-signup hash.
import { hashPassword } from "../../src/auth/password.ts";
import type { Tokens } from "../../src/auth/tokens.ts";
import { restrictConnect } from "../../src/tenancy/control-plane.ts";
import { agencyDatabaseName } from "../../src/tenancy/database-name.ts";
import { cloneTemplate } from "../../src/tenancy/template.ts";
import { type BenchStack, withSql } from "./stack.ts";
import { mapLimit } from "../../src/platform/map-limit.ts";
import { hex } from "./util.ts";

export const BENCH_PASSWORD = "Bench-horse-9-battery";
export const USERS_PER_AGENCY = 3;
export const PROJECTS_PER_AGENCY = 20;
export const TASKS_PER_AGENCY = 20;

export type SeededAgency = {
  index: number;
  id: string;
  databaseName: string;
  users: { id: string; email: string }[];
  /** An admin token for the first user. */
  token: string;
};

export type Seeder = {
  agencies: SeededAgency[];
  /** Seeds agencies until there are `total`; returns the time spent. */
  growTo(total: number, progress?: (done: number, total: number) => void): Promise<number>;
  seedMs: number;
  cloneMs: number[];
};

/** Seeds on the bench's stack, or on a cluster of a scenario's own stack (its control plane, template
 * version and admin URLs). */
export async function createSeeder(
  stack: Pick<BenchStack, "controlPlane" | "templateVersion" | "adminUrl">,
  tokens: Tokens,
  { concurrency = 4 }: { concurrency?: number } = {},
): Promise<Seeder> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const run = hex(6); // unique per bench run: domains and emails never clash with an earlier run
  const cp = stack.controlPlane;
  const { control } = cp;
  const seeder: Seeder = {
    agencies: [],
    seedMs: 0,
    cloneMs: [],
    async growTo(total, progress) {
      const started = performance.now();
      const from = seeder.agencies.length;
      const indexes = Array.from({ length: Math.max(0, total - from) }, (_, i) => from + i);
      let done = 0;
      const seeded = await mapLimit(indexes, concurrency, async (index) => {
        const agency = await seedOne(index);
        done++;
        if (progress && (done % 50 === 0 || done === indexes.length)) progress(from + done, total);
        return agency;
      });
      seeder.agencies.push(...seeded);
      const ms = performance.now() - started;
      seeder.seedMs += ms;
      return ms;
    },
  };

  async function seedOne(index: number): Promise<SeededAgency> {
    const id = crypto.randomUUID();
    const domain = `bench-${run}-${index}.example.com`;
    const databaseName = agencyDatabaseName(id, domain);
    // The catalog row first (as provisioning does), so the sweeper never takes the database for an orphan.
    await control`
      insert into agencies (id, name, domain, database_name, subscription_plan, status, schema_version)
      values (${id}, ${`Bench agency ${index}`}, ${domain}, ${databaseName}, 'starter', 'active',
        ${stack.templateVersion})`;
    const cloneStarted = performance.now();
    await cloneTemplate(cp, databaseName);
    seeder.cloneMs.push(performance.now() - cloneStarted);
    await restrictConnect(cp, databaseName);
    const emails = Array.from(
      { length: USERS_PER_AGENCY },
      (_, u) => `${u === 0 ? "admin" : `user${u}`}.${index}.${run}@bench.example.com`,
    );
    const users = await withSql(
      stack.adminUrl(databaseName),
      async (sql) =>
        await sql<{ id: string; email: string }[]>`
        with u as (
          insert into users (email, password_hash)
          select e, ${passwordHash} from unnest(string_to_array(${emails.join(",")}, ',')) as e
          returning id, email),
        p as (insert into profiles (user_id, full_name) select id, 'Bench ' || split_part(email, '@', 1) from u),
        r as (insert into user_roles (user_id, role)
          select id, case when email like 'admin.%' then 'admin' else 'employee' end from u),
        pr as (
          insert into projects (name, status, budget, start_date, created_at)
          select 'Project ' || g, 'active', 1000 * g, current_date, now() - g * interval '1 minute'
          from generate_series(1, ${PROJECTS_PER_AGENCY}) g
          returning id),
        t as (
          insert into tasks (title, project_id, priority)
          select 'Task ' || row_number() over (), id, 'medium' from pr limit ${TASKS_PER_AGENCY})
        select id, email from u order by email`,
    );
    const ordered = emails.map((e) => users.find((u) => u.email === e)!);
    const directory = ordered.map((u) => ({ email: u.email, agencyId: id, userId: u.id }));
    await control`insert into user_directory ${control(directory, "email", "agencyId", "userId")}`;
    const token = await tokens.signAgency({
      sub: ordered[0].id,
      agencyId: id,
      agencyDatabase: databaseName,
      role: "admin",
    });
    return { index, id, databaseName, users: ordered, token };
  }

  return seeder;
}
