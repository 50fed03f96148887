// hashPassword / verifyPassword: argon2id (WASM, no native addon) in a small worker pool, so a burst
// of logins does not stall every other request on the event loop.
import type { PasswordJob } from "./password-params.ts";

type Pending = { resolve: (value: string | boolean) => void; reject: (error: Error) => void };

const POOL_SIZE = Math.max(1, Math.min(2, navigator.hardwareConcurrency ?? 1));
const workers: Worker[] = [];
const pending = new Map<number, Pending>();
let nextId = 0;

function worker(id: number): Worker {
  const index = id % POOL_SIZE;
  if (!workers[index]) {
    const w = new Worker(new URL("./password-worker.ts", import.meta.url), { type: "module" });
    w.onmessage = ({ data }: MessageEvent<{ id: number; result?: string | boolean; error?: string }>) => {
      const job = pending.get(data.id);
      pending.delete(data.id);
      if (data.error !== undefined) job?.reject(new Error(data.error));
      else job?.resolve(data.result!);
    };
    workers[index] = w;
  }
  return workers[index];
}

type Job = PasswordJob extends infer J ? J extends PasswordJob ? Omit<J, "id"> : never : never;

function submit<T extends string | boolean>(job: Job) {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as Pending["resolve"], reject });
    worker(id).postMessage({ ...job, id });
  });
}

export const hashPassword = (password: string) => submit<string>({ kind: "hash", password });

export const verifyPassword = (password: string, hash: string) =>
  submit<boolean>({ kind: "verify", password, hash });

// Verified against when the email is unknown, so both failures cost the same time.
let decoy: Promise<string> | undefined;
export const decoyHash = () =>
  decoy ??= hashPassword(crypto.randomUUID()).catch((error) => {
    decoy = undefined; // e.g. workers stopped at shutdown: computed again on next use
    throw error;
  });

/** Ends the workers (tests and shutdown); they are recreated on next use. */
export function stopPasswordWorkers(): void {
  for (const w of workers.splice(0)) w.terminate();
  for (const job of pending.values()) job.reject(new Error("password workers stopped"));
  pending.clear();
}
