// The frame of every console page: the stylesheet, the navigation, who is signed in, and sign-out.
import type { Child } from "hono/jsx";
import type { Operator } from "../../../admin/operators.ts";
import { CSRF_FIELD } from "../session.ts";

export type PageSession = { operator: Operator; csrf: string };

const NAV = [["/console", "Fleet"], ["/console/agencies", "Agencies"], ["/console/live", "Live"]] as const;

export function Layout(
  props: { title: string; session?: PageSession; current?: string; head?: Child; children: Child },
) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title} · BuildFlow console</title>
        <link rel="stylesheet" href="/console/assets/console.css" />
        {props.head}
      </head>
      <body>
        <header>
          <strong>BuildFlow console</strong>
          {props.session && (
            <>
              <nav>
                {NAV.map(([href, label]) => (
                  <a href={href} aria-current={props.current === href ? "page" : undefined}>{label}</a>
                ))}
              </nav>
              <form method="post" action="/console/logout" class="signout">
                <span>{props.session.operator.email} ({props.session.operator.role})</span>
                <CsrfField csrf={props.session.csrf} />
                <button type="submit">Sign out</button>
              </form>
            </>
          )}
        </header>
        <main>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

export const CsrfField = ({ csrf }: { csrf: string }) => (
  <input type="hidden" name={CSRF_FIELD} value={csrf} />
);

export const Status = ({ status }: { status: string }) => (
  <span class={`status status-${status}`}>{status}</span>
);

export function Notice({ kind, children }: { kind: "ok" | "error"; children: Child }) {
  return <p class={`notice notice-${kind}`} role={kind === "error" ? "alert" : "status"}>{children}</p>;
}
