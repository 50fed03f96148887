// Provisioning as data: an ordered list of small steps, each with its undo.
import type { Agency } from "../../catalog/agencies.ts";
import type { ControlPlane } from "../control-plane.ts";

export type SignupInput = {
  name: string;
  domain?: string;
  subscriptionPlan: string;
  admin: { email: string; password: string; fullName: string };
  /** Who created it, for its `agency.created` event (`operator:<id>`); unset, a self-service signup. */
  actor?: string;
};

/** What the steps learn and hand on to each other. */
export type Provisioning = {
  input: SignupInput;
  agencyId: string;
  databaseName: string;
  passwordHash: string;
  schemaVersion: string;
  /** How the database was obtained: a renamed spare, or a direct clone of the template. */
  source?: "spare" | "clone";
  agency?: Agency;
  userId?: string;
};

export type ProvisioningHooks = {
  /** Called before each step; a throw fails the signup there (the tests' fault injection). */
  beforeStep?(step: string): void | Promise<void>;
  /** Called after each step with its duration (the bench's per-step timings). */
  afterStep?(step: string, ms: number): void;
};

export type ProvisioningDeps = ControlPlane & { hooks?: ProvisioningHooks };

export type Step = {
  name: string;
  run(p: Provisioning, deps: ProvisioningDeps): Promise<void>;
  /** Undoes whatever `run` may have done, even partly; must be safe to call after a failed run. */
  undo?(p: Provisioning, deps: ProvisioningDeps): Promise<void>;
};
