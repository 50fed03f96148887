// A table of lifecycle events (agency_events), newest first.
import type { AgencyEvent } from "../fleet.ts";
import { time } from "./format.ts";

export function EventTable(props: { events: AgencyEvent[]; withAgency?: boolean }) {
  if (!props.events.length) return <p>No events yet.</p>;
  return (
    <table class="events">
      <thead>
        <tr>
          <th>When</th>
          {props.withAgency && <th>Agency</th>}
          <th>Event</th>
          <th>Status</th>
          <th>By</th>
        </tr>
      </thead>
      <tbody>
        {props.events.map((e) => (
          <tr>
            <td>{time(e.createdAt)}</td>
            {props.withAgency && (
              <td>
                <a href={`/console/agencies/${e.agencyId}`}>{e.agencyName}</a>
              </td>
            )}
            <td>{e.event}</td>
            <td>{e.fromStatus && e.toStatus ? `${e.fromStatus} → ${e.toStatus}` : ""}</td>
            <td>{e.actor}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
