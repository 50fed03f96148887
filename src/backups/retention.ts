// Retention by time, to the second (pgBackRest's own counts whole days): every full backup that ended
// inside the window is kept, and the newest one before it, since the window's first moments are
// recovered from that one; older full backups go with the differentials that depend on them, then the
// WAL older than the oldest full backup kept.
import { type BackupRepository, type BackupSet, pgbackrest, stanzaInfo } from "./pgbackrest.ts";

/** The full backups past retention at `now`, oldest first (never the newest one). Pure. */
export function expiredFullBackups(backups: BackupSet[], retentionSeconds: number, now: Date): BackupSet[] {
  const start = now.getTime() - retentionSeconds * 1000;
  const before = backups.filter((b) => b.type === "full" && b.stoppedAt.getTime() < start);
  return before.slice(0, -1);
}

/** Expires what is past retention in the stanza; returns the labels of the full backups expired. */
export async function expireBackups(
  repo: BackupRepository,
  stanza: string,
  retentionSeconds: number,
  now = new Date(),
): Promise<string[]> {
  const { backups } = await stanzaInfo(repo, stanza);
  const expired = expiredFullBackups(backups, retentionSeconds, now);
  for (const set of expired) await pgbackrest(repo, [`--stanza=${stanza}`, `--set=${set.label}`, "expire"]);
  const kept = backups.filter((b) => b.type === "full").length - expired.length;
  if (kept > 0) {
    // WAL is kept from the oldest remaining full backup on: as many full backups' worth as remain.
    await pgbackrest(repo, [`--stanza=${stanza}`, `--repo1-retention-archive=${kept}`, "expire"]);
  }
  return expired.map((b) => b.label);
}
