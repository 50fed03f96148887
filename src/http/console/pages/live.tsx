// The live page: requests per second, p95 latency, the admission queue and connections over the last
// minutes, charted in the browser (uPlot, served by the API) from /console/live.json. Without
// JavaScript the latest samples are still there as a table.
import type { LiveSample } from "../../../ops/live-metrics.ts";
import { time } from "./format.ts";
import { Layout, type PageSession } from "./layout.tsx";

/** Each chart and the sample fields it draws; the Grafana dashboard in deploy/ has the same panels. */
export const CHARTS = [
  { id: "rps", title: "Requests per second", series: ["requestsPerSecond"] },
  { id: "p95", title: "p95 latency (ms)", series: ["p95Ms"] },
  {
    id: "admission",
    title: "Admission: in flight and waiting",
    series: ["admissionActive", "admissionWaiting"],
  },
  { id: "connections", title: "Agency clients (connections to PgBouncer)", series: ["tenantClients"] },
] as const;

const FIELDS = [
  "requestsPerSecond",
  "p95Ms",
  "admissionActive",
  "admissionWaiting",
  "tenantClients",
] as const;

export function LivePage(
  props: { session: PageSession; samples: readonly LiveSample[]; intervalMs: number; keep: number },
) {
  const latest = props.samples.slice(-12).reverse();
  return (
    <Layout
      title="Live"
      session={props.session}
      current="/console/live"
      head={
        <>
          <link rel="stylesheet" href="/console/assets/uplot.css" />
          <script src="/console/assets/uplot.js" defer></script>
          <script src="/console/assets/live.js" defer></script>
        </>
      }
    >
      <p>
        This instance's own metrics, sampled every {props.intervalMs / 1000} s; the last{" "}
        {Math.round((props.keep * props.intervalMs) / 60_000)} minutes are kept.
      </p>
      <div class="charts" data-source="/console/live.json" data-interval-ms={props.intervalMs}>
        {CHARTS.map((chart) => (
          <figure class="chart" id={`chart-${chart.id}`} data-series={chart.series.join(",")}>
            <figcaption>{chart.title}</figcaption>
          </figure>
        ))}
      </div>
      <h2>Latest samples</h2>
      <table class="samples">
        <thead>
          <tr>
            <th>Time</th>
            {FIELDS.map((f) => <th class="num">{f}</th>)}
          </tr>
        </thead>
        <tbody>
          {latest.map((s) => (
            <tr>
              <td>{time(new Date(s.t))}</td>
              {FIELDS.map((f) => <td class="num">{s[f] ?? "—"}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
