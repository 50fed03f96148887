// hashPassword / verifyPassword: argon2id (WASM, no native addon) in a small worker pool, so a burst
// of logins does not stall every other request on the event loop. A worker that crashes or stops
// answering fails its jobs with 503 (never a request left hanging with its admission slot) and is
// replaced on the next job.
import { unavailable } from "../platform/errors.ts";
import type { PasswordJob } from "./password-params.ts";

type Reply = { id: number; result?: string | boolean; error?: string };
type Pending = { settle(reply: Reply): void; fail(error: Error): void };
type Slot = { worker: Worker; jobs: Map<number, Pending> };
type Job = PasswordJob extends infer J ? J extends PasswordJob ? Omit<J, "id"> : never : never;

export type PasswordPoolOptions = {
  size?: number;
  /** From submission to answer, queueing in the worker included. */
  timeoutMs?: number;
  workerUrl?: URL;
};

export function createPasswordPool({
  size = Math.max(1, Math.min(2, navigator.hardwareConcurrency ?? 1)),
  timeoutMs = 10_000,
  workerUrl = new URL("./password-worker.ts", import.meta.url),
}: PasswordPoolOptions = {}) {
  const slots: (Slot | undefined)[] = [];
  let nextId = 0;

  /** Ends a worker and fails every job it still had; the next job starts a new one. */
  function retire(index: number, slot: Slot, error: Error) {
    if (slots[index] === slot) slots[index] = undefined;
    slot.worker.terminate();
    for (const job of slot.jobs.values()) job.fail(error);
    slot.jobs.clear();
  }

  function slotFor(index: number): Slot {
    const existing = slots[index];
    if (existing) return existing;
    const slot: Slot = { worker: new Worker(workerUrl, { type: "module" }), jobs: new Map() };
    slot.worker.onmessage = ({ data }: MessageEvent<Reply>) => {
      const job = slot.jobs.get(data.id);
      slot.jobs.delete(data.id);
      job?.settle(data);
    };
    slot.worker.onerror = (event) => {
      event.preventDefault(); // handled here: unhandled, a worker's error would end the process
      const cause = event.error ?? new Error(event.message); // Deno's event has only the message
      retire(index, slot, unavailable("Password check failed, retry shortly", 1, cause));
    };
    return slots[index] = slot;
  }

  function submit<T extends string | boolean>(job: Job): Promise<T> {
    const id = nextId++;
    const index = id % size;
    const slot = slotFor(index);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => retire(index, slot, unavailable("Password check timed out, retry shortly")),
        timeoutMs,
      );
      slot.jobs.set(id, {
        settle(reply) {
          clearTimeout(timer);
          if (reply.error !== undefined) reject(new Error(reply.error));
          else resolve(reply.result as T);
        },
        fail(error) {
          clearTimeout(timer);
          reject(error);
        },
      });
      slot.worker.postMessage({ ...job, id });
    });
  }

  return {
    hash: (password: string) => submit<string>({ kind: "hash", password }),
    verify: (password: string, hash: string) => submit<boolean>({ kind: "verify", password, hash }),
    /** Ends the workers (tests and shutdown); they are recreated on next use. */
    stop(): void {
      slots.forEach((slot, index) => slot && retire(index, slot, new Error("password workers stopped")));
    },
  };
}

const pool = createPasswordPool();

export const hashPassword = pool.hash;
export const verifyPassword = pool.verify;
export const stopPasswordWorkers = pool.stop;

// Verified against when the email is unknown, so both failures cost the same time.
let decoy: Promise<string> | undefined;
export const decoyHash = () =>
  decoy ??= hashPassword(crypto.randomUUID()).catch((error) => {
    decoy = undefined; // e.g. workers stopped at shutdown: computed again on next use
    throw error;
  });
