// The bench report: one table per scenario, the targets with PASS/MISS, the machine, versions and
// configuration; written as tests/bench/results/latest.md and latest.json.

export type Cell = string | number;
export type Table = { title?: string; columns: string[]; rows: Cell[][] };
/** pass: true = PASS, false = MISS, null = not evaluated (not at full scale), NO_DATA = the load gave
 * the check nothing to judge (no samples): never a pass, and the bench exits non-zero (see unmet). */
export type Check = { target: string; measured: string; pass: boolean | null | typeof NO_DATA };

export const NO_DATA = "no data";

export type ScenarioResult = {
  number: number;
  id: string;
  title: string;
  status: "ok" | "skipped" | "failed";
  tables: Table[];
  checks: Check[];
  notes: string[];
  error?: string;
  data?: unknown;
  ms?: number;
};

export type Report = {
  mode: "quick" | "full";
  startedAt: string;
  finishedAt?: string;
  totalSeconds?: number;
  machine: Record<string, Cell>;
  versions: Record<string, Cell>;
  configuration: Record<string, Cell>;
  seed: Record<string, Cell>;
  scenarios: ScenarioResult[];
};

const verdict = (pass: Check["pass"]) =>
  pass === NO_DATA ? "NO DATA" : pass === null ? "n/a" : pass ? "PASS" : "MISS";

/** A check over `samples` observations: NO DATA when there are none, else `judge()`. */
export function sampled(
  target: string,
  samples: number,
  measured: string,
  judge: () => boolean | null,
): Check {
  return samples > 0
    ? { target, measured, pass: judge() }
    : { target, measured: `no samples (${measured})`, pass: NO_DATA };
}

/** What did not pass: MISSes, checks without data, failed scenarios. */
export function unmet(report: Report) {
  const checks = report.scenarios.flatMap((s) => s.checks.map((c) => ({ scenario: s.number, ...c })));
  return {
    missed: checks.filter((c) => c.pass === false),
    noData: checks.filter((c) => c.pass === NO_DATA),
    failed: report.scenarios.filter((s) => s.status === "failed"),
  };
}

export function unmetLine(report: Report): string {
  const { missed, noData, failed } = unmet(report);
  const list = (xs: { scenario: number; target: string }[]) =>
    xs.map((c) => `${c.scenario}: ${c.target}`).join("; ");
  return [
    `Not passing: ${missed.length} MISS, ${noData.length} NO DATA, ${failed.length} failed scenario(s).`,
    ...(noData.length ? [`NO DATA (nothing measured, exit code 1): ${list(noData)}.`] : []),
    ...(missed.length ? [`MISS: ${list(missed)}.`] : []),
  ].join(" ");
}

export function renderTable(t: Table): string {
  const esc = (c: Cell) => String(c).replaceAll("|", "\\|").replaceAll("\n", " ");
  return [
    `| ${t.columns.map(esc).join(" | ")} |`,
    `| ${t.columns.map(() => "---").join(" | ")} |`,
    ...t.rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
}

const keyValues = (title: string, values: Record<string, Cell>) =>
  renderTable({ title, columns: [title, "value"], rows: Object.entries(values).map(([k, v]) => [k, v]) });

export function renderScenario(s: ScenarioResult): string {
  const parts = [`## ${s.number}. ${s.title}${s.status === "ok" ? "" : ` — ${s.status.toUpperCase()}`}`];
  if (s.error) parts.push(`**Error:** \`${s.error.replaceAll("`", "'").slice(0, 800)}\``);
  for (const t of s.tables) parts.push((t.title ? `**${t.title}**\n\n` : "") + renderTable(t));
  if (s.checks.length) {
    parts.push(renderTable({
      columns: ["target", "measured", "verdict"],
      rows: s.checks.map((c) => [c.target, c.measured, verdict(c.pass)]),
    }));
  }
  if (s.notes.length) parts.push(s.notes.map((n) => `- ${n}`).join("\n"));
  return parts.join("\n\n");
}

export function renderSummary(report: Report): string {
  const rows: Cell[][] = [];
  for (const s of report.scenarios) {
    if (!s.checks.length) {
      const what = s.status === "ok"
        ? "no target (reported for comparison)"
        : s.status === "skipped"
        ? s.notes[0] ?? ""
        : s.error?.split("\n")[0] ?? "";
      rows.push([
        `${s.number}. ${s.title}`,
        what,
        "",
        s.status === "ok" ? "–" : s.status === "skipped" ? "SKIP" : "FAIL",
      ]);
    }
    for (const c of s.checks) rows.push([`${s.number}. ${s.title}`, c.target, c.measured, verdict(c.pass)]);
  }
  return renderTable({ columns: ["scenario", "target", "measured", "verdict"], rows });
}

export function renderMarkdown(report: Report): string {
  return [
    `# BuildFlow bench — ${report.mode} run`,
    `Started ${report.startedAt}, finished ${report.finishedAt ?? "?"} (${
      report.totalSeconds?.toFixed(0) ?? "?"
    } s).`,
    "## Summary",
    renderSummary(report),
    unmetLine(report),
    "## Machine, versions, configuration",
    keyValues("machine", report.machine),
    keyValues("versions", report.versions),
    keyValues("configuration", report.configuration),
    keyValues("seed", report.seed),
    ...report.scenarios.map(renderScenario),
    "",
  ].join("\n\n");
}

/** Writes `text` as tests/bench/results/<name>, formatted like the rest of the repository (so
 * `deno fmt --check` stays green); returns its path. */
export async function writeResult(name: string, text: string): Promise<string> {
  const dir = new URL("./results/", import.meta.url).pathname;
  await Deno.mkdir(dir, { recursive: true });
  const path = `${dir}${name}`;
  await Deno.writeTextFile(path, text);
  await new Deno.Command(Deno.execPath(), { args: ["fmt", "-q", path], stdout: "null", stderr: "null" })
    .output().catch(() => {});
  return path;
}

export async function writeReport(report: Report): Promise<{ md: string; json: string }> {
  return {
    md: await writeResult("latest.md", renderMarkdown(report)),
    json: await writeResult("latest.json", JSON.stringify(report, null, 2) + "\n"),
  };
}
