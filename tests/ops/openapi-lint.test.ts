// `redocly lint` (Redocly's recommended rules, redocly.yaml) on the document the API serves: no error,
// and no warning beyond those accepted with a reason in .redocly.lint-ignore.yaml.
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { testApp } from "../support/stack.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const denoJson = JSON.parse(await Deno.readTextFile(`${ROOT}deno.json`));
const REDOCLY: string = denoJson.imports["@redocly/cli"]; // pinned there, so deno install caches it

const { app } = testApp();
const dir = await Deno.makeTempDir({ prefix: "buildflow-openapi-" });
afterAll(() => Deno.remove(dir, { recursive: true }));

it("passes redocly lint with its recommended rules", async () => {
  await Deno.writeTextFile(`${dir}/openapi.json`, await (await app.request("/openapi.json")).text());
  // Redocly reads its config and ignore file beside the document (the ignore file names it).
  for (const file of ["redocly.yaml", ".redocly.lint-ignore.yaml"]) {
    await Deno.copyFile(`${ROOT}${file}`, `${dir}/${file}`);
  }
  const { stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--frozen",
      "--config",
      `${ROOT}deno.json`,
      REDOCLY,
      "lint",
      "openapi.json",
      "--format",
      "json",
    ],
    cwd: dir,
    env: { REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(stdout);
  expect(text, new TextDecoder().decode(stderr)).toMatch(/^\{/);
  const report = JSON.parse(text) as {
    totals: { errors: number; warnings: number; ignored: number };
    problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
  };
  const problems = report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
  expect(problems).toEqual([]);
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
});
