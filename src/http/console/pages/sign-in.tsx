// The sign-in page: the operator accounts of POST /api/admin/login.
import { Layout, Notice } from "./layout.tsx";
import { CSRF_FIELD } from "../session.ts";

export function SignInPage(props: { csrf: string; next: string; email?: string; error?: string }) {
  return (
    <Layout title="Sign in">
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <form method="post" action="/console/login" class="card sign-in">
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <label>
          Email{" "}
          <input type="email" name="email" value={props.email} autocomplete="username" required autofocus />
        </label>
        <label>
          Password <input type="password" name="password" autocomplete="current-password" required />
        </label>
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}
