// The agencies list: search by name or domain, filter by status, plan and cluster, newest first,
// one cursor-linked page at a time.
import { type Agency, AGENCY_STATUSES } from "../../../catalog/agencies.ts";
import type { AgencyFilter } from "../fleet.ts";
import { bytes, time } from "./format.ts";
import { Layout, type PageSession, Status } from "./layout.tsx";

type Props = {
  session: PageSession;
  filter: AgencyFilter;
  choices: { plans: string[]; clusters: string[] };
  page: { data: Agency[]; nextCursor: string | null; sizes: Map<string, number> };
};

function Choice(props: { name: string; label: string; options: readonly string[]; value?: string }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">any</option>
        {props.options.map((o) => <option value={o} selected={o === props.value}>{o}</option>)}
      </select>
    </label>
  );
}

export function AgenciesPage({ session, filter, choices, page }: Props) {
  const { cursor: _, ...filters } = filter;
  const next = page.nextCursor &&
    `/console/agencies?${new URLSearchParams({ ...clean(filters), cursor: page.nextCursor })}`;
  return (
    <Layout title="Agencies" session={session} current="/console/agencies">
      <form method="get" action="/console/agencies" class="filters" role="search">
        <label>
          Name or domain <input type="search" name="q" value={filter.q} placeholder="acme" />
        </label>
        <Choice name="status" label="Status" options={AGENCY_STATUSES} value={filter.status} />
        <Choice name="plan" label="Plan" options={choices.plans} value={filter.plan} />
        <Choice name="cluster" label="Cluster" options={choices.clusters} value={filter.cluster} />
        <button type="submit">Search</button>
      </form>
      {page.data.length === 0 ? <p>No agency matches.</p> : (
        <table class="agencies">
          <thead>
            <tr>
              <th>Name</th>
              <th>Domain</th>
              <th>Status</th>
              <th>Plan</th>
              <th>Cluster</th>
              <th class="num">Size</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {page.data.map((a) => (
              <tr>
                <td>
                  <a href={`/console/agencies/${a.id}`}>{a.name}</a>
                </td>
                <td>{a.domain}</td>
                <td>
                  <Status status={a.status} />
                </td>
                <td>{a.subscriptionPlan}</td>
                <td>{a.cluster}</td>
                <td class="num">{bytes(page.sizes.get(a.databaseName))}</td>
                <td>{time(a.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="pager">
        {filter.cursor && <a href={`/console/agencies?${new URLSearchParams(clean(filters))}`}>First page</a>}
        {next && <a href={next} rel="next">Next page</a>}
      </nav>
    </Layout>
  );
}

const clean = (filters: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
