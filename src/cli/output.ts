// Terminal output for long operations: a progress line that rewrites itself on a terminal (one line
// per item otherwise, for logs), and a summary table at the end.

export function progress(label: string) {
  const tty = Deno.stdout.isTerminal();
  const encoder = new TextEncoder();
  return {
    item(done: number, total: number, line: string) {
      if (tty) {
        Deno.stdout.writeSync(encoder.encode(`\r\x1b[2K${label} ${done}/${total} ${line.slice(0, 100)}`));
      } else console.log(`${label} ${done}/${total} ${line}`);
    },
    end() {
      if (tty) Deno.stdout.writeSync(encoder.encode("\n"));
    },
  };
}

export function table(rows: Record<string, unknown>[], columns = Object.keys(rows[0] ?? {})): string {
  const cell = (v: unknown) =>
    (v === null || v === undefined ? "" : String(v)).replaceAll("\n", " ").slice(0, 80);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join("  ").trimEnd();
  return [
    line(columns),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map((r) => line(columns.map((c) => cell(r[c])))),
  ]
    .join("\n");
}
