// What a move's steps share: the agency, both clusters, the connections the steps use, and what
// they learn (timings, the verification).
import type { Agency } from "../../catalog/agencies.ts";
import type { Sql } from "../../platform/db.ts";
import type { Cluster } from "../cluster-directory.ts";
import type { HeldLock } from "../control-plane.ts";
import type { LifecycleDeps } from "../lifecycle.ts";

export type MoveHooks = {
  /** Called before each step; a throw fails the move there (the tests' fault injection). */
  beforeStep?(step: string): void | Promise<void>;
};

export type MoveDeps = LifecycleDeps & {
  /** How long the source database is kept after the switch (agencies:sweep drops it then). */
  graceSeconds: number;
  copyTimeoutMs: number;
  catchUpTimeoutMs: number;
  /** How long the fence waits for the source's running writes before the move gives up. */
  lockTimeoutMs: number;
  /** Moves copying into one cluster at once: each takes an apply worker and up to 2 table-copy
   * workers of its max_logical_replication_workers; past this, a move gets 503 and is retried. */
  movesPerCluster: number;
  hooks?: MoveHooks;
};

export type Verification = {
  /** null: not compared (the mover stopped after the switch, so there is no snapshot). */
  verified: boolean | null;
  tables?: number;
  rows?: number;
  differing?: string[];
  reason?: string;
};

export type Move = {
  id: number;
  /** This process's claim on the move (agency_moves.owner): every transition compares it. */
  owner: string;
  /** The agency's catalog lock, held by this process for the whole move. */
  lock: HeldLock;
  /** The name of the move's publication, subscription, slot and prepared transaction. */
  tag: string;
  actor: string;
  agency: Agency;
  source: Cluster;
  target: Cluster;
  database: string;
  /** A superuser on the agency database at the source (publication, sentinel, checksums). */
  sourceSu: Sql;
  /** The admin role on the agency database at the source (the sentinel: its dump carries it). */
  sourceAdmin: Sql;
  /** A superuser session of its own at the source, for the write fence's transaction. */
  sourceFence: Sql;
  /** A superuser on the agency database at the target, once it exists. */
  targetSu(): Sql;
  /** The same, or undefined when the target database does not exist (an undo). */
  targetSuIfExists(): Promise<Sql | undefined>;
  /** Drops the target database, ending every session on it (this mover's and any other's). */
  dropTarget(): Promise<void>;
  /** Opens a repeatable-read transaction on the target: its state as of the switch. */
  openSnapshot(): Promise<void>;
  snapshot?: Sql;
  startedAt: number;
  frozenAt?: number;
  timings: Record<string, number>;
  verification?: Verification;
  close(): Promise<void>;
};

export type MoveStep = {
  name: string;
  run(m: Move, deps: MoveDeps): Promise<void>;
  /** Undoes whatever `run` may have done, even partly; safe to call when it never ran. */
  undo?(m: Move, deps: MoveDeps): Promise<void>;
};
