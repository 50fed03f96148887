// A move as data, like provisioning: ordered steps, each with an idempotent undo. The steps before
// the switch can all be undone (the agency stays on its source); the switch is the one commit that
// moves it (catalog: cluster, generation); the steps after it only finish the job, and can be run
// again from the catalog row after a crash.
import { type Agency, agencyColumns, announceAgencyChange, recordEvent } from "../../catalog/agencies.ts";
import { changeOf, HEARD_MS, setWriteFreeze } from "../write-freeze.ts";
import { type Sql, transaction } from "../../platform/db.ts";
import { dumpDatabase, restoreDump } from "../../platform/pg-dump.ts";
import { conflict } from "../../platform/errors.ts";
import type { Cluster } from "../cluster-directory.ts";
import { databaseUrlFor, fenceDatabase, LockLost, restrictConnect } from "../control-plane.ts";
import { templateVersion } from "../template.ts";
import {
  agencyTables,
  catchUp,
  checksums,
  createPublication,
  createSentinel,
  createSubscription,
  dropPublication,
  dropSentinel,
  dropSubscription,
  holdWrites,
  releaseWrites,
  syncSequences,
  waitForInitialCopy,
} from "./replication.ts";
import type { Move, MoveDeps, MoveStep } from "./types.ts";
import { sleep } from "../../platform/sleep.ts";

const setFrozen = (m: Move, deps: MoveDeps, frozen: boolean) =>
  setWriteFreeze(deps.control, m.agency, frozen, deps.onChange);

/** The target database with the source's schema (and its grants), and the sentinel on both. */
const createTarget: MoveStep = {
  name: "create-target",
  async run(m, deps) {
    await createSentinel(m.sourceAdmin); // the admin's, like every table: its dump carries it over
    const file = `${deps.backupDir}/moves/${m.tag}.schema.dump`;
    await dumpDatabase(databaseUrlFor(m.source.databaseUrl, m.database), deps.pgBin, file, undefined, {
      schemaOnly: true,
    });
    await m.target.server`create database ${m.target.server(m.database)} template template0`;
    await restoreDump(databaseUrlFor(m.target.databaseUrl, m.database), deps.pgBin, file);
    await Deno.remove(file).catch(() => {});
    await restrictConnect(m.target, m.database);
  },
  async undo(m) {
    await m.dropTarget();
    await dropSentinel(m.sourceSu);
  },
};

const publish: MoveStep = {
  name: "publish",
  run: (m) => createPublication(m.sourceSu, m.tag),
  undo: (m) => dropPublication(m.sourceSu, m.tag),
};

/** The copy: every table while the source keeps serving, then a stream of its changes. */
const subscribe: MoveStep = {
  name: "subscribe",
  async run(m, deps) {
    await createSubscription(
      m.targetSu(),
      m.sourceSu,
      m.tag,
      databaseUrlFor(m.source.superuserUrl!, m.database),
    );
    m.timings.tables = await waitForInitialCopy(m.targetSu(), m.tag, deps.copyTimeoutMs);
    m.timings.copyMs = Math.round(performance.now() - m.startedAt);
  },
  async undo(m) {
    await dropSubscription(await m.targetSuIfExists(), m.sourceSu, m.tag);
  },
};

/** Writes stop: refused by every API instance, then fenced on the source by a prepared transaction. */
const freeze: MoveStep = {
  name: "freeze",
  async run(m, deps) {
    m.frozenAt = performance.now();
    await setFrozen(m, deps, true);
    await sleep(HEARD_MS);
    await holdWrites(m.sourceFence, m.tag, deps.lockTimeoutMs);
  },
  async undo(m, deps) {
    await releaseWrites(m.sourceSu, m.tag);
    await setFrozen(m, deps, false);
  },
};

/** The target applies everything the source committed; sequences follow. */
const catchUpStep: MoveStep = {
  name: "catch-up",
  async run(m, deps) {
    m.timings.catchUpMs = Math.round(await catchUp(m.sourceSu, m.targetSu(), deps.catchUpTimeoutMs));
    m.timings.sequences = await syncSequences(m.sourceSu, m.targetSu());
  },
};

/** The one commit that moves the agency: its cluster and generation, the move row and the event,
 * announced to every instance (each drops its client on the source). It commits only while this
 * process still owns the move (compare-and-set on the row) and holds the agency's lock (pg_locks, in
 * the same transaction): a mover that lost its lock never switches onto a target that whoever took
 * the move over may have dropped. Before it: the target must be at its cluster's template version,
 * and a snapshot of it as of the switch is taken for the verification. */
const switchStep: MoveStep = {
  name: "switch",
  async run(m, deps) {
    await requireTemplateVersion(m.target, m.targetSu());
    await m.openSnapshot();
    // Writes are fenced and caught up: from here on the target has every write the agency has had.
    const [{ lsn }] = await m.targetSu()<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
    const moved = await transaction(deps.control, async (tx) => {
      m.timings.freezeMs = Math.round(performance.now() - m.frozenAt!);
      const [owned] = await tx`
        update agency_moves set state = 'switched',
          drop_source_after = now() + make_interval(secs => ${deps.graceSeconds}),
          details = details || ${tx.json(m.timings)}
        where id = ${m.id} and state = 'copying' and owner = ${m.owner} returning id`;
      if (!owned) throw new LockLost(`move ${m.id} is no longer this mover's`);
      const [held] = await tx`
        select 1 from pg_locks where pid = ${m.lock.pid} and locktype = 'advisory' and granted
          and database = (select oid from pg_database where datname = current_database())`;
      if (!held) throw new LockLost(`the mover lost the agency's lock before switching move ${m.id}`);
      const [agency] = await tx<Agency[]>`
        update agencies set cluster = ${m.target.cluster}, generation = generation + 1, frozen_until = null,
          cluster_lsn = ${lsn}::pg_lsn
        where id = ${m.agency.id} and cluster = ${m.source.cluster} returning ${agencyColumns(tx)}`;
      if (!agency) throw new Error("the agency left its source cluster during the move");
      await recordEvent(tx, m.agency.id, "agency.moved", {}, m.actor, {
        move: m.id,
        from: m.source.cluster,
        to: m.target.cluster,
        ...m.timings,
      });
      await announceAgencyChange(tx, changeOf(m.agency)); // the source: what instances must forget
      return agency;
    });
    deps.onChange?.(changeOf(m.agency));
    m.agency = moved;
  },
};

/** A database may take a cluster's agencies only at (or past) that cluster's template version: a move
 * never lands an agency on an older schema than its new neighbours (tenants:migrate first). */
export async function requireTemplateVersion(cluster: Cluster, sql: Sql) {
  const required = await templateVersion(cluster);
  const [{ version }] = await sql<{ version: string | null }[]>`
    select max(version) as version from schema_migrations`;
  if (required && (version === null || BigInt(version) < BigInt(required))) {
    throw conflict(
      `The agency's database is at ${version}, cluster ${cluster.cluster}'s template at ${required}: ` +
        "migrate it first (deno task tenants:migrate --agency ID)",
    );
  }
}

export const BEFORE_SWITCH: MoveStep[] = [createTarget, publish, subscribe, freeze, catchUpStep];
export const SWITCH = switchStep;

// How long reads that began on the source before the switch get to finish before it is closed.
const DRAIN_MS = 5000;

/** Waits (up to DRAIN_MS) until no other role runs a statement on the source's database: a read that
 * began there before the switch ends with its answer, not with its connection cut. A write waiting on
 * the fence's lock is not waited for: it never commits there, and is ended (503) with the source. */
async function drainReads(su: Sql) {
  const deadline = performance.now() + DRAIN_MS;
  while (performance.now() < deadline) {
    const [{ running }] = await su<{ running: number }[]>`
      select count(*)::int as running from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend' and usename <> current_user
        and state in ('active', 'idle in transaction') and wait_event_type is distinct from 'Lock'`;
    if (running === 0) return;
    await sleep(20);
  }
}

/** The source closed for good (its sessions ended, the app role locked out), then its fence lifted. */
const releaseSource: MoveStep = {
  name: "release-source",
  async run(m) {
    await sleep(HEARD_MS); // every instance sends new requests to the target
    await drainReads(m.sourceSu);
    await m.source.poolerAdmin?.disconnect(m.database);
    await fenceDatabase(m.source, m.database);
    await releaseWrites(m.sourceSu, m.tag);
  },
};

const unsubscribe: MoveStep = {
  name: "unsubscribe",
  async run(m) {
    await dropSubscription(await m.targetSuIfExists(), m.sourceSu, m.tag);
    await dropPublication(m.sourceSu, m.tag);
    await dropSentinel(m.targetSu());
    await dropSentinel(m.sourceSu);
  },
};

/** Row counts and checksums of every table: the target as of the switch against the fenced source. */
const verify: MoveStep = {
  name: "verify",
  async run(m) {
    const started = performance.now();
    const snapshot = m.snapshot;
    if (!snapshot) {
      m.verification = { verified: null, reason: "interrupted after the switch: no snapshot to compare" };
      return;
    }
    const tables = await agencyTables(m.sourceSu);
    const [source, target] = await Promise.all([checksums(m.sourceSu, tables), checksums(snapshot, tables)]);
    const differing = tables.filter((_, i) =>
      source[i].rows !== target[i].rows || source[i].sum !== target[i].sum
    );
    m.timings.verifyMs = Math.round(performance.now() - started);
    m.verification = {
      verified: differing.length === 0,
      tables: tables.length,
      rows: source.reduce((n, t) => n + t.rows, 0),
      ...(differing.length ? { differing } : {}),
    };
  },
};

export const AFTER_SWITCH: MoveStep[] = [releaseSource, unsubscribe, verify];
