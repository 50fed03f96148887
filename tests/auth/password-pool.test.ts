// The password worker pool when a worker fails: a crash or a hang fails that worker's jobs with 503
// (never a request left waiting forever with its admission slot), within the timeout, and the next job
// gets a new worker.
import { afterEach, expect, it } from "vitest";
import { createPasswordPool } from "../../src/auth/password.ts";
import { ApiError } from "../../src/platform/errors.ts";

const faulty = new URL("./fixtures/faulty-password-worker.ts", import.meta.url);
let pool: ReturnType<typeof createPasswordPool>;
afterEach(() => pool?.stop());

async function failure(job: Promise<unknown>) {
  const started = performance.now();
  const error = await job.then(() => undefined, (e) => e);
  return { error, ms: performance.now() - started };
}

it("a crashed worker gives 503 at once, and the next job is served by a new worker", async () => {
  pool = createPasswordPool({ size: 1, timeoutMs: 10_000, workerUrl: faulty });
  expect(await pool.hash("before")).toBe("hashed:before");
  const { error, ms } = await failure(pool.hash("crash"));
  expect(error).toBeInstanceOf(ApiError);
  expect([error.status, error.code]).toEqual([503, "unavailable"]);
  expect(error.extra.headers?.["Retry-After"]).toBe("1");
  // The worker's error event, not the timeout: its message and cause say so, and it came at once.
  expect(error.message).toBe("Password check failed, retry shortly");
  expect((error.cause as Error)?.message).toMatch(/worker crashed/);
  expect(ms).toBeLessThan(5000);
  expect(await pool.hash("after")).toBe("hashed:after");
});

it("a hung worker gives 503 within its timeout, with every job it held, then recovers", async () => {
  pool = createPasswordPool({ size: 1, timeoutMs: 500, workerUrl: faulty });
  // Two jobs held by the same worker (size 1): both fail when it is given up on.
  for (
    const { error, ms } of await Promise.all([failure(pool.hash("hang")), failure(pool.verify("hang", "x"))])
  ) {
    expect([error.status, error.code]).toEqual([503, "unavailable"]);
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(1500);
  }
  expect(await pool.hash("after")).toBe("hashed:after");
});

it("the real worker still hashes and verifies", async () => {
  pool = createPasswordPool({ size: 1 });
  const hash = await pool.hash("Correct-horse-9-battery");
  expect(hash).toMatch(/^\$argon2id\$/);
  expect(await pool.verify("Correct-horse-9-battery", hash)).toBe(true);
  expect(await pool.verify("wrong", hash)).toBe(false);
});
