// The advisory locks that guard restores, migrations and sweeps, on the real server: held for as long
// as their work runs in another process (past postgres.js's idle timeout), refused at once in `try`
// mode, and, when the session holding one ends, the work is aborted and LockLost thrown instead of
// carrying on unguarded.
import { expect, it } from "vitest";
import { run } from "../../src/platform/command.ts";
import { LockBusy, LockLost, withAdvisoryLock } from "../../src/tenancy/control-plane.ts";
import { sleep } from "../support/fixtures.ts";
import { stack, superuser } from "../support/stack.ts";

const su = superuser();
const url = () => stack().servers.databaseUrl;
/** A lock no other test takes. */
const freshKey = () => 0x7e000000 + Math.floor(Math.random() * 0xffffff);

/** Whether another session can take `key` right now (released again if it could). */
const takenElsewhere = async (key: number) => {
  const [{ free }] = await su<{ free: boolean }[]>`select pg_try_advisory_lock(${key}::bigint) as free`;
  if (free) await su`select pg_advisory_unlock(${key}::bigint)`;
  return !free;
};

it("holds the lock across 45 s of external work", async () => {
  const key = freshKey();
  const started = Date.now();
  const work = withAdvisoryLock(url(), key, "exclusive", async ({ signal }) => {
    await run(["sleep", "45"], { signal });
    return "done";
  });
  await sleep(40_000); // past postgres.js's default 30 s idle timeout, with the session idle
  expect(await takenElsewhere(key)).toBe(true);
  expect(await work).toBe("done");
  expect(Date.now() - started).toBeGreaterThanOrEqual(45_000);
  expect(await takenElsewhere(key)).toBe(false); // released with its session
}, 90_000);

it("refuses at once in try mode while another session holds the lock", async () => {
  const key = freshKey();
  let ran = false;
  await withAdvisoryLock(url(), key, "exclusive", async () => {
    await expect(withAdvisoryLock(url(), key, "try", () => Promise.resolve(ran = true))).rejects
      .toBeInstanceOf(
        LockBusy,
      );
  });
  expect(ran).toBe(false);
  expect(await withAdvisoryLock(url(), key, "try", () => Promise.resolve("free again"))).toBe("free again");
});

it("aborts the work and throws LockLost when the session holding the lock ends", async () => {
  const key = freshKey();
  let childFailed: unknown;
  const started = Date.now();
  const work = withAdvisoryLock(url(), key, "exclusive", async ({ signal }) => {
    await run(["sleep", "30"], { signal }).catch((error) => {
      childFailed = error;
      throw error;
    });
  });
  await sleep(500);
  // The server ends the holder's session (a restart, an operator's pg_terminate_backend, ...).
  const [{ ended }] = await su<{ ended: number }[]>`
    select count(pg_terminate_backend(pid))::int as ended from pg_locks
    where locktype = 'advisory' and granted and objid = ${key}::bigint::oid`;
  expect(ended).toBe(1);
  await expect(work).rejects.toBeInstanceOf(LockLost);
  expect(Date.now() - started).toBeLessThan(10_000); // not the 30 s the child would have taken
  expect(childFailed).toBeInstanceOf(LockLost); // the child was killed for it, not waited for
  expect(await takenElsewhere(key)).toBe(false);
});
