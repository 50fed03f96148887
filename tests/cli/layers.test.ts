// `deno task layers`: src/ as it is has no ring of rooms and no upward import (the suite keeps it so),
// and a tree made to break each rule is named and fails.
import { afterAll, describe, expect, it } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;

async function layers(...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["task", "--quiet", "layers", ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: out.code, text: decode(out.stdout) + decode(out.stderr) };
}

it("finds no cycle between the rooms of src/ and nothing imported from above", async () => {
  const { code, text } = await layers();
  expect(text).toContain("Upward imports: none");
  expect(text).toContain("Cycles between rooms: none");
  expect(text).toMatch(/^ {2}0: platform -> \(nothing\)$/m);
  expect(code, text).toBe(0);
});

describe("a tree that breaks the rules", () => {
  const dir = Deno.makeTempDirSync({ prefix: "layers-" });
  afterAll(() => Deno.remove(dir, { recursive: true }));
  const write = (path: string, text: string) => {
    Deno.mkdirSync(`${dir}/${path}`.replace(/\/[^/]+$/, ""), { recursive: true });
    Deno.writeTextFileSync(`${dir}/${path}`, text);
  };
  // platform/ reaching up into auth/; auth/ and tenancy/ importing each other; a room with no layer.
  write(
    "platform/app-env.ts",
    'import type { Claims } from "../auth/tokens.ts";\nexport type Env = Claims;\n',
  );
  write(
    "auth/tokens.ts",
    'import { admit } from "../tenancy/admission.ts";\nexport type Claims = typeof admit;\n',
  );
  write(
    "tenancy/admission.ts",
    'import {\n  type Claims,\n} from "../auth/tokens.ts";\nexport const admit = (c: Claims) => c;\n',
  );
  write("widgets/index.ts", 'export * from "../platform/app-env.ts";\n');

  it("names each import that breaks them, and fails", async () => {
    const { code, text } = await layers(dir);
    expect(text).toContain("Upward imports (1):\n    platform/app-env.ts -> auth/tokens.ts");
    expect(text).toContain(
      "Cycles between rooms (1):\n  auth, tenancy:\n" +
        "    auth -> tenancy  (auth/tokens.ts -> tenancy/admission.ts)\n" +
        "    tenancy -> auth  (tenancy/admission.ts -> auth/tokens.ts)",
    );
    expect(text).toContain("Rooms with no layer (add them to LAYERS in src/cli/layers.ts): widgets");
    expect(code).toBe(1);
  });
});
