// Moving an agency to another cluster online (`deno task agencies:move`, POST
// /api/admin/agencies/:id/move): copy while the source serves, freeze writes only for the final
// catch-up, switch the catalog, then close the source and verify. One action at a time per agency,
// fleet migrations included (the agency's catalog lock, held for the whole move). A move that fails
// before the switch is undone and the agency stays on its source. A mover that loses its lock stops
// before its next step and leaves the move to whoever takes the lock next: the next run,
// agencies:sweep or any API instance (settleMoves) takes the move over (compare-and-set on its owner),
// then undoes it, or finishes it if it had switched.
import { type Agency, findAgency, recordEvent } from "../../catalog/agencies.ts";
import { ApiError, badRequest, conflict, unavailable } from "../../platform/errors.ts";
import { type Cluster, ClusterConfigError } from "../cluster-directory.ts";
import { type HeldLock, LockBusy, LockLost, withAdvisoryLock, withDatabase } from "../control-plane.ts";
import { agencyLock, dropAgencyDatabase, exclusively, type LifecycleDeps } from "../lifecycle.ts";
import { moveColumns, type MoveRow, openMove, requireSuperusers } from "./open-move.ts";
import { AFTER_SWITCH, BEFORE_SWITCH, requireTemplateVersion, SWITCH } from "./steps.ts";
import type { Config } from "../../config.ts";
import type { Move, MoveDeps, MoveStep, Verification } from "./types.ts";

export type { MoveDeps, MoveHooks } from "./types.ts";
export const MOVE_STEPS = [...BEFORE_SWITCH, SWITCH, ...AFTER_SWITCH].map((s) => s.name);

export type MoveResult = {
  move: number;
  agency: Agency;
  from: string;
  to: string;
  timings: Record<string, number>;
  verification: Verification;
};

/** The mover's settings: the grace period and moves per cluster from configuration, bounds on each
 * wait. */
export const moverDeps = (
  lifecycle: LifecycleDeps,
  config: Pick<Config, "MOVE_SOURCE_GRACE_SECONDS" | "MOVES_PER_CLUSTER">,
  hooks?: MoveDeps["hooks"],
): MoveDeps => ({
  ...lifecycle,
  graceSeconds: config.MOVE_SOURCE_GRACE_SECONDS,
  movesPerCluster: config.MOVES_PER_CLUSTER,
  copyTimeoutMs: 30 * 60_000,
  catchUpTimeoutMs: 20_000,
  lockTimeoutMs: 5000,
  hooks,
});

/** Runs one step, unless this process has lost the agency's lock: then it stops (LockLost) and
 * leaves the move to whoever takes the lock next. */
async function runStep(m: Move, deps: MoveDeps, step: MoveStep) {
  await deps.hooks?.beforeStep?.(step.name);
  if (!(await m.lock.held())) throw new LockLost(`the mover lost the agency's lock before ${step.name}`);
  await step.run(m, deps);
}

/** Whether the switch committed (the catalog has the agency on the target). */
async function switched(deps: MoveDeps, m: Move) {
  const agency = await findAgency(deps.control, { id: m.agency.id }).catch(() => undefined);
  return agency?.cluster === m.target.cluster;
}

/** Undoes every step of a move that did not switch, newest first, and records it as failed; only
 * while the move is still this process's (else LockLost, and nothing is undone). */
async function abandon(deps: MoveDeps, m: Move, steps: MoveStep[], reason: string) {
  const mine = () =>
    deps.control`
    select 1 from agency_moves where id = ${m.id} and state = 'copying' and owner = ${m.owner}`;
  if (!(await mine()).length || !(await m.lock.held())) {
    throw new LockLost(`move ${m.id} is no longer this process's to undo`);
  }
  for (const step of steps.toReversed()) {
    await step.undo?.(m, deps).catch((error) =>
      console.error(JSON.stringify({ move: m.id, undo: step.name, error: String(error) }))
    );
  }
  const [failed] = await deps.control`
    update agency_moves set state = 'failed', details = details || ${deps.control.json({ error: reason })}
    where id = ${m.id} and state = 'copying' and owner = ${m.owner} returning id`;
  if (!failed) throw new LockLost(`move ${m.id} was taken over while it was undone`);
  await recordEvent(deps.control, m.agency.id, "agency.move_failed", {}, m.actor, {
    move: m.id,
    from: m.source.cluster,
    to: m.target.cluster,
    error: reason,
    ...m.timings,
  });
}

/** After the switch: close the source, drop the replication, verify; recorded on the move. A failed
 * verification keeps the source (no drop date) for an operator to look at. */
async function finish(deps: MoveDeps, m: Move): Promise<Verification> {
  for (const step of AFTER_SWITCH) await runStep(m, deps, step);
  const verification = m.verification ?? { verified: null };
  m.timings.totalMs = Math.round(performance.now() - m.startedAt);
  const details = { released: true, ...m.timings, verification };
  const [recorded] = await deps.control`
    update agency_moves set details = details || ${deps.control.json(details)},
      drop_source_after = case when ${verification.verified === false} then null else drop_source_after end
    where id = ${m.id} and owner = ${m.owner} returning id`;
  if (!recorded) throw new LockLost(`move ${m.id} was taken over while it was finished`);
  await recordEvent(deps.control, m.agency.id, "agency.move_finished", {}, m.actor, {
    move: m.id,
    ...details,
  });
  return verification;
}

/** Moves an agency to cluster `to`. */
export const moveAgency = (deps: MoveDeps, idOrDatabase: string, to: string, { actor }: { actor: string }) =>
  exclusively(deps, idOrDatabase, async ({ id }, _cluster, lock) => {
    await settleAgency(deps, id, lock); // a move a dead mover left: undone, or finished
    const agency = (await findAgency(deps.control, { id }))!;
    const target = await deps.clusters.get(to).catch((error) => {
      if (error instanceof ClusterConfigError) {
        throw badRequest("Unknown cluster", [{ path: "to", message: error.message }]);
      }
      throw error;
    });
    if (agency.cluster === to) throw conflict(`The agency is on ${to} already`);
    if (target.state !== "open") throw conflict(`Cluster ${to} is ${target.state}: it takes no agencies`);
    if (agency.status !== "active" && agency.status !== "suspended") {
      throw conflict(`Agency is ${agency.status}, not active or suspended`);
    }
    const source = await deps.clusters.get(agency.cluster);
    requireSuperusers(source, target);
    // Checked again at the switch, in case the target's template is migrated meanwhile.
    await withDatabase(source, agency.databaseName, (sql) => requireTemplateVersion(target, sql));
    return await withMoveSlot(deps, target, () => move(deps, agency, source, target, actor, lock));
  });

// One of a cluster's move slots, held (in the catalog) for the whole of a move into it.
const MOVE_SLOT_LOCK = 0x62666d73; // "bfms"

async function withMoveSlot<T>(deps: MoveDeps, target: Cluster, work: () => Promise<T>): Promise<T> {
  for (let slot = 0; slot < deps.movesPerCluster; slot++) {
    const key = { namespace: MOVE_SLOT_LOCK, name: `${target.cluster}/${slot}` };
    let taken = false;
    try {
      return await withAdvisoryLock(deps.catalogUrl, key, "try", () => {
        taken = true;
        return work();
      });
    } catch (error) {
      if (taken || !(error instanceof LockBusy)) throw error; // the move's own failure, not a busy slot
    }
  }
  throw unavailable(
    `Cluster ${target.cluster} is taking ${deps.movesPerCluster} moves already: retry shortly`,
    10,
  );
}

async function move(
  deps: MoveDeps,
  agency: Agency,
  source: Cluster,
  target: Cluster,
  actor: string,
  lock: HeldLock,
) {
  // Back to a cluster it left within the grace period: the copy kept there is stale, and in the way.
  const kept = await deps.control<{ id: number }[]>`
    update agency_moves set state = 'done' where agency_id = ${agency.id} and state = 'switched'
      and source_cluster = ${target.cluster} returning id`;
  if (kept.length) await dropAgencyDatabase(target, agency.databaseName);
  const owner = crypto.randomUUID();
  const [row] = await deps.control<MoveRow[]>`
    insert into agency_moves (agency_id, database_name, source_cluster, target_cluster, actor, owner)
    values (${agency.id}, ${agency.databaseName}, ${source.cluster}, ${target.cluster}, ${actor}, ${owner})
    returning ${moveColumns(deps.control)}`;
  await recordEvent(deps.control, agency.id, "agency.move_started", {}, actor, {
    move: row.id,
    from: source.cluster,
    to: target.cluster,
  });
  const m = openMove(row, agency, source, target, { lock, owner });
  try {
    const begun: MoveStep[] = [];
    try {
      for (const step of [...BEFORE_SWITCH, SWITCH]) {
        begun.push(step);
        await runStep(m, deps, step);
      }
    } catch (error) {
      if (error instanceof LockLost) throw error; // whoever holds the move now settles it
      if (!(await switched(deps, m))) {
        const failed = begun.at(-1)!.name;
        const reason = String((error as Error)?.message ?? error).slice(0, 2000);
        await abandon(deps, m, begun, `${failed}: ${reason}`);
        if (error instanceof ApiError) throw error;
        throw unavailable(
          `The move failed at ${failed} (${
            reason.slice(0, 300)
          }) and was undone; the agency stays on ${source.cluster}`,
          5,
          error,
        );
      }
    }
    const verification = await finish(deps, m);
    return {
      move: m.id,
      agency: m.agency,
      from: source.cluster,
      to: target.cluster,
      timings: m.timings,
      verification,
    };
  } finally {
    await m.close();
  }
}

/** Settles one agency's move left by a mover that stopped or lost its lock (the caller holds the
 * agency's lock, so that mover no longer does): takes the move over, then undoes or finishes it. */
async function settleAgency(deps: MoveDeps, agencyId: string, lock: HeldLock): Promise<string | undefined> {
  const [row] = await deps.control<MoveRow[]>`
    select ${moveColumns(deps.control)} from agency_moves where agency_id = ${agencyId}
      and (state = 'copying' or (state = 'switched' and (not coalesce((details->>'released')::boolean, false)
        or drop_source_after <= now())))
    order by id limit 1`;
  if (!row) return undefined;
  const owner = crypto.randomUUID();
  const [taken] = await deps.control`
    update agency_moves set owner = ${owner}
    where id = ${row.id} and state = ${row.state} and owner is not distinct from ${row.owner} returning id`;
  if (!taken) return undefined; // it changed since it was read: the next settle sees it as it is now
  const agency = (await findAgency(deps.control, { id: agencyId }))!;
  const [source, target] = await Promise.all([
    deps.clusters.get(row.sourceCluster),
    deps.clusters.get(row.targetCluster),
  ]);
  if (row.state === "switched" && row.details.released) {
    // Its grace period is over (and the agency has not come back to the source meanwhile).
    if (agency.cluster !== row.sourceCluster) await dropAgencyDatabase(source, row.databaseName);
    await deps.control`update agency_moves set state = 'done' where id = ${row.id} and owner = ${owner}`;
    return "source dropped";
  }
  const m = openMove(row, agency, source, target, { lock, owner });
  try {
    if (row.state === "copying") {
      await abandon(deps, m, BEFORE_SWITCH, "abandoned: the mover stopped before the switch");
      return "undone";
    }
    await finish(deps, m);
    return "finished";
  } finally {
    await m.close();
  }
}

/** Every move left by a mover that stopped (undone, or finished if it had switched), and every
 * source whose grace period is over (dropped). Skips agencies another action holds. */
export async function settleMoves(deps: MoveDeps) {
  const rows = await deps.control<{ agencyId: string }[]>`
    select distinct agency_id from agency_moves
    where state = 'copying' or (state = 'switched' and (not coalesce((details->>'released')::boolean, false)
      or drop_source_after <= now()))`;
  const settled: { agency: string; outcome: string }[] = [];
  for (const { agencyId } of rows) {
    try {
      const outcome = await withAdvisoryLock(
        deps.catalogUrl,
        agencyLock(agencyId),
        "try",
        (lock) => settleAgency(deps, agencyId, lock),
      );
      if (outcome) settled.push({ agency: agencyId, outcome });
    } catch (error) {
      if (!(error instanceof LockBusy)) {
        settled.push({ agency: agencyId, outcome: `failed: ${String(error)}` });
      }
    }
  }
  return settled;
}
