// The fleet at a glance: agencies by status, plan and cluster; database sizes; connections against
// the budget; agencies behind the template; the latest lifecycle events.
import type { Fleet } from "../fleet.ts";
import { bytes, count, time } from "./format.ts";
import { Layout, type PageSession } from "./layout.tsx";
import { EventTable } from "./events.tsx";

type Overview = Awaited<ReturnType<Fleet["overview"]>>;

const filterLink = (key: string, value: string) =>
  `/console/agencies?${new URLSearchParams({ [key]: value })}`;

function Counts(props: { title: string; filter: string; rows: { key: string; agencies: number }[] }) {
  return (
    <section class="card">
      <h2>{props.title}</h2>
      <table>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>
                <a href={filterLink(props.filter, r.key)}>{r.key}</a>
              </td>
              <td class="num">{count(r.agencies)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function OverviewPage(props: { session: PageSession; overview: Overview; budget: number }) {
  const { byStatus, byPlan, byCluster, databases, connections, pools, behind, events, backups } =
    props.overview;
  const total = byStatus.reduce((n, r) => n + r.agencies, 0);
  return (
    <Layout title="Fleet" session={props.session} current="/console">
      <div class="grid">
        <Counts title={`Agencies by status (${count(total)})`} filter="status" rows={byStatus} />
        <Counts title="By plan" filter="plan" rows={byPlan} />
        <Counts title="By cluster" filter="cluster" rows={byCluster} />
        <section class="card wide">
          <h2>Databases</h2>
          <p class="figure" id="total-size">{bytes(databases.total)}</p>
          <p>in {count(databases.count)} agency databases; the largest:</p>
          <table>
            <tbody>
              {databases.largest.map((d) => (
                <tr>
                  <td>{d.database}</td>
                  <td class="num">{bytes(d.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section class="card">
          <h2>Connections</h2>
          <p class="figure" id="connections">
            {count(connections.appRole)} <small>of {count(props.budget * connections.clusters)}</small>
          </p>
          <p>
            app-role server connections against the budget (PostgreSQL allows{" "}
            {count(connections.maxConnections)} in all).
          </p>
          {pools
            ? (
              <p>
                PgBouncer: {count(pools.inUse)} of {count(pools.total)} pools in use, {count(pools.waiting)}
                {" "}
                clients waiting.
              </p>
            )
            : <p>PgBouncer's admin console is not configured.</p>}
        </section>
        <section class="card">
          <h2>Schema</h2>
          <p class="figure" id="behind">{count(behind.agencies)}</p>
          <p>
            agencies behind the template's version {behind.template ?? "(none)"}
            {behind.agencies > 0 && <>: they answer 503 until `deno task tenants:migrate` has run</>}.
          </p>
        </section>
      </div>
      <Backups rows={backups} />
      <section>
        <h2>Latest lifecycle events</h2>
        <EventTable events={events} withAgency />
      </section>
    </Layout>
  );
}

/** Each cluster's backups: the last good full, differential and verified one, how far back a restore
 * reaches, the WAL archiver's lag, and what failed on its last attempt. */
function Backups({ rows }: { rows: Overview["backups"] }) {
  const when = (t: Date | null) => (t ? time(t) : "never");
  return (
    <section id="backups">
      <h2>Backups</h2>
      <table>
        <thead>
          <tr>
            <th>Cluster</th>
            <th>Last full</th>
            <th>Last differential</th>
            <th>Last verified</th>
            <th>Recoverable from</th>
            <th>Archive lag</th>
            <th>Failing</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr class={b.failing.length || b.error ? "failing" : undefined}>
              <td>{b.cluster}</td>
              <td>{when(b.lastFullAt)}</td>
              <td>{when(b.lastDiffAt)}</td>
              <td>{when(b.lastVerifiedAt)}</td>
              <td>{b.recoverableFrom ? time(b.recoverableFrom) : "no backup yet"}</td>
              <td class="num">{b.archive ? `${Math.round(b.archive.lagSeconds)} s` : "—"}</td>
              <td>
                {[...b.failing.map((f) => `${f.kind} at ${time(f.at)}: ${f.error}`), b.error].filter(Boolean)
                  .join("; ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
