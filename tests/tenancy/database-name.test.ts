// Agency database names: every name that reaches SQL is `agency_<slug>_<8 hex>`, at most 63 bytes,
// whatever text the slug came from; and src/tenancy/database-name.ts agrees with the CHECKs that the
// catalog (db/main/migrations) really holds on agencies.database_name, read from the live stack.
import { beforeAll, describe, expect, it } from "vitest";
import {
  AGENCY_DATABASE_PATTERN,
  agencyDatabaseName,
  assertAgencyDatabaseName,
  isAgencyDatabaseName,
  slugify,
} from "../../src/tenancy/database-name.ts";
import { superuser } from "../support/stack.ts";

const su = superuser();
/** The catalog's CHECKs on the column: the pattern and byte limit, and the id's hex as its suffix. */
const PATTERN_CHECK = "agencies_database_name_check";
const SUFFIX_CHECK = "agencies_check";

/** The CHECK constraints of the live catalog that involve agencies.database_name, by name. */
async function databaseNameChecks(): Promise<Map<string, string>> {
  const rows = await su<{ name: string; expression: string }[]>`
    select c.conname as name, pg_get_expr(c.conbin, c.conrelid) as expression
    from pg_constraint c
    where c.conrelid = 'agencies'::regclass and c.contype = 'c'
      and (select attnum from pg_attribute where attrelid = c.conrelid and attname = 'database_name')
        = any(c.conkey)`;
  return new Map(rows.map((r) => [r.name, r.expression]));
}

let checks: Map<string, string>;
beforeAll(async () => {
  checks = await databaseNameChecks();
});

/** Whether the live CHECK `constraint` accepts each row, evaluated by PostgreSQL on exactly the
 * expression the catalog holds (a CHECK passes unless it is false). `unsafe`: the expression is SQL
 * text read from pg_constraint, not a value. */
async function catalogAccepts(constraint: string, rows: { databaseName: string; id?: string }[]) {
  const expression = checks.get(constraint);
  if (!expression) throw new Error(`no CHECK ${constraint} on agencies.database_name`);
  const input = JSON.stringify(rows.map((r, n) => ({ n, database_name: r.databaseName, id: r.id ?? null })));
  const result = await su.unsafe<{ ok: boolean }[]>(
    `select (${expression}) is not false as ok
     from json_to_recordset($1::text::json) as v(n int, database_name text, id uuid) order by n`,
    [input],
  );
  return result.map((r) => r.ok);
}

/** The names on which src's isAgencyDatabaseName and the catalog's pattern CHECK disagree. */
async function disagreements(names: string[]) {
  const catalog = await catalogAccepts(PATTERN_CHECK, names.map((databaseName) => ({ databaseName })));
  return names.map((name, i) => ({ name, src: isAgencyDatabaseName(name), catalog: catalog[i] }))
    .filter((r) => r.src !== r.catalog);
}

const bytes = (s: string) => new TextEncoder().encode(s).length;
const hex8 = (id: string) => id.replaceAll("-", "").slice(0, 8);
const ID = "3f2a9c1e-7b4d-4e21-9a0f-1c2d3e4f5a6b";

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("slugify", () => {
  it("drops accents and folds case", () => {
    expect(slugify("Acmé Design, Inc.")).toBe("acme_design_inc");
    expect(slugify("Ünïcödé Façade Ñandú")).toBe("unicode_facade_nandu");
    expect(slugify("ＡＢＣ Ｂｕｉｌｄｅｒｓ")).toBe("abc_builders"); // full-width forms fold under NFKD
  });

  it("turns quotes, semicolons and other SQL punctuation into single underscores", () => {
    expect(slugify(`Robert'); DROP DATABASE buildflow;--`)).toBe("robert_drop_database_buildflow");
    expect(slugify(`"quoted" \\ back\`tick $1 /* c */ %`)).toBe("quoted_back_tick_1_c");
    expect(slugify("a\u0000b\nc\td")).toBe("a_b_c_d");
  });

  it("is empty when nothing ASCII survives", () => {
    expect(slugify("東京デザイン事務所")).toBe("");
    expect(slugify("🏗️🏢")).toBe("");
    expect(slugify("';--")).toBe("");
    expect(slugify("")).toBe("");
  });

  it("caps the slug at 47 characters without a trailing underscore", () => {
    expect(slugify("a".repeat(200))).toBe("a".repeat(47));
    // The cut lands right after a separator: the underscore it leaves is trimmed.
    expect(slugify(`${"b".repeat(46)} tail`)).toBe("b".repeat(46));
  });
});

describe("agencyDatabaseName", () => {
  it("is agency_<slug>_<first 8 hex of the id>", () => {
    expect(agencyDatabaseName(ID, "Acmé Design, Inc.")).toBe("agency_acme_design_inc_3f2a9c1e");
    expect(agencyDatabaseName(ID, "acme.example.com")).toBe("agency_acme_example_com_3f2a9c1e");
  });

  it("neutralises quotes and semicolons", () => {
    const name = agencyDatabaseName(ID, `x"; DROP DATABASE buildflow; --'`);
    expect(name).toBe("agency_x_drop_database_buildflow_3f2a9c1e");
  });

  it("falls back to `agency` for unicode-only input", () => {
    expect(agencyDatabaseName(ID, "東京デザイン事務所")).toBe("agency_agency_3f2a9c1e");
    expect(agencyDatabaseName(ID, "'\";")).toBe("agency_agency_3f2a9c1e");
  });

  it("stays within 63 bytes for a 200-character input", () => {
    const name = agencyDatabaseName(ID, "Ä".repeat(100) + "z".repeat(100));
    expect(bytes(name)).toBeLessThanOrEqual(63);
    expect(name).toBe(`agency_${"a".repeat(47)}_3f2a9c1e`);
    expect(bytes(name)).toBe(63);
  });

  it("is accepted by the catalog's CHECKs, within 63 bytes, ending with the id's hex (1,000 random inputs)", async () => {
    const random = prng(0xb1f1);
    const pools = [
      "abcXYZ019 _-.,;'\"`\\/$%()",
      "éèüñçÅØßœæ",
      "東京デザイン事務所ビル",
      "🏗️🏢👷‍♀️",
      "\u0000\u0001\n\t\u200b\u202e\ud800",
      "ＡＢＣ①②ﬁ",
    ].map((p) => Array.from(p));
    const made: { databaseName: string; id: string }[] = [];
    for (let i = 0; i < 1000; i++) {
      const length = Math.floor(random() * 220);
      let text = "";
      for (let j = 0; j < length; j++) {
        const pool = pools[Math.floor(random() * pools.length)];
        text += pool[Math.floor(random() * pool.length)];
      }
      const id = crypto.randomUUID();
      const name = agencyDatabaseName(id, text);
      const context = { text, id, name };
      expect(bytes(name), JSON.stringify(context)).toBeLessThanOrEqual(63);
      expect(name.endsWith(`_${hex8(id)}`), JSON.stringify(context)).toBe(true);
      expect(isAgencyDatabaseName(name)).toBe(true);
      made.push({ databaseName: name, id });
    }
    // Both CHECKs the catalog holds on the column, each on the id the name was made for.
    const refused = async (constraint: string) =>
      (await catalogAccepts(constraint, made)).flatMap((ok, i) => ok ? [] : [made[i]]);
    expect(await refused(PATTERN_CHECK)).toEqual([]);
    expect(await refused(SUFFIX_CHECK)).toEqual([]);
    // The control: the suffix CHECK does refuse a name made for another id.
    const other = { databaseName: made[0].databaseName, id: crypto.randomUUID() };
    expect(await catalogAccepts(SUFFIX_CHECK, [other])).toEqual([false]);

    // Names one edit away from a valid one, on both sides of the pattern and the byte limit: src and
    // the catalog must give the same answer for each.
    const near = made.slice(0, 200).flatMap(({ databaseName: n }) => [
      n,
      n.toUpperCase(),
      `${n}x`,
      `${n}0`, // 9 hex digits
      n.slice(0, -1), // 7 hex digits
      `${n}\n`,
      n.replace("_", "-"),
      ...["-", ".", " ", "A", "é", '"'].map((c) => n.replace("agency_", `agency_${c}`)), // in the slug
      n.replace(/[0-9a-f]{8}$/, (hex) => hex.toUpperCase()),
      `agency_${"a".repeat(47)}_${n.slice(-8)}`, // 63 bytes
      `agency_${"a".repeat(48)}_${n.slice(-8)}`, // 64 bytes
    ]);
    expect(await disagreements(near)).toEqual([]);
  });
});

describe("the catalog's CHECKs on agencies.database_name (db/main/migrations, live)", () => {
  it("are the pattern CHECK and the id-suffix CHECK", () => {
    expect([...checks.keys()].sort()).toEqual([PATTERN_CHECK, SUFFIX_CHECK].sort());
  });

  it("hold the pattern src exports and PostgreSQL's identifier limit", async () => {
    const expression = checks.get(PATTERN_CHECK)!;
    const pattern = expression.match(/database_name ~ '((?:[^']|'')*)'::text/)?.[1].replaceAll("''", "'");
    const limit = expression.match(/octet_length\(database_name\) <= (\d+)/)?.[1];
    expect(pattern, expression).toBe(AGENCY_DATABASE_PATTERN.source);
    const [{ maxIdentifierLength }] = await su<{ maxIdentifierLength: number }[]>`
      select current_setting('max_identifier_length')::int as max_identifier_length`;
    expect(Number(limit), expression).toBe(maxIdentifierLength);
  });
});

describe("isAgencyDatabaseName / assertAgencyDatabaseName", () => {
  const good = ["agency_acme_3f2a9c1e", `agency_${"a".repeat(47)}_3f2a9c1e`, "agency_a_b_c_00000000"];
  const bad = [
    "Agency_acme_3f2a9c1e", // uppercase
    "agency_Acme_3f2a9c1e",
    "agency_acme_3F2A9C1E", // uppercase hex
    `agency_ac"me_3f2a9c1e`, // quotes
    "agency_ac'me_3f2a9c1e",
    "agency_acme_3f2a9c1e; drop database buildflow",
    "agency_acme_3f2a9c1e\n", // `$` must not match before a trailing newline
    "agency_acmé_3f2a9c1e",
    `agency_${"a".repeat(48)}_3f2a9c1e`, // 64 bytes
    "agency_acme_3f2a9c1", // 7 hex
    "agency_acme_3f2a9c1g",
    "agency__3f2a9c1e", // empty slug
    "buildflow_spare_0123456789ab",
    "buildflow_tenant_template",
    "",
  ];

  it.each(good)("accepts %j", (name) => {
    expect(isAgencyDatabaseName(name)).toBe(true);
    expect(assertAgencyDatabaseName(name)).toBe(name);
  });

  it.each(bad)("rejects %j", (name) => {
    expect(isAgencyDatabaseName(name)).toBe(false);
    expect(() => assertAgencyDatabaseName(name)).toThrow(/not an agency database name/);
  });

  it("answers each of these names as the catalog's pattern CHECK does", async () => {
    const names = [...good, ...bad];
    const catalog = await catalogAccepts(PATTERN_CHECK, names.map((databaseName) => ({ databaseName })));
    expect(catalog).toEqual(names.map((name) => good.includes(name)));
    expect(await disagreements(names)).toEqual([]);
  });

  it("rejects a name over 63 bytes even when the pattern alone would match, as the catalog does", async () => {
    const long = `agency_${"a".repeat(60)}_3f2a9c1e`;
    expect(AGENCY_DATABASE_PATTERN.test(long)).toBe(true);
    expect(isAgencyDatabaseName(long)).toBe(false);
    expect(() => assertAgencyDatabaseName(long)).toThrow();
    expect(await catalogAccepts(PATTERN_CHECK, [{ databaseName: long }])).toEqual([false]);
  });
});
