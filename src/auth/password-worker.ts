// Password hashing off the event loop: argon2id in WASM takes ~90 ms of CPU per call.
import { argon2id, argon2Verify } from "hash-wasm";
import { ARGON2ID, type PasswordJob } from "./password-params.ts";

const scope = self as unknown as { onmessage: unknown; postMessage(message: unknown): void };

scope.onmessage = async ({ data }: MessageEvent<PasswordJob>) => {
  try {
    const result = data.kind === "hash"
      ? await argon2id({
        ...ARGON2ID,
        password: data.password,
        salt: crypto.getRandomValues(new Uint8Array(16)),
        outputType: "encoded",
      })
      : await argon2Verify({ password: data.password, hash: data.hash });
    scope.postMessage({ id: data.id, result });
  } catch (error) {
    scope.postMessage({ id: data.id, error: String(error) });
  }
};
