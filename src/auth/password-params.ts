// argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane); the encoded hash records
// its own parameters, so raising them later still verifies old hashes.
export const ARGON2ID = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;

export type PasswordJob =
  | { id: number; kind: "hash"; password: string }
  | { id: number; kind: "verify"; password: string; hash: string };
