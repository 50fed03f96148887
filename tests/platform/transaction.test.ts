// transaction() on the real server: a deadlock (40P01) or serialization failure (40001) runs the
// transaction once more, as PostgreSQL advises; a second failure reaches the client as 503, and the
// other data errors of class 22 as 400.
import { afterAll, beforeAll, expect, it } from "vitest";
import { connect, transaction } from "../../src/platform/db.ts";
import { toApiError } from "../../src/platform/errors.ts";
import { hex } from "../support/fixtures.ts";
import { stack } from "../support/stack.ts";

const sql = connect(stack().superuserUrl, { max: 4 });
const table = `tx_test_${hex(8)}`;

beforeAll(async () => {
  await sql`create table ${sql(table)} (id int primary key, n int not null)`;
  await sql`insert into ${sql(table)} values (1, 0), (2, 0)`;
});
afterAll(async () => {
  await sql`drop table if exists ${sql(table)}`;
  await sql.end();
});

it("runs a transaction that lost a deadlock once more, and both commit", async () => {
  let attempts = 0;
  // Two transactions lock the rows in opposite orders and meet: PostgreSQL aborts one with 40P01.
  const crossing = (first: number, second: number) =>
    transaction(sql, async (tx) => {
      attempts++;
      await tx`update ${sql(table)} set n = n + 1 where id = ${first}`;
      await tx`select pg_sleep(0.3)`;
      await tx`update ${sql(table)} set n = n + 1 where id = ${second}`;
    });
  const results = await Promise.allSettled([crossing(1, 2), crossing(2, 1)]);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
  expect(attempts).toBe(3); // one of the two ran twice
  const rows = await sql<{ n: number }[]>`select n from ${sql(table)} order by id`;
  expect(rows.map((r) => r.n)).toEqual([2, 2]);
});

it("gives up after a second serialization failure: 503 with Retry-After", async () => {
  let attempts = 0;
  const error = await transaction(sql, async (tx) => {
    attempts++;
    await tx`do $$ begin raise exception 'conflict' using errcode = '40001'; end $$`;
  }).catch((e) => e);
  expect(attempts).toBe(2);
  expect(error.code).toBe("40001");
  const api = toApiError(error);
  expect([api.status, api.code]).toEqual([503, "unavailable"]);
  expect(api.extra.headers?.["Retry-After"]).toMatch(/^\d+$/);
});

it("does not retry other errors", async () => {
  let attempts = 0;
  const error = await transaction(sql, async (tx) => {
    attempts++;
    await tx`select 1/0`;
  }).catch((e) => e);
  expect(attempts).toBe(1);
  expect(error.code).toBe("22012"); // division by zero: class 22, the client's value
  expect([toApiError(error).status, toApiError(error).code]).toEqual([400, "validation_failed"]);
});

it("maps a concurrent CREATE DATABASE of the same name (42P04) to 409", () => {
  const api = toApiError(Object.assign(new Error("exists"), { code: "42P04" }));
  expect([api.status, api.code]).toEqual([409, "conflict"]);
});
