// An operator's cold and wake, beside the lifecycle's actions (src/tenancy/lifecycle.ts): the admin
// API, the CLI and the console offer them from here. Sending an agency cold by hand needs no
// inactivity; waking one by hand is not activity (the sweep may warn it again).
import type { Actor, LifecycleDeps } from "../lifecycle.ts";
import { sendCold } from "./sweep.ts";
import { wakeAgency } from "./wake.ts";
import { conflict } from "../../platform/errors.ts";

export const coldActions = {
  cold: async (deps: LifecycleDeps, id: string, actor: Actor) => {
    const cold = await sendCold(deps, id, actor, { force: true });
    if (!cold) throw conflict("Agency is not active"); // unreachable with force; typed away
    return cold;
  },
  wake: (deps: LifecycleDeps, id: string, actor: Actor) => wakeAgency(deps, id, actor),
};

export type ColdAction = keyof typeof coldActions;
