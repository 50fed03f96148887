// An agency's write freeze: for a few seconds every API instance refuses its writes (503, Retry-After)
// while its database is switched (a move's final catch-up, a restore's swap). Announced over the
// catalog; a process that dies while it holds one leaves it to expire.
import { type Agency, type AgencyChange, agencyColumns, announceAgencyChange } from "../catalog/agencies.ts";
import { type Sql, transaction } from "../platform/db.ts";

// How long a freeze lasts unless lifted first.
const FREEZE_SECONDS = 30;
/** After announcing a freeze (or a switch), how long every API instance gets to hear it before the
 * database enforces it: writes already running finish, new ones get 503 instead of waiting. */
export const HEARD_MS = 200;

export const changeOf = (a: Agency): AgencyChange => ({
  id: a.id,
  status: a.status,
  databaseName: a.databaseName,
  cluster: a.cluster,
});

/** Announces that the agency's writes are (or no longer are) refused, on every API instance and, through
 * `onChange`, in this process. */
export async function setWriteFreeze(
  control: Sql,
  agency: Agency,
  frozen: boolean,
  onChange?: (change: AgencyChange) => void,
): Promise<void> {
  await transaction(control, async (tx) => {
    const [row] = await tx<Agency[]>`
      update agencies set frozen_until = ${
      frozen ? tx`now() + make_interval(secs => ${FREEZE_SECONDS})` : null
    }
      where id = ${agency.id} returning ${agencyColumns(tx)}`;
    await announceAgencyChange(tx, { ...changeOf(row), frozen });
  });
  onChange?.({ ...changeOf(agency), frozen });
}
