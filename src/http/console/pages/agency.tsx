// One agency: its details, size, users and plan usage, its lifecycle actions and its timeline; and
// the confirmation each action goes through.
import type { Agency } from "../../../catalog/agencies.ts";
import { CONSOLE_ACTIONS, type ConsoleAction } from "../actions.ts";
import type { Fleet } from "../fleet.ts";
import { EventTable } from "./events.tsx";
import { bytes, count, time } from "./format.ts";
import { CsrfField, Layout, Notice, type PageSession, Status } from "./layout.tsx";

type Detail = NonNullable<Awaited<ReturnType<Fleet["agency"]>>>;

const actionPath = (agency: Agency, action: ConsoleAction) =>
  `/console/agencies/${agency.id}/actions/${action.action}`;

function Usage({ detail }: { detail: Detail }) {
  const { usage, plan } = detail;
  if (!usage) return <p>No database: the agency is {detail.agency.status}.</p>;
  if ("error" in usage) return <Notice kind="error">Its database could not be read: {usage.error}</Notice>;
  const mb = usage.bytes / (1024 * 1024);
  return (
    <table class="usage">
      <tbody>
        <tr>
          <th>Size</th>
          <td id="size">{bytes(usage.bytes)}</td>
          <td>{plan && `of ${count(plan.storageMb)} MB (${Math.round((mb / plan.storageMb) * 100)}%)`}</td>
        </tr>
        <tr>
          <th>Users</th>
          <td id="users">{count(usage.users)}</td>
          <td>{plan && `of ${count(plan.maxUsers)}`}</td>
        </tr>
        <tr>
          <th>Projects</th>
          <td>{count(usage.projects)}</td>
          <td>{plan && `of ${count(plan.maxProjects)}`}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function AgencyPage(
  props: { session: PageSession; detail: Detail; canAct: boolean; done?: string; error?: string },
) {
  const { agency, plan, events } = props.detail;
  const actions = CONSOLE_ACTIONS.filter((a) => a.from.includes(agency.status));
  return (
    <Layout title={agency.name} session={props.session} current="/console/agencies">
      {props.done && <Notice kind="ok">{props.done}</Notice>}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <div class="grid">
        <section class="card wide">
          <h2>Details</h2>
          <dl>
            <dt>Status</dt>
            <dd>
              <Status status={agency.status} />
            </dd>
            <dt>Domain</dt>
            <dd>{agency.domain ?? "—"}</dd>
            <dt>Database</dt>
            <dd>{agency.databaseName}</dd>
            <dt>Cluster</dt>
            <dd>{agency.cluster}</dd>
            <dt>Plan</dt>
            <dd>{plan ? `${plan.name} (${plan.code})` : agency.subscriptionPlan}</dd>
            <dt>Goes cold</dt>
            <dd id="cold-policy">{coldPolicy(plan)}</dd>
            <dt>Schema version</dt>
            <dd>{agency.schemaVersion ?? "—"}</dd>
            <dt>Created</dt>
            <dd>{time(agency.createdAt)}</dd>
            <dt>Id</dt>
            <dd>{agency.id}</dd>
          </dl>
        </section>
        <section class="card">
          <h2>Usage</h2>
          <Usage detail={props.detail} />
        </section>
        {MOVABLE.includes(agency.status) && <BackupsCard detail={props.detail} canAct={props.canAct} />}
        <section class="card">
          <h2>Actions</h2>
          {!props.canAct
            ? <p>Viewers read; operators and owners act.</p>
            : actions.length === 0
            ? <p>None while the agency is {agency.status}.</p>
            : (
              <p class="actions">
                {actions.map((a) => (
                  <a class={`button action-${a.action}`} href={actionPath(agency, a)}>{a.label}</a>
                ))}
                {MOVABLE.includes(agency.status) && (
                  <a class="button action-move" href={`/console/agencies/${agency.id}/move`}>Move</a>
                )}
              </p>
            )}
        </section>
      </div>
      <section>
        <h2>Timeline</h2>
        <EventTable events={events} />
      </section>
    </Layout>
  );
}

/** The plan's cold policy in days (or seconds, for the short periods tests use). */
function coldPolicy(plan: Detail["plan"]) {
  if (!plan) return "—";
  if (plan.coldAfterSeconds === null) return "never (its plan)";
  const span = (s: number) => s % 86_400 === 0 ? `${s / 86_400} days` : `${s} s`;
  return `after ${span(plan.coldAfterSeconds)} inactive, warned ${span(plan.coldWarningSeconds)} before`;
}

// A move copies the database while it serves, a restore replaces it: an agency with a database.
const MOVABLE = ["active", "suspended"];

/** How far back its data can be restored, and the restore actions. */
function BackupsCard({ detail, canAct }: { detail: Detail; canAct: boolean }) {
  const { agency, recoverableFrom, undoable } = detail;
  return (
    <section class="card" id="recoverable">
      <h2>Backups</h2>
      <p>
        {recoverableFrom
          ? <>Recoverable from {time(recoverableFrom)} to now (cluster {agency.cluster}).</>
          : <>Cluster {agency.cluster} has no backup yet.</>}
      </p>
      {canAct && (
        <p class="actions">
          {recoverableFrom && (
            <a class="button action-restore-to-time" href={`/console/agencies/${agency.id}/restore-to-time`}>
              Restore to a point in time
            </a>
          )}
          {undoable && (
            <a class="button action-undo-restore" href={`/console/agencies/${agency.id}/undo-restore`}>
              Undo the latest restore
            </a>
          )}
        </p>
      )}
    </section>
  );
}

/** A point-in-time restore: the confirmation names the agency and the window, and asks for the time. */
export function RestoreToTimePage(
  props: { session: PageSession; agency: Agency; recoverableFrom: Date | null; suggested: string },
) {
  const { agency } = props;
  return (
    <Layout
      title={`Restore ${agency.name} to a point in time?`}
      session={props.session}
      current="/console/agencies"
    >
      <form method="post" action={`/console/agencies/${agency.id}/restore-to-time`} class="card confirm">
        <p>
          Restore <strong>{agency.name}</strong> (database{" "}
          {agency.databaseName}) to its data as it was at a moment
          {props.recoverableFrom && <>between {time(props.recoverableFrom)} and now</>}? Everything written
          after that moment is replaced (its present state is archived first, so this can be undone); its
          writes get 503 for about a second at the swap. Other agencies are not touched.
        </p>
        <label>
          Time (ISO 8601, UTC){" "}
          <input name="targetTime" value={props.suggested} required pattern="\d{4}-\d\d-\d\dT.*" />
        </label>
        <CsrfField csrf={props.session.csrf} />
        <button type="submit" class="danger action-restore-to-time">Restore {agency.name}</button>{" "}
        <a href={`/console/agencies/${agency.id}`}>Cancel</a>
      </form>
    </Layout>
  );
}

/** Undoing the latest restore: the state it replaced comes back. */
export function UndoRestorePage(props: { session: PageSession; agency: Agency }) {
  const { agency } = props;
  return (
    <Layout
      title={`Undo the latest restore of ${agency.name}?`}
      session={props.session}
      current="/console/agencies"
    >
      <form method="post" action={`/console/agencies/${agency.id}/undo-restore`} class="card confirm">
        <p>
          Bring back{" "}
          <strong>{agency.name}</strong>'s data as it was just before its latest restore? What was written
          since is archived first; its writes get 503 for about a second at the swap.
        </p>
        <CsrfField csrf={props.session.csrf} />
        <button type="submit" class="danger action-undo-restore">Undo the restore</button>{" "}
        <a href={`/console/agencies/${agency.id}`}>Cancel</a>
      </form>
    </Layout>
  );
}

/** Moving to another cluster: the confirmation names the agency and asks where to. */
export function MovePage(props: { session: PageSession; agency: Agency; targets: string[] }) {
  const { agency } = props;
  return (
    <Layout title={`Move ${agency.name}?`} session={props.session} current="/console/agencies">
      <form method="post" action={`/console/agencies/${agency.id}/move`} class="card confirm">
        <p>
          Move <strong>{agency.name}</strong> ({agency.domain ?? "no domain"}, database{" "}
          {agency.databaseName}, now on cluster{" "}
          <strong>{agency.cluster}</strong>) to another cluster? Its database is copied while it serves; its
          writes get 503 for about a second at the switch.
        </p>
        {props.targets.length === 0 ? <p>No other open cluster to move it to.</p> : (
          <>
            <label>
              To cluster{" "}
              <select name="to">
                {props.targets.map((name) => <option value={name}>{name}</option>)}
              </select>
            </label>
            <CsrfField csrf={props.session.csrf} />
            <button type="submit" class="danger action-move">Move {agency.name}</button>
          </>
        )} <a href={`/console/agencies/${agency.id}`}>Cancel</a>
      </form>
    </Layout>
  );
}

export function ConfirmPage(props: { session: PageSession; agency: Agency; action: ConsoleAction }) {
  const { agency, action } = props;
  return (
    <Layout title={`${action.label} ${agency.name}?`} session={props.session} current="/console/agencies">
      <form method="post" action={actionPath(agency, action)} class="card confirm">
        <p>
          {action.label} <strong>{agency.name}</strong> ({agency.domain ?? "no domain"}, database{" "}
          {agency.databaseName}, now <Status status={agency.status} />)? {action.effect}
        </p>
        <CsrfField csrf={props.session.csrf} />
        <button type="submit" class={`danger action-${action.action}`}>{action.label} {agency.name}</button>
        {" "}
        <a href={`/console/agencies/${agency.id}`}>Cancel</a>
      </form>
    </Layout>
  );
}
