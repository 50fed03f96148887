// Times given on the command line (--to-time).
/** An ISO 8601 instant with its offset (2026-12-06T10:32:00Z). */
export function parseTime(text: string): Date {
  const time = new Date(text);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(text) || isNaN(time.getTime())) {
    throw new Error(`${text}: not an ISO 8601 time with an offset, e.g. 2026-12-06T10:32:00Z`);
  }
  return time;
}
