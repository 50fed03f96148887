// The API's own gauges, as an operator reads them: GET /metrics (Prometheus text, with the scraper's
// token), `buildflow_*` samples by name without the prefix (tenant_clients_live, …; a labelled one
// with its labels: admission_refused_total{mechanism="fair_share"}).

/** The bench API's METRICS_TOKEN (benchEnv), made once per run. */
export const METRICS_TOKEN = `bench-metrics-${crypto.randomUUID()}`;

export async function readGauges(apiUrl: string): Promise<Record<string, number>> {
  const res = await fetch(`${apiUrl}/metrics`, {
    headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET /metrics: ${res.status} ${text.slice(0, 200)}`);
  const gauges: Record<string, number> = {};
  for (const [, name, value] of text.matchAll(/^buildflow_([a-z_]+(?:\{[^}]*\})?) (\S+)$/gm)) {
    gauges[name] = Number(value);
  }
  return gauges;
}

/** Gauges, or undefined when /metrics cannot be read (the caller reports NO DATA). */
export const tryReadGauges = (apiUrl: string) => readGauges(apiUrl).catch(() => undefined);
