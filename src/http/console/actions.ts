// The lifecycle actions the console offers on one agency, as data: the page shows those whose `from`
// holds the agency's status, each behind a confirmation naming the agency. An action the lifecycle
// gains (a move between clusters) is one more line here.
import type { AgencyStatus } from "../../catalog/agencies.ts";
import type { LifecycleAction } from "../../tenancy/lifecycle.ts";
import type { ColdAction } from "../../tenancy/cold/actions.ts";

export type ConsoleAction = {
  action: LifecycleAction | ColdAction;
  label: string;
  from: AgencyStatus[];
  /** What the confirmation says will happen. */
  effect: string;
};

export const CONSOLE_ACTIONS: ConsoleAction[] = [
  { action: "suspend", label: "Suspend", from: ["active"], effect: "Its requests will answer 423." },
  { action: "resume", label: "Resume", from: ["suspended", "archiving"], effect: "It will serve again." },
  {
    action: "archive",
    label: "Archive",
    from: ["active", "suspended", "archiving"],
    effect: "Its database will be dumped, verified and dropped.",
  },
  {
    action: "cold",
    label: "Send cold",
    from: ["active", "cooling"],
    effect: "Its database will be dumped, verified and dropped; its first use (or Wake) restores it.",
  },
  {
    action: "wake",
    label: "Wake",
    from: ["cold", "waking"],
    effect: "Its cold dump will be restored (migrated if older than the template); it serves again.",
  },
  { action: "restore", label: "Restore", from: ["archived"], effect: "Its latest archive will be restored." },
  {
    action: "delete",
    label: "Delete",
    from: ["archived"],
    effect:
      "Its logins will be removed and it cannot be restored; its row stays, as deleted, for the audit trail.",
  },
];

export const consoleAction = (name: string) => CONSOLE_ACTIONS.find((a) => a.action === name);
