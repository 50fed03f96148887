// Agency database names: every name that reaches SQL is `agency_<slug>_<8 hex>`, at most 63 bytes,
// whatever text the slug came from.
import { describe, expect, it } from "vitest";
import {
  AGENCY_DATABASE_PATTERN,
  agencyDatabaseName,
  assertAgencyDatabaseName,
  isAgencyDatabaseName,
  slugify,
} from "../../src/tenancy/database-name.ts";

const PATTERN = /^agency_[a-z0-9_]+_[0-9a-f]{8}$/;
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
    expect(name).toMatch(PATTERN);
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

  it("always matches the pattern, within 63 bytes, ending with the id's hex (1,000 random inputs)", () => {
    const random = prng(0xb1f1);
    const pools = [
      "abcXYZ019 _-.,;'\"`\\/$%()",
      "éèüñçÅØßœæ",
      "東京デザイン事務所ビル",
      "🏗️🏢👷‍♀️",
      "\u0000\u0001\n\t\u200b\u202e\ud800",
      "ＡＢＣ①②ﬁ",
    ].map((p) => Array.from(p));
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
      expect(name, JSON.stringify(context)).toMatch(PATTERN);
      expect(bytes(name), JSON.stringify(context)).toBeLessThanOrEqual(63);
      expect(name.endsWith(`_${hex8(id)}`), JSON.stringify(context)).toBe(true);
      expect(isAgencyDatabaseName(name)).toBe(true);
    }
  });

  it("exports the same pattern the catalog's CHECK uses", () => {
    expect(AGENCY_DATABASE_PATTERN.source).toBe(PATTERN.source);
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

  it("rejects a name over 63 bytes even when the pattern alone would match", () => {
    const long = `agency_${"a".repeat(60)}_3f2a9c1e`;
    expect(PATTERN.test(long)).toBe(true);
    expect(isAgencyDatabaseName(long)).toBe(false);
    expect(() => assertAgencyDatabaseName(long)).toThrow();
  });
});
