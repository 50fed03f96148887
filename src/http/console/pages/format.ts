// How the console writes numbers, sizes and times: one way on every page.
const UNITS = ["B", "kB", "MB", "GB", "TB"];

export function bytes(n: number | undefined): string {
  if (n === undefined) return "—";
  let unit = 0;
  while (n >= 1024 && unit < UNITS.length - 1) [n, unit] = [n / 1024, unit + 1];
  return `${n.toFixed(unit === 0 || n >= 100 ? 0 : 1)} ${UNITS[unit]}`;
}

/** UTC, to the second: operators compare times across regions and logs. */
export const time = (d: Date | string) => new Date(d).toISOString().replace("T", " ").slice(0, 19) + " UTC";

export const count = (n: number) => n.toLocaleString("en-US");
