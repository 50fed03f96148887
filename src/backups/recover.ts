// Recovering a whole cluster from its repository after its data directory is lost: the latest backup
// restored into the (empty) data directory, and the archived WAL replayed to its end (or to a given
// time) when the server next starts. Archiving stays on: the recovered cluster carries on archiving
// on a new timeline.
import { ownedByServiceUser } from "../platform/command.ts";
import { type BackupRepository, pgbackrest } from "./pgbackrest.ts";
import { recoveryTime } from "./scratch.ts";

/** The stanza's data directory as pgbackrest.conf names it (pg1-path). */
export async function stanzaDataDir(repo: BackupRepository, stanza: string): Promise<string> {
  let section = "";
  for (const line of (await Deno.readTextFile(repo.configFile)).split("\n")) {
    const header = line.match(/^\[(.+)\]$/);
    if (header) section = header[1];
    const path = line.match(/^pg1-path=(.+)$/);
    if (section === stanza && path) return path[1].trim();
  }
  throw new Error(`${repo.configFile} has no stanza ${stanza} with a pg1-path`);
}

/** Restores the cluster into `dataDir`, which must be missing or empty (the server stopped): start it
 * afterwards and it replays the archive. */
export async function recoverCluster(
  repo: BackupRepository,
  stanza: string,
  dataDir: string,
  { targetTime }: { targetTime?: Date } = {},
): Promise<void> {
  await ownedByServiceUser(dataDir);
  for await (const entry of Deno.readDir(dataDir)) {
    throw new Error(`${dataDir} is not empty (${entry.name}…): move it aside first, with the server stopped`);
  }
  const target = targetTime
    ? ["--type=time", `--target=${recoveryTime(targetTime)}`, "--target-action=promote"]
    : [];
  await pgbackrest(repo, [`--stanza=${stanza}`, `--pg1-path=${dataDir}`, ...target, "restore"]);
}
