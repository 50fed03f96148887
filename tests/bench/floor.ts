// The bare floor (floor-server.ts) as scenario 2 runs it: a child process serving the seeded
// agencies' databases, its wrk targets, and the check that it answers what the API answers.
import type { Servers } from "../../src/config.ts";
import { projectsPath } from "./context.ts";
import type { SeededAgency } from "./seed.ts";
import { type ChildApi, startChildApi } from "./stack.ts";
import type { WrkTarget } from "./wrk.ts";
import { mapLimit } from "../../src/platform/map-limit.ts";

const FLOOR = new URL("./floor-server.ts", import.meta.url).pathname;

/** The floor serving `agencies`, each database through its own postgres.js client of `connections`. */
export const startFloor = (
  servers: Servers,
  agencies: SeededAgency[],
  connections: number,
  denoFlags: string[] = [],
) =>
  startChildApi(
    {
      FLOOR_DATABASES: agencies.map((a) => a.databaseName).join(","),
      FLOOR_CONNECTIONS: String(connections),
    },
    servers,
    denoFlags,
    FLOOR,
  );

const floorPath = (a: SeededAgency) => `/${a.databaseName}/projects?limit=20`;

/** The API's targets on the floor: the agency's database in the path; the token is sent, unread, so
 * that the requests are the API's size. */
export const floorTargets = (agencies: SeededAgency[]): WrkTarget[] =>
  agencies.map((a) => ({ path: floorPath(a), token: a.token }));

/** One GET per agency on the floor and on the API (opens the floor's clients); the agencies whose
 * answers differ (status or body), and the statuses the floor gave. */
export async function compareWithApi(
  apiUrl: string,
  floor: ChildApi,
  agencies: SeededAgency[],
): Promise<{ differing: string[]; statuses: Record<string, number> }> {
  const differing: string[] = [];
  const statuses: Record<string, number> = {};
  const get = (url: string, token: string) =>
    fetch(url, { headers: { Authorization: `Bearer ${token}` } })
      .then(async (res) => ({ status: res.status, body: await res.text() }));
  await mapLimit(agencies, 8, async (a) => {
    const [api, bare] = await Promise.all([
      get(`${apiUrl}${projectsPath}`, a.token),
      get(`${floor.url}${floorPath(a)}`, a.token),
    ]);
    statuses[bare.status] = (statuses[bare.status] ?? 0) + 1;
    if (api.status !== bare.status || api.body !== bare.body) differing.push(a.databaseName);
  });
  return { differing, statuses };
}
