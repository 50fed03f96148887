// issueConsistencyToken, on a stack with a replica: a write that succeeded answers where it committed
// (X-Consistency-Token), and this instance sends the agency's next reads only to a replica past it.
import { beforeAll, describe, expect, it } from "vitest";
import { type Agency, findAgency } from "../../../src/catalog/agencies.ts";
import {
  CONSISTENCY_TOKEN,
  issueConsistencyToken,
} from "../../../src/http/tenant/issue-consistency-token.ts";
import type { ReplicaRouter } from "../../../src/tenancy/replica-router.ts";
import { currentLsn, parseConsistencyToken } from "../../../src/tenancy/replica-router.ts";
import { call, signupAgency, sleep } from "../../support/fixtures.ts";
import { clusterStack } from "../../clusters/helpers.ts";
import { given, stepApp } from "./helpers.ts";

const s = clusterStack({ REPLICA_POLL_MS: "20" }, { clusters: 1, replicas: 1 });
let writer: Agency;
let other: Agency;
beforeAll(async () => {
  const find = async (tag: string) =>
    (await findAgency(s.services.control, { id: (await signupAgency(s.app, tag)).agency.id }))!;
  [writer, other] = [await find("issue"), await find("other")];
  // Until the replica has replayed both signups.
  const onReplica = () => [writer, other].every((a) => s.services.replicas.route(a).replica);
  for (let i = 0; i < 300 && !onReplica(); i++) await sleep(50);
});

/** The step around a handler that writes a task (or answers `?status` without writing). */
const app = (replicas: ReplicaRouter | undefined) =>
  stepApp(
    [
      given({ agency: writer }),
      (c, next) =>
        s.services.tenantClients.use(writer, async (sql) => {
          c.set("sql", sql);
          await next();
        }),
      issueConsistencyToken({ replicas }),
    ],
    async (c) => {
      const status = Number(c.req.query("status") ?? 201);
      if (status < 400 && c.req.method !== "GET") await c.var.sql`insert into tasks (title) values ('step')`;
      return c.json({}, status as 201);
    },
  );

describe("issueConsistencyToken", () => {
  it("answers a write with where it committed, and keeps the agency's next reads off a replica before it", async () => {
    const before = await currentLsn(s.services.control);
    s.services.replicas.stop(); // the replica's position as last polled: before this write
    await sleep(600); // a poll under way when it stopped has answered (or timed out) by now
    try {
      const res = await call(app(s.services.replicas), "POST", "/");
      expect(res.status).toBe(201);
      const token = parseConsistencyToken(res.headers.get(CONSISTENCY_TOKEN) ?? "");
      expect(token?.cluster).toBe("local");
      expect(token!.lsn).toBeGreaterThan(before);
      expect(token!.lsn).toBeLessThanOrEqual(await currentLsn(s.services.control));
      expect(s.services.replicas.route(writer)).toEqual({});
      expect(s.services.replicas.route(other).replica).toBeDefined();
    } finally {
      s.services.replicas.start();
    }
  });

  it("answers nothing after a read, a refused write, or where no cluster has replicas", async () => {
    for (
      const [method, path, replicas] of [
        ["GET", "/", s.services.replicas],
        ["POST", "/?status=409", s.services.replicas],
        ["POST", "/", undefined],
      ] as const
    ) {
      const res = await call(app(replicas), method, path);
      expect(res.headers.get(CONSISTENCY_TOKEN), `${method} ${path}`).toBeNull();
    }
  });
});
