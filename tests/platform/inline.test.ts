// inline(): a value written into a statement's text reads back exactly as the value, whatever it
// holds and whatever standard_conforming_strings says, and can never end its literal early.
import { afterAll, expect, it } from "vitest";
import { connect, inline } from "../../src/platform/db.ts";
import { toApiError } from "../../src/platform/errors.ts";
import { stack } from "../support/stack.ts";

const sql = connect(stack().superuserUrl, { max: 1 });
afterAll(() => sql.end());

const strings = [
  "",
  "plain",
  "O'Brien",
  "''",
  "\\",
  "back\\slash \\' quote",
  "'; drop table agencies; --",
  "$1 $$ $tag$ ? :name",
  "line\nbreak\ttab",
  "नमस्ते ₹ 🙂",
  "E'\\x41'",
];

it.each(["on", "off"])(
  "reads every string back as it was, standard_conforming_strings %s",
  async (setting) => {
    await sql.begin(async (tx) => {
      await tx`select set_config('standard_conforming_strings', ${setting}, true)`;
      for (const value of strings) {
        const [row] = await tx`select ${inline(tx, value)}::text as value, 1 as one`;
        expect(row).toEqual({ value, one: 1 });
      }
    });
  },
);

it("writes integers and booleans as themselves, and refuses what it cannot write", async () => {
  const [row] = await sql`select ${inline(sql, 21)} as n, ${inline(sql, -7)} as m, ${inline(sql, true)} as t`;
  expect(row).toEqual({ n: 21, m: -7, t: true });
  expect(() => inline(sql, 1.5)).toThrow(TypeError);
  expect(() => inline(sql, Number.MAX_SAFE_INTEGER + 1)).toThrow(TypeError);
});

it("refuses a NUL, which would end the statement inside the literal, as a client's 400", () => {
  const error = (() => {
    try {
      inline(sql, "a\0'; drop table agencies; --");
    } catch (error) {
      return error;
    }
  })();
  expect(toApiError(error).status).toBe(400);
});
