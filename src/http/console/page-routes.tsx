// The console's pages behind a session: the fleet, the agencies, one agency and its actions, the
// live charts and their samples, and sign-out. Every POST has passed the CSRF check first.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { requireOperatorRole } from "../platform-middleware.ts";
import { AGENCY_STATUSES } from "../../catalog/agencies.ts";
import type { LiveMetrics } from "../../ops/live-metrics.ts";
import { ApiError, notFound } from "../../platform/errors.ts";
import { validate } from "../../platform/validate.ts";
import { lifecycleActions, type LifecycleDeps } from "../../tenancy/lifecycle.ts";
import { coldActions } from "../../tenancy/cold/actions.ts";
import { moveAgency, type MoveDeps } from "../../tenancy/mover/index.ts";
import { CONSOLE_ACTIONS, consoleAction } from "./actions.ts";
import type { Fleet } from "./fleet.ts";
import { AgenciesPage } from "./pages/agencies.tsx";
import { AgencyPage, ConfirmPage, MovePage, RestoreToTimePage, UndoRestorePage } from "./pages/agency.tsx";
import type { BackupRepository } from "../../backups/pgbackrest.ts";
import { restoreAgencyToTime } from "../../backups/point-in-time.ts";
import { undoLastRestore } from "../../tenancy/restore.ts";
import { LivePage } from "./pages/live.tsx";
import { OverviewPage } from "./pages/overview.tsx";
import type { ConsoleEnv, ConsoleSessions } from "./session.ts";

export type PageDeps = {
  sessions: ConsoleSessions;
  fleet: Fleet;
  lifecycle: LifecycleDeps;
  /** Moves between clusters. */
  mover: MoveDeps;
  /** Point-in-time restores (absent: refused with the reason). */
  backups?: BackupRepository;
  live: LiveMetrics;
  /** App-role backends the servers are sized for (PG_CONNECTION_BUDGET). */
  connectionBudget: number;
};

// An empty field of the search form means "any".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const listQuery = z.object({
  q: optional(z.string().trim().max(100)),
  status: optional(z.enum(AGENCY_STATUSES)),
  plan: optional(z.string().max(31)),
  cluster: optional(z.string().max(63)),
  cursor: optional(z.string().max(200)),
});
const idParam = z.object({ id: z.uuid() });
const actionParam = idParam.extend({ action: z.enum(CONSOLE_ACTIONS.map((a) => a.action)) });
const canAct = requireOperatorRole("owner", "operator");
const moveForm = z.object({ to: z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, "is not a cluster name") });
const restoreForm = z.object({ targetTime: z.iso.datetime({ offset: true }) });

export function pageRoutes({ sessions, fleet, lifecycle, mover, backups, live, connectionBudget }: PageDeps) {
  async function agencyOr404(id: string) {
    const detail = await fleet.agency(id);
    if (!detail) throw notFound("No such agency");
    return detail;
  }

  /** Runs a restore for the form just posted: back to the agency's page (303, so a reload does not
   * restore again), or the page with why not. */
  async function restoring(
    c: Context<ConsoleEnv>,
    id: string,
    restore: () => Promise<unknown>,
    done: string,
  ) {
    try {
      await restore();
      return c.redirect(`/console/agencies/${id}?${done}`, 303);
    } catch (error) {
      if (!(error instanceof ApiError) || (error.status >= 500 && error.status !== 503)) throw error;
      const detail = await agencyOr404(id);
      return c.html(
        <AgencyPage session={c.var.session} detail={detail} canAct error={error.message} />,
        error.status,
      );
    }
  }

  return new Hono<ConsoleEnv>()
    .use(sessions.required, sessions.csrf)
    .get(
      "/",
      async (c) =>
        c.html(
          <OverviewPage
            session={c.var.session}
            overview={await fleet.overview()}
            budget={connectionBudget}
          />,
        ),
    )
    .get("/agencies", validate("query", listQuery), async (c) => {
      const filter = c.req.valid("query");
      const [choices, page] = await Promise.all([fleet.filters(), fleet.agencies(filter)]);
      return c.html(<AgenciesPage session={c.var.session} filter={filter} choices={choices} page={page} />);
    })
    .get("/agencies/:id", validate("param", idParam), async (c) => {
      const detail = await agencyOr404(c.req.valid("param").id);
      const done = consoleAction(c.req.query("done") ?? "");
      const moved = c.req.query("moved") !== undefined;
      const restored = c.req.query("restored");
      const undone = c.req.query("undone") !== undefined;
      return c.html(
        <AgencyPage
          session={c.var.session}
          detail={detail}
          canAct={c.var.operator.role !== "viewer"}
          done={(done && `${done.label}: done. The agency is now ${detail.agency.status}.`) ||
            (moved ? `Moved: the agency is now on cluster ${detail.agency.cluster}.` : undefined) ||
            (restored
              ? `Restored to ${restored}; the state it replaced is archived (it can be undone).`
              : undefined) ||
            (undone ? "The latest restore was undone." : undefined)}
        />,
      );
    })
    .get("/agencies/:id/move", canAct, validate("param", idParam), async (c) => {
      const { agency } = await agencyOr404(c.req.valid("param").id);
      const targets = (await fleet.openClusters()).filter((name) => name !== agency.cluster);
      return c.html(<MovePage session={c.var.session} agency={agency} targets={targets} />);
    })
    .post("/agencies/:id/move", canAct, validate("param", idParam), validate("form", moveForm), async (c) => {
      const { id } = c.req.valid("param");
      try {
        await moveAgency(mover, id, c.req.valid("form").to, { actor: `operator:${c.var.operator.sub}` });
        return c.redirect(`/console/agencies/${id}?moved`, 303);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        // Refused or failed and undone: the agency as it is now (still on its cluster), and why.
        const detail = await agencyOr404(id);
        return c.html(
          <AgencyPage session={c.var.session} detail={detail} canAct error={error.message} />,
          error.status,
        );
      }
    })
    .get("/agencies/:id/restore-to-time", canAct, validate("param", idParam), async (c) => {
      const { agency, recoverableFrom } = await agencyOr404(c.req.valid("param").id);
      const suggested = new Date(Date.now() - 10 * 60_000).toISOString().replace(/\.\d+Z$/, "Z");
      return c.html(
        <RestoreToTimePage
          session={c.var.session}
          agency={agency}
          recoverableFrom={recoverableFrom}
          suggested={suggested}
        />,
      );
    })
    .post(
      "/agencies/:id/restore-to-time",
      canAct,
      validate("param", idParam),
      validate("form", restoreForm),
      (c) => {
        const { id } = c.req.valid("param");
        const targetTime = new Date(c.req.valid("form").targetTime);
        const actor = { actor: `operator:${c.var.operator.sub}` };
        return restoring(
          c,
          id,
          () => restoreAgencyToTime({ ...lifecycle, backups }, id, targetTime, actor),
          `restored=${encodeURIComponent(targetTime.toISOString())}`,
        );
      },
    )
    .get("/agencies/:id/undo-restore", canAct, validate("param", idParam), async (c) => {
      const { agency } = await agencyOr404(c.req.valid("param").id);
      return c.html(<UndoRestorePage session={c.var.session} agency={agency} />);
    })
    .post("/agencies/:id/undo-restore", canAct, validate("param", idParam), (c) => {
      const { id } = c.req.valid("param");
      const actor = { actor: `operator:${c.var.operator.sub}` };
      return restoring(c, id, () => undoLastRestore(lifecycle, id, actor), "undone");
    })
    .get("/agencies/:id/actions/:action", canAct, validate("param", actionParam), async (c) => {
      const { id, action } = c.req.valid("param");
      const { agency } = await agencyOr404(id);
      return c.html(<ConfirmPage session={c.var.session} agency={agency} action={consoleAction(action)!} />);
    })
    .post("/agencies/:id/actions/:action", canAct, validate("param", actionParam), async (c) => {
      const { id, action } = c.req.valid("param");
      try {
        const actions = { ...lifecycleActions, ...coldActions };
        await actions[action](lifecycle, id, { actor: `operator:${c.var.operator.sub}` });
        return c.redirect(`/console/agencies/${id}?done=${action}`, 303);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status >= 500) throw error;
        // Refused (another action is running, the status moved on): the page as it is now, and why.
        const detail = await agencyOr404(id);
        return c.html(
          <AgencyPage session={c.var.session} detail={detail} canAct error={error.message} />,
          error.status,
        );
      }
    })
    .get(
      "/live",
      (c) =>
        c.html(
          <LivePage
            session={c.var.session}
            samples={live.samples()}
            intervalMs={live.intervalMs}
            keep={live.keep}
          />,
        ),
    )
    .get("/live.json", (c) => c.json({ intervalMs: live.intervalMs, samples: live.samples() }))
    .post("/logout", (c) => {
      sessions.close(c);
      return c.redirect("/console/login", 303);
    });
}
